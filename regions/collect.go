package regions

// hit is a scored candidate.
type hit struct {
	id    int32
	score int
}

// collector keeps the best hits seen so far, best first, and counts the
// hits above the tiers that later search phases could still add.
type collector struct {
	x     *Index
	hits  []hit
	limit int
	// aboveSubstring and aboveFuzzy count hits scoring more than
	// maxSubstringScore and maxFuzzyScore.
	aboveSubstring, aboveFuzzy int
}

// worthPhase reports whether a search phase whose matches score at most
// phaseMax can still change the result, given the number of hits above
// phaseMax: not if limit hits score more, nor if its matches would fall
// more than maxScoreGap below the best.
func (c *collector) worthPhase(above, phaseMax int) bool {
	if above >= c.limit {
		return false
	}
	return len(c.hits) == 0 || c.hits[0].score-maxScoreGap <= phaseMax
}

// floor is the lowest score that could still enter the result.
func (c *collector) floor() int {
	if len(c.hits) < c.limit {
		return 1
	}
	return c.hits[len(c.hits)-1].score
}

// offer considers one hit; each id must be offered at most once.
func (c *collector) offer(h hit) {
	if h.score > maxSubstringScore {
		c.aboveSubstring++
	}
	if h.score > maxFuzzyScore {
		c.aboveFuzzy++
	}
	if len(c.hits) == c.limit {
		if !c.better(h, c.hits[len(c.hits)-1]) {
			return
		}
		c.hits = c.hits[:len(c.hits)-1]
	}
	i := len(c.hits)
	c.hits = append(c.hits, h)
	for ; i > 0 && c.better(h, c.hits[i-1]); i-- {
		c.hits[i] = c.hits[i-1]
	}
	c.hits[i] = h
}

// better orders hits: higher score, then shorter name, then the higher
// level (provinsi before desa), then code.
func (c *collector) better(a, b hit) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	na, nb := &c.x.nodes[a.id], &c.x.nodes[b.id]
	if na.normLen != nb.normLen {
		return na.normLen < nb.normLen
	}
	if na.level != nb.level {
		return na.level < nb.level
	}
	return a.id < b.id // ids follow code order
}
