package regions

import (
	"slices"
	"strings"
	"testing"
)

// searchCase is one query against the real data and what must hold of
// its result. first is the code that must rank first; then lists codes
// that must appear after it, in this order; absent codes must not appear.
type searchCase struct {
	name   string
	q      Query
	first  string
	then   []string
	absent []string
	check  func(t *testing.T, ms []Match)
}

// allLevel checks that every match has the given level.
func allLevel(l Level) func(*testing.T, []Match) {
	return func(t *testing.T, ms []Match) {
		for _, m := range ms {
			if m.Level != l {
				t.Errorf("%s %q has level %v, want %v", m.Code, m.Name, m.Level, l)
			}
		}
	}
}

func TestSearch(t *testing.T) {
	x := realIndex(t)
	tests := []searchCase{
		// The brief expected Pasar Usang in Kec. Batang Anai, Kab. Padang
		// Pariaman; in idn-area-data 4.0.1 the two Pasar Usang are
		// kelurahan in Kota Padang Panjang and in Kab. Kuantan Singingi.
		{name: "exact name", q: Query{Text: "pasar usang"}, first: "13.74.02.1002", then: []string{"14.09.04.1001"}},
		{name: "case and spacing", q: Query{Text: "  PASAR   usang!! "}, first: "13.74.02.1002"},
		{name: "parent narrows", q: Query{Text: "pasar usang padang"}, first: "13.74.02.1002", absent: []string{"14.09.04.1001"}},
		{name: "other parent narrows", q: Query{Text: "pasar usang kuantan singingi"}, first: "14.09.04.1001", absent: []string{"13.74.02.1002"}},
		{name: "parents first", q: Query{Text: "padang panjang pasar usang"}, first: "13.74.02.1002"},
		{name: "unfinished", q: Query{Text: "pasar usa"}, first: "13.74.02.1002"},
		{name: "kec prefix", q: Query{Text: "kec gambir"}, first: "31.71.01", check: allLevel(DistrictLevel)},
		{name: "kecamatan prefix", q: Query{Text: "Kecamatan Gambir"}, first: "31.71.01", check: allLevel(DistrictLevel)},
		{name: "kab prefix", q: Query{Text: "kab. gorontalo"}, first: "75.01", then: []string{"75.05"}, absent: []string{"75.71"}},
		{name: "kabupaten prefix", q: Query{Text: "Kabupaten Gorontalo"}, first: "75.01", then: []string{"75.05"}, absent: []string{"75.71"}},
		{name: "kota prefix", q: Query{Text: "kota padang"}, first: "13.71", absent: []string{"13.05"},
			check: func(t *testing.T, ms []Match) {
				for _, m := range ms {
					if !strings.HasPrefix(m.Name, "Kota ") {
						t.Errorf("%s %q is not a kota", m.Code, m.Name)
					}
				}
			}},
		{name: "kot. prefix", q: Query{Text: "kot. gorontalo"}, first: "75.71", absent: []string{"75.01"}},
		{name: "kota word of a village", q: Query{Text: "kota panton labu"}, first: "11.08.14.2033"},
		{name: "kota alone is a word", q: Query{Text: "kota"}, check: func(t *testing.T, ms []Match) {
			if len(ms) == 0 {
				t.Error("no match for a bare 'kota'")
			}
		}},
		{name: "regency level", q: Query{Text: "padang", Level: RegencyLevel}, first: "13.71",
			then: []string{"13.74"}, check: allLevel(RegencyLevel)},
		{name: "explicit level beats the level word", q: Query{Text: "kota batu", Level: VillageLevel},
			absent: []string{"35.79"}, check: func(t *testing.T, ms []Match) {
				allLevel(VillageLevel)(t, ms)
				if len(ms) < 2 || ms[1].Code != "11.09.04.2026" || ms[0].Name != "Kotabatu" {
					t.Error("want Kotabatu, then the Kota Batu villages")
				}
			}},
		{name: "level word of the same level", q: Query{Text: "kota batu", Level: RegencyLevel}, first: "35.79"},
		{name: "desa prefix", q: Query{Text: "desa gambir"}, first: "31.71.01.1001", check: allLevel(VillageLevel)},
		{name: "kel prefix", q: Query{Text: "kel. menteng"}, first: "31.71.06.1001", check: allLevel(VillageLevel)},
		{name: "kampung is also a name", q: Query{Text: "kampung baru"}, check: func(t *testing.T, ms []Match) {
			allLevel(VillageLevel)(t, ms)
			if len(ms) == 0 || !strings.HasPrefix(strings.ToLower(ms[0].Name), "kampung") {
				t.Errorf("first = %+v, want a Kampung Baru", ms)
			}
		}},
		{name: "provinsi prefix", q: Query{Text: "provinsi gorontalo"}, first: "75", check: allLevel(ProvinceLevel)},
		{name: "dki", q: Query{Text: "DKI Jakarta"}, first: "31"},
		{name: "province without its kind", q: Query{Text: "jakarta"}, first: "31"},
		{name: "same name, higher level first", q: Query{Text: "gorontalo"}, first: "75", then: []string{"75.01", "75.71", "75.05"}},
		{name: "typo", q: Query{Text: "gambr"}, first: "31.71.01", then: []string{"31.71.01.1001"}},
		{name: "typo in first letters", q: Query{Text: "gmbir"}, first: "31.71.01", then: []string{"31.71.01.1001"}},
		{name: "swapped letters", q: Query{Text: "yogyakrta"}, first: "34"},
		{name: "typo plus parent", q: Query{Text: "gambr jakarta pusat"}, first: "31.71.01"},
		{name: "name and parents", q: Query{Text: "gambir jakarta pusat"}, first: "31.71.01", then: []string{"31.71.01.1001"},
			absent: []string{"35.10.07"}},
		{name: "ignores spaces", q: Query{Text: "tolitoli"}, first: "72.04"},
		{name: "inside a word", q: Query{Text: "sidimpuan"}, first: "12.77"},
		{name: "quotes in names", q: Query{Text: "soka'an"}, first: "35.13.15.2017"},
		{name: "apostrophe dropped", q: Query{Text: "ombolata saloo"}, first: "12.04.05.2023"},
		{name: "html", q: Query{Text: "<b>gambir</b>"}, first: "31.71.01"},
		{name: "within", q: Query{Text: "batang", Level: DistrictLevel, Within: "13.05"}, first: "13.05.02",
			check: func(t *testing.T, ms []Match) {
				for _, m := range ms {
					if !strings.HasPrefix(m.Code, "13.05.") {
						t.Errorf("%s is outside 13.05", m.Code)
					}
				}
			}},
		{name: "within a village", q: Query{Text: "gambir", Within: "31.71.01.1001"}, check: noMatches},
		{name: "within unknown", q: Query{Text: "gambir", Within: "99"}, check: noMatches},
		{name: "invalid level", q: Query{Text: "gambir", Level: 9}, check: noMatches},
		{name: "limit", q: Query{Text: "padang", Limit: 3}, check: maxLen(3)},
		{name: "limit capped", q: Query{Text: "a", Limit: 1000}, check: maxLen(maxLimit)},
		{name: "default limit", q: Query{Text: "sungai"}, check: maxLen(defaultLimit)},
		{name: "no match", q: Query{Text: "xyzzyq"}, check: noMatches},
		{name: "empty", q: Query{Text: ""}, check: noMatches},
		{name: "punctuation only", q: Query{Text: "?!.,;-- ''"}, check: noMatches},
		{name: "tags only", q: Query{Text: "<b></b><br/>"}, check: noMatches},
		{name: "5000 characters", q: Query{Text: strings.Repeat("a", 5000)}, check: maxLen(defaultLimit)},
		{name: "5000 characters of words", q: Query{Text: strings.Repeat("gambir ", 715)}, check: maxLen(defaultLimit)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := x.Search(tt.q)
			checkMatches(t, x, tt.q, ms)
			codes := make([]string, len(ms))
			for i, m := range ms {
				codes[i] = m.Code
			}
			if tt.first != "" && (len(ms) == 0 || ms[0].Code != tt.first) {
				t.Errorf("first = %v, want %s", codes, tt.first)
			}
			last := 0
			for _, c := range tt.then {
				i := slices.Index(codes, c)
				if i <= last {
					t.Errorf("%s at %d in %v, want after position %d", c, i, codes, last)
				}
				last = max(i, last)
			}
			for _, c := range tt.absent {
				if slices.Contains(codes, c) {
					t.Errorf("%s in %v, want absent", c, codes)
				}
			}
			if tt.check != nil {
				tt.check(t, ms)
			}
			if t.Failed() {
				for _, m := range ms {
					t.Logf("  %.2f %s %s", m.Score, m.Code, m.Label)
				}
			}
		})
	}
}

