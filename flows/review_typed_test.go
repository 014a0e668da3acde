package flows

import "testing"

func TestTypedReviewAction(t *testing.T) {
	f := &Flow{Name: "uji", Review: true, Steps: []Step{
		{ID: "nama", Label: Text{"Nama lengkap", "Full name"}, Kind: AnswerText},
		{ID: "ibu", Label: Text{"Nama ibu kandung", "Mother's name"}, Kind: AnswerText},
		{ID: "kerja", Label: Text{"Pekerjaan", "Occupation"}, Kind: AnswerText},
	}}
	answers := map[string]Value{"nama": {Text: "Siti"}, "ibu": {Text: "Ros"}, "kerja": {Text: "Tani"}}
	tests := []struct {
		typed   string
		picking bool // the list of fields is on screen
		want    actionKind
		index   int
		ok      bool
	}{
		{"ubah", false, actionEdit, 0, true},
		{"Edit", false, actionEdit, 0, true},
		{"ubah pekerjaan", false, actionEditStep, 2, true},
		{"pekerjaan", false, actionEditStep, 2, true},
		{"ibu", false, actionEditStep, 1, true},
		{"nama", false, actionEdit, 0, true}, // names two fields: list them
		{"ubah alamat", false, actionEdit, 0, true},
		{"2", true, actionEditStep, 1, true},
		{"2", false, 0, 0, false}, // a number means nothing on the card itself
		{"9", true, 0, 0, false},
		{"Siti Aminah", false, 0, 0, false},
		{"ubahlah", false, 0, 0, false},
	}
	for _, tt := range tests {
		s := &Session{Lang: "id", Input: Input{Kind: KindText, Text: tt.typed},
			Conversation: &Conversation{Answers: answers, PickingField: tt.picking}}
		got, ok := typedReviewAction(f, s)
		if ok != tt.ok || (ok && (got.kind != tt.want || got.index != tt.index)) {
			t.Errorf("%q (list shown %v) = %+v %v, want kind %v index %d %v", tt.typed, tt.picking, got, ok, tt.want, tt.index, tt.ok)
		}
	}
}
