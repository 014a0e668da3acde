package regions

// fuzzyPrefix reports whether word, or a prefix of it, is at most one edit
// from tok: the user may mistype one letter and may not have finished the
// name ("gambr" → "gambir", "gambiran"). A prefix must be as long as tok
// (a wrong or swapped letter) or one longer (a missed letter); an extra
// letter is only forgiven against the whole word, so "usang" does not
// match the "sang" of "sanggul".
func fuzzyPrefix(tok, word string) bool {
	if oneEdit(tok, word) {
		return true
	}
	for l := len(tok); l <= len(tok)+1 && l < len(word); l++ {
		if oneEdit(tok, word[:l]) {
			return true
		}
	}
	return false
}

// commonPrefixLen returns the number of leading bytes a and b share.
func commonPrefixLen(a, b string) int {
	n := min(len(a), len(b))
	for i := 0; i < n; i++ {
		if a[i] != b[i] {
			return i
		}
	}
	return n
}

// oneEdit reports whether a and b differ by at most one insertion,
// deletion, substitution or transposition of adjacent bytes (optimal
// string alignment distance ≤ 1), in linear time.
func oneEdit(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b)-len(a) > 1 {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	if i == len(a) {
		return true
	}
	if len(a) < len(b) {
		return a[i:] == b[i+1:]
	}
	if a[i+1:] == b[i+1:] {
		return true
	}
	return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
}
