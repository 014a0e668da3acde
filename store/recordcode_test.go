package store_test

import (
	"context"
	"errors"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/mitra-id/mitra/flows"
	"github.com/mitra-id/mitra/store"
)

// crockford is the character class of record codes: digits and capitals
// without I, L, O and U.
const crockford = `[0-9A-HJKMNP-TV-Z]`

// recordCodePattern matches the codes of one kind of record.
func recordCodePattern(prefix string) *regexp.Regexp {
	return regexp.MustCompile(`^` + prefix + `-` + crockford + `{4,5}$`)
}

// Ensure codes are the prefix, a dash and n characters that cannot be
// misread, and that every character of the alphabet gets drawn.
func TestRecordCodeFormat(t *testing.T) {
	t.Parallel()
	seen := map[rune]bool{}
	for _, tc := range []struct {
		prefix string
		n      int
		want   string
	}{
		{"LAP", 4, `^LAP-` + crockford + `{4}$`},
		{"REG", 4, `^REG-` + crockford + `{4}$`},
		{"KNJ", 4, `^KNJ-` + crockford + `{4}$`},
		{"LAP", 5, `^LAP-` + crockford + `{5}$`},
	} {
		pattern := regexp.MustCompile(tc.want)
		for range 500 {
			code := store.NewRecordCode(tc.prefix, tc.n)
			if !pattern.MatchString(code) {
				t.Fatalf("NewRecordCode(%q, %d) = %q; want %s", tc.prefix, tc.n, code, tc.want)
			}
			for _, c := range code[len(tc.prefix)+1:] {
				seen[c] = true
			}
		}
	}
	if len(seen) != 32 {
		t.Errorf("drew %d distinct characters in 9000; want all 32", len(seen))
	}
}

// Ensure a code is found however a volunteer types it.
func TestRecordCodeNormalize(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in, want string // want "" means not a REG code
	}{
		{"REG-7K2Q", "REG-7K2Q"},
		{"reg-7k2q", "REG-7K2Q"},
		{"Reg-7k2Q", "REG-7K2Q"},
		{"REG7K2Q", "REG-7K2Q"},
		{" REG 7K2Q ", "REG-7K2Q"},
		{"REG - 7K2Q", "REG-7K2Q"},
		{"REG-7K2QX", "REG-7K2QX"},
		{"REG-7KO1", "REG-7K01"}, // O read as zero
		{"REG-7KIL", "REG-7K11"}, // I and L read as one
		{"REG-7K2U", ""},         // U is never drawn
		{"REG-7K2", ""},
		{"REG-7K2QXY", ""},
		{"LAP-7K2Q", ""},
		{"REG-7K2Ö", ""},
		{"1371015203560001", ""},
		{"", ""},
	} {
		got, ok := store.NormalizeRecordCode("REG", tc.in)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("NormalizeRecordCode(REG, %q) = %q, %v; want %q", tc.in, got, ok, tc.want)
		}
	}
}

// fakeCodes is a scripted code generator: it hands out queue first, then
// byLength[n] for every call. It remembers the lengths asked for.
type fakeCodes struct {
	mu       sync.Mutex
	queue    []string
	byLength map[int]string
	lengths  []int
}

func (f *fakeCodes) next(prefix string, n int) string {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.lengths = append(f.lengths, n)
	body := f.byLength[n]
	if len(f.queue) > 0 {
		body, f.queue = f.queue[0], f.queue[1:]
	}
	return prefix + "-" + body
}

func (f *fakeCodes) script(queue []string, byLength map[int]string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.queue, f.byLength, f.lengths = queue, byLength, nil
}

// recordKind is one kind of field record, as the code tests create it.
type recordKind struct {
	name, prefix string
	countSQL     string // counts the stored records
	newStore     func(db *pgxpool.Pool) any
	create       func(ctx context.Context, s any, volunteerID int64, submissionID string, i int) (string, error)
}

