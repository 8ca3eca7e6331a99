// Package inline holds gazette's goldmark rules for inline text that need
// nothing of package markup's annotations or limits: bare URLs
// (Autolinker), hard line breaks (HardBreaks) and heading ids
// (HeadingIDs), which package markup registers; and the plain text of
// inline nodes as a reader sees it (Text, Written, Write), which
// annotations, headings and the search index are made from.
package inline

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Autolinker links bare URLs and e-mail addresses in prose (GFM's
// extended autolinks) through goldmark's Linkify parser, with three
// changes, each of them a rule of the dialect:
//
//   - Only http:, https: and www. addresses are linked (and e-mail
//     addresses, as mailto:). Linkify also links ftp://, which the link
//     policy then refused: a bare address in a sentence failed the build.
//     Now it stays text, as any other scheme does.
//   - A quotation mark at the end of a bare URL is not part of it, as a
//     full stop or a comma is not. With the typographer on, goldmark
//     linked "https://example.org/notice" to …/notice%22 (upstream
//     goldmark issue 335: the opening quote becomes a node, Linkify then
//     starts the URL after it and its URL pattern takes the closing
//     quote in).
//   - Without the typographer, a URL right after a quotation mark is
//     linked all the same (GFM links a URL only after a space, a line
//     start or one of *_~( ), so that a quoted URL is a link whether or
//     not the site has typographic quotes.
type Autolinker struct {
	linkify parser.InlineParser
	quotes  bool // trigger on quotation marks: the typographer is off
}

// NewAutolinker returns the autolinker of a site with the typographer on
// or off.
func NewAutolinker(typographer bool) Autolinker {
	return Autolinker{
		linkify: extension.NewLinkifyParser(extension.WithLinkifyAllowedProtocols([]string{"http:", "https:"})),
		quotes:  !typographer,
	}
}

// Trigger implements parser.InlineParser: Linkify's characters (a space
// stands for any white space and a line start), and quotation marks when
// no typographer takes them.
func (a Autolinker) Trigger() []byte {
	t := a.linkify.Trigger()
	if a.quotes {
		t = append(append([]byte(nil), t...), '"', '\'')
	}
	return t
}

// Parse implements parser.InlineParser.
func (a Autolinker) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	savedLine, saved := block.Position()
	line, _ := block.PeekLine()
	quote := len(line) > 0 && (line[0] == '"' || line[0] == '\'')
	if quote {
		if !a.quotes || len(line) < 2 || bytes.IndexByte(a.linkify.Trigger(), line[1]) >= 0 || util.IsSpace(line[1]) {
			// What follows the quote triggers Linkify by itself.
			return nil
		}
		block.Advance(1) // Linkify reads what follows as a line start
	}
	link, _ := a.linkify.Parse(parent, block, pc).(*ast.AutoLink)
	if link == nil || quote && link.AutoLinkType != ast.AutoLinkURL {
		// After a quote, only a URL: O'Brien@example.org is one address.
		block.SetPosition(savedLine, saved)
		return nil
	}
	if quote {
		ast.MergeOrAppendTextSegment(parent, text.NewSegment(saved.Start, saved.Start+1))
	}
	if link.AutoLinkType != ast.AutoLinkURL {
		return link
	}
	// Linkify has advanced past the URL, which ends where the reader now
	// stands; shorten it if it ends in quotes, and read them again.
	src := block.Source()
	_, pos := block.Position()
	label := link.Label(src)
	start := pos.Start - len(label)
	n := urlLength(label)
	if n == len(label) {
		return link
	}
	short := ast.NewAutoLink(ast.AutoLinkURL, ast.NewTextSegment(text.NewSegment(start, start+n)))
	short.Protocol = link.Protocol
	block.SetPosition(savedLine, saved)
	block.Advance(start + n - saved.Start)
	return short
}

// urlLength returns how much of a bare URL u is the URL: GFM's rules for
// the end of an extended autolink (trailing ? ! . , : * _ ~ are left out,
// a ) only when unbalanced, an entity-like &name; is left out), with
// quotation marks added to the trailing punctuation.
func urlLength(u []byte) int {
	open, closing := bytes.Count(u, []byte("(")), bytes.Count(u, []byte(")"))
	i := len(u)
	for i > 1 {
		switch u[i-1] {
		case '"', '\'', '?', '!', '.', ',', ':', '*', '_', '~':
			i--
		case ')':
			if closing <= open {
				return i
			}
			closing--
			i--
		case ';':
			j := i - 2
			for j > 0 && util.IsAlphaNumeric(u[j]) {
				j--
			}
			if j == i-2 || u[j] != '&' {
				return i
			}
			i = j
		default:
			return i
		}
	}
	return i
}