func noMatches(t *testing.T, ms []Match) {
	if len(ms) != 0 {
		t.Errorf("%d matches, want none", len(ms))
	}
}

func maxLen(n int) func(*testing.T, []Match) {
	return func(t *testing.T, ms []Match) {
		if len(ms) > n {
			t.Errorf("%d matches, want at most %d", len(ms), n)
		}
	}
}

// checkMatches asserts what holds for every search: the limit, the
// filters, consistent regions and labels, scores in (0, 1] best first,
// and no region twice.
func checkMatches(t *testing.T, x *Index, q Query, ms []Match) {
	t.Helper()
	limit := q.Limit
	if limit <= 0 {
		limit = defaultLimit
	}
	if len(ms) > min(limit, maxLimit) {
		t.Errorf("%d matches for limit %d", len(ms), q.Limit)
	}
	seen := map[string]bool{}
	for i, m := range ms {
		if seen[m.Code] {
			t.Errorf("%s twice", m.Code)
		}
		seen[m.Code] = true
		if r, ok := x.Get(m.Code); !ok || r != m.Region {
			t.Errorf("match %+v differs from Get: %+v", m.Region, r)
		}
		if m.Label != x.Label(m.Code) {
			t.Errorf("label %q, want %q", m.Label, x.Label(m.Code))
		}
		if q.Level != 0 && m.Level != q.Level {
			t.Errorf("%s has level %v, want %v", m.Code, m.Level, q.Level)
		}
		if q.Within != "" && !strings.HasPrefix(m.Code, q.Within+".") {
			t.Errorf("%s is not within %s", m.Code, q.Within)
		}
		if m.Score <= 0 || m.Score > 1 {
			t.Errorf("%s has score %v", m.Code, m.Score)
		}
		if i > 0 && m.Score > ms[i-1].Score {
			t.Errorf("%s scores %v after %v", m.Code, m.Score, ms[i-1].Score)
		}
	}
}

