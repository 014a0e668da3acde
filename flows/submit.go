package flows

import (
	"context"
	"log/slog"
)

// submit runs the flow's Submit. On failure the answers stay saved and the
// user gets a button to try again, so a database outage loses nothing.
func (e *Engine) submit(ctx context.Context, f *Flow, s *Session, out *Outcome) error {
	done := s.Conversation
	res, err := f.Submit(ctx, s)
	if err != nil {
		e.log.ErrorContext(ctx, "submit failed; answers kept for retry",
			"chat_id", s.Input.ChatID, "flow", f.Name, "error", err)
		e.retirePrompt(s, out)
		s.Conversation.Version++
		e.offerRetry(s, out, msgSubmitFailed.In(s.Lang))
		return nil
	}
	out.Replies = append(out.Replies, res.Replies...)
	out.ClearButtons = append(out.ClearButtons, res.ClearButtons...)
	if res.Notice != "" {
		out.Notice = res.Notice
	}
	// A Submit may start the next flow (a menu leads to a form); that
	// conversation is kept.
	if s.Conversation == done {
		s.Conversation = nil
	}
	return nil
}

// offerRetry shows text with a "Kirim ulang" button as the live prompt.
func (e *Engine) offerRetry(s *Session, out *Outcome, text string) {
	c := s.Conversation
	c.PromptHasButtons = true
	out.add(Reply{
		Text:    text,
		Prompt:  true,
		Buttons: [][]Button{{{Text: msgRetryButton.In(s.Lang), Data: convButton(c.Version, "send")}}},
	})
}

var discardLogger = slog.New(slog.DiscardHandler)
