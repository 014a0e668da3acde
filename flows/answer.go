package flows

import (
	"context"
	"fmt"
)

// answer applies one action to the open step st.
func (e *Engine) answer(ctx context.Context, f *Flow, st *Step, s *Session, act action, fromButton bool, out *Outcome) error {
	c := s.Conversation
	if fromButton && act.kind == actionBack && s.Input.CallbackMessageID != c.PromptMessageID {
		// A pressed "Kembali" goes away with the question it belonged to.
		out.ClearButtons = append(out.ClearButtons, s.Input.CallbackMessageID)
	}
	switch act.kind {
	case actionBack, actionReview:
		if c.Editing != nil {
			// Leaving an edit without a new answer keeps the old one.
			c.Answers[st.ID] = *c.Editing
			e.retirePrompt(s, out)
			e.showReview(f, s, out, "")
			return nil
		}
		return e.back(ctx, f, s, out)
	case actionSkip:
		if !st.Optional {
			e.refuse(f, st, s, out, problem{msg: msgCannotSkip})
			return nil
		}
		e.accept(f, st, s, Value{Skipped: true, Text: msgSkipped.In(s.Lang)}, fromButton, out)
		return e.advance(ctx, f, s, out)
	case actionConfirm:
		if c.Pending == nil {
			out.Notice = msgStaleButton.In(s.Lang)
			return nil
		}
		v := *c.Pending
		e.accept(f, st, s, v, fromButton, out)
		return e.advance(ctx, f, s, out)
	case actionRetype:
		c.Pending, c.Detours = nil, nil
		e.retirePrompt(s, out)
		c.Version++
		out.add(e.ask(f, st, s, ""))
		return nil
	case actionSuggest:
		opt, ok := suggestion(st, s)
		if !ok {
			out.Notice = msgStaleButton.In(s.Lang)
			return nil
		}
		return e.acceptChecked(ctx, f, st, s, Value{Data: opt.Value, Text: opt.Label}, fromButton, out)
	case actionToggle:
		e.toggle(f, st, s, act.index, out)
		return nil
	case actionDone:
		v, prob := collected(st, s)
		if prob.msg.ID != "" {
			e.refuse(f, st, s, out, prob)
			return nil
		}
		e.accept(f, st, s, v, fromButton, out)
		return e.advance(ctx, f, s, out)
	case actionUnknown, actionZero:
		e.accept(f, st, s, allCounts(st, s.Lang, act.kind == actionZero), fromButton, out)
		return e.advance(ctx, f, s, out)
	}
	if st.Kind == AnswerPhotos && s.Input.Kind == KindPhoto {
		e.collectPhoto(st, s, out)
		return nil
	}
	if e.keepEarly(f, st, s, out) {
		return nil
	}
	v, prob, err := e.parse(ctx, st, s, act)
	if err != nil {
		return err
	}
	switch {
	case (prob.lookup != nil || prob.msg.ID != "") && !fromButton && s.Input.Kind == KindText && warningWaits(st, s.Conversation):
		// Only a direct answer retypes a warned one; anything else is the
		// rest of a burst, for the questions after it.
		e.deferBehindWarning(s, out)
		return nil
	case prob.lookup != nil:
		e.offerLookup(f, st, s, prob.lookup, out)
		return nil
	case prob.msg.ID != "":
		e.refuse(f, st, s, out, prob)
		return nil
	}
	return e.acceptChecked(ctx, f, st, s, v, fromButton, out)
}

// acceptChecked runs the step's Validate before accepting: a refusal asks
// again, a warning asks the user to confirm, detours are offered as buttons.
func (e *Engine) acceptChecked(ctx context.Context, f *Flow, st *Step, s *Session, v Value, fromButton bool, out *Outcome) error {
	if st.Validate != nil {
		verdict, err := st.Validate(ctx, s, v)
		if err != nil {
			return fmt.Errorf("flows: validate %s: %w", st.ID, err)
		}
		if verdict.Refuse != "" || verdict.Warn != "" {
			e.doubt(f, st, s, v, verdict, out)
			return nil
		}
	}
	e.accept(f, st, s, v, fromButton, out)
	return e.advance(ctx, f, s, out)
}

