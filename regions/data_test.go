package regions

import (
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// regionDataDir holds the real Kemendagri data shipped with Mitra. The
// package under test does not import store; tests read the files directly.
const regionDataDir = "../store/regiondata"

var realData struct {
	once    sync.Once
	regions []Region
	index   *Index
	err     error
}

// loadRealRegions parses the four shipped CSV files, once per test binary.
func loadRealRegions(tb testing.TB) []Region {
	tb.Helper()
	realData.once.Do(func() {
		for _, name := range []string{"provinces.csv", "regencies.csv", "districts.csv", "villages.csv"} {
			f, err := os.Open(filepath.Join(regionDataDir, name))
			if err != nil {
				realData.err = err
				return
			}
			rs, err := ReadCSV(f)
			f.Close()
			if err != nil {
				realData.err = err
				return
			}
			realData.regions = append(realData.regions, rs...)
		}
		realData.index = NewIndex(realData.regions)
	})
	if realData.err != nil {
		tb.Fatalf("loading %s: %v", regionDataDir, realData.err)
	}
	return realData.regions
}

// realIndex returns the index over the real data, built once.
func realIndex(tb testing.TB) *Index {
	tb.Helper()
	loadRealRegions(tb)
	return realData.index
}
