package main

import (
	"strings"
	"testing"

	"github.com/mitra-id/mitra/bot/faketelegram"
)

// fieldTeam is Kota Padang with an admin, a coordinator (Siti) and an
// approved Tagana volunteer (Budi).
func fieldTeam(t *testing.T) *mitra {
	t.Helper()
	m := startMitra(t, withAdmins(adminUser.ID))
	m.register(adminUser, "Rahmat Hidayat", "TKSK")
	m.register(siti, "Siti Aminah", "Pendamping PKH")
	m.press(adminUser, "Setujui")
	m.appointCoordinator(siti, "Siti Aminah")
	m.register(budi, "Budi Santoso", "Tagana")
	m.press(siti, "Setujui")
	m.expect(budi, "sudah disetujui")
	return m
}

// pressData taps a button by its data on the newest message carrying it,
// for replaying an old keyboard.
func (m *mitra) pressOn(u faketelegram.User, messageID int, label string) {
	m.t.Helper()
	m.tg.WaitProcessed(m.tg.Press(u, messageID, label))
}

// lastWithButton is the id of the newest message in u's chat that has a
// button labelled label.
func (m *mitra) lastWithButton(u faketelegram.User, label string) int {
	m.t.Helper()
	msgs := m.tg.Messages(u.ID)
	for i := len(msgs) - 1; i >= 0; i-- {
		for _, row := range msgs[i].Buttons {
			for _, b := range row {
				if b.Text == label || strings.Contains(b.Text, label) {
					return msgs[i].ID
				}
			}
		}
	}
	m.t.Fatalf("no message with button %q", label)
	return 0
}

// buttonData is the callback data of a button, to replay it later.
func (m *mitra) buttonData(u faketelegram.User, messageID int, label string) string {
	m.t.Helper()
	for _, msg := range m.tg.Messages(u.ID) {
		if msg.ID != messageID {
			continue
		}
		for _, row := range msg.Buttons {
			for _, b := range row {
				if strings.Contains(b.Text, label) {
					return b.CallbackData
				}
			}
		}
	}
	m.t.Fatalf("no button %q on message %d", label, messageID)
	return ""
}
