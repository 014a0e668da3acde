package faketelegram

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

var supportedTags = map[string]bool{
	"a": true, "b": true, "strong": true, "i": true, "em": true, "s": true, "strike": true, "del": true,
	"u": true, "ins": true, "tg-spoiler": true, "tg-emoji": true, "span": true, "pre": true, "code": true,
	"blockquote": true,
}

type openTag struct {
	name, arg string
	u16       int // UTF-16 offset of the tag's content
	textPos   int // byte offset of the tag's content in the output
}

// ParseHTML parses text written in Telegram's HTML parse mode the way
// Telegram does (a port of tdlib's parse_html) and returns the plain text
// and its entities. The error message is what Telegram puts after
// "Bad Request: can't parse entities: ".
//
// One deliberate difference: Telegram keeps a '&' that does not start one of
// &lt; &gt; &amp; &quot; &#NN; &#xHH; literally and also decodes those
// without the closing ';'. The fake rejects both, because text that needs
// such leniency was not escaped and breaks as soon as it contains a '<'.
func ParseHTML(src string) (string, []Entity, error) {
	at := func(i int) byte {
		if i < len(src) {
			return src[i]
		}
		return 0
	}
	var out strings.Builder
	var ents []Entity
	var stack []openTag
	u16 := 0
	for i := 0; i < len(src); {
		c := src[i]
		if c == '&' {
			r, n, err := decodeEntity(src, i)
			if err != nil {
				return "", nil, err
			}
			out.WriteRune(r)
			u16 += utf16Width(r)
			i += n
			continue
		}
		if c != '<' {
			r, size := utf8.DecodeRuneInString(src[i:])
			out.WriteString(src[i : i+size])
			u16 += utf16Width(r)
			i += size
			continue
		}
		begin := i
		i++
		if at(i) != '/' {
			for !isSpace(at(i)) && at(i) != '>' {
				i++
			}
			if i >= len(src) || at(i) == 0 {
				return "", nil, fmt.Errorf("Unclosed start tag at byte offset %d", begin)
			}
			name := strings.ToLower(src[begin+1 : i])
			if !supportedTags[name] {
				return "", nil, fmt.Errorf("Unsupported start tag %q at byte offset %d", name, begin)
			}
			arg, next, err := parseAttributes(src, i, begin, name)
			if err != nil {
				return "", nil, err
			}
			if name == "span" && arg != "spoiler" {
				return "", nil, fmt.Errorf("Tag \"span\" must have class \"tg-spoiler\" at byte offset %d", begin)
			}
			stack = append(stack, openTag{name: name, arg: arg, u16: u16, textPos: out.Len()})
			i = next + 1
			continue
		}
		if len(stack) == 0 {
			return "", nil, fmt.Errorf("Unexpected end tag at byte offset %d", begin)
		}
		for !isSpace(at(i)) && at(i) != '>' {
			i++
		}
		endName := strings.ToLower(src[begin+2 : i])
		for at(i) != 0 && isSpace(at(i)) {
			i++
		}
		if at(i) != '>' {
			return "", nil, fmt.Errorf("Unclosed end tag at byte offset %d", begin)
		}
		top := stack[len(stack)-1]
		if endName != "" && endName != top.name {
			return "", nil, fmt.Errorf("Unmatched end tag at byte offset %d, expected \"</%s>\", found \"</%s>\"", begin, top.name, endName)
		}
		if u16 > top.u16 {
			var err error
			if ents, err = closeEntity(ents, top, u16, out.String()); err != nil {
				return "", nil, err
			}
		}
		stack = stack[:len(stack)-1]
		i++
	}
	if len(stack) > 0 {
		return "", nil, fmt.Errorf("Can't find end tag corresponding to start tag %q", stack[len(stack)-1].name)
	}
	for k := range ents {
		if ents[k].Type == "code" {
			ents[k].Language = ""
		}
	}
	sortEntities(ents)
	return out.String(), ents, nil
}

