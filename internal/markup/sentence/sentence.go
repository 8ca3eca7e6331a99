// Package sentence cuts the sentence around a span of a paragraph's text:
// package markup keeps, with each annotation, the words before and after
// it up to the sentence's ends, which an entity's page quotes. The rules
// (what ends a sentence, how much of it is kept) are plain string work,
// apart from the Markdown walk that finds the spans.
package sentence

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Max bounds the context kept around a mention, in bytes on each side,
// so that a run-on paragraph does not fill an entity page.
const Max = 240

// Around returns the text of the sentence around text[start:end], before
// and after it, each clipped to Max bytes at a rune with an ellipsis.
func Around(text string, start, end int) (before, after string) {
	before, after = text[sentenceStart(text, start):start], text[end:sentenceEnd(text, end)]
	if len(before) > Max {
		before = "…" + strings.TrimLeftFunc(trimToRune(before[len(before)-Max:]), unicode.IsSpace)
	}
	if len(after) > Max {
		after = strings.TrimRightFunc(trimToRuneEnd(after[:Max]), unicode.IsSpace) + "…"
	}
	return before, after
}

// sentenceStart finds where the sentence holding offset i begins: after the
// last ". ", "! ", "? " (or Arabic "؟ ") before it. It looks back no
// further than Max bytes, all that is kept of a sentence, so that a
// paragraph of thousands of annotations and no full stop stays linear;
// when the sentence starts further back, the offset returned is one byte
// beyond the limit, which is cut with an ellipsis all the same.
func sentenceStart(text string, i int) int {
	stop := max(1, i-Max-1)
	for j := i - 1; j >= stop; j-- {
		if isSpace(text[j]) && endsSentence(text[:j]) {
			return j + 1
		}
	}
	if stop > 1 {
		return stop
	}
	return 0
}

// sentenceEnd finds where the sentence holding offset i ends, its final
// punctuation included, looking no further than Max bytes ahead.
func sentenceEnd(text string, i int) int {
	stop := min(len(text), i+Max+1)
	for j := i; j < stop; j++ {
		if isSpace(text[j]) && j > i && endsSentence(text[:j]) {
			return j
		}
	}
	return stop
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' }

// endsSentence reports whether s ends with sentence-final punctuation,
// perhaps followed by a closing quote or bracket.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, "\"')]’”»")
	r, _ := utf8.DecodeLastRuneInString(s)
	switch r {
	case '.', '!', '?', '؟', '。', '۔':
		// "Mr. X" and "U.S. army" are not ends; a lone capital initial or
		// a title before a name is a good enough sign of an abbreviation.
		t := strings.TrimRight(s, ".")
		w := t[strings.LastIndexAny(t, " .")+1:]
		abbrev := len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' || titles[w]
		return !(r == '.' && abbrev)
	}
	return false
}

// titles are the abbreviations that stand before a name, so a full stop
// after them does not end a sentence.
var titles = map[string]bool{
	"Mr": true, "Mrs": true, "Ms": true, "Dr": true, "Prof": true, "St": true,
	"Gen": true, "Lt": true, "Col": true, "Maj": true, "Capt": true, "Sgt": true,
	"Gov": true, "Sen": true, "Rep": true, "Rev": true,
}

func trimToRune(s string) string {
	for len(s) > 0 && !utf8.RuneStart(s[0]) {
		s = s[1:]
	}
	return s
}

func trimToRuneEnd(s string) string {
	for len(s) > 0 {
		r, size := utf8.DecodeLastRuneInString(s)
		if r != utf8.RuneError || size > 1 {
			break
		}
		s = s[:len(s)-1]
	}
	return s
}
