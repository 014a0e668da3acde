package flows

import "strings"

// helpText lists what this user can do now, by status and role: field
// commands for approved volunteers, /undang for coordinators, /koordinator
// for admins.
func (s *Service) helpText(sess *Session) string {
	lang := sess.Lang
	v := sess.Volunteer
	if v == nil {
		return msgHelpUnregistered.In(lang)
	}
	if v.Status == StatusPending {
		return msgAwaitingApproval.In(lang)
	}
	if !v.Approved() {
		return msgAccountInactive.In(lang)
	}
	var b strings.Builder
	b.WriteString(msgHelpHeader.In(lang))
	field := []Text{helpLapor, helpDaftar, helpKunjungan}
	switch v.Role {
	case RolePKH, RoleTKSK:
		// Home visits and registrations are their daily work.
		field = []Text{helpKunjungan, helpDaftar, helpLapor}
	case RolePSM, RoleKarangTaruna:
		field = []Text{helpDaftar, helpKunjungan, helpLapor}
	}
	for _, t := range field {
		b.WriteString("\n" + t.In(lang))
	}
	if v.IsCoordinator() || v.IsAdmin {
		b.WriteString("\n\n" + msgHelpCoordinator.In(lang))
		b.WriteString("\n" + helpUndang.In(lang))
	}
	if v.IsAdmin {
		b.WriteString("\n\n" + msgHelpAdmin.In(lang))
		b.WriteString("\n" + helpKoordinator.In(lang))
	}
	b.WriteString("\n\n" + helpGeneral.In(lang))
	return b.String()
}
