package faketelegram

import (
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestRoutingAndAuth(t *testing.T) {
	s := New(t)
	wantError(t, do(t, s.URL()+"/botWRONG:TOKEN/getMe", "application/json", strings.NewReader("{}")), 401, "Unauthorized")
	wantError(t, callJSON(t, s, "sendDice", nil), 404, "Not Found")
	var me struct {
		ID       int64  `json:"id"`
		IsBot    bool   `json:"is_bot"`
		Username string `json:"username"`
	}
	mustOK(t, callJSON(t, s, "GETME", nil), &me) // method names are case-insensitive
	if me.ID != 777000111 || !me.IsBot || me.Username != "MitraTestBot" {
		t.Errorf("getMe = %+v", me)
	}
	// x-www-form-urlencoded bodies are accepted too.
	resp, err := http.Post(s.URL()+"/bot"+s.Token()+"/sendMessage", "application/x-www-form-urlencoded", strings.NewReader("chat_id=1&text=hi"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 400 {
		t.Errorf("form sendMessage to unknown chat: HTTP %d, want 400", resp.StatusCode)
	}
	if errs := s.Errors(); len(errs) != 3 || errs[0].Code != 401 || errs[1].Code != 404 || errs[2].Description != "Bad Request: chat not found" {
		t.Errorf("Errors() = %v", errs)
	}
}

func TestChatResolution(t *testing.T) {
	s := New(t)
	siti := User{ID: 1001, FirstName: "Siti"}
	budi := User{ID: 1002, FirstName: "Budi"}
	send := func(chat string) envelope {
		return callJSON(t, s, "sendMessage", map[string]any{"chat_id": chat, "text": "halo"})
	}
	wantError(t, send("1001"), 400, "Bad Request: chat not found")
	wantError(t, send(""), 400, "Bad Request: chat_id is empty")

	s.SendText(siti, "/start")
	mustOK(t, send("1001"), nil)

	s.SendGroupText(budi, -500, "/lapor")
	mustOK(t, send("-500"), nil)
	wantError(t, send("1002"), 403, "Forbidden: bot can't initiate conversation with a user")

	s.Block(siti)
	wantError(t, send("1001"), 403, "Forbidden: bot was blocked by the user")
	wantError(t, callJSON(t, s, "sendMediaGroup", map[string]any{"chat_id": 1001, "media": "[]"}), 400, "Bad Request: USER_IS_BLOCKED")
	s.Unblock(siti)
	mustOK(t, send("1001"), nil)
	if got := len(s.Messages(1001)); got != 2 {
		t.Errorf("%d messages to Siti, want 2", got)
	}
}

func TestEdits(t *testing.T) {
	s, u := started(t)
	var m sentMessage
	kb := inlineKeyboard([]map[string]any{cb("Ya", "yes"), cb("Tidak", "no")})
	mustOK(t, callForm(t, s, "sendMessage", map[string]string{"chat_id": "1001", "text": "<b>Lanjut?</b>", "parse_mode": "HTML", "reply_markup": kb}), &m)
	edit := func(text, markup string) envelope {
		f := map[string]string{"chat_id": "1001", "message_id": itoa(m.MessageID), "text": text, "parse_mode": "HTML"}
		if markup != "" {
			f["reply_markup"] = markup
		}
		return callForm(t, s, "editMessageText", f)
	}
	notModified := "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message"

	wantError(t, edit("<b>Lanjut?</b>", kb), 400, notModified)
	wantError(t, edit("<b>Lanjut?</b>", `{"keyboard":[["x"]]}`), 400, "Bad Request: inline keyboard expected")
	mustOK(t, edit("<i>Lanjut?</i>", kb), nil) // same text, other entity: modified

	// Without reply_markup the keyboard goes, as in Telegram.
	mustOK(t, edit("<i>Lanjut?</i>", ""), nil)
	if got := s.LastMessage(1001); got.Buttons != nil || got.Edits != 2 || got.Text != "Lanjut?" || got.HTML != "<i>Lanjut?</i>" {
		t.Errorf("after edit: %+v", got)
	}
	wantError(t, edit("<i>Lanjut?</i>", ""), 400, notModified)

	markup := func(rm string) envelope {
		f := map[string]string{"chat_id": "1001", "message_id": itoa(m.MessageID)}
		if rm != "" {
			f["reply_markup"] = rm
		}
		return callForm(t, s, "editMessageReplyMarkup", f)
	}
	wantError(t, markup(""), 400, notModified)
	mustOK(t, markup(kb), nil)
	wantError(t, markup(kb), 400, notModified)
	if b := s.LastMessage(1001).ButtonTexts(); strings.Join(b, ",") != "Ya,Tidak" {
		t.Errorf("buttons after editMessageReplyMarkup: %v", b)
	}

	wantError(t, callForm(t, s, "editMessageText", map[string]string{"chat_id": "1001", "message_id": "999", "text": "x"}),
		400, "Bad Request: message to edit not found")
	wantError(t, callForm(t, s, "editMessageText", map[string]string{"chat_id": "1001", "message_id": "1", "text": "x"}),
		400, "Bad Request: message can't be edited") // #1 is the user's /start

	mustOK(t, callForm(t, s, "deleteMessage", map[string]string{"chat_id": "1001", "message_id": itoa(m.MessageID)}), nil)
	wantError(t, callForm(t, s, "deleteMessage", map[string]string{"chat_id": "1001", "message_id": itoa(m.MessageID)}),
		400, "Bad Request: message to delete not found")
	wantError(t, edit("x", ""), 400, "Bad Request: message to edit not found")
	if !s.LastMessage(1001).Deleted {
		t.Error("deleted message not marked Deleted")
	}

	s.SendTextAt(u, "kemarin lusa", time.Now().Add(-49*time.Hour)) // message #3
	wantError(t, callForm(t, s, "deleteMessage", map[string]string{"chat_id": "1001", "message_id": "3"}),
		400, "Bad Request: message can't be deleted for everyone")
}

func TestScriptedFailures(t *testing.T) {
	s, _ := started(t)
	s.FailNext("sendMessage", 429, "", 7)
	s.FailNext("sendmessage", 500, "", 0)
	env := callJSON(t, s, "sendMessage", map[string]any{"chat_id": 1001, "text": "a"})
	wantError(t, env, 429, "Too Many Requests: retry after 7")
	if env.Parameters.RetryAfter != 7 {
		t.Errorf("retry_after = %d, want 7", env.Parameters.RetryAfter)
	}
	wantError(t, callJSON(t, s, "sendMessage", map[string]any{"chat_id": 1001, "text": "a"}), 500, "Internal Server Error")
	mustOK(t, callJSON(t, s, "sendMessage", map[string]any{"chat_id": 1001, "text": "a"}), nil)

	if n := len(s.Messages(1001)); n != 1 {
		t.Errorf("failed calls had an effect: %d messages", n)
	}
	if errs := s.Errors(); len(errs) != 0 {
		t.Errorf("scripted failures reported as bot errors: %v", errs)
	}
	calls := s.Calls("sendMessage")
	if len(calls) != 3 || calls[0].Code != 429 || calls[1].Code != 500 || calls[2].Code != 200 || calls[2].Params["text"] != "a" {
		t.Errorf("Calls = %+v", calls)
	}
}

func TestReplyParameters(t *testing.T) {
	s, _ := started(t)
	mustOK(t, callJSON(t, s, "sendMessage", map[string]any{"chat_id": 1001, "text": "ok", "reply_parameters": map[string]any{"message_id": 1}}), nil)
	if got := s.LastMessage(1001).ReplyToMessageID; got != 1 {
		t.Errorf("ReplyToMessageID = %d", got)
	}
	wantError(t, callJSON(t, s, "sendMessage", map[string]any{"chat_id": 1001, "text": "ok", "reply_parameters": map[string]any{"message_id": 77}}),
		400, "Bad Request: message to be replied not found")
	mustOK(t, callJSON(t, s, "sendMessage", map[string]any{"chat_id": 1001, "text": "ok",
		"reply_parameters": map[string]any{"message_id": 77, "allow_sending_without_reply": true}}), nil)
}

func TestLocationPhotoAndAlbum(t *testing.T) {
	s, u := started(t)
	mustOK(t, callForm(t, s, "sendLocation", map[string]string{"chat_id": "1001", "latitude": "-6.2", "longitude": "106.8166"}), nil)
	if loc := s.LastMessage(1001).Location; loc == nil || loc.Latitude != -6.2 || loc.Longitude != 106.8166 {
		t.Errorf("Location = %+v", loc)
	}
	wantErrorPrefix(t, callForm(t, s, "sendLocation", map[string]string{"chat_id": "1001", "latitude": "91", "longitude": "0"}), 400, "Bad Request: wrong latitude")

	s.SendPhoto(u, "foto banjir")
	id := lastUserPhoto(s, 1001)
	media := `[{"type":"photo","media":"` + id + `","caption":"<b>1</b>","parse_mode":"HTML"},{"type":"photo","media":"https://example.org/2.jpg"}]`
	var msgs []sentMessage
	mustOK(t, callForm(t, s, "sendMediaGroup", map[string]string{"chat_id": "1001", "media": media}), &msgs)
	if len(msgs) != 2 || msgs[0].Caption != "1" {
		t.Fatalf("sendMediaGroup result = %+v", msgs)
	}
	all := s.Messages(1001)
	a, b := all[len(all)-2], all[len(all)-1]
	if a.MediaGroupID == "" || a.MediaGroupID != b.MediaGroupID || a.PhotoFileID != id || a.Kind != "photo" {
		t.Errorf("album messages: %+v / %+v", a, b)
	}
	wantErrorPrefix(t, callForm(t, s, "sendMediaGroup", map[string]string{"chat_id": "1001", "media": `[{"type":"photo","media":"` + id + `"}]`}),
		400, "Bad Request: wrong number of messages in a media group")
}

func itoa(n int) string { return strconv.Itoa(n) }
