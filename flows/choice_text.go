package flows

import (
	"strings"
	"unicode"
)

// pickOne reads typed as one option: its number, its label or the start of
// it, or a word of it that no other option shares.
func pickOne(opts []Option, typed string) (Option, bool) {
	if o, ok := matchOption(opts, typed); ok {
		return o, true
	}
	if m := optionsByWord(opts, typed); len(m) == 1 {
		return m[0], true
	}
	return Option{}, false
}

// optionsByWord lists the options with a word from which the label starts
// with what was typed: "mati" finds "Cerai mati", "cerai" finds both
// "Cerai hidup" and "Cerai mati". It is the fallback for a typed choice
// that matchOption could not settle.
func optionsByWord(opts []Option, typed string) []Option {
	want := strings.Join(labelWords(typed), " ")
	if want == "" {
		return nil
	}
	var found []Option
	for _, o := range opts {
		words := labelWords(o.Label)
		for i := range words {
			if strings.HasPrefix(strings.Join(words[i:], " "), want) {
				found = append(found, o)
				break
			}
		}
	}
	return found
}

// labelWords splits a label into lower-case words of letters and digits.
func labelWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// choiceProblem explains why typed picked no option: it fits several
// (they are named), or none (an example of what does fit is given).
func choiceProblem(opts []Option, typed string) problem {
	if m := optionsByWord(opts, typed); len(m) > 1 {
		labels := make([]string, len(m))
		for i, o := range m {
			labels[i] = "“" + escape(o.Label) + "”"
		}
		return problem{msg: msgPickWhichOne, args: []any{escape(shorten(cleanText(typed))), strings.Join(labels, ", ")}, noExample: true}
	}
	example := "1"
	if len(opts) > 0 {
		example = opts[0].Label
	}
	return problem{msg: msgPickFromList, args: []any{escape(example)}, noExample: true}
}
