package bot

import (
	"strings"
	"time"
	"unicode"

	"github.com/go-telegram/bot/models"

	"github.com/mitra-id/mitra/flows"
)

// incoming is an update converted for the core, plus what only the
// transport needs to finish it.
type incoming struct {
	updateID int64
	input    flows.Input
	// callbackQueryID must be answered exactly once, whatever happens.
	callbackQueryID string
}

// convertUpdate maps a Telegram update onto flows.Input. ok is false for
// updates Mitra does not answer: membership changes, channel posts,
// messages from bots, commands addressed to another bot in a group, and
// button presses without a chat (inline mode). Even then callbackQueryID is
// set, so the press can still be answered. Callback queries carry no date,
// so now stands in for when the button was pressed.
func convertUpdate(upd *models.Update, botUsername string, now time.Time) (in incoming, ok bool) {
	in.updateID = upd.ID
	switch {
	case upd.Message != nil:
		in.input, ok = fromMessage(upd.Message, botUsername)
	case upd.EditedMessage != nil:
		in.input, ok = fromMessage(upd.EditedMessage, botUsername)
		in.input.Edited = true
	case upd.CallbackQuery != nil:
		in.callbackQueryID = upd.CallbackQuery.ID
		in.input, ok = fromCallback(upd.CallbackQuery, now)
	}
	return in, ok
}

// chatKey is the chat an update belongs to, for ordering; updates without
// a chat share key 0.
func chatKey(upd *models.Update) int64 {
	switch {
	case upd.Message != nil:
		return upd.Message.Chat.ID
	case upd.EditedMessage != nil:
		return upd.EditedMessage.Chat.ID
	case upd.CallbackQuery != nil:
		if chat, _, ok := callbackChat(upd.CallbackQuery); ok {
			return chat.ID
		}
		return upd.CallbackQuery.From.ID
	}
	return 0
}

func fromMessage(m *models.Message, botUsername string) (flows.Input, bool) {
	if m.From == nil || m.From.IsBot {
		return flows.Input{}, false
	}
	in := flows.Input{
		ChatID:       m.Chat.ID,
		UserID:       m.From.ID,
		MessageID:    m.ID,
		SentAt:       time.Unix(int64(m.Date), 0),
		Lang:         m.From.LanguageCode,
		DisplayName:  displayName(m.From),
		Private:      m.Chat.Type == models.ChatTypePrivate,
		MediaGroupID: m.MediaGroupID,
	}
	switch {
	case m.Text != "":
		in.Kind, in.Text = flows.KindText, m.Text
		if cmd, ok := parseCommand(m.Text); ok {
			// In a group "/start@OtherBot" is meant for another bot.
			if !in.Private && cmd.addressee != "" && !strings.EqualFold(cmd.addressee, botUsername) {
				return flows.Input{}, false
			}
			in.Kind, in.Command, in.Args = flows.KindCommand, cmd.name, cmd.args
		}
	case m.Contact != nil:
		in.Kind = flows.KindContact
		in.Phone, in.ContactUserID = m.Contact.PhoneNumber, m.Contact.UserID
	case m.Location != nil:
		in.Kind = flows.KindLocation
		in.Location = &flows.Location{Latitude: m.Location.Latitude, Longitude: m.Location.Longitude}
	case len(m.Photo) > 0:
		in.Kind, in.Text = flows.KindPhoto, m.Caption
		in.PhotoFileID = largestPhoto(m.Photo).FileID
	case m.Sticker != nil:
		in.Kind = flows.KindSticker
	case m.Voice != nil:
		in.Kind, in.Text = flows.KindVoice, m.Caption
	default:
		in.Kind, in.Text = flows.KindOther, m.Caption
	}
	return in, true
}

func fromCallback(q *models.CallbackQuery, now time.Time) (flows.Input, bool) {
	chat, messageID, ok := callbackChat(q)
	if !ok || q.Data == "" {
		return flows.Input{}, false
	}
	return flows.Input{
		ChatID:            chat.ID,
		UserID:            q.From.ID,
		Kind:              flows.KindCallback,
		Callback:          q.Data,
		CallbackMessageID: messageID,
		SentAt:            now,
		Lang:              q.From.LanguageCode,
		DisplayName:       displayName(&q.From),
		Private:           chat.Type == models.ChatTypePrivate,
	}, true
}

// callbackChat is the chat and message of the pressed button. Messages
// older than 48 h arrive as InaccessibleMessage, which still names both.
func callbackChat(q *models.CallbackQuery) (models.Chat, int, bool) {
	switch {
	case q.Message.Message != nil:
		return q.Message.Message.Chat, q.Message.Message.ID, true
	case q.Message.InaccessibleMessage != nil:
		return q.Message.InaccessibleMessage.Chat, q.Message.InaccessibleMessage.MessageID, true
	}
	return models.Chat{}, 0, false
}

// botCommand is "/name@addressee args".
type botCommand struct {
	name, addressee, args string
}

// parseCommand recognises a command the way Telegram marks bot_command
// entities: a slash at the very start followed by 1–32 of [A-Za-z0-9_].
// The name is lower-cased so "/Start" works like "/start".
func parseCommand(text string) (botCommand, bool) {
	if !strings.HasPrefix(text, "/") {
		return botCommand{}, false
	}
	head, rest := text[1:], ""
	if i := strings.IndexFunc(head, unicode.IsSpace); i >= 0 {
		head, rest = head[:i], head[i:]
	}
	var cmd botCommand
	cmd.name, cmd.addressee, _ = strings.Cut(head, "@")
	if !validCommandName(cmd.name) {
		return botCommand{}, false
	}
	cmd.name = strings.ToLower(cmd.name)
	cmd.args = strings.TrimSpace(rest)
	return cmd, true
}

func validCommandName(s string) bool {
	if len(s) == 0 || len(s) > 32 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_') {
			return false
		}
	}
	return true
}

// largestPhoto picks the biggest of the sizes Telegram offers; the list is
// usually ascending, but nothing promises it.
func largestPhoto(sizes []models.PhotoSize) models.PhotoSize {
	best := sizes[0]
	for _, s := range sizes[1:] {
		if s.Width*s.Height >= best.Width*best.Height {
			best = s
		}
	}
	return best
}

func displayName(u *models.User) string {
	if name := strings.TrimSpace(u.FirstName + " " + u.LastName); name != "" {
		return name
	}
	return u.Username
}
