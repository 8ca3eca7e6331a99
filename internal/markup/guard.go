package markup

import (
	"gazette/internal/markup/scan"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// maxNesting bounds the container markers (">", "-", "1.") that open one
// line, and 4 × it the columns of indentation. goldmark's work on a line
// grows with the square of its nesting, so Parse refuses deep nesting
// before it starts. The other limits are in limits.go.
const maxNesting = 32

// parseGuarded parses src into doc.root within the limits, reporting a
// body that passes one.
func (m *Markdown) parseGuarded(doc *Doc, src []byte, ctx parser.Context) {
	doc.root = ast.NewDocument()
	if off, n := scan.NestingOver(src, maxNesting); off >= 0 {
		doc.errorf(off, "Markdown nested %d deep on one line; the limit is %d levels (or %d columns of indentation): flatten the lists or block quotes", n, m.lim.nesting, 4*m.lim.nesting)
		return
	}
	if off := scan.ElementsOver(src, m.lim.elements); off >= 0 {
		doc.errorf(off, "more than %d Markdown elements in this file (lines, list and quote markers, and the punctuation that starts links, code, emphasis, quotes and tables); the limit is %d: split the file", m.lim.elements, m.lim.elements)
		return
	}
	doc.cost = cost{lim: m.lim, budget: m.lim.workPerByte*len(src) + m.lim.workBase, lastNote: -1}
	defer func() {
		if r := recover(); r != nil {
			s, ok := r.(stop)
			if !ok {
				panic(r)
			}
			doc.cost.block = nil
			doc.root = ast.NewDocument()
			doc.Links = nil
			doc.errorf(s.offset, "%s", s.msg)
		}
	}()
	doc.root = m.md.Parser().Parse(text.NewReader(src), parser.WithContext(ctx))
	doc.cost.block = nil // a node of the tree, which Finish lets go
}

// guardInline is an inline parser that parses nothing: goldmark offers it
// every trigger character first, and it charges the work goldmark may do
// there (chargeInline).
type guardInline struct{ m *Markdown }

// Trigger returns the characters goldmark and its extensions already
// trigger on, so that adding this parser changes no output.
func (g guardInline) Trigger() []byte {
	return []byte("<`*_![] ~('\"-.,>")
}

func (g guardInline) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	if doc, _ := pc.Get(g.m.docKey).(*Doc); doc != nil {
		_, seg := block.Position()
		doc.chargeInline(parent, block, seg.Start)
	}
	return nil
}

// guardBlock is a block parser that opens nothing: goldmark offers it
// every line that may open a block with "[", before the footnote parser,
// and it counts footnote definitions.
type guardBlock struct{ m *Markdown }

func (g guardBlock) Trigger() []byte { return []byte{'['} }

func (g guardBlock) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	if doc, _ := pc.Get(g.m.docKey).(*Doc); doc != nil {
		line, seg := reader.PeekLine()
		doc.countFootnote(line, seg.Start, g.m.lim.footnotes)
	}
	return nil, parser.NoChildren
}

func (g guardBlock) Continue(ast.Node, text.Reader, parser.Context) parser.State { return parser.Close }
func (g guardBlock) Close(ast.Node, text.Reader, parser.Context)                 {}
func (g guardBlock) CanInterruptParagraph() bool                                 { return true }
func (g guardBlock) CanAcceptIndentedLine() bool                                 { return true }
