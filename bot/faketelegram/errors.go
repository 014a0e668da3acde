package faketelegram

import (
	"fmt"
	"net/http"
	"strings"
)

// apiError is an error envelope the server answers with.
type apiError struct {
	code        int
	description string
	retryAfter  int
	scripted    bool
}

func badRequest(format string, args ...any) *apiError {
	return &apiError{code: http.StatusBadRequest, description: "Bad Request: " + fmt.Sprintf(format, args...)}
}

func forbidden(what string) *apiError {
	return &apiError{code: http.StatusForbidden, description: "Forbidden: " + what}
}

var (
	errNotFound     = &apiError{code: http.StatusNotFound, description: "Not Found"}
	errUnauthorized = &apiError{code: http.StatusUnauthorized, description: "Unauthorized"}
	// errClientGone means the request was cancelled: nothing is written or recorded.
	errClientGone = &apiError{code: 499, description: "client gone"}
)

// Telegram's descriptions, shared by several methods.
const (
	descChatNotFound   = "chat not found"
	descBlocked        = "bot was blocked by the user"
	descCantInitiate   = "bot can't initiate conversation with a user"
	descEditNotFound   = "message to edit not found"
	descDeleteNotFound = "message to delete not found"
	descNotModified    = "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message"
	descQueryTooOld    = "query is too old and response timeout expired or query ID is invalid"
	descWrongFileID    = "wrong file identifier/HTTP URL specified"
	descTextEmpty      = "message text is empty"
	descTooLong        = "message is too long"
	descCaptionTooLong = "message caption is too long"
)

// FailNext makes the next call of method (matched case-insensitively, like
// Telegram) fail with this envelope and have no effect. Calls queue up: two
// FailNext for one method fail its next two calls. An empty description
// picks Telegram's usual text for the code, e.g. 429 →
// "Too Many Requests: retry after N"; retryAfter > 0 adds
// "parameters":{"retry_after":N}. Scripted failures appear in Calls and in
// the transcript but not in Errors.
func (s *Server) FailNext(method string, code int, description string, retryAfter int) {
	if description == "" {
		description = defaultDescription(code, retryAfter)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	name := strings.ToLower(method)
	s.failures[name] = append(s.failures[name], &apiError{
		code: code, description: description, retryAfter: retryAfter, scripted: true,
	})
}

func defaultDescription(code, retryAfter int) string {
	switch code {
	case http.StatusTooManyRequests:
		return fmt.Sprintf("Too Many Requests: retry after %d", retryAfter)
	case http.StatusBadRequest:
		return "Bad Request"
	case http.StatusUnauthorized:
		return "Unauthorized"
	case http.StatusForbidden:
		return "Forbidden: " + descBlocked
	case http.StatusNotFound:
		return "Not Found"
	case http.StatusConflict:
		return "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"
	case http.StatusBadGateway:
		return "Bad Gateway"
	default:
		return "Internal Server Error"
	}
}
