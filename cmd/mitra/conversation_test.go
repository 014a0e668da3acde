package main

import (
	"strings"
	"testing"
	"time"
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
	m.press(budi, "Lanjutkan")
	m.expect(budi, "Nama pengurus KPM")
	m.say(budi, "Ibu Yusnimar")
	m.expect(budi, "Tujuan kunjungan")
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
		{func() { m.say(budi, "alang laweh") }, "Pilih yang sesuai"},
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
