package flows

import (
	"strconv"
	"strings"
)

// Conversation buttons carry "c:<version>:<action>" in their callback data,
// well under Telegram's 64-byte limit. The version ties a button to the
// question it was sent with.
const convButtonPrefix = "c:"

type actionKind int

const (
	actionAnswer actionKind = iota // typed or shared input to parse
	actionPick                     // an option chosen by button
	actionBack
	actionSkip
	actionSubmit
	actionDone     // finish a multi-choice or photo step
	actionToggle   // flip a multi-choice option
	actionUnknown  // "tidak tahu" for counts
	actionConfirm  // keep an answer despite a warning
	actionRetype   // drop a doubted answer and type it again
	actionDetour   // switch to the flow a verdict offered
	actionEdit     // open the field list from the review card
	actionEditStep // change one field from the review card
	actionReview   // back to the review card
	actionCancelYes
	actionCancelNo
	actionResume  // continue a form after being away
	actionSuggest // take the suggested answer
	actionZero    // every count is zero
)

type action struct {
	kind  actionKind
	index int
}

func convButton(version int, act string) string {
	return convButtonPrefix + strconv.Itoa(version) + ":" + act
}

func optionButton(version, index int) string { return convButton(version, strconv.Itoa(index)) }

// readAction classifies an input for the current step. A button from any
// keyboard but the live one is stale.
func readAction(in Input, c *Conversation) (act action, fromButton, stale bool) {
	if in.Kind == KindCallback {
		ver, rest, ok := parseConvButton(in.Callback)
		if !ok || ver != c.Version {
			return action{}, true, true
		}
		if k, ok := buttonActions[rest]; ok {
			return action{kind: k}, true, false
		}
		for prefix, k := range indexedButtonActions {
			if n, found := strings.CutPrefix(rest, prefix); found {
				i, err := strconv.Atoi(n)
				if err != nil || i < 0 {
					return action{}, true, true
				}
				return action{kind: k, index: i}, true, false
			}
		}
		i, err := strconv.Atoi(rest)
		if err != nil || i < 0 {
			return action{}, true, true
		}
		return action{kind: actionPick, index: i}, true, false
	}
	if in.Kind == KindText {
		word := normalizeWord(in.Text)
		if k, ok := typedActions[word]; ok {
			return action{kind: k}, false, false
		}
		if countUnknown[word] {
			return action{kind: actionUnknown}, false, false
		}
	}
	return action{kind: actionAnswer}, false, false
}

// buttonActions are the fixed actions a conversation button can carry.
var buttonActions = map[string]actionKind{
	"back": actionBack, "skip": actionSkip, "send": actionSubmit, "done": actionDone,
	"unknown": actionUnknown, "yes": actionConfirm, "retype": actionRetype,
	"edit": actionEdit, "review": actionReview, "cancel-yes": actionCancelYes,
	"cancel-no": actionCancelNo, "resume": actionResume, "sg": actionSuggest, "zero": actionZero,
}

// indexedButtonActions carry an index after their prefix ("t2" toggles the
// third option).
var indexedButtonActions = map[string]actionKind{
	"t": actionToggle, "e": actionEditStep, "go": actionDetour,
}

// typedActions are words a user may type instead of tapping, for the
// navigation every step understands. Step answers that happen to be one of
// these words are not plausible in Mitra's forms.
var typedActions = map[string]actionKind{
	"kembali": actionBack, "back": actionBack, "balik": actionBack,
	"lewati": actionSkip, "skip": actionSkip, "lewat": actionSkip,
	"kirim": actionSubmit, "send": actionSubmit, "kirim ulang": actionSubmit,
	"selesai": actionDone, "done": actionDone,
	// "Tidak tahu" in all its spellings is countUnknown (see readAction).
}

// takes reports whether a step understands a navigation word; a typed word
// a step does not take is read as an ordinary answer ("Selesai" is also a
// visit result). "Tidak tahu" on an optional step that is not a count
// skips it (see typedAction).
func (st *Step) takes(k actionKind) bool {
	switch k {
	case actionDone:
		return st.Kind == AnswerMulti || st.Kind == AnswerPhotos
	case actionUnknown, actionZero:
		return st.Kind == AnswerCount || st.Kind == AnswerCounts
	case actionSubmit:
		return false
	}
	return true
}

// typedAction is what a navigation word typed at this step does: "tidak
// tahu" where a location or a note is optional means there is nothing to
// give, so the step is skipped; a word the step does not take is an
// ordinary answer.
func (st *Step) typedAction(k actionKind) actionKind {
	switch {
	case st.takes(k):
		return k
	case k == actionUnknown && st.Optional:
		return actionSkip
	}
	return actionAnswer
}

// typedYes are the ways of saying yes to a warning or to a suggested
// answer ("✅ 01/01/1985" read from the NIK).
var typedYes = map[string]bool{
	"ya": true, "iya": true, "y": true, "yes": true, "benar": true, "betul": true, "ya benar": true,
	"ya betul": true, "sudah benar": true, "ok": true, "oke": true, "okey": true, "sesuai": true, "setuju": true,
}

// yesMeans is what a typed yes does at this point: keep an answer that was
// warned about, take the suggested answer, or else nothing special.
func yesMeans(st *Step, s *Session) actionKind {
	if s.Conversation.Pending != nil && st.Kind != AnswerMulti && st.Kind != AnswerPhotos {
		return actionConfirm
	}
	if _, ok := suggestion(st, s); ok {
		return actionSuggest
	}
	return actionAnswer
}

func parseConvButton(data string) (version int, rest string, ok bool) {
	body, found := strings.CutPrefix(data, convButtonPrefix)
	if !found {
		return 0, "", false
	}
	verText, rest, found := strings.Cut(body, ":")
	if !found {
		return 0, "", false
	}
	v, err := strconv.Atoi(verText)
	if err != nil {
		return 0, "", false
	}
	return v, rest, true
}

// normalizeWord lower-cases and strips emoji and punctuation around a short
// reply such as "⬅️ Kembali" so typed and tapped navigation read the same.
func normalizeWord(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z') && !(r >= '0' && r <= '9')
	})
	return strings.Join(strings.Fields(s), " ")
}
