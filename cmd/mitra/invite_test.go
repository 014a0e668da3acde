package main

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/mitra-id/mitra/bot/faketelegram"
)

var inviteLink = regexp.MustCompile(`https://t\.me/MitraTestBot\?start=([A-Za-z0-9]+)`)

// appointCoordinator has the admin make u coordinator of Kota Padang.
func (m *mitra) appointCoordinator(u faketelegram.User, name string) {
	m.t.Helper()
	m.say(adminUser, "/koordinator")
	m.say(adminUser, name)
	m.press(adminUser, name)
	m.press(adminUser, "Jadikan koordinator")
	m.say(adminUser, "kota padang")
	m.press(adminUser, "Kota Padang")
	m.expect(adminUser, "sekarang koordinator")
	m.expect(u, "Anda sekarang koordinator")
}

// newInvite has coordinator u create a Tagana invite and returns its code.
func (m *mitra) newInvite(u faketelegram.User) string {
	m.t.Helper()
	m.say(u, "/undang")
	if strings.Contains(m.last(u), "kabupaten/kota mana") {
		// An admin without a kabupaten/kota of their own picks one.
		m.say(u, "kota padang")
		m.press(u, "Kota Padang")
	}
	m.press(u, "Tagana")
	m.press(u, "40")
	m.press(u, "3 hari")
	m.expect(u, "Tautan undangan siap")
	match := inviteLink.FindStringSubmatch(m.last(u))
	if match == nil {
		m.t.Fatalf("no invite link in %q", m.last(u))
	}
	return match[1]
}

func (m *mitra) joinByInvite(u faketelegram.User, code, name string) {
	m.t.Helper()
	m.say(u, "/start "+code)
	m.say(u, name)
	m.say(u, "padang utara") // the only kecamatan of that name: taken as typed
	m.expect(u, "✅ Kec. Padang Utara")
	m.tg.WaitProcessed(m.tg.ShareContact(u, "+628126666"+strings.Repeat("1", 4)))
}

func TestInviteLinksSkipApproval(t *testing.T) {
	m := startMitra(t, withAdmins(adminUser.ID))
	m.register(adminUser, "Rahmat Hidayat", "TKSK")
	m.register(siti, "Siti Aminah", "Tagana")
	m.press(adminUser, "Setujui")
	m.appointCoordinator(siti, "Siti Aminah")

	code := m.newInvite(siti)

	// A bimtek: volunteers join through the link without approval.
	for i := int64(0); i < 3; i++ {
		u := faketelegram.User{ID: 8000 + i, FirstName: "Peserta", LanguageCode: "id"}
		m.joinByInvite(u, code, "Peserta Bimtek")
		if tr := m.tg.Transcript(u.ID); !strings.Contains(tr, "diundang sebagai Tagana di Kota Padang") || !strings.Contains(tr, "Langkah 1/3") {
			t.Fatalf("invite intro missing:\n%s", tr)
		}
		m.expect(u, "sudah aktif")
	}
	if got := m.scalar(`SELECT uses FROM invites WHERE code = $1`, code); got != int32(3) {
		t.Errorf("uses = %v, want 3", got)
	}
	if got := m.scalar(`SELECT count(*) FROM volunteers WHERE invite_code = $1 AND status = 'active' AND role = 'tagana' AND regency_code = '13.71'`, code); got != int64(3) {
		t.Errorf("active invited volunteers = %v, want 3", got)
	}
	m.noErrors()
}

func TestExpiredAndUsedUpInvites(t *testing.T) {
	m := startMitra(t, withAdmins(adminUser.ID))
	m.register(adminUser, "Rahmat Hidayat", "TKSK")
	code := m.newInvite(adminUser)
	ctx := context.Background()

	if _, err := m.db.Exec(ctx, `UPDATE invites SET expires_at = now() - interval '1 minute' WHERE code = $1`, code); err != nil {
		t.Fatal(err)
	}
	late := faketelegram.User{ID: 8101, FirstName: "Telat", LanguageCode: "id"}
	m.say(late, "/start "+code)
	if !strings.Contains(m.tg.Transcript(late.ID), "sudah kedaluwarsa") {
		t.Fatalf("expired link not explained:\n%s", m.tg.Transcript(late.ID))
	}
	m.expect(late, "nama lengkap") // normal registration goes on

	code2 := m.newInvite(adminUser)
	if _, err := m.db.Exec(ctx, `UPDATE invites SET uses = max_uses WHERE code = $1`, code2); err != nil {
		t.Fatal(err)
	}
	full := faketelegram.User{ID: 8102, FirstName: "Penuh", LanguageCode: "id"}
	m.say(full, "/start "+code2)
	if !strings.Contains(m.tg.Transcript(full.ID), "Kuota tautan undangan ini sudah habis") {
		t.Fatalf("used-up link not explained:\n%s", m.tg.Transcript(full.ID))
	}

	unknown := faketelegram.User{ID: 8103, FirstName: "Asal", LanguageCode: "id"}
	m.say(unknown, "/start bukanKode123")
	if !strings.Contains(m.tg.Transcript(unknown.ID), "tidak dikenal") {
		t.Fatalf("unknown code not explained:\n%s", m.tg.Transcript(unknown.ID))
	}
	m.noErrors()
}

func TestOnlyCoordinatorsInviteAndOnlyAdminsAppoint(t *testing.T) {
	m := startMitra(t, withAdmins(adminUser.ID))
	m.register(adminUser, "Rahmat Hidayat", "TKSK")
	m.register(budi, "Budi Santoso", "PSM")
	m.press(adminUser, "Setujui")
	m.say(budi, "/undang")
	m.expect(budi, "khusus koordinator")
	m.say(budi, "/koordinator")
	m.expect(budi, "khusus admin")
	m.say(budi, "/bantuan")
	if strings.Contains(m.last(budi), "/undang") {
		t.Errorf("help offers /undang to a plain volunteer: %q", m.last(budi))
	}
	m.noErrors()
}
