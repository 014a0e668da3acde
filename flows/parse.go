package flows

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// parse turns the session's input into a value for step st, or a problem.
func (e *Engine) parse(ctx context.Context, st *Step, s *Session, act action) (Value, problem, error) {
	in := s.Input
	if act.kind == actionPick {
		opts := e.options(st, s)
		if act.index >= len(opts) {
			return Value{}, choiceProblem(opts, ""), nil
		}
		o := opts[act.index]
		if st.Kind == AnswerDate {
			return Value{Data: o.Value, Text: dateText(o.Value)}, problem{}, nil
		}
		return Value{Data: o.Value, Text: o.Label}, problem{}, nil
	}
	switch st.Kind {
	case AnswerText:
		if in.Kind != KindText {
			return Value{}, wrongKind(in.Kind), nil
		}
		if st.Parse != nil {
			v, refusal := st.Parse(s, cleanText(in.Text))
			if refusal != "" {
				return Value{}, problem{msg: Text{refusal, refusal}}, nil
			}
			return v, problem{}, nil
		}
		return parseFreeText(st, in.Text)
	case AnswerChoice:
		if in.Kind != KindText {
			return Value{}, wrongKind(in.Kind), nil
		}
		opts := e.options(st, s)
		if o, ok := pickOne(opts, in.Text); ok {
			return Value{Data: o.Value, Text: o.Label}, problem{}, nil
		}
		if st.Recognize != nil {
			if v, ok := st.Recognize(s, cleanText(in.Text)); ok {
				return v, problem{}, nil
			}
		}
		return Value{}, choiceProblem(opts, in.Text), nil
	case AnswerLookup:
		return e.parseLookup(ctx, st, s)
	case AnswerPhone:
		return parsePhoneAnswer(in)
	case AnswerMulti:
		return parseMulti(st, e.options(st, s), in, s.Lang)
	case AnswerCount:
		return parseCountAnswer(st, in, s.Lang)
	case AnswerCounts:
		return parseCountsAnswer(st, in, s.Lang)
	case AnswerDate:
		return parseDateAnswer(st, s)
	case AnswerTime:
		return parseTimeAnswer(in)
	case AnswerLocation:
		if in.Kind == KindLocation && in.Location != nil {
			return locationValue(*in.Location), problem{}, nil
		}
		if st.Lookup != nil && in.Kind == KindText {
			return e.parseLookup(ctx, st, s)
		}
		if st.Lookup != nil {
			return Value{}, problem{msg: msgLocationOrNameExpected, noExample: true}, nil
		}
		return Value{}, problem{msg: msgLocationExpected, noExample: true}, nil
	case AnswerPhotos:
		return Value{}, problem{msg: msgPhotosExpected, noExample: true}, nil
	case AnswerNIK:
		return parseNIKAnswer(in)
	case AnswerKK:
		return parseKKAnswer(in)
	}
	return Value{}, problem{}, fmt.Errorf("flows: step %s has unknown kind %d", st.ID, st.Kind)
}

func parseFreeText(st *Step, raw string) (Value, problem, error) {
	text := cleanText(raw)
	n := utf8.RuneCountInString(text)
	switch {
	case n == 0 || !strings.ContainsFunc(text, unicode.IsLetter):
		return Value{}, problem{msg: msgTextEmpty}, nil
	case st.MinLen > 0 && n < st.MinLen:
		return Value{}, problem{msg: msgTextTooShort, args: []any{st.MinLen}}, nil
	case st.MaxLen > 0 && n > st.MaxLen:
		return Value{}, problem{msg: msgTextTooLong, args: []any{st.MaxLen, n}}, nil
	}
	return Value{Data: text, Text: text}, problem{}, nil
}

func (e *Engine) parseLookup(ctx context.Context, st *Step, s *Session) (Value, problem, error) {
	in := s.Input
	if in.Kind != KindText {
		return Value{}, wrongKind(in.Kind), nil
	}
	if len(s.Conversation.Choices) > 0 {
		if o, ok := matchOption(s.Conversation.Choices, in.Text); ok {
			return Value{Data: o.Value, Text: o.Label}, problem{}, nil
		}
	}
	query := cleanText(in.Text)
	if utf8.RuneCountInString(query) > 100 || (!st.ExactLookup && !strings.ContainsFunc(query, unicode.IsLetter)) {
		// The question is asked again without the earlier matches, so a
		// number typed next must not pick one of them unseen.
		s.Conversation.Choices = nil
		return Value{}, problem{msg: msgLookupBadQuery}, nil
	}
	opts, err := st.Lookup(ctx, s, query)
	if err != nil {
		return Value{}, problem{}, fmt.Errorf("flows: lookup for %s: %w", st.ID, err)
	}
	if len(opts) == 0 {
		s.Conversation.Choices = nil
		msg := msgLookupNothing
		if st.NotFound.ID != "" {
			msg = st.NotFound
		}
		return Value{}, problem{msg: msg, args: []any{escape(query)}}, nil
	}
	if len(opts) == 1 && (st.ExactLookup || st.TakeExactMatch && namedExactly(opts[0].Label, query)) {
		s.Conversation.Choices = nil
		s.lead = "✅ " + escape(opts[0].Label)
		return Value{Data: opts[0].Value, Text: opts[0].Label}, problem{}, nil
	}
	return Value{}, problem{lookup: opts}, nil
}

// namedExactly reports whether a lookup result's name (its label up to the
// first comma, with or without a "Kec." prefix) is what was typed.
func namedExactly(label, typed string) bool {
	name, _, _ := strings.Cut(label, ",")
	want := normalizeWord(typed)
	return normalizeWord(name) == want || normalizeWord(strings.TrimPrefix(name, "Kec. ")) == want
}

// options are the choices of the step on screen: computed lookup results
// when there are any, else the step's declared options.
func (e *Engine) options(st *Step, s *Session) []Option {
	if len(s.Conversation.Choices) > 0 {
		return s.Conversation.Choices
	}
	choices := st.Options
	if st.OptionsFor != nil {
		choices = st.OptionsFor(s)
	}
	opts := make([]Option, len(choices))
	for i, c := range choices {
		opts[i] = Option{Value: c.Value, Label: c.Label.In(s.Lang)}
	}
	return opts
}

// matchOption accepts an option by its number in the list ("2"), its label
// ("tksk", case and emoji ignored) or an unambiguous start of its label.
func matchOption(opts []Option, typed string) (Option, bool) {
	want := normalizeWord(typed)
	if n, err := strconv.Atoi(want); err == nil {
		if n >= 1 && n <= len(opts) {
			return opts[n-1], true
		}
		return Option{}, false
	}
	if want == "" {
		return Option{}, false
	}
	var prefixed []Option
	for _, o := range opts {
		label := normalizeWord(o.Label)
		if label == want || normalizeWord(o.Value) == want {
			return o, true
		}
		if strings.HasPrefix(label, want) {
			prefixed = append(prefixed, o)
		}
	}
	if len(prefixed) == 1 {
		return prefixed[0], true
	}
	return Option{}, false
}

// cleanText trims, folds runs of white space and drops control characters,
// so what is stored is what the volunteer meant to type.
func cleanText(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) && r != '\n' {
			return -1
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}
