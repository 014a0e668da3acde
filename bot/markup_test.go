package bot

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/go-telegram/bot/models"

	"github.com/mitra-id/mitra/flows"
)

func TestReplyMarkupJSON(t *testing.T) {
	tests := []struct {
		name  string
		reply flows.Reply
		want  string
	}{
		{
			name:  "inline buttons carry no copy_text",
			reply: flows.Reply{Buttons: [][]flows.Button{{{Text: "Ya", Data: "c:1:y"}, {Text: "Tidak", Data: "c:1:n"}}, {{Text: "Kembali", Data: "nav:back"}}}},
			want:  `{"inline_keyboard":[[{"text":"Ya","callback_data":"c:1:y"},{"text":"Tidak","callback_data":"c:1:n"}],[{"text":"Kembali","callback_data":"nav:back"}]]}`,
		},
		{
			name:  "share contact",
			reply: flows.Reply{RequestContact: "📱 Kirim nomor saya"},
			want:  `{"keyboard":[[{"text":"📱 Kirim nomor saya","request_contact":true}]],"resize_keyboard":true,"one_time_keyboard":true}`,
		},
		{
			name:  "share location",
			reply: flows.Reply{RequestLocation: "📍 Kirim lokasi"},
			want:  `{"keyboard":[[{"text":"📍 Kirim lokasi","request_location":true}]],"resize_keyboard":true,"one_time_keyboard":true}`,
		},
		{
			name:  "remove keyboard",
			reply: flows.Reply{RemoveKeyboard: true},
			want:  `{"remove_keyboard":true}`,
		},
		{
			name:  "none",
			reply: flows.Reply{Text: "hi"},
			want:  `null`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			markup, err := replyMarkup(tt.reply)
			if err != nil {
				t.Fatal(err)
			}
			got, err := json.Marshal(markup)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("markup =\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// The library's own button type is why inlineKeyboard exists; if this
// starts failing, go-telegram fixed the trap and models can be used again.
func TestLibraryButtonStillSendsCopyText(t *testing.T) {
	raw, _ := json.Marshal(models.InlineKeyboardButton{Text: "Ya", CallbackData: "y"})
	if !strings.Contains(string(raw), `"copy_text"`) {
		t.Skipf("go-telegram no longer sends copy_text (%s); inlineKeyboard could go", raw)
	}
}

func TestEmptyInlineKeyboardIsAnEmptyList(t *testing.T) {
	raw, _ := json.Marshal(noInlineKeyboard)
	if string(raw) != `{"inline_keyboard":[]}` {
		t.Fatalf("noInlineKeyboard = %s", raw)
	}
}

func TestReplyMarkupRejectsBadCallbackData(t *testing.T) {
	for _, data := range []string{"", strings.Repeat("д", 33)} { // 66 bytes
		_, err := replyMarkup(flows.Reply{Buttons: [][]flows.Button{{{Text: "x", Data: data}}}})
		if err == nil {
			t.Errorf("callback data of %d bytes accepted", len(data))
		}
	}
}
