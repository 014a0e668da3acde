package flows

import (
	"context"
	"log/slog"
)

// submit runs the flow's Submit. On failure the answers stay saved and the
// user gets a button to try again, so a database outage loses nothing.
func (e *Engine) submit(ctx context.Context, f *Flow, s *Session, out *Outcome) error {
	res, err := f.Submit(ctx, s)
	if err != nil {
		e.log.ErrorContext(ctx, "submit failed; answers kept for retry",
			"chat_id", s.Input.ChatID, "flow", f.Name, "error", err)
		c := s.Conversation
		e.retirePrompt(s, out)
		c.Version++
		c.PromptHasButtons = true
		out.add(Reply{
			Text:    msgSubmitFailed.In(s.Lang),
			Prompt:  true,
			Buttons: [][]Button{{{Text: msgRetryButton.In(s.Lang), Data: convButton(c.Version, "send")}}},
		})
		return nil
	}
	out.Replies = append(out.Replies, res.Replies...)
	if res.Notice != "" {
		out.Notice = res.Notice
	}
	s.Conversation = nil
	return nil
}

// handleSubmitStage answers input that arrives after the last question: a
// retry of a failed submit, or a step back.
func (e *Engine) handleSubmitStage(ctx context.Context, f *Flow, s *Session, act action, out *Outcome) error {
	switch act.kind {
	case actionSubmit:
		e.retirePrompt(s, out)
		return e.submit(ctx, f, s, out)
	case actionBack:
		return e.back(ctx, f, s, out)
	}
	c := s.Conversation
	e.retirePrompt(s, out)
	c.Version++
	c.PromptHasButtons = true
	out.add(Reply{
		Text:    msgSubmitPending.In(s.Lang),
		Prompt:  true,
		Buttons: [][]Button{{{Text: msgRetryButton.In(s.Lang), Data: convButton(c.Version, "send")}}},
	})
	return nil
}

var discardLogger = slog.New(slog.DiscardHandler)
