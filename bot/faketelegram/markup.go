package faketelegram

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
)

// Button is an inline keyboard button of a bot message.
type Button struct {
	Text         string
	CallbackData string // set for callback_data buttons
	URL          string // set for url buttons
	Kind         string // the button's action field: "callback_data", "url", "web_app", "copy_text", ...
}

// KeyboardButton is a reply keyboard button of a bot message.
type KeyboardButton struct {
	Text            string
	RequestContact  bool
	RequestLocation bool
}

// Limits Telegram applies to inline keyboards (undocumented, measured).
const (
	MaxInlineButtons      = 100
	MaxInlineButtonsInRow = 8
	MaxCallbackDataBytes  = 64
)

type markupKind int

const (
	markupNone markupKind = iota
	markupInline
	markupReply
	markupRemove
	markupForceReply
)

// replyMarkup is a validated reply_markup parameter.
type replyMarkup struct {
	kind       markupKind
	inline     [][]Button
	inlineJSON json.RawMessage // normalised {"inline_keyboard":...} echoed in Message objects
	reply      [][]KeyboardButton
}

// inlineActions are InlineKeyboardButton's mutually exclusive action fields.
var inlineActions = []string{
	"callback_data", "url", "web_app", "login_url", "switch_inline_query", "switch_inline_query_current_chat",
	"switch_inline_query_chosen_chat", "copy_text", "callback_game", "pay",
}

var errMarkupJSON = badRequest("can't parse reply keyboard markup JSON object")

