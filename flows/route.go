package flows

import (
	"context"
	"strings"
)

// Names of the flows the service runs.
const (
	flowOnboarding  = "onboarding"
	flowInvite      = "invite"
	flowCoordinator = "coordinator"
)

// route decides what an input means given who sent it and what they are
// in the middle of.
func (s *Service) route(ctx context.Context, sess *Session) (Outcome, error) {
	in := sess.Input
	v := sess.Volunteer
	switch {
	case in.Edited:
		// Answers are never rewritten behind the user's back: an edited
		// message changes nothing, and we say so.
		return reply(msgEditedIgnored.In(sess.Lang)), nil
	case in.Kind == KindCallback && strings.HasPrefix(in.Callback, languageButtonPrefix):
		return s.chooseLanguage(ctx, sess)
	case in.Kind == KindCallback && strings.HasPrefix(in.Callback, approvalButtonPrefix):
		return s.decide(ctx, sess)
	case in.Kind == KindCallback && strings.HasPrefix(in.Callback, handledButtonPrefix):
		return s.takeReport(ctx, sess)
	case v != nil && (v.Status == StatusRejected || v.Status == StatusDeactivated):
		out := reply(msgAccountInactive.In(sess.Lang))
		if in.Kind == KindCallback {
			out = Outcome{Notice: msgAccountInactive.In(sess.Lang)}
		}
		sess.Conversation = nil
		return out, nil
	case in.Kind == KindCommand:
		return s.command(ctx, sess)
	case sess.Conversation != nil:
		if out, away := s.welcomeBack(sess); away {
			return out, nil
		}
		return s.engine.Continue(ctx, sess)
	case in.Kind == KindCallback:
		// A conversation button after its conversation ended: a double tap
		// on the last answer, or a keyboard from long ago.
		return Outcome{Notice: msgStaleButton.In(sess.Lang)}, nil
	case v == nil:
		return reply(msgUnregisteredHint.In(sess.Lang)), nil
	}
	return reply(s.helpText(sess)), nil
}

func regencyOf(v *Volunteer) string {
	if v == nil {
		return ""
	}
	return v.RegencyCode
}

func reply(text string) Outcome { return Outcome{Replies: []Reply{{Text: text}}} }
