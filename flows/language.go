package flows

import (
	"context"
	"fmt"
	"strings"
)

// The language card carries "lang:<id|en>". It is a setting, not a flow,
// so it works in the middle of a form without losing it.
const languageButtonPrefix = "lang:"

func languageCard(sess *Session) Outcome {
	return Outcome{Replies: []Reply{{
		Text: msgChooseLanguage.In(sess.Lang),
		Buttons: [][]Button{{
			{Text: "🇮🇩 Bahasa Indonesia", Data: languageButtonPrefix + "id"},
			{Text: "🇬🇧 English", Data: languageButtonPrefix + "en"},
		}},
	}}}
}

// chooseLanguage applies a press on the language card: the choice is kept
// on the volunteer's record (or the open conversation, before
// registration) and the open question, if any, is asked again in it.
func (s *Service) chooseLanguage(ctx context.Context, sess *Session) (Outcome, error) {
	lang := strings.TrimPrefix(sess.Input.Callback, languageButtonPrefix)
	if lang != "en" {
		lang = "id"
	}
	sess.Lang = lang
	if v := sess.Volunteer; v != nil {
		if err := s.volunteers.SetLanguage(ctx, v.ID, lang); err != nil {
			return Outcome{}, fmt.Errorf("flows: set language: %w", err)
		}
		v.Language = lang
	}
	out := Outcome{Notice: msgLanguageSet.In(lang)}
	out.add(Reply{EditMessageID: sess.Input.CallbackMessageID, Text: msgLanguageSet.In(lang)})
	switch {
	case sess.Conversation != nil:
		sess.Conversation.Lang = lang
		again := s.engine.Repeat(sess, "")
		out.Replies = append(out.Replies, again.Replies...)
		out.ClearButtons = append(out.ClearButtons, again.ClearButtons...)
	case sess.Volunteer == nil:
		started, err := s.beginOnboarding(ctx, sess, nil, "")
		if err != nil {
			return Outcome{}, err
		}
		out.Replies = append(out.Replies, started.Replies...)
	default:
		out.add(Reply{Text: s.helpText(sess)})
	}
	return out, nil
}