// parseReplyMarkup validates reply_markup for a message in chatID
// (private chats have positive ids). An empty raw means no markup.
func parseReplyMarkup(raw string, chatID int64) (replyMarkup, *apiError) {
	if strings.TrimSpace(raw) == "" {
		return replyMarkup{}, nil
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal([]byte(raw), &obj); err != nil {
		return replyMarkup{}, errMarkupJSON
	}
	switch {
	case obj["inline_keyboard"] != nil:
		return parseInlineKeyboard(obj["inline_keyboard"])
	case obj["keyboard"] != nil:
		return parseReplyKeyboard(obj["keyboard"], chatID)
	case obj["remove_keyboard"] != nil:
		if string(obj["remove_keyboard"]) != "true" {
			return replyMarkup{}, errMarkupJSON
		}
		return replyMarkup{kind: markupRemove}, nil
	case obj["force_reply"] != nil:
		return replyMarkup{kind: markupForceReply}, nil
	}
	return replyMarkup{}, errMarkupJSON
}

func parseInlineKeyboard(raw json.RawMessage) (replyMarkup, *apiError) {
	var rows [][]json.RawMessage
	if err := json.Unmarshal(raw, &rows); err != nil {
		return replyMarkup{}, badRequest(`field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays`)
	}
	m := replyMarkup{kind: markupInline}
	var normalised [][]map[string]json.RawMessage
	total := 0
	for _, row := range rows {
		if len(row) > MaxInlineButtonsInRow {
			return replyMarkup{}, badRequest("reply markup is too long")
		}
		var buttons []Button
		var fields []map[string]json.RawMessage
		for _, b := range row {
			button, f, aerr := parseInlineButton(b)
			if aerr != nil {
				return replyMarkup{}, aerr
			}
			buttons, fields = append(buttons, button), append(fields, f)
		}
		total += len(row)
		m.inline = append(m.inline, buttons)
		normalised = append(normalised, fields)
	}
	if total > MaxInlineButtons {
		return replyMarkup{}, badRequest("reply markup is too long")
	}
	if normalised == nil {
		normalised = [][]map[string]json.RawMessage{}
	}
	m.inlineJSON, _ = json.Marshal(map[string]any{"inline_keyboard": normalised})
	return m, nil
}

// parseInlineButton validates one InlineKeyboardButton and returns it with
// its normalised JSON fields (empty or null fields dropped).
func parseInlineButton(raw json.RawMessage) (Button, map[string]json.RawMessage, *apiError) {
	const prefix = "can't parse inline keyboard button: "
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil || fields == nil {
		return Button{}, nil, badRequest(prefix + "InlineKeyboardButton must be an Object")
	}
	for k, v := range fields {
		// go-telegram/bot always sends "copy_text":{"text":""}; Telegram
		// treats empty values as absent.
		if k != "text" && isEmptyJSON(v) || (k == "copy_text" && bytes.Equal(compactJSON(v), []byte(`{"text":""}`))) {
			delete(fields, k)
		}
	}
	b := Button{}
	if _, ok := fields["text"]; !ok {
		return b, nil, badRequest(prefix + `Can't find field "text"`)
	}
	if json.Unmarshal(fields["text"], &b.Text) != nil {
		return b, nil, badRequest(prefix + `Field "text" must be of type String`)
	}
	if b.Text == "" {
		return b, nil, badRequest("BUTTON_TEXT_INVALID")
	}
	var used []string
	for _, a := range inlineActions {
		if _, ok := fields[a]; ok {
			used = append(used, a)
		}
	}
	switch len(used) {
	case 0:
		return b, nil, badRequest(prefix + "Text buttons are unallowed in the inline keyboard")
	case 1:
	default:
		return b, nil, badRequest(prefix+"exactly one of the optional fields must be used, found %s "+
			"(faketelegram is stricter than Telegram here)", strings.Join(used, ", "))
	}
	b.Kind = used[0]
	switch b.Kind {
	case "callback_data":
		if json.Unmarshal(fields["callback_data"], &b.CallbackData) != nil {
			return b, nil, badRequest(prefix + `Field "callback_data" must be of type String`)
		}
		if len(b.CallbackData) > MaxCallbackDataBytes {
			return b, nil, badRequest("BUTTON_DATA_INVALID")
		}
	case "url":
		if json.Unmarshal(fields["url"], &b.URL) != nil {
			return b, nil, badRequest(prefix + `Field "url" must be of type String`)
		}
		if checkedLink(b.URL) == "" {
			return b, nil, badRequest("BUTTON_URL_INVALID")
		}
	}
	return b, fields, nil
}

func parseReplyKeyboard(raw json.RawMessage, chatID int64) (replyMarkup, *apiError) {
	var rows [][]json.RawMessage
	if err := json.Unmarshal(raw, &rows); err != nil {
		return replyMarkup{}, badRequest(`field "keyboard" of the ReplyKeyboardMarkup must be an Array of Arrays`)
	}
	m := replyMarkup{kind: markupReply}
	for _, row := range rows {
		var buttons []KeyboardButton
		for _, rawButton := range row {
			b, aerr := parseKeyboardButton(rawButton, chatID)
			if aerr != nil {
				return replyMarkup{}, aerr
			}
			buttons = append(buttons, b)
		}
		m.reply = append(m.reply, buttons)
	}
	return m, nil
}

func parseKeyboardButton(raw json.RawMessage, chatID int64) (KeyboardButton, *apiError) {
	const prefix = "can't parse keyboard button: "
	var b KeyboardButton
	if json.Unmarshal(raw, &b.Text) == nil { // a bare string is a text button
		if b.Text == "" {
			return b, badRequest("BUTTON_TEXT_INVALID")
		}
		return b, nil
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil || fields == nil {
		return b, badRequest(prefix + "KeyboardButton must be a String or an Object")
	}
	if json.Unmarshal(fields["text"], &b.Text) != nil {
		return b, badRequest(prefix + `Field "text" must be of type String`)
	}
	if b.Text == "" {
		return b, badRequest("BUTTON_TEXT_INVALID")
	}
	b.RequestContact = string(fields["request_contact"]) == "true"
	b.RequestLocation = string(fields["request_location"]) == "true"
	requests := 0
	for _, k := range []string{"request_contact", "request_location", "request_poll", "request_users", "request_user", "request_chat", "web_app"} {
		if v, ok := fields[k]; ok && !isEmptyJSON(v) && string(v) != "false" {
			requests++
		}
	}
	switch {
	case requests > 1:
		return b, badRequest(prefix + "only one of request_contact, request_location, request_poll, request_users, request_chat and web_app can be used")
	case b.RequestContact && chatID < 0:
		return b, badRequest("phone number can be requested in private chats only")
	case b.RequestLocation && chatID < 0:
		return b, badRequest("location can be requested in private chats only")
	}
	return b, nil
}

func isEmptyJSON(v json.RawMessage) bool {
	switch string(bytes.TrimSpace(v)) {
	case "", "null", `""`, "false":
		return true
	}
	return false
}

func compactJSON(v json.RawMessage) []byte {
	var buf bytes.Buffer
	if json.Compact(&buf, v) != nil {
		return v
	}
	return buf.Bytes()
}

func cloneButtons(rows [][]Button) [][]Button {
	out := make([][]Button, 0, len(rows))
	for _, r := range rows {
		out = append(out, slices.Clone(r))
	}
	return out
}

func cloneKeyboard(rows [][]KeyboardButton) [][]KeyboardButton {
	out := make([][]KeyboardButton, 0, len(rows))
	for _, r := range rows {
		out = append(out, slices.Clone(r))
	}
	return out
}
