package flows

import (
	"fmt"
	"html"
	"strconv"
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
	opt, suggested := suggestion(st, s)
	if suggested && st.Kind != AnswerChoice {
		r.Buttons = append(r.Buttons, []Button{{Text: "✅ " + shorten(opt.Label), Data: convButton(c.Version, "sg")}})
	}
	switch st.Kind {
	case AnswerChoice:
		opts := e.options(st, s)
		if suggested {
			// The likely answer is ticked in place rather than repeated.
			opts = append([]Option(nil), opts...)
			for i := range opts {
				if opts[i].Value == opt.Value {
					opts[i].Label = "✅ " + opts[i].Label
				}
			}
		}
		r.Buttons = append(r.Buttons, optionRows(opts, c.Version)...)
	case AnswerMulti:
		r.Buttons = append(r.Buttons, e.multiRows(st, s)...)
	case AnswerCount:
		r.Buttons = append(r.Buttons, []Button{
			{Text: "0", Data: convButton(c.Version, "zero")},
			{Text: msgUnknownButton.In(s.Lang), Data: convButton(c.Version, "unknown")},
		})
	case AnswerCounts:
		r.Buttons = append(r.Buttons, []Button{
			{Text: msgAllZeroButton.In(s.Lang), Data: convButton(c.Version, "zero")},
			{Text: msgUnknownButton.In(s.Lang), Data: convButton(c.Version, "unknown")},
		})
	case AnswerDate:
		if st.QuickDates {
			c.Choices = quickDates(st.DateRule, s.Now, s.location(), s.Lang)
			r.Buttons = append(r.Buttons, optionRows(c.Choices, c.Version)...)
		}
	case AnswerPhotos:
		if c.Pending != nil && len(c.Pending.List) > 0 {
			r.Buttons = append(r.Buttons, []Button{{Text: msgDoneButton.In(s.Lang), Data: convButton(c.Version, "done")}})
		}
	case AnswerPhone:
		r.RequestContact = msgShareContact.In(s.Lang)
	case AnswerLocation:
		r.RequestLocation = msgShareLocation.In(s.Lang)
	}
	// Only answer buttons are retired once the question is answered; a
	// leftover "Kembali" is harmless (pressing it later just says it has
	// expired) and sparing the edit halves the Bot API calls per step,
	// which matters when an offline burst arrives at once.
	c.PromptHasButtons = len(r.Buttons) > 0
	nav := e.navRow(st, s)
	if usesReplyKeyboard(st) {
		// Inline buttons can't ride along a reply keyboard; navigation
		// becomes keyboard buttons that send their label as text.
		for _, b := range nav {
			r.KeyboardButtons = append(r.KeyboardButtons, b.Text)
		}
	} else if len(nav) > 0 {
		r.Buttons = append(r.Buttons, nav)
	}
	return r
}

// suggestion is the step's suggested answer, if it has one now.
func suggestion(st *Step, s *Session) (Option, bool) {
	if st.Suggest == nil {
		return Option{}, false
	}
	return st.Suggest(s)
}

// multiRows are the toggles of a multi-choice step, ticked when selected,
// and the button that accepts the selection.
func (e *Engine) multiRows(st *Step, s *Session) [][]Button {
	c := s.Conversation
	var selected []string
	if c.Pending != nil {
		selected = c.Pending.List
	}
	var rows [][]Button
	for i, o := range e.options(st, s) {
		// Numbered, because the hint invites typing "1 3 5".
		label := strconv.Itoa(i+1) + ". " + o.Label
		for _, v := range selected {
			if v == o.Value {
				label = "✅ " + label
			}
		}
		rows = append(rows, []Button{{Text: shorten(label), Data: convButton(c.Version, "t"+strconv.Itoa(i))}})
	}
	return append(rows, []Button{{Text: msgDoneButton.In(s.Lang), Data: convButton(c.Version, "done")}})
}

// questionText is the header, progress, prompt and context of a step.
func (e *Engine) questionText(f *Flow, st *Step, s *Session) string {
	pos, total := progress(f, st, s)
	var b strings.Builder
	if f.Menu {
		fmt.Fprintf(&b, "<b>%s</b>\n", f.Title.In(s.Lang))
	} else {
		fmt.Fprintf(&b, "<b>%s</b> · %s\n", f.Title.In(s.Lang), fmt.Sprintf(msgProgress.In(s.Lang), pos, total))
	}
	b.WriteString(st.Prompt.In(s.Lang))
	if st.Describe != nil {
		if d := st.Describe(s); d != "" {
			b.WriteString("\n" + d)
		}
	}
	if hint := kindHint(st, s.Lang); hint != "" {
		b.WriteString("\n<i>" + hint + "</i>")
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

// kindHint tells how to answer kinds that are not obvious from buttons.
func kindHint(st *Step, lang string) string {
	switch st.Kind {
	case AnswerCounts:
		return fmt.Sprintf(msgCountsHint.In(lang), len(st.CountLabels), countLabelList(st, lang))
	case AnswerMulti:
		return msgMultiHint.In(lang)
	case AnswerPhotos:
		return msgPhotosHint.In(lang)
	case AnswerLocation:
		if st.Lookup != nil {
			return msgLocationHintWithName.In(lang)
		}
		return msgLocationHint.In(lang)
	}
	return ""
}
