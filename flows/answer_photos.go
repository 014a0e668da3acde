package flows

import (
	"fmt"
	"strings"
)

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
	keepCaption(c.Pending, s.Input)
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

// maxCaptions bounds the captions kept with one photo answer.
const maxCaptions = 10

// keepCaption keeps the caption typed under a photo with the answer.
func keepCaption(v *Value, in Input) {
	if caption := clip(cleanText(in.Text), 200); caption != "" && len(v.Captions) < maxCaptions {
		v.Captions = append(v.Captions, caption)
	}
}

// photosValue is a photo answer: the count, and the captions if any.
func photosValue(list, captions []string, lang string) Value {
	text := fmt.Sprintf(msgPhotoCount.In(lang), len(list))
	if len(captions) > 0 {
		text += " — " + strings.Join(captions, "; ")
	}
	return Value{List: list, Captions: captions, Text: text}
}

// PhotoCaptions is the captions of a photo answer as one line for a
// record's notes, or "" when there are none.
func PhotoCaptions(v Value) string {
	if len(v.Captions) == 0 {
		return ""
	}
	return "Keterangan foto: " + strings.Join(v.Captions, "; ")
}

// joinLines joins the non-empty texts with a line break.
func joinLines(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "\n" + b
}
