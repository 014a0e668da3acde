package flows

import "testing"

func TestVisitTargetTakesATypedInstitution(t *testing.T) {
	tests := []struct {
		typed string
		want  string // LKS type remembered; "" when not an institution
	}{
		{"panti", "lksa"},
		{"Panti Asuhan", "lksa"},
		{"ponpes", "pesantren"},
		{"pesantren", "pesantren"},
		{"panti jompo", "lks_lu"},
		{"posdaya", "posdaya"},
		{"LKS", ""}, // several LKS types start with it
		{"Ibu Yusnimar", ""},
	}
	for _, tt := range tests {
		s := &Session{Lang: "id", Conversation: &Conversation{Answers: map[string]Value{}}}
		v, ok := visitTargetOfTypedLKS(s, tt.typed)
		if tt.want == "" {
			if ok {
				t.Errorf("%q = %+v, want no institution", tt.typed, v)
			}
			continue
		}
		if !ok || v.Data != "lks" {
			t.Errorf("%q = %+v (%v), want the LKS target", tt.typed, v, ok)
			continue
		}
		s.Conversation.Answers[stepVisitTarget] = v
		if o, ok := typedLKSSuggestion(s); !ok || o.Value != tt.want {
			t.Errorf("%q: suggested %+v (%v), want %s", tt.typed, o, ok, tt.want)
		}
	}
}
