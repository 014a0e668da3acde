package flows

import (
	"context"
	"fmt"

	"github.com/mitra-id/mitra/regions"
)

// Step ids of /lapor and its update flow.
const (
	flowReport       = "lapor"
	flowReportUpdate = "lapor_update"

	stepReportType      = "jenis"
	stepReportDate      = "tanggal"
	stepReportTime      = "jam"
	stepReportLocation  = "lokasi"
	stepReportVillage   = "desa"
	stepReportVictims   = "korban"
	stepReportAffected  = "terdampak"
	stepReportDisplaced = "mengungsi"
	stepReportHouses    = "rumah"
	stepReportGroups    = "rentan"
	stepReportNeeds     = "kebutuhan"
	stepReportActions   = "upaya"
	stepReportPhotos    = "foto"
	stepReportNotes     = "catatan"
	// stepReportID is prefilled in an update: the report being updated.
	stepReportID = "laporan"
)

// reportFlow is /lapor: a Tagana volunteer's emergency report. Every count
// accepts "tidak tahu", so a first report goes out in a minute and the
// numbers follow in updates.
func (s *Service) reportFlow() *Flow {
	return &Flow{
		Name:   flowReport,
		Title:  Text{"Laporan Kejadian", "Incident report"},
		Review: true,
		Steps: []Step{
			{ID: stepReportType, Label: Text{"Jenis bencana", "Type"}, Kind: AnswerChoice, Options: disasterTypes,
				Prompt: Text{"Kejadian apa?", "What happened?"}},
			{ID: stepReportDate, Label: Text{"Tanggal kejadian", "Date"}, Kind: AnswerDate, DateRule: NotFuture, QuickDates: true,
				Prompt:  Text{"Kapan terjadinya?", "When did it happen?"},
				Example: Text{"24/11/2026, atau: kemarin", "24/11/2026, or: yesterday"}},
			{ID: stepReportTime, Label: Text{"Jam kejadian", "Time"}, Kind: AnswerTime, Optional: true,
				Prompt:   Text{"Sekitar jam berapa?", "At about what time?"},
				Example:  Text{"14.30", "14.30"},
				Validate: reportTimeHasPassed},
			{ID: stepReportLocation, Label: Text{"Lokasi", "Location"}, Kind: AnswerLocation, Optional: true, KeepsEarly: true,
				Prompt:  Text{"Di mana lokasinya? Kirim lokasi Anda bila sedang di tempat kejadian.", "Where is it? Send your location if you are at the scene."},
				Example: Text{"Pasar Usang", "Pasar Usang"},
				Lookup:  s.villageLookup, TakeExactMatch: true},
			{ID: stepReportVillage, Label: Text{"Desa/kelurahan", "Village"}, Kind: AnswerLookup,
				When:    func(sess *Session) bool { return sess.AnswerData(stepReportLocation) == "" },
				Prompt:  Text{"Desa/kelurahan mana? Ketik namanya.", "Which village? Type its name."},
				Example: Text{"Pasar Usang", "Pasar Usang"},
				Lookup:  s.villageLookup, TakeExactMatch: true},
			reportVictimsStep(), reportAffectedStep(), reportDisplacedStep(), reportHousesStep(),
			reportMultiStep(stepReportGroups, Text{"Kelompok rentan", "Vulnerable groups"},
				Text{"Ada kelompok rentan yang terdampak?", "Are vulnerable groups affected?"}, vulnerableGroups),
			reportMultiStep(stepReportNeeds, Text{"Kebutuhan mendesak", "Urgent needs"},
				Text{"Apa kebutuhan mendesak saat ini?", "What is urgently needed?"}, urgentNeeds),
			reportMultiStep(stepReportActions, Text{"Upaya dilakukan", "Actions taken"},
				Text{"Upaya apa yang sudah dilakukan?", "What has been done so far?"}, actionsTaken),
			{ID: stepReportPhotos, Label: Text{"Foto", "Photos"}, Kind: AnswerPhotos, Optional: true, MaxPhotos: 10, KeepsEarly: true,
				Prompt: Text{"Ada foto kejadian? Maksimal 10.", "Any photos of the scene? Up to 10."}},
			reportNotesStep(),
		},
		Submit: s.submitReport,
	}
}

func reportVictimsStep() Step {
	return Step{ID: stepReportVictims, Label: Text{"Korban", "Casualties"}, Kind: AnswerCounts, MaxCount: 100_000,
		Prompt:      Text{"Jumlah korban jiwa (orang)?", "How many casualties (people)?"},
		CountLabels: []Text{{"meninggal", "dead"}, {"hilang", "missing"}, {"luka berat", "seriously injured"}, {"luka ringan", "lightly injured"}},
		Example:     Text{"0 2 5 10", "0 2 5 10"}}
}

func reportAffectedStep() Step {
	return Step{ID: stepReportAffected, Label: Text{"Terdampak", "Affected"}, Kind: AnswerCounts,
		Prompt:      Text{"Berapa yang terdampak?", "How many are affected?"},
		CountLabels: []Text{{"KK", "families"}, {"jiwa", "people"}},
		Example:     Text{"25 90", "25 90"}}
}

func reportDisplacedStep() Step {
	return Step{ID: stepReportDisplaced, Label: Text{"Mengungsi", "Displaced"}, Kind: AnswerCounts,
		Prompt:      Text{"Berapa yang mengungsi?", "How many are displaced?"},
		CountLabels: []Text{{"KK", "families"}, {"jiwa", "people"}},
		Example:     Text{"10 40", "10 40"}}
}