var recordKinds = []recordKind{
	{
		name: "report", prefix: "LAP", countSQL: `SELECT count(*) FROM emergency_reports`,
		newStore: func(db *pgxpool.Pool) any { return store.NewReports(db) },
		create: func(ctx context.Context, s any, volunteerID int64, submissionID string, _ int) (string, error) {
			r, err := s.(*store.Reports).Create(ctx, floodReport(volunteerID, submissionID))
			return r.Code, err
		},
	},
	{
		name: "registration", prefix: "REG", countSQL: `SELECT count(*) FROM registrations`,
		newStore: func(db *pgxpool.Pool) any { return store.NewRegistrations(db) },
		create: func(ctx context.Context, s any, volunteerID int64, submissionID string, i int) (string, error) {
			nik := "137101520356000" + string(rune('1'+i)) // one person per submission
			r, err := s.(*store.Registrations).Create(ctx, personRegistration(volunteerID, submissionID, nik))
			return r.Code, err
		},
	},
	{
		name: "visit", prefix: "KNJ", countSQL: `SELECT count(*) FROM visits`,
		newStore: func(db *pgxpool.Pool) any { return store.NewVisits(db) },
		create: func(ctx context.Context, s any, volunteerID int64, submissionID string, _ int) (string, error) {
			v, err := s.(*store.Visits).Create(ctx, rescheduledVisit(volunteerID, submissionID),
				&flows.Reminder{DueAt: time.Date(2026, 12, 1, 8, 0, 0, 0, wib)})
			return v.Code, err
		},
	},
}

// Ensure a code already taken is replaced by a fresh one, that codes grow
// to five characters after five collisions in a row, and that a store
// gives up, storing nothing, when even those collide.
func TestRecordCodeCollisionIsRetried(t *testing.T) {
	t.Parallel()
	for _, kind := range recordKinds {
		t.Run(kind.name, func(t *testing.T) {
			t.Parallel()
			db := recordsDB(t)
			ctx := context.Background()
			s := kind.newStore(db)
			codes := &fakeCodes{}
			store.SetRecordCodes(s, codes.next)
			volunteer := recordsVolunteer(t, db, "Rina")
			p := kind.prefix + "-"

			codes.script([]string{"AAAA"}, nil)
			if code, err := kind.create(ctx, s, volunteer, "sub-1", 1); err != nil || code != p+"AAAA" {
				t.Fatalf("first record: %s, %v; want %sAAAA", code, err, p)
			}

			codes.script([]string{"AAAA", "AAAA", "BBBB"}, nil)
			if code, err := kind.create(ctx, s, volunteer, "sub-2", 2); err != nil || code != p+"BBBB" {
				t.Errorf("after two collisions: %s, %v; want %sBBBB", code, err, p)
			}

			codes.script(nil, map[int]string{4: "AAAA", 5: "CCCCC"})
			if code, err := kind.create(ctx, s, volunteer, "sub-3", 3); err != nil || code != p+"CCCCC" {
				t.Errorf("after five collisions: %s, %v; want %sCCCCC", code, err, p)
			}
			if want := []int{4, 4, 4, 4, 4, 5}; !slices.Equal(codes.lengths, want) {
				t.Errorf("code lengths drawn %v; want %v", codes.lengths, want)
			}

			codes.script(nil, map[int]string{4: "AAAA", 5: "CCCCC"})
			code, err := kind.create(ctx, s, volunteer, "sub-4", 4)
			if err == nil || errors.Is(err, flows.ErrNotFound) || !strings.Contains(err.Error(), "no free") {
				t.Errorf("when every code collides: %q, %v; want a 'no free code' error", code, err)
			}
			if want := []int{4, 4, 4, 4, 4, 5, 5, 5, 5, 5}; !slices.Equal(codes.lengths, want) {
				t.Errorf("code lengths drawn %v; want %v", codes.lengths, want)
			}

			if n := recordsCount(t, db, kind.countSQL); n != 3 {
				t.Errorf("%d %ss stored; want 3", n, kind.name)
			}
			if kind.name == "visit" {
				if n := recordsCount(t, db, `SELECT count(*) FROM reminders`); n != 3 {
					t.Errorf("%d reminders; want one per stored visit, 3", n)
				}
			}
		})
	}
}
