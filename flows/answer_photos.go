package flows

import "fmt"

// defaultMaxPhotos is Telegram's album size, and enough evidence for a form.
const defaultMaxPhotos = 10

// collectPhoto adds a photo to the step's collection. An album arrives as
// one update per photo; only its first photo is acknowledged, so the chat
// isn't flooded (and Telegram's per-chat limit isn't hit).
func (e *Engine) collectPhoto(st *Step, s *Session, out *Outcome) {
	c := s.Conversation
	max := st.MaxPhotos
	if max == 0 {
		max = defaultMaxPhotos
	}
	if c.Pending == nil {
		c.Pending = &Value{}
	}
	if len(c.Pending.List) >= max {
		if c.MediaGroup == "" || c.MediaGroup != s.Input.MediaGroupID {
			out.add(Reply{Text: fmt.Sprintf(msgPhotosMax.In(s.Lang), max)})
		}
		return
	}
	c.Pending.List = append(c.Pending.List, s.Input.PhotoFileID)
	sameAlbum := s.Input.MediaGroupID != "" && s.Input.MediaGroupID == c.MediaGroup
	c.MediaGroup = s.Input.MediaGroupID
	if sameAlbum {
		return
	}
	e.retirePrompt(s, out)
	c.Version++
	text := fmt.Sprintf(msgPhotoReceived.In(s.Lang), len(c.Pending.List))
	if s.Input.MediaGroupID != "" {
		text = msgAlbumReceived.In(s.Lang)
	}
	rows := [][]Button{{{Text: msgDoneButton.In(s.Lang), Data: convButton(c.Version, "done")}}}
	c.PromptHasButtons = true
	out.add(Reply{Text: text, Buttons: rows, Prompt: true})
}
