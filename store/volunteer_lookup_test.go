package store_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/mitra-id/mitra/flows"
	"github.com/mitra-id/mitra/store"
)

// Ensure lookups of nobody say not found instead of returning a zero
// volunteer.
func TestLookupsOfMissingVolunteerAreNotFound(t *testing.T) {
	t.Parallel()
	vs := store.NewVolunteers(testDB(t))
	ctx := context.Background()
	if _, err := vs.ByID(ctx, 404); !errors.Is(err, flows.ErrNotFound) {
		t.Errorf("ByID error = %v, want ErrNotFound", err)
	}
	if _, err := vs.ByTelegramID(ctx, 404); !errors.Is(err, flows.ErrNotFound) {
		t.Errorf("ByTelegramID error = %v, want ErrNotFound", err)
	}
	if err := vs.SetLanguage(ctx, 404, "en"); !errors.Is(err, flows.ErrNotFound) {
		t.Errorf("SetLanguage error = %v, want ErrNotFound", err)
	}
}

// Ensure the language is stored, and only the supported ones.
func TestSetLanguage(t *testing.T) {
	t.Parallel()
	vs := store.NewVolunteers(testDB(t))
	ctx := context.Background()
	v := mustRegister(t, vs, newVolunteer(1, "Siti Rahmawati"))
	if err := vs.SetLanguage(ctx, v.ID, "en"); err != nil {
		t.Fatalf("SetLanguage(en): %v", err)
	}
	if got, _ := vs.ByID(ctx, v.ID); got.Language != "en" {
		t.Errorf("Language = %q, want en", got.Language)
	}
	if err := vs.SetLanguage(ctx, v.ID, "fr"); err == nil {
		t.Error("SetLanguage(fr) succeeded, want an error")
	}
}

// Ensure approval cards go to active coordinators of the right
// kabupaten/kota, and to active admins.
func TestCoordinatorsAndAdminsAreActiveOnly(t *testing.T) {
	t.Parallel()
	db := testDB(t)
	vs := store.NewVolunteers(db)
	ctx := context.Background()
	admin := mustAdmin(t, vs, 1)

	coordinator := func(telegramID int64, regency string, approve bool) flows.Volunteer {
		v := mustRegister(t, vs, newVolunteer(telegramID, "Koordinator"))
		if _, err := vs.SetCoordinator(ctx, admin.ID, v.ID, regency); err != nil {
			t.Fatal(err)
		}
		v, err := vs.Decide(ctx, admin.ID, v.ID, approve)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	padang := coordinator(2, regencyPadang, true)
	coordinator(3, regencyPadang, false) // rejected
	coordinator(4, regencyPariaman, true)
	mustRegister(t, vs, newVolunteer(5, "Relawan Biasa"))
	pendingAdmin := newVolunteer(6, "Admin Menunggu")
	pendingAdmin.IsAdmin = true
	mustRegister(t, vs, pendingAdmin)

	got, err := vs.Coordinators(ctx, regencyPadang)
	if err != nil || len(got) != 1 || got[0].ID != padang.ID {
		t.Errorf("Coordinators(%s) = %v, %v; want only V%d", regencyPadang, ids(got), err, padang.ID)
	}
	if got, err := vs.Coordinators(ctx, "13.01"); err != nil || len(got) != 0 {
		t.Errorf("Coordinators of a kabupaten without any = %v, %v; want none", ids(got), err)
	}
	if got, err := vs.Admins(ctx); err != nil || !slices.Equal(ids(got), []int64{admin.ID}) {
		t.Errorf("Admins = %v, %v; want only V%d", ids(got), err, admin.ID)
	}
}

// Ensure Search finds active volunteers by id or by part of the name, best
// match first, treating LIKE wildcards literally.
func TestSearch(t *testing.T) {
	t.Parallel()
	db := testDB(t)
	vs := store.NewVolunteers(db)
	ctx := context.Background()
	admin := mustAdmin(t, vs, 1)
	active := func(telegramID int64, name string) flows.Volunteer {
		v := mustRegister(t, vs, newVolunteer(telegramID, name))
		v, err := vs.Decide(ctx, admin.ID, v.ID, true)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	siti := active(2, "Siti")
	sitiRahma := active(3, "Siti Rahmawati")
	nurSiti := active(4, "Nur Siti Aisyah")
	percent := active(5, "Andi 100% Siap")
	underscore := active(6, "Rudi_Hartono")
	pending := mustRegister(t, vs, newVolunteer(7, "Siti Pending"))

	tests := []struct {
		query string
		limit int
		want  []int64
	}{
		{"siti", 10, []int64{siti.ID, sitiRahma.ID, nurSiti.ID}},
		{"  SITI ", 2, []int64{siti.ID, sitiRahma.ID}},
		{"rahma", 10, []int64{sitiRahma.ID}},
		{"V" + itoa(nurSiti.ID), 10, []int64{nurSiti.ID}},
		{"v" + itoa(nurSiti.ID), 10, []int64{nurSiti.ID}},
		{itoa(sitiRahma.ID), 10, []int64{sitiRahma.ID}},
		{"V" + itoa(pending.ID), 10, nil},
		{"%", 10, []int64{percent.ID}},
		{"_", 10, []int64{underscore.ID}},
		{`\`, 10, nil},
		{"", 10, nil},
		{"tidak ada", 10, nil},
	}
	for _, tt := range tests {
		got, err := vs.Search(ctx, tt.query, tt.limit)
		if err != nil {
			t.Errorf("Search(%q): %v", tt.query, err)
			continue
		}
		if !slices.Equal(ids(got), tt.want) {
			t.Errorf("Search(%q, %d) = %v, want %v", tt.query, tt.limit, ids(got), tt.want)
		}
	}
}

func ids(vs []flows.Volunteer) []int64 {
	var out []int64
	for _, v := range vs {
		out = append(out, v.ID)
	}
	return out
}
