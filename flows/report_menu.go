package flows

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

const (
	flowReportMenu = "lapor_pilih"
	// stepReportMenu is the menu's question; stepReportMenuOpen is a hidden
	// answer carrying the open reports it offers, as "id\tlabel".
	stepReportMenu     = "pilihan"
	stepReportMenuOpen = "terbuka"
	reportMenuNew      = "baru"
	maxMenuReports     = 5
)

// startReport answers /lapor: with open reports from the last week, it
// asks first whether to update one of them or file a new one. The menu is
// a one-question flow, so typing "1" or "baru" works like a tap.
func (s *Service) startReport(ctx context.Context, sess *Session) (Outcome, error) {
	open, err := s.reports.OpenByVolunteer(ctx, sess.Volunteer.ID, sess.Now.Add(-openReportWindow))
	if err != nil {
		return Outcome{}, fmt.Errorf("flows: open reports: %w", err)
	}
	if len(open) == 0 {
		return s.engine.Start(ctx, sess, flowReport, nil)
	}
	var offered []string
	for _, r := range open[:min(len(open), maxMenuReports)] {
		label := fmt.Sprintf(msgUpdateReportButton.In(sess.Lang), r.Code, choiceLabel(disasterTypes, r.DisasterType, sess.Lang), r.OccurredOn.Format("02/01"))
		offered = append(offered, strconv.FormatInt(r.ID, 10)+"\t"+label)
	}
	return s.engine.Start(ctx, sess, flowReportMenu, map[string]Value{stepReportMenuOpen: {List: offered}})
}

func (s *Service) reportMenuFlow() *Flow {
	return &Flow{
		Name:  flowReportMenu,
		Title: Text{"Laporan Kejadian", "Incident report"},
		Menu:  true,
		Steps: []Step{{
			ID: stepReportMenu, Kind: AnswerChoice, Prompt: msgReportMenu,
			OptionsFor: func(sess *Session) []Choice {
				var opts []Choice
				for _, o := range sess.Conversation.Answers[stepReportMenuOpen].List {
					id, label, _ := strings.Cut(o, "\t")
					opts = append(opts, Choice{Value: id, Label: Text{label, label}})
				}
				return append(opts, Choice{Value: reportMenuNew, Label: msgNewReportButton})
			},
		}},
		Submit: s.submitReportMenu,
	}
}

// submitReportMenu starts what was picked: a new report, or the update of
// one of the volunteer's own reports.
func (s *Service) submitReportMenu(ctx context.Context, sess *Session) (Outcome, error) {
	picked := sess.AnswerData(stepReportMenu)
	if picked == reportMenuNew {
		return s.engine.Start(ctx, sess, flowReport, nil)
	}
	id, err := strconv.ParseInt(picked, 10, 64)
	if err != nil {
		return Outcome{}, fmt.Errorf("flows: report menu value %q: %w", picked, err)
	}
	r, err := s.reports.ByID(ctx, id)
	switch {
	case errors.Is(err, ErrNotFound) || (err == nil && r.VolunteerID != sess.Volunteer.ID):
		return s.engine.Start(ctx, sess, flowReport, nil)
	case err != nil:
		return Outcome{}, fmt.Errorf("flows: load report: %w", err)
	}
	return s.engine.Start(ctx, sess, flowReportUpdate, map[string]Value{
		stepReportID: {Data: strconv.FormatInt(r.ID, 10), Text: r.Code},
	})
}
