package regions

import "strings"

// Score tiers, in hundredths (Match.Score = points/100).
const (
	tierExact     = 100 // the name is the query
	tierPrefix    = 80  // the name starts with the query
	tierWords     = 60  // each word starts a word of the name, in order
	tierSubstring = 40  // each word occurs somewhere in the name
	tierFuzzy     = 20  // as above but with typos; plus up to maxFuzzyBonus
	// maxFuzzyBonus rewards a typo match for the length of the correct
	// start it shares with the name ("gambr": Gambir +4, Gamer +3).
	maxFuzzyBonus = 5
	fuzzyMinLen   = 5
	// minSubstringLen: shorter words ("a", "ii") only match at the start
	// of a word; inside words they would match almost everything.
	minSubstringLen = 3
)

// withContext is the score of a match whose name matched only some of the
// words, at tier t, while the others named its ancestors. Compressing it
// under the good name-only tiers keeps "Sungai Buluah Barat" (60) ahead of
// "Sungai Mas, Kab. Aceh Barat" (55) for "sungai barat", while "gambir
// jakarta pusat" still finds Gambir (65). A t of 0 stays no match.
func withContext(t int) int {
	if t == 0 {
		return 0
	}
	return t/2 + 15
}

// The best scores the later search phases can produce, which decide
// whether those phases can change the result.
var (
	maxSubstringScore = max(tierSubstring, withContext(tierSubstring))
	maxFuzzyScore     = max(tierFuzzy+maxFuzzyBonus, withContext(tierFuzzy+maxFuzzyBonus))
)

// score returns the points of region id for the plan, or 0 for no match.
// Results below floor cannot be used by the caller, which lets it skip the
// costlier ways of matching.
func (x *Index) score(id int32, p *plan, floor int) int {
	best := 0
	for i := range p.readings {
		r := &p.readings[i]
		if s := x.scoreReading(id, r, max(floor, best)+r.penalty) - r.penalty; s > best {
			best = s
		}
	}
	return best
}

// wordClass is how one query word matches a name.
type wordClass uint8

const (
	classNone   wordClass = iota
	classFuzzy            // one typo away from (the start of) a word
	classInner            // occurs inside a word
	classPrefix           // starts a word
)

// classify returns how query word w matches the normalized name, short of
// typos, which match.typo checks only when a tier needs it.
func classify(norm, w string) wordClass {
	switch {
	case hasWordPrefix(norm, w):
		return classPrefix
	case len(w) >= minSubstringLen && strings.Contains(norm, w):
		return classInner
	}
	return classNone
}

// match is the classification of a reading's words against one name.
type match struct {
	norm    string
	r       *reading
	class   [maxQueryWords]wordClass
	qual    [maxQueryWords]int  // fuzzyQuality of classFuzzy words
	checked [maxQueryWords]bool // typo check done
	// noTypos is set when typo matches score too low to matter.
	noTypos bool
}

// typo upgrades word i from classNone to classFuzzy if it is one typo
// from a word of the name, and reports whether it is.
func (m *match) typo(i int) bool {
	if !m.checked[i] {
		m.checked[i] = true
		if w := m.r.words[i]; !m.noTypos && len(w) >= fuzzyMinLen {
			if q := fuzzyQuality(m.norm, w); q >= 0 {
				m.class[i], m.qual[i] = classFuzzy, q
			}
		}
	}
	return m.class[i] == classFuzzy
}

