package inline

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// HardBreaks removes the spaces before a hard line break made of
// trailing spaces ("aaa␠␠␠␠␠\nbbb" is aaa<br>bbb, CommonMark examples
// 226 and 635).
//
// goldmark trims them only from the last text segment of the line. An
// inline parser that triggers on white space (Linkify does, and so does
// the guard) cuts the line into segments at every space it is offered, so
// the spaces ended up in the segments before the last, and in the page.
// The fix is upstream-style: trim every segment of the line back to its
// last non-space. A hard break made with a backslash keeps its spaces, as
// CommonMark says.
type HardBreaks struct{}

// Transform implements parser.ASTTransformer.
func (HardBreaks) Transform(root *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		t, ok := n.(*ast.Text)
		if !entering || !ok || !t.HardLineBreak() || backslashBreak(src, t.Segment.Stop) {
			return ast.WalkContinue, nil
		}
		for {
			t.Segment = t.Segment.TrimRightSpace(src)
			prev, ok := t.PreviousSibling().(*ast.Text)
			if t.Segment.Len() > 0 || !ok || prev.IsRaw() || prev.SoftLineBreak() || prev.HardLineBreak() {
				return ast.WalkContinue, nil
			}
			t = prev
		}
	})
}

// backslashBreak reports whether the line break after offset stop is a
// backslash: all that can stand between the text and the line end.
func backslashBreak(src []byte, stop int) bool {
	for i := stop; i < len(src); i++ {
		switch src[i] {
		case ' ', '\t':
		case '\\':
			return true
		default:
			return false
		}
	}
	return false
}
