package markup_test

import (
	"html"
	"strings"
	"testing"
	"time"

	"gazette/internal/markup"
)

// FuzzMarkup parses and renders fuzzed Markdown the way the site stage
// does, filling in every annotation's Href, Anchor and Title (the title
// from the hostile link text itself). Whatever the input, the HTML must
// hold only the tags and attributes goldmark and this package write, and
// no URL a browser would run.
//
//	go test ./internal/markup -run XXX -fuzz FuzzMarkup -fuzztime 60s
func FuzzMarkup(f *testing.F) {
	for _, s := range []string{
		"[Mosul](city:mosul) and [ISIS](actor:) and [r](report:a-b#m-2).",
		"[x](javascript:alert(1)) [y](JaVaScRiPt:alert(1)) [z](java\tscript:x) [w](%6Aavascript:x)",
		"[x](data:text/html;base64,PHNjcmlwdD4=) ![i](data:image/svg+xml,<svg onload=alert(1)>) <javascript:alert(1)>",
		"<script>alert(1)</script>\n\n<svg onload=alert(1)><circle/></svg>\n\n<img src=x onerror=alert(1)>",
		"[a <b>](city:x \"t\" onmouseover=alert(1))\n\n[m]: city:mosul\n[Mosul][m]",
		"```js\n</code><script>alert(1)</script>\n```\n\n```\"><script>\nx\n```",
		"| a | b |\n|:--|--:|\n| <i>x</i> | [y](vbscript:z) |",
		"Note[^1].\n\n[^1]: See [x](actor:isil \"\\\"><script>\").",
		"- [ ] task\n- [x] done <u>x</u>\n\n> > > deep\n\n1. a\n   1. b",
		"&lt;script&gt; &#60;script&#62; \\<script> `<script>` www.example.org/<script>",
		"[x](<javascript:alert(1)>) [x]( javascript:alert(1)) [x](\x01javascript:alert(1))",
		"[](city:) [ ](actor:) [x](city:a\"onclick=\"b)",
		"[a](&#106;avascript:alert(1)) [b](ms-msdt&#58;x) [c](java&#9;script:x) [d](city&#58;mosul) ![e](&#x64;ata:x)",
	} {
		f.Add(s)
	}
	md := markup.New([]string{"city", "actor"})
	f.Fuzz(func(t *testing.T, src string) {
		start := time.Now()
		doc := md.Parse("reports/r.md", []byte(src))
		for i, l := range doc.Links {
			l.Href = "../../cities/" + l.ID + "/index.html"
			if i%3 == 0 {
				l.Href = "" // an unresolved annotation renders as text
			}
			l.Anchor = "m-1"
			l.Title = l.Text
			if l.Pos.Line < 1 || l.Pos.Col < 1 || l.Pos.Line > strings.Count(src, "\n")+1 {
				t.Errorf("link %q at impossible position %v", l.Text, l.Pos)
			}
		}
		out, err := md.Render(doc)
		if err != nil {
			t.Fatalf("Render: %v", err)
		}
		doc.Text()
		doc.FirstParagraph()
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("parse and render took %v", d)
		}
		for _, problem := range checkFragment(string(out)) {
			t.Errorf("%s\ninput:  %q\noutput: %q", problem, src, out)
		}
	})
}

// fragmentTags are the elements a rendered body may hold.
var fragmentTags = map[string]bool{
	"a": true, "p": true, "em": true, "strong": true, "del": true, "code": true, "pre": true,
	"span": true, "div": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"ul": true, "ol": true, "li": true, "blockquote": true, "hr": true, "br": true, "img": true,
	"table": true, "thead": true, "tbody": true, "tr": true, "th": true, "td": true,
	"input": true, "sup": true,
}

// fragmentAttrs are the attributes it may hold.
var fragmentAttrs = map[string]bool{
	"href": true, "src": true, "alt": true, "title": true, "id": true, "class": true, "role": true,
	"data-lang": true, "align": true, "start": true, "type": true, "checked": true, "disabled": true,
}

