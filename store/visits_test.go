package store_test

import (
	"context"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/mitra-id/mitra/flows"
	"github.com/mitra-id/mitra/store"
)

// rescheduledVisit is a PKH commitment check that found nobody at home
// and is to be repeated on 1 December.
func rescheduledVisit(volunteerID int64, submissionID string) flows.Visit {
	return flows.Visit{
		SubmissionID: submissionID,
		VolunteerID:  volunteerID,
		TargetKind:   "kpm_pkh",
		TargetName:   "Keluarga Pak Darmawan",
		Purpose:      "verifikasi_komitmen",
		VisitedOn:    time.Date(2026, 11, 24, 0, 0, 0, 0, wib),
		Result:       flows.VisitRescheduled,
		NextVisitOn:  time.Date(2026, 12, 1, 0, 0, 0, 0, wib),
		Reason:       "KPM sedang ke ladang",
		Findings:     "Rumah terkunci",
		PhotoFileIDs: []string{"photo-door"},
		Location:     &flows.Location{Latitude: -0.9631, Longitude: 100.3599},
		RegencyCode:  recRegency,
		DistrictCode: recDistrict,
	}
}

// reminderRow is a reminders row as the tests compare it.
type reminderRow struct {
	VolunteerID, VisitID int64
	Regency, Status      string
	DueAt                time.Time
	Note                 string
}

// Ensure a rescheduled visit and its reminder are stored together, and
// that a repeat of the submission returns the same visit and schedules no
// second reminder.
func TestVisitCreateWithReminder(t *testing.T) {
	t.Parallel()
	db := recordsDB(t)
	ctx := context.Background()
	visits := store.NewVisits(db)
	rina := recordsVolunteer(t, db, "Rina")
	due := time.Date(2026, 12, 1, 7, 0, 0, 0, wib)
	reminder := &flows.Reminder{DueAt: due, Note: "Kunjungan ulang: Keluarga Pak Darmawan"}

	visit, err := visits.Create(ctx, rescheduledVisit(rina, "sub-visit"), reminder)
	if err != nil {
		t.Fatal(err)
	}
	if !recordCodePattern("KNJ").MatchString(visit.Code) || !sameDay(visit.NextVisitOn, 2026, time.December, 1) {
		t.Errorf("code %q, next visit %v; want a KNJ- code and 2026-12-01", visit.Code, visit.NextVisitOn)
	}
	want := []reminderRow{{VolunteerID: rina, VisitID: visit.ID, Regency: recRegency, Status: "pending", DueAt: due, Note: reminder.Note}}
	if got := recordsReminders(t, db); !reflect.DeepEqual(got, want) {
		t.Errorf("reminders %+v; want %+v", got, want)
	}

	later := &flows.Reminder{DueAt: due.Add(24 * time.Hour), Note: "again"}
	repeat, err := visits.Create(ctx, rescheduledVisit(rina, "sub-visit"), later)
	if err != nil {
		t.Fatal(err)
	}
	if repeat.ID != visit.ID || repeat.Code != visit.Code {
		t.Errorf("repeat = #%d %s; want #%d %s", repeat.ID, repeat.Code, visit.ID, visit.Code)
	}
	if got := recordsReminders(t, db); !reflect.DeepEqual(got, want) {
		t.Errorf("after a repeat, reminders %+v; want still %+v", got, want)
	}
}

// Ensure a visit comes back as it was filed, and that a finished visit
// needs no next date and gets no reminder.
func TestVisitCreateRoundTrip(t *testing.T) {
	t.Parallel()
	db := recordsDB(t)
	ctx := context.Background()
	rina := recordsVolunteer(t, db, "Rina")
	reg := mustCreateRegistration(t, store.NewRegistrations(db), personRegistration(rina, "sub-reg", nikSiti))

	want := flows.Visit{
		SubmissionID:   "sub-lks",
		VolunteerID:    rina,
		TargetKind:     "registration",
		TargetName:     "Siti Aminah",
		RegistrationID: reg.ID,
		Purpose:        "asesmen",
		VisitedOn:      time.Date(2026, 11, 24, 0, 0, 0, 0, wib),
		Result:         flows.VisitDone,
		Findings:       "Tinggal sendiri",
		Obstacles:      "Jalan rusak",
		FollowUp:       "Rujuk ke puskesmas",
		LKSNeeds:       []string{},
		FundingSources: []string{"apbd"},
		PhotoFileIDs:   []string{},
		RegencyCode:    recRegency,
	}
	got, err := store.NewVisits(db).Create(ctx, want, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !sameDay(got.VisitedOn, 2026, time.November, 24) || !got.NextVisitOn.IsZero() || got.CreatedAt.IsZero() {
		t.Errorf("visited %v, next %v, created %v; want 2026-11-24, none, a time", got.VisitedOn, got.NextVisitOn, got.CreatedAt)
	}
	want.ID, want.Code, want.CreatedAt, want.VisitedOn = got.ID, got.Code, got.CreatedAt, got.VisitedOn
	if !reflect.DeepEqual(got, want) {
		t.Errorf("stored\n%+v\nwant\n%+v", got, want)
	}
	if n := recordsCount(t, db, `SELECT count(*) FROM reminders`); n != 0 {
		t.Errorf("%d reminders for a finished visit; want 0", n)
	}
}

// Ensure a visit and its reminder are stored together or not at all.
func TestVisitCreateIsAtomic(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name     string
		visit    func(v *flows.Visit)
		reminder *flows.Reminder
	}{
		{
			name:     "rescheduled without a next date",
			visit:    func(v *flows.Visit) { v.NextVisitOn = time.Time{} },
			reminder: &flows.Reminder{DueAt: time.Date(2026, 12, 1, 7, 0, 0, 0, wib)},
		},
		{
			name:     "reminder for an unknown volunteer",
			visit:    func(v *flows.Visit) {},
			reminder: &flows.Reminder{VolunteerID: 999_999, DueAt: time.Date(2026, 12, 1, 7, 0, 0, 0, wib)},
		},
		{
			name:     "reminder without a due time",
			visit:    func(v *flows.Visit) {},
			reminder: &flows.Reminder{Note: "kapan?"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			db := recordsDB(t)
			v := rescheduledVisit(recordsVolunteer(t, db, "Rina"), "sub-visit")
			tc.visit(&v)
			if _, err := store.NewVisits(db).Create(context.Background(), v, tc.reminder); err == nil {
				t.Fatal("Create succeeded; want an error")
			}
			visits := recordsCount(t, db, `SELECT count(*) FROM visits`)
			reminders := recordsCount(t, db, `SELECT count(*) FROM reminders`)
			if visits != 0 || reminders != 0 {
				t.Errorf("%d visits and %d reminders stored; want none", visits, reminders)
			}
		})
	}
}

