package flows

// lksEveryday are the words volunteers use for institutions that the LKS
// type labels do not contain.
var lksEveryday = map[string]string{
	"panti": "lksa", "panti asuhan": "lksa", "lksa": "lksa", "orphanage": "lksa",
	"pondok": "pesantren", "pondok pesantren": "pesantren", "ponpes": "pesantren",
	"panti jompo": "lks_lu", "panti werdha": "lks_lu", "panti wreda": "lks_lu", "lks lansia": "lks_lu",
	"slb": "lks_disabilitas", "panti disabilitas": "lks_disabilitas",
}

// visitTargetOfTypedLKS answers "Siapa yang dikunjungi?" from an
// institution typed there ("panti", "pesantren"): the target is an LKS,
// and its type is remembered for the next question to tick.
func visitTargetOfTypedLKS(s *Session, text string) (Value, bool) {
	kind, ok := lksEveryday[normalizeWord(text)]
	if !ok {
		opts := make([]Option, 0, len(lksTypes))
		for _, t := range lksTypes {
			if t.Value != "lainnya" {
				opts = append(opts, Option{Value: t.Value, Label: t.Label.In(s.Lang)})
			}
		}
		o, found := pickOne(opts, text)
		if !found {
			return Value{}, false
		}
		kind = o.Value
	}
	for _, t := range visitTargets {
		if t.Value == "lks" {
			return Value{Data: t.Value, Text: t.Label.In(s.Lang), List: []string{kind}}, true
		}
	}
	return Value{}, false
}

// typedLKSSuggestion offers, at the institution type question, the type
// typed at the target question.
func typedLKSSuggestion(s *Session) (Option, bool) {
	v := s.Conversation.Answers[stepVisitTarget]
	if v.Data != "lks" || len(v.List) != 1 {
		return Option{}, false
	}
	for _, t := range lksTypes {
		if t.Value == v.List[0] {
			return Option{Value: t.Value, Label: t.Label.In(s.Lang)}, true
		}
	}
	return Option{}, false
}
