package flows

import (
	"context"
	"errors"
	"fmt"
	"strings"
)

// start answers /start: registered users are greeted by status, a user
// half-way through onboarding continues, anyone else begins onboarding —
// through an invite when the deep link carries a valid code.
func (s *Service) start(ctx context.Context, sess *Session) (Outcome, error) {
	if v := sess.Volunteer; v != nil {
		if sess.Conversation != nil {
			return s.finishFirst(sess), nil
		}
		if v.Status == StatusPending {
			return reply(msgAwaitingApproval.In(sess.Lang)), nil
		}
		return reply(fmt.Sprintf(msgWelcomeBack.In(sess.Lang), escape(v.Name)) + "\n\n" + s.helpText(sess)), nil
	}
	if c := sess.Conversation; c != nil {
		if c.Flow == flowOnboarding {
			return s.engine.Repeat(sess, msgContinueOnboarding.In(sess.Lang)), nil
		}
		sess.Conversation = nil // a leftover from before registration
	}
	code := strings.TrimSpace(sess.Input.Args)
	if code == "" {
		return s.beginOnboarding(ctx, sess, nil, "")
	}
	inv, err := s.invites.Get(ctx, code)
	var note string
	switch {
	case errors.Is(err, ErrNotFound):
		note = msgInviteUnknown.In(sess.Lang)
	case err != nil:
		return Outcome{}, fmt.Errorf("flows: load invite: %w", err)
	case !sess.Now.Before(inv.ExpiresAt):
		note = fmt.Sprintf(msgInviteExpired.In(sess.Lang), s.formatTime(inv.ExpiresAt, inv.RegencyCode, sess.Lang))
	case inv.Uses >= inv.MaxUses:
		note = msgInviteUsedUp.In(sess.Lang)
	default:
		return s.beginOnboarding(ctx, sess, &inv, "")
	}
	return s.beginOnboarding(ctx, sess, nil, "⚠️ "+note)
}

// beginOnboarding starts registration. An invite fixes the role and the
// kabupaten/kota, so those questions are not asked.
func (s *Service) beginOnboarding(ctx context.Context, sess *Session, inv *Invite, note string) (Outcome, error) {
	var prefill map[string]Value
	intro := msgOnboardingIntro.In(sess.Lang)
	if inv != nil {
		regency := s.regionLabel(inv.RegencyCode)
		role := roleLabel(inv.Role).In(sess.Lang)
		prefill = map[string]Value{
			stepInvite:  {Data: inv.Code, Text: inv.Code},
			stepRole:    {Data: string(inv.Role), Text: role},
			stepRegency: {Data: inv.RegencyCode, Text: regency},
		}
		intro = fmt.Sprintf(msgOnboardingInviteIntro.In(sess.Lang), escape(role), escape(regency))
	}
	if note != "" {
		intro = note + "\n\n" + intro
	}
	out, err := s.engine.Start(ctx, sess, flowOnboarding, prefill)
	if err != nil {
		return Outcome{}, err
	}
	out.Replies = append([]Reply{{Text: intro}}, out.Replies...)
	return out, nil
}
