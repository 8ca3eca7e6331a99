// Package markup is the Markdown stage of gazette: with its sub-packages
// (highlight: chroma; inline: bare URLs, line breaks, heading ids and
// plain text; scan: the byte counts the limits use), the only code that
// imports goldmark and chroma.
// Build, serve and suggest all parse bodies with a Markdown from New, so
// that every command reads the dialect alike.
//
// Parse turns a file's body into a Doc: the goldmark tree plus every
// annotation link in it (city:mosul, actor:, report:slug), each with its
// position and the sentence around it. Links with other schemes are checked
// here, because only the parser knows where a link is. The next stage
// (package site) resolves the annotations and fills in their Href; then
// Render writes the HTML. One parse per file; the Doc is rendered once.
package markup

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"

	"gazette/internal/diag"
	"gazette/internal/markup/highlight"
	"gazette/internal/markup/inline"
	"gazette/internal/spill"
)

// Markdown parses and renders report bodies. It is safe for concurrent use
// once built.
type Markdown struct {
	md      goldmark.Markdown
	docKey  parser.ContextKey
	schemes []string // annotation schemes: the entity kinds and "report"
	code    *highlight.Highlighter
	lim     limits    // what one body may cost; see limits.go
	bufs    sync.Pool // *bytes.Buffer, for Finish

	typographer bool // part of what a kept body is found by (keep.go)
}

// Option changes how a Markdown reads or writes bodies.
type Option func(*config)

type config struct {
	typographer bool
	code        *highlight.Highlighter
}

// Code has code blocks coloured by h, which compiles each language's
// lexer the first time it colours code in it: a caller that builds a
// site again and again in one process (serve, a test) keeps one h for
// all of its Markdowns. Without it, New makes one.
func Code(h *highlight.Highlighter) Option {
	return func(c *config) { c.code = h }
}

// Typographer turns the typographic substitutions (curly quotes, dashes,
// ellipses, guillemets) on or off; they are on unless a site's site.yaml
// says typographer: false.
func Typographer(on bool) Option {
	return func(c *config) { c.typographer = on }
}

// New returns a Markdown that treats links whose scheme is one of kinds, or
// "report", as annotations. What it accepts and changes is the dialect the
// README describes under "The Markdown dialect"; every rule there has a
// test here.
func New(kinds []string, opts ...Option) *Markdown {
	cfg := config{typographer: true}
	for _, o := range opts {
		o(&cfg)
	}
	if cfg.code == nil {
		cfg.code = highlight.New()
	}
	m := &Markdown{
		docKey:  parser.NewContextKey(),
		schemes: append(append([]string(nil), kinds...), "report"),
		code:    cfg.code,
		lim:     defaultLimits(),

		typographer: cfg.typographer,
	}
	exts := []goldmark.Extender{
		limitExtension{m}, // bounds on hostile input; see limits.go
		// GFM, spelled out so that table alignment is an align
		// attribute: the default, style="text-align:…", is an inline
		// style that a strict Content-Security-Policy blocks. Bare URLs
		// are linked by inline/autolink.go, not by goldmark's Linkify alone.
		extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignAttribute)),
		extension.Strikethrough,
		extension.TaskList,
		extension.Footnote, // [^1] notes, common in sourced writing
	}
	if cfg.typographer {
		exts = append(exts, extension.Typographer) // curly quotes, dashes, ellipses
	}
	m.md = goldmark.New(
		goldmark.WithExtensions(exts...),
		goldmark.WithParserOptions(
			// Annotations and the link policy (links.go); heading ids, made
			// here rather than by goldmark's WithAutoHeadingID so that they
			// never collide with the page's own ids (headings.go); no
			// spaces before a hard line break (inline/breaks.go).
			parser.WithASTTransformers(
				util.Prioritized(&linkTransformer{m}, 100),
				util.Prioritized(inline.HeadingIDs{}, 200),
				util.Prioritized(inline.HardBreaks{}, 300),
			),
			parser.WithInlineParsers(
				// GFM's bare URLs, where goldmark's Linkify would be; see inline/autolink.go.
				util.Prioritized(inline.NewAutolinker(cfg.typographer), 999),
			),
		),
		// html.WithUnsafe is deliberately absent: raw HTML in Markdown is
		// replaced by a comment, so no content file can put script in a page.
		goldmark.WithRendererOptions(
			renderer.WithNodeRenderers(util.Prioritized(&nodeRenderer{m}, 100)),
		),
	)
	return m
}

