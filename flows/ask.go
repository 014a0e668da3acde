package flows

import (
	"fmt"
	"html"
	"strings"
	"unicode/utf8"
)

// maxButtonLabel keeps labels readable on a small screen; Telegram itself
// would accept longer ones.
const maxButtonLabel = 40

// ask renders step st as the live question. lead, if set, comes first (a
// refusal, or a note); the question follows so it is never out of sight.
func (e *Engine) ask(f *Flow, st *Step, s *Session, lead string) Reply {
	c := s.Conversation
	text := e.questionText(f, st, s)
	if lead != "" {
		text = lead + "\n\n" + text
	}
	r := Reply{Text: text, Prompt: true}
	if st.Kind == AnswerChoice {
		opts := e.options(st, s)
		r.Buttons = optionRows(opts, c.Version)
	}
	if st.Kind == AnswerPhone {
		r.RequestContact = msgShareContact.In(s.Lang)
	}
	if nav := e.navRow(st, s); len(nav) > 0 && r.RequestContact == "" {
		r.Buttons = append(r.Buttons, nav)
	}
	c.PromptHasButtons = len(r.Buttons) > 0
	return r
}

// questionText is the header, progress, prompt and context of a step.
func (e *Engine) questionText(f *Flow, st *Step, s *Session) string {
	pos, total := progress(f, st, s)
	var b strings.Builder
	fmt.Fprintf(&b, "<b>%s</b> · %s\n", f.Title.In(s.Lang), fmt.Sprintf(msgProgress.In(s.Lang), pos, total))
	b.WriteString(st.Prompt.In(s.Lang))
	if st.Describe != nil {
		if d := st.Describe(s); d != "" {
			b.WriteString("\n" + d)
		}
	}
	if st.Optional {
		b.WriteString("\n<i>" + msgOptionalHint.In(s.Lang) + "</i>")
	}
	return b.String()
}

// progress is the step's position among the steps that apply, so "Langkah
// 3/5" stays honest when branches skip questions.
func progress(f *Flow, st *Step, s *Session) (pos, total int) {
	for i := range f.Steps {
		if !applies(&f.Steps[i], s) {
			continue
		}
		total++
		if f.Steps[i].ID == st.ID {
			pos = total
		}
	}
	return pos, total
}

func (e *Engine) navRow(st *Step, s *Session) []Button {
	var row []Button
	if len(s.Conversation.Trail) > 0 {
		row = append(row, Button{Text: msgBackButton.In(s.Lang), Data: convButton(s.Conversation.Version, "back")})
	}
	if st.Optional {
		row = append(row, Button{Text: msgSkipButton.In(s.Lang), Data: convButton(s.Conversation.Version, "skip")})
	}
	return row
}

// offerLookup shows what a typed search matched, as numbered buttons; the
// step stays open so the user can also type another name.
func (e *Engine) offerLookup(f *Flow, st *Step, s *Session, opts []Option, out *Outcome) {
	c := s.Conversation
	e.retirePrompt(s, out)
	c.Choices = opts
	c.Version++
	var b strings.Builder
	b.WriteString(e.questionText(f, st, s))
	b.WriteString("\n\n" + msgLookupPick.In(s.Lang))
	for i, o := range opts {
		fmt.Fprintf(&b, "\n%d. %s", i+1, escape(o.Label))
	}
	r := Reply{Text: b.String(), Prompt: true, Buttons: optionRows(opts, c.Version)}
	if nav := e.navRow(st, s); len(nav) > 0 {
		r.Buttons = append(r.Buttons, nav)
	}
	c.PromptHasButtons = true
	out.add(r)
}

// optionRows lays options out two per row when labels are short, one per
// row otherwise, numbering long labels so they match the list in the text.
func optionRows(opts []Option, version int) [][]Button {
	short := true
	for _, o := range opts {
		if utf8.RuneCountInString(o.Label) > 16 {
			short = false
		}
	}
	var rows [][]Button
	for i, o := range opts {
		b := Button{Text: shorten(o.Label), Data: optionButton(version, i)}
		if !short {
			b.Text = fmt.Sprintf("%d. %s", i+1, shorten(o.Label))
		}
		if short && len(rows) > 0 && len(rows[len(rows)-1]) == 1 && i%2 == 1 {
			rows[len(rows)-1] = append(rows[len(rows)-1], b)
			continue
		}
		rows = append(rows, []Button{b})
	}
	return rows
}

func shorten(s string) string {
	if utf8.RuneCountInString(s) <= maxButtonLabel {
		return s
	}
	r := []rune(s)
	return string(r[:maxButtonLabel-1]) + "…"
}

// escape makes user-supplied text safe inside Telegram HTML.
func escape(s string) string { return html.EscapeString(s) }
