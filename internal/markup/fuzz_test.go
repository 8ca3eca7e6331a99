package markup_test

import (
	"runtime"
	"strings"
	"testing"
	"time"

	"gazette/internal/htmlsafe"
	"gazette/internal/markup"
)

// FuzzMarkup parses and renders fuzzed Markdown the way the site stage
// does, filling in every annotation's Href, Anchor and Title (the title
// from the hostile link text itself). Whatever the input, the HTML must
// hold only the tags and attributes goldmark and this package write, and
// no URL a browser would run; and parsing and rendering it must allocate
// no more than allocBound, linear in its size.
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
		// A wide header over short rows, which goldmark pads: 2 KB made
		// 300,000 cells before tables were bounded.
		"|" + strings.Repeat("a|", 300) + "\n|" + strings.Repeat("-|", 300) + "\n" + strings.Repeat("a\n", 1000),
		"[r]: /u\n" + strings.Repeat("[r]: /u\n", 2000) + "x",
		"```ruby\n" + strings.Repeat("\"#{", 300) + "\n```\n```jungle\nx = 1\n```\n",
		strings.Repeat("*a_", 2000), strings.Repeat("[a](", 2000), strings.Repeat("\\``", 2000),
	} {
		f.Add(s)
	}
	md := markup.New([]string{"city", "actor"})
	f.Fuzz(func(t *testing.T, src string) {
		start := time.Now()
		parse(md, src) // once to warm up, so that what is measured is the input's (a lexer is compiled on first use)
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		parse(md, src)
		runtime.ReadMemStats(&after)
		if grew, limit := after.TotalAlloc-before.TotalAlloc, allocBound(src); grew > limit {
			t.Errorf("allocated %d bytes for %d bytes of input; the bound is %d", grew, len(src), limit)
		}
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
		if _, err := doc.Text(); err != nil {
			t.Fatalf("Text: %v", err)
		}
		doc.FirstParagraph()
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("parse and render took %v", d)
		}
		for _, problem := range htmlsafe.Problems(string(out), bodyPolicy) {
			t.Errorf("%s\ninput:  %q\noutput: %q", problem, src, out)
		}
	})
}

// parse parses and renders src as the site stage does, with its
// annotations resolved.
func parse(md *markup.Markdown, src string) {
	doc := md.Parse("reports/r.md", []byte(src))
	for _, l := range doc.Links {
		l.Href, l.Anchor, l.Title = "../../cities/"+l.ID+"/index.html", "m-1", l.Text
	}
	md.Render(doc)
	doc.Text()
	doc.FirstParagraph()
}

// allocBound is the most that parsing and rendering src may allocate: 256
// KB, 1 KB a byte, and 8 KB a byte of what may be code that chroma
// highlights (from the first code fence on), which allocates at each match
// of its regular expressions.
func allocBound(src string) uint64 {
	code := 0
	if i := strings.Index(src, "```"); i >= 0 {
		code = len(src) - i
	}
	if i := strings.Index(src, "~~~"); i >= 0 {
		code = max(code, len(src)-i)
	}
	return 256<<10 + 1<<10*uint64(len(src)) + 8<<10*uint64(code)
}

// bodyPolicy allows only the elements, attributes and comment that
// goldmark and this package write, and no script.
var bodyPolicy = htmlsafe.Policy{
	Elements: strings.Fields(`a p em strong del code pre span div h1 h2 h3 h4 h5 h6 ul ol li blockquote hr br img
		table thead tbody tr th td input sup`),
	Attributes: strings.Fields("href src alt title id class role data-lang align start type checked disabled"),
	Comments:   []string{" raw HTML omitted "},
}
