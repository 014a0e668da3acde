package flows

import "strings"

// Text is a piece of bot copy in both languages Mitra speaks. The strings
// are trusted HTML: they may hold <b>/<i> tags but never user input, which is
// escaped where it is inserted.
type Text struct {
	ID string
	EN string
}

// In picks the language; anything but "en" gets Indonesian.
func (t Text) In(lang string) string {
	if lang == "en" && t.EN != "" {
		return t.EN
	}
	return t.ID
}

// LanguageFor maps a client language tag to one Mitra speaks: English for
// "en…" clients, Indonesian for everyone else.
func LanguageFor(tag string) string {
	if strings.HasPrefix(strings.ToLower(tag), "en") {
		return "en"
	}
	return "id"
}
