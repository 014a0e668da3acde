package flows

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"
)

const (
	flowVisit = "kunjungan"

	stepVisitTarget     = "sasaran"
	stepVisitKPM        = "kpm"
	stepVisitRegistered = "warga"
	stepVisitLKSType    = "jenis_lks"
	stepVisitLKSName    = "nama_lks"
	stepVisitOther      = "sasaran_lain"
	stepVisitPurpose    = "tujuan"
	stepVisitDate       = "tanggal"
	stepVisitResult     = "hasil"
	stepVisitNextDate   = "tanggal_ulang"
	stepVisitReason     = "alasan"
	stepVisitFindings   = "temuan"
	stepVisitObstacles  = "kendala"
	stepVisitFollowUp   = "tindak_lanjut"
	stepVisitLKSNeeds   = "kebutuhan_lks"
	stepVisitFunding    = "sumber_dana"
	stepVisitPhotos     = "foto"
	stepVisitLocation   = "lokasi"

	// reminderHour is when a rescheduled visit's reminder is due, local time:
	// early enough to plan the day.
	reminderHour = 7
)

func (s *Service) visitFlow() *Flow {
	target := func(kind string) func(*Session) bool {
		return func(sess *Session) bool { return sess.AnswerData(stepVisitTarget) == kind }
	}
	notDone := func(sess *Session) bool {
		r := sess.AnswerData(stepVisitResult)
		return r != "" && r != string(VisitDone)
	}
	return &Flow{
		Name:   flowVisit,
		Title:  Text{"Kunjungan Lapangan", "Field visit"},
		Review: true,
		Steps: []Step{
			{ID: stepVisitTarget, Label: Text{"Sasaran", "Visited"}, Kind: AnswerChoice, Options: visitTargets,
				Prompt:    Text{"Siapa yang dikunjungi?", "Who did you visit?"},
				Recognize: visitTargetOfTypedLKS},
			{ID: stepVisitKPM, Label: Text{"KPM PKH", "PKH family"}, Kind: AnswerText, MinLen: 2, MaxLen: 100, When: target("kpm_pkh"),
				Prompt: Text{"Nama pengurus KPM atau ID PKH-nya?", "Name of the family's carer, or their PKH ID?"}, Example: Text{"Ibu Yusnimar", "Ibu Yusnimar"}},
			{ID: stepVisitRegistered, Label: Text{"Warga", "Person"}, Kind: AnswerLookup, When: target("registration"),
				Prompt: Text{"Ketik kode usulan (REG-…) atau NIK warganya.", "Type the proposal code (REG-…) or the person's NIK."}, Example: Text{"REG-7K2Q", "REG-7K2Q"},
				Lookup: s.registrationLookup, ExactLookup: true,
				NotFound: Text{"Tidak ada usulan dengan kode atau NIK “%s”. Periksa lagi; bila warganya belum didaftarkan, tekan ⬅️ Kembali dan pilih “Lainnya”, atau daftarkan dulu dengan /daftar.",
					"No proposal has the code or NIK “%s”. Check it; if the person isn't registered yet, tap ⬅️ Back and choose “Other”, or register them first with /daftar."}},
			{ID: stepVisitLKSType, Label: Text{"Jenis lembaga", "Institution type"}, Kind: AnswerChoice, Options: lksTypes, When: target("lks"),
				Prompt:  Text{"Jenis lembaganya?", "What kind of institution?"},
				Suggest: typedLKSSuggestion},
			{ID: stepVisitLKSName, Label: Text{"Nama lembaga", "Institution"}, Kind: AnswerText, MinLen: 3, MaxLen: 150, When: target("lks"),
				Prompt: Text{"Nama lembaganya?", "Name of the institution?"}, Example: Text{"Panti Asuhan Aisyiyah Pariaman", "Panti Asuhan Aisyiyah Pariaman"}},
			{ID: stepVisitOther, Label: Text{"Sasaran", "Visited"}, Kind: AnswerText, MinLen: 3, MaxLen: 150, When: target("other"),
				Prompt: Text{"Siapa atau apa yang dikunjungi?", "Who or what did you visit?"}},
			{ID: stepVisitPurpose, Label: Text{"Tujuan", "Purpose"}, Kind: AnswerChoice, Options: visitPurposes,
				Prompt: Text{"Tujuan kunjungan?", "Purpose of the visit?"}},
			{ID: stepVisitDate, Label: Text{"Tanggal kunjungan", "Visit date"}, Kind: AnswerDate, DateRule: NotFuture, QuickDates: true,
				Prompt: Text{"Tanggal kunjungan?", "Date of the visit?"}, Example: Text{"24/11/2026", "24/11/2026"}},
			{ID: stepVisitResult, Label: Text{"Hasil", "Result"}, Kind: AnswerChoice, Options: visitResults,
				Prompt: Text{"Hasil kunjungan?", "How did the visit end?"}},
			{ID: stepVisitNextDate, Label: Text{"Kunjungan ulang", "Next visit"}, Kind: AnswerDate, DateRule: NotPast, QuickDates: true, When: notDone,
				Prompt: Text{"Kapan kunjungan ulangnya?", "When is the next visit?"}, Example: Text{"besok, atau: 2/12/2026", "tomorrow, or: 2/12/2026"}},
			{ID: stepVisitReason, Label: Text{"Alasan", "Reason"}, Kind: AnswerText, MinLen: 3, MaxLen: 300, When: notDone,
				Prompt: Text{"Alasannya?", "Why?"}, Example: Text{"Warga sedang ke pasar", "Nobody home"}},
			{ID: stepVisitFindings, Label: Text{"Temuan", "Findings"}, Kind: AnswerText, MinLen: 3, MaxLen: 1000,
				Prompt: Text{"Temuan utama?", "Main findings?"}, Example: Text{"Anak kedua tidak sekolah sejak Oktober", "Second child out of school since October"}},
			{ID: stepVisitObstacles, Label: Text{"Kendala", "Obstacles"}, Kind: AnswerText, MaxLen: 1000, Optional: true,
				Prompt: Text{"Kendala yang dihadapi?", "Any obstacles?"}},
			{ID: stepVisitFollowUp, Label: Text{"Tindak lanjut", "Follow-up"}, Kind: AnswerText, MaxLen: 1000, Optional: true,
				Prompt: Text{"Tindak lanjut atau rujukan (Dinsos, puskesmas, Dukcapil…)?", "Follow-up or referral (Dinsos, clinic, civil registry…)?"}},
			{ID: stepVisitLKSNeeds, Label: Text{"Kebutuhan lembaga", "Institution needs"}, Kind: AnswerMulti, Options: lksNeeds, Optional: true, When: target("lks"),
				Prompt: Text{"Kebutuhan lembaga saat ini?", "What does the institution need?"}},
			{ID: stepVisitFunding, Label: Text{"Sumber dana", "Funding"}, Kind: AnswerMulti, Options: fundingSources, Optional: true, When: target("lks"),
				Prompt: Text{"Sumber dana lembaga?", "How is the institution funded?"}},
			{ID: stepVisitPhotos, Label: Text{"Foto", "Photos"}, Kind: AnswerPhotos, Optional: true, MaxPhotos: 5, KeepsEarly: true,
				Prompt: Text{"Foto kunjungan?", "Photos of the visit?"}},
			{ID: stepVisitLocation, Label: Text{"Lokasi", "Location"}, Kind: AnswerLocation, Optional: true, KeepsEarly: true,
				Prompt: Text{"Kirim lokasi kunjungan bila Anda masih di sana.", "Send the visit location if you are still there."}},
		},
		Submit: s.submitVisit,
	}
}

