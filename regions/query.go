package regions

import "strings"

// Query asks Search for regions by name.
type Query struct {
	// Text is what the user typed: any case, punctuation or spacing. Only
	// its first 200 bytes and eight words are used. A leading level word,
	// when more words follow it, restricts the level: "kab"/"kabupaten"
	// (kabupaten only), "kota"/"kot" (kota only), "kec"/"kecamatan"/
	// "distrik", "desa"/"ds"/"kel"/"kelurahan"/"nagari"/"gampong"/
	// "kampung", "prov"/"provinsi"/"dki"/"diy". If that finds nothing the
	// text is searched as a plain name ("kota panton labu" is a desa).
	// Words after (or before) the name may name its ancestors: "gambir
	// jakarta pusat". Every word must match the name or an ancestor.
	Text string
	// Level restricts results to one level; 0 means any. It wins over a
	// level word in Text that names another level, which is then read as
	// part of the name.
	Level Level
	// Within restricts results to the descendants of this code; "" means
	// everywhere. An unknown code matches nothing.
	Within string
	// Limit caps the number of results: 8 when ≤ 0, at most 100.
	Limit int
}

// Match is one search result.
type Match struct {
	Region
	// Label is Index.Label of the region, for display.
	Label string
	// Score ranks the match in (0, 1]: 1 exact name, 0.8 the name starts
	// with the query, 0.6 every word starts a word of the name in order,
	// 0.4 every word occurs in the name, 0.2–0.25 with typos (more for a
	// longer correct start). When some words named ancestors instead, a
	// name score s becomes s/2 + 0.15 (0.65 for an exact name). A level
	// word that can also begin a name ("kota", "desa"), read as a level,
	// costs 0.02.
	Score float64
}

const (
	defaultLimit  = 8
	maxLimit      = 100
	maxQueryBytes = 200
	maxQueryWords = 8
)

// levelWord is what a leading word of a query means.
type levelWord struct {
	level Level
	kind  regencyKind
	// inNames is set for words that also begin real names ("Kota Batu",
	// "Desa Baru", "Kampung Baru", "Gampong Baro"): such a query is also
	// tried with the word kept as part of the name.
	inNames bool
}

// levelWords are the level words users type; the map is read-only.
var levelWords = map[string]levelWord{
	"prov":      {level: ProvinceLevel},
	"dki":       {level: ProvinceLevel},
	"diy":       {level: ProvinceLevel},
	"provinsi":  {level: ProvinceLevel},
	"kab":       {level: RegencyLevel, kind: kindKabupaten},
	"kabupaten": {level: RegencyLevel, kind: kindKabupaten},
	"kota":      {level: RegencyLevel, kind: kindKota, inNames: true},
	"kot":       {level: RegencyLevel, kind: kindKota},
	"kec":       {level: DistrictLevel},
	"kecamatan": {level: DistrictLevel},
	"distrik":   {level: DistrictLevel},
	"desa":      {level: VillageLevel, inNames: true},
	"ds":        {level: VillageLevel},
	"kel":       {level: VillageLevel},
	"kelurahan": {level: VillageLevel},
	"nagari":    {level: VillageLevel, inNames: true},
	"gampong":   {level: VillageLevel, inNames: true},
	"kampung":   {level: VillageLevel, inNames: true},
}

// plan is a parsed query: filters plus one or two readings of the words.
type plan struct {
	level    Level
	kind     regencyKind
	readings []reading
	// fallback, if set, is tried when the plan finds nothing: the whole
	// text read as a name at any level, for "kota batu" meaning the desa.
	fallback *plan
}

// reading is one interpretation of the query words.
type reading struct {
	text    string   // normalized words joined by single spaces
	words   []string // substrings of text
	offs    []int    // offs[i] is where words[i] starts in text
	penalty int      // subtracted from every score of this reading
	// ctx[i] holds the regions whose ancestors match words[i], built on
	// first use; equal words share one set, also across readings.
	ctx []*contextSet
}

// newReading splits a normalized text into at most maxQueryWords words.
func newReading(text string) reading {
	r := reading{text: text}
	for off := 0; off < len(text) && len(r.words) < maxQueryWords; {
		end := strings.IndexByte(text[off:], ' ')
		if end < 0 {
			end = len(text) - off
		}
		r.words = append(r.words, text[off:off+end])
		r.offs = append(r.offs, off)
		off += end + 1
	}
	if n := len(r.words); n > 0 {
		r.text = r.join(0, n)
	}
	r.ctx = make([]*contextSet, len(r.words))
	for i, w := range r.words {
		r.ctx[i] = new(contextSet)
		for j := range i {
			if r.words[j] == w {
				r.ctx[i] = r.ctx[j]
				break
			}
		}
	}
	return r
}

// from returns the reading without its first i words.
func (r reading) from(i int) reading {
	out := reading{text: r.text[r.offs[i]:], words: r.words[i:], penalty: r.penalty, ctx: r.ctx[i:]}
	out.offs = make([]int, len(out.words))
	for j := range out.offs {
		out.offs[j] = r.offs[i+j] - r.offs[i]
	}
	return out
}

// join returns words[a:b] joined by spaces, as a substring of text.
func (r *reading) join(a, b int) string {
	return r.text[r.offs[a] : r.offs[b-1]+len(r.words[b-1])]
}

// parseQuery reads the text of a query under an explicit level (0 = any).
func parseQuery(text string, level Level) plan {
	var buf [maxQueryBytes]byte
	norm := string(appendNormalized(buf[:0], truncate(text, maxQueryBytes)))
	full := newReading(norm)
	p := plan{level: level}
	if len(full.words) == 0 {
		return p
	}
	lw, ok := levelWords[full.words[0]]
	if !ok || len(full.words) < 2 {
		p.readings = []reading{full}
		return p
	}
	stripped := full.from(1)
	if lw.level == RegencyLevel && len(stripped.words) > 1 &&
		(stripped.words[0] == "administrasi" || stripped.words[0] == "adm") {
		stripped = stripped.from(1) // "kota adm. jakarta pusat"
	}
	switch level {
	case 0, lw.level:
		p.level, p.kind = lw.level, lw.kind
		p.readings = []reading{stripped}
		if lw.inNames {
			stripped.penalty = 2
			p.readings = []reading{full, stripped}
		}
		if level == 0 {
			p.fallback = &plan{readings: []reading{full}}
		}
	default:
		// The explicit level wins; the level word may be part of a name.
		stripped.penalty = 2
		p.readings = []reading{full, stripped}
	}
	return p
}
