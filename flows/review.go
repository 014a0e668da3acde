package flows

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"
)

// maxReviewValue keeps the review card under Telegram's 4096-character
// limit even when several free-text answers are long.
const maxReviewValue = 160

// showReview puts the summary card on screen: every answer, with "Kirim"
// and "Ubah". Nothing is submitted until "Kirim" is pressed.
func (e *Engine) showReview(f *Flow, s *Session, out *Outcome, lead string) {
	c := s.Conversation
	e.retirePrompt(s, out)
	c.Step, c.Editing, c.Pending, c.Choices = stepSubmit, nil, nil, nil
	c.PickingField = false
	c.Version++
	c.PromptHasButtons = true
	out.add(Reply{
		Text: joinLead(lead, e.reviewText(f, s)+"\n\n"+msgReviewHint.In(s.Lang)),
		Buttons: [][]Button{{
			{Text: msgSendButton.In(s.Lang), Data: convButton(c.Version, "send")},
			{Text: msgEditButton.In(s.Lang), Data: convButton(c.Version, "edit")},
		}},
		Prompt: true,
	})
}

func (e *Engine) reviewText(f *Flow, s *Session) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<b>%s</b> · %s\n", f.Title.In(s.Lang), msgReviewTitle.In(s.Lang))
	for _, st := range reviewSteps(f, s) {
		v := s.Conversation.Answers[st.ID]
		fmt.Fprintf(&b, "\n• %s: %s", st.Label.In(s.Lang), escape(clip(v.Text, maxReviewValue)))
	}
	return b.String()
}

// reviewSteps are the answered steps that apply and have a label, in order.
func reviewSteps(f *Flow, s *Session) []*Step {
	var steps []*Step
	for i := range f.Steps {
		st := &f.Steps[i]
		if _, ok := s.Conversation.Answers[st.ID]; ok && applies(st, s) && st.Label.ID != "" {
			steps = append(steps, st)
		}
	}
	return steps
}

// handleSubmitStage answers input on the review card or after a failed
// submit: send, change a field, step back, or a reminder of what to do.
func (e *Engine) handleSubmitStage(ctx context.Context, f *Flow, s *Session, act action, fromButton bool, out *Outcome) error {
	c := s.Conversation
	if act.kind == actionAnswer {
		if typed, ok := typedReviewAction(f, s); ok {
			act = typed
		}
	}
	switch act.kind {
	case actionSubmit:
		card := e.reviewText(f, s)
		pressed := 0
		if fromButton && f.Review {
			pressed = s.Input.CallbackMessageID
		}
		if pressed != 0 && pressed == c.PromptMessageID {
			c.PromptHasButtons = false // edited below, not cleared twice
		}
		var sent Outcome
		if err := e.submit(ctx, f, s, &sent); err != nil {
			return err
		}
		switch {
		case pressed == 0:
		case s.Conversation == nil:
			// The card stays in the chat as the record of what was sent.
			out.add(Reply{EditMessageID: pressed, Text: card + "\n\n" + msgSent.In(s.Lang)})
		default:
			// Not sent: the retry offer below replaces the card's buttons.
			out.ClearButtons = append(out.ClearButtons, pressed)
		}
		out.Replies = append(out.Replies, sent.Replies...)
		out.ClearButtons = append(out.ClearButtons, sent.ClearButtons...)
		if sent.Notice != "" {
			out.Notice = sent.Notice
		}
		return nil
	case actionBack:
		return e.back(ctx, f, s, out)
	case actionReview:
		e.showReview(f, s, out, "")
		return nil
	case actionEdit:
		if f.Review {
			e.offerFields(f, s, out)
			return nil
		}
	case actionEditStep:
		steps := reviewSteps(f, s)
		if !f.Review || act.index >= len(steps) {
			out.Notice = msgStaleButton.In(s.Lang)
			return nil
		}
		st := steps[act.index]
		old := c.Answers[st.ID]
		delete(c.Answers, st.ID)
		e.retirePrompt(s, out)
		c.Editing, c.Step, c.PickingField = &old, st.ID, false
		c.Version++
		out.add(e.ask(f, st, s, fmt.Sprintf(msgEditing.In(s.Lang), st.Label.In(s.Lang), escape(clip(old.Text, maxReviewValue)))))
		return nil
	}
	if f.Review {
		e.showReview(f, s, out, msgReviewWaiting.In(s.Lang))
		return nil
	}
	e.retirePrompt(s, out)
	c.Version++
	e.offerRetry(s, out, msgSubmitPending.In(s.Lang))
	return nil
}

// offerFields lists the fields as buttons; picking one reopens it.
func (e *Engine) offerFields(f *Flow, s *Session, out *Outcome) {
	c := s.Conversation
	e.retirePrompt(s, out)
	c.Version++
	var rows [][]Button
	for i, st := range reviewSteps(f, s) {
		rows = append(rows, []Button{{Text: st.Label.In(s.Lang), Data: convButton(c.Version, fmt.Sprintf("e%d", i))}})
	}
	rows = append(rows, []Button{{Text: msgBackToReview.In(s.Lang), Data: convButton(c.Version, "review")}})
	c.PickingField = true
	c.PromptHasButtons = true
	out.add(Reply{Text: msgPickField.In(s.Lang), Buttons: rows, Prompt: true})
}

func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}
