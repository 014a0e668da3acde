package flows

import "context"

// checkMotherName lets a volunteer who does not know the mother's name go
// on, after saying where it is usually found: it is a minimum attribute of
// a DTKS proposal, but a proposal Dinas Sosial completes at verification
// beats none. The unknown name is stored empty (see motherName).
func checkMotherName(_ context.Context, s *Session, v Value) (Verdict, error) {
	if !countUnknown[normalizeWord(v.Data)] {
		return Verdict{}, nil
	}
	return Verdict{Warn: msgMotherUnknown.In(s.Lang)}, nil
}

// motherName is the mother's name to record: empty when the volunteer
// confirmed it is not known.
func motherName(s *Session) string {
	name := s.AnswerData(stepRegMother)
	if countUnknown[normalizeWord(name)] {
		return ""
	}
	return name
}
