package faketelegram

import (
	"fmt"
	"unicode"
	"unicode/utf8"
)

// newFileIDLocked mints a file_id the bot may later send back.
func (s *Server) newFileIDLocked(prefix string) (fileID, uniqueID string) {
	s.seq++
	fileID = fmt.Sprintf("%s%08dFAKE", prefix, s.seq)
	s.files[fileID] = true
	return fileID, fmt.Sprintf("AQAD%08d", s.seq)
}

// newPhotoSizesLocked returns the sizes of a photo; the largest reuses
// fileID when it is not empty.
func (s *Server) newPhotoSizesLocked(fileID string) []wirePhotoSize {
	var sizes []wirePhotoSize
	for i, d := range [][2]int{{90, 67}, {320, 240}, {1280, 960}} {
		id, uniq := s.newFileIDLocked("AgACAgUAAxkBAAI")
		if i == 2 && fileID != "" {
			id = fileID
		}
		sizes = append(sizes, wirePhotoSize{FileID: id, FileUniqueID: uniq, Width: d[0], Height: d[1], FileSize: d[0] * d[1] / 10})
	}
	return sizes
}

// commandEntities gives text a bot_command entity when it starts with one,
// following tdlib's matcher: /[A-Za-z0-9_]{1,64}(@[A-Za-z0-9_]{3,32})?
// not followed by a word character, '/', '<' or '>'.
func commandEntities(text string) []Entity {
	word := func(i int) bool {
		if i >= len(text) {
			return false
		}
		c := text[i]
		return isAlnum(c) || c == '_'
	}
	if len(text) < 2 || text[0] != '/' {
		return nil
	}
	end := 1
	for word(end) {
		end++
	}
	if end-1 < 1 || end-1 > 64 {
		return nil
	}
	if end < len(text) && text[end] == '@' {
		at := end + 1
		for word(at) {
			at++
		}
		if n := at - end - 1; n < 3 || n > 32 {
			return nil
		}
		end = at
	}
	if r, _ := utf8.DecodeRuneInString(text[end:]); r == '/' || r == '<' || r == '>' || unicode.IsLetter(r) || unicode.IsDigit(r) {
		return nil
	}
	return []Entity{{Type: "bot_command", Offset: 0, Length: end}}
}

// RegisterFileID makes fileID acceptable to sendPhoto/sendMediaGroup, as a
// file_id the bot obtained outside the test (e.g. from its configuration).
// Other file_ids must come from updates the test sent or from the results
// of the bot's own uploads; anything else gets "wrong file identifier".
func (s *Server) RegisterFileID(fileID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.files[fileID] = true
}
