package store

import (
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/mitra-id/mitra/regions"
)

// regionsDataFS holds the Kemendagri region list, idn-area-data 4.0.1
// (ODbL 1.0; see regiondata/ATTRIBUTION.md and regiondata/LICENSE.md).
//
//go:embed regiondata/*.csv
var regionsDataFS embed.FS

const (
	// regionsDataset names the shipped data in the table comment.
	regionsDataset = "idn-area-data 4.0.1"
	// regionsSeedFormat is part of the data digest: bump it when the way
	// rows are derived from the files changes, so existing databases are
	// upserted again.
	regionsSeedFormat = "regions-seed/1"
	// regionsSeedLockKey names the transaction advisory lock that makes
	// concurrent seeds run one after the other. It differs from
	// migrateLockKey, which Migrate holds on another connection while it
	// calls SeedRegions.
	regionsSeedLockKey int64 = 0x6d69_7472_615f_7267 // "mitra_rg"
)

// regionsFiles are the embedded files, parents before children.
var regionsFiles = []string{"provinces.csv", "regencies.csv", "districts.csv", "villages.csv"}

// ErrRegionsData is wrapped when the embedded region files cannot be read
// or parsed: a build defect, not a database problem.
var ErrRegionsData = errors.New("store: embedded region data")

const (
	sqlRegionsState = `SELECT coalesce(obj_description('regions'::regclass, 'pg_class'), ''),
	(SELECT count(*) FROM regions)`
	sqlRegionsSeedLock = `SELECT pg_advisory_xact_lock($1)`
	sqlRegionsTemp     = `CREATE TEMP TABLE regions_seed (
	code text, parent_code text, level smallint, name text, timezone text) ON COMMIT DROP`
	sqlRegionsUpsert = `INSERT INTO regions (code, parent_code, level, name, timezone)
SELECT code, parent_code, level, name, timezone FROM regions_seed ORDER BY level, code
ON CONFLICT (code) DO UPDATE SET parent_code = EXCLUDED.parent_code, level = EXCLUDED.level,
	name = EXCLUDED.name, timezone = EXCLUDED.timezone
WHERE (regions.parent_code, regions.level, regions.name, regions.timezone)
	IS DISTINCT FROM (EXCLUDED.parent_code, EXCLUDED.level, EXCLUDED.name, EXCLUDED.timezone)`
	sqlRegionsCount = `SELECT count(*) FROM regions`
	sqlRegionsLoad  = `SELECT code, coalesce(parent_code, ''), level, name FROM regions ORDER BY code`
)

// SeedRegions loads the embedded region data into the regions table,
// idempotently, in one transaction.
//
// Skipping: after a seed the table comment records the data's digest and
// row count ("… rows=91599 sha256=…"). The digest covers the embedded
// files, the time zone of every province (so a change in
// regions.TimeZone re-seeds) and regionsSeedFormat. When the comment
// carries the current digest and the table still holds at least that many
// rows, SeedRegions returns after one small query, without parsing the
// files. A row count alone would miss a new dataset that renames regions
// without adding any (4.0.1 renamed 293 villages), and comparing every row
// would cost a full scan at each start. Edits made to seeded rows by hand
// are not repaired until the data changes; clear the comment
// (COMMENT ON TABLE regions IS NULL) to force a seed.
//
// Seeding: the rows are copied into a temporary table with COPY, then
// upserted in level order, parents before children, so the parent_code
// foreign key holds; unchanged rows are not rewritten. Regions that a new
// dataset drops stay in place, because volunteers and invites may still
// reference them. A transaction advisory lock serialises concurrent seeds;
// the later one re-checks the comment and finds nothing to do.
func SeedRegions(ctx context.Context, db *pgxpool.Pool) error {
	digest, err := regionsDigest()
	if err != nil {
		return err
	}
	done, err := regionsSeeded(ctx, db, digest)
	if err != nil {
		return fmt.Errorf("store: seed regions: %w", err)
	}
	if done {
		return nil
	}
	err = pgx.BeginFunc(ctx, db, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, sqlRegionsSeedLock, regionsSeedLockKey); err != nil {
			return fmt.Errorf("lock: %w", err)
		}
		if done, err := regionsSeeded(ctx, tx, digest); err != nil || done {
			return err
		}
		if _, err := tx.Exec(ctx, sqlRegionsTemp); err != nil {
			return fmt.Errorf("temp table: %w", err)
		}
		src := &regionsCopySource{}
		cols := []string{"code", "parent_code", "level", "name", "timezone"}
		n, err := tx.CopyFrom(ctx, pgx.Identifier{"regions_seed"}, cols, src)
		if err != nil {
			return fmt.Errorf("copy: %w", err)
		}
		if _, err := tx.Exec(ctx, sqlRegionsUpsert); err != nil {
			return fmt.Errorf("upsert: %w", err)
		}
		comment := fmt.Sprintf("Kemendagri regions from %s, seeded by Mitra: rows=%d sha256=%s",
			regionsDataset, n, digest)
		// COMMENT takes no parameters; the text is ours and has no quotes.
		if _, err := tx.Exec(ctx, "COMMENT ON TABLE regions IS '"+comment+"'"); err != nil {
			return fmt.Errorf("comment: %w", err)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: seed regions: %w", err)
	}
	return nil
}

