package inline

import (
	"bufio"
	"bytes"
	"html"
	"strings"

	"github.com/yuin/goldmark/ast"
	gmhtml "github.com/yuin/goldmark/renderer/html"
)

// Text returns the text of an inline node and its descendants as a
// reader sees it.
func Text(src []byte, n ast.Node) string {
	var b strings.Builder
	Write(&b, src, n, nil, false)
	return b.String()
}

// Written is Text with the typographer's work undone: ' and "
// where the reader sees curly quotes, -- and ... where they see a dash and
// an ellipsis. Names are matched against it, so that [Al-Mada'in](city:)
// finds the name as it is written in the entity's file.
func Written(src []byte, n ast.Node) string {
	var b strings.Builder
	Write(&b, src, n, nil, true)
	return b.String()
}

// untyped returns what the typographer replaced with s, for the
// substitutions it makes by default (the ones New asks for), or "".
func untyped(s []byte) string {
	switch string(s) {
	case "&lsquo;", "&rsquo;":
		return "'"
	case "&ldquo;", "&rdquo;":
		return `"`
	case "&ndash;":
		return "--"
	case "&mdash;":
		return "---"
	case "&hellip;":
		return "..."
	case "&laquo;":
		return "<<"
	case "&raquo;":
		return ">>"
	}
	return ""
}

// Write appends the plain text of n to b, as written when written is set
// (see Written). For each node inside that holds others (an emphasis, a
// link, an annotation …), mark, when set, is called with the byte range
// its text takes in b.
func Write(b *strings.Builder, src []byte, n ast.Node, mark func(n ast.Node, start, end int), written bool) {
	switch n := n.(type) {
	case *ast.Text:
		writeUnescaped(b, n.Segment.Value(src), n.IsRaw())
		if n.SoftLineBreak() || n.HardLineBreak() {
			b.WriteByte(' ')
		}
		return
	case *ast.String:
		switch {
		case n.IsCode() && written && untyped(n.Value) != "":
			b.WriteString(untyped(n.Value))
		case n.IsCode(): // HTML, such as the typographer's &rsquo;
			b.WriteString(html.UnescapeString(string(n.Value)))
		default:
			writeUnescaped(b, n.Value, n.IsRaw())
		}
		return
	case *ast.RawHTML:
		return
	case *ast.AutoLink:
		b.Write(n.Label(src))
		return
	case *ast.CodeSpan:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if t, ok := c.(*ast.Text); ok {
				b.Write(t.Segment.Value(src))
			} else {
				Write(b, src, c, mark, written)
			}
		}
		return
	}
	start := b.Len()
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		Write(b, src, c, mark, written)
	}
	if mark != nil && n.Type() == ast.TypeInline {
		mark(n, start, b.Len())
	}
}

// writeUnescaped writes v as Unescape returns it, without making a string
// of it when there is nothing to resolve.
func writeUnescaped(b *strings.Builder, v []byte, raw bool) {
	if raw || !bytes.ContainsAny(v, "\\&\x00") {
		b.Write(v)
		return
	}
	b.WriteString(Unescape(v))
}

// Unescape returns Markdown text as a reader sees it: backslash escapes,
// entities and character references resolved, the way goldmark's HTML
// writer resolves them.
func Unescape(v []byte) string {
	if !bytes.ContainsAny(v, "\\&\x00") {
		return string(v)
	}
	var buf bytes.Buffer
	w := bufio.NewWriterSize(&buf, 2*len(v)) // not the default 4 KB for each text with an escape
	gmhtml.DefaultWriter.Write(w, v)
	w.Flush()
	return html.UnescapeString(buf.String())
}
