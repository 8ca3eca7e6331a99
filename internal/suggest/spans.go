package suggest

// TODO(markup): this is the only file outside internal/markup that imports
// goldmark. It belongs in markup as an exported helper, such as
// (*markup.Doc).PlainText(fn func(start, end int)), reporting the source
// ranges of text that is not inside code, links, images, autolinks, raw
// HTML or headings; then this package would use markup's parser (and its
// exact extensions) instead of configuring its own.

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// parser parses bodies the way package markup does, as far as where links,
// code and headings are goes: the same block and inline syntax (GFM,
// footnotes). The typographer is left out: it changes only how quotes and
// dashes render, and without it text nodes stay contiguous in the source.
type mdParser struct{ p parser.Parser }

func newParser() *mdParser {
	md := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote))
	return &mdParser{md.Parser()}
}

// span is a range of source bytes.
type span struct{ start, end int }

// textRuns returns the ranges of src that a reader sees as running text, in
// order: maximal runs of text nodes that follow each other in the source,
// outside code, links, images, autolinks, raw HTML and headings. A run
// continues over a soft line break, so a name may span two lines.
func (p *mdParser) textRuns(src []byte) []span {
	root := p.p.Parse(text.NewReader(src))
	var runs []span
	last := -1 // index in runs of the run the previous text node ended
	ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindLink, ast.KindImage, ast.KindAutoLink, ast.KindCodeSpan,
			ast.KindCodeBlock, ast.KindFencedCodeBlock, ast.KindHTMLBlock,
			ast.KindRawHTML, ast.KindHeading:
			last = -1
			return ast.WalkSkipChildren, nil
		}
		t, ok := n.(*ast.Text)
		if !ok {
			if n.Type() != ast.TypeInline {
				last = -1 // a new block
			}
			return ast.WalkContinue, nil
		}
		seg := t.Segment
		if last >= 0 && joins(src, runs[last].end, seg.Start) {
			runs[last].end = seg.Stop
		} else {
			runs = append(runs, span{seg.Start, seg.Stop})
			last = len(runs) - 1
		}
		if t.HardLineBreak() {
			last = -1
		}
		return ast.WalkContinue, nil
	})
	return runs
}

// links counts the links of src by destination, to check a rewritten
// file.
func (p *mdParser) links(src []byte) map[string]int {
	root := p.p.Parse(text.NewReader(src))
	out := map[string]int{}
	ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if l, ok := n.(*ast.Link); ok && entering {
			out[string(l.Destination)]++
		}
		return ast.WalkContinue, nil
	})
	return out
}

// joins reports whether the text before from and after to is one run: the
// two touch, or only spaces and one line break lie between.
func joins(src []byte, from, to int) bool {
	if from > to {
		return false
	}
	newlines := 0
	for _, c := range src[from:to] {
		switch c {
		case ' ', '\t':
		case '\n':
			newlines++
		default:
			return false
		}
	}
	return newlines <= 1
}
