package flows

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"
)

const (
	flowRegistration = "daftar"

	stepRegCriterion    = "kriteria"
	stepRegCategory     = "kategori"
	stepRegNIK          = "nik"
	stepRegName         = "nama"
	stepRegBirthPlace   = "tempat_lahir"
	stepRegBirthDate    = "tanggal_lahir"
	stepRegSex          = "jenis_kelamin"
	stepRegKK           = "kk"
	stepRegMother       = "ibu"
	stepRegRelationship = "hubungan"
	stepRegMarital      = "status_kawin"
	stepRegVillage      = "desa"
	stepRegRTRW         = "rt_rw"
	stepRegStreet       = "jalan"
	stepRegOccupation   = "pekerjaan"
	stepRegCondition    = "kondisi"
	stepRegHousePhoto   = "foto_rumah"
	stepRegLocation     = "lokasi"
)

// registrationFlow is /daftar: a pre-proposal of a person who needs
// assistance, with the attributes Permensos 3/2021 requires at minimum.
func (s *Service) registrationFlow() *Flow {
	return &Flow{
		Name:   flowRegistration,
		Title:  Text{"Usulan Warga (DTKS/DTSEN)", "Assistance proposal (DTKS/DTSEN)"},
		Review: true,
		Steps: []Step{
			{ID: stepRegCriterion, Label: Text{"Kriteria", "Criterion"}, Kind: AnswerChoice, Options: ppksCriteria,
				Prompt:    Text{"Kriteria kesejahteraan sosial warga ini? Boleh juga ketik jenisnya, mis. “lansia”.", "Which welfare criterion applies? You may also type the PPKS type, e.g. “elderly”."},
				Recognize: criterionOfTypedType},
			{ID: stepRegCategory, Label: Text{"Jenis PPKS", "PPKS type"}, Kind: AnswerChoice,
				OptionsFor: func(sess *Session) []Choice { return ppksTypesOf(sess.AnswerData(stepRegCriterion)) },
				Suggest:    typedTypeSuggestion,
				Prompt:     Text{"Jenis PPKS-nya?", "Which PPKS type?"}},
			{ID: stepRegNIK, Label: Text{"NIK", "NIK"}, Kind: AnswerNIK,
				Prompt:   Text{"NIK warga (16 angka, dari KTP atau KK)?", "The person's NIK (16 digits, from the ID or family card)?"},
				Example:  Text{"1305014101850001", "1305014101850001"},
				Validate: s.checkNIK},
			{ID: stepRegName, Label: Text{"Nama lengkap", "Full name"}, Kind: AnswerText, MinLen: 2, MaxLen: 100,
				Prompt: Text{"Nama lengkap sesuai KTP/KK?", "Full name as on the ID card?"}, Example: Text{"Nurhayati", "Nurhayati"}},
			{ID: stepRegBirthPlace, Label: Text{"Tempat lahir", "Place of birth"}, Kind: AnswerText, MinLen: 2, MaxLen: 60,
				Prompt: Text{"Tempat lahir?", "Place of birth?"}, Example: Text{"Pariaman", "Pariaman"}},
			{ID: stepRegBirthDate, Label: Text{"Tanggal lahir", "Date of birth"}, Kind: AnswerDate, DateRule: NotFuture,
				Prompt:   Text{"Tanggal lahir? Periksa dengan KTP/KK.", "Date of birth? Check it against the card."},
				Example:  Text{"01/01/1985", "01/01/1985"},
				Suggest:  nikBirthSuggestion,
				Validate: s.checkBirthAgainstNIK},
			{ID: stepRegSex, Label: Text{"Jenis kelamin", "Sex"}, Kind: AnswerChoice, Options: sexes,
				Prompt:   Text{"Jenis kelamin?", "Sex?"},
				Suggest:  nikSexSuggestion,
				Validate: s.checkSexAgainstNIK},
			{ID: stepRegKK, Label: Text{"Nomor KK", "KK number"}, Kind: AnswerKK,
				Prompt: Text{"Nomor Kartu Keluarga (16 angka)?", "Family card (KK) number (16 digits)?"}, Example: Text{"1305010202100003", "1305010202100003"}},
			{ID: stepRegMother, Label: Text{"Nama ibu kandung", "Mother's name"}, Kind: AnswerText, MinLen: 2, MaxLen: 100,
				Prompt: Text{"Nama ibu kandung?", "Mother's maiden name?"}, Example: Text{"Rosmaniar", "Rosmaniar"},
				Validate: checkMotherName},
			{ID: stepRegRelationship, Label: Text{"Hubungan dalam keluarga", "Relationship"}, Kind: AnswerChoice, Options: relationships,
				Prompt: Text{"Hubungan dalam keluarga (sesuai KK)?", "Relationship in the family (as on the KK)?"}},
			{ID: stepRegMarital, Label: Text{"Status kawin", "Marital status"}, Kind: AnswerChoice, Options: maritalStatuses,
				Recognize: maritalByWord,
				Prompt:    Text{"Status perkawinan?", "Marital status?"}},
			{ID: stepRegVillage, Label: Text{"Desa/kelurahan", "Village"}, Kind: AnswerLookup,
				Prompt: Text{"Desa/kelurahan tempat tinggal? Ketik namanya.", "Village of residence? Type its name."}, Example: Text{"Pasar Usang", "Pasar Usang"},
				Lookup: s.villageLookup, TakeExactMatch: true, Validate: s.checkRegionAgainstNIK},
			{ID: stepRegRTRW, Label: Text{"RT/RW", "RT/RW"}, Kind: AnswerText, MaxLen: 20,
				Prompt: Text{"RT/RW?", "RT/RW?"}, Example: Text{"003/005 atau RT 3 RW 5", "003/005 or RT 3 RW 5"}, Parse: parseRTRW},
			{ID: stepRegStreet, Label: Text{"Alamat jalan", "Street"}, Kind: AnswerText, MaxLen: 200, Optional: true,
				Prompt: Text{"Nama jalan/dusun/jorong?", "Street, hamlet or jorong?"}},
			{ID: stepRegOccupation, Label: Text{"Pekerjaan", "Occupation"}, Kind: AnswerText, MaxLen: 100,
				Prompt: Text{"Pekerjaan?", "Occupation?"}, Example: Text{"Buruh tani, atau: tidak bekerja", "Farm labourer, or: none"}},
			{ID: stepRegCondition, Label: Text{"Kondisi", "Condition"}, Kind: AnswerText, MinLen: 5, MaxLen: 1000,
				Prompt:  Text{"Jelaskan kondisinya singkat (tempat tinggal, kesehatan, tanggungan).", "Briefly describe the situation (housing, health, dependants)."},
				Example: Text{"Janda lansia tinggal sendiri, rumah papan bocor, tidak ada penghasilan tetap.", "Elderly widow living alone, leaking wooden house, no regular income."}},
			{ID: stepRegHousePhoto, Label: Text{"Foto rumah", "House photo"}, Kind: AnswerPhotos, Optional: true, MaxPhotos: 3,
				Prompt: Text{"Foto rumah tampak depan?", "A photo of the house front?"}},
			{ID: stepRegLocation, Label: Text{"Lokasi", "Location"}, Kind: AnswerLocation, Optional: true,
				Prompt: Text{"Kirim lokasi rumahnya bila Anda sedang di sana.", "Send the house's location if you are there."}},
		},
		Submit: s.submitRegistration,
	}
}

