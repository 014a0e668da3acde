package faketelegram

import (
	"encoding/json"
	"strings"
	"unicode"
)

// Telegram's length limits, in UTF-16 code units after entity parsing.
const (
	MaxTextLength     = 4096
	MaxCaptionLength  = 1024
	MaxCallbackAnswer = 200
)

// formatted is a validated text or caption.
type formatted struct {
	raw       string // as sent
	parseMode string // "" or "HTML"
	text      string // rendered: markup removed, entities decoded, trimmed
	entities  []Entity
}

// formatText validates a text (caption=false) or caption the way
// sendMessage/sendPhoto do: parse_mode, HTML syntax, emptiness and length.
func formatText(raw, parseMode, entitiesJSON string, caption bool) (formatted, *apiError) {
	f := formatted{raw: raw}
	switch strings.ToLower(parseMode) {
	case "":
		f.text = raw
		if entitiesJSON != "" {
			var ents []wireEntity
			if err := json.Unmarshal([]byte(entitiesJSON), &ents); err != nil {
				return f, badRequest("can't parse entities JSON object")
			}
			for _, e := range ents {
				f.entities = append(f.entities, e.entity())
			}
		}
	case "html":
		f.parseMode = "HTML"
		text, ents, err := ParseHTML(raw)
		if err != nil {
			return f, badRequest("can't parse entities: %s", err.Error())
		}
		f.text, f.entities = text, ents
	default:
		return f, badRequest("unsupported parse_mode")
	}
	if !caption && raw == "" {
		return f, badRequest(descTextEmpty)
	}
	f.text, f.entities = trimText(f.text, f.entities)
	switch {
	case !caption && f.text == "":
		// Telegram distinguishes "" from text that is empty once rendered.
		return f, badRequest("message must be non-empty")
	case !caption && UTF16Len(f.text) > MaxTextLength:
		return f, badRequest(descTooLong)
	case caption && UTF16Len(f.text) > MaxCaptionLength:
		return f, badRequest(descCaptionTooLong)
	}
	return f, nil
}

// UTF16Len is the length of s in UTF-16 code units, the unit of Telegram's
// text limits and entity offsets (an emoji outside the BMP counts 2).
func UTF16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16Width(r)
	}
	return n
}

func utf16Width(r rune) int {
	if r >= 0x10000 && r <= unicode.MaxRune {
		return 2
	}
	return 1
}

// trimText removes leading and trailing whitespace like Telegram and moves
// or clips entities accordingly.
func trimText(text string, ents []Entity) (string, []Entity) {
	trimmed := strings.TrimLeft(text, " \t\r\n")
	cut := UTF16Len(text[:len(text)-len(trimmed)])
	trimmed = strings.TrimRight(trimmed, " \t\r\n")
	size := UTF16Len(trimmed)
	var out []Entity
	for _, e := range ents {
		start, end := max(e.Offset-cut, 0), min(e.Offset+e.Length-cut, size)
		if end > start {
			e.Offset, e.Length = start, end-start
			out = append(out, e)
		}
	}
	return trimmed, out
}
