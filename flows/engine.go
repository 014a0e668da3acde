package flows

import (
	"context"
	"crypto/rand"
	"encoding/base32"
	"fmt"
	"log/slog"
	"strings"
)

// stepSubmit is the pseudo-step a conversation sits on once every question
// is answered and the submit is pending (or failed and may be retried).
const stepSubmit = "_submit"

// Engine runs declared flows. It is pure with respect to I/O except for the
// lookups and submits the flows themselves declare; saving the conversation
// is the caller's job, so one input maps to one atomic state write.
type Engine struct {
	flows map[string]*Flow
	log   *slog.Logger
}

// NewEngine registers flows. A duplicate name is a programming error and
// panics at start-up rather than misrouting conversations later.
func NewEngine(log *slog.Logger, fs ...*Flow) *Engine {
	if log == nil {
		log = discardLogger
	}
	e := &Engine{flows: make(map[string]*Flow, len(fs)), log: log}
	for _, f := range fs {
		if _, dup := e.flows[f.Name]; dup {
			panic("flows: duplicate flow " + f.Name)
		}
		e.flows[f.Name] = f
	}
	return e
}

// Flow returns a registered flow by name.
func (e *Engine) Flow(name string) (*Flow, bool) {
	f, ok := e.flows[name]
	return f, ok
}

// Start begins a flow in s, replacing any conversation there, with answers
// optionally prefilled (an invite fixes the role, for example).
func (e *Engine) Start(ctx context.Context, s *Session, name string, prefill map[string]Value) (Outcome, error) {
	f, ok := e.flows[name]
	if !ok {
		return Outcome{}, fmt.Errorf("flows: start unknown flow %q", name)
	}
	answers := make(map[string]Value, len(prefill))
	for k, v := range prefill {
		answers[k] = v
	}
	s.Conversation = &Conversation{
		Flow:         f.Name,
		Version:      int(s.Now.UnixMilli()),
		Answers:      answers,
		SubmissionID: newSubmissionID(),
		Lang:         s.Lang,
		StartedAt:    s.Now,
		UpdatedAt:    s.Now,
	}
	var out Outcome
	err := e.advance(ctx, f, s, &out)
	return out, err
}

// Continue applies the session's input to its conversation. When the flow
// finishes, s.Conversation is set to nil and the caller deletes the state.
func (e *Engine) Continue(ctx context.Context, s *Session) (Outcome, error) {
	c := s.Conversation
	f, ok := e.flows[c.Flow]
	if !ok {
		// A flow removed by a deploy: drop the conversation instead of
		// trapping the user in it.
		s.Conversation = nil
		return Outcome{Replies: []Reply{{Text: msgFlowGone.In(s.Lang)}}}, nil
	}
	var out Outcome
	in := s.Input
	act, fromButton, stale := readAction(in, c)
	if stale {
		out.Notice = msgStaleButton.In(s.Lang)
		return out, nil
	}
	if c.Step == stepSubmit {
		return out, e.handleSubmitStage(ctx, f, s, act, &out)
	}
	st, _ := f.step(c.Step)
	if st == nil {
		// The step vanished in a deploy; move on to whatever applies now.
		return out, e.advance(ctx, f, s, &out)
	}
	switch act.kind {
	case actionBack:
		return out, e.back(ctx, f, s, &out)
	case actionSkip:
		if !st.Optional {
			e.refuse(f, st, s, &out, problem{msg: msgCannotSkip})
			return out, nil
		}
		e.accept(f, st, s, Value{Skipped: true, Text: msgSkipped.In(s.Lang), At: in.SentAt}, fromButton, &out)
		return out, e.advance(ctx, f, s, &out)
	}
	v, prob, err := e.parse(ctx, st, s, act)
	if err != nil {
		return out, err
	}
	if prob.lookup != nil {
		e.offerLookup(f, st, s, prob.lookup, &out)
		return out, nil
	}
	if prob.msg.ID != "" {
		e.refuse(f, st, s, &out, prob)
		return out, nil
	}
	e.accept(f, st, s, v, fromButton, &out)
	return out, e.advance(ctx, f, s, &out)
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
	c.Choices = nil
	c.Version++
	c.UpdatedAt = s.Now
	switch {
	case fromButton && s.Input.CallbackMessageID != 0:
		out.add(Reply{
			EditMessageID: s.Input.CallbackMessageID,
			Text:          e.questionText(f, st, s) + "\n\n✅ " + escape(v.Text),
		})
	case c.PromptHasButtons && c.PromptMessageID != 0:
		out.ClearButtons = append(out.ClearButtons, c.PromptMessageID)
	}
	c.PromptMessageID, c.PromptHasButtons = 0, false
	if st.Kind == AnswerPhone {
		// The share-contact keyboard must go; it cannot share a message
		// with inline buttons, so confirm on a message of its own.
		out.add(Reply{Text: "✅ " + escape(v.Text), RemoveKeyboard: true})
	}
}

// advance asks the next applicable unanswered step or, when none is left,
// submits the flow.
func (e *Engine) advance(ctx context.Context, f *Flow, s *Session, out *Outcome) error {
	for i := range f.Steps {
		st := &f.Steps[i]
		if !applies(st, s) {
			continue
		}
		if _, done := s.Conversation.Answers[st.ID]; done {
			continue
		}
		s.Conversation.Step = st.ID
		out.add(e.ask(f, st, s, ""))
		return nil
	}
	s.Conversation.Step = stepSubmit
	return e.submit(ctx, f, s, out)
}

// back returns to the most recent answered step that still applies.
func (e *Engine) back(ctx context.Context, f *Flow, s *Session, out *Outcome) error {
	c := s.Conversation
	e.retirePrompt(s, out)
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
	// Already at the first question: ask it again, saying so.
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
		lead += "\n" + msgExample.In(s.Lang) + " " + ex
	}
	out.add(e.ask(f, st, s, lead))
}

// retirePrompt removes the buttons of the question on screen, if it has any.
func (e *Engine) retirePrompt(s *Session, out *Outcome) {
	c := s.Conversation
	if c.PromptHasButtons && c.PromptMessageID != 0 {
		out.ClearButtons = append(out.ClearButtons, c.PromptMessageID)
	}
	c.PromptMessageID, c.PromptHasButtons = 0, false
}

func applies(st *Step, s *Session) bool { return st.When == nil || st.When(s) }

func newSubmissionID() string {
	var b [10]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails on supported platforms
	return strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(b[:]))
}

// Repeat asks the current question again under a note, retiring the old
// question's buttons. It is how a user who wandered off is brought back.
func (e *Engine) Repeat(s *Session, note string) Outcome {
	var out Outcome
	c := s.Conversation
	f, ok := e.flows[c.Flow]
	if !ok {
		s.Conversation = nil
		out.add(Reply{Text: msgFlowGone.In(s.Lang)})
		return out
	}
	e.retirePrompt(s, &out)
	c.Version++
	c.Choices = nil
	if c.Step == stepSubmit {
		c.PromptHasButtons = true
		out.add(Reply{
			Text:    note + "\n\n" + msgSubmitPending.In(s.Lang),
			Prompt:  true,
			Buttons: [][]Button{{{Text: msgRetryButton.In(s.Lang), Data: convButton(c.Version, "send")}}},
		})
		return out
	}
	st, _ := f.step(c.Step)
	if st == nil {
		s.Conversation = nil
		out.add(Reply{Text: msgFlowGone.In(s.Lang)})
		return out
	}
	out.add(e.ask(f, st, s, note))
	return out
}
