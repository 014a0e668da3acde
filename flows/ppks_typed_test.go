package flows

import "testing"

func TestTypedPPKSType(t *testing.T) {
	tests := []struct {
		typed, lang string
		want        string // type value; "" when none or ambiguous
	}{
		{"lansia", "id", "lansia_terlantar"},
		{"Manula", "id", "lansia_terlantar"},
		{"difabel", "id", "penyandang_disabilitas"},
		{"anak cacat", "id", "anak_disabilitas"},
		{"pengemis", "id", "pengemis"},
		{"gelandangan", "id", "gelandangan"},
		{"Anak jalanan", "id", "anak_jalanan"},
		{"fakir", "id", "fakir_miskin"},
		{"trafficking", "id", "korban_trafficking"},
		{"KDRT", "id", "korban_tindak_kekerasan"},
		{"beggars", "en", "pengemis"},
		{"anak", "id", ""},      // many types start with it
		{"korban", "id", ""},    // likewise
		{"Nurhayati", "id", ""}, // not a type at all
		{"lainnya", "id", ""},   // "other" says nothing about the criterion
		{"1371014101850001", "id", ""},
	}
	for _, tt := range tests {
		got, ok := typedPPKSType(tt.typed, tt.lang)
		if tt.want == "" {
			if ok {
				t.Errorf("%q = %s, want no type", tt.typed, got.Value)
			}
			continue
		}
		if !ok || got.Value != tt.want {
			t.Errorf("%q = %q (%v), want %s", tt.typed, got.Value, ok, tt.want)
		}
	}
}

// A type typed at the criterion question answers it and is offered,
// ticked, at the type question.
func TestCriterionQuestionTakesATypedPPKSType(t *testing.T) {
	s := &Session{Lang: "id", Conversation: &Conversation{Answers: map[string]Value{}}}
	v, ok := criterionOfTypedType(s, "lansia")
	if !ok || v.Data != "ketelantaran" || v.Text != "Ketelantaran" {
		t.Fatalf("criterion = %+v (%v), want Ketelantaran", v, ok)
	}
	s.Conversation.Answers[stepRegCriterion] = v
	o, ok := typedTypeSuggestion(s)
	if !ok || o.Value != "lansia_terlantar" {
		t.Errorf("suggestion = %+v (%v), want Lanjut usia terlantar", o, ok)
	}
	// A criterion picked by button carries no typed type.
	s.Conversation.Answers[stepRegCriterion] = Value{Data: "ketelantaran", Text: "Ketelantaran"}
	if o, ok := typedTypeSuggestion(s); ok {
		t.Errorf("a button-picked criterion suggests %+v", o)
	}
}
