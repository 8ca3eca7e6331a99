package markup

import (
	"bufio"
	"bytes"
	"html"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"gazette/internal/diag"
	"gazette/internal/english"
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
			if dest := destination(n.Destination); networkPath(dest) {
				doc.errorf(n.Pos(), "images must use an http, https or relative URL, not the network-path reference %q: write %s", clip(dest), clip(withScheme(dest)))
				n.Destination = nil
			} else if scheme, _, _ := splitScheme(dest); scheme == "mailto" || !t.plainURL(dest) {
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
	if networkPath(dest) {
		doc.errorf(l.Pos(), "link %q is a network-path reference, to another host but without a scheme: write %s", clip(dest), clip(withScheme(dest)))
		l.Destination = nil
		return
	}
	scheme, rest, ok := splitScheme(dest)
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
				Text:    strings.TrimSpace(plainText(doc.src, l)),
				Written: strings.TrimSpace(writtenText(doc.src, l)),
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
	scheme, _, ok := splitScheme(dest)
	return !ok || scheme == "http" || scheme == "https" || scheme == "mailto"
}

// splitScheme splits "city:mosul" into "city" and "mosul". A scheme is
// what RFC 3986 and browsers (the WHATWG URL standard) read as one: a
// letter, then letters, digits, "+", "-" or ".", then ":". Anything else
// before the first ":" makes dest a relative path, as a browser reads it:
// [x](foo\)\:), 1a:b and a_b:c.html are links to files, not schemes.
// Like a browser, it first drops leading control characters and spaces
// and every tab and newline, which could otherwise hide a
// "java\tscript:" scheme. ok is false when dest has no scheme.
func splitScheme(dest string) (scheme, rest string, ok bool) {
	dest = browserURL(dest)
	for i := 0; i < len(dest); i++ {
		c := dest[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		case i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'):
		case i > 0 && c == ':':
			return strings.ToLower(dest[:i]), dest[i+1:], true
		default:
			return "", "", false
		}
	}
	return "", "", false
}

// browserURL returns dest as a browser's URL parser starts reading it:
// without leading control characters and spaces, and without any tab or
// newline.
func browserURL(dest string) string {
	dest = strings.TrimLeftFunc(dest, func(r rune) bool { return r <= ' ' })
	if !strings.ContainsAny(dest, "\t\n\r") {
		return dest
	}
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, dest)
}

// networkPath reports whether dest is a network-path reference such as
// //host/path: a link to another host that inherits the page's scheme
// (https:, or file: for a site opened from disk). Browsers read a
// backslash as a slash here, so \\host and /\host are the same.
func networkPath(dest string) bool {
	dest = browserURL(dest)
	return len(dest) >= 2 && (dest[0] == '/' || dest[0] == '\\') && (dest[1] == '/' || dest[1] == '\\')
}

// withScheme is the network-path reference dest with https: in front, for
// the message that refuses it.
func withScheme(dest string) string {
	return "https://" + strings.TrimLeft(browserURL(dest), "/\\")
}

// clip shortens what a message quotes of the file.
func clip(s string) string { return english.Shorten(s, 60) }

// plainText returns the text of an inline node and its descendants as a
// reader sees it.
func plainText(src []byte, n ast.Node) string {
	var b strings.Builder
	writeText(&b, src, n, nil, false)
	return b.String()
}

// writtenText is plainText with the typographer's work undone: ' and "
// where the reader sees curly quotes, -- and ... where they see a dash and
// an ellipsis. Names are matched against it, so that [Al-Mada'in](city:)
// finds the name as it is written in the entity's file.
func writtenText(src []byte, n ast.Node) string {
	var b strings.Builder
	writeText(&b, src, n, nil, true)
	return b.String()
}

// untyped returns what the typographer replaced with s, for the
// substitutions it makes by default (the ones New asks for), or "".
func untyped(s []byte) string {
	switch string(s) {
	case "&lsquo;", "&rsquo;":
		return "'"
	case "&ldquo;", "&rdquo;":
		return `"`
	case "&ndash;":
		return "--"
	case "&mdash;":
		return "---"
	case "&hellip;":
		return "..."
	case "&laquo;":
		return "<<"
	case "&raquo;":
		return ">>"
	}
	return ""
}

