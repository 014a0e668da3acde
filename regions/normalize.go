package regions

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// appendNormalized appends to dst the form in which names and queries are
// compared: lower-case words of letters and digits separated by single
// spaces, with no leading or trailing space. Apostrophes and quotes join
// the letters around them ("Ba'u", "Soka\"an" → "bau", "sokaan") because
// users type them inconsistently; every other punctuation mark separates
// words ("Toli-Toli" → "toli toli"); Latin letters lose their diacritics;
// HTML tags and entities pasted into a chat are dropped.
func appendNormalized(dst []byte, s string) []byte {
	start := len(dst)
	gap := true // a separator is pending or we are at the start
	word := func() {
		if !gap || len(dst) == start {
			return
		}
		dst = append(dst, ' ')
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
				word()
				dst, gap = append(dst, c), false
			case 'A' <= c && c <= 'Z':
				word()
				dst, gap = append(dst, c+'a'-'A'), false
			case c == '\'' || c == '"' || c == '`':
				// joins
			case c == '<' || c == '&':
				i += markupLen(s[i-1:]) - 1
				gap = true
			default:
				gap = true
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '’' || r == '‘' || r == 'ʼ' || r == '´' || r == '′' || r == '“' || r == '”':
			// joins, like ASCII quotes
		case r >= 0xC0 && r <= 0xFF && latin1Fold[r-0xC0] != '_':
			word()
			dst, gap = append(dst, latin1Fold[r-0xC0]), false
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			word()
			dst, gap = utf8.AppendRune(dst, unicode.ToLower(r)), false
		default:
			gap = true
		}
	}
	return dst
}

// latin1Fold maps U+00C0–U+00FF to an ASCII letter; '_' keeps the rune.
const latin1Fold = "aaaaaa_ceeeeiiiidnooooo_ouuuuy__aaaaaa_ceeeeiiiidnooooo_ouuuuy_y"

// markupLen returns the length of an HTML tag ("<b>", "</i>") or entity
// ("&amp;", "&#39;") at the start of s, or 1 when s starts with a lone '<'
// or '&' that is just punctuation.
func markupLen(s string) int {
	const maxTag, maxEntity = 64, 10
	if s[0] == '<' {
		if j := strings.IndexByte(s, '>'); j > 1 && j <= maxTag {
			return j + 1
		}
		return 1
	}
	for j := 1; j < len(s) && j <= maxEntity; j++ {
		c := s[j]
		switch {
		case c == ';' && j > 1:
			return j + 1
		case c == '#' && j == 1, 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
			continue
		}
		break
	}
	return 1
}

// normalizedName returns the form of a name that search compares against,
// and for a kabupaten/kota its kind. The kind word is cut off the name —
// "Kabupaten", "Kota" (and the "Administrasi" of Jakarta's), and the
// "Daerah Khusus Ibukota" and "Daerah Istimewa" of two provinces — so that
// "padang" is an exact match for Kota Padang and "jakarta" for DKI
// Jakarta; the kind keeps the kabupaten/kota distinction for "kab."/"kota"
// queries and labels.
func normalizedName(buf []byte, name string, level Level) ([]byte, regencyKind) {
	buf = appendNormalized(buf[:0], name)
	var kind regencyKind
	var cut int
	switch level {
	case ProvinceLevel:
		cut = cutPrefixes(buf, "daerah khusus ibukota ", "daerah istimewa ")
	case RegencyLevel:
		if cut = cutPrefixes(buf, "kabupaten "); cut > 0 {
			kind = kindKabupaten
		} else if cut = cutPrefixes(buf, "kota "); cut > 0 {
			kind = kindKota
		}
		if cut > 0 {
			cut += cutPrefixes(buf[cut:], "administrasi ")
		}
	}
	if cut == 0 || cut == len(buf) {
		return buf, kind
	}
	return append(buf[:0], buf[cut:]...), kind
}

// cutPrefixes returns the length of the first prefix that b starts with
// and that leaves something after it, or 0.
func cutPrefixes(b []byte, prefixes ...string) int {
	for _, p := range prefixes {
		if len(b) > len(p) && string(b[:len(p)]) == p {
			return len(p)
		}
	}
	return 0
}

// regencyKind tells a kabupaten from a kota.
type regencyKind uint8

const (
	kindNone regencyKind = iota
	kindKabupaten
	kindKota
)
