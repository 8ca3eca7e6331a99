// Package suggest finds mentions of known entities that are not yet
// annotated, for `gazette suggest`, and can annotate them.
//
// Input: the content site (package content) with every entity's name,
// aliases and other-language names. Output: Suggestions, one per
// unannotated mention in a report, page or entity body, and with Fix the
// rewritten files.
//
// Names are matched as whole words, compared as package fold says (the
// rule package site resolves [text](actor:) by). Where the text goes is decided by the
// Markdown parser: nothing inside code, links, images, autolinks, raw
// HTML or headings is suggested (a link in a heading makes a poor heading,
// and the section below it names the entity again), nor anything in front
// matter. Two rules keep common words from being taken for names: a name
// written in capitals ("IS", "US") matches only text in capitals, and a
// capitalised name ("Orange") never matches text written all in lower case
// ("orange"). A name that two entities claim (Georgia the country and the
// company, Erbil the city and the district) is left alone, and an
// entity's own description never suggests the entity.
package suggest

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"gazette/internal/content"
	"gazette/internal/diag"
	"gazette/internal/fold"
	"gazette/internal/markup"
)

// Suggestion is one unannotated mention.
type Suggestion struct {
	Pos  diag.Pos // where the mention starts; Col counts characters
	Text string   // the mention as written
	Kind string   // "city"
	ID   string   // "mosul"

	line, start, end int // line, and byte columns of the mention in it
}

// Link is the annotation that the suggestion proposes.
func (s Suggestion) Link() string {
	return "[" + s.Text + "](" + s.Kind + ":" + s.ID + ")"
}

func (s Suggestion) String() string {
	return fmt.Sprintf("%s: suggestion: %s", s.Pos, strings.ReplaceAll(s.Link(), "\n", " "))
}

// Finder finds unannotated mentions of one site's entities.
type Finder struct {
	names    map[string]*name // folded name → who it names
	first    map[string]bool  // folded first words of every name
	maxWords int
	md       *markup.Markdown // without the typographer, so that text nodes stay whole
}

// name is one spelling of an entity.
type name struct {
	entity   *content.Entity
	caps     bool   // written in capitals: "IS", "U.S."
	cased    bool   // has a capital letter: "Orange"
	trailing string // punctuation the name ends with: "." in "U.S."
	clash    bool   // claimed by entities of two kinds
}

// New returns a Finder for the entities of s.
func New(s *content.Site) *Finder {
	f := &Finder{names: map[string]*name{}, first: map[string]bool{}, md: markup.New(s.Config.KindIDs(), markup.Typographer(false))}
	for _, e := range s.Entities {
		if e.Invalid {
			continue
		}
		spellings := []string{e.Name}
		for _, a := range e.Aliases {
			spellings = append(spellings, a.Value)
		}
		for _, n := range e.Names {
			spellings = append(spellings, n.Name)
		}
		for _, sp := range spellings {
			f.add(e, sp)
		}
	}
	return f
}

