package flows

import (
	"context"
	"fmt"
	"strconv"

	"github.com/mitra-id/mitra/regions"
)

const (
	stepCoordTarget  = "volunteer"
	stepCoordAction  = "action"
	stepCoordRegency = "regency"

	coordGrant  = "grant"
	coordRevoke = "revoke"
)

// volunteerChoices is how many search results are offered at once.
const volunteerChoices = 6

// coordinatorFlow lets an admin make a volunteer coordinator of a
// kabupaten/kota, or take the role away.
func (s *Service) coordinatorFlow() *Flow {
	return &Flow{
		Name:  flowCoordinator,
		Title: Text{"Peran Koordinator", "Coordinator role"},
		Steps: []Step{
			{
				ID: stepCoordTarget, Kind: AnswerLookup,
				Prompt:  Text{"Siapa relawannya? Ketik nama atau nomor ID-nya (mis. V12).", "Which volunteer? Type their name or ID (e.g. V12)."},
				Example: Text{"Siti, atau V12", "Siti, or V12"},
				Lookup:  s.volunteerLookup,
			},
			{
				ID: stepCoordAction, Kind: AnswerChoice,
				Prompt: Text{"Apa yang ingin dilakukan?", "What do you want to do?"},
				Options: []Choice{
					{coordGrant, Text{"Jadikan koordinator", "Make coordinator"}},
					{coordRevoke, Text{"Cabut peran koordinator", "Remove coordinator role"}},
				},
			},
			{
				ID: stepCoordRegency, Kind: AnswerLookup,
				When:    func(sess *Session) bool { return sess.AnswerData(stepCoordAction) == coordGrant },
				Prompt:  Text{"Koordinator untuk kabupaten/kota mana? Ketik namanya.", "Coordinator of which kabupaten/kota? Type its name."},
				Example: Text{"kota padang", "kota padang"},
				Lookup:  s.regionLookup(regions.RegencyLevel, ""),
			},
		},
		Submit: s.submitCoordinator,
	}
}

func (s *Service) volunteerLookup(ctx context.Context, sess *Session, text string) ([]Option, error) {
	found, err := s.volunteers.Search(ctx, text, volunteerChoices)
	if err != nil {
		return nil, fmt.Errorf("flows: search volunteers: %w", err)
	}
	opts := make([]Option, len(found))
	for i, v := range found {
		opts[i] = Option{
			Value: strconv.FormatInt(v.ID, 10),
			Label: fmt.Sprintf("V%d %s (%s, %s)", v.ID, v.Name, roleLabel(v.Role).In(sess.Lang), s.regionName(v.RegencyCode)),
		}
	}
	return opts, nil
}

func (s *Service) submitCoordinator(ctx context.Context, sess *Session) (Outcome, error) {
	id, err := strconv.ParseInt(sess.AnswerData(stepCoordTarget), 10, 64)
	if err != nil {
		return Outcome{}, fmt.Errorf("flows: coordinator target: %w", err)
	}
	regency := ""
	if sess.AnswerData(stepCoordAction) == coordGrant {
		regency = sess.AnswerData(stepCoordRegency)
	}
	v, err := s.volunteers.SetCoordinator(ctx, sess.Volunteer.ID, id, regency)
	if err != nil {
		return Outcome{}, fmt.Errorf("flows: set coordinator: %w", err)
	}
	lang := sess.Lang
	if regency == "" {
		out := reply(fmt.Sprintf(msgCoordinatorRevoked.In(lang), escape(v.Name)))
		out.add(Reply{ChatID: v.ChatID, Text: msgYouAreNoLongerCoordinator.In(v.Language)})
		return out, nil
	}
	place := escape(s.regionLabel(regency))
	out := reply(fmt.Sprintf(msgCoordinatorGranted.In(lang), escape(v.Name), place))
	out.add(Reply{ChatID: v.ChatID, Text: fmt.Sprintf(msgYouAreCoordinator.In(v.Language), place)})
	return out, nil
}

// regionName is a region's own name without its parents.
func (s *Service) regionName(code string) string {
	if r, ok := s.regions.Get(code); ok {
		return r.Name
	}
	return code
}
