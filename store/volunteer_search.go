package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/mitra-id/mitra/flows"
)

// Search result limits: a non-positive limit means the default, and no
// caller gets more than the maximum.
const (
	defaultSearchLimit = 10
	maxSearchLimit     = 50
)

const sqlSearchByID = `SELECT` + volunteerColumns + `
FROM volunteers WHERE id = $1 AND status = 'active'`

// sqlSearchByName matches a case-insensitive substring ($1 is already a
// LIKE-escaped pattern body; backslash is LIKE's default escape). Exact
// names rank first, then names starting with the query, then the rest,
// each alphabetically.
const sqlSearchByName = `SELECT` + volunteerColumns + `
FROM volunteers
WHERE status = 'active' AND name ILIKE '%' || $1 || '%'
ORDER BY (name ILIKE $1) DESC, (name ILIKE $1 || '%') DESC, lower(name), id
LIMIT $2`

// Search finds active volunteers. "V123", "v123" or "123" finds the
// volunteer with that id; anything else is a case-insensitive substring of
// the name, best match first. An empty query finds nobody.
func (s *Volunteers) Search(ctx context.Context, query string, limit int) ([]flows.Volunteer, error) {
	query = strings.TrimSpace(query)
	if query == "" {
		return nil, nil
	}
	if limit <= 0 {
		limit = defaultSearchLimit
	}
	limit = min(limit, maxSearchLimit)
	if id, ok := parseVolunteerID(query); ok {
		vs, err := queryVolunteers(ctx, s.db, sqlSearchByID, id)
		if err != nil {
			return nil, fmt.Errorf("store: search volunteers by id %d: %w", id, err)
		}
		return vs, nil
	}
	vs, err := queryVolunteers(ctx, s.db, sqlSearchByName, escapeLike(query), limit)
	if err != nil {
		return nil, fmt.Errorf("store: search volunteers by name: %w", err)
	}
	return vs, nil
}

// parseVolunteerID reads "V123", "v123" or "123", the form ids are shown in.
func parseVolunteerID(s string) (int64, bool) {
	digits := strings.TrimPrefix(strings.TrimPrefix(s, "V"), "v")
	if digits == "" || strings.TrimLeft(digits, "0123456789") != "" {
		return 0, false
	}
	id, err := strconv.ParseInt(digits, 10, 64)
	return id, err == nil && id > 0
}

// likeEscaper makes user text match literally inside a LIKE pattern.
var likeEscaper = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)

func escapeLike(s string) string { return likeEscaper.Replace(s) }
