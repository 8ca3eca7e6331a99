// Package htmlsafe reports what in an HTML text could run script in a
// reader's browser or break a strict Content-Security-Policy: <script>
// elements a caller does not allow, event handler attributes, inline
// styles, elements that embed, restyle or redirect (iframe, object, base,
// style, meta http-equiv, ...), and URLs whose scheme is not http, https or
// mailto.
//
// Gazette publishes text written by others, so whatever that text holds,
// the rendered Markdown and the pages of the site must stay inert. The
// markup and render tests, fuzz targets included, check their output with
// Problems. It reads the HTML with the HTML5 tokenizer of
// golang.org/x/net/html, so the tags, attribute names and decoded values
// it checks are the ones a browser sees. Only tests use this package.
package htmlsafe

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"golang.org/x/net/html"

	"gazette/internal/diag"
)

// Policy says what a text may hold beyond what is always safe. The zero
// Policy allows no script and any element, attribute and comment that
// cannot run one.
type Policy struct {
	// JSONLD allows <script type="application/ld+json"> data blocks with no
	// other attribute, whose text is JSON and holds no "<".
	JSONLD bool
	// ScriptFiles allows <script src="..."></script> with no type and no
	// text, whose src is a relative URL on the same site ending in ".js".
	ScriptFiles bool
	// DataIcons allows <link rel="icon"> to carry its image in a
	// data:image/ URL: a browser shows it and runs nothing in it.
	DataIcons bool

	// Elements, Attributes and Comments, when not nil, are the only
	// element names, attribute names and comment texts (between "<!--" and
	// "-->") allowed. A renderer that writes a known set says so, and
	// anything else it writes is reported. With Elements, a doctype and an
	// end tag outside the list are reported too; with Attributes, an end tag
	// that carries attributes.
	Elements   []string
	Attributes []string
	Comments   []string
}

// Problems returns what in doc could run script, each as
// "line:col: what: why", in the order they appear. Columns count runes.
//
// The tokenizer reads the text of title, textarea, style, script and the
// other raw text elements as plain text, as a browser does in HTML; inside
// SVG or MathML a browser reads that text as markup instead, so a raw text
// that holds "<" is reported. So is a tag cut off by the end of doc: in a
// page, the text after a fragment would finish it.
func Problems(doc string, allow Policy) []string {
	c := checker{allow: allow, doc: doc}
	z := html.NewTokenizer(strings.NewReader(doc))
	var open *rawElement // the element whose raw text the tokenizer reads next
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := string(z.Raw())
		tok := z.Token()
		at := c.off
		if open != nil {
			text := ""
			if tt == html.TextToken {
				text = raw
			}
			c.rawText(*open, text)
			open = nil
			if tt == html.TextToken {
				c.off += len(raw)
				continue
			}
		}
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			// The tokenizer reads raw text after a self-closing <script/>
			// too, as a browser does.
			e := c.startTag(tok, at)
			if rawTextElements[tok.Data] {
				open = &e
			}
		case html.EndTagToken:
			c.endTag(tok, at, raw)
		case html.CommentToken:
			if allow.Comments != nil && !slices.Contains(allow.Comments, tok.Data) {
				c.add(at, "comment %q: not allowed", tok.Data)
			}
		case html.DoctypeToken:
			if allow.Elements != nil {
				c.add(at, "doctype %q: not allowed", tok.Data)
			}
		}
		c.off += len(raw)
	}
	if open != nil {
		c.rawText(*open, "")
	}
	if err := z.Err(); err != io.EOF {
		c.add(c.off, "unreadable: %v", err)
	} else if c.off < len(doc) {
		// The tokenizer drops a tag cut off by the end of the text, as a
		// browser does; but placed in a page, a fragment's cut-off tag
		// would be finished by the text after it.
		c.add(c.off, "tag cut off at the end")
	}
	return c.problems
}