// checkFragment returns what is unsafe in a rendered Markdown body: an
// element or attribute outside the lists above, an event handler, an
// inline style, or a URL with a scheme other than http, https or mailto.
func checkFragment(s string) []string {
	var problems []string
	for _, tag := range scanTags(s) {
		if tag.comment {
			if tag.raw != "<!-- raw HTML omitted -->" {
				problems = append(problems, "unexpected comment "+tag.raw)
			}
			continue
		}
		if !fragmentTags[tag.name] {
			problems = append(problems, "unexpected element <"+tag.name+">")
		}
		for _, a := range tag.attrs {
			if !fragmentAttrs[a.name] {
				problems = append(problems, "unexpected attribute "+a.name+" in <"+tag.name+">")
			}
			if (a.name == "href" || a.name == "src") && !safeURL(a.value) {
				problems = append(problems, "unsafe URL "+a.name+"="+a.value)
			}
		}
	}
	return problems
}

type tag struct {
	raw     string
	name    string
	comment bool
	attrs   []attr
}

type attr struct{ name, value string }

// scanTags finds the tags of an HTML text the way a browser's tokenizer
// would for well-formed output: every "<" followed by a letter, "/" or
// "!" starts a tag, and quoted attribute values may hold ">".
func scanTags(s string) []tag {
	var tags []tag
	for i := 0; i < len(s); i++ {
		if s[i] != '<' || i+1 >= len(s) {
			continue
		}
		c := s[i+1]
		switch {
		case strings.HasPrefix(s[i:], "<!--"):
			end := strings.Index(s[i:], "-->")
			if end < 0 {
				end = len(s) - i - 3
			}
			tags = append(tags, tag{raw: s[i : i+end+3], comment: true})
			i += end + 2
			continue
		case c == '/' || c == '!' || c == '?' || isLetter(c):
		default:
			continue
		}
		j := i + 1
		if s[j] == '/' || s[j] == '!' || s[j] == '?' {
			j++
		}
		k := j
		for k < len(s) && !isSpaceByte(s[k]) && s[k] != '>' && s[k] != '/' {
			k++
		}
		t := tag{name: strings.ToLower(s[j:k])}
		// Attributes.
		for k < len(s) && s[k] != '>' {
			for k < len(s) && (isSpaceByte(s[k]) || s[k] == '/') {
				k++
			}
			n := k
			for k < len(s) && !isSpaceByte(s[k]) && s[k] != '>' && s[k] != '=' && s[k] != '/' {
				k++
			}
			if n == k {
				if k < len(s) && s[k] == '=' {
					k++ // a stray "=": a browser starts an attribute name with it
				}
				continue
			}
			a := attr{name: strings.ToLower(s[n:k])}
			if k < len(s) && s[k] == '=' {
				k++
				switch {
				case k < len(s) && (s[k] == '"' || s[k] == '\''):
					q := s[k]
					e := strings.IndexByte(s[k+1:], q)
					if e < 0 {
						e = len(s) - k - 1
					}
					a.value = s[k+1 : k+1+e]
					k += e + 2
				default:
					v := k
					for k < len(s) && !isSpaceByte(s[k]) && s[k] != '>' {
						k++
					}
					a.value = s[v:k]
				}
			}
			a.value = html.UnescapeString(a.value)
			t.attrs = append(t.attrs, a)
		}
		t.raw = s[i:min(k+1, len(s))]
		tags = append(tags, t)
		i = k
	}
	return tags
}

// safeURL reports whether a browser would treat u as a link to a page
// rather than as a script: no scheme, or http, https or mailto. Like a
// browser, it ignores leading spaces and control characters and any tab or
// newline inside.
func safeURL(u string) bool {
	u = strings.TrimLeft(u, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\v\f\r \x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f")
	u = strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(u)
	// The WHATWG URL parser: a scheme is a letter, then letters, digits,
	// "+", "-" or ".", then ":"; anything else makes a relative URL.
	i := strings.IndexByte(u, ':')
	if i <= 0 || !isLetter(u[0]) || strings.IndexFunc(u[:i], func(r rune) bool {
		return !(r < 0x80 && isLetter(byte(r)) || r >= '0' && r <= '9' || r == '+' || r == '-' || r == '.')
	}) >= 0 {
		return true
	}
	switch strings.ToLower(u[:i]) {
	case "http", "https", "mailto":
		return true
	}
	return false
}

func isLetter(c byte) bool    { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }
