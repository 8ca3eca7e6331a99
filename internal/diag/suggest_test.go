package diag

import "testing"

func TestSuggest(t *testing.T) {
	cities := []string{"mosul", "nineveh", "baghdad", "baghdad-province", "erbil", "iraq"}
	tests := []struct {
		word       string
		candidates []string
		want       string
	}{
		{"mosull", cities, "mosul"},   // one letter too many
		{"msoul", cities, "mosul"},    // a swapped pair costs one
		{"mosl", cities, "mosul"},     // one letter missing
		{"musil", cities, ""},         // two edits; the limit for 5 letters is 1
		{"ninive", cities, "nineveh"}, // two edits; the limit for 6 letters is 2
		{"ninevh", cities, "nineveh"}, // one edit
		{"bagdad", cities, "baghdad"}, // one edit
		{"erbl", cities, "erbil"},     // one edit, limit 1
		{"irak", cities, "iraq"},      // one edit, limit 1
		{"iran", cities, "iraq"},      // close words are suggested, right or not
		{"syria", cities, ""},         // nothing near
		{"mosul", cities, ""},         // an exact match is not a suggestion
		{"x", cities, ""},             // limit is at least 1, and no one-letter city
		{"baghdad-provnce", cities, "baghdad-province"},
		{"", cities, ""},
		{"mosul", nil, ""},
		// Ties go to the first candidate.
		{"cat", []string{"bat", "cut", "hat"}, "bat"},
		{"cat", []string{"cut", "bat"}, "cut"},
		// The nearest wins over an earlier, farther one.
		{"abcdefgh", []string{"abcdexyh", "abcdefgx"}, "abcdefgx"},
		// Distances count runes, not bytes: one accented letter is one edit.
		{"mûsil", []string{"musil"}, "musil"},
		{"الموصل", []string{"الموصلل"}, "الموصلل"},
		// Field names and vocabularies.
		{"titel", []string{"title", "date", "summary"}, "title"},
		{"shutdwn", []string{"shutdown", "restoration", "block"}, "shutdown"},
		{"citty", []string{"city", "actor", "report"}, "city"},
		// Long words are never suggested for each other, whatever their
		// likeness, so the distance table stays small.
		{string(make([]rune, 65)), []string{string(make([]rune, 64)) + "a"}, ""},
	}
	for _, tc := range tests {
		if got := Suggest(tc.word, tc.candidates); got != tc.want {
			t.Errorf("Suggest(%q, %q) = %q, want %q", tc.word, tc.candidates, got, tc.want)
		}
	}
}

func TestDidYouMean(t *testing.T) {
	tests := []struct {
		word       string
		candidates []string
		want       string
	}{
		{"mosull", []string{"mosul"}, `; did you mean "mosul"?`},
		{"zzz", []string{"mosul"}, ""},
		{"mosul", []string{"mosul"}, ""},
	}
	for _, tc := range tests {
		if got := DidYouMean(tc.word, tc.candidates); got != tc.want {
			t.Errorf("DidYouMean(%q, %q) = %q, want %q", tc.word, tc.candidates, got, tc.want)
		}
	}
}

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"", "abc", 3},
		{"abc", "", 3},
		{"mosul", "mosul", 0},
		{"mosul", "msoul", 1},
		{"ca", "abc", 3}, // optimal string alignment, not full Damerau
		{"kitten", "sitting", 3},
		{"mûsil", "musil", 1},
	}
	for _, tc := range tests {
		if got := distance(tc.a, tc.b); got != tc.want {
			t.Errorf("distance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
		if got := distance(tc.b, tc.a); got != tc.want {
			t.Errorf("distance(%q, %q) = %d, want %d", tc.b, tc.a, got, tc.want)
		}
	}
}