// Doc is a parsed Markdown body.
type Doc struct {
	Path     string
	src      []byte
	root     ast.Node
	lines    *diag.Lines // built on first use
	cost     cost        // what the parse has cost so far
	Links    []*Link
	Problems []diag.Diagnostic

	// Set by Finish, which releases the tree: what later stages still need.
	html        []byte
	text, first string
	finished    bool
	links       [32]byte // see LinkSum

	// With Bodies (see keep.go): where the finished body is to be kept,
	// its annotations and problems as parsed; or the kept body it was
	// taken from.
	keep          *Bodies
	key           [32]byte
	parsed        []Link
	parseProblems []diag.Diagnostic
	restored      *kept

	// Set by Finish when given a spill file: where html and text wait.
	spill            *spill.File
	htmlRef, textRef spill.Ref
}

// Link is one annotation: a Markdown link whose scheme is a kind or
// "report".
type Link struct {
	Scheme   string // "city", "actor", "report"
	ID       string // "" in [ISIS](actor:), to be resolved from Text
	Text     string // the link text, as plain text
	Written  string // the link text as written, before the typographer: what names are matched against
	Pos      diag.Pos
	Sentence Sentence
	Passing  bool // marked "passing": a mention its entity's page leaves out (see mentions.go)

	// Set by the caller before Render. An empty Href renders the text alone.
	Href   string // relative URL of the target
	Anchor string // id of the link in the page, such as "m-3"
	Title  string // tooltip: the target's name

	section int  // which section of the body it is in; see firstMentions
	repeat  bool // not the first link to its Href in its section: rendered unlinked
}

// Sentence is the sentence an annotation stands in, split around it.
type Sentence struct {
	Before, Text, After string
}

// Parse parses a body. src is the whole file with its front matter blanked
// out, so offsets are file offsets.
func (m *Markdown) Parse(path string, src []byte) *Doc {
	doc := &Doc{Path: path, src: src}
	ctx := parser.NewContext()
	ctx.Set(m.docKey, doc)
	m.parseGuarded(doc, src, ctx)
	return doc
}

