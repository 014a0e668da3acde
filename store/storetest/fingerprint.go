package storetest

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"

	"github.com/mitra-id/mitra/store"
)

// templateFingerprint identifies what a template database holds: the
// embedded migrations, plus the region seed (store/regions*.go and
// store/regiondata/*) read from the source tree, so that new region data
// or seeding code gets a new template instead of a stale one. Built with
// -trimpath the source tree is unknown and only the migrations count.
func templateFingerprint() (string, error) {
	migrations, err := store.MigrationsChecksum()
	if err != nil {
		return "", err
	}
	h := sha256.New()
	io.WriteString(h, migrations)
	if err := hashSeedSources(h); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// hashSeedSources writes the names and contents of the seed's source
// files to w, in a stable order.
func hashSeedSources(w io.Writer) error {
	_, self, _, ok := runtime.Caller(0)
	if !ok || !filepath.IsAbs(self) {
		return nil
	}
	storeDir := filepath.Dir(filepath.Dir(self))
	code, err := filepath.Glob(filepath.Join(storeDir, "regions*.go"))
	if err != nil {
		return err
	}
	data, err := filepath.Glob(filepath.Join(storeDir, "regiondata", "*"))
	if err != nil {
		return err
	}
	files := slices.Concat(code, data)
	slices.Sort(files)
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		body, err := os.ReadFile(f)
		if err != nil {
			return fmt.Errorf("seed source: %w", err)
		}
		fmt.Fprintf(w, "%s\x00%d\x00", filepath.Base(f), len(body))
		w.Write(body)
	}
	return nil
}
