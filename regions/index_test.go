package regions

import (
	"reflect"
	"runtime"
	"testing"
	"time"
)

// TestRealDataCounts checks the shipped dataset against idn-area-data
// 4.0.1's published counts (domain.md §6).
func TestRealDataCounts(t *testing.T) {
	x := realIndex(t)
	counts := map[Level]int{}
	for id := range x.nodes {
		counts[Level(x.nodes[id].level)]++
	}
	want := map[Level]int{ProvinceLevel: 38, RegencyLevel: 514, DistrictLevel: 7285, VillageLevel: 83762}
	if !reflect.DeepEqual(counts, want) {
		t.Errorf("counts = %v, want %v", counts, want)
	}
	if x.Len() != 38+514+7285+83762 {
		t.Errorf("Len() = %d", x.Len())
	}
	if got := len(x.Children("")); got != 38 {
		t.Errorf("%d top-level regions, want 38", got)
	}
}

func TestGet(t *testing.T) {
	x := realIndex(t)
	tests := []Region{
		{Code: "13", Name: "Sumatera Barat", Level: ProvinceLevel},
		{Code: "13.71", ParentCode: "13", Name: "Kota Padang", Level: RegencyLevel},
		{Code: "31.71.01", ParentCode: "31.71", Name: "Gambir", Level: DistrictLevel},
		{Code: "13.74.02.1002", ParentCode: "13.74.02", Name: "Pasar Usang", Level: VillageLevel},
		{Code: "12.07.28.1007", ParentCode: "12.07.28", Name: "Lubuk Pakam I,II", Level: VillageLevel},
	}
	for _, want := range tests {
		got, ok := x.Get(want.Code)
		if !ok || got != want {
			t.Errorf("Get(%q) = %+v, %v; want %+v", want.Code, got, ok, want)
		}
	}
	for _, code := range []string{"", "00", "13.99", "13.71.", "1371"} {
		if r, ok := x.Get(code); ok {
			t.Errorf("Get(%q) = %+v, want not found", code, r)
		}
	}
}

func TestChildren(t *testing.T) {
	x := realIndex(t)
	tests := []struct {
		code  string
		n     int
		first string
	}{
		{"13", 19, "13.01"},
		{"31.71", 8, "31.71.01"},
		{"31.71.01", 6, "31.71.01.1001"},
		{"31.71.01.1001", 0, ""},
		{"99", 0, ""},
	}
	for _, tt := range tests {
		got := x.Children(tt.code)
		if len(got) != tt.n {
			t.Errorf("Children(%q) has %d regions, want %d", tt.code, len(got), tt.n)
			continue
		}
		for i, r := range got {
			if r.ParentCode != tt.code || (i > 0 && got[i-1].Code >= r.Code) {
				t.Errorf("Children(%q)[%d] = %+v: wrong parent or order", tt.code, i, r)
			}
		}
		if tt.n > 0 && got[0].Code != tt.first {
			t.Errorf("Children(%q)[0] = %s, want %s", tt.code, got[0].Code, tt.first)
		}
	}
}

func TestLabel(t *testing.T) {
	x := realIndex(t)
	tests := map[string]string{
		"13":            "Sumatera Barat",
		"13.05":         "Kab. Padang Pariaman, Sumatera Barat",
		"13.05.02":      "Kec. Batang Anai, Kab. Padang Pariaman, Sumatera Barat",
		"13.74.02.1002": "Pasar Usang, Kec. Padang Panjang Barat, Kota Padang Panjang, Sumatera Barat",
		"31.71.01":      "Kec. Gambir, Kota Jakarta Pusat, DKI Jakarta",
		"31.01":         "Kab. Kepulauan Seribu, DKI Jakarta",
		"34.04":         "Kab. Sleman, DI Yogyakarta",
		"91.03.01":      "Distrik Sentani, Kab. Jayapura, Papua",
		"99":            "",
	}
	for code, want := range tests {
		if got := x.Label(code); got != want {
			t.Errorf("Label(%q) = %q, want %q", code, got, want)
		}
	}
}

// TestNewIndexEdgeCases feeds unsorted, duplicated, invalid and orphaned
// regions.
func TestNewIndexEdgeCases(t *testing.T) {
	x := NewIndex([]Region{
		{Code: "13.71.01", Name: "Bungus Teluk Kabung"},
		{Code: "13.71", Name: "Kota Padang", Level: DistrictLevel}, // Level is taken from the code
		{Code: "13", Name: "Sumatera Barat"},
		{Code: "13", Name: "Duplicate"},
		{Code: "bad", Name: "Invalid"},
		{Code: "", Name: "Empty"},
		{Code: "14.01.01", Name: "Orphan"}, // no 14.01 nor 14
		{Code: "13.72.01.1001", Name: "Skips"},
	})
	if x.Len() != 5 {
		t.Fatalf("Len() = %d, want 5", x.Len())
	}
	if r, _ := x.Get("13"); r.Name != "Sumatera Barat" {
		t.Errorf("duplicate code: got %q, want the first", r.Name)
	}
	if r, _ := x.Get("13.71"); r.Level != RegencyLevel {
		t.Errorf("Level = %v, want from the code", r.Level)
	}
	if r, _ := x.Get("14.01.01"); r.ParentCode != "14.01" || r.Level != DistrictLevel {
		t.Errorf("orphan = %+v", r)
	}
	if got := x.Label("14.01.01"); got != "Kec. Orphan" {
		t.Errorf("orphan label = %q", got)
	}
	if got := x.Label("13.72.01.1001"); got != "Skips, Sumatera Barat" {
		t.Errorf("label across a gap = %q", got)
	}
	if got := len(x.Children("")); got != 2 {
		t.Errorf("%d roots, want 2 (13 and the orphan)", got)
	}
	if got := x.Search(Query{Text: "padang"}); len(got) != 1 || got[0].Code != "13.71" {
		t.Errorf("Search = %+v", got)
	}

	var empty *Index = NewIndex(nil)
	if empty.Len() != 0 || empty.Search(Query{Text: "x"}) != nil || empty.Label("13") != "" || empty.Children("") != nil {
		t.Error("empty index is not empty")
	}
}

// TestIndexFootprint logs the build time and the heap the index keeps;
// the figures are reported, not asserted (see BenchmarkNewIndex).
func TestIndexFootprint(t *testing.T) {
	all := loadRealRegions(t)
	start := time.Now()
	x := NewIndex(all)
	elapsed := time.Since(start)
	runtime.KeepAlive(x)
	t.Logf("NewIndex over %d regions: %v, %.1f MB heap", len(all), elapsed, indexHeapMB(all))
}
