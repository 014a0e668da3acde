package faketelegram

import (
	"fmt"
	"strings"
)

// logLine is one transcript line of a chat.
type logLine struct {
	chatID int64
	text   string
}

// Transcript returns chatID's dialogue in order, one event per line:
//
//	> user: /start                    a user message ("> Name: ..." in groups)
//	< bot: Pilih peran                a bot message; continuation lines indented
//	  [Tagana] [TKSK]                 one row of its inline keyboard
//	  keyboard: [Kirim nomor]         one row of its reply keyboard
//	> user presses [Tagana]           a callback query (PressData shows "data")
//	* bot answers [Tagana]: "Oke"     answerCallbackQuery
//	~ bot edits #12: Terima kasih     editMessageText (buttons follow)
//	~ bot edits #12 buttons           editMessageReplyMarkup
//	x bot deletes #12                 deleteMessage
//	! bot error: sendMessage → 400 …  an error returned to the bot
//
// It is meant for reading failures and for golden-style assertions.
func (s *Server) Transcript(chatID int64) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var b strings.Builder
	for _, l := range s.log {
		if l.chatID == chatID {
			b.WriteString(l.text)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// logLocked appends a line; line breaks inside it become indented
// continuation lines.
func (s *Server) logLocked(chatID int64, format string, args ...any) {
	s.log = append(s.log, logLine{chatID: chatID, text: indent(fmt.Sprintf(format, args...))})
}

func indent(text string) string { return strings.ReplaceAll(text, "\n", "\n  ") }

// logBotMessageLocked logs a message the bot sent, with its keyboards.
func (s *Server) logBotMessageLocked(m *message) {
	var head string
	switch m.kind {
	case "location":
		head = fmt.Sprintf("< bot location: %.6f, %.6f", m.location.Latitude, m.location.Longitude)
	case "photo":
		head = "< bot photo" + suffix(m.f.text)
		if m.mediaGroupID != "" {
			head = "< bot album photo" + suffix(m.f.text)
		}
	default:
		head = "< bot: " + m.f.text
	}
	s.log = append(s.log, logLine{chatID: m.chat.id, text: indent(head) + keyboardLines(m.markup, false)})
}

// logEditLocked logs an edit; withText for editMessageText.
func (s *Server) logEditLocked(m *message, withText bool) {
	head := fmt.Sprintf("~ bot edits #%d buttons", m.id)
	if withText {
		head = fmt.Sprintf("~ bot edits #%d: %s", m.id, m.f.text)
	}
	s.log = append(s.log, logLine{chatID: m.chat.id, text: indent(head) + keyboardLines(m.markup, !withText)})
}

// keyboardLines renders a message's keyboards as indented lines;
// showEmpty marks a removed inline keyboard.
func keyboardLines(mk replyMarkup, showEmpty bool) string {
	var b strings.Builder
	for _, row := range mk.inline {
		b.WriteString("\n ")
		for _, btn := range row {
			b.WriteString(" [" + btn.Text + "]")
		}
	}
	for _, row := range mk.reply {
		b.WriteString("\n  keyboard:")
		for _, btn := range row {
			b.WriteString(" [" + btn.Text + "]")
		}
	}
	switch {
	case mk.kind == markupRemove:
		b.WriteString("\n  (keyboard removed)")
	case showEmpty && len(mk.inline) == 0:
		b.WriteString("\n  (no buttons)")
	}
	return b.String()
}
