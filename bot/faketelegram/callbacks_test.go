package faketelegram

import (
	"strings"
	"testing"
)

func TestPressAndAnswer(t *testing.T) {
	s, u := started(t)
	var m sentMessage
	mustOK(t, callForm(t, s, "sendMessage", map[string]string{"chat_id": "1001", "text": "Peran?",
		"reply_markup": inlineKeyboard([]map[string]any{cb("Tagana", "role:tagana"), cb("TKSK", "role:tksk")})}), &m)

	id := s.Press(u, m.MessageID, "TKSK")
	var ups []struct {
		UpdateID      int64 `json:"update_id"`
		CallbackQuery struct {
			ID      string             `json:"id"`
			Data    string             `json:"data"`
			From    struct{ ID int64 } `json:"from"`
			Message struct {
				MessageID int `json:"message_id"`
				Date      int64
			} `json:"message"`
		} `json:"callback_query"`
	}
	mustOK(t, callJSON(t, s, "getUpdates", map[string]any{"offset": id}), &ups)
	q := ups[0].CallbackQuery
	if ups[0].UpdateID != id || q.Data != "role:tksk" || q.From.ID != 1001 || q.Message.MessageID != m.MessageID || q.ID == "" {
		t.Fatalf("callback update = %+v", ups[0])
	}
	mustOK(t, callJSON(t, s, "answerCallbackQuery", map[string]any{"callback_query_id": q.ID, "text": "Tersimpan"}), nil)
	wantError(t, callJSON(t, s, "answerCallbackQuery", map[string]any{"callback_query_id": q.ID}),
		400, "Bad Request: query is too old and response timeout expired or query ID is invalid")
	wantError(t, callJSON(t, s, "answerCallbackQuery", map[string]any{"callback_query_id": "nope"}),
		400, "Bad Request: query is too old and response timeout expired or query ID is invalid")

	// Stale button: data the current keyboard no longer has.
	id2 := s.PressData(u, m.MessageID, "role:old")
	ups = nil
	mustOK(t, callJSON(t, s, "getUpdates", map[string]any{"offset": id2}), &ups)
	if ups[0].CallbackQuery.Data != "role:old" {
		t.Errorf("PressData data = %q", ups[0].CallbackQuery.Data)
	}
	long := strings.Repeat("a", 201)
	wantError(t, callJSON(t, s, "answerCallbackQuery", map[string]any{"callback_query_id": ups[0].CallbackQuery.ID, "text": long}), 400, "Bad Request: MESSAGE_TOO_LONG")
	mustOK(t, callJSON(t, s, "answerCallbackQuery", map[string]any{"callback_query_id": ups[0].CallbackQuery.ID}), nil)
}

func TestUnansweredCallbacksFailTheTest(t *testing.T) {
	ft := &fakeTB{TB: t}
	s := New(ft)
	u := User{ID: 1001, FirstName: "Siti"}
	s.SendText(u, "/start")
	mustOK(t, callForm(t, s, "sendMessage", map[string]string{"chat_id": "1001", "text": "Peran?",
		"reply_markup": inlineKeyboard([]map[string]any{cb("Tagana", "role:tagana")})}), nil)
	s.Press(u, 2, "Tagana")

	s.AssertAllAnswered(ft)
	errs, _ := ft.messages()
	if len(errs) != 1 || !strings.Contains(errs[0], "pressed [Tagana] on message #2") || !strings.Contains(errs[0], "never answered") {
		t.Fatalf("AssertAllAnswered errors = %q", errs)
	}

	ft.runCleanups() // New's cleanup reports it again
	errs, _ = ft.messages()
	if len(errs) != 2 {
		t.Fatalf("cleanup errors = %q", errs)
	}
}

func TestAnsweredCallbacksPassCleanup(t *testing.T) {
	ft := &fakeTB{TB: t}
	s := New(ft)
	u := User{ID: 1001, FirstName: "Siti"}
	s.SendText(u, "/start")
	mustOK(t, callForm(t, s, "sendMessage", map[string]string{"chat_id": "1001", "text": "Peran?",
		"reply_markup": inlineKeyboard([]map[string]any{cb("Tagana", "role:tagana")})}), nil)
	id := s.Press(u, 2, "Tagana")
	var ups []struct {
		CallbackQuery struct{ ID string } `json:"callback_query"`
	}
	mustOK(t, callJSON(t, s, "getUpdates", map[string]any{"offset": id}), &ups)
	mustOK(t, callJSON(t, s, "answerCallbackQuery", map[string]any{"callback_query_id": ups[0].CallbackQuery.ID}), nil)
	ft.runCleanups()
	if errs, fatals := ft.messages(); len(errs)+len(fatals) != 0 {
		t.Fatalf("unexpected failures: %q %q", errs, fatals)
	}
}

func TestPressFailsOnMissingButton(t *testing.T) {
	ft := &fakeTB{TB: t}
	s := New(ft)
	defer ft.runCleanups()
	u := User{ID: 1001, FirstName: "Siti"}
	s.SendText(u, "/start")
	var m sentMessage
	mustOK(t, callForm(t, s, "sendMessage", map[string]string{"chat_id": "1001", "text": "Peran?",
		"reply_markup": inlineKeyboard([]map[string]any{cb("Tagana", "t")})}), &m)

	// After an edit removes the keyboard, the old button is gone.
	mustOK(t, callForm(t, s, "editMessageText", map[string]string{"chat_id": "1001", "message_id": itoa(m.MessageID), "text": "Oke"}), nil)
	ft.run(func() { s.Press(u, m.MessageID, "Tagana") })
	ft.run(func() { s.Press(u, 99, "Tagana") })
	_, fatals := ft.messages()
	if len(fatals) != 2 || !strings.Contains(fatals[0], "has no button [Tagana]") || !strings.Contains(fatals[1], "no bot message #99") {
		t.Fatalf("fatals = %q", fatals)
	}
}
