package markup_test

import (
	"slices"
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// normalizeHTML is the CommonMark spec runner's normalize_html
// (commonmark-spec test/normalize.py), in Go: it ignores the differences
// in output that the spec calls insignificant, so that two renderings
// compare equal exactly when the spec's own runner would pass them.
//
//   - white space runs become one space, except inside <pre>;
//   - white space around block-level tags is removed;
//   - self-closing tags become open tags (<br /> is <br>);
//   - attributes are sorted, names lower-cased;
//   - character references become characters, except that <, >, & and "
//     are written as &lt; &gt; &amp; &quot;.
//
// It differs from the Python only where Python's HTMLParser and
// x/net/html tokenise differently (an unknown entity such as &foo; comes
// out as &amp;foo;, where Python keeps &foo;; an attribute without a value
// is written with ="" ), and both sides of every comparison go through the
// same function, so that changes nothing the tests compare.
func normalizeHTML(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	var out strings.Builder
	last, lastTag, inPre := "starttag", "", false
	for {
		tt := z.Next()
		tok := z.Token()
		switch tt {
		case html.ErrorToken:
			return out.String()
		case html.TextToken:
			data := tok.Data
			afterTag := last == "endtag" || last == "starttag"
			afterBlock := afterTag && blockTags[lastTag]
			if afterTag && lastTag == "br" {
				data = strings.TrimLeft(data, "\n")
			}
			if !inPre {
				data = collapseSpace(data)
			}
			if afterBlock && !inPre {
				switch last {
				case "starttag":
					data = strings.TrimLeftFunc(data, unicode.IsSpace)
				case "endtag":
					data = strings.TrimSpace(data)
				}
			}
			out.WriteString(escapeText(data))
			last = "data"
		case html.StartTagToken, html.SelfClosingTagToken:
			if tok.Data == "pre" {
				inPre = true
			}
			if blockTags[tok.Data] {
				trimRight(&out)
			}
			out.WriteString("<" + tok.Data)
			attrs := slices.Clone(tok.Attr)
			slices.SortFunc(attrs, func(a, b html.Attribute) int {
				if c := strings.Compare(a.Key, b.Key); c != 0 {
					return c
				}
				return strings.Compare(a.Val, b.Val)
			})
			for _, a := range attrs {
				out.WriteString(" " + a.Key + `="` + escapeText(a.Val) + `"`)
			}
			out.WriteString(">")
			lastTag, last = tok.Data, "starttag"
			if tt == html.SelfClosingTagToken {
				last = "endtag"
			}
		case html.EndTagToken:
			if tok.Data == "pre" {
				inPre = false
			} else if blockTags[tok.Data] {
				trimRight(&out)
			}
			out.WriteString("</" + tok.Data + ">")
			lastTag, last = tok.Data, "endtag"
		case html.CommentToken:
			out.WriteString("<!--" + tok.Data + "-->")
			last = "comment"
		case html.DoctypeToken:
			out.WriteString("<!" + tok.Data + ">")
			last = "decl"
		}
	}
}

// collapseSpace is re.sub(r'\s+', ' ', s): each run of white space
// becomes one space.
func collapseSpace(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

func trimRight(b *strings.Builder) {
	s := strings.TrimRightFunc(b.String(), unicode.IsSpace)
	b.Reset()
	b.WriteString(s)
}

var textEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

func escapeText(s string) string { return textEscaper.Replace(s) }

// blockTags are normalize.py's block-level tags.
var blockTags = func() map[string]bool {
	m := map[string]bool{}
	for _, t := range strings.Fields(`article header aside hgroup blockquote hr iframe body li map button
		object canvas ol caption output col p colgroup pre dd progress div section dl table td dt
		tbody embed textarea fieldset tfoot figcaption th figure thead footer tr form ul
		h1 h2 h3 h4 h5 h6 video script style`) {
		m[t] = true
	}
	return m
}()
