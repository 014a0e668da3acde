package flows

import (
	"context"
	"fmt"
	"time"
)

// awayAfter is how long a form may sit untouched before a new message is
// met with a reminder of it rather than taken as its next answer.
const awayAfter = 12 * time.Hour

// remindAgainAfter is how long the reminder may go unanswered before a
// further message brings it back; messages closer together than that are
// one offline burst and are held without a word.
const remindAgainAfter = time.Minute

// maxHeld bounds the messages held behind one reminder; a burst longer
// than any form is not answers any more.
const maxHeld = 40

// welcomeBack reminds a volunteer who returns after a long pause which form
// is open, instead of reading their message as its next answer at once.
// The message is held, with any that follow it before the volunteer
// decides (an offline burst arrives in one go), so continuing loses
// nothing and never shifts an answer to the wrong question. Messages typed
// offline in one go before the pause ends keep their own dates and are not
// interrupted.
func (s *Service) welcomeBack(sess *Session) (Outcome, bool) {
	c := sess.Conversation
	in := sess.Input
	if in.Kind == KindCallback {
		return Outcome{}, false
	}
	if len(c.Held) == 0 && in.SentAt.Sub(c.UpdatedAt) < awayAfter {
		return Outcome{}, false
	}
	f, ok := s.engine.Flow(c.Flow)
	if !ok || f.Menu {
		return Outcome{}, false // a menu is one tap, not a form to be reminded of
	}
	reminded := len(c.Held) > 0
	if len(c.Held) < maxHeld {
		c.Held = append(c.Held, in)
	}
	if reminded && sess.Now.Sub(c.UpdatedAt) < remindAgainAfter {
		return Outcome{}, true
	}
	var out Outcome
	s.engine.retirePrompt(sess, &out)
	c.Version++
	c.PromptHasButtons = true
	out.add(Reply{
		Text: fmt.Sprintf(msgAwayReminder.In(sess.Lang), f.Title.In(sess.Lang), s.formatTime(c.StartedAt, regencyOf(sess.Volunteer), sess.Lang)),
		Buttons: [][]Button{{
			{Text: msgResumeButton.In(sess.Lang), Data: convButton(c.Version, "resume")},
			{Text: msgCancelYes.In(sess.Lang), Data: convButton(c.Version, "cancel-yes")},
		}},
		Prompt: true,
	})
	return out, true
}

// replayHeld continues a form with the messages held behind the reminder.
func (e *Engine) replayHeld(ctx context.Context, s *Session) (Outcome, error) {
	held := s.Conversation.Held
	s.Conversation.Held = nil
	var out Outcome
	e.retirePrompt(s, &out)
	err := e.replay(ctx, s, held, &out)
	return out, err
}

// replay applies messages that were held back, each answering the question
// in front of it as if it had just arrived, and adds what they produce to
// out. Only the last question keeps its buttons: the ones in between were
// answered before the volunteer could press anything, and show the answer
// they got, since the volunteer's own messages sit further up the chat.
func (e *Engine) replay(ctx context.Context, s *Session, msgs []Input, out *Outcome) error {
	press := s.Input
	s.replaying = true
	defer func() { s.Input, s.replaying = press, false }()
	// question is the reply asking the step asked, which the next message
	// answers; -1 for a question asked earlier, further up the chat.
	question := lastPrompt(out.Replies)
	asked := ""
	if s.Conversation != nil {
		asked = s.Conversation.Step
	}
	for _, in := range msgs {
		if s.Conversation == nil {
			break // the form ended part-way; what is left was not for it
		}
		s.Input = in
		step, err := e.Continue(ctx, s)
		if err != nil {
			return err
		}
		if v, ok := answered(s.Conversation, asked); ok && !confirmsItself(step) {
			if question >= 0 {
				out.Replies[question].Text += "\n\n✅ " + escape(v.Text)
			} else {
				out.add(Reply{Text: "✅ " + escape(v.Text)})
			}
		}
		out.Replies = append(out.Replies, step.Replies...)
		out.ClearButtons = append(out.ClearButtons, step.ClearButtons...)
		if s.Conversation != nil && lastPrompt(out.Replies) >= 0 {
			question, asked = lastPrompt(out.Replies), s.Conversation.Step
		}
	}
	keepLastPrompt(out)
	return nil
}

// answered returns the answer to step when the conversation has moved past
// it.
func answered(c *Conversation, step string) (Value, bool) {
	if c == nil || c.Step == step {
		return Value{}, false
	}
	v, ok := c.Answers[step]
	return v, ok
}

// confirmsItself reports whether the engine already echoed the answer, as
// it does when it takes down a reply keyboard.
func confirmsItself(out Outcome) bool {
	for _, r := range out.Replies {
		if r.RemoveKeyboard {
			return true
		}
	}
	return false
}

// keepLastPrompt strips every question but the last of its buttons and
// keyboard, so only the question now waiting can be pressed.
func keepLastPrompt(out *Outcome) {
	last := lastPrompt(out.Replies)
	for i := range out.Replies {
		r := &out.Replies[i]
		if !r.Prompt || i == last {
			continue
		}
		r.Prompt = false
		r.Buttons, r.KeyboardButtons = nil, nil
		r.RequestContact, r.RequestLocation = "", ""
	}
}

// lastPrompt is the index of the last reply that is a question, or -1.
func lastPrompt(replies []Reply) int {
	for i := len(replies) - 1; i >= 0; i-- {
		if replies[i].Prompt {
			return i
		}
	}
	return -1
}
