// Package fold is the single definition of "the same name" in gazette.
// The resolver (package site) finds [text](city:) by it, `gazette
// suggest` finds unannotated names by it, and the search index folds its
// words with the same letters and more: Terms is the search analysis
// (accents dropped, Arabic words light-stemmed), for the index and, in
// the theme's static/search.js, for the query. Both must follow any
// change here.
//
// Two spellings are the same name when they are equal after Name: Unicode
// NFC, the typographic variants of one character made one (curly quotes
// and the modifier letters used for them, hyphens and dashes), Arabic
// letters that writers interchange made one (the hamza forms of alef,
// alef maqsura, taa marbuta) and Arabic marks dropped (harakat, tatweel),
// invisible format characters dropped (bidirectional marks, the soft
// hyphen), case folded, and runs of spaces made one space. The Kurdish
// and Persian letters ک, ی and ە stay distinct from the Arabic ك, ي and
// ه: they are other letters, and a place's Kurdish name is not its Arabic
// one.
package fold

import (
	"strings"
	"unicode"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// Name returns the key under which s is compared with other names: two
// spellings name the same thing when their keys are equal. The key is for
// comparing, not for showing.
func Name(s string) string {
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		r = Rune(r)
		switch {
		case r < 0:
			continue
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	// A Caser keeps state, so each call makes its own: names are folded
	// from many goroutines at once.
	return cases.Fold().String(b.String())
}

// Rune is the part of Name that works one character at a time, apart from
// normalisation and case: it returns the character that stands for r in a
// name, or -1 when r is dropped. The search index applies it to each
// character of the words it indexes.
func Rune(r rune) rune {
	switch r {
	case '‘', '’', '‚', '‛', '′', '`', '´', 'ʹ', 'ʻ', 'ʼ', 'ʽ', 'ʾ', 'ʿ':
		return '\''
	case '“', '”', '„', '‟', '″':
		return '"'
	case '‐', '‑', '‒', '–', '—', '―', '−', '﹘', '﹣', '－':
		return '-'
	case 'أ', 'إ', 'آ', 'ٱ': // alef with hamza above, below, madda; alef wasla
		return 'ا'
	case 'ى': // alef maqsura
		return 'ي'
	case 'ة': // taa marbuta
		return 'ه'
	case 'ـ', // tatweel, which only stretches a word
		'\u00AD',                     // soft hyphen
		'\u061C', '\u200E', '\u200F', // Arabic letter mark, left-to-right and right-to-left marks
		'\u202A', '\u202B', '\u202C', '\u202D', '\u202E', // bidirectional embeddings and overrides
		'\u2066', '\u2067', '\u2068', '\u2069': // bidirectional isolates
		return -1
	}
	if arabicMark(r) {
		return -1
	}
	return r
}

// arabicMark reports whether r is one of the Arabic marks written above or
// below letters: harakat (fatha, damma, kasra, their tanween, shadda,
// sukun), the superscript alef, and the Quranic annotation signs. Writers
// add them or leave them out freely; they never tell two names apart.
func arabicMark(r rune) bool {
	switch {
	case 0x0610 <= r && r <= 0x061A,
		0x064B <= r && r <= 0x065F,
		r == 0x0670,
		0x06D6 <= r && r <= 0x06DC,
		0x06DF <= r && r <= 0x06E4,
		0x06E7 <= r && r <= 0x06E8,
		0x06EA <= r && r <= 0x06ED:
		return true
	}
	return false
}