// parseAttributes reads a start tag's attributes from i (just after the tag
// name) and returns the tag's argument and the index of the closing '>'.
func parseAttributes(src string, i, begin int, tag string) (string, int, error) {
	at := func(i int) byte {
		if i < len(src) {
			return src[i]
		}
		return 0
	}
	unclosed := fmt.Errorf("Unclosed start tag at byte offset %d", begin)
	arg := ""
	for at(i) != '>' {
		for i < len(src) && isSpace(at(i)) {
			i++
		}
		if at(i) == '>' {
			break
		}
		nameBegin := i
		for !isSpace(at(i)) && at(i) != '=' && at(i) != '>' {
			i++
		}
		name := src[nameBegin:i]
		if name == "" {
			return "", 0, fmt.Errorf("Empty attribute name in the tag %q at byte offset %d", tag, begin)
		}
		for i < len(src) && isSpace(at(i)) {
			i++
		}
		if i >= len(src) {
			return "", 0, unclosed
		}
		if at(i) != '=' {
			if tag == "blockquote" && name == "expandable" {
				arg = "expandable"
				continue
			}
			return "", 0, fmt.Errorf("Expected equal sign in declaration of an attribute of the tag %q at byte offset %d", tag, begin)
		}
		i++
		for i < len(src) && isSpace(at(i)) {
			i++
		}
		if i >= len(src) {
			return "", 0, fmt.Errorf("Unclosed start tag %q at byte offset %d", tag, begin)
		}
		var value string
		if q := at(i); q != '\'' && q != '"' {
			tokenBegin := i
			for isAlnum(at(i)) || at(i) == '.' || at(i) == '-' {
				i++
			}
			value = strings.ToLower(src[tokenBegin:i])
			if !isSpace(at(i)) && at(i) != '>' {
				return "", 0, fmt.Errorf("Unexpected end of name token at byte offset %d", tokenBegin)
			}
		} else {
			i++
			var b strings.Builder
			for i < len(src) && at(i) != q {
				if at(i) == '&' {
					r, n, err := decodeEntity(src, i)
					if err != nil {
						return "", 0, err
					}
					b.WriteRune(r)
					i += n
					continue
				}
				b.WriteByte(src[i])
				i++
			}
			if at(i) == q {
				i++
			}
			value = b.String()
		}
		if i >= len(src) {
			return "", 0, unclosed
		}
		switch {
		case tag == "a" && name == "href":
			arg = value
		case tag == "code" && name == "class" && strings.HasPrefix(value, "language-"):
			arg = value[len("language-"):]
		case tag == "span" && name == "class" && strings.HasPrefix(value, "tg-"):
			arg = value[len("tg-"):]
		case tag == "tg-emoji" && name == "emoji-id":
			arg = value
		}
	}
	return arg, i, nil
}

// decodeEntity decodes the character reference at src[pos] == '&' and
// returns the character and the number of bytes consumed.
func decodeEntity(src string, pos int) (rune, int, error) {
	at := func(i int) byte {
		if i < len(src) {
			return src[i]
		}
		return 0
	}
	end := pos + 1
	var res uint64
	valid := true
	if at(end) == '#' {
		end++
		if at(end) == 'x' {
			end++
			for ; isHex(at(end)); end++ {
				res = min(res*16+hexValue(at(end)), 0x10ffff)
			}
		} else {
			for ; isDigit(at(end)); end++ {
				res = min(res*10+uint64(at(end)-'0'), 0x10ffff)
			}
		}
		valid = res != 0 && res < 0x10ffff && end-pos < 10
	} else {
		for isAlpha(at(end)) {
			end++
		}
		switch src[pos+1 : end] {
		case "lt":
			res = '<'
		case "gt":
			res = '>'
		case "amp":
			res = '&'
		case "quot":
			res = '"'
		default:
			valid = false
		}
	}
	if !valid || at(end) != ';' {
		return 0, 0, fmt.Errorf("Bare \"&\" at byte offset %d does not start &lt; &gt; &amp; &quot; &#NN; or &#xHH; "+
			"(escape it as &amp;; faketelegram is stricter than Telegram here)", pos)
	}
	if res >= 0xd800 && res <= 0xdfff {
		return 0, 0, errors.New("Text contains invalid Unicode characters after decoding HTML entities, check for unmatched surrogate code units")
	}
	return rune(res), end + 1 - pos, nil
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0 || c == '\v'
}
func isDigit(c byte) bool { return '0' <= c && c <= '9' }
func isAlpha(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isAlnum(c byte) bool { return isAlpha(c) || isDigit(c) }
func isHex(c byte) bool   { return isDigit(c) || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }

func hexValue(c byte) uint64 {
	switch {
	case isDigit(c):
		return uint64(c - '0')
	case 'a' <= c && c <= 'f':
		return uint64(c-'a') + 10
	default:
		return uint64(c-'A') + 10
	}
}