func reportHousesStep() Step {
	return Step{ID: stepReportHouses, Label: Text{"Rumah rusak", "Damaged houses"}, Kind: AnswerCounts,
		Prompt:      Text{"Berapa rumah yang rusak?", "How many houses are damaged?"},
		CountLabels: []Text{{"rusak berat", "heavy"}, {"sedang", "moderate"}, {"ringan", "light"}, {"terendam", "flooded"}},
		Example:     Text{"2 5 10 40", "2 5 10 40"}}
}

func reportMultiStep(id string, label, prompt Text, options []Choice) Step {
	return Step{ID: id, Label: label, Kind: AnswerMulti, Optional: true, Options: options, Prompt: prompt}
}

func reportNotesStep() Step {
	return Step{ID: stepReportNotes, Label: Text{"Catatan", "Notes"}, Kind: AnswerText, Optional: true, MaxLen: 1000,
		Prompt: Text{"Catatan lain (kronologi singkat, akses jalan, dll.)?", "Anything else (short chronology, road access, etc.)?"}}
}

// villageLookup searches desa/kelurahan in the volunteer's own
// kabupaten/kota first, then everywhere: disasters cross borders.
func (s *Service) villageLookup(_ context.Context, sess *Session, text string) ([]Option, error) {
	q := regions.Query{Text: text, Level: regions.VillageLevel, Limit: regionChoices}
	var matches []regions.Match
	if sess.Volunteer != nil && sess.Volunteer.RegencyCode != "" {
		q.Within = sess.Volunteer.RegencyCode
		matches = s.regions.Search(q)
	}
	if len(matches) == 0 {
		q.Within = ""
		matches = s.regions.Search(q)
	}
	return s.regionOptions(matches, q.Within), nil
}

// reportVillage is the village a report is about: typed at the location
// step, or asked after a map pin.
func reportVillage(sess *Session) string {
	if code := sess.AnswerData(stepReportLocation); code != "" {
		return code
	}
	return sess.AnswerData(stepReportVillage)
}

func (s *Service) submitReport(ctx context.Context, sess *Session) (Outcome, error) {
	village := reportVillage(sess)
	loc := sess.Conversation.Answers[stepReportLocation].Loc
	r := EmergencyReport{
		SubmissionID: sess.Conversation.SubmissionID,
		VolunteerID:  sess.Volunteer.ID,
		DisasterType: sess.AnswerData(stepReportType),
		OccurredOn:   DateOf(sess.Conversation.Answers[stepReportDate], sess.location()),
		OccurredTime: sess.AnswerData(stepReportTime),
		Location:     loc,
		VillageCode:  village,
		ReportedAt:   sess.Input.SentAt,
		Status:       ReportOpen,
	}
	r.DistrictCode, r.RegencyCode, r.ProvinceCode = parentCodes(village)
	applyReportAnswers(&r, sess)
	rec, err := s.reports.Create(ctx, r)
	if err != nil {
		return Outcome{}, fmt.Errorf("flows: create report: %w", err)
	}
	alerts, alerted, err := s.reportAlerts(ctx, rec, sess.Volunteer)
	if err != nil {
		return Outcome{}, err
	}
	text := fmt.Sprintf(msgReportFiled.In(sess.Lang), rec.Code, escape(s.regionLabel(rec.RegencyCode)))
	if alerted == 0 {
		text = fmt.Sprintf(msgReportFiledNoCoordinator.In(sess.Lang), rec.Code)
	}
	out := reply(text)
	out.add(alerts...)
	return out, nil
}

// applyReportAnswers copies the answers that both a report and its updates
// carry onto r; unanswered steps leave r's values as they are.
func applyReportAnswers(r *EmergencyReport, sess *Session) {
	a := sess.Conversation.Answers
	if v, ok := a[stepReportVictims]; ok && !v.Skipped {
		r.Dead, r.Missing, r.SeverelyInjured, r.LightlyInjured = CountsOf(v, 0), CountsOf(v, 1), CountsOf(v, 2), CountsOf(v, 3)
	}
	if v, ok := a[stepReportAffected]; ok && !v.Skipped {
		r.AffectedKK, r.AffectedPeople = CountsOf(v, 0), CountsOf(v, 1)
	}
	if v, ok := a[stepReportDisplaced]; ok && !v.Skipped {
		r.DisplacedKK, r.DisplacedPeople = CountsOf(v, 0), CountsOf(v, 1)
	}
	if v, ok := a[stepReportHouses]; ok && !v.Skipped {
		r.HousesHeavy, r.HousesModerate, r.HousesLight, r.HousesFlooded = CountsOf(v, 0), CountsOf(v, 1), CountsOf(v, 2), CountsOf(v, 3)
	}
	if v, ok := a[stepReportGroups]; ok && !v.Skipped {
		r.VulnerableGroups = v.List
	}
	if v, ok := a[stepReportNeeds]; ok && !v.Skipped {
		r.UrgentNeeds = v.List
	}
	if v, ok := a[stepReportActions]; ok && !v.Skipped {
		r.ActionsTaken = v.List
	}
	if v, ok := a[stepReportPhotos]; ok && !v.Skipped {
		r.PhotoFileIDs = append(r.PhotoFileIDs, v.List...)
	}
	if v, ok := a[stepReportNotes]; ok && !v.Skipped {
		r.Notes = v.Data
	}
	r.Notes = joinLines(r.Notes, PhotoCaptions(a[stepReportPhotos]))
}

// parentCodes derives the kecamatan, kabupaten/kota and provinsi codes of a
// village code ("13.05.10.2001" → "13.05.10", "13.05", "13").
func parentCodes(village string) (district, regency, province string) {
	if len(village) >= 8 {
		district = village[:8]
	}
	if len(village) >= 5 {
		regency = village[:5]
	}
	if len(village) >= 2 {
		province = village[:2]
	}
	return district, regency, province
}
