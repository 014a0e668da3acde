package regions

// Search returns up to q.Limit regions whose names match q.Text, best
// first. Ranking, from best: exact name; name starts with the query; each
// query word starts a word of the name, in order ("pasar us" → "Pasar
// Usang"); each word occurs in the name; each word occurs allowing one typo
// per word of five letters or more. Words that do not match the name may
// match its ancestors, at a discount, so "gambir jakarta pusat" finds the
// Gambir in Jakarta Pusat. Ties go to the shorter name, then the higher
// level, then the code. See Query for level words, Match for scores.
// Results scoring more than 0.6 below the best are dropped: typo guesses
// are noise next to an exact name. Text without letters or digits finds
// nothing.
//
// Cost: candidates come from the word dictionary in three phases — words
// starting with a query word, words containing it, words one typo away —
// and a phase runs only when the ones before found fewer than Limit
// results that it could not outrank.
func (x *Index) Search(q Query) []Match {
	limit := q.Limit
	if limit <= 0 {
		limit = defaultLimit
	}
	limit = min(limit, maxLimit)
	if x == nil || len(x.nodes) == 0 || (q.Level != 0 && !q.Level.Valid()) {
		return nil
	}
	lo, hi := int32(0), int32(len(x.nodes))
	if q.Within != "" {
		w, ok := x.find(q.Within)
		if !ok {
			return nil
		}
		lo, hi = w+1, x.nodes[w].end
	}
	s := x.getScratch()
	defer x.pool.Put(s)
	p := parseQuery(q.Text, q.Level)
	hits := x.run(s, &p, lo, hi, limit)
	if len(hits) == 0 && p.fallback != nil {
		hits = x.run(s, p.fallback, lo, hi, limit)
	}
	if len(hits) == 0 {
		return nil
	}
	for i, h := range hits {
		if h.score < hits[0].score-maxScoreGap {
			hits = hits[:i]
			break
		}
	}
	out := make([]Match, len(hits))
	for i, h := range hits {
		out[i] = Match{Region: x.region(h.id), Label: x.label(h.id), Score: float64(h.score) / 100}
	}
	return out
}

// maxScoreGap is how far below the best result a result may score.
const maxScoreGap = 60

// run executes a plan over ids [lo, hi); each region is scored at most
// once.
func (x *Index) run(s *scratch, p *plan, lo, hi int32, limit int) []hit {
	if len(p.readings) == 0 || lo >= hi {
		return nil
	}
	s.reset(len(x.nodes))
	c := &collector{x: x, limit: limit, hits: s.hits[:0]}
	consider := func(word int) {
		for _, id := range x.postings(word, lo, hi) {
			if s.seen(id) {
				continue
			}
			n := &x.nodes[id]
			if (p.level != 0 && Level(n.level) != p.level) || (p.kind != kindNone && n.kind != p.kind) {
				continue
			}
			if sc := x.score(id, p, c.floor()); sc > 0 {
				c.offer(hit{id, sc})
			}
		}
	}
	// The name part of any match includes the first or the last query
	// word, so candidates come from those two.
	ends := p.endWords()
	for _, w := range ends {
		x.forPrefixWords(w, consider)
		x.forWordsStartingQuery(w, consider)
	}
	// A region found only now has its end words inside its words, so it
	// scores at most maxSubstringScore; likewise maxFuzzyScore after.
	if c.worthPhase(c.aboveSubstring, maxSubstringScore) {
		for _, w := range ends {
			x.forInnerWords(w, consider)
		}
	}
	if c.worthPhase(c.aboveFuzzy, maxFuzzyScore) {
		for _, w := range ends {
			s.words = x.forFuzzyWords(w, s.words, consider)
		}
	}
	s.hits = c.hits
	return c.hits
}

// endWords returns the distinct first and last words of all readings.
func (p *plan) endWords() []string {
	var out []string
	for _, r := range p.readings {
		for _, w := range [2]string{r.words[0], r.words[len(r.words)-1]} {
			dup := false
			for _, o := range out {
				dup = dup || o == w
			}
			if !dup {
				out = append(out, w)
			}
		}
	}
	return out
}
