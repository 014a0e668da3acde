package bot

import (
	"errors"
	"strings"

	tgbot "github.com/go-telegram/bot"
)

// ErrChatGone means the user blocked the bot or deleted their account:
// nothing can be delivered to that chat until they return. Errors from
// delivery wrap it together with Telegram's own error.
var ErrChatGone = errors.New("telegram: chat gone (bot blocked or user deactivated)")

// errNotProcessed wraps failures after which an update was not handled and
// must be delivered again (Redis unavailable, shutdown, another worker
// still holding it).
var errNotProcessed = errors.New("update not processed")

// errInProgress means another worker holds the update; Telegram should
// retry later, by when the holder has finished or its claim has expired.
var errInProgress = errors.New("update is being handled by another worker")

// Telegram's error descriptions, matched case-insensitively because only
// the code is documented and the wording has varied.
const (
	descBlocked        = "bot was blocked by the user"
	descDeactivated    = "user is deactivated"
	descNotModified    = "message is not modified"
	descEditNotFound   = "message to edit not found"
	descCantBeEdited   = "message can't be edited"
	descQueryTooOld    = "query is too old"
	descQueryIDInvalid = "query id is invalid"
)

// chatGone reports a 403 that means the chat is unreachable for good.
func chatGone(err error) bool {
	return errors.Is(err, tgbot.ErrorForbidden) &&
		(describes(err, descBlocked) || describes(err, descDeactivated))
}

// describes reports whether Telegram's error description contains phrase.
func describes(err error, phrase string) bool {
	return err != nil && strings.Contains(strings.ToLower(err.Error()), phrase)
}

func notModified(err error) bool {
	return errors.Is(err, tgbot.ErrorBadRequest) && describes(err, descNotModified)
}

// editImpossible means the message to edit is gone or too old; the text is
// sent as a new message instead.
func editImpossible(err error) bool {
	return errors.Is(err, tgbot.ErrorBadRequest) &&
		(describes(err, descEditNotFound) || describes(err, descCantBeEdited))
}

// callbackExpired means the press was answered before (a redelivery) or
// too late; the user's spinner has stopped either way.
func callbackExpired(err error) bool {
	return errors.Is(err, tgbot.ErrorBadRequest) &&
		(describes(err, descQueryTooOld) || describes(err, descQueryIDInvalid))
}