// Ensure /jadwal lists only the volunteer's pending reminders due from the
// given time on, soonest first, each with its visit, at most limit.
func TestVisitUpcoming(t *testing.T) {
	t.Parallel()
	db := recordsDB(t)
	ctx := context.Background()
	visits := store.NewVisits(db)
	rina, budi := recordsVolunteer(t, db, "Rina"), recordsVolunteer(t, db, "Budi")
	from := time.Date(2026, 11, 25, 8, 0, 0, 0, wib)

	schedule := func(volunteer int64, submission string, due time.Time) flows.Visit {
		t.Helper()
		v := rescheduledVisit(volunteer, submission)
		v.TargetName = submission
		created, err := visits.Create(ctx, v, &flows.Reminder{DueAt: due, Note: "ulang " + submission})
		if err != nil {
			t.Fatal(err)
		}
		return created
	}
	atFrom := schedule(rina, "at-from", from)
	inTwoDays := schedule(rina, "in-two-days", from.Add(48*time.Hour))
	tomorrow := schedule(rina, "tomorrow", from.Add(24*time.Hour))
	schedule(rina, "past", from.Add(-time.Hour))
	sent := schedule(rina, "sent", from.Add(12*time.Hour))
	cancelled := schedule(rina, "cancelled", from.Add(6*time.Hour))
	schedule(budi, "budi", from.Add(time.Hour))
	for status, v := range map[string]flows.Visit{"sent": sent, "cancelled": cancelled} {
		if _, err := db.Exec(ctx, `UPDATE reminders SET status = $2 WHERE visit_id = $1`, v.ID, status); err != nil {
			t.Fatal(err)
		}
	}

	for _, tc := range []struct {
		name  string
		limit int
		want  []flows.Visit
	}{
		{"limit 2", 2, []flows.Visit{atFrom, tomorrow}},
		{"no limit", 0, []flows.Visit{atFrom, tomorrow, inTwoDays}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := visits.Upcoming(ctx, rina, from, tc.limit)
			if err != nil {
				t.Fatal(err)
			}
			var gotNames, wantNames []string
			for _, u := range got {
				gotNames = append(gotNames, u.Visit.TargetName)
				if u.Reminder.VisitID != u.Visit.ID || u.Reminder.VolunteerID != rina || u.Reminder.Status != "pending" ||
					u.Reminder.Note != "ulang "+u.Visit.TargetName || u.Reminder.ID == 0 || u.Reminder.CreatedAt.IsZero() {
					t.Errorf("reminder %+v of visit #%d %s", u.Reminder, u.Visit.ID, u.Visit.TargetName)
				}
			}
			for _, v := range tc.want {
				wantNames = append(wantNames, v.TargetName)
			}
			if !slices.Equal(gotNames, wantNames) {
				t.Errorf("Upcoming = %q; want %q", gotNames, wantNames)
			}
			if len(got) > 0 && !got[0].Reminder.DueAt.Equal(from) {
				t.Errorf("first reminder due %v; want %v", got[0].Reminder.DueAt, from)
			}
		})
	}

	none, err := visits.Upcoming(ctx, recordsVolunteer(t, db, "Citra"), from, 10)
	if err != nil || len(none) != 0 {
		t.Errorf("Upcoming of a volunteer without reminders = %d, %v; want none", len(none), err)
	}
}

// recordsReminders lists every reminder, oldest first.
func recordsReminders(t *testing.T, db *pgxpool.Pool) []reminderRow {
	t.Helper()
	rows, err := db.Query(context.Background(), `
SELECT volunteer_id, coalesce(visit_id, 0), coalesce(regency_code, ''), status, due_at, note
FROM reminders ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	rs, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (reminderRow, error) {
		var r reminderRow
		err := row.Scan(&r.VolunteerID, &r.VisitID, &r.Regency, &r.Status, &r.DueAt, &r.Note)
		r.DueAt = r.DueAt.In(wib) // compared with reflect.DeepEqual
		return r, err
	})
	if err != nil {
		t.Fatal(err)
	}
	return rs
}