func (s *Service) nikOf(sess *Session) (NIK, bool) {
	n, err := ParseNIK(sess.AnswerData(stepRegNIK))
	return n, err == nil
}

// checkNIK refuses a NIK that is already registered — showing its code and
// date, and personal data only within the same kabupaten/kota — and warns
// when its region code is unknown.
func (s *Service) checkNIK(ctx context.Context, sess *Session, v Value) (Verdict, error) {
	existing, err := s.registrations.ByNIK(ctx, v.Data)
	switch {
	case err == nil:
		msg := fmt.Sprintf(msgNIKRegistered.In(sess.Lang), escape(v.Text), existing.Code, existing.CreatedAt.In(sess.location()).Format("02/01/2006"))
		if sess.Volunteer != nil && existing.RegencyCode == sess.Volunteer.RegencyCode {
			msg += "\n" + fmt.Sprintf(msgNIKRegisteredName.In(sess.Lang), escape(existing.Name), escape(s.regionLabel(existing.VillageCode)))
		} else {
			msg += "\n" + msgNIKRegisteredElsewhere.In(sess.Lang)
		}
		return Verdict{Refuse: msg, Detours: []Detour{{
			Label: Text{"📋 Catat kunjungan ke warga ini", "📋 Record a visit to this person"},
			Flow:  flowVisit,
			Prefill: map[string]Value{
				stepVisitTarget:     {Data: "registration", Text: visitTargets[1].Label.In(sess.Lang)},
				stepVisitRegistered: {Data: strconv.FormatInt(existing.ID, 10), Text: existing.Code},
			},
		}}}, nil
	case !errors.Is(err, ErrNotFound):
		return Verdict{}, fmt.Errorf("flows: look up NIK: %w", err)
	}
	n, err := ParseNIK(v.Data)
	if err != nil {
		return Verdict{}, nil
	}
	if _, ok := s.regions.Get(n.DistrictCode); !ok {
		return Verdict{Warn: fmt.Sprintf(msgNIKRegionUnknown.In(sess.Lang), n.Number[:6])}, nil
	}
	return Verdict{}, nil
}

