package flows

import (
	"reflect"
	"testing"
)

func TestParseMulti(t *testing.T) {
	groups := []Option{
		{Value: "balita", Label: "Bayi/balita"}, {Value: "anak", Label: "Anak"},
		{Value: "hamil", Label: "Ibu hamil/menyusui"}, {Value: "lansia", Label: "Lansia"},
		{Value: "disabilitas", Label: "Penyandang disabilitas"},
	}
	needs := []Option{
		{Value: "tenda", Label: "Tenda / terpal"}, {Value: "makanan", Label: "Makanan siap saji / dapur umum"},
		{Value: "air", Label: "Air bersih"}, {Value: "bayi", Label: "Perlengkapan bayi/balita"},
	}
	optional := &Step{Kind: AnswerMulti, Optional: true}
	required := &Step{Kind: AnswerMulti}
	tests := []struct {
		name    string
		st      *Step
		opts    []Option
		in      string
		want    []string // nil with skipped false: refused
		skipped bool
	}{
		{"numbers", optional, groups, "1 3 5", []string{"balita", "hamil", "disabilitas"}, false},
		{"numbers with commas", optional, groups, "4,2", []string{"lansia", "anak"}, false},
		{"one label", optional, groups, "lansia", []string{"lansia"}, false},
		{"labels and words of labels", optional, groups, "lansia, balita", []string{"lansia", "balita"}, false},
		{"dan", optional, groups, "anak dan ibu hamil", []string{"anak", "hamil"}, false},
		{"phrases", optional, needs, "makanan, air bersih, terpal", []string{"makanan", "air", "tenda"}, false},
		{"repeats once", optional, groups, "2 anak", []string{"anak"}, false},
		{"none on an optional step", optional, groups, "tidak ada", nil, true},
		{"none on a required step", required, groups, "Nihil", nil, false},
		{"not in the list", optional, groups, "lansia, remaja", nil, false},
		{"number out of range", optional, groups, "0", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, p, err := parseMulti(tt.st, tt.opts, Input{Kind: KindText, Text: tt.in}, "id")
			if err != nil {
				t.Fatal(err)
			}
			refused := p.msg.ID != ""
			switch {
			case tt.skipped:
				if refused || !v.Skipped || v.Text != "Tidak ada" {
					t.Errorf("%q = %+v (%s), want skipped as “Tidak ada”", tt.in, v, p.text("id"))
				}
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
