package regions

import (
	"index/suffixarray"
	"slices"
	"strings"
)

// The word dictionary: every distinct word of the normalized names, sorted,
// with the ids of the regions that contain it. A query word maps to a
// contiguous run of dictionary words that start with it, so candidate
// regions are found without touching any region that does not match;
// substring and typo matching scan the 350 kB of distinct words rather
// than the names of 91,000 regions.

// buildDictionary fills words, wordOff, postOff and posts. It sorts
// (word, id) occurrences packed as (word index << 32 | id) in one []uint64:
// three large allocations and a temporary map, no per-word slices.
func (x *Index) buildDictionary() {
	occurrences := 0
	for id := range x.nodes {
		occurrences += strings.Count(x.normOf(int32(id)), " ") + 1
	}
	index := make(map[string]uint32, occurrences/2)
	distinct := make([]string, 0, occurrences/2)
	pairs := make([]uint64, 0, occurrences)
	for id := range x.nodes {
		for w := range strings.SplitSeq(x.normOf(int32(id)), " ") {
			if w == "" {
				continue
			}
			i, ok := index[w]
			if !ok {
				i = uint32(len(distinct))
				index[w] = i
				distinct = append(distinct, w)
			}
			pairs = append(pairs, uint64(i)<<32|uint64(id))
		}
	}
	// Renumber words in sorted order.
	order := make([]uint32, len(distinct))
	for i := range order {
		order[i] = uint32(i)
	}
	slices.SortFunc(order, func(a, b uint32) int { return strings.Compare(distinct[a], distinct[b]) })
	rank := make([]uint32, len(distinct))
	var arena strings.Builder
	x.wordOff = make([]uint32, len(distinct)+1)
	for r, i := range order {
		rank[i] = uint32(r)
		x.wordOff[r] = uint32(arena.Len())
		arena.WriteString(distinct[i])
		arena.WriteByte(0)
	}
	x.wordOff[len(distinct)] = uint32(arena.Len())
	x.words = arena.String()
	x.wordSuffixes = suffixarray.New([]byte(x.words))
	for i, p := range pairs {
		pairs[i] = uint64(rank[p>>32])<<32 | p&0xFFFFFFFF
	}
	slices.Sort(pairs)
	pairs = slices.Compact(pairs) // a word twice in one name
	x.posts = make([]int32, len(pairs))
	x.postOff = make([]uint32, len(distinct)+1)
	x.upperOff = make([]uint32, len(distinct)+1)
	for i, p := range pairs {
		id := int32(p)
		x.posts[i] = id
		x.postOff[p>>32+1] = uint32(i + 1)
		if x.nodes[id].level < uint8(VillageLevel) {
			x.upperPosts = append(x.upperPosts, id)
		}
		x.upperOff[p>>32+1] = uint32(len(x.upperPosts))
	}
	// Every word has posts, so postOff is complete; upperOff has gaps.
	for i := 1; i < len(x.upperOff); i++ {
		x.upperOff[i] = max(x.upperOff[i], x.upperOff[i-1])
	}
	x.upperPosts = slices.Clip(x.upperPosts)
}

// numWords returns the size of the dictionary.
func (x *Index) numWords() int { return len(x.wordOff) - 1 }

// word returns dictionary word i.
func (x *Index) word(i int) string { return x.words[x.wordOff[i] : x.wordOff[i+1]-1] }

// prefixRange returns the run [a, b) of dictionary words starting with p.
func (x *Index) prefixRange(p string) (a, b int) {
	n := x.numWords()
	a = searchFrom(0, n, func(i int) bool { return x.word(i) >= p })
	b = searchFrom(a, n, func(i int) bool { return !strings.HasPrefix(x.word(i), p) })
	return a, b
}

// findWord returns the index of dictionary word w, or -1.
func (x *Index) findWord(w string) int {
	n := x.numWords()
	if i := searchFrom(0, n, func(i int) bool { return x.word(i) >= w }); i < n && x.word(i) == w {
		return i
	}
	return -1
}

// searchFrom returns the first i in [lo, hi) for which ok holds, or hi;
// ok must be false and then true over the range.
func searchFrom(lo, hi int, ok func(int) bool) int {
	for lo < hi {
		h := int(uint(lo+hi) >> 1)
		if ok(h) {
			hi = h
		} else {
			lo = h + 1
		}
	}
	return lo
}

// wordAt returns the index of the dictionary word spanning arena offset off.
func (x *Index) wordAt(off int) int {
	i, _ := slices.BinarySearch(x.wordOff, uint32(off)+1)
	return i - 1
}

// postings returns the ids in [lo, hi) of the regions containing
// dictionary word i, ascending.
func (x *Index) postings(i int, lo, hi int32) []int32 {
	p := x.posts[x.postOff[i]:x.postOff[i+1]]
	if lo > 0 {
		a, _ := slices.BinarySearch(p, lo)
		p = p[a:]
	}
	if int(hi) < len(x.nodes) {
		b, _ := slices.BinarySearch(p, hi)
		p = p[:b]
	}
	return p
}
