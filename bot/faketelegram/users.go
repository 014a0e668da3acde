package faketelegram

import (
	"fmt"
	"time"
)

// User is a Telegram user played by a test. Its private chat with the bot
// has the same id. A user becomes a known chat when it first sends
// something; before that the bot gets "chat not found".
type User struct {
	ID           int64
	FirstName    string
	LastName     string
	Username     string
	LanguageCode string // e.g. "id", "en"; empty is omitted like Telegram
}

// NewUser returns a fresh user with a unique id and language "id". It does
// not contact the bot.
func (s *Server) NewUser(firstName string) User {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.seq++
	return User{ID: 5000000000 + s.seq, FirstName: firstName, LanguageCode: "id"}
}

// SendText sends a private text message to the bot and returns its
// update_id. A leading "/command" (optionally "@bot") gets a bot_command
// entity like Telegram gives it.
func (s *Server) SendText(u User, text string) int64 {
	s.tb.Helper()
	return s.SendTextAt(u, text, time.Now())
}

// SendTextAt is SendText with the message date set to date, as for messages
// written offline and delivered later in a burst.
func (s *Server) SendTextAt(u User, text string, date time.Time) int64 {
	s.tb.Helper()
	if text == "" {
		s.tb.Fatalf("faketelegram: Telegram users can't send an empty text")
	}
	return s.userMessage(u, "text", date, func(m *message) string {
		m.f = formatted{raw: text, text: text, entities: commandEntities(text)}
		return "> user: " + text
	})
}

// ShareContact sends the user's own contact, as the request_contact keyboard
// button does (contact.user_id == u.ID). phone is passed through unchanged:
// Telegram sends it with or without a leading '+'.
func (s *Server) ShareContact(u User, phone string) int64 {
	s.tb.Helper()
	return s.userMessage(u, "contact", time.Now(), func(m *message) string {
		m.contact = &wireContact{PhoneNumber: phone, FirstName: m.from.FirstName, LastName: m.from.LastName, UserID: m.from.ID}
		return "> user shares contact " + phone
	})
}

// SendLocation sends a location message.
func (s *Server) SendLocation(u User, lat, lon float64) int64 {
	s.tb.Helper()
	return s.userMessage(u, "location", time.Now(), func(m *message) string {
		m.location = &wireLocation{Latitude: lat, Longitude: lon}
		return fmt.Sprintf("> user sends location %.6f, %.6f", lat, lon)
	})
}

// SendPhoto sends a photo (three sizes with fresh file ids the bot may
// resend) with an optional plain caption.
func (s *Server) SendPhoto(u User, caption string) int64 {
	s.tb.Helper()
	return s.userMessage(u, "photo", time.Now(), func(m *message) string {
		m.photo = s.newPhotoSizesLocked("")
		m.f = formatted{raw: caption, text: caption}
		return "> user sends photo" + suffix(caption)
	})
}

// SendAlbum sends n (2–10) photos sharing one media_group_id, as n
// separate updates like Telegram, and returns their update ids.
func (s *Server) SendAlbum(u User, n int) []int64 {
	s.tb.Helper()
	if n < 2 || n > 10 {
		s.tb.Fatalf("faketelegram: an album has 2–10 items, got %d", n)
	}
	s.mu.Lock()
	s.seq++
	group := fmt.Sprintf("%d", 13000000000000000+s.seq)
	s.mu.Unlock()
	var ids []int64
	for i := range n {
		ids = append(ids, s.userMessage(u, "photo", time.Now(), func(m *message) string {
			m.photo = s.newPhotoSizesLocked("")
			m.mediaGroupID = group
			return fmt.Sprintf("> user sends album photo %d/%d", i+1, n)
		}))
	}
	return ids
}

// SendSticker sends a sticker.
func (s *Server) SendSticker(u User) int64 {
	s.tb.Helper()
	return s.userMessage(u, "sticker", time.Now(), func(m *message) string {
		id, uniq := s.newFileIDLocked("CAACAgIAAxkBAAI")
		f, no := false, false
		m.sticker = &wireFile{FileID: id, FileUniqueID: uniq, Type: "regular", Width: 512, Height: 512, IsAnimated: &f, IsVideo: &no, Emoji: "👍", FileSize: 23000}
		return "> user sends sticker"
	})
}

