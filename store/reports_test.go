package store_test

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/mitra-id/mitra/flows"
	"github.com/mitra-id/mitra/store"
)

// floodReport is a first report of a flood in Belakang Pondok whose
// volunteer knows some counts and not others.
func floodReport(volunteerID int64, submissionID string) flows.EmergencyReport {
	return flows.EmergencyReport{
		SubmissionID: submissionID,
		VolunteerID:  volunteerID,
		DisasterType: "101",
		OccurredOn:   time.Date(2026, 11, 24, 0, 0, 0, 0, wib),
		OccurredTime: "14.30",
		Location:     &flows.Location{Latitude: -0.9643, Longitude: 100.3621},
		VillageCode:  recVillage,
		DistrictCode: recDistrict,
		RegencyCode:  recRegency,
		ProvinceCode: recProvince,

		Dead:           known(0),
		Missing:        nil,
		AffectedKK:     known(120),
		DisplacedKK:    known(35),
		HousesFlooded:  known(80),
		HousesHeavy:    nil,
		LightlyInjured: known(4),

		VulnerableGroups: []string{"lansia", "balita"},
		UrgentNeeds:      []string{"air_bersih", "pangan"},
		ActionsTaken:     []string{"evakuasi"},
		PhotoFileIDs:     []string{"photo-1"},
		Notes:            "Air setinggi lutut di Jl. Belakang Pondok.",
		ReportedAt:       time.Date(2026, 11, 24, 14, 55, 0, 0, wib),
	}
}

func mustCreateReport(t *testing.T, reports *store.Reports, r flows.EmergencyReport) flows.EmergencyReport {
	t.Helper()
	created, err := reports.Create(context.Background(), r)
	if err != nil {
		t.Fatalf("create report %s: %v", r.SubmissionID, err)
	}
	return created
}

// Ensure a report comes back as it was filed, with a LAP- code, open, and
// every count as given: unknown (nil) stays unknown, zero stays zero.
func TestReportCreateRoundTrip(t *testing.T) {
	t.Parallel()
	db := recordsDB(t)
	reports := store.NewReports(db)
	want := floodReport(recordsVolunteer(t, db, "Rina"), "sub-round-trip")

	got := mustCreateReport(t, reports, want)
	if got.ID == 0 || !recordCodePattern("LAP").MatchString(got.Code) {
		t.Errorf("id %d, code %q; want an id and a LAP- code", got.ID, got.Code)
	}
	if got.Status != flows.ReportOpen || got.HandledBy != 0 || !got.HandledAt.IsZero() {
		t.Errorf("status %q, handled by %d at %v; want open and unhandled", got.Status, got.HandledBy, got.HandledAt)
	}
	if !sameDay(got.OccurredOn, 2026, time.November, 24) || got.OccurredTime != "14.30" {
		t.Errorf("occurred %v %q; want 2026-11-24 14.30", got.OccurredOn, got.OccurredTime)
	}
	if !got.ReportedAt.Equal(want.ReportedAt) || got.CreatedAt.IsZero() || got.UpdatedAt.IsZero() {
		t.Errorf("reported at %v, created %v, updated %v", got.ReportedAt, got.CreatedAt, got.UpdatedAt)
	}
	if got.Location == nil || *got.Location != *want.Location {
		t.Errorf("location %v; want %v", got.Location, want.Location)
	}
	if got.VillageCode != recVillage || got.DistrictCode != recDistrict || got.RegencyCode != recRegency || got.ProvinceCode != recProvince {
		t.Errorf("regions %s %s %s %s", got.VillageCode, got.DistrictCode, got.RegencyCode, got.ProvinceCode)
	}
	if got.DisasterType != "101" || got.VolunteerID != want.VolunteerID || got.SubmissionID != want.SubmissionID || got.Notes != want.Notes {
		t.Errorf("got %+v", got)
	}
	for _, l := range []struct {
		name      string
		got, want []string
	}{
		{"vulnerable groups", got.VulnerableGroups, want.VulnerableGroups},
		{"urgent needs", got.UrgentNeeds, want.UrgentNeeds},
		{"actions taken", got.ActionsTaken, want.ActionsTaken},
		{"photos", got.PhotoFileIDs, want.PhotoFileIDs},
	} {
		if !slices.Equal(l.got, l.want) {
			t.Errorf("%s = %q; want %q", l.name, l.got, l.want)
		}
	}
	assertCounts(t, got, want)
}

