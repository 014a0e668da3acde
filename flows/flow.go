package flows

import (
	"context"
	"time"
)

// AnswerKind is the shape of answer a step expects; it decides how input is
// parsed and which buttons accompany the question.
type AnswerKind int

const (
	// AnswerText is free text between MinLen and MaxLen characters.
	AnswerText AnswerKind = iota + 1
	// AnswerChoice is one of Options, by button, number or label.
	AnswerChoice
	// AnswerLookup turns typed text into options with Lookup, then the
	// user picks one (regions, volunteers, …).
	AnswerLookup
	// AnswerPhone is an Indonesian phone number, shared or typed.
	AnswerPhone
)

// Step is one question of a flow. Flows are declared as data: adding a
// field to a flow is adding one Step.
type Step struct {
	ID     string
	Prompt Text
	// Example is shown when an answer is refused, so the user sees what a
	// good answer looks like.
	Example Text
	Kind    AnswerKind

	Options []Choice // AnswerChoice

	MinLen, MaxLen int // AnswerText, in characters

	// Lookup finds options for typed text (AnswerLookup). An empty result
	// makes the engine explain that nothing matched.
	Lookup func(ctx context.Context, s *Session, text string) ([]Option, error)

	// Optional steps offer "Lewati".
	Optional bool

	// When, if set, decides whether the step applies given the answers so
	// far; steps that don't apply are skipped in both directions.
	When func(s *Session) bool

	// Describe, if set, adds context under the prompt (for example the
	// kabupaten a kecamatan is searched in). It returns trusted HTML.
	Describe func(s *Session) string
}

// Choice is a static option of a step.
type Choice struct {
	Value string
	Label Text
}

// Flow is a guided conversation.
type Flow struct {
	Name  string
	Title Text
	Steps []Step
	// Submit runs once all steps are answered. It must be idempotent for
	// the conversation's SubmissionID: a redelivered final answer may call
	// it again. Returning an error keeps the conversation so nothing is lost.
	Submit func(ctx context.Context, s *Session) (Outcome, error)
}

func (f *Flow) step(id string) (*Step, int) {
	for i := range f.Steps {
		if f.Steps[i].ID == id {
			return &f.Steps[i], i
		}
	}
	return nil, -1
}

// Session is what a step or a submit sees: the input being handled, the
// conversation, and who is talking.
type Session struct {
	Input        Input
	Conversation *Conversation
	// Volunteer is the registered user, or nil for someone not yet registered.
	Volunteer *Volunteer
	Lang      string
	Now       time.Time
}

// Answer returns the accepted value of a step, if any.
func (s *Session) Answer(stepID string) (Value, bool) {
	v, ok := s.Conversation.Answers[stepID]
	return v, ok
}

// AnswerData returns the machine value of a step's answer, or "".
func (s *Session) AnswerData(stepID string) string {
	return s.Conversation.Answers[stepID].Data
}
