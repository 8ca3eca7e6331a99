package markup

import (
	"bytes"
	"time"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Bounds on what one body may cost.
//
// goldmark is linear on real text but, like most CommonMark parsers, it is
// quadratic on some pathological inputs: thousands of list or quote markers
// on one line, or thousands of unclosed emphasis, code or link openers in
// one paragraph. A content file may be hostile, so Parse refuses deep
// nesting before it starts (a rule that reads the same on every machine),
// and gives up on a parse that runs past its time budget, which no real
// report comes near: goldmark reads ordinary Markdown at tens of MB a
// second, and a file holds at most 8 MB.
const (
	maxNesting  = 32               // container markers (">", "-", "1.") opening one line; indentation up to 4 × this
	parseBudget = 10 * time.Second // for one body
)

// tooComplex is the panic that stops a parse over its budget; Parse
// recovers it.
type tooComplex struct{ offset int }

// check stops the parse when it has run past its deadline. The hooks below
// call it often: on every inline trigger character and on every attempt to
// open a block, so no stretch of goldmark's work between two calls is more
// than linear in the body.
func (d *Doc) check(offset int) {
	d.checks++
	if d.checks%64 == 0 && time.Now().After(d.deadline) {
		panic(tooComplex{offset})
	}
}

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

// parseGuarded parses src into doc.root within the budget, reporting a
// body that nests too deeply or takes too long.
func (m *Markdown) parseGuarded(doc *Doc, src []byte, ctx parser.Context) {
	doc.root = ast.NewDocument()
	if off, n := nestingProblem(src); off >= 0 {
		doc.errorf(off, "Markdown nested %d deep on one line; the limit is %d levels (or %d columns of indentation): flatten the lists or block quotes", n, m.maxDepth, 4*m.maxDepth)
		return
	}
	doc.deadline = time.Now().Add(m.budget)
	defer func() {
		if r := recover(); r != nil {
			tc, ok := r.(tooComplex)
			if !ok {
				panic(r)
			}
			doc.root = ast.NewDocument()
			doc.Links = nil
			doc.errorf(tc.offset, "this Markdown took more than %v to parse, near here: split long paragraphs and close emphasis, code and link brackets", m.budget)
		}
	}()
	doc.root = m.md.Parser().Parse(text.NewReader(src), parser.WithContext(ctx))
}

// guardInline is an inline parser that parses nothing: goldmark offers it
// every trigger character first, and it checks the parse's deadline.
type guardInline struct{ m *Markdown }

// Trigger returns the characters goldmark and its extensions already
// trigger on, so that adding this parser changes no output.
func (g guardInline) Trigger() []byte {
	return []byte("<`*_![] ~('\"-.,>")
}

func (g guardInline) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	if doc, _ := pc.Get(g.m.docKey).(*Doc); doc != nil {
		_, seg := block.Position()
		doc.check(seg.Start)
	}
	return nil
}

// guardBlock is a block parser that opens nothing: goldmark offers it
// every line, at every level of nesting, and it checks the deadline.
type guardBlock struct{ m *Markdown }

func (g guardBlock) Trigger() []byte { return nil }

func (g guardBlock) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	if doc, _ := pc.Get(g.m.docKey).(*Doc); doc != nil {
		_, seg := reader.Position()
		doc.check(seg.Start)
	}
	return nil, parser.NoChildren
}

func (g guardBlock) Continue(ast.Node, text.Reader, parser.Context) parser.State { return parser.Close }
func (g guardBlock) Close(ast.Node, text.Reader, parser.Context)                 {}
func (g guardBlock) CanInterruptParagraph() bool                                 { return true }
func (g guardBlock) CanAcceptIndentedLine() bool                                 { return true }
