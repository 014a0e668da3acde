package flows

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/mitra-id/mitra/regions"
)

const (
	stepInviteRegency  = "regency"
	stepInviteRole     = "role"
	stepInviteUses     = "uses"
	stepInviteValidity = "validity"
)

// inviteFlow lets a coordinator create a deep link for a bimtek: everyone
// who joins through it starts approved, with the role and kabupaten/kota
// fixed by the link.
func (s *Service) inviteFlow() *Flow {
	roleOptions := make([]Choice, len(Roles))
	for i, r := range Roles {
		roleOptions[i] = Choice{Value: string(r), Label: roleLabel(r)}
	}
	return &Flow{
		Name:  flowInvite,
		Title: Text{"Tautan Undangan", "Invite link"},
		Steps: []Step{
			{
				ID: stepInviteRegency, Kind: AnswerLookup,
				// Coordinators invite into their own kabupaten/kota; only an
				// admin without one chooses.
				When:    func(sess *Session) bool { return !sess.Volunteer.IsCoordinator() },
				Prompt:  Text{"Untuk kabupaten/kota mana undangan ini? Ketik namanya.", "Which kabupaten/kota is this invite for? Type its name."},
				Example: Text{"kab. padang pariaman", "kab. padang pariaman"},
				Lookup:  s.regionLookup(regions.RegencyLevel, ""),
			},
			{
				ID: stepInviteRole, Kind: AnswerChoice, Options: roleOptions,
				Prompt: Text{"Peran apa yang akan didaftarkan lewat tautan ini?", "Which role will people join with?"},
			},
			{
				ID: stepInviteUses, Kind: AnswerChoice,
				Prompt: Text{"Berapa orang paling banyak boleh memakai tautan ini?", "How many people at most may use this link?"},
				Options: []Choice{
					{"10", Text{"10", "10"}}, {"40", Text{"40", "40"}},
					{"100", Text{"100", "100"}}, {"250", Text{"250", "250"}},
				},
			},
			{
				ID: stepInviteValidity, Kind: AnswerChoice,
				Prompt: Text{"Berapa lama tautan ini berlaku?", "How long should the link stay valid?"},
				Options: []Choice{
					{"24h", Text{"1 hari", "1 day"}}, {"72h", Text{"3 hari", "3 days"}}, {"168h", Text{"7 hari", "7 days"}},
				},
			},
		},
		Submit: s.submitInvite,
	}
}

func (s *Service) submitInvite(ctx context.Context, sess *Session) (Outcome, error) {
	v := sess.Volunteer
	regency := v.CoordinatorOf
	if regency == "" {
		regency = sess.AnswerData(stepInviteRegency)
	}
	uses, err := strconv.Atoi(sess.AnswerData(stepInviteUses))
	if err != nil {
		return Outcome{}, fmt.Errorf("flows: invite uses %q: %w", sess.AnswerData(stepInviteUses), err)
	}
	validity, err := time.ParseDuration(sess.AnswerData(stepInviteValidity))
	if err != nil {
		return Outcome{}, fmt.Errorf("flows: invite validity: %w", err)
	}
	inv, err := s.invites.Create(ctx, Invite{
		Role:        Role(sess.AnswerData(stepInviteRole)),
		RegencyCode: regency,
		CreatedBy:   v.ID,
		MaxUses:     uses,
		ExpiresAt:   sess.Now.Add(validity),
	})
	if err != nil {
		return Outcome{}, fmt.Errorf("flows: create invite: %w", err)
	}
	link := "https://t.me/" + s.botUsername + "?start=" + inv.Code
	return reply(fmt.Sprintf(msgInviteCreated.In(sess.Lang),
		roleLabel(inv.Role).In(sess.Lang), escape(s.regionLabel(inv.RegencyCode)), inv.MaxUses,
		s.formatTime(inv.ExpiresAt, inv.RegencyCode, sess.Lang), escape(link))), nil
}
