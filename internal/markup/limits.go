package markup

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"gazette/internal/diag"
	"gazette/internal/markup/inline"
	"gazette/internal/markup/scan"
)

// Limits on what one body may cost, counted rather than timed so that a
// body is accepted or refused the same way on every machine. README.md's
// Security section lists them; a body over one is refused with an error at
// the place that crosses it.
//
// goldmark is linear on real text but not on all input: it pads every row
// of a table to the header's width, and several of its scans start over
// at each of many markers in one paragraph (the delimiter processing of
// emphasis, goldmark issue 555; link destinations and titles; code spans;
// raw HTML; reference definitions, whose paragraph is copied once per
// definition). Each limit bounds one of these where goldmark does the work,
// before it does it.
type limits struct {
	nesting     int // container markers one line may open; 4× this in columns of indentation
	workPerByte int // parse work (see chargeInline) per byte of the body …
	workBase    int // … plus this much
	columns     int // columns of one table
	cells       int // table cells in one body, with the empty cells of short rows
	elements    int // Markdown elements in one body (see scan.ElementsOver)
	links       int // links, images and annotations in one body
	code        int // bytes of code in one body that chroma highlights
	footnotes   int // footnote definitions in one body
	html        int // bytes of HTML one body renders to
}

// defaultLimits are far above what any real report needs (the largest
// report of the Iraq site uses an eighth of the parse work a byte allows,
// and 1/250 of the elements), and low enough that the worst body a file can
// hold is parsed and rendered in about a second and some tens of MB; see
// README.md for the measurements.
func defaultLimits() limits {
	return limits{
		nesting:     maxNesting,
		workPerByte: 64,
		workBase:    4 << 20,
		columns:     128,
		cells:       100_000,
		elements:    250_000,
		links:       10_000,
		code:        32 << 10,
		footnotes:   1_000,
		html:        16 << 20,
	}
}

// cost counts, for one parse, what the limits bound.
type cost struct {
	lim          limits
	work, budget int
	block        ast.Node // the block whose inlines are being parsed
	blockEnd     int      // the offset its last line ends at
	markers      int      // the markers charged in block so far
	cells        int
	code         int // bytes of code highlighted so far
	footnotes    int
	lastNote     int // offset of the last footnote definition counted
}

// stop is the panic that ends a parse over a limit; parseGuarded recovers
// it and reports msg at offset.
type stop struct {
	offset int
	msg    string
}

// refuse stops the parse of doc with an error at offset.
func (d *Doc) refuse(offset int, format string, args ...any) {
	panic(stop{offset, fmt.Sprintf(format, args...)})
}

// parseWork charges n units of parse work to d at offset, and stops the
// parse once the body's budget is spent.
func (d *Doc) parseWork(offset, n int, what func() string) {
	c := &d.cost
	c.work += n
	if c.work > c.budget {
		d.refuse(offset, "this Markdown is too costly to parse, here: %s; the limit on parse work is %d units for this file (%d per byte, plus %d Mi): split long paragraphs, or escape the markers with a backslash", what(), c.budget, c.lim.workPerByte, c.lim.workBase>>20)
	}
}

// chargeInline charges the inline marker at offset, in block, to the parse
// work: the bytes of block after it. That bounds every scan goldmark starts
// there (a code span, link destination or title, raw HTML, autolink or
// linkify match runs at most to the block's end) and, summed, the work of
// matching delimiters: the i-th of n delimiters has at least n-i bytes
// after it, so the sum is at least the n²/2 pairs goldmark may compare. A
// footnote reference is charged the footnote definitions too, which
// goldmark searches one by one.
func (d *Doc) chargeInline(block ast.Node, r text.Reader, offset int) {
	line, _ := r.PeekLine()
	if len(line) == 0 || !scan.Expensive(line[0]) {
		return
	}
	c := &d.cost
	if block != c.block {
		c.block, c.blockEnd, c.markers = block, offset, 0
		if lines := block.Lines(); lines != nil && lines.Len() > 0 {
			c.blockEnd = lines.At(lines.Len() - 1).Stop
		}
	}
	c.markers++
	n := max(0, c.blockEnd-offset)
	if line[0] == '[' && len(line) > 1 && line[1] == '^' {
		n += c.footnotes
	}
	d.parseWork(offset, n, func() string {
		return fmt.Sprintf("%d brackets, backticks, emphasis marks, < and ( so far in a paragraph of %d bytes", c.markers, c.blockEnd-blockStart(block, offset))
	})
}

