package flows

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Approval cards carry "ap:<volunteer id>:y|n".
const approvalButtonPrefix = "ap:"

// approvalCards builds the card sent to each coordinator of the new
// volunteer's kabupaten/kota, or to the admins when it has none.
func (s *Service) approvalCards(ctx context.Context, v Volunteer) ([]Reply, error) {
	deciders, err := s.volunteers.Coordinators(ctx, v.RegencyCode)
	if err != nil {
		return nil, fmt.Errorf("flows: list coordinators: %w", err)
	}
	if len(deciders) == 0 {
		if deciders, err = s.volunteers.Admins(ctx); err != nil {
			return nil, fmt.Errorf("flows: list admins: %w", err)
		}
	}
	if len(deciders) == 0 {
		s.log.WarnContext(ctx, "nobody can approve this volunteer: no coordinator and no admin",
			"volunteer_id", v.ID, "regency", v.RegencyCode)
	}
	cards := make([]Reply, 0, len(deciders))
	for _, d := range deciders {
		lang := d.Language
		cards = append(cards, Reply{
			ChatID: d.ChatID,
			Text:   s.approvalCardText(v, lang) + "\n\n" + msgApprovalQuestion.In(lang),
			Buttons: [][]Button{{
				{Text: msgApproveButton.In(lang), Data: approvalData(v.ID, true)},
				{Text: msgRejectButton.In(lang), Data: approvalData(v.ID, false)},
			}},
		})
	}
	return cards, nil
}

func (s *Service) approvalCardText(v Volunteer, lang string) string {
	return fmt.Sprintf(msgApprovalCard.In(lang),
		escape(v.Name), roleLabel(v.Role).In(lang), escape(s.regionLabel(v.DistrictCode)),
		escape(v.Phone), v.ID)
}

func approvalData(volunteerID int64, approve bool) string {
	verdict := "n"
	if approve {
		verdict = "y"
	}
	return approvalButtonPrefix + strconv.FormatInt(volunteerID, 10) + ":" + verdict
}

// decide handles a press on an approval card. Only a coordinator of the
// volunteer's kabupaten/kota, or an admin, may decide; the first decision
// wins and later presses are told who decided.
func (s *Service) decide(ctx context.Context, sess *Session) (Outcome, error) {
	body := strings.TrimPrefix(sess.Input.Callback, approvalButtonPrefix)
	idText, verdict, _ := strings.Cut(body, ":")
	id, err := strconv.ParseInt(idText, 10, 64)
	if err != nil || (verdict != "y" && verdict != "n") {
		return Outcome{Notice: msgStaleButton.In(sess.Lang)}, nil
	}
	target, err := s.volunteers.ByID(ctx, id)
	if errors.Is(err, ErrNotFound) {
		return Outcome{Notice: msgStaleButton.In(sess.Lang)}, nil
	}
	if err != nil {
		return Outcome{}, fmt.Errorf("flows: load volunteer %d: %w", id, err)
	}
	d := sess.Volunteer
	if d == nil || !d.Approved() || !(d.IsAdmin || d.CoordinatorOf == target.RegencyCode) {
		return Outcome{Notice: msgNotAllowed.In(sess.Lang)}, nil
	}
	approve := verdict == "y"
	decided, err := s.volunteers.Decide(ctx, d.ID, target.ID, approve)
	alreadyDecided := errors.Is(err, ErrAlreadyDecided)
	if err != nil && !alreadyDecided {
		return Outcome{}, fmt.Errorf("flows: decide volunteer %d: %w", id, err)
	}
	var out Outcome
	out.add(Reply{
		EditMessageID: sess.Input.CallbackMessageID,
		Text:          s.approvalCardText(decided, sess.Lang) + "\n\n" + s.verdictLine(ctx, decided, sess.Lang),
	})
	if alreadyDecided {
		out.Notice = msgAlreadyDecided.In(sess.Lang)
		return out, nil
	}
	out.Notice = msgDecisionSaved.In(sess.Lang)
	out.add(s.verdictForVolunteer(decided))
	return out, nil
}

// verdictLine says on the card what was decided and by whom.
func (s *Service) verdictLine(ctx context.Context, v Volunteer, lang string) string {
	by := ""
	if v.DecidedBy != 0 {
		if d, err := s.volunteers.ByID(ctx, v.DecidedBy); err == nil {
			by = escape(d.Name)
		}
	}
	switch v.Status {
	case StatusActive:
		return fmt.Sprintf(msgCardApproved.In(lang), by)
	case StatusRejected:
		return fmt.Sprintf(msgCardRejected.In(lang), by)
	}
	return msgCardPending.In(lang)
}

func (s *Service) verdictForVolunteer(v Volunteer) Reply {
	lang := v.Language
	if v.Status == StatusActive {
		sess := &Session{Volunteer: &v, Lang: lang}
		return Reply{ChatID: v.ChatID, Text: fmt.Sprintf(msgYouAreApproved.In(lang), escape(v.Name)) + "\n\n" + s.helpText(sess)}
	}
	return Reply{ChatID: v.ChatID, Text: msgYouAreRejected.In(lang)}
}
