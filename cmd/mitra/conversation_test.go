package main

import (
	"strings"
	"testing"
	"time"

	"github.com/mitra-id/mitra/bot/faketelegram"
)

func TestCancelAsksBeforeThrowingAnswersAway(t *testing.T) {
	m := fieldTeam(t)
	m.say(budi, "/kunjungan")
	m.press(budi, "KPM PKH")
	m.say(budi, "Ibu Yusnimar")
	m.say(budi, "/batal")
	m.expect(budi, "Batalkan Kunjungan Lapangan?")
	m.press(budi, "Tidak, lanjutkan")
	m.expect(budi, "Tujuan kunjungan")
	m.say(budi, "/batal")
	m.press(budi, "Ya, batalkan")
	m.expect(budi, "Dibatalkan")
	m.say(budi, "halo")
	m.expect(budi, "Yang bisa Anda lakukan") // no form is open any more
	m.noErrors()
}

func TestReturningVolunteerIsRemindedOfTheOpenForm(t *testing.T) {
	m := fieldTeam(t)
	m.say(budi, "/kunjungan")
	m.press(budi, "KPM PKH")
	// The next message is written a day later.
	m.tg.WaitProcessed(m.tg.SendTextAt(budi, "Ibu Yusnimar", time.Now().Add(25*time.Hour)))
	m.expect(budi, "masih punya formulir Kunjungan Lapangan yang belum selesai")
	m.expect(budi, "Pesan yang baru Anda kirim dipakai sebagai jawabannya")
	m.press(budi, "Lanjutkan")
	// The held message answered the question it was written for.
	m.expect(budi, "Tujuan kunjungan")
	m.noErrors()
}

// A burst typed offline a day after the form was left: one reminder, and
// continuing applies every message to its own question in order, so no
// answer lands on the wrong question.
func TestOfflineBurstAfterADayAwayIsHeldBehindTheReminder(t *testing.T) {
	m := fieldTeam(t)
	m.say(budi, "/kunjungan")
	m.press(budi, "KPM PKH")
	before := len(m.tg.Messages(budi.ID))
	typed := time.Now().Add(25 * time.Hour)
	var last int64
	for i, text := range []string{"Ibu Yusnimar", "1"} {
		last = m.tg.SendTextAt(budi, text, typed.Add(time.Duration(i)*time.Minute))
	}
	m.tg.WaitProcessed(last)
	if reminders := m.countSince(budi, before, "masih punya formulir"); reminders != 1 {
		t.Fatalf("%d reminders for one burst, want 1:\n%s", reminders, m.tg.Transcript(budi.ID))
	}
	m.press(budi, "Lanjutkan")
	m.expect(budi, "Tanggal kunjungan")
	msgs := m.tg.Messages(budi.ID)
	var purpose, date *faketelegram.Message
	for i := range msgs {
		switch {
		case strings.Contains(msgs[i].Text, "Tujuan kunjungan?"):
			purpose = &msgs[i]
		case strings.Contains(msgs[i].Text, "Tanggal kunjungan?"):
			date = &msgs[i]
		}
	}
	if purpose == nil || len(purpose.Buttons) != 0 {
		t.Errorf("the purpose question, answered from the burst, should be shown without buttons:\n%s", m.tg.Transcript(budi.ID))
	}
	if date == nil || len(date.Buttons) == 0 {
		t.Errorf("the date question, now waiting, should keep its buttons:\n%s", m.tg.Transcript(budi.ID))
	}
	m.press(budi, "Hari ini")
	m.press(budi, "Selesai")
	m.expect(budi, "Temuan")
	m.noErrors()
}

// Cancelling at the reminder drops the form and the messages held behind it.
func TestCancelAtTheReminderDropsTheHeldMessages(t *testing.T) {
	m := fieldTeam(t)
	m.say(budi, "/kunjungan")
	m.press(budi, "KPM PKH")
	m.tg.WaitProcessed(m.tg.SendTextAt(budi, "lapor banjir", time.Now().Add(25*time.Hour)))
	m.press(budi, "Ya, batalkan")
	m.expect(budi, "Dibatalkan")
	m.say(budi, "halo")
	m.expect(budi, "Yang bisa Anda lakukan")
	m.noErrors()
}

func TestFieldFlowsExplainWrongInput(t *testing.T) {
	m := fieldTeam(t)
	m.say(budi, "/lapor")
	m.press(budi, "Banjir")
	steps := []struct {
		do   func()
		want string
	}{
		{func() { m.say(budi, "waktu hujan deras") }, "Tanggalnya belum terbaca"},
		{func() { m.say(budi, "31/02/2026") }, "Tanggalnya belum terbaca"},
		{func() { m.say(budi, "1/1/2099") }, "belum terjadi"},
		{func() { m.say(budi, "kemarin") }, "Sekitar jam berapa"},
		{func() { m.say(budi, "25.99") }, "Jamnya belum terbaca"},
		{func() { m.say(budi, "lewati") }, "Di mana lokasinya"},
		{func() { m.tg.WaitProcessed(m.tg.SendVoice(budi)) }, "ketik nama desa/kelurahan, atau ketik “lewati”"},
		{func() { m.say(budi, "lewati") }, "Desa/kelurahan mana"},
		{func() { m.say(budi, "alang") }, "Pilih yang sesuai"},
		{func() { m.say(budi, "1") }, "korban jiwa"},
		{func() { m.say(budi, "1 2 3") }, "Perlu 4 angka"},
		{func() { m.say(budi, "-1 0 0 0") }, "negatif"},
		{func() { m.say(budi, "tidak tahu") }, "terdampak"},
		{func() { m.tg.WaitProcessed(m.tg.SendSticker(budi)) }, "Stiker"},
	}
	for i, s := range steps {
		s.do()
		if got := m.last(budi); !strings.Contains(got, s.want) {
			t.Fatalf("step %d: last message %q, want %q\n%s", i, got, s.want, m.tg.Transcript(budi.ID))
		}
	}
	m.noErrors()
}

// A reminder left unanswered comes back with the next message, which is
// held too; continuing then applies both in order.
func TestUnansweredReminderComesBackAndKeepsEveryMessage(t *testing.T) {
	m := fieldTeam(t)
	m.say(budi, "/kunjungan")
	m.press(budi, "KPM PKH")
	dayLater := time.Now().Add(25 * time.Hour)
	m.tg.WaitProcessed(m.tg.SendTextAt(budi, "Ibu Yusnimar", dayLater))
	m.expect(budi, "masih punya formulir")
	m.ageConversation(budi.ID, 2*time.Minute) // the reminder sits unanswered
	m.tg.WaitProcessed(m.tg.SendTextAt(budi, "1", dayLater.Add(2*time.Minute)))
	if reminders := m.countSince(budi, 0, "masih punya formulir"); reminders != 2 {
		t.Fatalf("%d reminders, want the first and one more:\n%s", reminders, m.tg.Transcript(budi.ID))
	}
	m.press(budi, "Lanjutkan")
	m.expect(budi, "Tanggal kunjungan")
	m.noErrors()
}
