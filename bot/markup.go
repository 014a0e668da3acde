package bot

import (
	"fmt"

	"github.com/go-telegram/bot/models"

	"github.com/mitra-id/mitra/flows"
)

// inlineKeyboard replaces models.InlineKeyboardMarkup. Its button type has
// a non-pointer CopyText field that encoding/json never omits, so every
// button would carry "copy_text":{"text":""}, which Telegram has rejected
// with BUTTON_COPY_TEXT_INVALID (go-telegram/bot PR #167). reply_markup is
// sent as plain JSON, so any type with the right shape will do.
type inlineKeyboard struct {
	InlineKeyboard [][]inlineButton `json:"inline_keyboard"`
}

type inlineButton struct {
	Text         string `json:"text"`
	CallbackData string `json:"callback_data"`
}

// maxCallbackData is Telegram's limit on callback_data, in bytes.
const maxCallbackData = 64

// noInlineKeyboard removes a message's inline buttons. The slice must be
// empty, not nil: Telegram rejects "inline_keyboard":null.
var noInlineKeyboard = inlineKeyboard{InlineKeyboard: [][]inlineButton{}}

// replyMarkup is the keyboard of a reply, or nil for none. One message
// holds one keyboard: inline buttons win over a contact/location button,
// which wins over removing a keyboard (the core never combines them).
func replyMarkup(r flows.Reply) (models.ReplyMarkup, error) {
	switch {
	case len(r.Buttons) > 0:
		return newInlineKeyboard(r.Buttons)
	case r.RequestContact != "":
		return requestKeyboard(models.KeyboardButton{Text: r.RequestContact, RequestContact: true}, r.KeyboardButtons), nil
	case r.RequestLocation != "":
		return requestKeyboard(models.KeyboardButton{Text: r.RequestLocation, RequestLocation: true}, r.KeyboardButtons), nil
	case r.RemoveKeyboard:
		return &models.ReplyKeyboardRemove{RemoveKeyboard: true}, nil
	}
	return nil, nil
}

// newInlineKeyboard checks callback data up front: Telegram rejects the
// whole message for one bad button, with a less helpful error.
func newInlineKeyboard(rows [][]flows.Button) (*inlineKeyboard, error) {
	kb := &inlineKeyboard{InlineKeyboard: make([][]inlineButton, 0, len(rows))}
	for _, row := range rows {
		out := make([]inlineButton, 0, len(row))
		for _, b := range row {
			if n := len(b.Data); n == 0 || n > maxCallbackData {
				return nil, fmt.Errorf("button %q: callback data is %d bytes, Telegram allows 1–%d", b.Text, n, maxCallbackData)
			}
			out = append(out, inlineButton{Text: b.Text, CallbackData: b.Data})
		}
		if len(out) > 0 {
			kb.InlineKeyboard = append(kb.InlineKeyboard, out)
		}
	}
	return kb, nil
}

// requestKeyboard is a reply keyboard with the request button on top and
// plain buttons (navigation such as "Lewati") in a row below. It is sized
// to its content, which matters on small screens, and disappears after use.
func requestKeyboard(b models.KeyboardButton, extras []string) *models.ReplyKeyboardMarkup {
	rows := [][]models.KeyboardButton{{b}}
	if len(extras) > 0 {
		row := make([]models.KeyboardButton, len(extras))
		for i, text := range extras {
			row[i] = models.KeyboardButton{Text: text}
		}
		rows = append(rows, row)
	}
	return &models.ReplyKeyboardMarkup{
		Keyboard:        rows,
		ResizeKeyboard:  true,
		OneTimeKeyboard: true,
	}
}