// TestSearchTieBreaks checks the order among equal scores: shorter name,
// then higher level, then code.
func TestSearchTieBreaks(t *testing.T) {
	x := realIndex(t)
	ms := x.Search(Query{Text: "padang", Limit: 100})
	for i := 1; i < len(ms); i++ {
		a, b := ms[i-1], ms[i]
		if a.Score != b.Score {
			continue
		}
		na, nb := len(x.normOf(mustFind(t, x, a.Code))), len(x.normOf(mustFind(t, x, b.Code)))
		if na > nb || (na == nb && (a.Level > b.Level || (a.Level == b.Level && a.Code > b.Code))) {
			t.Errorf("%s (%q) before %s (%q)", a.Code, a.Name, b.Code, b.Name)
		}
	}
}

func mustFind(t *testing.T, x *Index, code string) int32 {
	t.Helper()
	id, ok := x.find(code)
	if !ok {
		t.Fatalf("%s not found", code)
	}
	return id
}

// TestSearchConcurrent runs searches in parallel for the race detector.
func TestSearchConcurrent(t *testing.T) {
	x := realIndex(t)
	done := make(chan struct{})
	for g := range 4 {
		go func() {
			defer func() { done <- struct{}{} }()
			for i := range 50 {
				bq := benchQueries[(g+i)%len(benchQueries)]
				checkMatches(t, x, bq.q, x.Search(bq.q))
			}
		}()
	}
	for range 4 {
		<-done
	}
}
