package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mitra-id/mitra/bot/faketelegram"
)

const testNIK = "1371014101850001" // Padang Selatan, female, born 01/01/1985

// registerPerson walks u through /daftar for testNIK up to the review card.
func (m *mitra) registerPersonToReview(u faketelegram.User) {
	m.t.Helper()
	m.say(u, "/daftar")
	m.press(u, "Kemiskinan")
	m.press(u, "Fakir miskin")
	m.say(u, "1371 0141 0185 0001")
	m.say(u, "Nurhayati")
	m.say(u, "Padang")
	m.press(u, "✅ 01/01/1985")
	m.press(u, "✅ Perempuan")
	m.say(u, "1371010202100003")
	m.say(u, "Rosmaniar")
	m.press(u, "Kepala keluarga")
	m.press(u, "Cerai mati")
	m.say(u, "alang") // a part of the name lists the matches
	m.press(u, "Alang Laweh")
	m.say(u, "3/5")
	m.say(u, "Jl. Batang Arau No. 5")
	m.say(u, "Buruh cuci")
	m.say(u, "Janda lansia tinggal sendiri, rumah papan bocor.")
	m.press(u, "Lewati")
	m.say(u, "Lewati ➡️")
	m.expect(u, "Periksa sebelum dikirim")
}

func TestRegistrationMasksNIKAndRefusesDuplicates(t *testing.T) {
	m := fieldTeam(t)
	m.registerPersonToReview(budi)
	review := m.last(budi)
	if !strings.Contains(review, "1371********0001") || strings.Contains(review, testNIK) {
		t.Fatalf("review must show the NIK masked only:\n%s", review)
	}
	m.press(budi, "Kirim")
	m.expect(budi, "Usulan REG-")
	for i, msg := range m.tg.Messages(budi.ID) {
		if strings.Contains(strings.ReplaceAll(msg.Text, " ", ""), testNIK) {
			t.Errorf("bot message %d shows the full NIK: %q", i, msg.Text)
		}
	}
	var rt, rw, nikRegion, birthCheck string
	if err := m.db.QueryRow(context.Background(),
		`SELECT rt, rw, nik_region_check, nik_birth_check FROM registrations WHERE nik = $1`, testNIK).Scan(&rt, &rw, &nikRegion, &birthCheck); err != nil {
		t.Fatal(err)
	}
	if rt != "003" || rw != "005" || nikRegion != "match" || birthCheck != "match" {
		t.Errorf("stored rt=%q rw=%q region=%q birth=%q", rt, rw, nikRegion, birthCheck)
	}

	// The coordinator tries to register the same person: refused with the
	// code, and offered a visit instead.
	m.say(siti, "/daftar")
	m.press(siti, "Kemiskinan")
	m.press(siti, "Fakir miskin")
	m.say(siti, testNIK)
	m.expect(siti, "sudah terdaftar di Mitra: REG-")
	m.expect(siti, "Nurhayati") // same kabupaten/kota: the name may be shown
	m.press(siti, "Catat kunjungan ke warga ini")
	m.expect(siti, "Tujuan kunjungan")
	if got := m.scalar(`SELECT count(*) FROM registrations`); got != int64(1) {
		t.Errorf("registrations = %v, want 1", got)
	}
	m.noErrors()
	// Personal data and the token never reach the logs, even at debug level.
	m.neverLogged(testNIK, "1371010202100003", "+62812345002", "812345002", m.cfg.TelegramToken)
}

func TestRegistrationWarnsButAcceptsNIKMismatch(t *testing.T) {
	m := fieldTeam(t)
	m.say(budi, "/daftar")
	m.press(budi, "Kemiskinan")
	m.press(budi, "Fakir miskin")
	m.say(budi, "137101410185")
	m.expect(budi, "NIK harus 16 angka; yang Anda ketik 12 angka")
	m.say(budi, "1371013201850001")
	m.expect(budi, "tanggal lahir di NIK")
	m.say(budi, testNIK)
	m.say(budi, "Nurhayati")
	m.say(budi, "Padang")
	m.say(budi, "02/01/1985")
	m.expect(budi, "berbeda dengan yang tertulis di NIK")
	m.press(budi, "Ya, benar")
	m.expect(budi, "Jenis kelamin")
	m.noErrors()
}

// The review card and the visit's "warga terdaftar" work by typing too:
// "ubah pekerjaan" reopens that answer, and a NIK typed in groups finds the
// person registered a moment ago.
func TestReviewEditAndVisitLookupByTyping(t *testing.T) {
	m := fieldTeam(t)
	m.registerPersonToReview(budi)
	m.say(budi, "ubah pekerjaan")
	m.expect(budi, "Pekerjaan?")
	m.say(budi, "Pedagang sayur")
	m.expect(budi, "Pekerjaan: Pedagang sayur")
	m.say(budi, "kirim")
	m.expect(budi, "Usulan REG-")
	if got := m.scalar(`SELECT occupation FROM registrations`); got != "Pedagang sayur" {
		t.Errorf("occupation = %v, want the edited answer", got)
	}

	m.say(budi, "/kunjungan")
	m.say(budi, "warga")
	m.say(budi, "1371 0141 0185 9999")
	m.expect(budi, "Tidak ada usulan dengan kode atau NIK")
	m.say(budi, "1371 0141 0185 0001")
	m.expect(budi, "✅ REG-")
	m.expect(budi, "Tujuan kunjungan")
	m.noErrors()
	m.neverLogged(testNIK, "1371014101859999")
}

// An offline burst that runs into a warning (the birth date differs from
// the NIK) waits behind it; confirmed, the rest of the burst answers the
// questions after it instead of being refused at the warned one.
func TestOfflineBurstWaitsBehindAWarning(t *testing.T) {
	m := fieldTeam(t)
	m.say(budi, "/daftar")
	m.press(budi, "Kemiskinan")
	m.press(budi, "Fakir miskin")
	typed := time.Now().Add(-10 * time.Minute)
	var last int64
	for i, text := range []string{testNIK, "Nurhayati", "Padang", "02/01/1985", "perempuan", "1371010202100003", "Rosmaniar"} {
		last = m.tg.SendTextAt(budi, text, typed.Add(time.Duration(i)*time.Second))
	}
	m.tg.WaitProcessed(last)
	transcript := m.tg.Transcript(budi.ID)
	if strings.Count(transcript, "Jawab dulu peringatan") != 1 || strings.Contains(transcript, "belum terbaca") {
		t.Fatalf("the burst behind the warning should get one note and no refusals:\n%s", transcript)
	}
	m.press(budi, "Ya, benar")
	m.expect(budi, "Hubungan dalam keluarga")
	if got := m.last(budi); !strings.Contains(got, "Langkah 10/") {
		t.Errorf("after the burst: %q, want the relationship question (step 10)", got)
	}
	m.noErrors()
}