func (f *Finder) add(e *content.Entity, spelling string) {
	spelling = strings.TrimSpace(spelling)
	words := wordSpans(spelling)
	if len(words) == 0 {
		return
	}
	// The match is made from the first word's start to the last word's end;
	// what the name has outside that is matched separately.
	core := spelling[words[0].start:words[len(words)-1].end]
	key := f.key(core)
	n := &name{entity: e, trailing: spelling[words[len(words)-1].end:]}
	letters, upper := 0, 0
	for _, r := range core {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	n.caps = letters >= 2 && upper == letters
	n.cased = upper > 0
	if prev, ok := f.names[key]; ok {
		if prev.entity != e && (prev.entity.Kind != e.Kind || prev.entity.ID != e.ID) {
			prev.clash = true
		}
		return
	}
	f.names[key] = n
	f.first[f.key(core[:words[0].end-words[0].start])] = true
	f.maxWords = max(f.maxWords, len(words))
}

// key folds s as package site does.
func (f *Finder) key(s string) string { return fold.Name(s) }

// wordSpans returns the words of s: runs of letters, marks and digits.
// span is a range of bytes of a string.
type span struct{ start, end int }

func wordSpans(s string) []span {
	var out []span
	start := -1
	for i, r := range s {
		w := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
		switch {
		case w && start < 0:
			start = i
		case !w && start >= 0:
			out = append(out, span{start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, span{start, len(s)})
	}
	return out
}

// Body returns the suggestions for one body. path is the file's path in
// the content folder; body is the file with its front matter blanked out
// (content.Report.Body); self, when not nil, is the entity the file
// describes, which is not suggested in it.
func (f *Finder) Body(path string, body []byte, self *content.Entity) []Suggestion {
	if len(f.names) == 0 {
		return nil
	}
	var out []Suggestion
	lines := diag.NewLines(path, body)
	for _, run := range f.md.Parse(path, body).TextRuns() {
		text := string(body[run.Start:run.End])
		words := wordSpans(text)
		for i := 0; i < len(words); i++ {
			if !f.first[f.key(text[words[i].start:words[i].end])] {
				continue
			}
			for j := min(i+f.maxWords, len(words)) - 1; j >= i; j-- {
				start, end := words[i].start, words[j].end
				n := f.names[f.key(text[start:end])]
				if n == nil || n.clash || !caseFits(n, text[start:end]) {
					continue
				}
				if n.entity == self {
					i = j // "Zain Iraq" in zain-iraq.md: not "Zain" either
					break
				}
				if n.trailing != "" {
					if !strings.HasPrefix(text[end:], n.trailing) {
						continue
					}
					end += len(n.trailing)
				}
				if !safeAt(body, run.Start+start) {
					break
				}
				out = append(out, suggestion(lines, body, run.Start+start, run.Start+end, n.entity))
				i = j
				break
			}
		}
	}
	return out
}

// caseFits applies the two case rules of the package doc.
func caseFits(n *name, text string) bool {
	hasUpper, hasLower := false, false
	for _, r := range text {
		hasUpper = hasUpper || unicode.IsUpper(r)
		hasLower = hasLower || unicode.IsLower(r)
	}
	switch {
	case n.caps:
		return !hasLower
	case n.cased:
		return hasUpper
	}
	return true
}

// safeAt reports whether a "[" may be put before offset without changing
// what the text around it means: after "!" it would make an image, after
// "\" it would be escaped, after "]" it could join a reference link.
func safeAt(src []byte, offset int) bool {
	if offset == 0 {
		return true
	}
	switch src[offset-1] {
	case '!', '\\', ']':
		return false
	}
	return true
}

// suggestion is the mention at start:end of src, whose lines are lines.
func suggestion(lines *diag.Lines, src []byte, start, end int, e *content.Entity) Suggestion {
	pos := lines.Pos(start)
	lineStart, _ := lines.LineStart(pos.Line) // pos.Line is a line of src
	return Suggestion{
		Pos:   pos,
		Text:  string(src[start:end]),
		Kind:  e.Kind,
		ID:    e.ID,
		line:  pos.Line,
		start: start - lineStart,
		end:   end - lineStart,
	}
}

// Site returns the suggestions for every report, page and entity of s,
// sorted by file and position. keep, when not nil, limits them to the
// files whose path it accepts.
func (f *Finder) Site(s *content.Site, keep func(path string) bool) []Suggestion {
	var out []Suggestion
	ok := func(p string, body []byte) bool { return body != nil && (keep == nil || keep(p)) }
	for _, r := range s.Reports {
		if ok(r.Path, r.Body) {
			out = append(out, f.Body(r.Path, r.Body, nil)...)
		}
	}
	for _, p := range s.Pages {
		if ok(p.Path, p.Body) {
			out = append(out, f.Body(p.Path, p.Body, nil)...)
		}
	}
	for _, e := range s.Entities {
		if ok(e.Path, e.Body) {
			out = append(out, f.Body(e.Path, e.Body, e)...)
		}
	}
	slices.SortFunc(out, func(a, b Suggestion) int {
		return cmp.Or(strings.Compare(a.Pos.Path, b.Pos.Path), cmp.Compare(a.Pos.Line, b.Pos.Line), cmp.Compare(a.Pos.Col, b.Pos.Col))
	})
	return out
}
