package main

import (
	"context"
	"strings"
	"testing"
	"time"
)

// fileReport walks Budi through /lapor up to the review card.
func (m *mitra) fileReportToReview() {
	m.t.Helper()
	m.say(budi, "/lapor")
	m.expect(budi, "Langkah 1/")
	m.press(budi, "Banjir")
	m.press(budi, "Kemarin") // today's 14.30 may be ahead when the test runs
	m.say(budi, "14.30")
	m.tg.WaitProcessed(m.tg.SendLocation(budi, -0.9492, 100.3543))
	m.expect(budi, "Desa/kelurahan mana")
	m.say(budi, "alang") // a part of the name lists the matches
	m.press(budi, "Alang Laweh")
	m.say(budi, "0 2 ? 10")
	m.press(budi, "Tidak tahu")
	m.say(budi, "10, 40")
	m.say(budi, "2 5 10 40")
	m.press(budi, "Lansia")
	m.press(budi, "Anak")
	m.press(budi, "Selesai")
	m.say(budi, "1 3")
	m.press(budi, "Lewati")
	for _, id := range m.tg.SendAlbum(budi, 3) {
		m.tg.WaitProcessed(id)
	}
	m.press(budi, "Selesai")
	m.say(budi, "Air naik cepat <setinggi dada> & arus deras")
	m.expect(budi, "Periksa sebelum dikirim")
}

func TestReportFromFieldToCoordinator(t *testing.T) {
	m := fieldTeam(t)
	m.fileReportToReview()
	review := m.last(budi)
	for _, want := range []string{"Banjir", "meninggal 0 · hilang 2 · luka berat tidak tahu · luka ringan 10", "Lansia, Anak", "3 foto", "<setinggi dada> & arus"} {
		if !strings.Contains(review, want) {
			t.Errorf("review card lacks %q:\n%s", want, review)
		}
	}
	// Change one field from the review card.
	m.press(budi, "Ubah")
	m.press(budi, "Korban")
	m.say(budi, "1 2 ? 10")
	m.expect(budi, "Periksa sebelum dikirim")
	m.expect(budi, "meninggal 1")

	kirim := m.lastWithButton(budi, "Kirim")
	data := m.buttonData(budi, kirim, "Kirim")
	m.pressOn(budi, kirim, "✅ Kirim")
	m.expect(budi, "Laporan LAP-")
	// A double tap on the same card creates nothing more.
	m.tg.WaitProcessed(m.tg.PressData(budi, kirim, data))
	if got := m.scalar(`SELECT count(*) FROM emergency_reports`); got != int64(1) {
		t.Fatalf("reports = %v, want 1", got)
	}
	var dead, missing *int32
	var severe *int32
	var groups []string
	var photos []string
	if err := m.db.QueryRow(context.Background(),
		`SELECT dead, missing, severely_injured, vulnerable_groups, photo_file_ids FROM emergency_reports`).Scan(&dead, &missing, &severe, &groups, &photos); err != nil {
		t.Fatal(err)
	}
	if dead == nil || *dead != 1 || missing == nil || *missing != 2 || severe != nil || len(groups) != 2 || len(photos) != 3 {
		t.Errorf("stored dead=%v missing=%v severe=%v groups=%v photos=%d", dead, missing, severe, groups, len(photos))
	}

	// The coordinator has the alert with the pin and the photos.
	alert := m.lastWithButton(siti, "Ditangani")
	transcript := m.tg.Transcript(siti.ID)
	if !strings.Contains(transcript, "LAPORAN KEJADIAN LAP-") || !strings.Contains(transcript, "Alang Laweh") {
		t.Fatalf("coordinator alert missing:\n%s", transcript)
	}
	var pins int
	for _, msg := range m.tg.Messages(siti.ID) {
		if msg.Location != nil {
			pins++
		}
	}
	if pins != 1 {
		t.Errorf("coordinator got %d location pins, want 1", pins)
	}
	if albums := m.tg.Calls("sendMediaGroup"); len(albums) != 1 {
		t.Errorf("coordinator got %d photo albums, want 1", len(albums))
	}
	m.pressOn(siti, alert, "🙋 Ditangani")
	m.expect(budi, "ditangani oleh Siti Aminah")
	if got := m.scalar(`SELECT status FROM emergency_reports`); got != "handled" {
		t.Errorf("status = %v", got)
	}
	m.noErrors()
	t.Log("\n" + m.tg.Transcript(budi.ID))
}

