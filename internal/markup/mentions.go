package markup

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"gazette/internal/diag"
)

// This file holds the two rules that keep annotated prose readable: only
// the first mention of an entity in each section is a link, and a mention
// can be marked "passing" to be left off its entity's page.

// PassingMarker is the title that marks an annotation as a mention in
// passing: [Mosul](city:mosul "passing"). The text still links to the
// entity, and the report still names it, but the entity's page does not
// quote the sentence, which says nothing about the entity ("How ISIL cut
// off Mosul is followed in a later report"). A title is where Markdown
// lets a link carry a word of its own; an annotation's tooltip is its
// entity's name, so no annotation had a use for one.
const PassingMarker = "passing"

// marker reads the title of the annotation l, whose scheme is scheme: true
// for PassingMarker; any other title is an error, so that a misspelt
// marker is not silently a quoted mention.
func (t *linkTransformer) marker(doc *Doc, l *ast.Link, scheme string) bool {
	if len(l.Title) == 0 {
		return false
	}
	title := strings.TrimSpace(destination(l.Title))
	switch {
	case scheme == "report":
		doc.errorf(l.Pos(), "a report link takes no title (%q): only an entity annotation can be marked %q", clip(title), PassingMarker)
	case title == PassingMarker:
		return true
	default:
		hint := diag.DidYouMean(title, []string{PassingMarker})
		if strings.EqualFold(title, PassingMarker) {
			hint = `; did you mean "` + PassingMarker + `"?`
		}
		doc.errorf(l.Pos(), "unknown annotation marker %q: an annotation's title may only be %q, for a mention its entity's page leaves out%s", clip(title), PassingMarker, hint)
	}
	return false
}

// startsSection reports whether block n begins a new section of a body:
// a heading, or a footnote, which is read on its own after a jump to it.
// Each section links the first mention of each entity again (see
// firstMentions).
func startsSection(n ast.Node) bool {
	return n.Kind() == ast.KindHeading || n.Kind() == east.KindFootnote
}

// firstMentions marks every entity annotation that is not the first in
// its section to link to its target (its Href) as a repeat, which renders
// as unlinked text. A section runs from one heading to the next; a report
// without headings is one section, so each entity is a link once, where
// the reader first meets it. A section rather than a paragraph, because
// a paragraph is too short: a report that names Mosul in each of its
// paragraphs would still link it in each. A reader who arrives at a
// heading from its #h- link still finds each entity linked at its first
// mention there. Report links (report:) are cross-references the writer
// chose one by one, and are always links.
func firstMentions(links []*Link) {
	type key struct {
		section int
		href    string
	}
	seen := make(map[key]bool, len(links))
	for _, l := range links {
		l.repeat = false
		if l.Scheme == "report" || l.Href == "" {
			continue
		}
		k := key{l.section, l.Href}
		l.repeat = seen[k]
		seen[k] = true
	}
}