// Ensure unknown counts are stored as NULL, not 0: Dinas Sosial's data
// team must be able to tell "tidak tahu" from "none".
func TestReportCountsStoreUnknownAsNull(t *testing.T) {
	t.Parallel()
	db := recordsDB(t)
	r := mustCreateReport(t, store.NewReports(db), floodReport(recordsVolunteer(t, db, "Rina"), "sub-nulls"))

	var deadIsNull, missingIsNull bool
	err := db.QueryRow(context.Background(),
		`SELECT dead IS NULL, missing IS NULL FROM emergency_reports WHERE id = $1`, r.ID).Scan(&deadIsNull, &missingIsNull)
	if err != nil {
		t.Fatal(err)
	}
	if deadIsNull || !missingIsNull {
		t.Errorf("dead IS NULL = %v (known 0), missing IS NULL = %v (unknown); want false, true", deadIsNull, missingIsNull)
	}
}

// Ensure a report without location, village or lists is stored with NULLs
// and empty lists, and its province is taken from the regency code.
func TestReportCreateMinimal(t *testing.T) {
	t.Parallel()
	db := recordsDB(t)
	got := mustCreateReport(t, store.NewReports(db), flows.EmergencyReport{
		SubmissionID: "sub-minimal",
		VolunteerID:  recordsVolunteer(t, db, "Rina"),
		DisasterType: "kebakaran_permukiman",
		OccurredOn:   time.Date(2026, 11, 23, 0, 0, 0, 0, wib),
		RegencyCode:  recRegency,
	})
	if got.Location != nil || got.VillageCode != "" || got.DistrictCode != "" || got.ProvinceCode != recProvince {
		t.Errorf("location %v, village %q, district %q, province %q; want none, none, none, %q",
			got.Location, got.VillageCode, got.DistrictCode, got.ProvinceCode, recProvince)
	}
	if got.VulnerableGroups == nil || len(got.VulnerableGroups)+len(got.UrgentNeeds)+len(got.ActionsTaken)+len(got.PhotoFileIDs) != 0 {
		t.Errorf("lists %q %q %q %q; want empty", got.VulnerableGroups, got.UrgentNeeds, got.ActionsTaken, got.PhotoFileIDs)
	}
	if got.ReportedAt.IsZero() {
		t.Error("reported at is zero; want the time of storing")
	}
	assertCounts(t, got, flows.EmergencyReport{})
}

// Ensure filing the same submission twice stores one report: the second
// call returns the first report, with its code and values.
func TestReportCreateIsIdempotent(t *testing.T) {
	t.Parallel()
	db := recordsDB(t)
	reports := store.NewReports(db)
	volunteer := recordsVolunteer(t, db, "Rina")
	first := mustCreateReport(t, reports, floodReport(volunteer, "sub-twice"))

	again := floodReport(volunteer, "sub-twice")
	again.Notes = "retyped"
	second := mustCreateReport(t, reports, again)

	if second.ID != first.ID || second.Code != first.Code || second.Notes != first.Notes {
		t.Errorf("second create = #%d %s %q; want #%d %s %q", second.ID, second.Code, second.Notes, first.ID, first.Code, first.Notes)
	}
	if n := recordsCount(t, db, `SELECT count(*) FROM emergency_reports`); n != 1 {
		t.Errorf("%d reports stored; want 1", n)
	}
}

// Ensure a report needs its submission id: without one every later report
// would look like a repeat of it.
func TestReportCreateWithoutSubmissionID(t *testing.T) {
	t.Parallel()
	db := recordsDB(t)
	_, err := store.NewReports(db).Create(context.Background(), floodReport(recordsVolunteer(t, db, "Rina"), ""))
	if err == nil {
		t.Fatal("created a report without a submission id")
	}
}

