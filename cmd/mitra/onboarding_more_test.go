package main

import (
	"strings"
	"testing"

	"github.com/mitra-id/mitra/bot/faketelegram"
)

func TestOnboardingRejected(t *testing.T) {
	m := startMitra(t, withAdmins(adminUser.ID))
	m.register(adminUser, "Rahmat Hidayat", "TKSK")
	m.register(budi, "Budi Santoso", "PSM")
	m.press(adminUser, "Tolak")
	m.expect(adminUser, "Ditolak oleh Rahmat Hidayat")
	m.expect(budi, "belum dapat disetujui")

	// A rejected user can do nothing at all.
	for _, text := range []string{"/lapor", "/start", "halo", "/undang"} {
		m.say(budi, text)
		m.expect(budi, "tidak aktif")
	}
	// A second press on the card finds the decision already made.
	before := len(m.tg.Messages(budi.ID))
	card := m.tg.Messages(adminUser.ID)
	for _, msg := range card {
		if strings.Contains(msg.Text, "Budi Santoso") {
			m.tg.WaitProcessed(m.tg.PressData(adminUser, msg.ID, "ap:2:y"))
		}
	}
	if got := m.scalar(`SELECT status FROM volunteers WHERE telegram_id = $1`, budi.ID); got != "rejected" {
		t.Errorf("a late press changed the decision: status %v", got)
	}
	if len(m.tg.Messages(budi.ID)) != before {
		t.Errorf("a late press notified the volunteer again")
	}
	// The late press re-renders the card as it already is; Telegram calls
	// that "not modified", which the bot treats as success.
	m.noErrorsBut("message is not modified")
}

func TestOnboardingWrongAnswersAreExplained(t *testing.T) {
	m := startMitra(t)
	u := faketelegram.User{ID: 7001, FirstName: "Yanti", LanguageCode: "id"}
	m.say(u, "/start")

	steps := []struct {
		do   func()
		want string
	}{
		{func() { m.tg.WaitProcessed(m.tg.SendSticker(u)) }, "Stiker belum bisa saya baca"},
		{func() { m.tg.WaitProcessed(m.tg.SendVoice(u)) }, "Pesan suara"},
		{func() { m.tg.WaitProcessed(m.tg.SendPhoto(u, "")) }, "Foto belum diperlukan"},
		{func() { m.say(u, strings.Repeat("panjang ", 625)) }, "terlalu panjang"},
		{func() { m.say(u, "A") }, "terlalu pendek"},
		{func() { m.say(u, "Yanti <script>alert(1)</script> & Co") }, "Apa peran Anda"},
		{func() { m.say(u, "astronot") }, "Pilih salah satu tombol"},
		{func() { m.say(u, "2") }, "kabupaten/kota"},
		{func() { m.say(u, "zzzzqqqq") }, "Tidak ditemukan"},
		{func() { m.say(u, "padang pariaman") }, "Pilih yang sesuai"},
		{func() { m.say(u, "1") }, "kecamatan"},
		{func() { m.say(u, "⬅️ Kembali") }, "kabupaten/kota"},
		{func() { m.say(u, "kota padang") }, "Pilih yang sesuai"},
		{func() { m.press(u, "Kota Padang") }, "kecamatan"},
		{func() { m.say(u, "nangga") }, "Pilih yang sesuai"},
		{func() { m.say(u, "nanggalo") }, "✅ Kec. Nanggalo"}, // named exactly: no list to pick from
		{func() { m.say(u, "12345") }, "Nomor HP belum benar"},
		{func() { m.tg.WaitProcessed(m.tg.ShareContact(u, "+60123456789")) }, "Nomor HP belum benar"},
		{func() { m.say(u, "0812-7777-8888") }, "diteruskan"},
	}
	for i, s := range steps {
		s.do()
		if got := m.last(u); !strings.Contains(got, s.want) {
			t.Fatalf("step %d: last message %q, want %q\n%s", i, got, s.want, m.tg.Transcript(u.ID))
		}
	}
	var name, phone, district string
	if err := m.db.QueryRow(t.Context(), `SELECT name, phone, district_code FROM volunteers WHERE telegram_id = $1`, u.ID).Scan(&name, &phone, &district); err != nil {
		t.Fatal(err)
	}
	if name != "Yanti <script>alert(1)</script> & Co" || phone != "+6281277778888" || !strings.HasPrefix(district, "13.71.") {
		t.Errorf("stored %q %q %q", name, phone, district)
	}
	m.noErrors()
}

