package flows

import "time"

// Conversation is the saved progress of one chat through a flow. It is
// stored as a whole (JSON) after every step, so a restart, a deploy or
// another replica continues exactly where the volunteer stopped.
type Conversation struct {
	Flow string `json:"flow"`
	Step string `json:"step"`
	// Version grows with every saved change. Buttons carry it, so a press
	// on the keyboard of an older question is recognised as stale.
	Version int `json:"version"`
	// Answers maps step ids to the accepted values.
	Answers map[string]Value `json:"answers"`
	// Trail is the steps answered so far, in order, for "Kembali".
	Trail []string `json:"trail,omitempty"`
	// Choices caches options computed for the current step (region search
	// results, …) so a button press resolves to what the user saw.
	Choices []Option `json:"choices,omitempty"`
	// Pending holds a value awaiting the user's confirmation, such as a
	// warning they may override.
	Pending *Value `json:"pending,omitempty"`
	// PromptMessageID is the delivered question whose buttons are live.
	PromptMessageID int `json:"prompt_message_id,omitempty"`
	// PromptHasButtons tells whether that question carries inline buttons
	// that must be removed once it is answered.
	PromptHasButtons bool `json:"prompt_has_buttons,omitempty"`
	// Confirming is set while a /batal asks for confirmation; a second
	// /batal then cancels at once. Answering the form clears it.
	Confirming bool `json:"confirming,omitempty"`
	// PickingField is set while the review card's list of fields is on
	// screen, so a typed number picks a field.
	PickingField bool `json:"picking_field,omitempty"`
	// Editing holds the answer being changed from the review card, to
	// restore it if the user goes back without a new one.
	Editing *Value `json:"editing,omitempty"`
	// Detours are the flows offered by the last Verdict.
	Detours []Detour `json:"detours,omitempty"`
	// MediaGroup is the album the last accepted photo belonged to, so an
	// album is acknowledged once rather than photo by photo.
	MediaGroup string `json:"media_group,omitempty"`
	// Held are messages that arrived while the "you have an open form"
	// reminder waited for an answer, in order. Continuing applies them as
	// answers; cancelling drops them with the form.
	Held []Input `json:"held,omitempty"`
	// Deferred are messages that arrived while a warning on DeferredStep
	// waited for "Ya, benar" and were not a retyped answer to it (the rest
	// of an offline burst). They are applied in order once the form has
	// moved past that step, and dropped if the volunteer goes back.
	Deferred     []Input `json:"deferred,omitempty"`
	DeferredStep string  `json:"deferred_step,omitempty"`
	// SubmissionID makes the final submit idempotent: a double tap or a
	// redelivered update finds the record already created under this key.
	SubmissionID string    `json:"submission_id"`
	Lang         string    `json:"lang"`
	StartedAt    time.Time `json:"started_at"`
	UpdatedAt    time.Time `json:"updated_at"`
}

// Value is one accepted answer. Text is what is shown back to the user on
// the review card; Data is the machine value (a code, a number, a date).
type Value struct {
	Data string `json:"data"`
	// Text is what the user is shown; for a NIK or KK it is masked.
	Text    string    `json:"text"`
	List    []string  `json:"list,omitempty"`
	Loc     *Location `json:"loc,omitempty"`
	Skipped bool      `json:"skipped,omitempty"`
	// Captions are what was typed under the photos of an AnswerPhotos
	// answer, kept so nothing the volunteer wrote is lost.
	Captions []string  `json:"captions,omitempty"`
	At       time.Time `json:"at,omitempty"`
}

// Option is one choice a step offers.
type Option struct {
	Value string `json:"v"`
	Label string `json:"l"`
}
