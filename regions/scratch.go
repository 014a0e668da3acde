package regions

// scratch is per-search working memory, pooled so a search allocates
// little more than its results.
type scratch struct {
	visited []uint64 // bitset of scored ids
	hits    []hit
	words   []int32 // typo candidates
}

func (x *Index) getScratch() *scratch {
	if s, ok := x.pool.Get().(*scratch); ok {
		return s
	}
	return &scratch{}
}

// reset clears the visited set for an index of n regions.
func (s *scratch) reset(n int) {
	words := (n + 63) / 64
	if cap(s.visited) < words {
		s.visited = make([]uint64, words)
	}
	s.visited = s.visited[:words]
	clear(s.visited)
}

// seen marks id visited and reports whether it already was.
func (s *scratch) seen(id int32) bool {
	w, bit := id>>6, uint64(1)<<(id&63)
	was := s.visited[w]&bit != 0
	s.visited[w] |= bit
	return was
}
