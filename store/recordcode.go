package store

import (
	"crypto/rand"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
)

// Field records carry a short code that volunteers read out over the phone
// and type into /cari: a prefix, a dash and random characters of Crockford's
// base32 ("LAP-7K2Q"). Its alphabet has no I, L, O or U, so a code read
// aloud or copied by hand cannot be mistaken for another.
const recordCodeAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

// Prefixes of the record codes, one per kind of record.
const (
	reportCodePrefix       = "LAP" // laporan kejadian
	registrationCodePrefix = "REG" // usulan (registrasi)
	visitCodePrefix        = "KNJ" // kunjungan
)

// Four characters give 32^4 ≈ 10^6 codes per prefix. Only after
// shortCodeAttempts collisions in a row, a sign that the space is filling
// up, do codes grow to five characters (3.3·10^7).
const (
	shortCodeLength   = 4
	longCodeLength    = 5
	shortCodeAttempts = 5
	longCodeAttempts  = 5
)

// codeFunc returns a fresh code of prefix with n random characters.
type codeFunc func(prefix string, n int) string

// newRecordCode draws a code from crypto/rand. The alphabet has 32
// characters, which divide 256, so masking a random byte keeps every
// character equally likely.
func newRecordCode(prefix string, n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b) // crypto/rand.Read never fails; it crashes the program instead
	for i := range b {
		b[i] = recordCodeAlphabet[b[i]&31]
	}
	return prefix + "-" + string(b)
}

// insertWithCode calls insert with fresh codes until the insert does not
// collide with an existing code, i.e. fails with a unique violation on
// codeConstraint. Any other outcome, success or error, is returned as is.
func insertWithCode[T any](next codeFunc, prefix, codeConstraint string, insert func(code string) (T, error)) (T, error) {
	var err error
	for attempt := range shortCodeAttempts + longCodeAttempts {
		n := shortCodeLength
		if attempt >= shortCodeAttempts {
			n = longCodeLength
		}
		var rec T
		rec, err = insert(next(prefix, n))
		if !isUniqueViolationOn(err, codeConstraint) {
			return rec, err
		}
	}
	var zero T
	return zero, fmt.Errorf("no free %s code after %d attempts: %w", prefix, shortCodeAttempts+longCodeAttempts, err)
}

// isUniqueViolationOn reports whether err is a unique violation of the
// named constraint (or unique index).
func isUniqueViolationOn(err error, constraint string) bool {
	var pgErr *pgconn.PgError
	return errors.As(err, &pgErr) && pgErr.Code == pgCodeUniqueViolation && pgErr.ConstraintName == constraint
}

// normalizeRecordCode reads a code of prefix as people type it: any case,
// with or without the dash or with spaces ("reg-7k2q", "REG 7K2Q",
// "reg7k2q"), and with the letters Crockford reads as digits (O → 0,
// I and L → 1). It returns the canonical "REG-7K2Q" form, or false when s
// is not such a code.
func normalizeRecordCode(prefix, s string) (string, bool) {
	s = strings.ToUpper(strings.Join(strings.Fields(s), ""))
	rest, ok := strings.CutPrefix(s, prefix)
	if !ok {
		return "", false
	}
	rest = strings.TrimPrefix(rest, "-")
	if len(rest) != shortCodeLength && len(rest) != longCodeLength {
		return "", false
	}
	body := []byte(rest)
	for i, c := range body {
		switch c {
		case 'O':
			body[i] = '0'
		case 'I', 'L':
			body[i] = '1'
		}
		if strings.IndexByte(recordCodeAlphabet, body[i]) < 0 {
			return "", false
		}
	}
	return prefix + "-" + string(body), true
}
