package flows

import (
	"fmt"
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
		return Value{List: list, Text: fmt.Sprintf(msgPhotoCount.In(s.Lang), len(list))}, problem{}
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

// parseMulti reads typed selections: numbers or labels separated by
// spaces, commas or "dan".
func parseMulti(opts []Option, in Input) (Value, problem, error) {
	if in.Kind != KindText {
		return Value{}, wrongKind(in.Kind), nil
	}
	if o, ok := matchOption(opts, in.Text); ok {
		return Value{List: []string{o.Value}, Text: o.Label}, problem{}, nil
	}
	text := strings.NewReplacer(",", " ", ";", " ", "/", " ", " dan ", " ", " and ", " ").Replace(strings.ToLower(in.Text))
	labels := make(map[string]string, len(opts))
	for _, o := range opts {
		labels[o.Value] = o.Label
	}
	var picked []string
	for _, tok := range strings.Fields(text) {
		o, ok := matchOption(opts, tok)
		if !ok {
			return Value{}, problem{msg: msgMultiUnreadable, args: []any{escape(shorten(tok))}}, nil
		}
		if !slices.Contains(picked, o.Value) {
			picked = append(picked, o.Value)
		}
	}
	if len(picked) == 0 {
		return Value{}, problem{msg: msgPickAtLeastOne}, nil
	}
	return multiValue(labels, picked), problem{}, nil
}
