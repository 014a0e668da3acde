package regions

import (
	"slices"
	"strings"
)

// The typo index finds the dictionary words that may be one edit from a
// query word without testing them all. If two words are one insertion,
// deletion, substitution or swap apart (or one is that close to a prefix
// of the other), then deleting one byte from the first four bytes of each
// yields the same three bytes (for a typo at byte 4 or later, drop the
// fourth byte of both). So each word of four bytes or more is filed under
// the up to four 3-byte strings its first four bytes give with one byte
// deleted, and a query word looks up its own four: a few hundred
// candidates, confirmed with fuzzyPrefix. (The idea is SymSpell's
// deletion neighbourhood, cut to a prefix.)

// typoKeys returns the distinct deletion keys of w's first four bytes.
func typoKeys(w string) (keys [4]uint32, n int) {
	for j := 0; j < 4; j++ {
		var k uint32
		for i := 0; i < 4; i++ {
			if i != j {
				k = k<<8 | uint32(w[i])
			}
		}
		if !slices.Contains(keys[:n], k) {
			keys[n] = k
			n++
		}
	}
	return keys, n
}

// buildTypoIndex fills typoKey, typoOff and typoWords from the dictionary.
func (x *Index) buildTypoIndex() {
	pairs := make([]uint64, 0, 4*x.numWords())
	for i := range x.numWords() {
		w := x.word(i)
		if len(w) < 4 {
			continue // no word of fuzzyMinLen bytes is one edit from it
		}
		keys, n := typoKeys(w)
		for _, k := range keys[:n] {
			pairs = append(pairs, uint64(k)<<32|uint64(i))
		}
	}
	slices.Sort(pairs)
	x.typoWords = make([]int32, len(pairs))
	for i, p := range pairs {
		k := uint32(p >> 32)
		if len(x.typoKey) == 0 || x.typoKey[len(x.typoKey)-1] != k {
			x.typoKey = append(x.typoKey, k)
			x.typoOff = append(x.typoOff, uint32(i))
		}
		x.typoWords[i] = int32(p)
	}
	x.typoOff = append(x.typoOff, uint32(len(pairs)))
	x.typoKey = slices.Clip(x.typoKey)
	x.typoOff = slices.Clip(x.typoOff)
}

// forFuzzyWords: dictionary words that neither start with nor contain t
// but that fuzzyPrefix matches — one typo away from t, or from a prefix of
// t's length or one more — for t of at least fuzzyMinLen bytes. buf is
// scratch space, returned for reuse.
func (x *Index) forFuzzyWords(t string, buf []int32, fn func(int)) []int32 {
	if len(t) < fuzzyMinLen {
		return buf
	}
	cand := buf[:0]
	keys, n := typoKeys(t)
	for _, k := range keys[:n] {
		if i, ok := slices.BinarySearch(x.typoKey, k); ok {
			cand = append(cand, x.typoWords[x.typoOff[i]:x.typoOff[i+1]]...)
		}
	}
	slices.Sort(cand)
	for _, i := range slices.Compact(cand) {
		if w := x.word(int(i)); fuzzyPrefix(t, w) && !strings.Contains(w, t) {
			fn(int(i))
		}
	}
	return cand
}