// scoreReading matches one reading against region id: either all words
// against the name, or a leading or trailing run of them against the name
// and the rest against its ancestors ("gambir | jakarta pusat").
func (x *Index) scoreReading(id int32, r *reading, floor int) int {
	m := match{norm: x.normOf(id), r: r, noTypos: floor > maxFuzzyScore}
	n := len(r.words)
	for i, w := range r.words {
		m.class[i] = classify(m.norm, w)
	}
	// Cheap necessary condition first: each word must match the name or
	// an ancestor; only then pay for typo checks.
	if n > 1 {
		for i := range n {
			if m.class[i] == classNone && !x.ancestorMatches(r, i, id) && !m.typo(i) {
				return m.wholeTier(0, n) // "tolit oli" is still Tolitoli
			}
		}
	}
	best := m.tier(0, n)
	if n == 1 || withContext(tierExact) < max(floor, best+1) {
		return best
	}
	for k := n - 1; k >= 1; k-- {
		if t := withContext(m.tier(0, k)); t > best && t >= floor && x.inContext(r, k, n, id) {
			best = t
		}
		if t := withContext(m.tier(n-k, n)); t > best && t >= floor && x.inContext(r, 0, n-k, id) {
			best = t
		}
	}
	return best
}

// tier grades how words[a:b] of the reading match the name.
func (m *match) tier(a, b int) int {
	if t := m.wholeTier(a, b); t > 0 {
		return t
	}
	allPrefix, tier, bonus := true, tierSubstring, maxFuzzyBonus
	for i := a; i < b; i++ {
		if m.class[i] == classNone && !m.typo(i) {
			return 0
		}
		switch m.class[i] {
		case classFuzzy:
			tier, bonus = tierFuzzy, min(bonus, m.qual[i])
			allPrefix = false
		case classInner:
			allPrefix = false
		}
	}
	switch {
	case tier == tierFuzzy:
		return tierFuzzy + bonus
	case allPrefix && wordPrefixesInOrder(m.norm, m.r.words[a:b]):
		return tierWords
	}
	return tierSubstring
}

// wholeTier compares words[a:b], joined, with the whole name: exact or
// prefix, also when spaces differ ("tolitoli" for "Toli-Toli"); else 0.
func (m *match) wholeTier(a, b int) int {
	q := m.r.join(a, b)
	if m.norm == q {
		return tierExact
	}
	if rest, ok := consumeSansSpaces(m.norm, q); ok {
		if rest == "" {
			return tierExact
		}
		return tierPrefix
	}
	return 0
}

// wordPrefixesInOrder reports whether each word starts a distinct word of
// norm, in order. Taking the earliest fitting word for each is optimal.
func wordPrefixesInOrder(norm string, words []string) bool {
	i := 0
	for len(norm) > 0 && i < len(words) {
		w := norm
		if sp := strings.IndexByte(norm, ' '); sp >= 0 {
			w, norm = norm[:sp], norm[sp+1:]
		} else {
			norm = ""
		}
		if strings.HasPrefix(w, words[i]) {
			i++
		}
	}
	return i == len(words)
}

// hasWordPrefix reports whether some word of norm starts with w.
func hasWordPrefix(norm, w string) bool {
	for {
		if strings.HasPrefix(norm, w) {
			return true
		}
		sp := strings.IndexByte(norm, ' ')
		if sp < 0 {
			return false
		}
		norm = norm[sp+1:]
	}
}

// fuzzyQuality returns, over the words of norm that fuzzyPrefix matches
// with w, the longest start shared with w, capped at maxFuzzyBonus; or -1
// when no word matches.
func fuzzyQuality(norm, w string) int {
	best := -1
	for len(norm) > 0 && best < maxFuzzyBonus {
		word := norm
		if sp := strings.IndexByte(norm, ' '); sp >= 0 {
			word, norm = norm[:sp], norm[sp+1:]
		} else {
			norm = ""
		}
		if fuzzyPrefix(w, word) {
			best = max(best, min(commonPrefixLen(w, word), maxFuzzyBonus))
		}
	}
	return best
}

// consumeSansSpaces matches prefix against the start of s ignoring spaces
// in both and returns the rest of s.
func consumeSansSpaces(s, prefix string) (string, bool) {
	i := 0
	for j := 0; j < len(prefix); j++ {
		if prefix[j] == ' ' {
			continue
		}
		for i < len(s) && s[i] == ' ' {
			i++
		}
		if i == len(s) || s[i] != prefix[j] {
			return "", false
		}
		i++
	}
	return s[i:], true
}
