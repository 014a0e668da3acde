package store_test

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mitra-id/mitra/flows"
	"github.com/mitra-id/mitra/store"
)

// nikSiti is the NIK of a woman born 12 March 1956, first registered in
// Padang Selatan (137101; day 12 + 40 for women).
const nikSiti = "1371015203560001"

// personRegistration is a complete proposal for Ibu Siti from Belakang
// Pondok.
func personRegistration(volunteerID int64, submissionID, nik string) flows.Registration {
	return flows.Registration{
		SubmissionID:  submissionID,
		VolunteerID:   volunteerID,
		Criterion:     "kemiskinan",
		Category:      "lanjut_usia_terlantar",
		NIK:           nik,
		Name:          "Siti Aminah",
		BirthPlace:    "Padang",
		BirthDate:     time.Date(1956, 3, 12, 0, 0, 0, 0, wib),
		Female:        true,
		KK:            "1371012003080004",
		MotherName:    "Rahmah",
		Relationship:  "kepala_keluarga",
		MaritalStatus: "cerai_mati",
		VillageCode:   recVillage,
		DistrictCode:  recDistrict,
		RegencyCode:   recRegency,
		ProvinceCode:  recProvince,
		RT:            "002",
		RW:            "005",
		Street:        "Jl. Belakang Pondok No. 7",
		Occupation:    "pedagang kecil",
		Condition:     "tinggal sendiri, rumah dinding papan",
		HousePhotoID:  "photo-house",
		Location:      &flows.Location{Latitude: -0.9612, Longitude: 100.3587},

		NIKRegionCheck: "match",
		NIKBirthCheck:  "match",
		NIKWarnings:    []string{"kk_prefix_differs"},
	}
}

func mustCreateRegistration(t *testing.T, regs *store.Registrations, r flows.Registration) flows.Registration {
	t.Helper()
	created, err := regs.Create(context.Background(), r)
	if err != nil {
		t.Fatalf("create registration %s: %v", r.SubmissionID, err)
	}
	return created
}

// Ensure a proposal comes back as it was filed, with a REG- code, and that
// a NIK and KK typed in groups are stored as 16 digits.
func TestRegistrationCreateRoundTrip(t *testing.T) {
	t.Parallel()
	db := recordsDB(t)
	want := personRegistration(recordsVolunteer(t, db, "Rina"), "sub-round-trip", nikSiti)
	in := want
	in.NIK = "1371 0152 0356 0001"
	in.KK = "1371 0120 0308 0004"

	got := mustCreateRegistration(t, store.NewRegistrations(db), in)
	if got.ID == 0 || !recordCodePattern("REG").MatchString(got.Code) || got.CreatedAt.IsZero() {
		t.Errorf("id %d, code %q, created %v; want an id, a REG- code and a time", got.ID, got.Code, got.CreatedAt)
	}
	if !sameDay(got.BirthDate, 1956, time.March, 12) {
		t.Errorf("birth date %v; want 1956-03-12", got.BirthDate)
	}
	want.ID, want.Code, want.CreatedAt, want.BirthDate = got.ID, got.Code, got.CreatedAt, got.BirthDate
	if !reflect.DeepEqual(got, want) {
		t.Errorf("stored\n%+v\nwant\n%+v", got, want)
	}
}

// Ensure optional fields left empty come back empty: no birth date, no
// location, no village, and the province taken from the regency code.
func TestRegistrationCreateMinimal(t *testing.T) {
	t.Parallel()
	db := recordsDB(t)
	got := mustCreateRegistration(t, store.NewRegistrations(db), flows.Registration{
		SubmissionID: "sub-minimal",
		VolunteerID:  recordsVolunteer(t, db, "Rina"),
		Criterion:    "kemiskinan",
		NIK:          nikSiti,
		Name:         "Siti Aminah",
		Female:       true,
		RegencyCode:  recRegency,
	})
	if !got.BirthDate.IsZero() || got.Location != nil || got.VillageCode != "" || got.ProvinceCode != recProvince {
		t.Errorf("birth date %v, location %v, village %q, province %q; want none, none, none, %s",
			got.BirthDate, got.Location, got.VillageCode, got.ProvinceCode, recProvince)
	}
	if got.KK != "" || got.NIKWarnings == nil || len(got.NIKWarnings) != 0 {
		t.Errorf("KK %q, warnings %q; want empty", got.KK, got.NIKWarnings)
	}
}

// Ensure filing the same submission twice stores one proposal: the second
// call returns the first, without an error.
func TestRegistrationCreateIsIdempotent(t *testing.T) {
	t.Parallel()
	db := recordsDB(t)
	regs := store.NewRegistrations(db)
	volunteer := recordsVolunteer(t, db, "Rina")
	first := mustCreateRegistration(t, regs, personRegistration(volunteer, "sub-twice", nikSiti))

	again := personRegistration(volunteer, "sub-twice", nikSiti)
	again.Name = "Siti A."
	second := mustCreateRegistration(t, regs, again)
	if second.ID != first.ID || second.Code != first.Code || second.Name != first.Name {
		t.Errorf("second create = #%d %s %q; want #%d %s %q", second.ID, second.Code, second.Name, first.ID, first.Code, first.Name)
	}
	if n := recordsCount(t, db, `SELECT count(*) FROM registrations`); n != 1 {
		t.Errorf("%d registrations stored; want 1", n)
	}
}

