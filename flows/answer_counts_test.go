package flows

import (
	"reflect"
	"testing"
)

func TestParseCountsAnswer(t *testing.T) {
	victims := &Step{Kind: AnswerCounts, CountLabels: []Text{{"meninggal", "dead"}, {"hilang", "missing"}, {"luka berat", "seriously injured"}, {"luka ringan", "lightly injured"}}}
	affected := &Step{Kind: AnswerCounts, CountLabels: []Text{{"KK", "families"}, {"jiwa", "people"}}}
	houses := &Step{Kind: AnswerCounts, CountLabels: []Text{{"rusak berat", "heavy"}, {"sedang", "moderate"}, {"ringan", "light"}, {"terendam", "flooded"}}}
	tests := []struct {
		name string
		st   *Step
		in   string
		want []string // nil: refused
	}{
		{"in order", victims, "0 2 5 10", []string{"0", "2", "5", "10"}},
		{"commas", victims, "0,2,5,10", []string{"0", "2", "5", "10"}},
		{"some unknown", victims, "0 2 ? 10", []string{"0", "2", "", "10"}},
		{"one zero for all", affected, "0", []string{"0", "0"}},
		{"none for all", affected, "tidak ada", []string{"0", "0"}},
		{"nihil", victims, "Nihil", []string{"0", "0", "0", "0"}},
		{"one ? for all", affected, "?", []string{"", ""}},
		{"number then label", victims, "2 meninggal 1 hilang", []string{"2", "1", "", ""}},
		{"label then number", victims, "meninggal: 2, luka ringan: 7", []string{"2", "", "", "7"}},
		{"fillers", victims, "2 orang meninggal dan 3 orang luka berat", []string{"2", "", "3", ""}},
		{"families and people", affected, "50 kk 200 jiwa", []string{"50", "200"}},
		{"English labels", affected, "50 families, 200 people", []string{"50", "200"}},
		{"short label", houses, "3 berat 5 ringan", []string{"3", "", "5", ""}},
		{"house words", houses, "rumah rusak berat 3, terendam 40", []string{"3", "", "", "40"}},
		{"thousands", affected, "jiwa 1.200", []string{"", "1200"}},

		{"too few", affected, "50", nil},
		{"too many", affected, "1 2 3", nil},
		{"words", affected, "selesai", nil},
		{"a label twice", victims, "2 meninggal 3 meninggal", nil},
		{"label without number", victims, "meninggal hilang", nil},
		{"negative with label", victims, "-2 meninggal", nil},
		{"too large with label", affected, "jiwa 99999999", nil},
		{"sentence", affected, "banyak warga mengungsi ke masjid", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, p, err := parseCountsAnswer(tt.st, Input{Kind: KindText, Text: tt.in}, "id")
			if err != nil {
				t.Fatal(err)
			}
			refused := p.msg.ID != ""
			switch {
			case tt.want == nil && !refused:
				t.Errorf("%q accepted as %q, want it refused", tt.in, v.List)
			case tt.want != nil && refused:
				t.Errorf("%q refused: %s", tt.in, p.text("id"))
			case tt.want != nil && !reflect.DeepEqual(v.List, tt.want):
				t.Errorf("%q = %q, want %q", tt.in, v.List, tt.want)
			}
		})
	}
}

// A count that is not a number is explained as such, not as a wrong
// number of counts.
func TestParseCountsAnswerExplainsWords(t *testing.T) {
	st := &Step{Kind: AnswerCounts, CountLabels: []Text{{"KK", "families"}, {"jiwa", "people"}}}
	_, p, _ := parseCountsAnswer(st, Input{Kind: KindText, Text: "selesai"}, "id")
	if p.msg != msgCountUnreadable {
		t.Errorf("problem = %q, want the unreadable-count message", p.text("id"))
	}
}

// A counts answer with nothing known yet reads "tidak tahu" once; with
// anything known, every label is shown.
func TestCountsAnswerShowsUnknownOnce(t *testing.T) {
	st := &Step{Kind: AnswerCounts, CountLabels: []Text{{"meninggal", "dead"}, {"hilang", "missing"}}}
	if got := countsValue(st, []string{"", ""}, "id").Text; got != "tidak tahu" {
		t.Errorf("all unknown = %q, want “tidak tahu”", got)
	}
	if got := countsValue(st, []string{"", "2"}, "id").Text; got != "meninggal tidak tahu · hilang 2" {
		t.Errorf("one known = %q", got)
	}
}
