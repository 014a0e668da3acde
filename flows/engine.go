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
// is answered: the review card, or a failed submit waiting for a retry.
const stepSubmit = "_submit"

// Engine runs declared flows. It performs no I/O of its own beyond the
// lookups, validations and submits the flows declare; saving the
// conversation is the caller's job, so one input maps to one state write.
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
	version := int(s.Now.UnixMilli())
	if old := s.Conversation; old != nil && old.Version >= version {
		version = old.Version + 1 // keep every old keyboard stale
	}
	s.Conversation = &Conversation{
		Flow:         f.Name,
		Version:      version,
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
// finishes or is cancelled, s.Conversation is set to nil and the caller
// deletes the state.
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
	act, fromButton, stale := readAction(s.Input, c)
	if stale {
		out.Notice = msgStaleButton.In(s.Lang)
		return out, nil
	}
	switch act.kind {
	case actionCancelYes:
		e.retirePrompt(s, &out)
		s.Conversation = nil
		out.add(Reply{Text: msgCancelled.In(s.Lang), RemoveKeyboard: true})
		return out, nil
	case actionCancelNo, actionResume:
		c.Confirming = false
		if len(c.Held) > 0 {
			return e.replayHeld(ctx, s)
		}
		return e.Repeat(s, ""), nil
	case actionDetour:
		return e.detour(ctx, s, act.index)
	}
	if c.Step == stepSubmit {
		return out, e.handleSubmitStage(ctx, f, s, act, fromButton, &out)
	}
	st, _ := f.step(c.Step)
	if st == nil {
		// The step vanished in a deploy; move on to whatever applies now.
		return out, e.advance(ctx, f, s, &out)
	}
	if !fromButton {
		act.kind = st.typedAction(act.kind)
		if act.kind == actionAnswer && typedYes[normalizeWord(s.Input.Text)] {
			act.kind = yesMeans(st, s)
		}
	}
	if err := e.answer(ctx, f, st, s, act, fromButton, &out); err != nil {
		return out, err
	}
	return out, e.replayDeferred(ctx, s, &out)
}

// Repeat asks the current question again under a note, retiring the old
// question's buttons. It brings back a user who wandered off.
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
		if f.Review {
			e.showReview(f, s, &out, note)
			return out
		}
		e.offerRetry(s, &out, joinLead(note, msgSubmitPending.In(s.Lang)))
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

// detour leaves the conversation for the flow a verdict offered.
func (e *Engine) detour(ctx context.Context, s *Session, i int) (Outcome, error) {
	c := s.Conversation
	if i >= len(c.Detours) {
		return Outcome{Notice: msgStaleButton.In(s.Lang)}, nil
	}
	d := c.Detours[i]
	var retire Outcome
	e.retirePrompt(s, &retire)
	out, err := e.Start(ctx, s, d.Flow, d.Prefill)
	out.ClearButtons = append(retire.ClearButtons, out.ClearButtons...)
	return out, err
}

// advance asks the next applicable unanswered step or, when none is left,
// shows the review card or submits.
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
		lead := s.lead
		s.lead = ""
		out.add(e.ask(f, st, s, lead))
		return nil
	}
	pruneInapplicable(f, s)
	s.Conversation.Step = stepSubmit
	if f.Review {
		e.showReview(f, s, out, "")
		return nil
	}
	return e.submit(ctx, f, s, out)
}

// pruneInapplicable drops answers to steps a later change made irrelevant
// (a reschedule date after the result became "selesai"), so neither the
// review card nor the record shows them.
func pruneInapplicable(f *Flow, s *Session) {
	for i := range f.Steps {
		st := &f.Steps[i]
		if !applies(st, s) {
			delete(s.Conversation.Answers, st.ID)
		}
	}
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

func joinLead(lead, text string) string {
	if lead == "" {
		return text
	}
	return lead + "\n\n" + text
}

func newSubmissionID() string {
	var b [10]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails on supported platforms
	return strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(b[:]))
}