// writeText appends the plain text of n to b, as written when written is
// set (see writtenText). For each annotation inside, mark is called with
// the byte range its text takes in b.
func writeText(b *strings.Builder, src []byte, n ast.Node, mark func(a *Annotation, start, end int), written bool) {
	switch n := n.(type) {
	case *ast.Text:
		writeUnescaped(b, n.Segment.Value(src), n.IsRaw())
		if n.SoftLineBreak() || n.HardLineBreak() {
			b.WriteByte(' ')
		}
		return
	case *ast.String:
		switch {
		case n.IsCode() && written && untyped(n.Value) != "":
			b.WriteString(untyped(n.Value))
		case n.IsCode(): // HTML, such as the typographer's &rsquo;
			b.WriteString(html.UnescapeString(string(n.Value)))
		default:
			writeUnescaped(b, n.Value, n.IsRaw())
		}
		return
	case *ast.RawHTML:
		return
	case *ast.AutoLink:
		b.Write(n.Label(src))
		return
	case *ast.CodeSpan:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if t, ok := c.(*ast.Text); ok {
				b.Write(t.Segment.Value(src))
			} else {
				writeText(b, src, c, mark, written)
			}
		}
		return
	case *Annotation:
		start := b.Len()
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			writeText(b, src, c, mark, written)
		}
		if mark != nil {
			mark(n, start, b.Len())
		}
		return
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		writeText(b, src, c, mark, written)
	}
}

// writeUnescaped writes v as unescape returns it, without making a string
// of it when there is nothing to resolve.
func writeUnescaped(b *strings.Builder, v []byte, raw bool) {
	if raw || !bytes.ContainsAny(v, "\\&\x00") {
		b.Write(v)
		return
	}
	b.WriteString(unescape(v))
}

// unescape returns Markdown text as a reader sees it: backslash escapes,
// entities and character references resolved, the way goldmark's HTML
// writer resolves them.
func unescape(v []byte) string {
	if !bytes.ContainsAny(v, "\\&\x00") {
		return string(v)
	}
	var buf bytes.Buffer
	w := bufio.NewWriterSize(&buf, 2*len(v)) // not the default 4 KB for each text with an escape
	gmhtml.DefaultWriter.Write(w, v)
	w.Flush()
	return html.UnescapeString(buf.String())
}

// maxSentence bounds the context kept around a mention, in bytes on each
// side, so that a run-on paragraph does not fill an entity page.
const maxSentence = 240

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
		writeText(&b, doc.src, n, func(a *Annotation, start, end int) {
			spans = append(spans, span{a, start, end})
		}, false)
		text := b.String()
		for _, s := range spans {
			from := sentenceStart(text, s.start)
			to := sentenceEnd(text, s.end)
			before, after := text[from:s.start], text[s.end:to]
			if len(before) > maxSentence {
				before = "…" + strings.TrimLeftFunc(trimToRune(before[len(before)-maxSentence:]), unicode.IsSpace)
			}
			if len(after) > maxSentence {
				after = strings.TrimRightFunc(trimToRuneEnd(after[:maxSentence]), unicode.IsSpace) + "…"
			}
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

// sentenceStart finds where the sentence holding offset i begins: after the
// last ". ", "! ", "? " (or Arabic "؟ ") before it. It looks back no
// further than maxSentence bytes, all that is kept of a sentence, so that a
// paragraph of thousands of annotations and no full stop stays linear;
// when the sentence starts further back, the offset returned is one byte
// beyond the limit, which is cut with an ellipsis all the same.
func sentenceStart(text string, i int) int {
	stop := max(1, i-maxSentence-1)
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
// punctuation included, looking no further than maxSentence bytes ahead.
func sentenceEnd(text string, i int) int {
	stop := min(len(text), i+maxSentence+1)
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