// rawTextElements are the elements whose content the tokenizer reads as
// one text token (golang.org/x/net/html, readStartTag).
var rawTextElements = map[string]bool{
	"iframe": true, "noembed": true, "noframes": true, "noscript": true, "plaintext": true,
	"script": true, "style": true, "textarea": true, "title": true, "xmp": true,
}

// dangerousElements embed other documents, run code, restyle the page, or
// make a browser read what follows differently from this checker.
var dangerousElements = map[string]bool{
	"iframe": true, "frame": true, "frameset": true, "object": true, "embed": true, "applet": true,
	"base": true, "style": true, "template": true, "foreignobject": true, "portal": true,
	"noscript": true, "xmp": true, "plaintext": true, "math": true,
}

// urlAttributes are the attributes whose value a browser may load, follow
// or submit to.
var urlAttributes = map[string]bool{
	"href": true, "src": true, "action": true, "formaction": true, "xlink:href": true,
	"poster": true, "data": true, "background": true, "cite": true, "longdesc": true,
	"lowsrc": true, "dynsrc": true, "manifest": true, "codebase": true, "classid": true,
	"srcset": true, "imagesrcset": true,
}

type checker struct {
	allow    Policy
	doc      string
	off      int // byte offset of the current token
	problems []string
	lines    *diag.Lines // of doc, made for the first problem
}

// scriptKind is what an opened <script> was allowed as.
type scriptKind int

const (
	notAllowed scriptKind = iota
	jsonLD
	scriptFile
)

type rawElement struct {
	name   string
	at     int
	script scriptKind
}

// add reports a problem at byte offset at.
func (c *checker) add(at int, format string, args ...any) {
	if c.lines == nil {
		c.lines = diag.NewLines("", []byte(c.doc))
	}
	pos := c.lines.Pos(at)
	c.problems = append(c.problems, fmt.Sprintf("%d:%d: ", pos.Line, pos.Col)+fmt.Sprintf(format, args...))
}

func (c *checker) startTag(t html.Token, at int) rawElement {
	e := rawElement{name: t.Data, at: at}
	switch {
	case t.Data == "script":
		switch {
		case c.allow.JSONLD && len(t.Attr) == 1 && t.Attr[0].Key == "type" && t.Attr[0].Val == "application/ld+json":
			e.script = jsonLD
		case c.allow.ScriptFiles && attr(t, "type") == "" && !hasAttr(t, "href") && !hasAttr(t, "xlink:href") && sameSiteScript(attr(t, "src")):
			e.script = scriptFile
		default:
			c.add(at, "<script>: script not allowed")
		}
	case dangerousElements[t.Data] || c.allow.Elements != nil && !slices.Contains(c.allow.Elements, t.Data):
		c.add(at, "<%s>: element not allowed", t.Data)
	}
	if t.Data == "meta" && hasAttr(t, "http-equiv") {
		c.add(at, "<meta http-equiv>: page directive")
	}
	if (t.Data == "animate" || t.Data == "set") && strings.Contains(strings.ToLower(attr(t, "attributename")), "href") {
		// <set attributeName="href" to="javascript:..."> makes a link run script.
		c.add(at, "<%s attributename>: animates a link", t.Data)
	}
	for _, a := range t.Attr {
		switch {
		case strings.HasPrefix(a.Key, "on"):
			c.add(at, "<%s %s>: event handler", t.Data, a.Key)
		case a.Key == "style":
			c.add(at, "<%s style>: inline style", t.Data)
		case a.Key == "srcdoc":
			c.add(at, "<%s srcdoc>: embedded document", t.Data)
		case c.allow.Attributes != nil && !slices.Contains(c.allow.Attributes, a.Key):
			c.add(at, "<%s %s>: attribute not allowed", t.Data, a.Key)
		case urlAttributes[a.Key] || strings.HasSuffix(a.Key, ":href"):
			for _, u := range urls(a) {
				s := scheme(u)
				if s == "" || s == "http" || s == "https" || s == "mailto" ||
					c.allow.DataIcons && t.Data == "link" && a.Key == "href" && isIcon(t) && strings.HasPrefix(strings.ToLower(normalize(u)), "data:image/") {
					continue
				}
				c.add(at, "<%s %s>: URL scheme %q", t.Data, a.Key, s)
			}
		}
	}
	return e
}

