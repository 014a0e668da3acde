package flows

import "testing"

func TestParseRTRW(t *testing.T) {
	sess := &Session{Lang: "id"}
	tests := []struct {
		typed, want string // want "" means refused
	}{
		{"3/5", "003/005"},
		{"003/005", "003/005"},
		{"03-05", "003/005"},
		{"3 5", "003/005"},
		{"3.5", "003/005"},
		{"RT 3 RW 5", "003/005"},
		{"rt.03/rw.05", "003/005"},
		{"RT03 RW05", "003/005"},
		{"Rt 12, Rw 4", "012/004"},
		{"3", ""},
		{"3/5/7", ""},
		{"1234/5", ""},
		{"0/5", ""},
		{"Jl. Batang Arau No. 5", ""},
		{"Jl 5 no 7", ""},
		{"Buruh cuci", ""},
		{"", ""},
	}
	for _, tt := range tests {
		v, refusal := parseRTRW(sess, tt.typed)
		switch {
		case tt.want == "" && refusal == "":
			t.Errorf("parseRTRW(%q) = %q, want it refused", tt.typed, v.Data)
		case tt.want != "" && (refusal != "" || v.Data != tt.want || v.Text != tt.want):
			t.Errorf("parseRTRW(%q) = %q, %q; want %q", tt.typed, v.Data, refusal, tt.want)
		}
	}
}
