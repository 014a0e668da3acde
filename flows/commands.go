package flows

import (
	"context"
	"fmt"
)

// command handles a slash command. Commands that start a flow are refused
// while another flow is open, so a half-filled form is never lost silently.
func (s *Service) command(ctx context.Context, sess *Session) (Outcome, error) {
	v := sess.Volunteer
	switch sess.Input.Command {
	case "batal", "cancel":
		return s.cancel(sess), nil
	case "bantuan", "help":
		return reply(s.helpText(sess)), nil
	case "bahasa", "language":
		return languageCard(sess), nil
	case "start":
		return s.start(ctx, sess)
	}
	if c := sess.Conversation; c != nil {
		if f, ok := s.engine.Flow(c.Flow); ok && f.Menu {
			// A menu is not a form: another command just replaces it.
			var dropped Outcome
			s.engine.retirePrompt(sess, &dropped)
			sess.Conversation = nil
			out, err := s.command(ctx, sess)
			out.ClearButtons = append(dropped.ClearButtons, out.ClearButtons...)
			return out, err
		}
		if sess.Input.Command == "jadwal" {
			return s.scheduleMidForm(ctx, sess)
		}
		return s.finishFirst(sess), nil
	}
	switch sess.Input.Command {
	case "lapor", "daftar", "kunjungan", "jadwal":
		if out, ok := s.requireApproved(sess); !ok {
			return out, nil
		}
		switch sess.Input.Command {
		case "lapor":
			return s.startReport(ctx, sess)
		case "daftar":
			return s.engine.Start(ctx, sess, flowRegistration, nil)
		case "kunjungan":
			return s.engine.Start(ctx, sess, flowVisit, nil)
		}
		return s.schedule(ctx, sess)
	case "undang":
		if out, ok := s.requireApproved(sess); !ok {
			return out, nil
		}
		if !v.IsCoordinator() && !v.IsAdmin {
			return reply(msgCoordinatorsOnly.In(sess.Lang)), nil
		}
		return s.engine.Start(ctx, sess, flowInvite, nil)
	case "koordinator":
		if out, ok := s.requireApproved(sess); !ok {
			return out, nil
		}
		if !v.IsAdmin {
			return reply(msgAdminsOnly.In(sess.Lang)), nil
		}
		return s.engine.Start(ctx, sess, flowCoordinator, nil)
	}
	return reply(msgUnknownCommand.In(sess.Lang) + "\n\n" + s.helpText(sess)), nil
}

// scheduleMidForm shows the schedule without leaving the open form: a
// volunteer checking when the next visit is mid-visit should not lose it.
// The form's question is asked again below it.
func (s *Service) scheduleMidForm(ctx context.Context, sess *Session) (Outcome, error) {
	if out, ok := s.requireApproved(sess); !ok {
		return out, nil
	}
	out, err := s.schedule(ctx, sess)
	if err != nil {
		return Outcome{}, err
	}
	again := s.engine.Repeat(sess, "")
	out.Replies = append(out.Replies, again.Replies...)
	out.ClearButtons = append(out.ClearButtons, again.ClearButtons...)
	return out, nil
}

// requireApproved lets only active volunteers through, telling everyone
// else politely where they stand.
func (s *Service) requireApproved(sess *Session) (Outcome, bool) {
	v := sess.Volunteer
	switch {
	case v == nil:
		return reply(msgUnregisteredHint.In(sess.Lang)), false
	case v.Status == StatusPending:
		return reply(msgAwaitingApproval.In(sess.Lang)), false
	case !v.Approved():
		return reply(msgAccountInactive.In(sess.Lang)), false
	}
	return Outcome{}, true
}

// cancel leaves the conversation. A form with answers typed into it asks
// first, so a stray /batal doesn't throw away ten minutes of field work.
func (s *Service) cancel(sess *Session) Outcome {
	c := sess.Conversation
	if c == nil {
		return reply(msgNothingToCancel.In(sess.Lang))
	}
	if len(c.Trail) > 0 && !c.Confirming {
		var out Outcome
		s.engine.retirePrompt(sess, &out)
		c.Version++
		c.Confirming, c.PromptHasButtons = true, true
		title := c.Flow
		if f, ok := s.engine.Flow(c.Flow); ok {
			title = f.Title.In(sess.Lang)
		}
		out.add(Reply{
			Text: fmt.Sprintf(msgConfirmCancel.In(sess.Lang), title),
			Buttons: [][]Button{{
				{Text: msgCancelYes.In(sess.Lang), Data: convButton(c.Version, "cancel-yes")},
				{Text: msgCancelNo.In(sess.Lang), Data: convButton(c.Version, "cancel-no")},
			}},
			Prompt: true,
		})
		return out
	}
	var out Outcome
	if c := sess.Conversation; c.PromptHasButtons && c.PromptMessageID != 0 {
		out.ClearButtons = append(out.ClearButtons, c.PromptMessageID)
	}
	sess.Conversation = nil
	out.add(Reply{Text: msgCancelled.In(sess.Lang), RemoveKeyboard: true})
	return out
}

// finishFirst reminds the user of the open form and asks its question again.
func (s *Service) finishFirst(sess *Session) Outcome {
	c := sess.Conversation
	title := c.Flow
	if f, ok := s.engine.Flow(c.Flow); ok {
		title = f.Title.In(sess.Lang)
	}
	out := s.engine.Repeat(sess, fmt.Sprintf(msgFinishFirst.In(sess.Lang), title))
	return out
}
