package flows

import (
	"slices"
	"strings"
)

// A multi-choice step keeps its selection in Conversation.Pending while the
// user toggles buttons; "Selesai" accepts it. Typing "1 3 5" answers at once.

func (e *Engine) toggle(f *Flow, st *Step, s *Session, i int, out *Outcome) {
	c := s.Conversation
	opts := e.options(st, s)
	if st.Kind != AnswerMulti || i >= len(opts) {
		out.Notice = msgStaleButton.In(s.Lang)
		return
	}
	if c.Pending == nil {
		c.Pending = &Value{}
	}
	v := opts[i].Value
	if j := slices.Index(c.Pending.List, v); j >= 0 {
		c.Pending.List = slices.Delete(c.Pending.List, j, j+1)
	} else {
		c.Pending.List = append(c.Pending.List, v)
	}
	r := e.ask(f, st, s, "")
	r.Prompt = false
	r.EditMessageID = s.Input.CallbackMessageID
	out.add(r)
}

// collected is the value a multi-choice or photo step has gathered so far.
func collected(st *Step, s *Session) (Value, problem) {
	c := s.Conversation
	var list []string
	if c.Pending != nil {
		list = c.Pending.List
	}
	if len(list) == 0 {
		if st.Optional {
			return Value{Skipped: true, Text: msgSkipped.In(s.Lang)}, problem{}
		}
		if st.Kind == AnswerPhotos {
			return Value{}, problem{msg: msgPhotosNeedOne, noExample: true}
		}
		return Value{}, problem{msg: msgPickAtLeastOne, noExample: true}
	}
	if st.Kind == AnswerPhotos {
		return photosValue(list, c.Pending.Captions, s.Lang), problem{}
	}
	return multiValue(optionsByValue(st, s), list), problem{}
}

func optionsByValue(st *Step, s *Session) map[string]string {
	labels := make(map[string]string)
	for _, c := range st.Options {
		labels[c.Value] = c.Label.In(s.Lang)
	}
	if st.OptionsFor != nil {
		for _, c := range st.OptionsFor(s) {
			labels[c.Value] = c.Label.In(s.Lang)
		}
	}
	return labels
}

func multiValue(labels map[string]string, values []string) Value {
	names := make([]string, len(values))
	for i, v := range values {
		names[i] = labels[v]
	}
	return Value{List: values, Text: strings.Join(names, ", ")}
}

// parseMulti reads typed selections: numbers or labels (or words of them)
// separated by spaces, commas or "dan" — "1 3 5", "lansia, balita",
// "makanan dan air bersih". "Tidak ada" on an optional step leaves it
// empty, as Selesai with nothing ticked does.
func parseMulti(st *Step, opts []Option, in Input, lang string) (Value, problem, error) {
	if in.Kind != KindText {
		return Value{}, wrongKind(in.Kind), nil
	}
	if o, ok := pickOne(opts, in.Text); ok {
		return Value{List: []string{o.Value}, Text: o.Label}, problem{}, nil
	}
	if countNone[strings.ToLower(cleanText(in.Text))] {
		if st.Optional {
			return Value{Skipped: true, Text: msgNoneChosen.In(lang)}, problem{}, nil
		}
		return Value{}, problem{msg: msgPickAtLeastOne, noExample: true}, nil
	}
	text := strings.NewReplacer(",", " , ", ";", " , ", "/", " , ", " dan ", " , ", " and ", " , ").Replace(strings.ToLower(in.Text))
	phrases := strings.Split(text, ",")
	picked, bad := pickEach(opts, phrases)
	if bad != "" {
		picked, bad = pickEach(opts, strings.Fields(strings.ReplaceAll(text, ",", " ")))
	}
	if bad != "" {
		return Value{}, problem{msg: msgMultiUnreadable, args: []any{escape(shorten(bad))}}, nil
	}
	if len(picked) == 0 {
		return Value{}, problem{msg: msgPickAtLeastOne}, nil
	}
	labels := make(map[string]string, len(opts))
	for _, o := range opts {
		labels[o.Value] = o.Label
	}
	return multiValue(labels, picked), problem{}, nil
}

// pickEach reads every non-empty part as one option, without repeats; bad
// is the first part that is none.
func pickEach(opts []Option, parts []string) (picked []string, bad string) {
	for _, part := range parts {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		o, ok := pickOne(opts, part)
		if !ok {
			return nil, part
		}
		if !slices.Contains(picked, o.Value) {
			picked = append(picked, o.Value)
		}
	}
	return picked, ""
}