// SendVoice sends a voice note.
func (s *Server) SendVoice(u User) int64 {
	s.tb.Helper()
	return s.userMessage(u, "voice", time.Now(), func(m *message) string {
		id, uniq := s.newFileIDLocked("AwACAgUAAxkBAAI")
		m.voice = &wireFile{FileID: id, FileUniqueID: uniq, Duration: 3, MimeType: "audio/ogg", FileSize: 9000}
		return "> user sends voice"
	})
}

// EditText edits one of the user's own text messages (edited_message update).
func (s *Server) EditText(u User, messageID int, text string) int64 {
	s.tb.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.chats[u.ID]
	var m *message
	if c != nil {
		m = c.byID[messageID]
	}
	if m == nil || m.from == nil || m.from.ID != u.ID || m.kind != "text" || m.deleted {
		s.tb.Fatalf("faketelegram: user %d has no text message #%d to edit", u.ID, messageID)
	}
	m.f = formatted{raw: text, text: text, entities: commandEntities(text)}
	m.editDate = time.Now()
	m.edits++
	s.logLocked(c.id, "> user edits #%d: %s", messageID, text)
	return s.enqueueLocked(&wireUpdate{EditedMessage: m.wire()}, c.id)
}

// SendGroupText sends text in a group chat (groupID < 0, type "group"). The
// user becomes known, but its private chat is not started: the bot gets 403
// "bot can't initiate conversation with a user" there.
func (s *Server) SendGroupText(u User, groupID int64, text string) int64 {
	s.tb.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	if groupID >= 0 {
		s.tb.Fatalf("faketelegram: group ids are negative, got %d", groupID)
	}
	us := s.userLocked(u)
	c := s.groupChatLocked(groupID)
	m := s.addMessageLocked(c, us, "text", time.Now())
	m.f = formatted{raw: text, text: text, entities: commandEntities(text)}
	s.logLocked(c.id, "> %s: %s", us.FirstName, text)
	return s.enqueueLocked(&wireUpdate{Message: m.wire()}, c.id)
}

// Block makes u block the bot: sends to u get 403 "Forbidden: bot was
// blocked by the user", and the bot gets a my_chat_member update
// (member → kicked) like from Telegram.
func (s *Server) Block(u User) { s.setBlocked(u, true) }

// Unblock undoes Block (the user restarted the bot); the bot gets a
// my_chat_member update (kicked → member).
func (s *Server) Unblock(u User) { s.setBlocked(u, false) }

func (s *Server) setBlocked(u User, blocked bool) {
	s.tb.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	us := s.userLocked(u)
	c := s.privateChatLocked(us)
	us.blocked = blocked
	from, to, verb := "member", "kicked", "blocks"
	if !blocked {
		from, to, verb = "kicked", "member", "unblocks"
	}
	s.logLocked(c.id, "> user %s the bot", verb)
	s.enqueueLocked(&wireUpdate{MyChatMember: &wireChatMemberUpdated{
		Chat: c.wire(), From: us.wire(), Date: time.Now().Unix(),
		OldChatMember: wireChatMember{User: botWireUser(), Status: from},
		NewChatMember: wireChatMember{User: botWireUser(), Status: to},
	}}, c.id)
}

// userMessage adds a message from u to its private chat, lets fill set
// the content and return the transcript line, and queues the update.
func (s *Server) userMessage(u User, kind string, date time.Time, fill func(*message) string) int64 {
	s.tb.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	us := s.userLocked(u)
	if us.blocked {
		s.tb.Fatalf("faketelegram: user %d has blocked the bot; call Unblock first", u.ID)
	}
	c := s.privateChatLocked(us)
	m := s.addMessageLocked(c, us, kind, date)
	s.logLocked(c.id, "%s", fill(m))
	return s.enqueueLocked(&wireUpdate{Message: m.wire()}, c.id)
}

func suffix(caption string) string {
	if caption == "" {
		return ""
	}
	return ": " + caption
}