func TestOnboardingSurvivesRestart(t *testing.T) {
	m := startMitra(t)
	u := faketelegram.User{ID: 7002, FirstName: "Dewi", LanguageCode: "id"}
	m.say(u, "/start")
	m.say(u, "Dewi Lestari")
	m.press(u, "Karang Taruna")
	m.restart()
	m.say(u, "kota padang")
	m.expect(u, "Pilih yang sesuai")
	m.press(u, "Kota Padang")
	m.restart()
	m.say(u, "padang timur")
	m.expect(u, "✅ Kec. Padang Timur")
	m.say(u, "081299990000")
	m.expect(u, "diteruskan")
	if got := m.scalar(`SELECT role FROM volunteers WHERE telegram_id = $1`, u.ID); got != "karang_taruna" {
		t.Errorf("role = %v", got)
	}
	m.noErrors()
}

func TestEnglishAndLanguageSwitch(t *testing.T) {
	m := startMitra(t)
	u := faketelegram.User{ID: 7003, FirstName: "Anna", LanguageCode: "en"}
	m.say(u, "/start")
	m.expect(u, "What is your full name")
	m.say(u, "/bahasa")
	m.press(u, "Bahasa Indonesia")
	m.expect(u, "Siapa nama lengkap Anda")
	m.noErrors()
}

func TestGroupChatsGetAPointerToPrivateChat(t *testing.T) {
	m := startMitra(t)
	u := faketelegram.User{ID: 7004, FirstName: "Eka", LanguageCode: "id"}
	m.tg.WaitProcessed(m.tg.SendGroupText(u, -100200, "/start"))
	m.tg.WaitProcessed(m.tg.SendGroupText(u, -100200, "selamat pagi semua"))
	msgs := m.tg.Messages(-100200)
	if len(msgs) != 1 || !strings.Contains(msgs[0].Text, "chat pribadi") {
		t.Fatalf("group got %d messages: %+v", len(msgs), msgs)
	}
	m.noErrors()
}

func TestRedeliveredAndEditedUpdates(t *testing.T) {
	m := startMitra(t)
	u := faketelegram.User{ID: 7005, FirstName: "Fajar", LanguageCode: "id"}
	m.say(u, "/start")
	id := m.tg.SendText(u, "Fajar Nugraha")
	m.tg.WaitProcessed(id)
	count := len(m.tg.Messages(u.ID))
	m.tg.WaitProcessed(m.tg.Redeliver(id))
	if got := len(m.tg.Messages(u.ID)); got != count {
		t.Fatalf("a redelivered update was handled again: %d messages, want %d\n%s", got, count, m.tg.Transcript(u.ID))
	}
	m.tg.WaitProcessed(m.tg.EditText(u, 1, "/mulai"))
	m.expect(u, "Pesan yang diubah tidak dibaca ulang")
	m.noErrors()
}

// A Dinsos IT person who adds their id to MITRA_ADMINS after registering,
// or removes a departed admin's, sees it take effect at the next start.
func TestAdminListAppliesToRegisteredVolunteersAtStart(t *testing.T) {
	m := fieldTeam(t)
	m.say(budi, "/koordinator")
	m.expect(budi, "khusus admin")

	m.cfg.Admins = []int64{budi.ID} // Rahmat moved on; Budi takes over
	m.restart()
	m.say(budi, "/bantuan")
	m.expect(budi, "/koordinator")
	m.say(adminUser, "/bantuan")
	if got := m.last(adminUser); strings.Contains(got, "/koordinator") {
		t.Errorf("a removed admin still sees admin commands:\n%s", got)
	}
	m.say(budi, "/koordinator")
	m.expect(budi, "Siapa relawannya")
	m.noErrors()
}
