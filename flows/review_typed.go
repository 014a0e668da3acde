package flows

import (
	"strconv"
	"strings"
)

// editWords start a typed request to change an answer on the review card:
// "ubah", or "ubah nama" to go straight to that field.
var editWords = []string{"ubah", "edit", "ganti", "koreksi", "perbaiki", "change"}

// typedReviewAction reads text typed at the review card or at its list of
// fields: "ubah" lists the fields, "ubah pekerjaan" or just "pekerjaan"
// reopens the one field it names, a word naming several lists them, and a
// number picks from the list on screen. ok is false for anything else.
func typedReviewAction(f *Flow, s *Session) (action, bool) {
	if s.Input.Kind != KindText || !f.Review {
		return action{}, false
	}
	text := normalizeWord(s.Input.Text)
	asked := false
	for _, w := range editWords {
		if rest, found := strings.CutPrefix(text, w); found && (rest == "" || rest[0] == ' ') {
			text, asked = strings.TrimSpace(rest), true
			break
		}
	}
	if text == "" {
		return action{kind: actionEdit}, asked
	}
	steps := reviewSteps(f, s)
	if n, err := strconv.Atoi(text); err == nil {
		// Numbers only mean something on the list of fields.
		if s.Conversation.PickingField && n >= 1 && n <= len(steps) {
			return action{kind: actionEditStep, index: n - 1}, true
		}
		return action{}, false
	}
	opts := make([]Option, len(steps))
	for i, st := range steps {
		opts[i] = Option{Value: strconv.Itoa(i), Label: st.Label.In(s.Lang)}
	}
	if o, ok := pickOne(opts, text); ok {
		i, _ := strconv.Atoi(o.Value)
		return action{kind: actionEditStep, index: i}, true
	}
	// "ubah …" that names no single field, or a word that starts several
	// ("nama": Nama lengkap, Nama ibu kandung), lists them.
	if asked || len(optionsByWord(opts, text)) > 1 {
		return action{kind: actionEdit}, true
	}
	return action{}, false
}