// doubt shows a verdict: a refusal re-asks the question, a warning waits
// for "Ya, benar" or a retype. Detours are offered with either.
func (e *Engine) doubt(f *Flow, st *Step, s *Session, v Value, verdict Verdict, out *Outcome) {
	c := s.Conversation
	e.retirePrompt(s, out)
	c.Version++
	c.Detours = verdict.Detours
	var rows [][]Button
	for i, d := range verdict.Detours {
		rows = append(rows, []Button{{Text: d.Label.In(s.Lang), Data: convButton(c.Version, fmt.Sprintf("go%d", i))}})
	}
	if verdict.Refuse != "" {
		c.Pending = nil
		r := e.ask(f, st, s, "⚠️ "+verdict.Refuse)
		r.Buttons = append(rows, r.Buttons...)
		c.PromptHasButtons = len(r.Buttons) > 0
		out.add(r)
		return
	}
	c.Pending = &v
	rows = append([][]Button{{
		{Text: msgConfirmButton.In(s.Lang), Data: convButton(c.Version, "yes")},
		{Text: msgRetypeButton.In(s.Lang), Data: convButton(c.Version, "retype")},
	}}, rows...)
	c.PromptHasButtons = true
	out.add(Reply{Text: "⚠️ " + verdict.Warn, Buttons: rows, Prompt: true})
}

// accept records an answer, retires the question's buttons and bumps the
// version so any keyboard still on screen becomes stale.
func (e *Engine) accept(f *Flow, st *Step, s *Session, v Value, fromButton bool, out *Outcome) {
	c := s.Conversation
	if v.At.IsZero() {
		v.At = s.Input.SentAt
	}
	c.Answers[st.ID] = v
	c.Trail = append(c.Trail, st.ID)
	c.Choices, c.Pending, c.Detours, c.Editing, c.MediaGroup = nil, nil, nil, nil, ""
	c.Confirming = false
	c.Version++
	c.UpdatedAt = s.Now
	pressed := 0
	if fromButton {
		pressed = s.Input.CallbackMessageID
	}
	if pressed != 0 {
		// Keep the question readable in the chat history, with the answer.
		out.add(Reply{
			EditMessageID: pressed,
			Text:          e.questionText(f, st, s) + "\n\n✅ " + escape(v.Text),
		})
	}
	if c.PromptHasButtons && c.PromptMessageID != 0 && c.PromptMessageID != pressed {
		out.ClearButtons = append(out.ClearButtons, c.PromptMessageID)
	}
	c.PromptMessageID, c.PromptHasButtons = 0, false
	if usesReplyKeyboard(st) {
		// The reply keyboard cannot share a message with inline buttons,
		// so it is removed on a short confirmation of its own.
		out.add(Reply{Text: "✅ " + escape(v.Text), RemoveKeyboard: true})
		s.lead = "" // that confirmation already shows what a lookup found
	}
}

// back returns to the most recent answered step that still applies.
func (e *Engine) back(ctx context.Context, f *Flow, s *Session, out *Outcome) error {
	c := s.Conversation
	e.retirePrompt(s, out)
	c.Pending, c.Detours = nil, nil
	c.Deferred, c.DeferredStep = nil, "" // they were for the questions after this one
	for len(c.Trail) > 0 {
		prev := c.Trail[len(c.Trail)-1]
		c.Trail = c.Trail[:len(c.Trail)-1]
		st, _ := f.step(prev)
		if st == nil || !applies(st, s) {
			continue
		}
		delete(c.Answers, prev)
		c.Version++
		c.Choices = nil
		c.Step = prev
		out.add(e.ask(f, st, s, ""))
		return nil
	}
	st, _ := f.step(c.Step)
	if st == nil {
		return e.advance(ctx, f, s, out)
	}
	c.Version++
	out.add(e.ask(f, st, s, msgAtFirstStep.In(s.Lang)))
	return nil
}

// refuse explains what was wrong and asks the same question again, on a new
// message so the question stays at the bottom of the chat.
func (e *Engine) refuse(f *Flow, st *Step, s *Session, out *Outcome, p problem) {
	e.retirePrompt(s, out)
	s.Conversation.Version++
	lead := "⚠️ " + p.text(s.Lang)
	if ex := st.Example.In(s.Lang); ex != "" && !p.noExample {
		lead += "\n" + msgExample.In(s.Lang) + " " + escape(ex)
	}
	out.add(e.ask(f, st, s, lead))
}

func usesReplyKeyboard(st *Step) bool { return st.Kind == AnswerPhone || st.Kind == AnswerLocation }