// registrationLookup finds a registration by code or NIK. Outside the
// volunteer's kabupaten/kota only the code is shown, never the name.
func (s *Service) registrationLookup(ctx context.Context, sess *Session, text string) ([]Option, error) {
	r, err := s.registrations.Find(ctx, text)
	if errors.Is(err, ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("flows: find registration: %w", err)
	}
	label := r.Code
	if sess.Volunteer != nil && r.RegencyCode == sess.Volunteer.RegencyCode {
		label += " · " + r.Name
	}
	return []Option{{Value: strconv.FormatInt(r.ID, 10), Label: label}}, nil
}

func (s *Service) submitVisit(ctx context.Context, sess *Session) (Outcome, error) {
	a := sess.Conversation.Answers
	loc := sess.location()
	v := Visit{
		SubmissionID:   sess.Conversation.SubmissionID,
		VolunteerID:    sess.Volunteer.ID,
		TargetKind:     sess.AnswerData(stepVisitTarget),
		LKSType:        sess.AnswerData(stepVisitLKSType),
		Purpose:        sess.AnswerData(stepVisitPurpose),
		VisitedOn:      DateOf(a[stepVisitDate], loc),
		Result:         VisitResult(sess.AnswerData(stepVisitResult)),
		NextVisitOn:    DateOf(a[stepVisitNextDate], loc),
		Reason:         sess.AnswerData(stepVisitReason),
		Findings:       joinLines(sess.AnswerData(stepVisitFindings), PhotoCaptions(a[stepVisitPhotos])),
		Obstacles:      sess.AnswerData(stepVisitObstacles),
		FollowUp:       sess.AnswerData(stepVisitFollowUp),
		LKSNeeds:       a[stepVisitLKSNeeds].List,
		FundingSources: a[stepVisitFunding].List,
		PhotoFileIDs:   a[stepVisitPhotos].List,
		Location:       a[stepVisitLocation].Loc,
		RegencyCode:    sess.Volunteer.RegencyCode,
		DistrictCode:   sess.Volunteer.DistrictCode,
	}
	switch v.TargetKind {
	case "kpm_pkh":
		v.TargetName = sess.AnswerData(stepVisitKPM)
	case "registration":
		v.RegistrationID, _ = strconv.ParseInt(sess.AnswerData(stepVisitRegistered), 10, 64)
		v.TargetName = a[stepVisitRegistered].Text
	case "lks":
		v.TargetName = sess.AnswerData(stepVisitLKSName)
	default:
		v.TargetName = sess.AnswerData(stepVisitOther)
	}
	var reminder *Reminder
	if v.Result != VisitDone && !v.NextVisitOn.IsZero() {
		due := v.NextVisitOn.Add(reminderHour * time.Hour)
		reminder = &Reminder{VolunteerID: v.VolunteerID, DueAt: due, Status: "pending",
			Note: fmt.Sprintf("%s — %s", v.TargetName, choiceLabel(visitPurposes, v.Purpose, "id"))}
	}
	rec, err := s.visits.Create(ctx, v, reminder)
	if err != nil {
		return Outcome{}, fmt.Errorf("flows: create visit: %w", err)
	}
	text := fmt.Sprintf(msgVisitFiled.In(sess.Lang), rec.Code)
	if reminder != nil {
		text += "\n" + fmt.Sprintf(msgVisitReminder.In(sess.Lang), rec.NextVisitOn.Format("02/01/2006"))
	}
	return reply(text), nil
}

// schedule answers /jadwal with the volunteer's upcoming visits.
func (s *Service) schedule(ctx context.Context, sess *Session) (Outcome, error) {
	upcoming, err := s.visits.Upcoming(ctx, sess.Volunteer.ID, midnight(sess.Now, sess.location()), 15)
	if err != nil {
		return Outcome{}, fmt.Errorf("flows: upcoming visits: %w", err)
	}
	if len(upcoming) == 0 {
		return reply(msgNoUpcomingVisits.In(sess.Lang)), nil
	}
	text := msgUpcomingVisits.In(sess.Lang)
	for _, u := range upcoming {
		text += fmt.Sprintf("\n• %s — %s, %s (%s)", u.Reminder.DueAt.In(sess.location()).Format("02/01"),
			escape(u.Visit.TargetName), choiceLabel(visitPurposes, u.Visit.Purpose, sess.Lang), u.Visit.Code)
	}
	return reply(text), nil
}
