package regions

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

func TestOneEdit(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"gambir", "gambir", true},
		{"gambr", "gambir", true},   // missed letter
		{"gambiir", "gambir", true}, // extra letter
		{"gambor", "gambir", true},  // wrong letter
		{"gabmir", "gambir", true},  // swapped
		{"agmbir", "gambir", true},  // swapped first two
		{"gmbir", "gambir", true},
		{"gmbr", "gambir", false},
		{"bmagir", "gambir", false},
		{"", "a", true},
		{"", "ab", false},
		{"abc", "cba", false},
	}
	for _, tt := range tests {
		if got := oneEdit(tt.a, tt.b); got != tt.want {
			t.Errorf("oneEdit(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := oneEdit(tt.b, tt.a); got != tt.want {
			t.Errorf("oneEdit(%q, %q) = %v, want %v", tt.b, tt.a, got, tt.want)
		}
	}
}

func TestFuzzyPrefix(t *testing.T) {
	tests := []struct {
		tok, word string
		want      bool
	}{
		{"gambr", "gambir", true},
		{"gambr", "gambiran", true}, // unfinished, one letter missed
		{"gamvi", "gambiran", true}, // unfinished, one letter wrong
		{"yogyakrta", "yogyakarta", true},
		{"usang", "sanggul", false}, // an extra first letter only against whole words
		{"usang", "sang", true},
		{"pasar", "pasir", true},
		{"pasar", "pisang", false},
	}
	for _, tt := range tests {
		if got := fuzzyPrefix(tt.tok, tt.word); got != tt.want {
			t.Errorf("fuzzyPrefix(%q, %q) = %v, want %v", tt.tok, tt.word, got, tt.want)
		}
	}
}

// TestDictionaryLookups checks the indexed word lookups — prefix runs,
// the suffix array and the typo index — against brute force over the real
// dictionary, for query words from the data, typed with typos, and random.
func TestDictionaryLookups(t *testing.T) {
	x := realIndex(t)
	rng := rand.New(rand.NewPCG(1, 2))
	var toks []string
	for range 150 {
		w := x.word(rng.IntN(x.numWords()))
		toks = append(toks, w, typoOf(rng, w))
		if len(w) > 4 {
			toks = append(toks, w[:3+rng.IntN(len(w)-3)])
		}
	}
	toks = append(toks, "gambr", "gmbir", "pasar", "usang", "yogyakrta", "xyzzy", "aaaaa", "ii", "a")
	collect := func(f func(string, func(int))) func(string) []int {
		return func(tok string) []int {
			var out []int
			f(tok, func(i int) { out = append(out, i) })
			slices.Sort(out)
			return slices.Compact(out)
		}
	}
	fuzzy := func(tok string, fn func(int)) { x.forFuzzyWords(tok, nil, fn) }
	lookups := []struct {
		name  string
		got   func(string) []int
		match func(tok, w string) bool
	}{
		{"prefix", collect(x.forPrefixWords), func(tok, w string) bool { return strings.HasPrefix(w, tok) }},
		{"inner", collect(x.forInnerWords), func(tok, w string) bool {
			return len(tok) >= minSubstringLen && strings.Contains(w, tok) && !strings.HasPrefix(w, tok)
		}},
		{"typo", collect(fuzzy), func(tok, w string) bool {
			return len(tok) >= fuzzyMinLen && fuzzyPrefix(tok, w) && !strings.Contains(w, tok)
		}},
	}
	for _, l := range lookups {
		for _, tok := range toks {
			var want []int
			for i := range x.numWords() {
				if l.match(tok, x.word(i)) {
					want = append(want, i)
				}
			}
			if got := l.got(tok); !slices.Equal(got, want) {
				t.Errorf("%s %q: %d words, brute force %d", l.name, tok, len(got), len(want))
			}
		}
	}
}

// typoOf returns w with one random insertion, deletion, substitution or
// swap.
func typoOf(rng *rand.Rand, w string) string {
	if len(w) < 2 {
		return w + "x"
	}
	i := rng.IntN(len(w) - 1)
	c := string(rune('a' + rng.IntN(26)))
	switch rng.IntN(4) {
	case 0:
		return w[:i] + c + w[i:]
	case 1:
		return w[:i] + w[i+1:]
	case 2:
		return w[:i] + c + w[i+1:]
	}
	return w[:i] + w[i+1:i+2] + w[i:i+1] + w[i+2:]
}