func TestReportByID(t *testing.T) {
	t.Parallel()
	db := recordsDB(t)
	reports := store.NewReports(db)
	created := mustCreateReport(t, reports, floodReport(recordsVolunteer(t, db, "Rina"), "sub-by-id"))

	t.Run("OK", func(t *testing.T) {
		got, err := reports.ByID(context.Background(), created.ID)
		if err != nil || got.Code != created.Code {
			t.Errorf("ByID = %s, %v; want %s", got.Code, err, created.Code)
		}
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		if _, err := reports.ByID(context.Background(), created.ID+1000); !errors.Is(err, flows.ErrNotFound) {
			t.Errorf("ByID of a missing report: %v; want ErrNotFound", err)
		}
	})
}

// Ensure OpenByVolunteer lists only the volunteer's own reports since the
// given time that are not closed, newest first.
func TestReportOpenByVolunteer(t *testing.T) {
	t.Parallel()
	db := recordsDB(t)
	ctx := context.Background()
	reports := store.NewReports(db)
	rina, budi := recordsVolunteer(t, db, "Rina"), recordsVolunteer(t, db, "Budi")
	coordinator := recordsVolunteer(t, db, "Koordinator")

	old := mustCreateReport(t, reports, floodReport(rina, "sub-old"))
	open := mustCreateReport(t, reports, floodReport(rina, "sub-open"))
	handled := mustCreateReport(t, reports, floodReport(rina, "sub-handled"))
	closed := mustCreateReport(t, reports, floodReport(rina, "sub-closed"))
	mustCreateReport(t, reports, floodReport(budi, "sub-budi"))

	since := time.Now().Add(-24 * time.Hour)
	setCreated := `UPDATE emergency_reports SET created_at = $2 WHERE id = $1`
	for id, at := range map[int64]time.Time{
		old.ID:     since.Add(-time.Hour),
		open.ID:    since.Add(time.Hour),
		handled.ID: since.Add(2 * time.Hour),
		closed.ID:  since.Add(3 * time.Hour),
	} {
		if _, err := db.Exec(ctx, setCreated, id, at); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := reports.MarkHandled(ctx, handled.ID, coordinator, time.Now()); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(ctx, `UPDATE emergency_reports SET status = 'closed' WHERE id = $1`, closed.ID); err != nil {
		t.Fatal(err)
	}

	got, err := reports.OpenByVolunteer(ctx, rina, since)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{handled.Code, open.Code}; !slices.Equal(reportCodes(got), want) {
		t.Errorf("OpenByVolunteer = %q; want %q (handled, then open)", reportCodes(got), want)
	}

	none, err := reports.OpenByVolunteer(ctx, coordinator, since)
	if err != nil || len(none) != 0 {
		t.Errorf("OpenByVolunteer of a volunteer without reports = %q, %v; want none", reportCodes(none), err)
	}
}

// Ensure an update writes the new counts and lists, appends only new
// photos, records its changes, and leaves what a reporter may not change.
func TestReportUpdateAppliesAndRecordsChanges(t *testing.T) {
	t.Parallel()
	db := recordsDB(t)
	ctx := context.Background()
	reports := store.NewReports(db)
	rina := recordsVolunteer(t, db, "Rina")
	first := mustCreateReport(t, reports, floodReport(rina, "sub-report"))

	next := first
	next.Dead = known(1)
	next.Missing = known(2)
	next.HousesFlooded = nil // no longer sure
	next.UrgentNeeds = []string{"air_bersih", "pangan", "tenda"}
	next.PhotoFileIDs = []string{"photo-1", "photo-2", "photo-2", "photo-3"}
	next.Notes = "Air mulai surut."
	next.DisasterType = "108"         // not changeable by an update
	next.VillageCode = ""             // not changeable by an update
	next.Status = flows.ReportHandled // not changeable by an update
	changes := []flows.FieldChange{{Field: "Meninggal", Old: "0", New: "1"}, {Field: "Hilang", Old: "tidak tahu", New: "2"}}

	got, err := reports.Update(ctx, flows.ReportUpdate{SubmissionID: "sub-update-1", VolunteerID: rina, Report: next, Changes: changes})
	if err != nil {
		t.Fatal(err)
	}
	assertCounts(t, got, next)
	if !slices.Equal(got.UrgentNeeds, next.UrgentNeeds) || got.Notes != next.Notes {
		t.Errorf("needs %q, notes %q; want %q, %q", got.UrgentNeeds, got.Notes, next.UrgentNeeds, next.Notes)
	}
	if want := []string{"photo-1", "photo-2", "photo-3"}; !slices.Equal(got.PhotoFileIDs, want) {
		t.Errorf("photos = %q; want %q (appended once each)", got.PhotoFileIDs, want)
	}
	if got.DisasterType != "101" || got.VillageCode != recVillage || got.Status != flows.ReportOpen || got.Code != first.Code {
		t.Errorf("type %s, village %q, status %s, code %s changed by an update", got.DisasterType, got.VillageCode, got.Status, got.Code)
	}
	if !got.UpdatedAt.After(first.UpdatedAt) {
		t.Errorf("updated at %v; want after %v", got.UpdatedAt, first.UpdatedAt)
	}

	var recorded []flows.FieldChange
	var raw []byte
	var by int64
	var regency string
	err = db.QueryRow(ctx, `SELECT changes, volunteer_id, regency_code FROM emergency_report_updates WHERE report_id = $1`, first.ID).
		Scan(&raw, &by, &regency)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &recorded); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(recorded, changes) || by != rina || regency != recRegency {
		t.Errorf("recorded update %v by %d in %s; want %v by %d in %s", recorded, by, regency, changes, rina, recRegency)
	}
}

