package flows

import (
	"slices"
	"strconv"
	"strings"
)

// countFillers are words volunteers put around labelled counts that carry
// no meaning of their own ("2 orang meninggal", "rumah rusak berat 3").
var countFillers = map[string]bool{
	"orang": true, "org": true, "dan": true, "and": true, "yang": true, "yg": true,
	"korban": true, "rumah": true, "unit": true, "buah": true, "luka": true, "rusak": true,
}

// parseLabelledCounts reads counts written with their labels, in either
// order: "2 meninggal 1 hilang", "meninggal: 2, hilang: 1", "50 KK 200
// jiwa". Labels not mentioned are unknown (""), never a guessed zero.
// ok is false when the text is not of that shape (then the plain
// positional reading applies); err reports a count that is unreadable,
// negative or too large.
func parseLabelledCounts(st *Step, text string, max int) (list []string, ok bool, err error) {
	items, ok := countItems(st, text)
	if !ok || len(items) < 2 || len(items)%2 != 0 {
		return nil, false, nil
	}
	list = make([]string, len(st.CountLabels))
	seen := make([]bool, len(st.CountLabels))
	numberFirst := items[0].label < 0
	for i := 0; i < len(items); i += 2 {
		num, lab := items[i], items[i+1]
		if !numberFirst {
			num, lab = lab, num
		}
		if num.label >= 0 || lab.label < 0 || seen[lab.label] {
			return nil, false, nil
		}
		seen[lab.label] = true
		n, known, err := ParseCount(num.word, max)
		if err != nil {
			return nil, true, err
		}
		if known {
			list[lab.label] = strconv.Itoa(n)
		}
	}
	return list, true, nil
}

// countItem is a label (its index in CountLabels) or, with label -1, a
// word that should be a count.
type countItem struct {
	label int
	word  string
}

// countItems splits text into labels and the words between them, leaving
// out fillers. ok is false when no label occurs.
func countItems(st *Step, text string) ([]countItem, bool) {
	words := strings.Fields(strings.NewReplacer(",", " ", ";", " ", ":", " ", "=", " ", "\n", " ").Replace(strings.ToLower(text)))
	var items []countItem
	found := false
	for i := 0; i < len(words); {
		if label, n := matchCountLabel(st, words[i:]); n > 0 {
			items = append(items, countItem{label: label})
			found = true
			i += n
			continue
		}
		if !countFillers[words[i]] {
			items = append(items, countItem{label: -1, word: words[i]})
		}
		i++
	}
	return items, found
}

// matchCountLabel finds the step's label that words start with, in either
// language, and how many words it takes; the longest label wins. The last
// word of a two-word label stands for it too ("berat" for "luka berat").
func matchCountLabel(st *Step, words []string) (label, n int) {
	best, bestLen := -1, 0
	for i, l := range st.CountLabels {
		id := strings.Fields(strings.ToLower(l.ID))
		names := [][]string{id, strings.Fields(strings.ToLower(l.EN))}
		if len(id) > 1 {
			names = append(names, id[len(id)-1:])
		}
		for _, parts := range names {
			if len(parts) > bestLen && len(parts) <= len(words) && slices.Equal(parts, words[:len(parts)]) {
				best, bestLen = i, len(parts)
			}
		}
	}
	return best, bestLen
}
