package flows

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"
)

const (
	// openReportWindow is how far back /lapor looks for reports to update.
	openReportWindow = 7 * 24 * time.Hour
	stepUpdateParts  = "bagian"
)

// reportUpdateParts are what an update may change; each is a step of the
// report flow reused in the update flow.
var reportUpdateParts = []Choice{
	{stepReportVictims, Text{"Korban", "Casualties"}},
	{stepReportAffected, Text{"Terdampak", "Affected"}},
	{stepReportDisplaced, Text{"Mengungsi", "Displaced"}},
	{stepReportHouses, Text{"Rumah rusak", "Damaged houses"}},
	{stepReportNeeds, Text{"Kebutuhan mendesak", "Urgent needs"}},
	{stepReportActions, Text{"Upaya dilakukan", "Actions taken"}},
	{stepReportPhotos, Text{"Foto tambahan", "More photos"}},
	{stepReportNotes, Text{"Catatan", "Notes"}},
}

// reportUpdateFlow asks which parts changed, then only those questions.
func (s *Service) reportUpdateFlow() *Flow {
	chosen := func(part string) func(*Session) bool {
		return func(sess *Session) bool {
			for _, p := range sess.Conversation.Answers[stepUpdateParts].List {
				if p == part {
					return true
				}
			}
			return false
		}
	}
	steps := []Step{{
		ID: stepUpdateParts, Label: Text{"Bagian diperbarui", "Parts updated"}, Kind: AnswerMulti, Options: reportUpdateParts,
		Prompt: Text{"Apa yang berubah?", "What has changed?"},
		Describe: func(sess *Session) string {
			return fmt.Sprintf(msgUpdatingReport.In(sess.Lang), escape(sess.Conversation.Answers[stepReportID].Text))
		},
	}}
	for _, st := range []Step{reportVictimsStep(), reportAffectedStep(), reportDisplacedStep(), reportHousesStep(),
		reportMultiStep(stepReportNeeds, Text{"Kebutuhan mendesak", "Urgent needs"}, Text{"Apa kebutuhan mendesak sekarang?", "What is urgently needed now?"}, urgentNeeds),
		reportMultiStep(stepReportActions, Text{"Upaya dilakukan", "Actions taken"}, Text{"Upaya apa yang sudah dilakukan?", "What has been done so far?"}, actionsTaken),
		{ID: stepReportPhotos, Label: Text{"Foto", "Photos"}, Kind: AnswerPhotos, MaxPhotos: 10, Prompt: Text{"Kirim foto tambahan.", "Send the additional photos."}},
		reportNotesStep(),
	} {
		st.When = chosen(st.ID)
		st.Optional = false
		steps = append(steps, st)
	}
	return &Flow{Name: flowReportUpdate, Title: Text{"Pembaruan Laporan", "Report update"}, Review: true, Steps: steps, Submit: s.submitReportUpdate}
}

func (s *Service) submitReportUpdate(ctx context.Context, sess *Session) (Outcome, error) {
	id, err := strconv.ParseInt(sess.AnswerData(stepReportID), 10, 64)
	if err != nil {
		return Outcome{}, fmt.Errorf("flows: report id: %w", err)
	}
	before, err := s.reports.ByID(ctx, id)
	if err != nil {
		return Outcome{}, fmt.Errorf("flows: load report %d: %w", id, err)
	}
	after := before
	after.PhotoFileIDs = nil // the update adds photos; the store appends them
	applyReportAnswers(&after, sess)
	changes := reportChanges(before, after, sess.Lang)
	updated, err := s.reports.Update(ctx, ReportUpdate{
		SubmissionID: sess.Conversation.SubmissionID, VolunteerID: sess.Volunteer.ID, Report: after, Changes: changes,
	})
	if err != nil {
		return Outcome{}, fmt.Errorf("flows: update report %d: %w", id, err)
	}
	deciders, err := s.deciders(ctx, updated.RegencyCode)
	if err != nil {
		return Outcome{}, err
	}
	out := reply(fmt.Sprintf(msgReportUpdated.In(sess.Lang), updated.Code))
	for _, d := range deciders {
		out.add(Reply{ChatID: d.ChatID, Text: s.updateCard(updated, sess.Volunteer, reportChanges(before, after, d.Language), d.Language),
			Photos: after.PhotoFileIDs})
	}
	return out, nil
}