func blockStart(block ast.Node, fallback int) int {
	if lines := block.Lines(); lines != nil && lines.Len() > 0 {
		return lines.At(0).Start
	}
	return fallback
}

// refGuard charges a paragraph's reference definitions to the parse work
// before goldmark takes them off: it removes them one at a time, copying
// the rest of the paragraph's lines each time, so each definition costs
// the lines after it. Every line that starts with "[" is counted as a
// definition, which can only overcount.
type refGuard struct{ m *Markdown }

// Transform implements parser.ParagraphTransformer.
func (g refGuard) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	doc, _ := pc.Get(g.m.docKey).(*Doc)
	lines := node.Lines()
	if doc == nil {
		return
	}
	src := reader.Source()
	defs := 0
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		line := seg.Value(src)
		if bytes.HasPrefix(line[min(scan.Indent(line), len(line)):], []byte("[")) {
			defs++
			doc.parseWork(seg.Start, lines.Len()-i, func() string {
				return fmt.Sprintf("%d lines that may be reference definitions so far in a paragraph of %d lines", defs, lines.Len())
			})
		}
	}
}

// countFootnote counts a footnote definition that starts the line at
// offset; goldmark sorts them, and searches them for each reference, one
// by one.
func (d *Doc) countFootnote(line []byte, offset, limit int) {
	line = line[min(scan.Indent(line), len(line)):]
	if !bytes.HasPrefix(line, []byte("[^")) || offset <= d.cost.lastNote {
		return
	}
	d.cost.lastNote = offset
	d.cost.footnotes++
	if d.cost.footnotes > limit {
		d.refuse(offset, "more than %d footnotes in this file; the limit is %d: split the file or merge notes", limit, limit)
	}
}

// limitExtension adds the guards to a goldmark parser.
type limitExtension struct{ m *Markdown }

// Extend implements goldmark.Extender.
func (e limitExtension) Extend(md goldmark.Markdown) {
	md.Parser().AddOptions(
		// First in line, to count before goldmark works; see guard.go.
		parser.WithInlineParsers(util.Prioritized(guardInline(e), 0)),
		parser.WithBlockParsers(util.Prioritized(guardBlock(e), 0)),
		// Before reference definitions are taken off (100), and after,
		// before tables are made (200).
		parser.WithParagraphTransformers(util.Prioritized(refGuard(e), 50), util.Prioritized(tableGuard(e), 150)),
		// Before the links are resolved (100).
		parser.WithASTTransformers(util.Prioritized(treeGuard(e), 50)),
	)
}

// tableGuard counts a table's cells before goldmark makes them: it pads
// every row to the header's width, so a wide header over many short rows
// makes columns × rows cells out of a few bytes each.
type tableGuard struct{ m *Markdown }

// Transform implements parser.ParagraphTransformer. It finds the table as
// goldmark does: the first line that is a delimiter row, under a header
// with as many cells.
func (g tableGuard) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	doc, _ := pc.Get(g.m.docKey).(*Doc)
	lines := node.Lines()
	if doc == nil || lines.Len() < 2 {
		return
	}
	src := reader.Source()
	for i := 1; i < lines.Len(); i++ {
		delim, header := lines.At(i), lines.At(i-1)
		cols := scan.DelimiterColumns(delim.Value(src))
		if cols == 0 {
			continue
		}
		if scan.HeaderCells(header.Value(src)) != cols {
			return
		}
		lim := g.m.lim
		if cols > lim.columns {
			doc.refuse(lines.At(i).Start, "table of %d columns; the limit is %d columns", cols, lim.columns)
		}
		for j := i - 1; j < lines.Len(); j++ {
			if j == i {
				continue // the delimiter row makes no cells
			}
			doc.cost.cells += cols
			if doc.cost.cells > lim.cells {
				doc.refuse(lines.At(j).Start, "more than %d table cells in this file, counting the empty cells goldmark adds to rows shorter than the header (this table has %d columns); the limit is %d: split the table, or drop empty columns", lim.cells, cols, lim.cells)
			}
		}
		return
	}
}

// treeGuard bounds, once goldmark has built the tree, what the later
// stages do with it: the links of a body, annotations included, before
// they are resolved (each annotation keeps its sentence and becomes a
// mention on an entity page); and the code that chroma highlights, which
// allocates some kilobytes a byte: blocks beyond the limit are shown
// plain, with a warning.
type treeGuard struct{ m *Markdown }

