package faketelegram

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

func TestInlineKeyboardValidation(t *testing.T) {
	s, _ := started(t)
	row := func(n int) []map[string]any {
		var r []map[string]any
		for i := range n {
			r = append(r, cb(fmt.Sprint(i), fmt.Sprint(i)))
		}
		return r
	}
	rows := func(nRows, perRow int) string {
		var all [][]map[string]any
		for range nRows {
			all = append(all, row(perRow))
		}
		raw, _ := json.Marshal(map[string]any{"inline_keyboard": all})
		return string(raw)
	}
	tests := []struct{ name, markup, err string }{
		{"64 byte callback_data", inlineKeyboard([]map[string]any{cb("A", strings.Repeat("x", 64))}), ""},
		{"65 byte callback_data", inlineKeyboard([]map[string]any{cb("A", strings.Repeat("x", 65))}), "Bad Request: BUTTON_DATA_INVALID"},
		{"32 Cyrillic letters are 64 bytes", inlineKeyboard([]map[string]any{cb("A", strings.Repeat("ж", 32))}), ""},
		{"33 Cyrillic letters are 66 bytes", inlineKeyboard([]map[string]any{cb("A", strings.Repeat("ж", 33))}), "Bad Request: BUTTON_DATA_INVALID"},
		{"go-telegram copy_text quirk", `{"inline_keyboard":[[{"text":"A","callback_data":"a","copy_text":{"text":""}}]]}`, ""},
		{"real copy_text button", `{"inline_keyboard":[[{"text":"A","copy_text":{"text":"NIK 123"}}]]}`, ""},
		{"url button", `{"inline_keyboard":[[{"text":"A","url":"https://mitra.id"}]]}`, ""},
		{"bad url", `{"inline_keyboard":[[{"text":"A","url":"ftp:// nope"}]]}`, "Bad Request: BUTTON_URL_INVALID"},
		{"text-only button", `{"inline_keyboard":[[{"text":"A"}]]}`, "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"},
		{"empty callback_data is absent", `{"inline_keyboard":[[{"text":"A","callback_data":""}]]}`, "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"},
		{"two actions", `{"inline_keyboard":[[{"text":"A","callback_data":"a","url":"https://mitra.id"}]]}`, "Bad Request: can't parse inline keyboard button: exactly one of the optional fields"},
		{"empty text", `{"inline_keyboard":[[{"text":"","callback_data":"a"}]]}`, "Bad Request: BUTTON_TEXT_INVALID"},
		{"missing text", `{"inline_keyboard":[[{"callback_data":"a"}]]}`, `Bad Request: can't parse inline keyboard button: Can't find field "text"`},
		{"not an array of arrays", `{"inline_keyboard":[{"text":"A","callback_data":"a"}]}`, `Bad Request: field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays`},
		{"8 per row", rows(1, 8), ""},
		{"9 per row", rows(1, 9), "Bad Request: reply markup is too long"},
		{"100 buttons", rows(20, 5), ""},
		{"101 buttons", rows(101, 1), "Bad Request: reply markup is too long"},
		{"not JSON", `{inline`, "Bad Request: can't parse reply keyboard markup JSON object"},
		{"remove keyboard", `{"remove_keyboard":true}`, ""},
		{"reply keyboard", `{"keyboard":[[{"text":"Kirim nomor","request_contact":true}],["Batal"]],"resize_keyboard":true}`, ""},
		{"two requests in one button", `{"keyboard":[[{"text":"x","request_contact":true,"request_location":true}]]}`, "Bad Request: can't parse keyboard button: only one of"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := callForm(t, s, "sendMessage", map[string]string{"chat_id": "1001", "text": "pilih", "reply_markup": tt.markup})
			if tt.err == "" {
				mustOK(t, env, nil)
				return
			}
			wantErrorPrefix(t, env, 400, tt.err)
		})
	}
}

// TestInlineKeyboardEcho checks that the returned Message carries the
// keyboard without go-telegram's empty copy_text, and the observed buttons.
func TestInlineKeyboardEcho(t *testing.T) {
	s, _ := started(t)
	var m sentMessage
	mustOK(t, callForm(t, s, "sendMessage", map[string]string{
		"chat_id": "1001", "text": "Peran?",
		"reply_markup": `{"inline_keyboard":[[{"text":"Tagana","callback_data":"role:tagana","copy_text":{"text":""}},{"text":"Web","url":"https://mitra.id"}]]}`,
	}), &m)
	got := m.ReplyMarkup.InlineKeyboard[0]
	if len(got) != 2 || got[0]["callback_data"] != "role:tagana" || got[0]["copy_text"] != nil || got[1]["url"] != "https://mitra.id" {
		t.Fatalf("echoed keyboard = %v", got)
	}
	want := [][]Button{{{Text: "Tagana", CallbackData: "role:tagana", Kind: "callback_data"}, {Text: "Web", URL: "https://mitra.id", Kind: "url"}}}
	if b := s.LastMessage(1001).Buttons; fmt.Sprint(b) != fmt.Sprint(want) {
		t.Errorf("Buttons = %+v, want %+v", b, want)
	}
}

func TestRequestButtonsOnlyInPrivateChats(t *testing.T) {
	s := New(t)
	u := User{ID: 7, FirstName: "Andi"}
	s.SendGroupText(u, -100, "halo")
	contact := `{"keyboard":[[{"text":"Nomor","request_contact":true}]]}`
	location := `{"keyboard":[[{"text":"Lokasi","request_location":true}]]}`
	wantError(t, callForm(t, s, "sendMessage", map[string]string{"chat_id": "-100", "text": "x", "reply_markup": contact}),
		400, "Bad Request: phone number can be requested in private chats only")
	wantError(t, callForm(t, s, "sendMessage", map[string]string{"chat_id": "-100", "text": "x", "reply_markup": location}),
		400, "Bad Request: location can be requested in private chats only")

	s.SendText(u, "/start")
	mustOK(t, callForm(t, s, "sendMessage", map[string]string{"chat_id": "7", "text": "x", "reply_markup": contact}), nil)
	m := s.LastMessage(7)
	if len(m.ReplyKeyboard) != 1 || !m.ReplyKeyboard[0][0].RequestContact || m.ReplyKeyboard[0][0].Text != "Nomor" {
		t.Errorf("ReplyKeyboard = %+v", m.ReplyKeyboard)
	}
}
