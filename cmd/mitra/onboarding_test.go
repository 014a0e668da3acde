package main

import (
	"testing"

	"github.com/mitra-id/mitra/bot/faketelegram"
)

var (
	adminUser = faketelegram.User{ID: 5001, FirstName: "Rahmat", LanguageCode: "id"}
	siti      = faketelegram.User{ID: 6001, FirstName: "Siti", LanguageCode: "id"}
	budi      = faketelegram.User{ID: 6002, FirstName: "Budi", LanguageCode: "id"}
)

// register walks u through onboarding in Kota Padang, Kec. Padang Barat.
func (m *mitra) register(u faketelegram.User, name, role string) {
	m.t.Helper()
	m.say(u, "/start")
	m.expect(u, "nama lengkap")
	m.say(u, name)
	m.press(u, role)
	m.say(u, "kota padang")
	m.press(u, "Kota Padang")
	m.say(u, "padang barat")
	m.press(u, "Padang Barat")
	m.expect(u, "nomor HP")
	m.tg.WaitProcessed(m.tg.ShareContact(u, "+6281234500"+string(rune('0'+u.ID%10))))
}

func TestOnboardingApprovedByAdmin(t *testing.T) {
	m := startMitra(t, withAdmins(adminUser.ID))

	m.register(adminUser, "Rahmat Hidayat", "TKSK")
	m.expect(adminUser, "sudah aktif")

	m.register(siti, "Siti <b>Aminah</b> 🌸", "Tagana")
	m.expect(siti, "diteruskan ke koordinator")
	if got := m.scalar(`SELECT status FROM volunteers WHERE telegram_id = $1`, siti.ID); got != "pending" {
		t.Fatalf("status = %v, want pending", got)
	}

	m.say(siti, "/lapor")
	m.expect(siti, "menunggu persetujuan")

	m.expect(adminUser, "Pendaftaran relawan baru")
	m.expect(adminUser, "Siti <b>Aminah</b> 🌸") // shown literally, escaped on the wire
	m.press(adminUser, "Setujui")
	m.expect(adminUser, "Disetujui oleh Rahmat Hidayat")
	m.expect(siti, "sudah disetujui")

	if got := m.scalar(`SELECT count(*) FROM audit_log WHERE action = 'approve'`); got != int64(1) {
		t.Errorf("audit rows = %v, want 1", got)
	}
	m.noErrors()
	t.Log("\n" + m.tg.Transcript(siti.ID) + "\n\n" + m.tg.Transcript(adminUser.ID))
}
