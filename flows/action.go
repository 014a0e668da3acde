package flows

import (
	"strconv"
	"strings"
)

// Conversation buttons carry "c:<version>:<action>" in their callback data,
// well under Telegram's 64-byte limit. The version ties a button to the
// question it was sent with.
const convButtonPrefix = "c:"

type actionKind int

const (
	actionAnswer actionKind = iota // typed or shared input to parse
	actionPick                     // an option chosen by button
	actionBack
	actionSkip
	actionSubmit
)

type action struct {
	kind  actionKind
	index int
}

func convButton(version int, act string) string {
	return convButtonPrefix + strconv.Itoa(version) + ":" + act
}

func optionButton(version, index int) string { return convButton(version, strconv.Itoa(index)) }

// readAction classifies an input for the current step. A button from any
// keyboard but the live one is stale.
func readAction(in Input, c *Conversation) (act action, fromButton, stale bool) {
	if in.Kind == KindCallback {
		ver, rest, ok := parseConvButton(in.Callback)
		if !ok || ver != c.Version {
			return action{}, true, true
		}
		switch rest {
		case "back":
			return action{kind: actionBack}, true, false
		case "skip":
			return action{kind: actionSkip}, true, false
		case "send":
			return action{kind: actionSubmit}, true, false
		}
		i, err := strconv.Atoi(rest)
		if err != nil || i < 0 {
			return action{}, true, true
		}
		return action{kind: actionPick, index: i}, true, false
	}
	if in.Kind == KindText {
		switch normalizeWord(in.Text) {
		case "kembali", "back", "balik":
			return action{kind: actionBack}, false, false
		case "lewati", "skip", "lewat":
			return action{kind: actionSkip}, false, false
		case "kirim", "send", "kirim ulang":
			return action{kind: actionSubmit}, false, false
		}
	}
	return action{kind: actionAnswer}, false, false
}

func parseConvButton(data string) (version int, rest string, ok bool) {
	body, found := strings.CutPrefix(data, convButtonPrefix)
	if !found {
		return 0, "", false
	}
	verText, rest, found := strings.Cut(body, ":")
	if !found {
		return 0, "", false
	}
	v, err := strconv.Atoi(verText)
	if err != nil {
		return 0, "", false
	}
	return v, rest, true
}

// normalizeWord lower-cases and strips emoji and punctuation around a short
// reply such as "⬅️ Kembali" so typed and tapped navigation read the same.
func normalizeWord(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z') && !(r >= '0' && r <= '9')
	})
	return strings.Join(strings.Fields(s), " ")
}
