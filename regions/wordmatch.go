package regions

import "strings"

// How a query word can match a word of a name, from the dictionary's side.
// Each function calls fn with the index of every dictionary word that
// matches in its way; the three ways are disjoint.

// forPrefixWords: dictionary words that start with t.
func (x *Index) forPrefixWords(t string, fn func(int)) {
	a, b := x.prefixRange(t)
	for i := a; i < b; i++ {
		fn(i)
	}
}

// forInnerWords: dictionary words that contain t other than at their
// start, for t of at least minSubstringLen bytes. It scans the word arena
// with strings.Index and jumps to the next word after each hit.
func (x *Index) forInnerWords(t string, fn func(int)) {
	if len(t) < minSubstringLen {
		return
	}
	for at := 0; ; {
		j := strings.Index(x.words[at:], t)
		if j < 0 {
			return
		}
		i := x.wordAt(at + j)
		if int(x.wordOff[i]) != at+j && !strings.HasPrefix(x.word(i), t) {
			fn(i)
		}
		at = int(x.wordOff[i+1])
	}
}

// forFuzzyWords: dictionary words that neither start with nor contain t
// but that fuzzyPrefix matches — one typo away from t, or from a prefix of
// t's length or one more — for t of at least fuzzyMinLen bytes.
//
// Rather than test every word, it enumerates where the typo is: a word
// with the typo at byte 3 or later starts with t[:3], a short run that is
// checked word by word; a typo at byte p < 3 (a wrong, missing, extra or
// swapped byte) fixes the word's first four bytes up to one letter, so
// each choice of letter is a tiny prefix run of the sorted dictionary.
func (x *Index) forFuzzyWords(t string, fn func(int)) {
	if len(t) < fuzzyMinLen {
		return
	}
	check := func(prefix []byte) {
		a, b := x.prefixRange(string(prefix))
		for i := a; i < b; i++ {
			if w := x.word(i); fuzzyPrefix(t, w) && !strings.Contains(w, t) {
				fn(i)
			}
		}
	}
	var buf [8]byte
	with := func(parts ...string) []byte {
		b := buf[:0]
		for _, p := range parts {
			b = append(b, p...)
		}
		return b[:min(len(b), 4)]
	}
	check(with(t[:3]))
	const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
	for p := 0; p < 3; p++ {
		check(with(t[:p], t[p+1:]))                       // t[p] typed in excess
		check(with(t[:p], t[p+1:p+2], t[p:p+1], t[p+2:])) // t[p], t[p+1] swapped
		for k := 0; k < len(alphabet); k++ {
			c := alphabet[k : k+1]
			if c[0] != t[p] {
				check(with(t[:p], c, t[p+1:])) // t[p] mistyped
			}
			check(with(t[:p], c, t[p:])) // a byte missed before t[p]
		}
	}
}

// forWordsStartingQuery: dictionary words of at least minSubstringLen
// bytes that t starts with, so that "tolitoli" finds the names starting
// "toli toli" (names are compared ignoring spaces too).
func (x *Index) forWordsStartingQuery(t string, fn func(int)) {
	for k := minSubstringLen; k < len(t); k++ {
		p := t[:k]
		if i := x.findWord(p); i >= 0 {
			fn(i)
		}
	}
}
