package store

// Test-only view of the field-record stores for the external store_test
// package.

// NewRecordCode draws a record code the way the stores do.
var NewRecordCode = newRecordCode

// NormalizeRecordCode reads a record code as people type it.
var NormalizeRecordCode = normalizeRecordCode

// SetRecordCodes makes a *Reports, *Registrations or *Visits draw its
// record codes from next, so a test can force collisions.
func SetRecordCodes(s any, next func(prefix string, n int) string) {
	switch s := s.(type) {
	case *Reports:
		s.code = next
	case *Registrations:
		s.code = next
	case *Visits:
		s.code = next
	default:
		panic("SetRecordCodes: not a field-record store")
	}
}
