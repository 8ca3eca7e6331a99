// Package scan measures Markdown source as bytes, before goldmark parses
// it: how deep a line nests containers, how many elements a body may
// become, how many columns a table row has, which markers start a scan.
// Package markup's limits refuse a body by these counts before goldmark
// does the work (see markup/limits.go); each count is goldmark's own rule
// or overcounts it.
package scan

import "bytes"

// NestingOver returns the offset of the first line of src that nests
// more than maxNesting containers, by markers or by indentation, and how
// deep, or -1. Fenced code is skipped: its indentation is its own.
func NestingOver(src []byte, maxNesting int) (offset, depth int) {
	fenced := false
	for start := 0; start < len(src); {
		end := start
		for end < len(src) && src[end] != '\n' {
			end++
		}
		line := src[start:end]
		w := Indent(line)
		if rest := line[min(w, len(line)):]; bytes.HasPrefix(rest, []byte("```")) || bytes.HasPrefix(rest, []byte("~~~")) {
			fenced = !fenced
		}
		switch {
		case fenced:
		case Nesting(line) > maxNesting:
			return start, Nesting(line)
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
func Indent(line []byte) int {
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
func Nesting(line []byte) int {
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

// Expensive reports whether an inline marker can start a scan over the
// rest of its paragraph, or join the paragraph's list of delimiters that
// goldmark matches in quadratic time.
func Expensive(c byte) bool {
	switch c {
	case '[', ']', '!', '`', '<', '*', '_', '~', '(':
		return true
	}
	return false
}

// ElementsOver returns the offset at which src passes limit Markdown
// elements, or -1. goldmark's tree takes some hundred bytes a node, and
// some inputs make a node of every other byte; counting what may become a
// node bounds the tree's memory, and the HTML's size, before goldmark
// builds it. Each line counts 2, plus 2 for each block quote or list
// marker that opens it and 2 for a heading ("#", or "=" under a line).
// Each character that can start an inline element or split text in two
// ("<`*_![]~(|'\"@:", doubled ".,->", "www.") counts 1, whatever it
// turns out to be. Real prose has one element in 10 to 40 bytes.
func ElementsOver(src []byte, limit int) int {
	n := 0
	for i := 0; i < len(src); i++ {
		if i == 0 || src[i-1] == '\n' {
			end := bytes.IndexByte(src[i:], '\n')
			if end < 0 {
				end = len(src) - i
			}
			line := src[i : i+end]
			n += 2 + 2*Nesting(line)
			if rest := line[min(Indent(line), len(line)):]; len(rest) > 0 && (rest[0] == '#' || rest[0] == '=') {
				n += 2 // a heading, and its id
			}
		}
		switch c := src[i]; c {
		case '<', '`', '*', '_', '!', '[', ']', '~', '(', '|', '\'', '"', '@', ':':
			n++
		case '.', ',', '-', '>':
			if i+1 < len(src) && src[i+1] == c {
				n++
			}
		case 'w':
			if bytes.HasPrefix(src[i:], []byte("www.")) {
				n++
			}
		}
		if n > limit {
			return i
		}
	}
	return -1
}

// DelimiterColumns returns the number of columns of a table delimiter row
// such as "| :-- | --: |", or 0 if line is not one, by goldmark's rules.
func DelimiterColumns(line []byte) int {
	if Indent(line) > 3 {
		return 0
	}
	allDashes := true
	for _, b := range line {
		switch b {
		case '-':
		case ' ', '\t', '\n', '\r', '\f', '\v', '|', ':':
			allDashes = false
		default:
			return 0
		}
	}
	if allDashes {
		return 0
	}
	cols := bytes.Split(line, []byte("|"))
	if len(cols) > 0 && len(bytes.TrimSpace(cols[0])) == 0 {
		cols = cols[1:]
	}
	if len(cols) > 0 && len(bytes.TrimSpace(cols[len(cols)-1])) == 0 {
		cols = cols[:len(cols)-1]
	}
	for _, c := range cols {
		c = bytes.TrimSpace(c)
		c = bytes.TrimPrefix(c, []byte(":"))
		c = bytes.TrimSuffix(c, []byte(":"))
		if len(c) == 0 || len(bytes.Trim(c, "-")) != 0 {
			return 0
		}
	}
	return len(cols)
}

// HeaderCells counts the cells of a table row as goldmark splits it: at
// each "|" not escaped with a backslash, outer pipes dropped.
func HeaderCells(line []byte) int {
	line = bytes.TrimSpace(line)
	pos, limit := 0, len(line)
	if limit > 0 && line[0] == '|' {
		pos++
	}
	if limit > 0 && line[limit-1] == '|' {
		limit--
	}
	n := 0
	for pos < limit {
		closure := pos
		for closure < limit && !(line[closure] == '|' && (closure == 0 || line[closure-1] != '\\')) {
			closure++
		}
		n++
		pos = closure + 1
	}
	return n
}