// Ensure an update delivered twice is applied and recorded once: the
// repeat returns the report as it stands.
func TestReportUpdateIsIdempotent(t *testing.T) {
	t.Parallel()
	db := recordsDB(t)
	ctx := context.Background()
	reports := store.NewReports(db)
	rina := recordsVolunteer(t, db, "Rina")
	first := mustCreateReport(t, reports, floodReport(rina, "sub-report"))

	update := first
	update.Dead = known(1)
	update.PhotoFileIDs = []string{"photo-2"}
	applied, err := reports.Update(ctx, flows.ReportUpdate{SubmissionID: "sub-update", VolunteerID: rina, Report: update})
	if err != nil {
		t.Fatal(err)
	}

	retyped := update
	retyped.Dead = known(9)
	retyped.PhotoFileIDs = []string{"photo-9"}
	repeat, err := reports.Update(ctx, flows.ReportUpdate{SubmissionID: "sub-update", VolunteerID: rina, Report: retyped})
	if err != nil {
		t.Fatal(err)
	}
	if countText(repeat.Dead) != "1" || !slices.Equal(repeat.PhotoFileIDs, []string{"photo-1", "photo-2"}) || !repeat.UpdatedAt.Equal(applied.UpdatedAt) {
		t.Errorf("after a repeat: dead %s, photos %q, updated %v; want 1, [photo-1 photo-2], %v",
			countText(repeat.Dead), repeat.PhotoFileIDs, repeat.UpdatedAt, applied.UpdatedAt)
	}
	if n := recordsCount(t, db, `SELECT count(*) FROM emergency_report_updates WHERE report_id = $1`, first.ID); n != 1 {
		t.Errorf("%d updates recorded; want 1", n)
	}
}

func TestReportUpdateOfMissingReport(t *testing.T) {
	t.Parallel()
	db := recordsDB(t)
	rina := recordsVolunteer(t, db, "Rina")
	missing := floodReport(rina, "sub-x")
	missing.ID = 4242
	_, err := store.NewReports(db).Update(context.Background(), flows.ReportUpdate{SubmissionID: "sub-u", VolunteerID: rina, Report: missing})
	if !errors.Is(err, flows.ErrNotFound) {
		t.Errorf("Update of a missing report: %v; want ErrNotFound", err)
	}
	if n := recordsCount(t, db, `SELECT count(*) FROM emergency_report_updates`); n != 0 {
		t.Errorf("%d updates recorded for a missing report; want 0", n)
	}
}

