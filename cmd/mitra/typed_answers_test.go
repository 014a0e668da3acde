package main

import (
	"context"
	"slices"
	"testing"
)

// A volunteer who never taps a button: every answer of /daftar and
// /kunjungan typed the way people say it, and each lands as meant.
func TestRegistrationAndVisitFromTypedAnswersOnly(t *testing.T) {
	m := fieldTeam(t)
	for _, text := range []string{
		"/daftar", "lansia", "ya", "1371 0141 0185 0001", "Nurhayati", "Padang",
		"ya", "ya", "1371010202100003", "tidak tahu", "ya", "kepala keluarga", "janda mati",
		"alang laweh", "RT 3 RW 5", "lewati", "tidak bekerja", "Tinggal sendiri, rumah bocor", "lewati", "lewati",
	} {
		m.say(budi, text)
	}
	m.expect(budi, "Periksa sebelum dikirim")
	m.say(budi, "kirim")
	m.expect(budi, "Usulan REG-")

	var category, mother, marital, village string
	if err := m.db.QueryRow(context.Background(),
		`SELECT category, mother_name, marital_status, village_code FROM registrations`).Scan(&category, &mother, &marital, &village); err != nil {
		t.Fatal(err)
	}
	if category != "lansia_terlantar" || mother != "" || marital != "cerai_mati" || village == "" {
		t.Errorf("stored category=%q mother=%q marital=%q village=%q", category, mother, marital, village)
	}

	for _, text := range []string{
		"/kunjungan", "panti", "ya", "Panti Asuhan Aisyiyah", "monev", "kemarin", "selesai",
		"Anak asuh 34 orang, 2 sakit", "lewati", "lewati", "makanan, pendidikan", "donatur", "lewati", "lewati",
	} {
		m.say(budi, text)
	}
	m.expect(budi, "Periksa sebelum dikirim")
	m.say(budi, "kirim")
	m.expect(budi, "KNJ-")

	var kind, lksType string
	var needs, funding []string
	if err := m.db.QueryRow(context.Background(),
		`SELECT target_kind, lks_type, lks_needs, funding_sources FROM visits`).Scan(&kind, &lksType, &needs, &funding); err != nil {
		t.Fatal(err)
	}
	if kind != "lks" || lksType != "lksa" || !slices.Equal(needs, []string{"pangan", "pendidikan"}) || !slices.Equal(funding, []string{"donatur"}) {
		t.Errorf("stored kind=%q lks=%q needs=%v funding=%v", kind, lksType, needs, funding)
	}
	m.noErrors()
}
