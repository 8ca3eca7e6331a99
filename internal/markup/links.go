package markup

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"gazette/internal/diag"
	"gazette/internal/english"
	"gazette/internal/markup/inline"
	"gazette/internal/markup/linkurl"
	"gazette/internal/markup/sentence"
)

// KindAnnotation is the node kind of an annotation link.
var KindAnnotation = ast.NewNodeKind("Annotation")

// Annotation replaces an ast.Link whose scheme is a kind or "report". Its
// children are the link text.
type Annotation struct {
	ast.BaseInline
	Link *Link
}

// Kind implements ast.Node.
func (n *Annotation) Kind() ast.NodeKind { return KindAnnotation }

// Dump implements ast.Node.
func (n *Annotation) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Scheme": n.Link.Scheme, "ID": n.Link.ID}, nil)
}

// linkTransformer finds the annotations and checks every other link.
//
// It runs once per parse, after goldmark has resolved reference-style links,
// so [Mosul][m] with [m]: city:mosul arrives here as an ordinary link.
type linkTransformer struct{ m *Markdown }

// Transform implements parser.ASTTransformer.
func (t *linkTransformer) Transform(root *ast.Document, reader text.Reader, pc parser.Context) {
	doc, _ := pc.Get(t.m.docKey).(*Doc)
	if doc == nil {
		return
	}
	var links []*ast.Link
	var sections []int // of each link; see firstMentions
	var refused []*ast.AutoLink
	section := 0
	ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if startsSection(n) {
			section++
		}
		switch n := n.(type) {
		case *ast.Link:
			links = append(links, n)
			sections = append(sections, section)
		case *ast.Image:
			if dest := destination(n.Destination); linkurl.NetworkPath(dest) {
				doc.errorf(n.Pos(), "images must use an http, https or relative URL, not the network-path reference %q: write %s", clip(dest), clip(linkurl.WithScheme(dest)))
				n.Destination = nil
			} else if scheme, _, _ := linkurl.SplitScheme(dest); scheme == "mailto" || !t.plainURL(dest) {
				doc.errorf(n.Pos(), "images must use an http, https or relative URL, not %q", clip(dest))
				n.Destination = nil
			}
		case *ast.AutoLink:
			if dest := string(n.URL(doc.src)); n.AutoLinkType == ast.AutoLinkURL && !t.plainURL(dest) {
				doc.errorf(n.Pos(), "forbidden link scheme in %q: use http, https or mailto", clip(dest))
				refused = append(refused, n) // replaced after the walk, which it would cut short
			}
		}
		return ast.WalkContinue, nil
	})
	for _, n := range refused {
		s := ast.NewString(n.Label(doc.src))
		s.SetRaw(true) // the label as written, not Markdown
		n.Parent().ReplaceChild(n.Parent(), n, s)
	}
	for i, l := range links {
		t.link(doc, l, sections[i])
	}
	sentences(doc, root)
}

// link turns l into an Annotation when its scheme is an annotation scheme,
// and reports it when the scheme is not allowed at all.
func (t *linkTransformer) link(doc *Doc, l *ast.Link, section int) {
	dest := destination(l.Destination)
	if linkurl.NetworkPath(dest) {
		doc.errorf(l.Pos(), "link %q is a network-path reference, to another host but without a scheme: write %s", clip(dest), clip(linkurl.WithScheme(dest)))
		l.Destination = nil
		return
	}
	scheme, rest, ok := linkurl.SplitScheme(dest)
	if !ok {
		return // relative path, fragment or query: left as it is
	}
	switch scheme {
	case "http", "https", "mailto":
		return
	}
	for _, s := range t.m.schemes {
		if s == scheme {
			a := &Annotation{Link: &Link{
				Scheme:  scheme,
				ID:      rest,
				Text:    strings.TrimSpace(inline.Text(doc.src, l)),
				Written: strings.TrimSpace(inline.Written(doc.src, l)),
				Pos:     doc.pos(l.Pos()),
				Passing: t.marker(doc, l, scheme),
				section: section,
			}}
			a.SetPos(l.Pos())
			for c := l.FirstChild(); c != nil; {
				next := c.NextSibling()
				a.AppendChild(a, c)
				c = next
			}
			l.Parent().ReplaceChild(l.Parent(), l, a)
			doc.Links = append(doc.Links, a.Link)
			return
		}
	}
	msg := "forbidden link scheme %q: links may use http:, https:, mailto:, a relative path, or an annotation (%s)%s"
	doc.errorf(l.Pos(), msg, scheme+":", strings.Join(t.m.schemes, ":, ")+":", diag.DidYouMean(scheme, t.m.schemes))
	l.Destination = nil
}

// destination returns a link's destination as the HTML renderer writes it
// and a browser reads it: backslash escapes and character references
// resolved. Checked as written, [x](ms-msdt&#58;...) would pass as a
// relative path and reach the page as ms-msdt:..., a scheme that starts a
// program on the reader's machine.
func destination(b []byte) string {
	return string(util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(b))))
}

// plainURL reports whether dest is safe as an image or autolink target.
func (t *linkTransformer) plainURL(dest string) bool {
	scheme, _, ok := linkurl.SplitScheme(dest)
	return !ok || scheme == "http" || scheme == "https" || scheme == "mailto"
}

// clip shortens what a message quotes of the file.
func clip(s string) string { return english.Shorten(s, 60) }

// sentences fills in the Sentence of every annotation: the text of its
// block, cut at sentence ends around it. Each block's text is built once,
// however many annotations it holds.
func sentences(doc *Doc, root ast.Node) {
	if len(doc.Links) == 0 {
		return
	}
	ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n.Type() != ast.TypeBlock || !hasInlineChild(n) {
			return ast.WalkContinue, nil
		}
		var b strings.Builder
		type span struct {
			a          *Annotation
			start, end int
		}
		var spans []span
		inline.Write(&b, doc.src, n, func(n ast.Node, start, end int) {
			if a, ok := n.(*Annotation); ok {
				spans = append(spans, span{a, start, end})
			}
		}, false)
		text := b.String()
		for _, s := range spans {
			before, after := sentence.Around(text, s.start, s.end)
			// Copies, so that the sentence outlives its paragraph alone.
			s.a.Link.Sentence = Sentence{Before: strings.Clone(before), Text: strings.Clone(text[s.start:s.end]), After: strings.Clone(after)}
		}
		return ast.WalkSkipChildren, nil
	})
}

func hasInlineChild(n ast.Node) bool {
	c := n.FirstChild()
	return c != nil && c.Type() == ast.TypeInline
}
