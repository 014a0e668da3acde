package flows

import "fmt"

// keepEarly keeps a pin or a photo sent while an earlier question is open
// as the answer of a later step that takes it (Step.KeepsEarly), and asks
// the open question again under a note saying so. A Tagana volunteer at a
// flood often sends the pin and the photos first; refusing them would
// make them send it all again later, on a patchy connection. It reports
// whether the input was kept.
func (e *Engine) keepEarly(f *Flow, st *Step, s *Session, out *Outcome) bool {
	in := s.Input
	var want AnswerKind
	switch {
	case in.Kind == KindLocation && in.Location != nil && st.Kind != AnswerLocation:
		want = AnswerLocation
	case in.Kind == KindPhoto && st.Kind != AnswerPhotos:
		want = AnswerPhotos
	default:
		return false
	}
	later := laterStepTaking(f, st, s, want)
	if later == nil {
		return false
	}
	c := s.Conversation
	var note string
	if want == AnswerLocation {
		v := locationValue(*in.Location)
		v.At = in.SentAt
		c.Answers[later.ID] = v
		note = msgPinKept.In(s.Lang)
	} else {
		v := c.Answers[later.ID]
		max := later.MaxPhotos
		if max == 0 {
			max = defaultMaxPhotos
		}
		if v.Skipped {
			v = Value{}
		}
		if len(v.List) < max {
			v.List = append(v.List, in.PhotoFileID)
			keepCaption(&v, in)
		}
		v = photosValue(v.List, v.Captions, s.Lang)
		v.At = in.SentAt
		c.Answers[later.ID] = v
		sameAlbum := in.MediaGroupID != "" && in.MediaGroupID == c.MediaGroup
		c.MediaGroup = in.MediaGroupID
		if sameAlbum {
			return true // the album's first photo already said so
		}
		note = fmt.Sprintf(msgPhotosKept.In(s.Lang), max)
	}
	e.retirePrompt(s, out)
	c.Version++
	out.add(e.ask(f, st, s, note))
	return true
}

// laterStepTaking is the first step after st that keeps early inputs of
// kind k and applies now, or nil.
func laterStepTaking(f *Flow, st *Step, s *Session, k AnswerKind) *Step {
	_, i := f.step(st.ID)
	if i < 0 {
		return nil
	}
	for j := i + 1; j < len(f.Steps); j++ {
		later := &f.Steps[j]
		if later.Kind == k && later.KeepsEarly && applies(later, s) {
			return later
		}
	}
	return nil
}
