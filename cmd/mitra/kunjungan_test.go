package main

import (
	"context"
	"strings"
	"testing"
	"time"
)

func TestRescheduledVisitCreatesReminder(t *testing.T) {
	m := fieldTeam(t)
	m.say(budi, "/kunjungan")
	m.press(budi, "KPM PKH")
	m.say(budi, "Ibu Yusnimar")
	m.press(budi, "Verifikasi komitmen")
	m.press(budi, "Hari ini")
	m.press(budi, "Dijadwalkan ulang")
	m.restart() // a deploy in the middle of the form
	m.expect(budi, "Kapan kunjungan ulangnya")
	m.say(budi, "kemarin")
	m.expect(budi, "sudah lewat")
	m.press(budi, "Besok")
	m.say(budi, "Warga sedang ke pasar")
	m.say(budi, "Anak kedua tidak sekolah sejak Oktober")
	m.press(budi, "Lewati")
	m.press(budi, "Lewati")
	m.press(budi, "Lewati")
	m.say(budi, "lewati")
	m.expect(budi, "Periksa sebelum dikirim")
	m.press(budi, "Kirim")
	m.expect(budi, "Pengingat kunjungan ulang")

	var due time.Time
	if err := m.db.QueryRow(context.Background(), `SELECT due_at FROM reminders WHERE status = 'pending'`).Scan(&due); err != nil {
		t.Fatal(err)
	}
	jakarta, _ := time.LoadLocation("Asia/Jakarta")
	tomorrow := time.Now().In(jakarta).AddDate(0, 0, 1)
	if d := due.In(jakarta); d.Day() != tomorrow.Day() || d.Hour() != 7 {
		t.Errorf("reminder due %v, want tomorrow 07:00 WIB", d)
	}
	m.say(budi, "/jadwal")
	m.expect(budi, "Ibu Yusnimar")

	// Checking the schedule in the middle of the next visit keeps that form.
	m.say(budi, "/kunjungan")
	m.press(budi, "KPM PKH")
	m.say(budi, "/jadwal")
	msgs := m.tg.Messages(budi.ID)
	if len(msgs) < 2 || !strings.Contains(msgs[len(msgs)-2].Text, "Ibu Yusnimar") {
		t.Fatalf("/jadwal mid-form did not list the visit:\n%s", m.tg.Transcript(budi.ID))
	}
	m.expect(budi, "Nama pengurus KPM")
	m.say(budi, "Ibu Ani")
	m.expect(budi, "Tujuan kunjungan")
	m.noErrors()
}

func TestOfflineBurstIsAppliedInOrder(t *testing.T) {
	m := fieldTeam(t)
	m.say(budi, "/kunjungan")
	typed := time.Now().Add(-3 * time.Hour)
	var last int64
	for i, text := range []string{"1", "Ibu Yusnimar", "1", "kemarin", "1", "Anak kedua tidak sekolah", "lewati", "lewati"} {
		last = m.tg.SendTextAt(budi, text, typed.Add(time.Duration(i)*time.Minute))
	}
	m.tg.WaitProcessed(last)
	m.expect(budi, "Foto kunjungan")
	m.press(budi, "Lewati")
	m.say(budi, "lewati")
	m.press(budi, "Kirim")
	var visited time.Time
	var findings string
	if err := m.db.QueryRow(context.Background(), `SELECT visited_on, findings FROM visits`).Scan(&visited, &findings); err != nil {
		t.Fatal(err)
	}
	// "kemarin" is the day before the message was typed, in WIB.
	jakarta, _ := time.LoadLocation("Asia/Jakarta")
	yesterday := typed.In(jakarta).AddDate(0, 0, -1).Format("2006-01-02")
	if findings != "Anak kedua tidak sekolah" || visited.Format("2006-01-02") != yesterday {
		t.Errorf("stored visited=%v findings=%q, want %s", visited, findings, yesterday)
	}
	m.noErrors()
}

func TestStaleButtonsChangeNothing(t *testing.T) {
	m := fieldTeam(t)
	m.say(budi, "/kunjungan")
	first := m.lastWithButton(budi, "Lainnya")
	stale := m.buttonData(budi, first, "Lainnya")
	m.press(budi, "KPM PKH")
	m.say(budi, "Ibu Yusnimar")
	before := len(m.tg.Messages(budi.ID))
	m.tg.WaitProcessed(m.tg.PressData(budi, first, stale))
	if len(m.tg.Messages(budi.ID)) != before {
		t.Errorf("a stale button sent messages:\n%s", m.tg.Transcript(budi.ID))
	}
	m.expect(budi, "Tujuan kunjungan")
	m.noErrors()
}
