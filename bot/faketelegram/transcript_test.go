package faketelegram

import (
	"testing"
)

func TestTranscript(t *testing.T) {
	s := New(t)
	u := User{ID: 1001, FirstName: "Siti"}
	send := func(method string, f map[string]string) {
		t.Helper()
		f["chat_id"] = "1001"
		callForm(t, s, method, f)
	}
	s.SendText(u, "/start")
	send("sendMessage", map[string]string{"text": "Halo <b>Siti</b>!\nPilih peran:", "parse_mode": "HTML",
		"reply_markup": inlineKeyboard([]map[string]any{cb("Tagana", "r:t"), cb("TKSK", "r:k")}, []map[string]any{cb("Batal", "x")})})
	id := s.Press(u, 2, "Tagana")
	var ups []struct {
		CallbackQuery struct{ ID string } `json:"callback_query"`
	}
	mustOK(t, callJSON(t, s, "getUpdates", map[string]any{"offset": id}), &ups)
	callJSON(t, s, "answerCallbackQuery", map[string]any{"callback_query_id": ups[0].CallbackQuery.ID})
	send("editMessageText", map[string]string{"message_id": "2", "text": "Peran: Tagana"})
	send("sendMessage", map[string]string{"text": "Kirim nomor HP", "reply_markup": `{"keyboard":[[{"text":"Kirim nomor","request_contact":true}]],"one_time_keyboard":true}`})
	s.ShareContact(u, "+6281234567890")
	send("sendMessage", map[string]string{"text": "Terima kasih", "reply_markup": `{"remove_keyboard":true}`})
	send("sendMessage", map[string]string{"text": "<p>oops</p>", "parse_mode": "HTML"})
	send("sendLocation", map[string]string{"latitude": "-6.2", "longitude": "106.8"})
	send("deleteMessage", map[string]string{"message_id": "4"})
	send("sendMessage", map[string]string{"text": "x", "reply_markup": inlineKeyboard([]map[string]any{cb("A", "a")})})
	send("editMessageReplyMarkup", map[string]string{"message_id": "7"})
	s.FailNext("sendMessage", 429, "", 5)
	send("sendMessage", map[string]string{"text": "y"})

	want := `> user: /start
< bot: Halo Siti!
  Pilih peran:
  [Tagana] [TKSK]
  [Batal]
> user presses [Tagana]
* bot answers [Tagana]
~ bot edits #2: Peran: Tagana
< bot: Kirim nomor HP
  keyboard: [Kirim nomor]
> user shares contact +6281234567890
< bot: Terima kasih
  (keyboard removed)
! bot error: sendMessage → 400 Bad Request: can't parse entities: Unsupported start tag "p" at byte offset 0
< bot location: -6.200000, 106.800000
x bot deletes #4
< bot: x
  [A]
~ bot edits #7 buttons
  (no buttons)
! bot error (scripted): sendMessage → 429 Too Many Requests: retry after 5
`
	if got := s.Transcript(1001); got != want {
		t.Errorf("Transcript:\n%s\nwant:\n%s", got, want)
	}
	if errs := s.Errors(); len(errs) != 1 || errs[0].ChatID != 1001 || errs[0].Method != "sendMessage" {
		t.Errorf("Errors = %v", errs)
	}
}

func TestSetMyCommandsValidation(t *testing.T) {
	s, u := started(t)
	set := func(body map[string]any) envelope { return callJSON(t, s, "setMyCommands", body) }
	cmd := func(c, d string) map[string]string { return map[string]string{"command": c, "description": d} }
	many := make([]map[string]string, 101)
	for i := range many {
		many[i] = cmd("c", "d")
	}
	long := make([]byte, 33)
	for i := range long {
		long[i] = 'a'
	}
	for name, tt := range map[string]struct {
		body map[string]any
		err  string
	}{
		"uppercase":           {map[string]any{"commands": []any{cmd("Start", "x")}}, "Bad Request: BOT_COMMAND_INVALID"},
		"33 chars":            {map[string]any{"commands": []any{cmd(string(long), "x")}}, "Bad Request: BOT_COMMAND_INVALID"},
		"slash":               {map[string]any{"commands": []any{cmd("/start", "x")}}, "Bad Request: BOT_COMMAND_INVALID"},
		"empty description":   {map[string]any{"commands": []any{cmd("start", "")}}, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID"},
		"101 commands":        {map[string]any{"commands": many}, "Bad Request: BOT_COMMANDS_TOO_MUCH"},
		"unknown chat scope":  {map[string]any{"commands": []any{cmd("start", "x")}, "scope": map[string]any{"type": "chat", "chat_id": 5}}, "Bad Request: chat not found"},
		"bad language code":   {map[string]any{"commands": []any{cmd("start", "x")}, "language_code": "ind"}, "Bad Request: invalid language code specified"},
		"default, Indonesian": {map[string]any{"commands": []any{cmd("start", "Mulai"), cmd("bantuan", "Bantuan")}, "language_code": "id"}, ""},
		"default":             {map[string]any{"commands": []any{cmd("start", "Start")}}, ""},
		"this chat":           {map[string]any{"commands": []any{cmd("admin", "Admin")}, "scope": map[string]any{"type": "chat", "chat_id": 1001}}, ""},
	} {
		t.Run(name, func(t *testing.T) {
			env := set(tt.body)
			if tt.err == "" {
				mustOK(t, env, nil)
				return
			}
			wantError(t, env, 400, tt.err)
		})
	}
	if got := s.Commands("id"); len(got) != 2 || got[1] != (BotCommand{"bantuan", "Bantuan"}) {
		t.Errorf("Commands(id) = %+v", got)
	}
	if got := s.Commands(""); len(got) != 1 || got[0].Command != "start" {
		t.Errorf("Commands('') = %+v", got)
	}
	if got := s.CommandsSeenBy(u); len(got) != 1 || got[0].Command != "admin" {
		t.Errorf("CommandsSeenBy = %+v", got)
	}
	var listed []struct{ Command string }
	mustOK(t, callJSON(t, s, "getMyCommands", map[string]any{"language_code": "id"}), &listed)
	if len(listed) != 2 {
		t.Errorf("getMyCommands = %+v", listed)
	}
	mustOK(t, callJSON(t, s, "setChatMenuButton", map[string]any{"chat_id": 1001, "menu_button": map[string]any{"type": "commands"}}), nil)
	wantError(t, callJSON(t, s, "setChatMenuButton", map[string]any{"menu_button": map[string]any{"type": "nope"}}), 400, "Bad Request: can't parse menu button JSON object")
}