func (c *checker) endTag(t html.Token, at int, raw string) {
	if c.allow.Elements != nil && !slices.Contains(c.allow.Elements, t.Data) {
		c.add(at, "</%s>: element not allowed", t.Data)
	}
	// The tokenizer drops the attributes of an end tag, as a browser does.
	rest := raw[2:]
	if i := strings.IndexAny(rest, " \t\n\f\r/>"); i >= 0 {
		rest = rest[i:]
	}
	if c.allow.Attributes != nil && strings.Trim(rest, " \t\n\f\r/>") != "" {
		c.add(at, "</%s>: end tag with attributes", t.Data)
	}
}

// rawText checks the text of a raw text element e ("" when it has none).
func (c *checker) rawText(e rawElement, text string) {
	switch {
	case e.name != "script":
		if strings.Contains(text, "<") {
			c.add(e.at, "<%s>: text holds \"<\"", e.name)
		}
	case e.script == jsonLD && strings.Contains(text, "<"):
		c.add(e.at, "<script>: JSON-LD text holds \"<\"")
	case e.script == jsonLD && !json.Valid([]byte(text)):
		c.add(e.at, "<script>: JSON-LD text is not JSON")
	case e.script == scriptFile && text != "":
		c.add(e.at, "<script src>: script file with text")
	}
}

// urls returns the URLs of attribute a: the one URL of its value, or each
// candidate's URL in a srcset, split as a browser does.
func urls(a html.Attribute) []string {
	if a.Key != "srcset" && a.Key != "imagesrcset" {
		return []string{a.Val}
	}
	var us []string
	for _, candidate := range strings.Split(a.Val, ",") {
		// A URL may hold commas, but none before its scheme's ":".
		if f := strings.Fields(candidate); len(f) > 0 {
			us = append(us, f[0])
		}
	}
	return us
}

// scheme returns the lower-cased scheme of u as the WHATWG URL parser reads
// it, or "" for a relative URL. The tokenizer has already decoded
// character references; the parser strips leading C0 controls and spaces,
// drops every tab and newline, and takes as scheme an ASCII letter followed
// by letters, digits, "+", "-" or "." up to a ":".
func scheme(u string) string {
	u = normalize(u)
	for i := 0; i < len(u); i++ {
		switch b := u[i]; {
		case 'a' <= b && b <= 'z', 'A' <= b && b <= 'Z':
		case i > 0 && ('0' <= b && b <= '9' || b == '+' || b == '-' || b == '.'):
		case i > 0 && b == ':':
			return strings.ToLower(u[:i])
		default:
			return ""
		}
	}
	return ""
}

func normalize(u string) string {
	u = strings.TrimLeft(u, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\v\f\r\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
	return strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(u)
}

// sameSiteScript reports whether src names a .js file on the site itself:
// a relative URL with no scheme and no host ("//host" and "/\host" both
// name one).
func sameSiteScript(src string) bool {
	u := normalize(src)
	slash := func(i int) bool { return len(u) > i && (u[i] == '/' || u[i] == '\\') }
	return strings.HasSuffix(u, ".js") && !strings.Contains(u, ":") && !(slash(0) && slash(1))
}

func isIcon(t html.Token) bool {
	return slices.Contains(strings.Fields(strings.ToLower(attr(t, "rel"))), "icon")
}

func attr(t html.Token, key string) string {
	for _, a := range t.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(t html.Token, key string) bool {
	return slices.ContainsFunc(t.Attr, func(a html.Attribute) bool { return a.Key == key })
}
