package faketelegram

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// userState is a user the tests have played.
type userState struct {
	User
	blocked bool
}

func (u *userState) wire() wireUser {
	return wireUser{ID: u.ID, FirstName: u.FirstName, LastName: u.LastName, Username: u.Username, LanguageCode: u.LanguageCode}
}

// chatState is a chat the bot knows: a private chat with a user who wrote
// to the bot, or a group a user wrote in.
type chatState struct {
	id        int64
	private   bool
	title     string     // groups
	user      *userState // private chats
	msgs      []*message // in id order, user and bot messages alike
	byID      map[int]*message
	nextMsgID int
}

// message is a message in a chat, sent by the bot (from == nil) or a user.
type message struct {
	id           int
	chat         *chatState
	from         *userState
	date         time.Time
	editDate     time.Time
	kind         string    // text, photo, location, contact, sticker, voice
	f            formatted // text or caption
	markup       replyMarkup
	photo        []wirePhotoSize
	sticker      *wireFile
	voice        *wireFile
	contact      *wireContact
	location     *wireLocation
	mediaGroupID string
	replyTo      *message
	edits        int
	deleted      bool
}

// userLocked registers u (or refreshes its profile) and returns its state.
func (s *Server) userLocked(u User) *userState {
	s.tb.Helper()
	if u.ID <= 0 {
		s.tb.Fatalf("faketelegram: user %+v needs a positive ID (its private chat id)", u)
	}
	if u.FirstName == "" {
		u.FirstName = "User"
	}
	st := s.users[u.ID]
	if st == nil {
		st = &userState{}
		s.users[u.ID] = st
	}
	st.User = u
	return st
}

// privateChatLocked returns u's private chat with the bot, starting it.
func (s *Server) privateChatLocked(u *userState) *chatState {
	c := s.chats[u.ID]
	if c == nil {
		c = &chatState{id: u.ID, private: true, user: u, byID: map[int]*message{}}
		s.chats[u.ID] = c
	}
	return c
}

func (s *Server) groupChatLocked(id int64) *chatState {
	c := s.chats[id]
	if c == nil {
		c = &chatState{id: id, title: fmt.Sprintf("Group %d", -id), byID: map[int]*message{}}
		s.chats[id] = c
	}
	return c
}

// addMessageLocked appends a new message with the chat's next id.
func (s *Server) addMessageLocked(c *chatState, from *userState, kind string, date time.Time) *message {
	c.nextMsgID++
	m := &message{id: c.nextMsgID, chat: c, from: from, kind: kind, date: date}
	c.msgs = append(c.msgs, m)
	c.byID[m.id] = m
	return m
}

// targetChatLocked resolves the chat_id of a bot request like Telegram:
// unknown chats are "chat not found", users who never wrote to the bot
// can't be contacted, blocked users are 403 (returned with the chat, for
// deleteMessage).
func (s *Server) targetChatLocked(p params) (*chatState, *apiError) {
	raw := strings.TrimSpace(p.str("chat_id"))
	if raw == "" || raw == "null" {
		return nil, badRequest("chat_id is empty")
	}
	id, err := strconv.ParseInt(raw, 10, 64)
	if err != nil {
		return nil, badRequest(descChatNotFound)
	}
	c := s.chats[id]
	if c == nil {
		if s.users[id] != nil {
			return nil, forbidden(descCantInitiate)
		}
		return nil, badRequest(descChatNotFound)
	}
	if c.user != nil && c.user.blocked {
		return c, forbidden(descBlocked)
	}
	return c, nil
}

func (c *chatState) wire() wireChat {
	if c.private {
		return wireChat{ID: c.id, Type: "private", FirstName: c.user.FirstName, LastName: c.user.LastName, Username: c.user.Username}
	}
	return wireChat{ID: c.id, Type: "group", Title: c.title}
}

func botWireUser() wireUser {
	return wireUser{ID: BotID, IsBot: true, FirstName: BotFirstName, Username: BotUsername}
}

// wire renders m as a Telegram Message object.
func (m *message) wire() *wireMessage {
	w := &wireMessage{
		MessageID:    m.id,
		Chat:         m.chat.wire(),
		Date:         m.date.Unix(),
		MediaGroupID: m.mediaGroupID,
		Photo:        m.photo,
		Sticker:      m.sticker,
		Voice:        m.voice,
		Contact:      m.contact,
		Location:     m.location,
		ReplyMarkup:  m.markup.inlineJSON,
	}
	from := botWireUser()
	if m.from != nil {
		from = m.from.wire()
	}
	w.From = &from
	if !m.editDate.IsZero() {
		w.EditDate = m.editDate.Unix()
	}
	if m.kind == "text" {
		w.Text, w.Entities = m.f.text, wireEntities(m.f.entities)
	} else {
		w.Caption, w.CaptionEntities = m.f.text, wireEntities(m.f.entities)
	}
	if m.replyTo != nil {
		r := *m.replyTo
		r.replyTo = nil
		w.ReplyToMessage = r.wire()
	}
	return w
}
