package faketelegram

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Message is a snapshot of a message the bot sent.
type Message struct {
	ID               int
	ChatID           int64
	Date             time.Time
	Kind             string // "text", "photo" or "location"
	Text             string // text or caption as rendered: tags removed, entities decoded, trimmed
	HTML             string // text or caption exactly as sent
	ParseMode        string // "" or "HTML"
	Entities         []Entity
	Buttons          [][]Button         // current inline keyboard, after edits; nil if none
	ReplyKeyboard    [][]KeyboardButton // reply keyboard sent with the message
	RemoveKeyboard   bool               // sent with ReplyKeyboardRemove
	Location         *Location
	PhotoFileID      string
	MediaGroupID     string
	ReplyToMessageID int
	Edits            int
	Deleted          bool
}

// Location is a sent location.
type Location struct{ Latitude, Longitude float64 }

// ButtonTexts lists the inline button labels row by row, left to right.
func (m Message) ButtonTexts() []string {
	var out []string
	for _, row := range m.Buttons {
		for _, b := range row {
			out = append(out, b.Text)
		}
	}
	return out
}

func (m *message) snapshot() Message {
	out := Message{
		ID: m.id, ChatID: m.chat.id, Date: m.date, Kind: m.kind,
		Text: m.f.text, HTML: m.f.raw, ParseMode: m.f.parseMode, Entities: slices.Clone(m.f.entities),
		RemoveKeyboard: m.markup.kind == markupRemove, MediaGroupID: m.mediaGroupID,
		Edits: m.edits, Deleted: m.deleted,
	}
	if m.markup.inline != nil {
		out.Buttons = cloneButtons(m.markup.inline)
	}
	if m.markup.reply != nil {
		out.ReplyKeyboard = cloneKeyboard(m.markup.reply)
	}
	if m.location != nil {
		out.Location = &Location{m.location.Latitude, m.location.Longitude}
	}
	if n := len(m.photo); n > 0 {
		out.PhotoFileID = m.photo[n-1].FileID
	}
	if m.replyTo != nil {
		out.ReplyToMessageID = m.replyTo.id
	}
	return out
}

// Messages returns the bot's messages in chatID in the order sent, deleted
// ones included (Deleted set).
func (s *Server) Messages(chatID int64) []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.messagesLocked(chatID)
}

func (s *Server) messagesLocked(chatID int64) []Message {
	var out []Message
	if c := s.chats[chatID]; c != nil {
		for _, m := range c.msgs {
			if m.from == nil {
				out = append(out, m.snapshot())
			}
		}
	}
	return out
}

// LastMessage returns the bot's latest message in chatID (even if deleted
// since: check Deleted); it fails the test if the bot has sent none.
func (s *Server) LastMessage(chatID int64) Message {
	s.tb.Helper()
	msgs := s.Messages(chatID)
	if len(msgs) == 0 {
		s.tb.Fatalf("faketelegram: the bot sent nothing to chat %d\n%s", chatID, s.Transcript(chatID))
	}
	return msgs[len(msgs)-1]
}

// WaitMessages blocks until the bot has sent at least n messages to chatID
// and returns them all; it fails the test after WaitTimeout. Useful when
// the bot confirms updates before handling them (go-telegram/bot polling).
func (s *Server) WaitMessages(chatID int64, n int) []Message {
	s.tb.Helper()
	var msgs []Message
	if !s.waitFor(context.Background(), WaitTimeout, func() bool {
		msgs = s.messagesLocked(chatID)
		return len(msgs) >= n
	}) {
		s.tb.Fatalf("faketelegram: chat %d has %d bot messages after %v, want %d\n%s", chatID, len(msgs), WaitTimeout, n, s.Transcript(chatID))
	}
	return msgs
}

// Call is one request the bot made.
type Call struct {
	Method      string            // as called, e.g. "sendMessage"
	Params      map[string]string // scalars as text, objects as JSON, uploads as "<file:name>"
	Code        int               // 200 or the error code returned
	Description string            // error description, "" on success
	At          time.Time
}

// APIError is an error (4xx) the server returned to the bot.
type APIError struct {
	Method      string
	ChatID      int64 // the request's chat_id, 0 if none
	Code        int
	Description string
}

func (e APIError) String() string {
	return e.Method + " → " + strconv.Itoa(e.Code) + " " + e.Description
}

func (s *Server) record(method string, p params, aerr *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	defer s.notifyLocked()
	call := Call{Method: method, Params: p.clone(), Code: 200, At: time.Now()}
	if aerr == nil {
		s.calls = append(s.calls, call)
		return
	}
	call.Code, call.Description = aerr.code, aerr.description
	s.calls = append(s.calls, call)
	chatID, _, _ := p.int64("chat_id")
	if !aerr.scripted && aerr.code >= 400 && aerr.code < 500 {
		s.apiErrors = append(s.apiErrors, APIError{Method: method, ChatID: chatID, Code: aerr.code, Description: aerr.description})
	}
	if s.chats[chatID] != nil {
		scripted := ""
		if aerr.scripted {
			scripted = " (scripted)"
		}
		s.logLocked(chatID, "! bot error%s: %s → %d %s", scripted, method, aerr.code, aerr.description)
	}
}

// Errors returns every 4xx the server returned to the bot, in order, except
// those scripted with FailNext. A correct bot gets none.
func (s *Server) Errors() []APIError {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.apiErrors)
}

// AssertNoErrors fails t (Errorf) for every entry of Errors.
func (s *Server) AssertNoErrors(t testing.TB) {
	t.Helper()
	for _, e := range s.Errors() {
		t.Errorf("faketelegram: bot got %s", e)
	}
}

// Calls returns the bot's requests of method (case-insensitive; "" for
// all), in order.
func (s *Server) Calls(method string) []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Call
	for _, c := range s.calls {
		if method == "" || strings.EqualFold(c.Method, method) {
			out = append(out, c)
		}
	}
	return out
}

// WaitUntil blocks until cond returns true, re-checking it whenever the
// server's state changes (and at least every 50 ms); it fails the test with
// what after WaitTimeout. cond runs without the server's lock, so it may
// call Messages, Transcript and the like.
func (s *Server) WaitUntil(what string, cond func() bool) {
	s.tb.Helper()
	deadline := time.Now().Add(WaitTimeout)
	for {
		s.mu.Lock()
		ch := s.changed
		s.mu.Unlock()
		if cond() {
			return
		}
		if time.Now().After(deadline) {
			s.tb.Fatalf("faketelegram: timed out after %v waiting for %s", WaitTimeout, what)
		}
		select {
		case <-ch:
		case <-time.After(50 * time.Millisecond):
		}
	}
}
