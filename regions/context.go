package regions

import "slices"

// contextSet answers "does some ancestor of region X have a word matching
// query word w?" for many X at once: it is the union of the subtrees of
// the provinces, regencies and districts whose names have a word starting
// with w (or one typo away, for w of five bytes or more), as sorted
// disjoint id intervals. Level words ("kab", "kota", …) match everything.
type contextSet struct {
	ready bool
	all   bool
	iv    []int32 // start0, end0, start1, end1, …: ids in [start, end)
}

// inContext reports whether words[a:b] of the reading all match
// ancestors of id, building the sets it needs on first use.
func (x *Index) inContext(r *reading, a, b int, id int32) bool {
	for i := a; i < b; i++ {
		if !x.ancestorMatches(r, i, id) {
			return false
		}
	}
	return true
}

// ancestorMatches reports whether word i of the reading matches an
// ancestor of id.
func (x *Index) ancestorMatches(r *reading, i int, id int32) bool {
	c := r.ctx[i]
	if !c.ready {
		x.buildContext(r.words[i], c)
	}
	return c.all || c.contains(id)
}

func (c *contextSet) contains(id int32) bool {
	n := len(c.iv) / 2
	j := searchFrom(0, n, func(k int) bool { return c.iv[2*k] > id }) - 1
	return j >= 0 && id < c.iv[2*j+1]
}

func (x *Index) buildContext(w string, c *contextSet) {
	c.ready = true
	if _, ok := levelWords[w]; ok {
		c.all = true
		return
	}
	var ids []int32
	add := func(word int) {
		ids = append(ids, x.upperPosts[x.upperOff[word]:x.upperOff[word+1]]...)
	}
	x.forPrefixWords(w, add)
	x.forFuzzyWords(w, nil, add)
	slices.Sort(ids)
	// Subtrees are nested or disjoint, and sorted by their first id: an
	// interval that starts inside the last one is inside it.
	for _, id := range ids {
		start, end := id+1, x.nodes[id].end
		if k := len(c.iv); k > 0 && start < c.iv[k-1] {
			c.iv[k-1] = max(c.iv[k-1], end)
			continue
		}
		c.iv = append(c.iv, start, end)
	}
}
