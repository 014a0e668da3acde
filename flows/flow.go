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
	// AnswerMulti is any number of Options, toggled by buttons or typed
	// as numbers ("1 3 5").
	AnswerMulti
	// AnswerCount is one head count; "tidak tahu" is accepted.
	AnswerCount
	// AnswerCounts is several head counts asked together (CountLabels),
	// typed as numbers in order ("0 2 5 10").
	AnswerCounts
	// AnswerDate is a calendar date, typed or picked (hari ini, kemarin…).
	AnswerDate
	// AnswerTime is a clock time of day ("14.30").
	AnswerTime
	// AnswerLocation is a map point shared from the phone.
	AnswerLocation
	// AnswerPhotos is zero to MaxPhotos photos; albums are accepted.
	AnswerPhotos
	// AnswerNIK is a Nomor Induk Kependudukan; shown masked once entered.
	AnswerNIK
	// AnswerKK is a nomor Kartu Keluarga; shown masked once entered.
	AnswerKK
)

// Step is one question of a flow. Flows are declared as data: adding a
// field to a flow is adding one Step.
type Step struct {
	ID string
	// Label names the field on the review card ("Jenis bencana").
	Label  Text
	Prompt Text
	// Example is shown when an answer is refused, so the user sees what a
	// good answer looks like.
	Example Text
	Kind    AnswerKind

	Options []Choice // AnswerChoice, AnswerMulti
	// OptionsFor, if set, computes the options from earlier answers (the
	// PPKS types of the chosen criterion, say) and overrides Options.
	OptionsFor func(s *Session) []Choice

	CountLabels []Text // AnswerCounts: what each number counts
	MaxCount    int    // AnswerCount(s): the largest believable value
	DateRule    DateRule
	MaxPhotos   int // AnswerPhotos

	MinLen, MaxLen int // AnswerText, in characters
	// Parse, if set, reads an AnswerText answer instead of the free-text
	// rules (which require letters): for short coded answers such as RT/RW.
	// It returns the value, or a refusal in trusted HTML.
	Parse func(s *Session, text string) (Value, string)
	// Recognize, if set, reads a typed answer to an AnswerChoice step that
	// names none of its options (a PPKS type typed at its criterion); ok
	// false gives the usual refusal.
	Recognize func(s *Session, text string) (Value, bool)
	// QuickDates offers one-tap dates (hari ini, kemarin; besok, lusa…)
	// on an AnswerDate step; a birth date has no use for them.
	QuickDates bool

	// Lookup finds options for typed text (AnswerLookup). An empty result
	// makes the engine explain that nothing matched.
	Lookup func(ctx context.Context, s *Session, text string) ([]Option, error)
	// TakeExactMatch makes a lookup whose only result is named exactly as
	// typed ("alang laweh" → "Alang Laweh, Kec. Padang Selatan") answer
	// the step without the pick-from-list round trip.
	TakeExactMatch bool
	// ExactLookup marks a Lookup that finds by an identifier (a REG- code
	// or a NIK) rather than by name: a query may be all digits, and its
	// single result answers the step.
	ExactLookup bool
	// NotFound, if set, is the notice (with %s for the query) when the
	// Lookup finds nothing, instead of the place-name one.
	NotFound Text
	// KeepsEarly makes an AnswerLocation or AnswerPhotos step take a pin or
	// photos sent while an earlier question is open, instead of refusing
	// them there; the step is then not asked. Not for steps where an early
	// photo is likely something else (a KTP photo in /daftar).
	KeepsEarly bool

	// Optional steps offer "Lewati".
	Optional bool

	// When, if set, decides whether the step applies given the answers so
	// far; steps that don't apply are skipped in both directions.
	When func(s *Session) bool

	// Suggest, if set, offers a likely answer as a one-tap button (a birth
	// date read from the NIK, for instance).
	Suggest func(s *Session) (Option, bool)

	// Validate, if set, checks an answer against the world (a NIK already
	// registered, say) after it parsed. See Verdict.
	Validate func(ctx context.Context, s *Session, v Value) (Verdict, error)

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
	// Review shows every answer on one card with "Kirim" and "Ubah" before
	// anything is submitted.
	Review bool
	// Menu marks a one-question flow that leads to another (the /lapor
	// choice between updating and filing): its question has no
	// "Langkah 1/1" counter, and its Submit starts the next flow.
	Menu bool
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

// Verdict is what a step's Validate says about a parsed answer. The zero
// Verdict accepts it.
type Verdict struct {
	// Refuse, if set, is trusted HTML explaining why the answer cannot be
	// used; the question is asked again.
	Refuse string
	// Warn, if set, is trusted HTML the user must confirm ("Ya, benar")
	// before the answer is kept, or they retype it.
	Warn string
	// Detours are other flows the user may switch to instead, such as
	// recording a visit to a person who is already registered.
	Detours []Detour
}

// Detour is a way out of a refused or doubtful answer into another flow.
type Detour struct {
	Label   Text
	Flow    string
	Prefill map[string]Value
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
	// Loc is the user's time zone (WIB/WITA/WIT from their region).
	Loc *time.Location

	// lead is trusted HTML shown above the next question asked while
	// handling this input: what an exactly named lookup result resolved to.
	lead string
	// replaying is set while held or deferred messages are applied, so
	// they are not replayed again from inside.
	replaying bool
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
