package flows

import (
	"context"
	"strings"

	"github.com/mitra-id/mitra/regions"
)

// regionLookup searches regions of a level, inside the region answered at
// step `within` when set.
func (s *Service) regionLookup(level regions.Level, within string) func(context.Context, *Session, string) ([]Option, error) {
	return func(_ context.Context, sess *Session, text string) ([]Option, error) {
		q := regions.Query{Text: text, Level: level, Limit: regionChoices}
		if within != "" {
			q.Within = sess.AnswerData(within)
		}
		return s.regionOptions(s.regions.Search(q), q.Within), nil
	}
}

// regionOptions turns matches into options labelled only with what the
// user needs to tell them apart: inside a kabupaten/kota its name is left
// out, so labels fit a phone-width button.
func (s *Service) regionOptions(matches []regions.Match, within string) []Option {
	opts := make([]Option, len(matches))
	for i, m := range matches {
		opts[i] = Option{Value: m.Code, Label: s.labelWithin(m.Code, within)}
	}
	return opts
}

// labelWithin names a region and its parents up to, not including, the
// region `within` ("" for the whole country).
func (s *Service) labelWithin(code, within string) string {
	var parts []string
	for c := code; c != "" && c != within; c = parentCode(c) {
		r, ok := s.regions.Get(c)
		if !ok {
			break
		}
		name := r.Name
		if r.Level == regions.DistrictLevel {
			name = districtWord(c) + " " + name
		}
		parts = append(parts, name)
	}
	if len(parts) == 0 {
		return s.regionLabel(code)
	}
	return strings.Join(parts, ", ")
}

// parentCode drops the last segment of a region code ("13.71.01" → "13.71").
func parentCode(code string) string {
	if i := strings.LastIndexByte(code, '.'); i > 0 {
		return code[:i]
	}
	return ""
}

// districtWord is what a kecamatan is called: "Distrik" in the Papua
// provinces (codes 9x), "Kec." elsewhere.
func districtWord(code string) string {
	if strings.HasPrefix(code, "9") {
		return "Distrik"
	}
	return "Kec."
}
