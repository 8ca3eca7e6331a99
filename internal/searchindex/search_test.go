package searchindex

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"gazette/internal/fold"
)

func terms(_ *searchPostings, s string) []string {
	var out []string
	var words fold.Analyzer
	words.Each(s, func(term []byte) { out = append(out, string(term)) })
	return out
}

// The index takes as one term the spellings a reader may type for one
// word: the Arabic forms with and without the article, a conjunction or a
// preposition, hamza, alef maqsura, taa marbuta, tatweel and harakat (the
// analysis is package fold's Terms, which static/search.js mirrors).
// Kurdish letters stay themselves.
func TestIndexTerms(t *testing.T) {
	var p searchPostings
	tests := []struct{ a, b, want string }{
		{"الموصل والموصل", "موصل الموصلُ", "موصل موصل"},
		{"الأنبار نينوى الفلوجة", "الانبار نينوي الفلوجه", "انبار نينو فلوج"},
		{"ديـالى", "ديالي", "ديال"},
		{"Al-Mada’in", "al-mada'in", "al mada in"},
		{"هەولێر کەرکووک", "هەولێر کەرکووک", "هەولێر کەرکووک"},
	}
	for _, tc := range tests {
		a, b := strings.Join(terms(&p, tc.a), " "), strings.Join(terms(&p, tc.b), " ")
		if a != tc.want || b != tc.want {
			t.Errorf("terms(%q) = %q, terms(%q) = %q; want both %q", tc.a, a, tc.b, b, tc.want)
		}
	}
}

// FuzzSearchWords holds the index's terms to fold.Terms, and
// appendJSONString to encoding/json.
func FuzzSearchWords(f *testing.F) {
	for _, s := range []string{
		"Mûsil MUSIL Mosul", "الموصل والموصل", "한국어 텍스트", "ﬁne ½ ①", "İstanbul ΣΊΣΥΦΟΣ",
		"x\U0001D165\u0301\U0001D16Dy", "\xff\xfeab\xc3", "a\u2028b<&>\"\\",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var p searchPostings
		if got, want := terms(&p, s), fold.Terms(s); !slices.Equal(got, want) {
			t.Errorf("terms(%q) = %q, fold.Terms = %q", s, got, want)
		}
		want, _ := json.Marshal(s)
		if got := appendJSONString(nil, s); string(got) != string(want) {
			t.Errorf("appendJSONString(%q) = %s, want %s", s, got, want)
		}
	})
}