func (s *Service) updateCard(r EmergencyReport, reporter *Volunteer, changes []FieldChange, lang string) string {
	var b strings.Builder
	fmt.Fprintf(&b, msgUpdateCardTitle.In(lang), r.Code, escape(s.regionLabel(r.VillageCode)))
	for _, c := range changes {
		fmt.Fprintf(&b, "\n• %s: %s → <b>%s</b>", c.Field, escape(clip(c.Old, 200)), escape(clip(c.New, 200)))
	}
	if len(changes) == 0 {
		b.WriteString("\n" + msgNoChanges.In(lang))
	}
	fmt.Fprintf(&b, "\n%s: %s", Text{"Pelapor", "Reporter"}.In(lang), escape(reporter.Name))
	return b.String()
}

// reportChanges lists the fields whose shown value differs, for people.
func reportChanges(before, after EmergencyReport, lang string) []FieldChange {
	type field struct {
		name       Text
		old, fresh string
	}
	fields := []field{
		{Text{"Meninggal", "Dead"}, FormatCount(before.Dead), FormatCount(after.Dead)},
		{Text{"Hilang", "Missing"}, FormatCount(before.Missing), FormatCount(after.Missing)},
		{Text{"Luka berat", "Seriously injured"}, FormatCount(before.SeverelyInjured), FormatCount(after.SeverelyInjured)},
		{Text{"Luka ringan", "Lightly injured"}, FormatCount(before.LightlyInjured), FormatCount(after.LightlyInjured)},
		{Text{"Terdampak KK", "Affected families"}, FormatCount(before.AffectedKK), FormatCount(after.AffectedKK)},
		{Text{"Terdampak jiwa", "Affected people"}, FormatCount(before.AffectedPeople), FormatCount(after.AffectedPeople)},
		{Text{"Mengungsi KK", "Displaced families"}, FormatCount(before.DisplacedKK), FormatCount(after.DisplacedKK)},
		{Text{"Mengungsi jiwa", "Displaced people"}, FormatCount(before.DisplacedPeople), FormatCount(after.DisplacedPeople)},
		{Text{"Rumah rusak berat", "Houses heavily damaged"}, FormatCount(before.HousesHeavy), FormatCount(after.HousesHeavy)},
		{Text{"Rumah rusak sedang", "Houses moderately damaged"}, FormatCount(before.HousesModerate), FormatCount(after.HousesModerate)},
		{Text{"Rumah rusak ringan", "Houses lightly damaged"}, FormatCount(before.HousesLight), FormatCount(after.HousesLight)},
		{Text{"Rumah terendam", "Houses flooded"}, FormatCount(before.HousesFlooded), FormatCount(after.HousesFlooded)},
		{Text{"Kebutuhan mendesak", "Urgent needs"}, choiceLabels(urgentNeeds, before.UrgentNeeds, lang), choiceLabels(urgentNeeds, after.UrgentNeeds, lang)},
		{Text{"Upaya", "Actions"}, choiceLabels(actionsTaken, before.ActionsTaken, lang), choiceLabels(actionsTaken, after.ActionsTaken, lang)},
		{Text{"Catatan", "Notes"}, before.Notes, after.Notes},
	}
	var out []FieldChange
	for _, f := range fields {
		if f.old != f.fresh {
			out = append(out, FieldChange{Field: f.name.In(lang), Old: f.old, New: f.fresh})
		}
	}
	if n := len(after.PhotoFileIDs); n > 0 {
		out = append(out, FieldChange{Field: Text{"Foto", "Photos"}.In(lang), Old: strconv.Itoa(len(before.PhotoFileIDs)), New: "+" + strconv.Itoa(n)})
	}
	return out
}

// plainNotice turns a refusal reply into a button-press notice.
func plainNotice(o Outcome) string {
	if len(o.Replies) == 0 {
		return ""
	}
	return clip(stripTags(o.Replies[0].Text), 190)
}
