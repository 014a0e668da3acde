package faketelegram

import (
	"bytes"
	"reflect"
	"time"
)

// maxDeleteAge is how old a message may be for deleteMessage.
const maxDeleteAge = 48 * time.Hour

// editMessageText replaces a bot text message's text. As in Telegram,
// omitting reply_markup removes the inline keyboard.
func (s *Server) editMessageText(p params) (any, *apiError) {
	m, aerr := s.editableLocked(p)
	if aerr != nil {
		return nil, aerr
	}
	if m.kind != "text" {
		return nil, badRequest("there is no text in the message to edit")
	}
	f, aerr := formatText(p.str("text"), p.str("parse_mode"), p.str("entities"), false)
	if aerr != nil {
		return nil, aerr
	}
	mk, aerr := inlineMarkupParam(p, m.chat.id)
	if aerr != nil {
		return nil, aerr
	}
	if m.f.text == f.text && sameEntities(m.f.entities, f.entities) && bytes.Equal(m.markup.inlineJSON, mk.inlineJSON) {
		return nil, badRequest(descNotModified)
	}
	m.f = f
	m.markup.inline, m.markup.inlineJSON = mk.inline, mk.inlineJSON
	m.edits++
	m.editDate = time.Now()
	s.logEditLocked(m, true)
	return m.wire(), nil
}

// editMessageReplyMarkup replaces (or, without reply_markup, removes) the
// inline keyboard of any bot message.
func (s *Server) editMessageReplyMarkup(p params) (any, *apiError) {
	m, aerr := s.editableLocked(p)
	if aerr != nil {
		return nil, aerr
	}
	mk, aerr := inlineMarkupParam(p, m.chat.id)
	if aerr != nil {
		return nil, aerr
	}
	if bytes.Equal(m.markup.inlineJSON, mk.inlineJSON) {
		return nil, badRequest(descNotModified)
	}
	m.markup.inline, m.markup.inlineJSON = mk.inline, mk.inlineJSON
	m.edits++
	m.editDate = time.Now()
	s.logEditLocked(m, false)
	return m.wire(), nil
}

// editableLocked finds the bot message an edit request targets.
func (s *Server) editableLocked(p params) (*message, *apiError) {
	if p.str("inline_message_id") != "" {
		return nil, badRequest("MESSAGE_ID_INVALID")
	}
	c, aerr := s.targetChatLocked(p)
	if aerr != nil {
		return nil, aerr
	}
	id := p.int("message_id")
	if id == 0 {
		return nil, badRequest("message identifier is not specified")
	}
	m := c.byID[id]
	switch {
	case m == nil || m.deleted:
		return nil, badRequest(descEditNotFound)
	case m.from != nil:
		return nil, badRequest("message can't be edited")
	}
	return m, nil
}

// inlineMarkupParam parses reply_markup of an edit, which must be an inline
// keyboard or absent.
func inlineMarkupParam(p params, chatID int64) (replyMarkup, *apiError) {
	mk, aerr := parseReplyMarkup(p.str("reply_markup"), chatID)
	if aerr != nil {
		return mk, aerr
	}
	if mk.kind != markupNone && mk.kind != markupInline {
		return mk, badRequest("inline keyboard expected")
	}
	return mk, nil
}

func sameEntities(a, b []Entity) bool {
	return len(a) == len(b) && (len(a) == 0 || reflect.DeepEqual(a, b))
}

// deleteMessage deletes a bot message, or a user's message in a private
// chat, younger than 48 hours.
func (s *Server) deleteMessage(p params) (any, *apiError) {
	c, aerr := s.targetChatLocked(p)
	if c == nil { // but a blocked user's chat can still be cleaned up
		return nil, aerr
	}
	m := c.byID[p.int("message_id")]
	switch {
	case m == nil || m.deleted:
		return nil, badRequest(descDeleteNotFound)
	case m.from != nil && !c.private, time.Since(m.date) > maxDeleteAge:
		return nil, badRequest("message can't be deleted for everyone")
	}
	m.deleted = true
	s.logLocked(c.id, "x bot deletes #%d", m.id)
	return true, nil
}
