package faketelegram

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
)

// callbackState is a callback query a test created by pressing a button.
type callbackState struct {
	id        string
	userID    int64
	chatID    int64
	messageID int
	data      string
	label     string // what the user pressed, for reports
	updateID  int64
	answered  bool
}

// Press presses the inline button labelled buttonText on bot message
// messageID in u's private chat, as it is now (after edits), and returns
// the callback_query update's id. It fails the test if the message does
// not exist, was deleted, or has no such callback button. The bot must
// answer the query (answerCallbackQuery), or the test fails at cleanup.
func (s *Server) Press(u User, messageID int, buttonText string) int64 {
	s.tb.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	c, m := s.pressableLocked(u, messageID)
	var texts []string
	for _, row := range m.markup.inline {
		for _, b := range row {
			if b.Text != buttonText {
				texts = append(texts, "["+b.Text+"]")
				continue
			}
			if b.Kind != "callback_data" {
				s.tb.Fatalf("faketelegram: button [%s] on message #%d is a %s button, not a callback button", b.Text, messageID, b.Kind)
			}
			return s.pressLocked(c, m, b.CallbackData, "["+b.Text+"]")
		}
	}
	s.tb.Fatalf("faketelegram: message #%d in chat %d has no button [%s]; its buttons: %s", messageID, c.id, buttonText, strings.Join(texts, " "))
	return 0
}

// PressData sends a callback query with arbitrary data for bot message
// messageID, as a client still showing an older keyboard would. Use it for
// stale-button tests.
func (s *Server) PressData(u User, messageID int, data string) int64 {
	s.tb.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	c, m := s.pressableLocked(u, messageID)
	return s.pressLocked(c, m, data, strconv.Quote(data))
}

func (s *Server) pressableLocked(u User, messageID int) (*chatState, *message) {
	s.tb.Helper()
	us := s.userLocked(u)
	c := s.chats[us.ID]
	var m *message
	if c != nil {
		m = c.byID[messageID]
	}
	switch {
	case m == nil || m.from != nil:
		s.tb.Fatalf("faketelegram: no bot message #%d in user %d's chat", messageID, u.ID)
	case m.deleted:
		s.tb.Fatalf("faketelegram: bot message #%d in chat %d was deleted; it can't be pressed", messageID, c.id)
	case us.blocked:
		s.tb.Fatalf("faketelegram: user %d has blocked the bot; call Unblock first", u.ID)
	}
	return c, m
}

func (s *Server) pressLocked(c *chatState, m *message, data, label string) int64 {
	s.seq++
	cb := &callbackState{
		id:        strconv.FormatInt(c.id%1000000*1000000+s.seq, 10) + "42",
		userID:    c.user.ID,
		chatID:    c.id,
		messageID: m.id,
		data:      data,
		label:     label,
	}
	s.callbacks = append(s.callbacks, cb)
	s.callbackByID[cb.id] = cb
	s.logLocked(c.id, "> user presses %s", label)
	cb.updateID = s.enqueueLocked(&wireUpdate{CallbackQuery: &wireCallbackQuery{
		ID:           cb.id,
		From:         c.user.wire(),
		Message:      m.wire(),
		ChatInstance: strconv.FormatInt(c.id*-7919, 10),
		Data:         data,
	}}, c.id)
	return cb.updateID
}

func (s *Server) answerCallbackQuery(p params) (any, *apiError) {
	id := p.str("callback_query_id")
	cb := s.callbackByID[id]
	if cb == nil || cb.answered {
		return nil, badRequest(descQueryTooOld)
	}
	text := p.str("text")
	if UTF16Len(text) > MaxCallbackAnswer {
		return nil, badRequest("MESSAGE_TOO_LONG")
	}
	cb.answered = true
	line := "* bot answers " + cb.label
	if text != "" {
		line += ": " + strconv.Quote(text)
	}
	if p.bool("show_alert") {
		line += " (alert)"
	}
	s.logLocked(cb.chatID, "%s", line)
	return true, nil
}

// AssertAllAnswered reports with t.Errorf every callback query the bot has
// not answered yet. The cleanup registered by New runs it too.
func (s *Server) AssertAllAnswered(t testing.TB) {
	t.Helper()
	s.reportUnanswered(t)
}

func (s *Server) reportUnanswered(t testing.TB) {
	t.Helper()
	s.mu.Lock()
	var msgs []string
	for _, cb := range s.callbacks {
		if !cb.answered {
			msgs = append(msgs, fmt.Sprintf("faketelegram: callback query %s (user %d pressed %s on message #%d, update %d) was never answered with answerCallbackQuery",
				cb.id, cb.userID, cb.label, cb.messageID, cb.updateID))
		}
	}
	s.mu.Unlock()
	for _, m := range msgs {
		t.Errorf("%s", m)
	}
}
