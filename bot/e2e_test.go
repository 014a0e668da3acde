package bot

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/mitra-id/mitra/bot/faketelegram"
	"github.com/mitra-id/mitra/flows"
)

// Ensure each chat's messages reach the core strictly in order while many
// chats write at once, and every reply comes back in the same order.
func TestPollingKeepsEachChatInOrder(t *testing.T) {
	h := startBot(t, false)
	const chats, perChat = 20, 30
	users := h.sendConcurrently(chats, perChat)

	for _, u := range users {
		var got []string
		for _, in := range h.handler.inputsOf(u.ID) {
			got = append(got, in.Text)
		}
		replies := h.texts(u.ID)
		for n := range perChat {
			want := fmt.Sprintf("pesan %02d", n)
			if n >= len(got) || got[n] != want {
				t.Fatalf("chat %d: core saw %q, want pesan 00…%02d in order", u.ID, got, perChat-1)
			}
			if n >= len(replies) || replies[n] != "echo: "+want {
				t.Fatalf("chat %d: replies %q, want echoes in order", u.ID, replies)
			}
		}
		if len(got) != perChat {
			t.Fatalf("chat %d: core saw %d messages, want %d", u.ID, len(got), perChat)
		}
	}
	h.tg.AssertNoErrors(t)
}

// Ensure a panicking core costs the user one apology, in their language,
// and the next message is answered normally.
func TestPanicGivesAnApologyAndServingContinues(t *testing.T) {
	h := startBot(t, false)
	siti := h.tg.NewUser("Siti")
	john := h.tg.NewUser("John")
	john.LanguageCode = "en"

	h.tg.WaitProcessed(h.tg.SendText(siti, "boom"))
	if got := h.tg.LastMessage(siti.ID).Text; got != apology.ID {
		t.Fatalf("after a panic Siti got %q, want the Indonesian apology", got)
	}
	h.tg.WaitProcessed(h.tg.SendText(john, "boom"))
	if got := h.tg.LastMessage(john.ID).Text; got != apology.EN {
		t.Fatalf("after a panic John got %q, want the English apology", got)
	}
	h.tg.WaitProcessed(h.tg.SendText(siti, "halo"))
	if got := h.tg.LastMessage(siti.ID).Text; got != "echo: halo" {
		t.Fatalf("after recovering, Siti got %q", got)
	}
	logs := h.logs.String()
	for _, want := range []string{`"msg":"handler panicked"`, `"chat_id":` + fmt.Sprint(siti.ID), `"update_id":`, `"stack":"goroutine`} {
		if !strings.Contains(logs, want) {
			t.Errorf("panic log lacks %s", want)
		}
	}
	h.tg.AssertNoErrors(t)
}

func TestHandlerErrorGivesAnApology(t *testing.T) {
	h := startBot(t, false)
	u := h.tg.NewUser("Siti")
	h.tg.WaitProcessed(h.tg.SendText(u, "fail"))
	if got := h.tg.LastMessage(u.ID).Text; got != apology.ID {
		t.Fatalf("after an error the user got %q, want the apology", got)
	}
	if !strings.Contains(h.logs.String(), "scripted failure") {
		t.Error("the core's error was not logged")
	}
}

// Ensure an update Telegram delivers twice is handled once.
func TestRedeliveredUpdateIsHandledOnce(t *testing.T) {
	h := startBot(t, false)
	u := h.tg.NewUser("Siti")
	id := h.tg.SendText(u, "sekali saja")
	h.tg.WaitProcessed(id)
	h.tg.Redeliver(id)
	h.tg.WaitProcessed(id)

	if n := len(h.handler.inputsOf(u.ID)); n != 1 {
		t.Fatalf("core handled the update %d times, want 1", n)
	}
	if got := h.texts(u.ID); !slices.Equal(got, []string{"echo: sekali saja"}) {
		t.Fatalf("user got %q, want one echo", got)
	}
}

