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
// ns/op, the 50th and 99th percentile and the maximum of single searches,
// in wall time (p50-ms, p99-ms, max-ms) and in CPU time of the searching
// thread (p50-cpu-ms, p99-cpu-ms), which other load on the machine does
// not inflate.
func BenchmarkSearch(b *testing.B) {
	x := realIndex(b)
	var lat latencies
	i := 0
	for b.Loop() {
		q := benchQueries[i%len(benchQueries)].q
		i++
		lat.measure(func() { x.Search(q) })
	}
	lat.report(b)
}

// BenchmarkSearchPerQuery reports the same for each query of the mix.
func BenchmarkSearchPerQuery(b *testing.B) {
	x := realIndex(b)
	for _, bq := range benchQueries {
		b.Run(bq.name, func(b *testing.B) {
			var lat latencies
			for b.Loop() {
				lat.measure(func() { x.Search(bq.q) })
			}
			lat.report(b)
		})
	}
}

// latencies collects per-operation durations.
type latencies struct {
	locked    bool
	wall, cpu []time.Duration
}

func (l *latencies) measure(op func()) {
	if !l.locked {
		runtime.LockOSThread() // for threadCPUTime; released by report
		l.locked = true
	}
	c0, cok := threadCPUTime()
	t0 := time.Now()
	op()
	l.wall = append(l.wall, time.Since(t0))
	if c1, _ := threadCPUTime(); cok {
		l.cpu = append(l.cpu, c1-c0)
	}
}

// report reports p50, p99 and max of the wall times and p50 and p99 of
// the CPU times, in milliseconds.
func (l *latencies) report(b *testing.B) {
	b.Helper()
	if l.locked {
		runtime.UnlockOSThread()
	}
	pct := func(d []time.Duration, p float64) float64 {
		return float64(d[min(len(d)-1, int(p*float64(len(d))))]) / float64(time.Millisecond)
	}
	if d := l.wall; len(d) > 0 {
		slices.Sort(d)
		b.ReportMetric(pct(d, 0.50), "p50-ms")
		b.ReportMetric(pct(d, 0.99), "p99-ms")
		b.ReportMetric(pct(d, 1), "max-ms")
	}
	if d := l.cpu; len(d) > 0 {
		slices.Sort(d)
		b.ReportMetric(pct(d, 0.50), "p50-cpu-ms")
		b.ReportMetric(pct(d, 0.99), "p99-cpu-ms")
	}
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