func TestReportUpdateShowsWhatChanged(t *testing.T) {
	m := fieldTeam(t)
	m.fileReportToReview()
	m.press(budi, "Kirim")
	m.say(budi, "/lapor")
	m.press(budi, "Perbarui LAP-")
	m.press(budi, "Korban")
	m.press(budi, "Selesai")
	m.say(budi, "3 2 ? 10")
	m.press(budi, "Kirim")
	m.expect(budi, "Pembaruan laporan")
	m.expect(siti, "PEMBARUAN LAP-")
	m.expect(siti, "Meninggal: 0 → 3")
	if got := m.scalar(`SELECT dead FROM emergency_reports`); got != int32(3) {
		t.Errorf("dead = %v, want 3", got)
	}
	m.noErrors()
}

func TestReportSurvivesPostgresOutageAtSubmit(t *testing.T) {
	m := fieldTeam(t)
	m.fileReportToReview()
	ctx := context.Background()
	var dbName string
	if err := m.db.QueryRow(ctx, `SELECT current_database()`).Scan(&dbName); err != nil {
		t.Fatal(err)
	}
	admin := openPool(t, strings.Replace(m.cfg.DatabaseURL, "/"+dbName, "/postgres", 1))
	if _, err := admin.Exec(ctx, `ALTER DATABASE "`+dbName+`" ALLOW_CONNECTIONS false`); err != nil {
		t.Fatal(err)
	}
	if _, err := admin.Exec(ctx, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, dbName); err != nil {
		t.Fatal(err)
	}
	m.press(budi, "Kirim")
	m.expect(budi, "aman tersimpan")

	if _, err := admin.Exec(ctx, `ALTER DATABASE "`+dbName+`" ALLOW_CONNECTIONS true`); err != nil {
		t.Fatal(err)
	}
	m.press(budi, "Kirim")
	m.expect(budi, "Laporan LAP-")
	m.db.Reset() // its connections were terminated with everyone else's
	if got := m.scalar(`SELECT count(*) FROM emergency_reports`); got != int64(1) {
		t.Fatalf("reports = %v, want exactly 1", got)
	}
	m.noErrors()
}

// A volunteer in a flood types answers the way people talk, not the way
// the hints say; each is read as meant and stored so.
func TestReportReadsAnswersAsVolunteersTypeThem(t *testing.T) {
	m := fieldTeam(t)
	for _, text := range []string{
		"/lapor", "longsor", "kemarin sore", "jam 3 sore", "lewati", "alang", "1",
		"2 meninggal 1 hilang", "50 kk 200 jiwa", "tidak ada", "rumah rusak berat 3, terendam 40",
		"lansia, balita", "makanan, air bersih", "evakuasi", "lewati", "Jalan putus",
	} {
		m.say(budi, text)
	}
	m.expect(budi, "Periksa sebelum dikirim")
	m.press(budi, "Kirim")
	m.expect(budi, "Laporan LAP-")

	var occurred time.Time
	var at string
	var dead, missing, severe, affectedKK, affectedPeople, displacedKK, housesHeavy, housesFlooded *int32
	var groups, needs []string
	if err := m.db.QueryRow(context.Background(), `SELECT occurred_on, occurred_time::text, dead, missing, severely_injured,
		affected_kk, affected_people, displaced_kk, houses_heavy, houses_flooded, vulnerable_groups, urgent_needs
		FROM emergency_reports`).Scan(&occurred, &at, &dead, &missing, &severe, &affectedKK, &affectedPeople,
		&displacedKK, &housesHeavy, &housesFlooded, &groups, &needs); err != nil {
		t.Fatal(err)
	}
	jakarta, _ := time.LoadLocation("Asia/Jakarta")
	if occurred.Format("2006-01-02") != time.Now().In(jakarta).AddDate(0, 0, -1).Format("2006-01-02") || at != "15.00" {
		t.Errorf("occurred %s at %s, want yesterday at 15.00", occurred.Format("2006-01-02"), at)
	}
	counts := map[string]*int32{"dead": dead, "missing": missing, "affected_kk": affectedKK, "affected_people": affectedPeople,
		"displaced_kk": displacedKK, "houses_heavy": housesHeavy, "houses_flooded": housesFlooded}
	want := map[string]int32{"dead": 2, "missing": 1, "affected_kk": 50, "affected_people": 200, "displaced_kk": 0, "houses_heavy": 3, "houses_flooded": 40}
	for name, got := range counts {
		if got == nil || *got != want[name] {
			t.Errorf("%s = %v, want %d", name, got, want[name])
		}
	}
	if severe != nil {
		t.Errorf("severely_injured = %d, want unknown (not typed)", *severe)
	}
	if len(groups) != 2 || len(needs) != 2 {
		t.Errorf("vulnerable groups %v, urgent needs %v; want two of each", groups, needs)
	}
	m.noErrors()
}