// Ensure a submission delivered several times at once still yields one
// proposal and no error: the deliveries race on both the submission id
// and the NIK.
func TestRegistrationCreateConcurrentRepeats(t *testing.T) {
	t.Parallel()
	db := recordsDB(t)
	regs := store.NewRegistrations(db)
	r := personRegistration(recordsVolunteer(t, db, "Rina"), "sub-burst", nikSiti)

	const deliveries = 5
	got := make([]flows.Registration, deliveries)
	errs := make([]error, deliveries)
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i := range deliveries {
		wg.Go(func() {
			<-start
			got[i], errs[i] = regs.Create(context.Background(), r)
		})
	}
	close(start)
	wg.Wait()
	for i := range deliveries {
		if errs[i] != nil || got[i].ID != got[0].ID || got[i].ID == 0 {
			t.Errorf("delivery %d: #%d, %v; want #%d without error", i, got[i].ID, errs[i], got[0].ID)
		}
	}
	if n := recordsCount(t, db, `SELECT count(*) FROM registrations`); n != 1 {
		t.Errorf("%d registrations stored; want 1", n)
	}
}

// Ensure a person is proposed once: a second proposal of the same NIK
// from another submission returns the existing proposal and
// ErrAlreadyExists, stores nothing, and keeps the NIK out of the error.
func TestRegistrationDuplicateNIK(t *testing.T) {
	t.Parallel()
	db := recordsDB(t)
	regs := store.NewRegistrations(db)
	first := mustCreateRegistration(t, regs, personRegistration(recordsVolunteer(t, db, "Rina"), "sub-rina", nikSiti))

	other := personRegistration(recordsVolunteer(t, db, "Budi"), "sub-budi", "1371 0152 0356 0001")
	other.Name = "Siti Aminah binti Rahmah"
	got, err := regs.Create(context.Background(), other)
	if !errors.Is(err, flows.ErrAlreadyExists) {
		t.Fatalf("second proposal of the NIK: %v; want ErrAlreadyExists", err)
	}
	if got.ID != first.ID || got.Code != first.Code || got.Name != first.Name || got.SubmissionID != "sub-rina" {
		t.Errorf("returned #%d %s %q from %s; want the existing #%d %s %q", got.ID, got.Code, got.Name, got.SubmissionID, first.ID, first.Code, first.Name)
	}
	if strings.Contains(err.Error(), nikSiti) || !strings.Contains(err.Error(), first.Code) {
		t.Errorf("error %q; want the existing code and never the NIK", err)
	}
	if n := recordsCount(t, db, `SELECT count(*) FROM registrations`); n != 1 {
		t.Errorf("%d registrations stored; want 1", n)
	}
}

// Ensure a proposal is found by its code however it is typed, and by NIK.
func TestRegistrationFind(t *testing.T) {
	t.Parallel()
	db := recordsDB(t)
	ctx := context.Background()
	regs := store.NewRegistrations(db)
	stored := mustCreateRegistration(t, regs, personRegistration(recordsVolunteer(t, db, "Rina"), "sub-find", nikSiti))
	body := strings.TrimPrefix(stored.Code, "REG-")

	for _, tc := range []struct {
		name, query string
		found       bool
	}{
		{"code", stored.Code, true},
		{"lower-case code", strings.ToLower(stored.Code), true},
		{"code without dash", "reg" + strings.ToLower(body), true},
		{"code with spaces", " REG " + body + " ", true},
		{"NIK", nikSiti, true},
		{"NIK in groups", "1371 0152 0356 0001", true},
		{"unknown code", "REG-" + otherBody(body), false},
		{"unknown NIK", "1371015203560002", false},
		{"short NIK", "137101520356", false},
		{"name", "Siti Aminah", false},
		{"empty", "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := regs.Find(ctx, tc.query)
			switch {
			case tc.found && (err != nil || got.ID != stored.ID):
				t.Errorf("Find(%q) = #%d, %v; want #%d", tc.query, got.ID, err, stored.ID)
			case !tc.found && !errors.Is(err, flows.ErrNotFound):
				t.Errorf("Find(%q) = #%d, %v; want ErrNotFound", tc.query, got.ID, err)
			case err != nil && strings.Contains(err.Error(), "0356"):
				t.Errorf("Find(%q): error %q shows the NIK", tc.query, err)
			}
		})
	}
}

func TestRegistrationByNIK(t *testing.T) {
	t.Parallel()
	db := recordsDB(t)
	ctx := context.Background()
	regs := store.NewRegistrations(db)
	stored := mustCreateRegistration(t, regs, personRegistration(recordsVolunteer(t, db, "Rina"), "sub-nik", nikSiti))

	t.Run("OK", func(t *testing.T) {
		got, err := regs.ByNIK(ctx, nikSiti)
		if err != nil || got.ID != stored.ID {
			t.Errorf("ByNIK = #%d, %v; want #%d", got.ID, err, stored.ID)
		}
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		_, err := regs.ByNIK(ctx, "3171011208900001")
		if !errors.Is(err, flows.ErrNotFound) || strings.Contains(err.Error(), "3171011208900001") {
			t.Errorf("ByNIK of an unknown NIK: %v; want ErrNotFound without the NIK", err)
		}
	})
}

// otherBody returns a code body different from body.
func otherBody(body string) string {
	if body == "ZZZZ" {
		return "YYYY"
	}
	return "ZZZZ"
}
