package flows

import (
	"html"
	"regexp"
	"time"

	"github.com/mitra-id/mitra/regions"
)

var roleLabels = map[Role]Text{
	RoleTagana:       {"Tagana", "Tagana"},
	RoleTKSK:         {"TKSK", "TKSK"},
	RolePKH:          {"Pendamping PKH", "PKH facilitator"},
	RolePSM:          {"PSM", "PSM"},
	RoleKarangTaruna: {"Karang Taruna", "Karang Taruna"},
	RoleOther:        {"Lainnya", "Other"},
}

func roleLabel(r Role) Text {
	if t, ok := roleLabels[r]; ok {
		return t
	}
	return Text{string(r), string(r)}
}

// regionLabel names a region with its parents, or returns the bare code
// for one the index no longer knows.
func (s *Service) regionLabel(code string) string {
	if code == "" {
		return "-"
	}
	if l := s.regions.Label(code); l != "" {
		return l
	}
	return code
}

// formatTime shows a moment in the time zone of a region (WIB/WITA/WIT),
// falling back to WIB.
func (s *Service) formatTime(t time.Time, regionCode, lang string) string {
	zone, abbrev := "Asia/Jakarta", "WIB"
	if regionCode != "" {
		zone, abbrev = regions.TimeZone(regionCode), regions.ZoneAbbrev(regionCode)
	}
	loc, err := time.LoadLocation(zone)
	if err != nil {
		loc = time.FixedZone(abbrev, 7*3600)
	}
	layout := "02/01/2006 15.04"
	if lang == "en" {
		layout = "2 Jan 2006 15:04"
	}
	return t.In(loc).Format(layout) + " " + abbrev
}

var tagPattern = regexp.MustCompile(`<[^>]*>`)

// stripTags turns trusted HTML copy into plain text, for button-press
// notices, which Telegram shows without formatting.
func stripTags(s string) string {
	return html.UnescapeString(tagPattern.ReplaceAllString(s, ""))
}
