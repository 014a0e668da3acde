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
// start, for t of at least minSubstringLen bytes, found through the suffix
// array of the word arena. The positions come back unordered, and a word
// may hold t twice; the callers tolerate repeats.
func (x *Index) forInnerWords(t string, fn func(int)) {
	if len(t) < minSubstringLen {
		return
	}
	for _, at := range x.wordSuffixes.Lookup([]byte(t), -1) {
		if i := x.wordAt(at); int(x.wordOff[i]) != at && !strings.HasPrefix(x.word(i), t) {
			fn(i)
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
