package regions

import (
	"strings"
	"testing"
)

// FuzzSearch throws arbitrary text, levels, scopes and limits at Search
// over the real data: it must not panic, must respect the limit and the
// filters, and must rank consistently (checkMatches).
//
//	go test -run '^$' -fuzz FuzzSearch -fuzztime 60s ./regions/
func FuzzSearch(f *testing.F) {
	x := realIndex(f)
	for _, bq := range benchQueries {
		f.Add(bq.q.Text, int(bq.q.Level), bq.q.Within, bq.q.Limit)
	}
	f.Add("kota", 0, "", -1)
	f.Add("kab kab kab", 2, "13", 1)
	f.Add("\xff\xfe<&;", 4, "31.71.01", 0)
	f.Add(strings.Repeat("ä", 300), 0, "", 500)
	f.Fuzz(func(t *testing.T, text string, level int, within string, limit int) {
		q := Query{Text: text, Level: Level(level), Within: within, Limit: limit}
		ms := x.Search(q)
		if !q.Level.Valid() && q.Level != 0 && len(ms) > 0 {
			t.Fatalf("invalid level %d matched %d regions", level, len(ms))
		}
		checkMatches(t, x, q, ms)
	})
}
