package flows

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// defaultMaxCount bounds head counts where a step sets none: larger
// numbers are typos, not disasters a kabupaten volunteer reports alone.
const defaultMaxCount = 1_000_000

func maxCount(st *Step) int {
	if st.MaxCount > 0 {
		return st.MaxCount
	}
	return defaultMaxCount
}

func parseCountAnswer(st *Step, in Input, lang string) (Value, problem, error) {
	if in.Kind != KindText {
		return Value{}, wrongKind(in.Kind), nil
	}
	n, known, err := ParseCount(in.Text, maxCount(st))
	if err != nil {
		return Value{}, countProblem(err, maxCount(st)), nil
	}
	return countValue(n, known, lang), problem{}, nil
}

// parseCountsAnswer reads several counts: in order ("0 2 5 10", "0,2,5,10",
// "? 2 ? 10"), or with their labels ("2 meninggal 1 hilang"). One answer
// for all — "0", "tidak ada", "nihil" — makes them all zero, "?" all
// unknown; "tidak tahu" arrives as the unknown action.
func parseCountsAnswer(st *Step, in Input, lang string) (Value, problem, error) {
	if in.Kind != KindText {
		return Value{}, wrongKind(in.Kind), nil
	}
	max := maxCount(st)
	if n, known, err := ParseCount(in.Text, max); err == nil && (!known || n == 0) {
		return allCounts(st, lang, known), problem{}, nil
	}
	if list, ok, err := parseLabelledCounts(st, in.Text, max); ok {
		if err != nil {
			return Value{}, countProblem(err, max), nil
		}
		return countsValue(st, list, lang), problem{}, nil
	}
	tokens := strings.FieldsFunc(in.Text, func(r rune) bool { return r == ' ' || r == ';' || r == '/' || r == '\n' || r == '\t' })
	for i := range tokens {
		tokens[i] = strings.Trim(tokens[i], ",")
	}
	if len(tokens) != len(st.CountLabels) {
		// "0,2,5,10" without spaces.
		if split := strings.Split(strings.Join(tokens, ","), ","); len(split) == len(st.CountLabels) {
			tokens = split
		}
	}
	list := make([]string, len(tokens))
	for i, tok := range tokens {
		n, known, err := ParseCount(tok, max)
		if err != nil {
			return Value{}, countProblem(err, max), nil
		}
		if known {
			list[i] = strconv.Itoa(n)
		}
	}
	if len(tokens) != len(st.CountLabels) {
		return Value{}, problem{msg: msgCountsWrongNumber, args: []any{len(st.CountLabels), countLabelList(st, lang), len(tokens)}}, nil
	}
	return countsValue(st, list, lang), problem{}, nil
}

func countProblem(err error, max int) problem {
	switch {
	case errors.Is(err, ErrCountNegative):
		return problem{msg: msgCountNegative}
	case errors.Is(err, ErrCountTooLarge):
		return problem{msg: msgCountTooLarge, args: []any{max}}
	}
	return problem{msg: msgCountUnreadable}
}

func countValue(n int, known bool, lang string) Value {
	if !known {
		return Value{Text: msgUnknown.In(lang)}
	}
	return Value{Data: strconv.Itoa(n), Text: strconv.Itoa(n)}
}

// countsValue shows a counts answer label by label; when none is known yet
// (a first quick report) it says so once instead of once per label.
func countsValue(st *Step, list []string, lang string) Value {
	if !slices.ContainsFunc(list, func(v string) bool { return v != "" }) {
		return Value{List: list, Text: msgUnknown.In(lang)}
	}
	parts := make([]string, len(list))
	for i, v := range list {
		shown := v
		if v == "" {
			shown = msgUnknown.In(lang)
		}
		parts[i] = st.CountLabels[i].In(lang) + " " + shown
	}
	return Value{List: list, Text: strings.Join(parts, " · ")}
}

// allCounts answers a count step wholesale: all unknown, or all zero.
func allCounts(st *Step, lang string, zero bool) Value {
	fill := ""
	if zero {
		fill = "0"
	}
	if st.Kind == AnswerCount {
		if zero {
			return countValue(0, true, lang)
		}
		return countValue(0, false, lang)
	}
	list := make([]string, len(st.CountLabels))
	for i := range list {
		list[i] = fill
	}
	return countsValue(st, list, lang)
}

func countLabelList(st *Step, lang string) string {
	names := make([]string, len(st.CountLabels))
	for i, l := range st.CountLabels {
		names[i] = l.In(lang)
	}
	return strings.Join(names, ", ")
}

// CountOf reads a count answer back: nil when unknown or unanswered.
func CountOf(v Value) Count {
	return countFrom(v.Data)
}

// CountsOf reads the i-th count of a multi-count answer.
func CountsOf(v Value, i int) Count {
	if i >= len(v.List) {
		return nil
	}
	return countFrom(v.List[i])
}

func countFrom(s string) Count {
	n, err := strconv.Atoi(s)
	if err != nil {
		return nil
	}
	return &n
}

// FormatCount shows a count for people: the number, or "?" when unknown.
func FormatCount(c Count) string {
	if c == nil {
		return "?"
	}
	return fmt.Sprint(*c)
}
