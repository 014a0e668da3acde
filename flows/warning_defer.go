package flows

import "context"

// warningWaits reports whether the open step shows a warning waiting for
// "Ya, benar" (multi-choice and photo steps use Pending for their
// selection instead).
func warningWaits(st *Step, c *Conversation) bool {
	return c.Pending != nil && st.Kind != AnswerMulti && st.Kind != AnswerPhotos
}

// deferBehindWarning keeps a message that arrived while a warning waited
// and that does not answer the warned question: in an offline burst it is
// the answer to a later question, and refusing it would shift every answer
// after it. The first one says so; the rest of the burst is kept quietly.
func (e *Engine) deferBehindWarning(s *Session, out *Outcome) {
	c := s.Conversation
	first := len(c.Deferred) == 0
	if len(c.Deferred) < maxHeld {
		c.Deferred = append(c.Deferred, s.Input)
	}
	c.DeferredStep = c.Step
	if first {
		out.add(Reply{Text: msgDeferredBehindWarning.In(s.Lang)})
	}
}

// replayDeferred applies the deferred messages once the form has moved
// past the warned step, after the volunteer confirmed or retyped it.
func (e *Engine) replayDeferred(ctx context.Context, s *Session, out *Outcome) error {
	c := s.Conversation
	if s.replaying || c == nil || len(c.Deferred) == 0 || c.Step == c.DeferredStep {
		return nil
	}
	msgs := c.Deferred
	c.Deferred, c.DeferredStep = nil, ""
	return e.replay(ctx, s, msgs, out)
}
