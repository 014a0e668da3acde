package store

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
)

// migrationFS holds the schema history: files named <version>_<what>.sql,
// applied in version order, each in one transaction (so no CREATE INDEX
// CONCURRENTLY). Never edit a file once it has reached production; add the
// next number instead.
//
//go:embed migrations/*.sql
var migrationFS embed.FS

// migration is one embedded SQL file.
type migration struct {
	version int
	name    string // file name, e.g. "001_foundation.sql"
	sql     string
}

// loadMigrations reads the embedded files sorted by version, rejecting
// names without a numeric prefix and duplicate versions.
func loadMigrations() ([]migration, error) {
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		return nil, fmt.Errorf("store: list migrations: %w", err)
	}
	ms := make([]migration, 0, len(names))
	for _, p := range names {
		name := path.Base(p)
		prefix, _, ok := strings.Cut(name, "_")
		version, err := strconv.Atoi(prefix)
		if !ok || err != nil || version <= 0 {
			return nil, fmt.Errorf("store: migration %s: name must start with a positive version number and an underscore", name)
		}
		body, err := migrationFS.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("store: read migration %s: %w", name, err)
		}
		ms = append(ms, migration{version: version, name: name, sql: string(body)})
	}
	slices.SortFunc(ms, func(a, b migration) int { return a.version - b.version })
	for i := 1; i < len(ms); i++ {
		if ms[i].version == ms[i-1].version {
			return nil, fmt.Errorf("store: migrations %s and %s share version %d", ms[i-1].name, ms[i].name, ms[i].version)
		}
	}
	return ms, nil
}

// SchemaChecksum is the hex SHA-256 of everything Migrate puts into a
// database: the embedded migration files (names and contents, in version
// order) and the digest of the region seed (regionsDigest). It changes
// whenever either does; storetest names its template database after it.
func SchemaChecksum() (string, error) {
	ms, err := loadMigrations()
	if err != nil {
		return "", err
	}
	seed, err := regionsDigest()
	if err != nil {
		return "", err
	}
	h := sha256.New()
	for _, m := range ms {
		fmt.Fprintf(h, "%s\x00%d\x00%s\x00", m.name, len(m.sql), m.sql)
	}
	fmt.Fprintf(h, "regions\x00%s", seed)
	return hex.EncodeToString(h.Sum(nil)), nil
}