// A volunteer at the scene sends the pin and the photos before anything
// else: both are kept for their questions, which are then not asked.
func TestReportKeepsAPinAndPhotosSentFirst(t *testing.T) {
	m := fieldTeam(t)
	m.say(budi, "/lapor")
	m.tg.WaitProcessed(m.tg.SendLocation(budi, -0.9492, 100.3543))
	m.expect(budi, "Lokasi disimpan")
	for _, id := range m.tg.SendAlbum(budi, 3) {
		m.tg.WaitProcessed(id)
	}
	m.expect(budi, "Foto disimpan")
	m.tg.WaitProcessed(m.tg.SendPhoto(budi, "Jembatan <Batang Arau> putus"))
	for _, text := range []string{"banjir", "kemarin", "lewati", "alang", "1", "tidak tahu", "tidak tahu", "tidak tahu", "tidak tahu", "lewati", "lewati", "lewati", "lewati"} {
		m.say(budi, text)
	}
	m.expect(budi, "Periksa sebelum dikirim")
	review := m.last(budi)
	if !strings.Contains(review, "📍 -0.94920, 100.35430") || !strings.Contains(review, "4 foto — Jembatan <Batang Arau> putus") {
		t.Errorf("review lacks the early pin or photos:\n%s", review)
	}
	m.press(budi, "Kirim")
	m.expect(budi, "Laporan LAP-")
	var photos []string
	var lat *float64
	var notes string
	if err := m.db.QueryRow(context.Background(), `SELECT photo_file_ids, latitude, notes FROM emergency_reports`).Scan(&photos, &lat, &notes); err != nil {
		t.Fatal(err)
	}
	if len(photos) != 4 || lat == nil || notes != "Keterangan foto: Jembatan <Batang Arau> putus" {
		t.Errorf("stored %d photos, latitude %v, notes %q; want 4, the pin and the caption", len(photos), lat, notes)
	}
	transcript := m.tg.Transcript(budi.ID)
	if n := strings.Count(transcript, "Foto disimpan"); n != 2 {
		t.Errorf("an album of 3 and a photo got %d notes, want 2:\n%s", n, transcript)
	}
	if strings.Contains(transcript, "Ada foto kejadian") || strings.Contains(transcript, "Di mana lokasinya") {
		t.Errorf("the photo or location question was asked after being answered early:\n%s", transcript)
	}
	m.noErrors()
}

// The /lapor menu (update an open report, or a new one) reads typed
// answers like every other question.
func TestReportMenuTakesTypedChoices(t *testing.T) {
	m := fieldTeam(t)
	m.fileReportToReview()
	m.press(budi, "Kirim")
	m.say(budi, "/lapor")
	m.expect(budi, "Perbarui salah satunya")
	// retired checks that the menu lost its buttons once it was answered.
	retired := func(menu int, after string) {
		t.Helper()
		for _, msg := range m.tg.Messages(budi.ID) {
			if msg.ID == menu && len(msg.Buttons) != 0 {
				t.Errorf("the menu kept its buttons after %s: %+v", after, msg.Buttons)
			}
		}
	}
	menu := m.lastWithButton(budi, "Laporan baru")
	m.say(budi, "baru")
	m.expect(budi, "Kejadian apa?")
	retired(menu, "a typed choice")
	m.say(budi, "/batal") // nothing answered yet: no confirmation needed
	m.say(budi, "/lapor")
	m.say(budi, "1")
	m.expect(budi, "Memperbarui laporan LAP-")

	// A menu is not a form: another command replaces it.
	m.say(budi, "/batal")
	m.say(budi, "/lapor")
	menu = m.lastWithButton(budi, "Laporan baru")
	m.say(budi, "/daftar")
	m.expect(budi, "Kriteria kesejahteraan")
	retired(menu, "another command")
	m.noErrors()
}

// A village typed exactly at the location question is taken at once and
// confirmed once, on the message that removes the location keyboard.
func TestReportLocationTakesAVillageTypedExactly(t *testing.T) {
	m := fieldTeam(t)
	for _, text := range []string{"/lapor", "banjir", "kemarin", "lewati", "alang laweh"} {
		m.say(budi, text)
	}
	m.expect(budi, "korban jiwa")
	if n := strings.Count(m.tg.Transcript(budi.ID), "✅ Alang Laweh, Kec. Padang Selatan"); n != 1 {
		t.Errorf("the village was confirmed %d times, want once:\n%s", n, m.tg.Transcript(budi.ID))
	}
	m.noErrors()
}