// Ensure every button press is answered, with the core's notice, and the
// question is edited in place; a redelivered press is not handled again.
func TestButtonPressIsAnsweredOnceAndEdits(t *testing.T) {
	h := startBot(t, false)
	u := h.tg.NewUser("Siti")
	h.tg.WaitProcessed(h.tg.SendText(u, "ask"))
	question := h.tg.LastMessage(u.ID)
	if got := question.ButtonTexts(); !slices.Equal(got, []string{"Ya", "Tidak"}) {
		t.Fatalf("question buttons = %q", got)
	}
	if got := h.handler.promptsOf(u.ID); !slices.Equal(got, []int{question.ID}) {
		t.Fatalf("PromptDelivered got %v, want [%d]", got, question.ID)
	}

	press := h.tg.Press(u, question.ID, "Ya")
	h.tg.WaitProcessed(press)
	h.tg.Redeliver(press)
	h.tg.WaitProcessed(press)

	edited := h.tg.Messages(u.ID)[0]
	if edited.Text != "Ada korban? ✅ ya" || edited.Buttons != nil {
		t.Fatalf("question after the press = %q with buttons %v", edited.Text, edited.Buttons)
	}
	if !strings.Contains(h.tg.Transcript(u.ID), `"Tersimpan"`) {
		t.Errorf("the press was not answered with the notice:\n%s", h.tg.Transcript(u.ID))
	}
	callbacks := 0
	for _, in := range h.handler.inputsOf(u.ID) {
		if in.Kind == flows.KindCallback {
			callbacks++
		}
	}
	if callbacks != 1 {
		t.Fatalf("core handled the press %d times, want 1", callbacks)
	}
	h.tg.AssertAllAnswered(t)
}

func TestButtonPressIsAnsweredWhenTheCorePanics(t *testing.T) {
	h := startBot(t, false)
	u := h.tg.NewUser("Siti")
	h.tg.WaitProcessed(h.tg.SendText(u, "ask"))
	question := h.tg.LastMessage(u.ID)
	h.tg.WaitProcessed(h.tg.PressData(u, question.ID, "boom"))
	h.tg.AssertAllAnswered(t)
	if got := h.tg.LastMessage(u.ID).Text; got != apology.ID {
		t.Fatalf("after a panicking press the user got %q", got)
	}
}

func TestClearButtonsAndRemoveKeyboard(t *testing.T) {
	h := startBot(t, false)
	u := h.tg.NewUser("Siti")
	h.tg.WaitProcessed(h.tg.SendText(u, "ask"))
	question := h.tg.LastMessage(u.ID)
	h.tg.WaitProcessed(h.tg.PressData(u, question.ID, "clear"))

	msgs := h.tg.Messages(u.ID)
	if msgs[0].Buttons != nil {
		t.Errorf("buttons not cleared: %v", msgs[0].Buttons)
	}
	if last := msgs[len(msgs)-1]; last.Text != "dibatalkan" || !last.RemoveKeyboard {
		t.Errorf("last message = %q, remove keyboard %v", last.Text, last.RemoveKeyboard)
	}
	// Clearing again is "not modified", which is not an error worth a retry.
	h.tg.WaitProcessed(h.tg.PressData(u, question.ID, "clear"))
	h.tg.AssertAllAnswered(t)
}

func TestContactKeyboardAndLocationPin(t *testing.T) {
	h := startBot(t, false)
	u := h.tg.NewUser("Siti")
	h.tg.WaitProcessed(h.tg.SendText(u, "phone"))
	ask := h.tg.LastMessage(u.ID)
	if len(ask.ReplyKeyboard) != 1 || len(ask.ReplyKeyboard[0]) != 1 || !ask.ReplyKeyboard[0][0].RequestContact {
		t.Fatalf("phone question keyboard = %+v", ask.ReplyKeyboard)
	}
	h.tg.WaitProcessed(h.tg.ShareContact(u, "+6281234567890"))
	in := h.handler.inputsOf(u.ID)[1]
	if in.Kind != flows.KindContact || in.Phone != "+6281234567890" || in.ContactUserID != u.ID {
		t.Fatalf("contact input = %+v", in)
	}

	h.tg.WaitProcessed(h.tg.SendText(u, "pin"))
	msgs := h.tg.Messages(u.ID)
	text, pin := msgs[len(msgs)-2], msgs[len(msgs)-1]
	if text.Text != "Lokasi posko:" || pin.Location == nil || pin.Location.Latitude != -6.2 {
		t.Fatalf("pin = %+v after %q", pin, text.Text)
	}
	h.tg.AssertNoErrors(t)
}

func TestOtherInputShapesReachTheCore(t *testing.T) {
	h := startBot(t, false)
	u := h.tg.NewUser("Siti")
	first := h.tg.SendText(u, "Siti Aminh")
	h.tg.WaitProcessed(first)
	h.tg.WaitProcessed(h.tg.EditText(u, h.handler.inputsOf(u.ID)[0].MessageID, "Siti Aminah"))
	h.tg.WaitProcessed(h.tg.SendSticker(u))
	h.tg.WaitProcessed(h.tg.SendVoice(u))
	h.tg.WaitProcessed(h.tg.SendPhoto(u, "Banjir"))

	ins := h.handler.inputsOf(u.ID)
	if len(ins) != 5 {
		t.Fatalf("core saw %d inputs, want 5", len(ins))
	}
	if !ins[1].Edited || ins[1].Text != "Siti Aminah" {
		t.Errorf("edit = %+v", ins[1])
	}
	kinds := []flows.InputKind{ins[2].Kind, ins[3].Kind, ins[4].Kind}
	if !slices.Equal(kinds, []flows.InputKind{flows.KindSticker, flows.KindVoice, flows.KindPhoto}) {
		t.Errorf("kinds = %v", kinds)
	}
	if ins[4].PhotoFileID == "" || ins[4].Text != "Banjir" {
		t.Errorf("photo = %+v", ins[4])
	}
}