func nikBirthSuggestion(sess *Session) (Option, bool) {
	n, err := ParseNIK(sess.AnswerData(stepRegNIK))
	if err != nil {
		return Option{}, false
	}
	d := n.BirthDate(sess.Now.In(sess.location()))
	return Option{Value: d.Format(dateLayout), Label: d.Format("02/01/2006")}, true
}

func nikSexSuggestion(sess *Session) (Option, bool) {
	n, err := ParseNIK(sess.AnswerData(stepRegNIK))
	if err != nil {
		return Option{}, false
	}
	if n.Female {
		return Option{Value: "p", Label: sexes[1].Label.In(sess.Lang)}, true
	}
	return Option{Value: "l", Label: sexes[0].Label.In(sess.Lang)}, true
}

// NIKs keep the birth date and region they were issued with, and real
// records disagree, so these checks warn and let the volunteer confirm.

func (s *Service) checkBirthAgainstNIK(_ context.Context, sess *Session, v Value) (Verdict, error) {
	n, ok := s.nikOf(sess)
	if !ok {
		return Verdict{}, nil
	}
	d := DateOf(v, sess.location())
	if warns := n.Check(nil, "", d, nil); len(warns) > 0 {
		return Verdict{Warn: msgNIKBirthDiffers.In(sess.Lang)}, nil
	}
	return Verdict{}, nil
}

func (s *Service) checkSexAgainstNIK(_ context.Context, sess *Session, v Value) (Verdict, error) {
	n, ok := s.nikOf(sess)
	if !ok {
		return Verdict{}, nil
	}
	female := v.Data == "p"
	if warns := n.Check(nil, "", time.Time{}, &female); len(warns) > 0 {
		return Verdict{Warn: msgNIKSexDiffers.In(sess.Lang)}, nil
	}
	return Verdict{}, nil
}

func (s *Service) checkRegionAgainstNIK(_ context.Context, sess *Session, v Value) (Verdict, error) {
	n, ok := s.nikOf(sess)
	if !ok {
		return Verdict{}, nil
	}
	district, _, _ := parentCodes(v.Data)
	if nikRegionCheck(n, district) == "differs" {
		return Verdict{Warn: msgNIKRegionDiffers.In(sess.Lang)}, nil
	}
	return Verdict{}, nil
}