// plainAttr marks a fenced code block that is not to be highlighted.
const plainAttr = "gazette-plain"

// Transform implements parser.ASTTransformer.
func (g treeGuard) Transform(root *ast.Document, reader text.Reader, pc parser.Context) {
	doc, _ := pc.Get(g.m.docKey).(*Doc)
	if doc == nil {
		return
	}
	n, lim := 0, g.m.lim
	warned := false
	ast.Walk(root, func(node ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch node := node.(type) {
		case *ast.Link, *ast.Image:
			if n++; n > lim.links {
				doc.refuse(node.Pos(), "more than %d links, images and annotations in this file; the limit is %d: split the report", lim.links, lim.links)
			}
		case *ast.FencedCodeBlock:
			if lexerFor(g.m, node, codeLang(node, doc.src)) == nil {
				break
			}
			size := 0
			for i := range node.Lines().Len() {
				seg := node.Lines().At(i)
				size += seg.Len()
			}
			if doc.cost.code+size <= lim.code {
				doc.cost.code += size
				break
			}
			node.SetAttributeString(plainAttr, true)
			if !warned {
				warned = true
				doc.Problems = append(doc.Problems, diag.Diagnostic{Pos: doc.pos(nodeOffset(node, 0)), Severity: diag.Warning,
					Msg: fmt.Sprintf("code blocks from here on are shown without colours: a file's highlighted code is limited to %d KB", lim.code>>10)})
			}
		}
		return ast.WalkContinue, nil
	})
}

// errTooMuchHTML is what boundedBuffer returns once it is full.
var errTooMuchHTML = errors.New("too much HTML")

// boundedBuffer is a bytes.Buffer that takes at most max bytes. goldmark's
// renderer writes through a bufio.Writer, which keeps the first error and
// writes nothing more.
type boundedBuffer struct {
	buf *bytes.Buffer
	n   int // bytes written, or offered once full
	max int
}

func (b *boundedBuffer) Write(p []byte) (int, error) {
	b.n += len(p)
	if b.n > b.max {
		return 0, errTooMuchHTML
	}
	if b.buf != nil {
		b.buf.Write(p)
	}
	return len(p), nil
}

// render writes doc's HTML to buf, up to the limit. Over it, buf is
// reset and the error is a diagnostic at the top-level block where the
// HTML passed the limit: references and footnote links are copied out
// each time they are used, so a small body can render to a large page.
func (m *Markdown) render(buf *bytes.Buffer, doc *Doc) error {
	firstMentions(doc.Links)
	w := &boundedBuffer{buf: buf, max: m.lim.html}
	err := m.md.Renderer().Render(w, doc.src, doc.root)
	if !errors.Is(err, errTooMuchHTML) {
		return err
	}
	buf.Reset()
	// Once more, block by block, keeping nothing, to say where. One
	// bufio.Writer for all, or goldmark makes one for each.
	count := bufio.NewWriter(&boundedBuffer{max: m.lim.html})
	at := 0
	for n := doc.root.FirstChild(); n != nil; n = n.NextSibling() {
		at = nodeOffset(n, at)
		if errors.Is(m.md.Renderer().Render(count, doc.src, n), errTooMuchHTML) {
			break
		}
	}
	return &LimitError{diag.Diagnostic{Pos: doc.pos(at), Severity: diag.Error,
		Msg: fmt.Sprintf("this Markdown renders to more than %d MB of HTML, from here on; the limit is %d MB a page: split the file, or use fewer references to long link definitions and footnotes", m.lim.html>>20, m.lim.html>>20)}}
}

// nodeOffset returns where block n starts in the source, or fallback.
func nodeOffset(n ast.Node, fallback int) int {
	if p := n.Pos(); p >= 0 {
		return p
	}
	if lines := n.Lines(); lines != nil && lines.Len() > 0 {
		return lines.At(0).Start
	}
	return fallback
}

// LimitError is a body whose HTML would pass the limit on a page's size:
// a diagnostic with the body's file and position.
type LimitError struct{ diag.Diagnostic }

func (e *LimitError) Error() string { return e.Diagnostic.String() }

// codeLang is a fenced block's language as CommonMark reads it: the info
// string's first word, with escapes and entities resolved.
func codeLang(n *ast.FencedCodeBlock, src []byte) string {
	if l := n.Language(src); l != nil {
		return inline.Unescape(l)
	}
	return ""
}
