package regions

import (
	"index/suffixarray"
	"slices"
	"strings"
	"sync"
)

// Index is an immutable, memory-frugal view of all regions for lookup,
// labels and search. Build it once with NewIndex; all methods are safe for
// concurrent use.
//
// Layout: regions are sorted by code, which for dotted codes is a
// depth-first pre-order — every region is followed directly by all of its
// descendants — so a subtree is a contiguous range of ids and "within
// 13.05" is a range check. Strings live in arenas instead of one small
// allocation each: text holds each code followed by its name, norms each
// normalized search name (normalize.go). The word dictionary (dict.go)
// maps each distinct normalized word to the ids of the regions using it;
// a suffix array and a typo index (typo.go) find words by substring and
// by near miss. Everything is slices of numbers and a few big strings.
type Index struct {
	nodes []node
	text  string
	norms string

	// words holds the distinct normalized words in ascending order, each
	// followed by a NUL; word i starts at wordOff[i]. The ids of the
	// regions containing word i are posts[postOff[i]:postOff[i+1]],
	// ascending.
	words   string
	wordOff []uint32
	postOff []uint32
	posts   []int32
	// upperPosts[upperOff[i]:upperOff[i+1]] are the provinces, regencies
	// and districts among them, for matching ancestors.
	upperOff   []uint32
	upperPosts []int32
	// wordSuffixes is a suffix array over words, for substring search.
	wordSuffixes *suffixarray.Index

	// The typo index (typo.go): dictionary words typoWords[typoOff[i]:
	// typoOff[i+1]] share deletion key typoKey[i].
	typoKey   []uint32
	typoOff   []uint32
	typoWords []int32

	pool sync.Pool // *scratch
}

// node is one region: 24 bytes, no pointers, so the GC never scans the
// slice.
type node struct {
	text    uint32 // offset of the code in Index.text; the name follows it
	norm    uint32 // offset of the normalized name in Index.norms
	parent  int32  // id of the enclosing region, -1 at the top
	end     int32  // one past the last descendant: descendants are (id, end)
	nameLen uint16
	normLen uint16
	codeLen uint8
	level   uint8
	kind    regencyKind
}

// maxNameLen bounds stored names (real ones are under 50 bytes).
const maxNameLen = 1024

// NewIndex builds an index over regions. Regions whose code LevelOf
// rejects are skipped; for duplicated codes the first one wins; names are
// cut at 1,024 bytes. The hierarchy is read from the codes, not from
// ParentCode: "13.71.01" lies in the nearest present region among "13.71"
// and "13", and a region whose ancestors are all absent becomes a root;
// likewise Level is taken from the code's shape (LevelOf). The index
// keeps no reference to the slice, which callers may drop. For all 91,599
// Kemendagri regions it takes about 0.1 s and keeps about 9 MB of heap.
func NewIndex(regions []Region) *Index {
	order := make([]int32, 0, len(regions))
	textLen := 0
	for i := range regions {
		if LevelOf(regions[i].Code) != 0 {
			order = append(order, int32(i))
			textLen += len(regions[i].Code) + min(len(regions[i].Name), maxNameLen)
		}
	}
	slices.SortStableFunc(order, func(a, b int32) int { return strings.Compare(regions[a].Code, regions[b].Code) })
	order = slices.CompactFunc(order, func(a, b int32) bool { return regions[a].Code == regions[b].Code })

	x := &Index{nodes: make([]node, len(order))}
	var text strings.Builder
	text.Grow(textLen)
	norms := make([]byte, 0, textLen/2)
	var buf []byte
	var stack []int32 // ancestors of the current region, innermost last
	for id, i := range order {
		r := &regions[i]
		for len(stack) > 0 && !isInside(r.Code, x.code(stack[len(stack)-1], text.String())) {
			x.nodes[stack[len(stack)-1]].end = int32(id)
			stack = stack[:len(stack)-1]
		}
		n := node{parent: -1, text: uint32(text.Len()), codeLen: uint8(len(r.Code)), level: uint8(LevelOf(r.Code))}
		if len(stack) > 0 {
			n.parent = stack[len(stack)-1]
		}
		name := truncate(r.Name, maxNameLen)
		n.nameLen = uint16(len(name))
		text.WriteString(r.Code)
		text.WriteString(name)
		buf, n.kind = normalizedName(buf, name, Level(n.level))
		buf = buf[:min(len(buf), maxNameLen)]
		n.norm, n.normLen = uint32(len(norms)), uint16(len(buf))
		norms = append(norms, buf...)
		x.nodes[id] = n
		stack = append(stack, int32(id))
	}
	for _, a := range stack {
		x.nodes[a].end = int32(len(order))
	}
	x.text, x.norms = text.String(), string(norms)
	x.buildDictionary()
	x.buildTypoIndex()
	return x
}

// isInside reports whether code lies below ancestor in the code hierarchy.
func isInside(code, ancestor string) bool {
	return len(code) > len(ancestor) && code[len(ancestor)] == '.' && strings.HasPrefix(code, ancestor)
}

// truncate cuts s to at most n bytes without splitting a UTF-8 sequence.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n]
}

func (x *Index) code(id int32, text string) string {
	n := &x.nodes[id]
	return text[n.text : n.text+uint32(n.codeLen)]
}

func (x *Index) codeOf(id int32) string { return x.code(id, x.text) }

func (x *Index) nameOf(id int32) string {
	n := &x.nodes[id]
	at := n.text + uint32(n.codeLen)
	return x.text[at : at+uint32(n.nameLen)]
}

func (x *Index) normOf(id int32) string {
	n := &x.nodes[id]
	return x.norms[n.norm : n.norm+uint32(n.normLen)]
}

// find returns the id of the region with the given code.
func (x *Index) find(code string) (int32, bool) {
	i, ok := slices.BinarySearchFunc(x.nodes, code, func(n node, code string) int {
		return strings.Compare(x.text[n.text:n.text+uint32(n.codeLen)], code)
	})
	return int32(i), ok
}