// Ensure that of coordinators pressing "Saya tangani" at once exactly one
// takes the report; the others learn who did.
func TestReportMarkHandledFirstWins(t *testing.T) {
	t.Parallel()
	db := recordsDB(t)
	ctx := context.Background()
	reports := store.NewReports(db)
	report := mustCreateReport(t, reports, floodReport(recordsVolunteer(t, db, "Rina"), "sub-report"))
	coordinators := make([]int64, 5)
	for i := range coordinators {
		coordinators[i] = recordsVolunteer(t, db, "Koordinator "+string(rune('A'+i)))
	}
	at := time.Date(2026, 11, 24, 15, 0, 0, 0, wib)

	results := make([]flows.EmergencyReport, len(coordinators))
	errs := make([]error, len(coordinators))
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i, c := range coordinators {
		wg.Go(func() {
			<-start
			results[i], errs[i] = reports.MarkHandled(ctx, report.ID, c, at)
		})
	}
	close(start)
	wg.Wait()

	var winner int64
	for i, err := range errs {
		if err == nil {
			if winner != 0 {
				t.Fatalf("coordinators %d and %d both took the report", winner, coordinators[i])
			}
			winner = coordinators[i]
		}
	}
	if winner == 0 {
		t.Fatalf("no coordinator took the report: %v", errs)
	}
	for i, err := range errs {
		got := results[i]
		if got.ID != report.ID || got.HandledBy != winner || got.Status != flows.ReportHandled || !got.HandledAt.Equal(at) {
			t.Errorf("coordinator %d got report #%d handled by %d (%s) at %v; want #%d by %d at %v",
				coordinators[i], got.ID, got.HandledBy, got.Status, got.HandledAt, report.ID, winner, at)
		}
		if coordinators[i] != winner && !errors.Is(err, flows.ErrAlreadyDecided) {
			t.Errorf("coordinator %d: %v; want ErrAlreadyDecided", coordinators[i], err)
		}
	}
	stored, err := reports.ByID(ctx, report.ID)
	if err != nil || stored.HandledBy != winner {
		t.Errorf("stored handled by %d, %v; want %d", stored.HandledBy, err, winner)
	}
}

func TestReportMarkHandledOfMissingReport(t *testing.T) {
	t.Parallel()
	db := recordsDB(t)
	_, err := store.NewReports(db).MarkHandled(context.Background(), 4242, recordsVolunteer(t, db, "Koordinator"), time.Now())
	if !errors.Is(err, flows.ErrNotFound) {
		t.Errorf("MarkHandled of a missing report: %v; want ErrNotFound", err)
	}
}

// assertCounts compares every head count, telling "tidak tahu" from 0.
func assertCounts(t *testing.T, got, want flows.EmergencyReport) {
	t.Helper()
	for _, c := range []struct {
		name      string
		got, want flows.Count
	}{
		{"dead", got.Dead, want.Dead},
		{"missing", got.Missing, want.Missing},
		{"severely injured", got.SeverelyInjured, want.SeverelyInjured},
		{"lightly injured", got.LightlyInjured, want.LightlyInjured},
		{"affected KK", got.AffectedKK, want.AffectedKK},
		{"affected people", got.AffectedPeople, want.AffectedPeople},
		{"displaced KK", got.DisplacedKK, want.DisplacedKK},
		{"displaced people", got.DisplacedPeople, want.DisplacedPeople},
		{"houses heavy", got.HousesHeavy, want.HousesHeavy},
		{"houses moderate", got.HousesModerate, want.HousesModerate},
		{"houses light", got.HousesLight, want.HousesLight},
		{"houses flooded", got.HousesFlooded, want.HousesFlooded},
	} {
		if countText(c.got) != countText(c.want) {
			t.Errorf("%s = %s; want %s", c.name, countText(c.got), countText(c.want))
		}
	}
}

func reportCodes(rs []flows.EmergencyReport) []string {
	codes := make([]string, len(rs))
	for i, r := range rs {
		codes[i] = r.Code
	}
	return codes
}
