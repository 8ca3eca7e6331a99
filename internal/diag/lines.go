package diag

import (
	"sort"
	"unicode/utf8"
)

// Lines turns byte offsets in one file's text into positions: the one
// place where gazette counts lines and columns, for Markdown problems,
// broken links, suggestions and the HTML checks of the tests. The line
// starts are indexed on first use; columns are counted on from the last
// position asked for when offsets come in order, so that the positions of
// many places on one long line cost linear time, not quadratic.
type Lines struct {
	path    string
	src     []byte
	starts  []int // offset of each line start; built on first use
	last    Pos   // the last position given, at lastOff
	lastOff int
}

// NewLines returns the Lines of src, the text of the file at path.
func NewLines(path string, src []byte) *Lines {
	return &Lines{path: path, src: src}
}

// Pos returns the position of the byte at offset, which is clamped to the
// text: line and column from 1, the column in characters.
func (l *Lines) Pos(offset int) Pos {
	l.index()
	offset = max(0, min(offset, len(l.src)))
	line := sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > offset }) // 1 + the line's index
	from, col := l.starts[line-1], 1
	// Count on from the last position when it is on this line, before
	// offset, and at the start of a character (as every caller's is).
	if l.last.Line == line && l.lastOff <= offset && l.lastOff < len(l.src) && utf8.RuneStart(l.src[l.lastOff]) {
		from, col = l.lastOff, l.last.Col
	}
	col += utf8.RuneCount(l.src[from:offset])
	l.last, l.lastOff = Pos{Path: l.path, Line: line, Col: col}, offset
	return l.last
}

// LineStart returns the offset at which line (from 1) starts, and false
// when the text has no such line.
func (l *Lines) LineStart(line int) (int, bool) {
	l.index()
	if line < 1 || line > len(l.starts) {
		return 0, false
	}
	return l.starts[line-1], true
}

func (l *Lines) index() {
	if l.starts != nil {
		return
	}
	l.starts = []int{0}
	for i, c := range l.src {
		if c == '\n' {
			l.starts = append(l.starts, i+1)
		}
	}
}