// Render writes the body as HTML.
func (m *Markdown) Render(doc *Doc) ([]byte, error) {
	if doc.spill != nil {
		return doc.spill.Get(doc.htmlRef)
	}
	if doc.finished {
		return doc.html, nil
	}
	var buf bytes.Buffer
	buf.Grow(len(doc.src) + len(doc.src)/4)
	if err := m.render(&buf, doc); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// HTML is Render, as a string.
func (m *Markdown) HTML(doc *Doc) (string, error) {
	if doc.spill != nil {
		return doc.spill.GetString(doc.htmlRef)
	}
	b, err := m.Render(doc)
	return string(b), err
}

// CSS returns the stylesheet for highlighted code: see
// highlight.Highlighter.CSS.
func (m *Markdown) CSS() string { return m.code.CSS() }

// pos converts a byte offset of the source into a file position.
func (d *Doc) pos(offset int) diag.Pos {
	if d.lines == nil {
		d.lines = diag.NewLines(d.Path, d.src)
	}
	return d.lines.Pos(offset)
}

func (d *Doc) errorf(offset int, format string, args ...any) {
	d.Problems = append(d.Problems, diag.Diagnostic{Pos: d.pos(offset), Severity: diag.Error, Msg: fmt.Sprintf(format, args...)})
}

// Text returns the body as plain text, one paragraph a line, without code
// blocks: what search indexes and what a summary is cut from. It fails only
// when a spilled doc cannot be read back.
func (d *Doc) Text() (string, error) {
	if d.spill != nil {
		return d.spill.GetString(d.textRef)
	}
	return d.memoryText(), nil
}

// memoryText is Text for a doc that is not spilled: kept, or from the tree.
func (d *Doc) memoryText() string {
	if d.finished {
		return d.text
	}
	var b strings.Builder
	b.Grow(len(d.src))
	ast.Walk(d.root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n.Type() != ast.TypeBlock {
			return ast.WalkContinue, nil
		}
		if _, code := n.(*ast.FencedCodeBlock); code || n.Kind() == ast.KindCodeBlock || n.Kind() == ast.KindHTMLBlock {
			return ast.WalkSkipChildren, nil
		}
		if hasInlineChild(n) {
			inline.Write(&b, d.src, n, nil, false)
			b.WriteByte('\n')
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// FirstParagraph returns the plain text of the first paragraph, or "".
func (d *Doc) FirstParagraph() string {
	if d.finished {
		return d.first
	}
	if d.restored != nil {
		return d.restored.first
	}
	for n := d.root.FirstChild(); n != nil; n = n.NextSibling() {
		if n.Kind() == ast.KindParagraph {
			return strings.TrimSpace(inline.Text(d.src, n))
		}
	}
	return ""
}

// Finish renders doc once its links are resolved and keeps only what the
// later stages read: the HTML, the plain text and the first paragraph. The
// syntax tree and the source are released, so a large site does not hold
// every tree in memory until its page is written; with f, the HTML and
// text go to that spill file rather than stay in memory (where a write to
// it fails, they stay). Render, Text and FirstParagraph keep working, until
// f is closed. Links is released too: callers copy what they keep of it
// first. A body whose HTML passes the limit on a page's size is left empty,
// with an error added to Problems.
func (m *Markdown) Finish(doc *Doc, f *spill.File) error {
	if doc.finished {
		return nil
	}
	if doc.restored != nil && m.finishKept(doc) {
		if f != nil && doc.spill == nil {
			if h, err := f.Put(doc.html); err == nil {
				if t, err := f.PutString(doc.text); err == nil {
					doc.spill, doc.htmlRef, doc.textRef = f, h, t
					doc.html, doc.text = nil, ""
				}
			}
		}
		return nil
	}
	buf, _ := m.bufs.Get().(*bytes.Buffer)
	if buf == nil {
		buf = new(bytes.Buffer)
	}
	defer m.bufs.Put(buf)
	buf.Reset()
	if err := m.render(buf, doc); err != nil {
		var le *LimitError
		if !errors.As(err, &le) {
			return err
		}
		// Over the limit on a page's size: an error with its place, and
		// an empty body.
		doc.Problems = append(doc.Problems, le.Diagnostic)
		doc.keep = nil
	}
	text := doc.memoryText() // not finished yet, so not spilled
	doc.first = doc.FirstParagraph()
	doc.finished = true
	doc.links = linkSum(doc.Links)
	doc.keepFinished(buf.Bytes(), text)
	doc.root, doc.src, doc.lines = nil, nil, nil
	doc.Links = nil // resolved and rendered: the caller has copied what it keeps
	if f != nil {
		h, err := f.Put(buf.Bytes())
		if err == nil {
			var t spill.Ref
			if t, err = f.PutString(text); err == nil {
				doc.spill, doc.htmlRef, doc.textRef = f, h, t
				return nil
			}
		}
	}
	doc.html = bytes.Clone(buf.Bytes()) // the buffer goes back to the pool
	doc.text = text
	return nil
}

// LinkSum is the SHA-256 of what a finished body was rendered with
// besides its source: its annotations' targets, anchors and titles, which
// come from other files. An incremental build compares it with the last
// build's (see package render/deps).
func (d *Doc) LinkSum() [32]byte { return d.links }

func linkSum(links []*Link) [32]byte {
	h := sha256.New()
	for _, l := range links {
		for _, s := range []string{l.Scheme, l.ID, l.Href, l.Anchor, l.Title} {
			fmt.Fprintf(h, "%d:%s", len(s), s)
		}
		if l.repeat {
			h.Write([]byte{1})
		} else {
			h.Write([]byte{0})
		}
	}
	var out [32]byte
	h.Sum(out[:0])
	return out
}
