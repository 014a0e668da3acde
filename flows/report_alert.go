package flows

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/mitra-id/mitra/regions"
)

// Alert cards carry "hd:<report id>" on their "Ditangani" button.
const handledButtonPrefix = "hd:"

// reportAlerts are the cards for the coordinators of the report's
// kabupaten/kota (or the admins when it has none), each with the map pin
// and photos. n is how many people are alerted.
func (s *Service) reportAlerts(ctx context.Context, r EmergencyReport, reporter *Volunteer) (alerts []Reply, n int, err error) {
	deciders, err := s.deciders(ctx, r.RegencyCode)
	if err != nil {
		return nil, 0, err
	}
	for _, d := range deciders {
		lang := d.Language
		alerts = append(alerts, Reply{
			ChatID:   d.ChatID,
			Text:     s.reportCard(ctx, r, reporter, lang),
			Location: r.Location,
			Photos:   r.PhotoFileIDs,
			Buttons:  [][]Button{{{Text: msgTakeReportButton.In(lang), Data: handledButtonPrefix + strconv.FormatInt(r.ID, 10)}}},
		})
	}
	return alerts, len(deciders), nil
}

// deciders are the coordinators of a kabupaten/kota, or the admins when it
// has none: somebody must always hear about a report or a registration.
func (s *Service) deciders(ctx context.Context, regency string) ([]Volunteer, error) {
	list, err := s.volunteers.Coordinators(ctx, regency)
	if err != nil {
		return nil, fmt.Errorf("flows: list coordinators: %w", err)
	}
	if len(list) > 0 {
		return list, nil
	}
	if list, err = s.volunteers.Admins(ctx); err != nil {
		return nil, fmt.Errorf("flows: list admins: %w", err)
	}
	if len(list) == 0 {
		s.log.WarnContext(ctx, "no coordinator and no admin to notify", "regency", regency)
	}
	return list, nil
}

// reportCard summarises a report for coordinators.
func (s *Service) reportCard(ctx context.Context, r EmergencyReport, reporter *Volunteer, lang string) string {
	var b strings.Builder
	fmt.Fprintf(&b, msgReportCardTitle.In(lang), r.Code)
	when := r.OccurredOn.Format("02/01/2006")
	if r.OccurredTime != "" {
		when += " " + r.OccurredTime + " " + regions.ZoneAbbrev(r.RegencyCode)
	}
	fmt.Fprintf(&b, "\n%s · %s", choiceLabel(disasterTypes, r.DisasterType, lang), when)
	fmt.Fprintf(&b, "\n📍 %s", escape(s.regionLabel(r.VillageCode)))
	line := func(label Text, value string) {
		if value != "" {
			fmt.Fprintf(&b, "\n%s: %s", label.In(lang), value)
		}
	}
	line(Text{"Korban", "Casualties"}, fmt.Sprintf(msgVictimsLine.In(lang),
		FormatCount(r.Dead), FormatCount(r.Missing), FormatCount(r.SeverelyInjured), FormatCount(r.LightlyInjured)))
	line(Text{"Terdampak", "Affected"}, fmt.Sprintf(msgFamiliesLine.In(lang), FormatCount(r.AffectedKK), FormatCount(r.AffectedPeople)))
	line(Text{"Mengungsi", "Displaced"}, fmt.Sprintf(msgFamiliesLine.In(lang), FormatCount(r.DisplacedKK), FormatCount(r.DisplacedPeople)))
	line(Text{"Rumah", "Houses"}, fmt.Sprintf(msgHousesLine.In(lang),
		FormatCount(r.HousesHeavy), FormatCount(r.HousesModerate), FormatCount(r.HousesLight), FormatCount(r.HousesFlooded)))
	line(Text{"Kelompok rentan", "Vulnerable"}, choiceLabels(vulnerableGroups, r.VulnerableGroups, lang))
	line(Text{"Kebutuhan mendesak", "Urgent needs"}, choiceLabels(urgentNeeds, r.UrgentNeeds, lang))
	line(Text{"Upaya", "Actions"}, choiceLabels(actionsTaken, r.ActionsTaken, lang))
	if len(r.PhotoFileIDs) > 0 {
		line(Text{"Foto", "Photos"}, strconv.Itoa(len(r.PhotoFileIDs)))
	}
	line(Text{"Catatan", "Notes"}, escape(clip(r.Notes, 600)))
	if reporter != nil {
		fmt.Fprintf(&b, "\n%s: %s (%s) · %s", Text{"Pelapor", "Reporter"}.In(lang),
			escape(reporter.Name), roleLabel(reporter.Role).In(lang), escape(reporter.Phone))
	}
	if r.HandledBy != 0 {
		b.WriteString("\n\n" + s.handledLine(ctx, r, lang))
	}
	return b.String()
}

func (s *Service) handledLine(ctx context.Context, r EmergencyReport, lang string) string {
	name := "?"
	if v, err := s.volunteers.ByID(ctx, r.HandledBy); err == nil {
		name = escape(v.Name)
	}
	return fmt.Sprintf(msgReportHandledBy.In(lang), name)
}

// takeReport handles "Ditangani" on an alert card: the first coordinator
// to press takes the report, the reporter is told who, and later presses
// learn who took it.
func (s *Service) takeReport(ctx context.Context, sess *Session) (Outcome, error) {
	id, err := strconv.ParseInt(strings.TrimPrefix(sess.Input.Callback, handledButtonPrefix), 10, 64)
	if err != nil {
		return Outcome{Notice: msgStaleButton.In(sess.Lang)}, nil
	}
	r, err := s.reports.ByID(ctx, id)
	if errors.Is(err, ErrNotFound) {
		return Outcome{Notice: msgStaleButton.In(sess.Lang)}, nil
	}
	if err != nil {
		return Outcome{}, fmt.Errorf("flows: load report %d: %w", id, err)
	}
	d := sess.Volunteer
	if d == nil || !d.Approved() || !(d.IsAdmin || d.CoordinatorOf == r.RegencyCode) {
		return Outcome{Notice: msgNotAllowed.In(sess.Lang)}, nil
	}
	taken, err := s.reports.MarkHandled(ctx, id, d.ID, sess.Now)
	already := errors.Is(err, ErrAlreadyDecided)
	if err != nil && !already {
		return Outcome{}, fmt.Errorf("flows: mark report %d handled: %w", id, err)
	}
	reporter, err := s.volunteers.ByID(ctx, taken.VolunteerID)
	if err != nil {
		return Outcome{}, fmt.Errorf("flows: load reporter: %w", err)
	}
	var out Outcome
	out.add(Reply{EditMessageID: sess.Input.CallbackMessageID, Text: s.reportCard(ctx, taken, &reporter, sess.Lang)})
	if already {
		out.Notice = msgReportAlreadyTaken.In(sess.Lang)
		return out, nil
	}
	out.Notice = msgReportTaken.In(sess.Lang)
	out.add(Reply{ChatID: reporter.ChatID, Text: fmt.Sprintf(msgYourReportTaken.In(reporter.Language),
		taken.Code, escape(d.Name), escape(s.regionLabel(r.RegencyCode)), escape(d.Phone))})
	return out, nil
}

func choiceLabel(choices []Choice, value, lang string) string {
	for _, c := range choices {
		if c.Value == value {
			return c.Label.In(lang)
		}
	}
	return escape(value)
}

func choiceLabels(choices []Choice, values []string, lang string) string {
	names := make([]string, len(values))
	for i, v := range values {
		names[i] = choiceLabel(choices, v, lang)
	}
	return strings.Join(names, ", ")
}
