package fold

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Terms returns the search terms of s, in order, repeats kept: the terms
// that the search index stores and that a query looks up. Search matches
// words, not names, so it folds further than Name: a reader types "musil"
// for Mûsil and موصل for الموصل. static/search.js in the theme has the
// same analysis (its function termsOf), and the tests run it under node
// against this code: a change here is a change there.
//
// The analysis, in order:
//
//  1. Each character is decomposed (NFKD) and nonspacing marks (Mn) are
//     dropped, so Latin letters lose their accents and أ إ آ ؤ ئ lose their
//     hamza; then Rune makes one the letters that Name makes one (ٱ is ا,
//     ى is ي, ة is ه) and drops tatweel and direction marks; then the
//     letter is lower-cased.
//  2. Text is cut into words at every character that is not a letter or a
//     number. The Arabic-Indic digits ٠–٩ and ۰–۹ become 0–9: a date
//     written either way is one term.
//  3. An Arabic word is light-stemmed, as Lucene's ArabicStemmer does
//     (Larkey, Ballesteros and Connell's "light10"): one of the prefixes
//     ال وال بال كال فال لل is stripped when two letters remain, or و when
//     three remain; then each of the suffixes ها ان ات ون ين يه ه ي in turn
//     is stripped when two letters remain. So الموصل, والموصل, بالموصل and
//     موصل are the one term موصل, and الإسلامية and إسلامي are اسلام.
//
// A word is Arabic, and stemmed, only when every letter in it is a letter
// of the Arabic alphabet (ء to ي) or one of پ چ ژ ڤ گ, which Arabic
// writers use for foreign sounds. Sorani Kurdish writes ک ی ە ڕ ڵ ۆ ێ
// where Arabic has none or others, and nearly every Sorani word has one of
// them: such a word is left whole, so the Arabic rules never cut a
// Kurdish word (موسڵ stays موسڵ), and the Kurdish letters stay apart from
// their Arabic look-alikes as in Name. The rare Sorani word written only
// in letters that Arabic shares (گوند) is stemmed like an Arabic one, in
// the index and in the query alike, so it is still found. Latin and other
// scripts are not stemmed.
func Terms(s string) []string {
	var out []string
	var a Analyzer
	a.Each(s, func(term []byte) { out = append(out, string(term)) })
	return out
}

// An Analyzer splits text into search terms without allocating once its
// buffer has grown: the search index runs it over every word of every
// report. The zero value is ready; one Analyzer serves one goroutine.
type Analyzer struct {
	word []byte
}

// Each calls fn with each term of s, in order. The term is only valid
// during the call.
//
// It works one rune at a time, without golang.org/x/text/transform. That
// gives the same words as normalising the whole text: the steps of NFKD
// that look past one rune, the canonical reordering of combining marks and
// the U+034F inserted into very long runs of them, only move or add marks
// that are dropped (Mn) or are not letters (a few Mc), which cut a word
// wherever they land. TestTermsEveryRune holds it to the transform chain.
func (a *Analyzer) Each(s string, fn func(term []byte)) {
	a.word = a.word[:0]
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf { // no decomposition, no mark
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
				a.word = append(a.word, c)
			case 'A' <= c && c <= 'Z':
				a.word = append(a.word, c+'a'-'A')
			default:
				a.cut(fn)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			a.cut(fn) // an invalid byte folds to U+FFFD, not a letter
		case hangulFirst <= r && r <= hangulLast:
			// Hangul syllables decompose by arithmetic, not by table.
			n := r - hangulFirst
			a.word = utf8.AppendRune(a.word, jamoL+n/(jamoVCount*jamoTCount))
			a.word = utf8.AppendRune(a.word, jamoV+n%(jamoVCount*jamoTCount)/jamoTCount)
			if t := n % jamoTCount; t != 0 {
				a.word = utf8.AppendRune(a.word, jamoT+t)
			}
		default:
			if d := norm.NFKD.PropertiesString(s[i:]).Decomposition(); d != nil {
				for _, r := range string(d) {
					a.rune(r, fn)
				}
			} else {
				a.rune(r, fn)
			}
		}
		i += size
	}
	a.cut(fn)
}

// rune adds a decomposed rune to the word, or ends the word there.
func (a *Analyzer) rune(r rune, fn func([]byte)) {
	if unicode.Is(unicode.Mn, r) {
		return
	}
	if r = Rune(r); r < 0 {
		return
	}
	switch {
	case '٠' <= r && r <= '٩', '۰' <= r && r <= '۹':
		a.word = append(a.word, byte('0'+r&0xF)) // both runs start at …0
		return
	}
	if r = unicode.ToLower(r); unicode.IsLetter(r) || unicode.IsNumber(r) {
		a.word = utf8.AppendRune(a.word, r)
		return
	}
	a.cut(fn)
}

// cut ends the word, if there is one.
func (a *Analyzer) cut(fn func([]byte)) {
	if len(a.word) > 0 {
		fn(stem(a.word))
		a.word = a.word[:0]
	}
}

// The Hangul syllables and the conjoining jamo they decompose into
// (Unicode §3.12).
const (
	hangulFirst = 0xAC00
	hangulLast  = 0xD7A3
	jamoL       = 0x1100
	jamoV       = 0x1161
	jamoT       = 0x11A7
	jamoVCount  = 21
	jamoTCount  = 28
)

// stem returns the light stem of a folded word, a part of it, or the word
// itself when it is not Arabic (see the analysis above). The letters it
// stems are all two bytes long in UTF-8, so lengths in letters are half
// the lengths in bytes.
func stem(w []byte) []byte {
	for i := 0; i < len(w); {
		r, size := utf8.DecodeRune(w[i:])
		if !stemmable(r) {
			return w
		}
		i += size
	}
	// Lucene's order: وال is tried before و.
	for _, p := range [...]string{"ال", "وال", "بال", "كال", "فال", "لل", "و"} {
		keep := 2 // letters left after the prefix
		if len(p) == 2 {
			keep = 3 // و alone is too often the word's own first letter
		}
		if len(w) >= len(p)+2*keep && string(w[:len(p)]) == p {
			w = w[len(p):]
			break
		}
	}
	for _, s := range [...]string{"ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"} {
		if len(w) >= len(s)+2*2 && string(w[len(w)-len(s):]) == s {
			w = w[:len(w)-len(s)]
		}
	}
	return w
}

// stemmable reports whether r may be part of a word that is stemmed as
// Arabic: the letters of the Arabic alphabet, hamza to yaa without
// tatweel, and پ چ ژ ڤ گ. Not the letters of Kurdish (ک ی ە ڕ ڵ ۆ ێ) or
// of other languages written in Arabic script, nor digits.
func stemmable(r rune) bool {
	switch {
	case 'ء' <= r && r <= 'غ', 'ف' <= r && r <= 'ي':
		return true
	}
	switch r {
	case 'پ', 'چ', 'ژ', 'ڤ', 'گ':
		return true
	}
	return false
}
