package flows

import (
	"context"
	"errors"
	"fmt"

	"github.com/mitra-id/mitra/regions"
)

// Step ids of onboarding, also the keys of its answers.
const (
	stepName     = "name"
	stepRole     = "role"
	stepRegency  = "regency"
	stepDistrict = "district"
	stepPhone    = "phone"
	// stepInvite is not asked: an invite link prefills it.
	stepInvite = "invite"
)

// regionChoices is how many matches a region search offers at once.
const regionChoices = 6

func (s *Service) onboardingFlow() *Flow {
	noInvite := func(sess *Session) bool { _, ok := sess.Answer(stepInvite); return !ok }
	roleOptions := make([]Choice, len(Roles))
	for i, r := range Roles {
		roleOptions[i] = Choice{Value: string(r), Label: roleLabel(r)}
	}
	return &Flow{
		Name:  flowOnboarding,
		Title: Text{"Pendaftaran Relawan", "Volunteer registration"},
		Steps: []Step{
			{
				ID: stepName, Kind: AnswerText, MinLen: 3, MaxLen: 80,
				Prompt:  Text{"Siapa nama lengkap Anda (sesuai KTP)?", "What is your full name (as on your ID card)?"},
				Example: Text{"Siti Rahmawati", "Siti Rahmawati"},
			},
			{
				ID: stepRole, Kind: AnswerChoice, Options: roleOptions, When: noInvite,
				Prompt: Text{"Apa peran Anda?", "What is your role?"},
			},
			{
				ID: stepRegency, Kind: AnswerLookup, When: noInvite,
				Prompt:  Text{"Di kabupaten/kota mana Anda bertugas? Ketik namanya.", "Which kabupaten/kota do you serve in? Type its name."},
				Example: Text{"Padang Pariaman, atau: kota padang", "Padang Pariaman, or: kota padang"},
				Lookup:  s.regionLookup(regions.RegencyLevel, ""), TakeExactMatch: true,
			},
			{
				ID: stepDistrict, Kind: AnswerLookup,
				Prompt:  Text{"Di kecamatan mana Anda bertugas? Ketik namanya.", "Which kecamatan do you serve in? Type its name."},
				Example: Text{"Batang Anai", "Batang Anai"},
				Lookup:  s.regionLookup(regions.DistrictLevel, stepRegency), TakeExactMatch: true,
				Describe: func(sess *Session) string {
					return fmt.Sprintf(msgSearchingIn.In(sess.Lang), escape(sess.Conversation.Answers[stepRegency].Text))
				},
			},
			{
				ID: stepPhone, Kind: AnswerPhone,
				Prompt: Text{"Terakhir, nomor HP Anda. Tekan tombol “📱 Kirim nomor saya” di bawah, atau ketik nomornya.",
					"Last, your phone number. Tap “📱 Send my number” below, or type it."},
				Example: Text{"0812 3456 7890", "0812 3456 7890"},
			},
		},
		Submit: s.submitOnboarding,
	}
}

func (s *Service) submitOnboarding(ctx context.Context, sess *Session) (Outcome, error) {
	in := sess.Input
	nv := NewVolunteer{
		TelegramID:   in.UserID,
		ChatID:       in.ChatID,
		Name:         sess.AnswerData(stepName),
		Role:         Role(sess.AnswerData(stepRole)),
		Phone:        sess.AnswerData(stepPhone),
		RegencyCode:  sess.AnswerData(stepRegency),
		DistrictCode: sess.AnswerData(stepDistrict),
		Language:     sess.Lang,
		IsAdmin:      s.admins[in.UserID],
		InviteCode:   sess.AnswerData(stepInvite),
		Status:       StatusPending,
	}
	if nv.IsAdmin {
		nv.Status = StatusActive
	}
	var note string
	v, err := s.volunteers.Register(ctx, nv)
	if nv.InviteCode != "" && (errors.Is(err, ErrInviteUsedUp) || errors.Is(err, ErrInviteExpired) || errors.Is(err, ErrNotFound)) {
		// The link ran out while this volunteer was typing: register them
		// anyway, for normal approval, rather than throw their answers away.
		note = msgInviteRanOut.In(sess.Lang) + "\n\n"
		nv.InviteCode = ""
		v, err = s.volunteers.Register(ctx, nv)
	}
	// ErrAlreadyExists means an earlier submit registered the volunteer
	// but failed after that; finishing the job now is what the user wants.
	if err != nil && !errors.Is(err, ErrAlreadyExists) {
		return Outcome{}, fmt.Errorf("flows: register volunteer: %w", err)
	}
	sess.Volunteer = &v
	if v.Approved() {
		return reply(note + fmt.Sprintf(msgRegisteredActive.In(sess.Lang), escape(v.Name)) + "\n\n" + s.helpText(sess)), nil
	}
	out := reply(note + fmt.Sprintf(msgRegisteredPending.In(sess.Lang), escape(s.regionLabel(v.RegencyCode))))
	cards, err := s.approvalCards(ctx, v)
	if err != nil {
		return Outcome{}, err
	}
	out.add(cards...)
	return out, nil
}
