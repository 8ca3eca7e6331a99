package markup

import "github.com/yuin/goldmark/ast"

// Run is a range of a body's source bytes.
type Run struct{ Start, End int }

// TextRuns returns the ranges of the source that a reader sees as running
// text, in order: maximal runs of text that follow each other in the
// source, outside code, links, annotations, images, autolinks, raw HTML
// and headings. A run continues over a soft line break, so a name may span
// two lines. `gazette suggest` looks for unannotated names in them, in the
// tree that every other stage reads. It reads the tree, so it works only
// before Finish; a body refused by a limit has none. The typographer, when
// on, cuts text at every quotation mark: a Markdown for this use is made
// with Typographer(false).
func (d *Doc) TextRuns() []Run {
	if d.root == nil {
		return nil
	}
	var runs []Run
	last := -1 // index in runs of the run the previous text node ended
	ast.Walk(d.root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindLink, KindAnnotation, ast.KindImage, ast.KindAutoLink, ast.KindCodeSpan,
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
		if last >= 0 && joins(d.src, runs[last].End, seg.Start) {
			runs[last].End = seg.Stop
		} else {
			runs = append(runs, Run{seg.Start, seg.Stop})
			last = len(runs) - 1
		}
		if t.HardLineBreak() {
			last = -1
		}
		return ast.WalkContinue, nil
	})
	return runs
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
