package flows

// ppksEveryday are the words volunteers use for PPKS types that the formal
// labels do not contain ("lansia" for Lanjut usia terlantar).
var ppksEveryday = map[string]string{
	"lansia": "lansia_terlantar", "lanjut usia": "lansia_terlantar", "manula": "lansia_terlantar",
	"jompo": "lansia_terlantar", "lansia terlantar": "lansia_terlantar", "elderly": "lansia_terlantar",
	"miskin": "fakir_miskin", "orang miskin": "fakir_miskin", "keluarga miskin": "fakir_miskin",
	"difabel": "penyandang_disabilitas", "cacat": "penyandang_disabilitas", "penyandang cacat": "penyandang_disabilitas",
	"disabilitas": "penyandang_disabilitas", "anak cacat": "anak_disabilitas", "anak disabilitas": "anak_disabilitas",
	"anak difabel": "anak_disabilitas", "anjal": "anak_jalanan", "hiv": "odha", "aids": "odha",
	"narkoba": "napza", "pecandu": "napza", "kdrt": "korban_tindak_kekerasan", "tppo": "korban_trafficking",
	"perdagangan orang": "korban_trafficking", "tki": "pmbs", "pmi": "pmbs", "pekerja migran": "pmbs",
	"tkw": "pmbs", "eks napi": "bwblp", "mantan napi": "bwblp", "bekas napi": "bwblp", "psk": "tuna_susila",
	"suku terasing": "kat", "korban banjir": "korban_bencana_alam", "korban gempa": "korban_bencana_alam",
	"korban longsor": "korban_bencana_alam", "korban konflik": "korban_bencana_sosial",
}

// typedPPKSType finds the PPKS type a volunteer typed at the criterion
// question, by an everyday word or by its label; ok is false unless
// exactly one type fits.
func typedPPKSType(text, lang string) (ppksType, bool) {
	if v, ok := ppksEveryday[normalizeWord(text)]; ok {
		return ppksTypeByValue(v)
	}
	opts := make([]Option, 0, len(ppksTypes))
	for _, t := range ppksTypes {
		if t.Value != "lainnya" {
			opts = append(opts, Option{Value: t.Value, Label: t.Label.In(lang)})
		}
	}
	if o, ok := pickOne(opts, text); ok {
		return ppksTypeByValue(o.Value)
	}
	return ppksType{}, false
}

func ppksTypeByValue(v string) (ppksType, bool) {
	for _, t := range ppksTypes {
		if t.Value == v {
			return t, true
		}
	}
	return ppksType{}, false
}

// criterionOfTypedType answers the criterion question from a PPKS type
// typed there, and remembers the type for the next question to offer.
func criterionOfTypedType(s *Session, text string) (Value, bool) {
	t, ok := typedPPKSType(text, s.Lang)
	if !ok {
		return Value{}, false
	}
	for _, c := range ppksCriteria {
		if c.Value == t.criterion {
			return Value{Data: c.Value, Text: c.Label.In(s.Lang), List: []string{t.Value}}, true
		}
	}
	return Value{}, false
}

// typedTypeSuggestion offers, at the PPKS type question, the type typed
// at the criterion question.
func typedTypeSuggestion(s *Session) (Option, bool) {
	v := s.Conversation.Answers[stepRegCriterion]
	if len(v.List) != 1 {
		return Option{}, false
	}
	t, ok := ppksTypeByValue(v.List[0])
	if !ok || t.criterion != v.Data {
		return Option{}, false
	}
	return Option{Value: t.Value, Label: t.Label.In(s.Lang)}, true
}