// regionsQuerier is what regionsSeeded needs of a pool or a transaction.
type regionsQuerier interface {
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// regionsSeeded reports whether the table comment carries digest and the
// table holds at least the row count the comment records.
func regionsSeeded(ctx context.Context, q regionsQuerier, digest string) (bool, error) {
	var comment string
	var count int64
	if err := q.QueryRow(ctx, sqlRegionsState).Scan(&comment, &count); err != nil {
		return false, fmt.Errorf("read state: %w", err)
	}
	var rows int64 = -1
	hasDigest := false
	for _, f := range strings.Fields(comment) {
		if v, ok := strings.CutPrefix(f, "rows="); ok {
			if n, err := strconv.ParseInt(v, 10, 64); err == nil {
				rows = n
			}
		}
		hasDigest = hasDigest || f == "sha256="+digest
	}
	return hasDigest && rows >= 0 && count >= rows, nil
}

// regionsDigest hashes the embedded files, the province time zones and
// the seed format, streaming the files rather than parsing them.
func regionsDigest() (string, error) {
	h := sha256.New()
	io.WriteString(h, regionsSeedFormat+"\n")
	for _, name := range regionsFiles {
		f, err := regionsDataFS.Open(path.Join("regiondata", name))
		if err != nil {
			return "", fmt.Errorf("%w: %w", ErrRegionsData, err)
		}
		fmt.Fprintf(h, "%s\n", name)
		_, err = io.Copy(h, f)
		f.Close()
		if err != nil {
			return "", fmt.Errorf("%w: %w", ErrRegionsData, err)
		}
	}
	provinces, err := regionsRead("provinces.csv")
	if err != nil {
		return "", err
	}
	for _, p := range provinces {
		fmt.Fprintf(h, "%s %s\n", p.Code, regions.TimeZone(p.Code))
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// regionsCopySource streams the embedded files to COPY as rows of code,
// parent_code (NULL for provinces), level, name and timezone, one file
// in memory at a time.
type regionsCopySource struct {
	file int              // next file in regionsFiles
	rs   []regions.Region // current file
	i    int              // next row in rs
	row  [5]any
	err  error
}

func (s *regionsCopySource) Next() bool {
	for s.i >= len(s.rs) {
		if s.err != nil || s.file == len(regionsFiles) {
			return false
		}
		s.rs, s.err = regionsRead(regionsFiles[s.file])
		s.file, s.i = s.file+1, 0
	}
	r := &s.rs[s.i]
	s.i++
	var parent any
	if r.ParentCode != "" {
		parent = r.ParentCode
	}
	s.row = [5]any{r.Code, parent, int16(r.Level), r.Name, regions.TimeZone(r.Code)}
	return true
}

func (s *regionsCopySource) Values() ([]any, error) { return s.row[:], nil }

func (s *regionsCopySource) Err() error { return s.err }

// regionsRead parses one embedded file.
func regionsRead(name string) ([]regions.Region, error) {
	f, err := regionsDataFS.Open(path.Join("regiondata", name))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrRegionsData, err)
	}
	defer f.Close()
	rs, err := regions.ReadCSV(f)
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %w", ErrRegionsData, name, err)
	}
	return rs, nil
}

// LoadRegions reads every region, ordered by code, for regions.NewIndex.
// It includes regions that newer datasets dropped but that the table
// keeps.
func LoadRegions(ctx context.Context, db *pgxpool.Pool) ([]regions.Region, error) {
	var n int
	if err := db.QueryRow(ctx, sqlRegionsCount).Scan(&n); err != nil {
		return nil, fmt.Errorf("store: load regions: %w", err)
	}
	rows, err := db.Query(ctx, sqlRegionsLoad)
	if err != nil {
		return nil, fmt.Errorf("store: load regions: %w", err)
	}
	defer rows.Close()
	out := make([]regions.Region, 0, n) // exact, not doubled: 91,599 regions
	for rows.Next() {
		var r regions.Region
		var level int16
		if err := rows.Scan(&r.Code, &r.ParentCode, &level, &r.Name); err != nil {
			return nil, fmt.Errorf("store: load regions: %w", err)
		}
		r.Level = regions.Level(level)
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: load regions: %w", err)
	}
	return out, nil
}