// Ensure a 429 is waited out and the message still arrives once.
func TestRateLimitIsWaitedOut(t *testing.T) {
	h := startBot(t, false)
	u := h.tg.NewUser("Siti")
	h.tg.FailNext("sendMessage", 429, "", 1)
	h.tg.WaitProcessed(h.tg.SendText(u, "sabar"))

	if got := h.texts(u.ID); !slices.Equal(got, []string{"echo: sabar"}) {
		t.Fatalf("user got %q, want one echo", got)
	}
	var codes []int
	for _, c := range h.tg.Calls("sendMessage") {
		codes = append(codes, c.Code)
	}
	if !slices.Equal(codes, []int{429, 200}) {
		t.Fatalf("sendMessage answers = %v, want [429 200]", codes)
	}
	if !strings.Contains(h.logs.String(), "retrying") {
		t.Error("the 429 was not logged")
	}
}

// Ensure a reply to a user who blocked the bot does not disturb the rest.
func TestBlockedRecipientIsLoggedAndSkipped(t *testing.T) {
	h := startBot(t, false)
	budi := h.tg.NewUser("Budi")
	h.tg.WaitProcessed(h.tg.SendText(budi, "halo"))
	h.tg.Block(budi)
	siti := h.tg.NewUser("Siti")
	h.tg.WaitProcessed(h.tg.SendText(siti, fmt.Sprintf("to:%d", budi.ID)))
	h.tg.WaitAllProcessed()

	if got := h.tg.LastMessage(siti.ID).Text; got != "terkirim" {
		t.Fatalf("sender got %q", got)
	}
	if !strings.Contains(h.logs.String(), "chat gone") {
		t.Error("blocked recipient not logged as chat gone")
	}
	if n := len(h.handler.inputsOf(budi.ID)); n != 1 {
		t.Errorf("core saw %d inputs from Budi, want 1 (my_chat_member is not for the core)", n)
	}
}

// Ensure group commands addressed to another bot are ignored and ours are
// answered.
func TestGroupCommands(t *testing.T) {
	h := startBot(t, false)
	u := h.tg.NewUser("Siti")
	const group = -100777
	h.tg.WaitProcessed(h.tg.SendGroupText(u, group, "/start@OtherBot"))
	h.tg.WaitProcessed(h.tg.SendGroupText(u, group, "/start@"+faketelegram.BotUsername+" abc"))

	ins := h.handler.inputsOf(group)
	if len(ins) != 1 {
		t.Fatalf("core saw %d group inputs, want only ours: %+v", len(ins), ins)
	}
	if in := ins[0]; in.Command != "start" || in.Args != "abc" || in.Private {
		t.Fatalf("group command = %+v", in)
	}
	if got := h.tg.LastMessage(group).Text; got != "Halo Siti: /start abc" {
		t.Fatalf("group reply = %q", got)
	}
	h.tg.AssertNoErrors(t)
}

func TestCommandMenusAreRegistered(t *testing.T) {
	h := startBot(t, false)
	h.tg.WaitProcessed(h.tg.SendText(h.tg.NewUser("Siti"), "halo")) // polling has started
	for languageCode, lang := range map[string]string{"": "id", "id": "id", "en": "en"} {
		var got []string
		for _, c := range h.tg.Commands(languageCode) {
			got = append(got, c.Command+"="+c.Description)
		}
		var want []string
		for _, c := range flows.Menu(lang) {
			want = append(want, c.Name+"="+c.Description)
		}
		if !slices.Equal(got, want) {
			t.Errorf("menu for %q = %q, want %q", languageCode, got, want)
		}
	}
}

// sendConcurrently has `chats` users each send "pesan 00", "pesan 01", …
// at the same time as the others, and waits until all are processed.
func (h *harness) sendConcurrently(chats, perChat int) []faketelegram.User {
	users := make([]faketelegram.User, chats)
	for i := range users {
		users[i] = h.tg.NewUser(fmt.Sprintf("Relawan%d", i))
	}
	var wg sync.WaitGroup
	for _, u := range users {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := range perChat {
				h.tg.SendText(u, fmt.Sprintf("pesan %02d", n))
			}
		}()
	}
	wg.Wait()
	h.tg.WaitAllProcessed()
	return users
}
