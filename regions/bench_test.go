package regions

import (
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

// benchQueries is a realistic mix of what field workers type: exact names,
// unfinished names, names with their parents, level words, typos, text that
// matches nothing, and the level/within lookups of the onboarding flow.
var benchQueries = []struct {
	name string
	q    Query
}{
	{"exact/gambir", Query{Text: "gambir"}},
	{"exact/pasar-usang", Query{Text: "Pasar Usang"}},
	{"exact/gorontalo", Query{Text: "gorontalo"}},
	{"exact/bandung", Query{Text: "bandung"}},
	{"prefix/pasar-us", Query{Text: "pasar us"}},
	{"prefix/sukama", Query{Text: "sukama"}},
	{"prefix/tanjung", Query{Text: "tanjung"}},
	{"prefix/su", Query{Text: "su"}},
	{"multi/gambir-jakarta-pusat", Query{Text: "gambir jakarta pusat"}},
	{"multi/pasar-usang-padang", Query{Text: "pasar usang padang"}},
	{"multi/sungai-barat", Query{Text: "sungai barat"}},
	{"multi/kampung-baru-aceh", Query{Text: "kampung baru aceh"}},
	{"level/kec-gambir", Query{Text: "kec gambir"}},
	{"level/kab-gorontalo", Query{Text: "kab. gorontalo"}},
	{"level/kota-padang", Query{Text: "kota padang"}},
	{"level/desa-sukamaju", Query{Text: "desa sukamaju"}},
	{"level/regency-padang", Query{Text: "padang", Level: RegencyLevel}},
	{"level/district-within", Query{Text: "batang", Level: DistrictLevel, Within: "13.05"}},
	{"typo/gambr", Query{Text: "gambr"}},
	{"typo/gmbir", Query{Text: "gmbir"}},
	{"typo/sukamju", Query{Text: "sukamju"}},
	{"typo/yogyakrta", Query{Text: "yogyakrta"}},
	{"typo/bandnug", Query{Text: "bandnug"}},
	{"none/xyzzyq", Query{Text: "xyzzyq"}},
	{"none/qwerty-uiop", Query{Text: "qwerty uiop"}},
	{"none/angrrkmrh", Query{Text: "angrrkmrh"}},
	{"junk/html", Query{Text: "<b>gambir</b> &amp; <i>x</i>"}},
	{"junk/long", Query{Text: strings.Repeat("padang ", 700)}},
}

// BenchmarkSearch runs the query mix round robin and reports, besides
// ns/op, the 50th and 99th percentile and the maximum of single searches.
func BenchmarkSearch(b *testing.B) {
	x := realIndex(b)
	var d []time.Duration
	i := 0
	for b.Loop() {
		q := benchQueries[i%len(benchQueries)].q
		i++
		start := time.Now()
		x.Search(q)
		d = append(d, time.Since(start))
	}
	reportPercentiles(b, d)
}

// BenchmarkSearchPerQuery reports the percentiles of each query of the mix.
func BenchmarkSearchPerQuery(b *testing.B) {
	x := realIndex(b)
	for _, bq := range benchQueries {
		b.Run(bq.name, func(b *testing.B) {
			var d []time.Duration
			for b.Loop() {
				start := time.Now()
				x.Search(bq.q)
				d = append(d, time.Since(start))
			}
			reportPercentiles(b, d)
		})
	}
}

// reportPercentiles reports p50-ms, p99-ms and max-ms of per-op durations.
func reportPercentiles(b *testing.B, d []time.Duration) {
	b.Helper()
	if len(d) == 0 {
		return
	}
	slices.Sort(d)
	ms := func(p float64) float64 {
		return float64(d[min(len(d)-1, int(p*float64(len(d))))]) / float64(time.Millisecond)
	}
	b.ReportMetric(ms(0.50), "p50-ms")
	b.ReportMetric(ms(0.99), "p99-ms")
	b.ReportMetric(float64(d[len(d)-1])/float64(time.Millisecond), "max-ms")
}

// BenchmarkNewIndex builds the index over all real regions and reports the
// heap the index keeps (the input slice is not counted).
func BenchmarkNewIndex(b *testing.B) {
	all := loadRealRegions(b)
	for b.Loop() {
		NewIndex(all)
	}
	b.ReportMetric(indexHeapMB(all), "heap-MB")
}

// indexHeapMB measures the live heap an index over all adds.
func indexHeapMB(all []Region) float64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	x := NewIndex(all)
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(x)
	return float64(int64(after.HeapAlloc)-int64(before.HeapAlloc)) / (1 << 20)
}
