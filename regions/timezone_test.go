package regions

import (
	"testing"
	"time"
	_ "time/tzdata" // the zones must resolve even without system tzdata
)

// TestTimeZone checks every province of domain.md §5 and a few
// descendants and malformed codes.
func TestTimeZone(t *testing.T) {
	wib := []string{"11", "12", "13", "14", "15", "16", "17", "18", "19", "21", "31", "32", "33", "34", "35", "36"}
	wita := []string{"51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"}
	wit := []string{"81", "82", "91", "92", "93", "94", "95", "96"}
	type want struct{ zone, abbrev string }
	cases := map[string]want{
		"61": {"Asia/Pontianak", "WIB"}, "62": {"Asia/Pontianak", "WIB"},
		"13.71.01.1001": {"Asia/Jakarta", "WIB"},
		"61.71":         {"Asia/Pontianak", "WIB"},
		"73.71.01":      {"Asia/Makassar", "WITA"},
		"91.03.01.3007": {"Asia/Jayapura", "WIT"},
		"":              {"Asia/Jakarta", "WIB"},
		"7":             {"Asia/Jakarta", "WIB"},
		"735":           {"Asia/Jakarta", "WIB"},
		"99":            {"Asia/Jakarta", "WIB"},
	}
	for _, c := range wib {
		cases[c] = want{"Asia/Jakarta", "WIB"}
	}
	for _, c := range wita {
		cases[c] = want{"Asia/Makassar", "WITA"}
	}
	for _, c := range wit {
		cases[c] = want{"Asia/Jayapura", "WIT"}
	}
	if n := len(wib) + 2 + len(wita) + len(wit); n != 38 {
		t.Fatalf("table covers %d provinces, want 38", n)
	}
	for code, w := range cases {
		if got := TimeZone(code); got != w.zone {
			t.Errorf("TimeZone(%q) = %q, want %q", code, got, w.zone)
		}
		if got := ZoneAbbrev(code); got != w.abbrev {
			t.Errorf("ZoneAbbrev(%q) = %q, want %q", code, got, w.abbrev)
		}
	}
}

// TestTimeZoneOffsets checks that the zones load and have the offsets the
// abbreviations promise (Indonesia has no DST).
func TestTimeZoneOffsets(t *testing.T) {
	offsets := map[string]int{"WIB": 7, "WITA": 8, "WIT": 9}
	at := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	for _, code := range []string{"13", "61", "73", "91"} {
		loc, err := time.LoadLocation(TimeZone(code))
		if err != nil {
			t.Fatal(err)
		}
		_, off := at.In(loc).Zone()
		if want := offsets[ZoneAbbrev(code)] * 3600; off != want {
			t.Errorf("%s: %s offset %d, want %d", code, TimeZone(code), off, want)
		}
	}
}
