package flows

import (
	"reflect"
	"strings"
	"testing"
)

func TestOptionsByWord(t *testing.T) {
	marital := []Option{
		{Value: "single", Label: "Belum kawin"},
		{Value: "married", Label: "Kawin"},
		{Value: "divorced", Label: "Cerai hidup"},
		{Value: "widowed", Label: "Cerai mati"},
	}
	relation := []Option{
		{Value: "spouse", Label: "Istri/suami"},
		{Value: "parent", Label: "Orang tua/mertua"},
	}
	tests := []struct {
		name  string
		opts  []Option
		typed string
		want  []string
	}{
		{"a later word", marital, "mati", []string{"widowed"}},
		{"a start shared by two", marital, "cerai", []string{"divorced", "widowed"}},
		{"words across the label", marital, "CERAI  Hid", []string{"divorced"}},
		{"a word inside another label too", marital, "kawin", []string{"single", "married"}},
		{"after a slash", relation, "suami", []string{"spouse"}},
		{"second word of a pair", relation, "mertua", []string{"parent"}},
		{"not a word start", marital, "ati", nil},
		{"nothing typed", marital, "  ", nil},
		{"punctuation only", marital, "?!", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, o := range optionsByWord(tt.opts, tt.typed) {
				got = append(got, o.Value)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("optionsByWord(%q) = %v, want %v", tt.typed, got, tt.want)
			}
		})
	}
}

func TestChoiceProblemNamesTheCandidatesOrGivesAnExample(t *testing.T) {
	opts := []Option{{Value: "a", Label: "Cerai hidup"}, {Value: "b", Label: "Cerai <mati>"}}
	ambiguous := choiceProblem(opts, "cerai").text("id")
	for _, want := range []string{"“cerai” cocok dengan lebih dari satu pilihan", "“Cerai hidup”", "“Cerai &lt;mati&gt;”"} {
		if !strings.Contains(ambiguous, want) {
			t.Errorf("ambiguous answer: %q lacks %q", ambiguous, want)
		}
	}
	none := choiceProblem(opts, "<b>janda</b>").text("id")
	if !strings.Contains(none, "mis. “Cerai hidup”") || strings.Contains(none, "<b>") {
		t.Errorf("unmatched answer: %q, want an example and nothing of the input unescaped", none)
	}
}
