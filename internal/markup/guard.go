package markup

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// maxNesting bounds the container markers (">", "-", "1.") that open one
// line, and 4 × it the columns of indentation. goldmark's work on a line
// grows with the square of its nesting, so Parse refuses deep nesting
// before it starts. The other limits are in limits.go.
const maxNesting = 32

// nestingProblem returns the offset of the first line of src that nests
// more than maxNesting containers, by markers or by indentation, and how
// deep, or -1. Fenced code is skipped: its indentation is its own.
func nestingProblem(src []byte) (offset, depth int) {
	fenced := false
	for start := 0; start < len(src); {
		end := start
		for end < len(src) && src[end] != '\n' {
			end++
		}
		line := src[start:end]
		w := indent(line)
		if rest := line[min(w, len(line)):]; bytes.HasPrefix(rest, []byte("```")) || bytes.HasPrefix(rest, []byte("~~~")) {
			fenced = !fenced
		}
		switch {
		case fenced:
		case nesting(line) > maxNesting:
			return start, nesting(line)
		case w > 4*maxNesting && w < len(line):
			// Lists also nest by indentation, two to four columns a level.
			return start, w / 2
		}
		start = end + 1
	}
	return -1, 0
}

// indent returns the width of line's leading white space, a tab counting
// as four columns.
func indent(line []byte) int {
	w := 0
	for _, c := range line {
		switch c {
		case ' ':
			w++
		case '\t':
			w += 4
		default:
			return w
		}
	}
	return w
}

// nesting counts the block quote and list markers that open line: the
// containers goldmark nests on it.
func nesting(line []byte) int {
	n := 0
	for i := 0; i < len(line); {
		switch c := line[i]; {
		case c == ' ' || c == '\t':
			i++
		case c == '>':
			n, i = n+1, i+1
		case (c == '-' || c == '*' || c == '+') && (i+1 == len(line) || line[i+1] == ' ' || line[i+1] == '\t'):
			n, i = n+1, i+1
		case c >= '0' && c <= '9':
			j := i
			for j < len(line) && j-i < 9 && line[j] >= '0' && line[j] <= '9' {
				j++
			}
			if j < len(line) && (line[j] == '.' || line[j] == ')') && (j+1 == len(line) || line[j+1] == ' ' || line[j+1] == '\t') {
				n, i = n+1, j+1
				continue
			}
			return n
		default:
			return n
		}
	}
	return n
}

// parseGuarded parses src into doc.root within the limits, reporting a
// body that passes one.
func (m *Markdown) parseGuarded(doc *Doc, src []byte, ctx parser.Context) {
	doc.root = ast.NewDocument()
	if off, n := nestingProblem(src); off >= 0 {
		doc.errorf(off, "Markdown nested %d deep on one line; the limit is %d levels (or %d columns of indentation): flatten the lists or block quotes", n, m.lim.nesting, 4*m.lim.nesting)
		return
	}
	if off := elementsOver(src, m.lim.elements); off >= 0 {
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
