package inline

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// HeadingPrefix starts every heading id. A body shares its page with the
// theme's own ids (sources, events, mentions …) and with the mention
// anchors m-1, m-2 …; goldmark's plain ids ("sources" for ## Sources,
// "m-1" for ## M 1) took them over, and the theme's links and the entity
// pages' links to mentions landed on the heading instead. With the prefix
// the body's ids are a namespace of their own, whatever the theme: a
// theme must only not use ids that start with "h-" or "m-" (the README,
// under Themes, says so).
const HeadingPrefix = "h-"

// maxSlug bounds the part of a heading id made from its text, in runes.
const maxSlug = 60

// HeadingIDs gives every heading an id: HeadingPrefix and a slug of its
// text as a reader sees it (the text of links and annotations, not their
// targets), unique in the body. goldmark's WithAutoHeadingID made its ids
// from the Markdown source of the heading line, so [Mosul](city:mosul)
// gave "mosulcitymosul", and it dropped every letter outside ASCII, so
// every Arabic heading was "heading".
type HeadingIDs struct{}

// Transform implements parser.ASTTransformer.
func (HeadingIDs) Transform(root *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	used := map[string]bool{}
	next := map[string]int{} // the last suffix tried for a slug
	ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !ok || !entering {
			return ast.WalkContinue, nil
		}
		base := HeadingPrefix + slug(Text(src, h))
		id := base
		for used[id] {
			next[base]++
			id = base + "-" + strconv.Itoa(next[base]+1)
		}
		used[id] = true
		h.SetAttributeString("id", []byte(id))
		return ast.WalkSkipChildren, nil
	})
}

// slug makes the text of a heading part of an id: letters (of any
// script, with their combining marks) and digits, lower-cased; every run
// of anything else becomes one hyphen, and none is left at either end.
// A heading with no letter or digit is "section". The slug is cut at
// maxSlug characters.
func slug(s string) string {
	var b strings.Builder
	runes, gap := 0, false
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsMark(r) && !unicode.IsDigit(r) {
			gap = b.Len() > 0
			continue
		}
		if gap {
			b.WriteByte('-')
			runes++
			gap = false
		}
		if runes >= maxSlug {
			break
		}
		b.WriteRune(unicode.ToLower(r))
		runes++
	}
	if b.Len() == 0 {
		return "section"
	}
	return strings.TrimSuffix(b.String(), "-")
}
