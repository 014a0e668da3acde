package flows

import (
	"context"
	"errors"
	"fmt"
)

func (s *Service) submitRegistration(ctx context.Context, sess *Session) (Outcome, error) {
	a := sess.Conversation.Answers
	village := sess.AnswerData(stepRegVillage)
	rtrw := sess.AnswerData(stepRegRTRW)
	r := Registration{
		SubmissionID:  sess.Conversation.SubmissionID,
		VolunteerID:   sess.Volunteer.ID,
		Criterion:     sess.AnswerData(stepRegCriterion),
		Category:      sess.AnswerData(stepRegCategory),
		NIK:           sess.AnswerData(stepRegNIK),
		Name:          sess.AnswerData(stepRegName),
		BirthPlace:    sess.AnswerData(stepRegBirthPlace),
		BirthDate:     DateOf(a[stepRegBirthDate], sess.location()),
		Female:        sess.AnswerData(stepRegSex) == "p",
		KK:            sess.AnswerData(stepRegKK),
		MotherName:    motherName(sess),
		Relationship:  sess.AnswerData(stepRegRelationship),
		MaritalStatus: sess.AnswerData(stepRegMarital),
		VillageCode:   village,
		Street:        sess.AnswerData(stepRegStreet),
		Occupation:    sess.AnswerData(stepRegOccupation),
		Condition:     sess.AnswerData(stepRegCondition),
		Location:      a[stepRegLocation].Loc,
	}
	if len(rtrw) == 7 {
		r.RT, r.RW = rtrw[:3], rtrw[4:]
	}
	if photos := a[stepRegHousePhoto].List; len(photos) > 0 {
		r.HousePhotoID = photos[0]
	}
	r.DistrictCode, r.RegencyCode, r.ProvinceCode = parentCodes(village)
	s.recordNIKChecks(&r)
	rec, err := s.registrations.Create(ctx, r)
	if errors.Is(err, ErrAlreadyExists) && rec.SubmissionID != r.SubmissionID {
		// Someone registered the same NIK while this form was being filled.
		return reply(fmt.Sprintf(msgNIKRegistered.In(sess.Lang), escape(MaskNumber(r.NIK)), rec.Code,
			rec.CreatedAt.In(sess.location()).Format("02/01/2006"))), nil
	}
	if err != nil && !errors.Is(err, ErrAlreadyExists) {
		return Outcome{}, fmt.Errorf("flows: create registration: %w", err)
	}
	return reply(fmt.Sprintf(msgRegistrationFiled.In(sess.Lang), rec.Code, escape(rec.Name), escape(MaskNumber(rec.NIK)))), nil
}

// recordNIKChecks keeps, with the record, how the NIK compared with the
// other answers, for Dinas Sosial's verification.
func (s *Service) recordNIKChecks(r *Registration) {
	n, err := ParseNIK(r.NIK)
	if err != nil {
		return
	}
	r.NIKRegionCheck = nikRegionCheck(n, r.DistrictCode)
	if _, known := s.regions.Get(n.DistrictCode); !known {
		r.NIKRegionCheck = "unknown"
	}
	female := r.Female
	warns := n.Check(func(code string) bool { _, ok := s.regions.Get(code); return ok }, r.DistrictCode, r.BirthDate, &female)
	r.NIKBirthCheck = "match"
	for _, w := range warns {
		r.NIKWarnings = append(r.NIKWarnings, string(w))
		if w == WarnBirthDateDiffers || w == WarnSexDiffers {
			r.NIKBirthCheck = "differs"
		}
	}
}

// nikRegionCheck compares the kabupaten/kota a NIK was issued in with the
// one of the address: "match" or "differs".
func nikRegionCheck(n NIK, addressDistrict string) string {
	if len(addressDistrict) >= 5 && addressDistrict[:5] != n.RegencyCode {
		return "differs"
	}
	return "match"
}
