package searchindex

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"gazette/internal/fold"
)

// referenceWords is the folding searchWords must match, written with the
// transform chain: NFKD, drop Mn, fold.Rune, lower-case, split at
// non-letters.
func referenceWords(s string) []string {
	return referenceFold(referenceChain(), s)
}

func referenceChain() transform.Transformer {
	return transform.Chain(norm.NFKD, runes.Remove(runes.In(unicode.Mn)),
		runes.Remove(runes.Predicate(func(r rune) bool { return fold.Rune(r) < 0 })), runes.Map(fold.Rune))
}

// referenceFold is referenceWords with the chain t, which it resets.
func referenceFold(t transform.Transformer, s string) []string {
	out, _, err := transform.String(t, s)
	if err != nil {
		out = s
	}
	return strings.FieldsFunc(strings.ToLower(out), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	})
}

func words(w *searchWords, s string) []string {
	var out []string
	w.each(s, func(word []byte) { out = append(out, string(word)) })
	return out
}

// The index takes as one word the spellings that name matching takes as
// one name (package fold), in so far as they are words: the gazetteer's
// Arabic names with and without hamza, alef maqsura, taa marbuta,
// tatweel and harakat.
func TestSearchWordsFold(t *testing.T) {
	var w searchWords
	tests := []struct{ a, b, want string }{
		{"الأنبار نينوى الفلوجة", "الانبار نينوي الفلوجه", "الانبار نينوي الفلوجه"},
		{"ديـالى حَدِيثَة", "ديالي حديثه", "ديالي حديثه"},
		{"Al-Mada’in", "al-mada'in", "al mada in"},
		// Kurdish letters stay themselves.
		{"هەولێر کەرکووک", "هەولێر کەرکووک", "هەولێر کەرکووک"},
	}
	for _, tc := range tests {
		a, b := strings.Join(words(&w, tc.a), " "), strings.Join(words(&w, tc.b), " ")
		if a != tc.want || b != tc.want {
			t.Errorf("words(%q) = %q, words(%q) = %q; want both %q", tc.a, a, tc.b, b, tc.want)
		}
	}
}

// TestSearchWordsEveryRune folds every rune alone, between letters, and
// after a letter with a mark. With -short it takes the runes that folding
// changes (those with a compatibility decomposition, a lower case, or a
// non-spacing mark) and every 97th of the rest: a tenth of the time.
func TestSearchWordsEveryRune(t *testing.T) {
	var w searchWords
	chain := referenceChain()
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		if testing.Short() && r%97 != 0 && !folds(r) {
			continue
		}
		c := string(r)
		for _, s := range []string{c, "a" + c + "B", "É" + c + c + "\u0301x"} {
			if got, want := words(&w, s), referenceFold(chain, s); !slices.Equal(got, want) {
				t.Fatalf("%U: words(%q) = %q, want %q", r, s, got, want)
			}
		}
	}
}

// folds reports whether search folding changes r alone.
func folds(r rune) bool {
	return norm.NFKD.PropertiesString(string(r)).Decomposition() != nil ||
		unicode.ToLower(r) != r || unicode.Is(unicode.Mn, r)
}

// FuzzSearchWords holds searchWords to the transform chain, and
// appendJSONString to encoding/json.
func FuzzSearchWords(f *testing.F) {
	for _, s := range []string{
		"Mûsil MUSIL Mosul", "الموصل", "한국어 텍스트", "ﬁne ½ ①", "İstanbul ΣΊΣΥΦΟΣ",
		"a\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308\u0309\u030a\u030b\u030c\u030d\u030e\u030f\u0310\u0311\u0312\u0313\u0314\u0315\u0316\u0317\u0318\u0319\u031a\u031b\u031c\u031d\u031e\u031f\u0320b",
		"x\U0001D165\u0301\U0001D16Dy", "\xff\xfeab\xc3", "a\u2028b<&>\"\\",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var w searchWords
		if got, want := words(&w, s), referenceWords(s); !slices.Equal(got, want) {
			t.Errorf("words(%q) = %q, want %q", s, got, want)
		}
		want, _ := json.Marshal(s)
		if got := appendJSONString(nil, s); string(got) != string(want) {
			t.Errorf("appendJSONString(%q) = %s, want %s", s, got, want)
		}
	})
}
