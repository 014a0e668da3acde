package bot

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"

	"github.com/mitra-id/mitra/flows"
)

const testBotUsername = "MitraTestBot"

// privateFrom is the sender and chat of a private message, in raw JSON.
const privateFrom = `"from":{"id":42,"is_bot":false,"first_name":"Siti","last_name":"Aminah","language_code":"id"},
	"chat":{"id":42,"type":"private","first_name":"Siti"}`

func TestConvertUpdate(t *testing.T) {
	sent := time.Unix(1735689600, 0)
	pressed := time.Unix(1735700000, 0)
	base := func(kind flows.InputKind) flows.Input {
		return flows.Input{
			ChatID: 42, UserID: 42, MessageID: 7, Kind: kind, SentAt: sent,
			Lang: "id", DisplayName: "Siti Aminah", Private: true,
		}
	}
	with := func(in flows.Input, f func(*flows.Input)) flows.Input { f(&in); return in }

	tests := []struct {
		name       string
		raw        string
		want       flows.Input
		ignored    bool
		callbackID string
	}{
		{
			name: "text",
			raw:  `{"update_id":1,"message":{"message_id":7,"date":1735689600,` + privateFrom + `,"text":"Halo Mitra"}}`,
			want: with(base(flows.KindText), func(in *flows.Input) { in.Text = "Halo Mitra" }),
		},
		{
			name: "command addressed to us, upper case",
			raw:  `{"update_id":1,"message":{"message_id":7,"date":1735689600,` + privateFrom + `,"text":"/Start@MitraTestBot abc  def"}}`,
			want: with(base(flows.KindCommand), func(in *flows.Input) {
				in.Text, in.Command, in.Args = "/Start@MitraTestBot abc  def", "start", "abc  def"
			}),
		},
		{
			name: "command on its own",
			raw:  `{"update_id":1,"message":{"message_id":7,"date":1735689600,` + privateFrom + `,"text":"/batal"}}`,
			want: with(base(flows.KindCommand), func(in *flows.Input) { in.Text, in.Command = "/batal", "batal" }),
		},
		{
			name: "slash that is no command",
			raw:  `{"update_id":1,"message":{"message_id":7,"date":1735689600,` + privateFrom + `,"text":"/ 12 km"}}`,
			want: with(base(flows.KindText), func(in *flows.Input) { in.Text = "/ 12 km" }),
		},
		{
			name: "group command for us",
			raw: `{"update_id":1,"message":{"message_id":7,"date":1735689600,
				"from":{"id":42,"is_bot":false,"first_name":"Siti","language_code":"en"},
				"chat":{"id":-100123,"type":"supergroup","title":"Relawan"},"text":"/start@mitratestbot"}}`,
			want: flows.Input{ChatID: -100123, UserID: 42, MessageID: 7, Kind: flows.KindCommand, Text: "/start@mitratestbot",
				Command: "start", SentAt: sent, Lang: "en", DisplayName: "Siti"},
		},
		{
			name: "group command for another bot",
			raw: `{"update_id":1,"message":{"message_id":7,"date":1735689600,
				"from":{"id":42,"is_bot":false,"first_name":"Siti"},
				"chat":{"id":-100123,"type":"supergroup","title":"Relawan"},"text":"/start@OtherBot"}}`,
			ignored: true,
		},
		{
			name: "edited message",
			raw:  `{"update_id":1,"edited_message":{"message_id":7,"date":1735689600,"edit_date":1735689700,` + privateFrom + `,"text":"Budi"}}`,
			want: with(base(flows.KindText), func(in *flows.Input) { in.Text, in.Edited = "Budi", true }),
		},
		{
			name: "callback query",
			raw: `{"update_id":1,"callback_query":{"id":"cbq-1","from":{"id":42,"is_bot":false,"first_name":"Siti","language_code":"en"},
				"message":{"message_id":99,"date":1735680000,"from":{"id":777,"is_bot":true,"first_name":"Mitra"},
				"chat":{"id":42,"type":"private"},"text":"Pilih"},"chat_instance":"x","data":"c:3:yes"}}`,
			want: flows.Input{ChatID: 42, UserID: 42, Kind: flows.KindCallback, Callback: "c:3:yes", CallbackMessageID: 99,
				SentAt: pressed, Lang: "en", DisplayName: "Siti", Private: true},
			callbackID: "cbq-1",
		},
		{
			name: "callback on a message older than 48 h",
			raw: `{"update_id":1,"callback_query":{"id":"cbq-2","from":{"id":42,"is_bot":false,"first_name":"Siti"},
				"message":{"message_id":5,"date":0,"chat":{"id":42,"type":"private"}},"data":"c:1:no"}}`,
			want: flows.Input{ChatID: 42, UserID: 42, Kind: flows.KindCallback, Callback: "c:1:no", CallbackMessageID: 5,
				SentAt: pressed, DisplayName: "Siti", Private: true},
			callbackID: "cbq-2",
		},
		{
			name:       "inline-mode callback without a chat",
			raw:        `{"update_id":1,"callback_query":{"id":"cbq-3","from":{"id":42,"is_bot":false,"first_name":"Siti"},"inline_message_id":"im","data":"x"}}`,
			ignored:    true,
			callbackID: "cbq-3",
		},
		{
			name: "contact",
			raw:  `{"update_id":1,"message":{"message_id":7,"date":1735689600,` + privateFrom + `,"contact":{"phone_number":"+6281234567890","first_name":"Siti","user_id":42}}}`,
			want: with(base(flows.KindContact), func(in *flows.Input) { in.Phone, in.ContactUserID = "+6281234567890", 42 }),
		},
		{
			name: "location",
			raw:  `{"update_id":1,"message":{"message_id":7,"date":1735689600,` + privateFrom + `,"location":{"latitude":-6.2,"longitude":106.8}}}`,
			want: with(base(flows.KindLocation), func(in *flows.Input) {
				in.Location = &flows.Location{Latitude: -6.2, Longitude: 106.8}
			}),
		},
		{
			name: "photo in an album",
			raw: `{"update_id":1,"message":{"message_id":7,"date":1735689600,` + privateFrom + `,"media_group_id":"g1","caption":"Banjir",
				"photo":[{"file_id":"small","file_unique_id":"s","width":90,"height":60},
					{"file_id":"large","file_unique_id":"l","width":1280,"height":853},
					{"file_id":"medium","file_unique_id":"m","width":320,"height":213}]}}`,
			want: with(base(flows.KindPhoto), func(in *flows.Input) {
				in.Text, in.PhotoFileID, in.MediaGroupID = "Banjir", "large", "g1"
			}),
		},
		{
			name: "sticker",
			raw:  `{"update_id":1,"message":{"message_id":7,"date":1735689600,` + privateFrom + `,"sticker":{"file_id":"st","file_unique_id":"u","type":"regular","width":512,"height":512,"is_animated":false,"is_video":false}}}`,
			want: base(flows.KindSticker),
		},
		{
			name: "voice",
			raw:  `{"update_id":1,"message":{"message_id":7,"date":1735689600,` + privateFrom + `,"voice":{"file_id":"v","file_unique_id":"u","duration":3}}}`,
			want: base(flows.KindVoice),
		},
		{
			name: "document is other",
			raw:  `{"update_id":1,"message":{"message_id":7,"date":1735689600,` + privateFrom + `,"document":{"file_id":"d","file_unique_id":"u"},"caption":"KTP"}}`,
			want: with(base(flows.KindOther), func(in *flows.Input) { in.Text = "KTP" }),
		},
		{
			name:    "message from a bot",
			raw:     `{"update_id":1,"message":{"message_id":7,"date":1735689600,"from":{"id":5,"is_bot":true,"first_name":"B"},"chat":{"id":-1,"type":"group"},"text":"hi"}}`,
			ignored: true,
		},
		{
			name:    "my_chat_member",
			raw:     `{"update_id":1,"my_chat_member":{"chat":{"id":42,"type":"private"},"from":{"id":42,"is_bot":false,"first_name":"S"},"date":1,"old_chat_member":{"status":"member","user":{"id":777,"is_bot":true,"first_name":"M"}},"new_chat_member":{"status":"kicked","user":{"id":777,"is_bot":true,"first_name":"M"},"until_date":0}}}`,
			ignored: true,
		},
		{
			name:    "channel post",
			raw:     `{"update_id":1,"channel_post":{"message_id":7,"date":1735689600,"chat":{"id":-1001,"type":"channel","title":"C"},"text":"news"}}`,
			ignored: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var upd models.Update
			if err := json.Unmarshal([]byte(tt.raw), &upd); err != nil {
				t.Fatalf("bad test JSON: %v", err)
			}
			got, ok := convertUpdate(&upd, testBotUsername, pressed)
			if ok == tt.ignored {
				t.Fatalf("ok = %v, want %v", ok, !tt.ignored)
			}
			if got.callbackQueryID != tt.callbackID {
				t.Errorf("callbackQueryID = %q, want %q", got.callbackQueryID, tt.callbackID)
			}
			if got.updateID != 1 {
				t.Errorf("updateID = %d, want 1", got.updateID)
			}
			if tt.ignored {
				return
			}
			if !reflect.DeepEqual(got.input, tt.want) {
				t.Errorf("input =\n%+v\nwant\n%+v", got.input, tt.want)
			}
		})
	}
}

func TestParseCommand(t *testing.T) {
	tests := []struct {
		text string
		want botCommand
		ok   bool
	}{
		{"/start", botCommand{name: "start"}, true},
		{"/start@MitraTestBot inv_ABC", botCommand{name: "start", addressee: "MitraTestBot", args: "inv_ABC"}, true},
		{"/LAPOR\nbanjir di desa", botCommand{name: "lapor", args: "banjir di desa"}, true},
		{"/", botCommand{}, false},
		{"/@bot", botCommand{}, false},
		{"/mulai-sekarang", botCommand{}, false},
		{"/тест", botCommand{}, false},
		{"start", botCommand{}, false},
		{"/" + string(make([]byte, 33)), botCommand{}, false},
	}
	for _, tt := range tests {
		got, ok := parseCommand(tt.text)
		if ok != tt.ok || got != tt.want {
			t.Errorf("parseCommand(%q) = %+v, %v; want %+v, %v", tt.text, got, ok, tt.want, tt.ok)
		}
	}
}
