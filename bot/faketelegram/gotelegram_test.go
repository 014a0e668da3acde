package faketelegram

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

func newClient(t *testing.T, s *Server, opts ...bot.Option) *bot.Bot {
	t.Helper()
	b, err := bot.New(s.Token(), append([]bot.Option{bot.WithServerURL(s.URL()), bot.WithSkipGetMe()}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestGoTelegramMultipart proves the library's multipart encoding (scalars
// as fields, reply_markup as JSON with the copy_text quirk) is understood.
func TestGoTelegramMultipart(t *testing.T) {
	s, _ := started(t)
	b := newClient(t, s)
	ctx := context.Background()

	msg, err := b.SendMessage(ctx, &bot.SendMessageParams{
		ChatID:    int64(1001),
		Text:      "<b>Halo</b> &amp; selamat datang 🏟",
		ParseMode: models.ParseModeHTML,
		ReplyMarkup: &models.InlineKeyboardMarkup{InlineKeyboard: [][]models.InlineKeyboardButton{
			{{Text: "Tagana", CallbackData: "role:tagana"}, {Text: "TKSK", CallbackData: "role:tksk"}},
			{{Text: "Situs", URL: "https://mitra.id"}},
		}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if msg.ID != 2 || msg.Text != "Halo & selamat datang 🏟" || len(msg.Entities) != 1 || msg.Entities[0].Type != models.MessageEntityTypeBold {
		t.Errorf("returned message %+v", msg)
	}
	if kb := msg.ReplyMarkup; kb == nil || len(kb.InlineKeyboard) != 2 || kb.InlineKeyboard[0][1].CallbackData != "role:tksk" {
		t.Errorf("returned markup %+v", msg.ReplyMarkup)
	}
	got := s.LastMessage(1001)
	if got.HTML != "<b>Halo</b> &amp; selamat datang 🏟" || got.ParseMode != "HTML" ||
		strings.Join(got.ButtonTexts(), ",") != "Tagana,TKSK,Situs" || got.Buttons[1][0].URL != "https://mitra.id" {
		t.Errorf("recorded %+v", got)
	}

	_, err = b.EditMessageText(ctx, &bot.EditMessageTextParams{ChatID: int64(1001), MessageID: msg.ID, Text: "<b>Halo</b> &amp; selamat datang 🏟", ParseMode: models.ParseModeHTML})
	if err != nil {
		t.Fatalf("edit dropping the keyboard: %v", err)
	}
	_, err = b.EditMessageText(ctx, &bot.EditMessageTextParams{ChatID: int64(1001), MessageID: msg.ID, Text: "<b>Halo</b> &amp; selamat datang 🏟", ParseMode: models.ParseModeHTML})
	if !errors.Is(err, bot.ErrorBadRequest) || !strings.Contains(err.Error(), "message is not modified") {
		t.Errorf("identical edit: %v", err)
	}

	_, err = b.SendMessage(ctx, &bot.SendMessageParams{ChatID: int64(999), Text: "x"})
	if !errors.Is(err, bot.ErrorBadRequest) || !strings.Contains(err.Error(), "chat not found") {
		t.Errorf("unknown chat: %v", err)
	}
	s.FailNext("sendMessage", 429, "", 3)
	_, err = b.SendMessage(ctx, &bot.SendMessageParams{ChatID: int64(1001), Text: "x"})
	var tooMany *bot.TooManyRequestsError
	if !errors.As(err, &tooMany) || tooMany.RetryAfter != 3 {
		t.Errorf("scripted 429: %v", err)
	}

	_, err = b.SetMyCommands(ctx, &bot.SetMyCommandsParams{
		Commands:     []models.BotCommand{{Command: "start", Description: "Mulai"}, {Command: "lapor", Description: "Lapor masalah"}},
		Scope:        &models.BotCommandScopeAllPrivateChats{},
		LanguageCode: "id",
	})
	if err != nil {
		t.Fatal(err)
	}
	cmds := s.CommandsSeenBy(User{ID: 1001, LanguageCode: "id"})
	if len(cmds) != 2 || cmds[1] != (BotCommand{"lapor", "Lapor masalah"}) {
		t.Errorf("CommandsSeenBy = %+v", cmds)
	}
	if cmds := s.CommandsSeenBy(User{ID: 1001, LanguageCode: "en"}); cmds != nil {
		t.Errorf("English users see %+v", cmds)
	}
}

// TestGoTelegramPollingLoop runs the library's own polling loop against the
// fake: a message, a button press, an answer and an edit.
func TestGoTelegramPollingLoop(t *testing.T) {
	s := New(t)
	// The fake records a message before the client has read the response,
	// and the library runs each handler in its own goroutine: the test ends
	// only once both handlers have their responses, or the cleanup's cancel
	// could fail a send still reading its reply.
	sent, edited := make(chan struct{}), make(chan struct{})
	handler := func(ctx context.Context, b *bot.Bot, upd *models.Update) {
		switch {
		case upd.Message != nil:
			_, err := b.SendMessage(ctx, &bot.SendMessageParams{
				ChatID: upd.Message.Chat.ID, Text: "Pilih peran:",
				ReplyMarkup: &models.InlineKeyboardMarkup{InlineKeyboard: [][]models.InlineKeyboardButton{
					{{Text: "Tagana", CallbackData: "role:tagana"}, {Text: "TKSK", CallbackData: "role:tksk"}},
				}},
			})
			if err != nil {
				t.Error(err)
			}
			close(sent)
		case upd.CallbackQuery != nil:
			q := upd.CallbackQuery
			if _, err := b.AnswerCallbackQuery(ctx, &bot.AnswerCallbackQueryParams{CallbackQueryID: q.ID, Text: "Tersimpan"}); err != nil {
				t.Error(err)
			}
			_, err := b.EditMessageText(ctx, &bot.EditMessageTextParams{
				ChatID: q.Message.Message.Chat.ID, MessageID: q.Message.Message.ID, Text: "Peran: <b>" + q.Data + "</b>", ParseMode: models.ParseModeHTML,
			})
			if err != nil {
				t.Error(err)
			}
			close(edited)
		}
	}
	b := newClient(t, s, bot.WithDefaultHandler(handler), bot.WithHTTPClient(3*time.Second, &http.Client{Timeout: 10 * time.Second}))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { b.Start(ctx); close(done) }()
	t.Cleanup(func() { cancel(); <-done }) // runs before New's cleanup

	u := s.NewUser("Siti")
	s.WaitProcessed(s.SendText(u, "/start"))
	menu := s.WaitMessages(u.ID, 1)[0]
	s.Press(u, menu.ID, "TKSK")
	s.WaitUntil("the edit", func() bool { return s.LastMessage(u.ID).Edits == 1 })

	want := strings.Join([]string{
		"> user: /start",
		"< bot: Pilih peran:",
		"  [Tagana] [TKSK]",
		"> user presses [TKSK]",
		`* bot answers [TKSK]: "Tersimpan"`,
		"~ bot edits #2: Peran: role:tksk",
	}, "\n") + "\n"
	s.WaitUntil("the full transcript", func() bool { return s.Transcript(u.ID) == want })
	<-sent   // the first handler saw the send's response
	<-edited // the second handler saw the edit's response
	s.AssertNoErrors(t)
}

// TestUpdatesDecodeWithGoTelegramModels decodes every update kind the fake
// produces with the library's models.
func TestUpdatesDecodeWithGoTelegramModels(t *testing.T) {
	s := New(t)
	u := s.NewUser("Rina")
	text := s.SendText(u, "/lapor@MitraTestBot banjir")
	s.ShareContact(u, "6281234567890")
	s.SendLocation(u, -6.2, 106.8)
	album := s.SendAlbum(u, 2)
	s.SendSticker(u)
	s.SendVoice(u)
	s.EditText(u, 1, "/lapor banjir besar")
	s.SendGroupText(u, -42, "halo grup")
	s.Block(u)

	var ups []models.Update
	mustOK(t, callJSON(t, s, "getUpdates", nil), &ups)
	if len(ups) != 10 {
		t.Fatalf("%d updates", len(ups))
	}
	m := ups[0].Message
	if ups[0].ID != text || m.From.ID != u.ID || m.From.LanguageCode != "id" || m.Chat.Type != models.ChatTypePrivate ||
		len(m.Entities) != 1 || m.Entities[0].Length != len("/lapor@MitraTestBot") {
		t.Errorf("text update %+v", m)
	}
	if c := ups[1].Message.Contact; c == nil || c.PhoneNumber != "6281234567890" || c.UserID != u.ID {
		t.Errorf("contact %+v", c)
	}
	if l := ups[2].Message.Location; l == nil || l.Latitude != -6.2 {
		t.Errorf("location %+v", l)
	}
	if a, b := ups[3].Message, ups[4].Message; ups[3].ID != album[0] || a.MediaGroupID == "" || a.MediaGroupID != b.MediaGroupID || len(a.Photo) != 3 {
		t.Errorf("album %+v %+v", a, b)
	}
	if ups[5].Message.Sticker == nil || ups[6].Message.Voice == nil {
		t.Error("sticker or voice missing")
	}
	if e := ups[7].EditedMessage; e == nil || e.ID != 1 || e.Text != "/lapor banjir besar" || e.EditDate == 0 {
		t.Errorf("edited message %+v", e)
	}
	if g := ups[8].Message; g.Chat.ID != -42 || g.Chat.Type != models.ChatTypeGroup {
		t.Errorf("group message %+v", g.Chat)
	}
	if mc := ups[9].MyChatMember; mc == nil || mc.NewChatMember.Type != models.ChatMemberTypeBanned {
		raw, _ := json.Marshal(ups[9])
		t.Errorf("my_chat_member %s", raw)
	}
}
