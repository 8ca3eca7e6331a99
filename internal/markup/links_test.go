package markup_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"gazette/internal/diag"
	"gazette/internal/markup"
)

var md = markup.New([]string{"city", "actor"})

func problems(doc *markup.Doc) []string {
	var l diag.List
	l.Append(doc.Problems...)
	var out []string
	for _, d := range l.Sorted() {
		out = append(out, d.String())
	}
	return out
}

const allowed = `links may use http:, https:, mailto:, a relative path, or an annotation (city:, actor:, report:)`

// linkErrorCases are report bodies and the problems they must produce.
// Bodies start on line 1 here; in a real file the front matter is blanked
// out above them, which changes nothing but the line numbers.
var linkErrorCases = []struct {
	name string
	src  string
	want []string
}{
	{
		"javascript",
		"Read [this](javascript:alert(1)) now.\n",
		[]string{`r.md:1:6: error: forbidden link scheme "javascript:": ` + allowed},
	},
	{
		"scheme case and hidden whitespace",
		"[a](JavaScript:alert(1)) [b](<java\tscript:alert(1)>) [c](< javascript:alert(1)>)\n",
		[]string{
			`r.md:1:1: error: forbidden link scheme "javascript:": ` + allowed,
			`r.md:1:26: error: forbidden link scheme "javascript:": ` + allowed,
			`r.md:1:54: error: forbidden link scheme "javascript:": ` + allowed,
		},
	},
	{
		"data, vbscript, file, ftp, tel",
		"[a](data:text/html,x)\n[b](vbscript:x)\n[c](file:///etc/passwd)\n[d](ftp://example.org/)\n[e](tel:+964)\n",
		[]string{
			`r.md:1:1: error: forbidden link scheme "data:": ` + allowed,
			`r.md:2:1: error: forbidden link scheme "vbscript:": ` + allowed,
			`r.md:3:1: error: forbidden link scheme "file:": ` + allowed,
			`r.md:4:1: error: forbidden link scheme "ftp:": ` + allowed,
			`r.md:5:1: error: forbidden link scheme "tel:": ` + allowed,
		},
	},
	{
		"misspelled kinds",
		"ISIL took [Mosul](citty:mosul) from the [army](actr:iraqi-army), [it](reprot:x) says.\n",
		[]string{
			`r.md:1:11: error: forbidden link scheme "citty:": ` + allowed + `; did you mean "city"?`,
			`r.md:1:41: error: forbidden link scheme "actr:": ` + allowed + `; did you mean "actor"?`,
			`r.md:1:66: error: forbidden link scheme "reprot:": ` + allowed + `; did you mean "report"?`,
		},
	},
	{
		"plural kind",
		"[Mosul](cities:mosul)\n",
		[]string{`r.md:1:1: error: forbidden link scheme "cities:": ` + allowed},
	},
	{
		"reference-style definitions",
		"See [the city][m], [this][js] and [that].\n\n[m]: citty:mosul\n[js]: javascript:alert(1)\n[that]: <data:text/html,x>\n[unused]: javascript:void(0)\n",
		[]string{
			`r.md:1:5: error: forbidden link scheme "citty:": ` + allowed + `; did you mean "city"?`,
			`r.md:1:20: error: forbidden link scheme "javascript:": ` + allowed,
			`r.md:1:35: error: forbidden link scheme "data:": ` + allowed,
		},
	},
	{
		"images",
		"![map](javascript:alert(1)) ![x](data:image/png;base64,iVBOR) ![m](city:mosul)\n\n![ok](img/map.png) ![ok](https://example.org/a.png)\n",
		[]string{
			`r.md:1:1: error: images must use an http, https or relative URL, not "javascript:alert(1)"`,
			`r.md:1:29: error: images must use an http, https or relative URL, not "data:image/png;base64,iVBOR"`,
			`r.md:1:63: error: images must use an http, https or relative URL, not "city:mosul"`,
		},
	},
	{
		"long destinations are clipped",
		"![x](data:image/png;base64," + strings.Repeat("A", 100) + ")\n",
		[]string{`r.md:1:1: error: images must use an http, https or relative URL, not "data:image/png;base64,` + strings.Repeat("A", 38) + `…"`},
	},
	{
		"autolinks",
		"<javascript:alert(1)>\n\n<citty:mosul>\n\n<https://example.org/> <mailto:a@example.org> <a@example.org>\n",
		[]string{
			`r.md:1:1: error: forbidden link scheme in "javascript:alert(1)": use http, https or mailto`,
			`r.md:3:1: error: forbidden link scheme in "citty:mosul": use http, https or mailto`,
		},
	},
	{
		// Refusing an autolink must not stop the check of what follows it.
		"every bad autolink in a paragraph",
		"<javascript:a> and <vbscript:b> and ![x](data:c) and [d](javascript:d)\n",
		[]string{
			`r.md:1:1: error: forbidden link scheme in "javascript:a": use http, https or mailto`,
			`r.md:1:20: error: forbidden link scheme in "vbscript:b": use http, https or mailto`,
			`r.md:1:37: error: images must use an http, https or relative URL, not "data:c"`,
			`r.md:1:54: error: forbidden link scheme "javascript:": ` + allowed,
		},
	},
	{
		"positions count runes after Arabic text, on later lines",
		"قطع الإنترنت في [الموصل](citty:mosul) اليوم.\n" +
			"Second line, then\n" +
			"  «[x](data:x)»\n" +
			"- a list item with [y](javascript:y)\n" +
			"> a quote with [z](vbscript:z)\n" +
			"\n| a | b |\n| - | - |\n| [t](javascript:t) | ok |\n",
		[]string{
			`r.md:1:17: error: forbidden link scheme "citty:": ` + allowed + `; did you mean "city"?`,
			`r.md:3:4: error: forbidden link scheme "data:": ` + allowed,
			`r.md:4:20: error: forbidden link scheme "javascript:": ` + allowed,
			`r.md:5:16: error: forbidden link scheme "vbscript:": ` + allowed,
			`r.md:9:3: error: forbidden link scheme "javascript:": ` + allowed,
		},
	},
	{
		"allowed links",
		"[a](https://example.org/) [b](http://example.org/) [c](mailto:a@example.org) [d](../about/)\n" +
			"[e](#sources) [f](?q=a:b) [g](about/x:y) [h](/x) [i](HTTPS://EXAMPLE.ORG) [j]()\n" +
			"[Mosul](city:mosul) [ISIS](actor:) [r](report:2016-08-12-x)\n" +
			"`[code](javascript:x)`\n\n    [indented](javascript:x)\n\n```\n[fenced](javascript:x)\n```\n\n<a href=\"javascript:x\">raw</a>\n",
		nil,
	},
}

var unsafeAttr = regexp.MustCompile(`(?i)(href|src)="\s*(javascript|vbscript|data|file|ftp|tel|citty|actr|reprot|cities|city|actor|report):`)

func TestLinkErrors(t *testing.T) {
	for _, tc := range linkErrorCases {
		t.Run(tc.name, func(t *testing.T) {
			doc := md.Parse("r.md", []byte(tc.src))
			got := problems(doc)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			// Whatever was refused is not a link in the page.
			html, err := md.Render(doc)
			if err != nil {
				t.Fatal(err)
			}
			if m := unsafeAttr.FindString(string(html)); m != "" || strings.Contains(string(html), "<script") {
				t.Errorf("unsafe %q in the HTML:\n%s", m, html)
			}
		})
	}
}

func TestAnnotations(t *testing.T) {
	src := "# The fall of [Mosul](city:mosul)\n" +
		"\n" +
		"قطع [داعش](actor:) الإنترنت. In *[Mosul][m]*, [ISIS](actor:) and the [**army**](actor:iraqi-army)\n" +
		"cut [the `net`](report:2016-08-12-x#sources) in [Nineveh]; see [x](<city:mosul>).\n" +
		"\n" +
		"- [](city:)\n" +
		"\n" +
		"[m]: city:mosul\n" +
		"[Nineveh]: city:nineveh \"passing\"\n"
	doc := md.Parse("reports/r.md", []byte(src))
	if p := problems(doc); len(p) > 0 {
		t.Fatalf("problems: %q", p)
	}
	var got []string
	for _, l := range doc.Links {
		s := fmt.Sprintf("%s %s:%s %q", l.Pos, l.Scheme, l.ID, l.Text)
		if l.Passing {
			s += " passing"
		}
		got = append(got, s)
	}
	// In document order, with positions in runes; a reference's title
	// marks each link that uses it.
	want := []string{
		`reports/r.md:1:15 city:mosul "Mosul"`,
		`reports/r.md:3:5 actor: "داعش"`,
		`reports/r.md:3:34 city:mosul "Mosul"`,
		`reports/r.md:3:47 actor: "ISIS"`,
		`reports/r.md:3:70 actor:iraqi-army "army"`,
		`reports/r.md:4:5 report:2016-08-12-x#sources "the net"`,
		`reports/r.md:4:49 city:nineveh "Nineveh" passing`,
		`reports/r.md:4:64 city:mosul "x"`,
		`reports/r.md:6:3 city: ""`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("links:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A link's Written text is its plain text with the typographer's quotes,
// dashes and ellipses as the source has them: names are matched against
// it. Markup, escapes and entities are resolved as in Text.
func TestWritten(t *testing.T) {
	tests := []struct{ src, text, written string }{
		{"[Al-Mada'in](city:)", "Al-Mada’in", "Al-Mada'in"},
		{`["Green" Zone -- north...](city:)`, "“Green” Zone – north…", `"Green" Zone -- north...`},
		{"[<<Ur>> --- 'old'](city:)", "«Ur» — ‘old’", "<<Ur>> --- 'old'"},
		{"[*Ba'quba*](city:)", "Ba’quba", "Ba'quba"},
		{`[Al-Mada\'in](city:)`, "Al-Mada'in", "Al-Mada'in"},
		{"[Al-Mada&rsquo;in](city:)", "Al-Mada’in", "Al-Mada’in"},
		{"[ `it's` ](city:)", "it's", "it's"},
	}
	for _, tc := range tests {
		doc := md.Parse("r.md", []byte(tc.src))
		if len(doc.Links) != 1 {
			t.Errorf("%q: %d links", tc.src, len(doc.Links))
			continue
		}
		if l := doc.Links[0]; l.Text != tc.text || l.Written != tc.written {
			t.Errorf("%q: Text %q, Written %q; want %q, %q", tc.src, l.Text, l.Written, tc.text, tc.written)
		}
	}
}

// A CRLF body gives the same links at the same places as its LF form.
func TestAnnotationsCRLF(t *testing.T) {
	src := "ISIL took\n[Mosul](city:mosul) in\r\n2014. [ISIS][i]\n\n[i]: actor:\n"
	lf := md.Parse("r.md", []byte(src))
	crlf := md.Parse("r.md", []byte(strings.ReplaceAll(src, "\n", "\r\n")))
	if len(lf.Links) != 2 || len(crlf.Links) != 2 {
		t.Fatalf("links: %d LF, %d CRLF; want 2", len(lf.Links), len(crlf.Links))
	}
	for i := range lf.Links {
		a, b := *lf.Links[i], *crlf.Links[i]
		if a != b {
			t.Errorf("link %d:\nCRLF %+v\nLF   %+v", i, b, a)
		}
	}
}

func TestSentence(t *testing.T) {
	long := strings.Repeat("word ", 60) // 300 bytes
	tests := []struct {
		src  string
		n    int // which annotation
		want markup.Sentence
	}{
		{
			"ISIL cut the internet. Then it took [Mosul](city:mosul) in June. Residents fled.\n",
			0, markup.Sentence{Before: "Then it took ", Text: "Mosul", After: " in June."},
		},
		{
			"[Mosul](city:mosul) fell.\n",
			0, markup.Sentence{Text: "Mosul", After: " fell."},
		},
		{
			"It fell! Was it [Mosul](city:mosul)? Yes.\n",
			0, markup.Sentence{Before: "Was it ", Text: "Mosul", After: "?"},
		},
		{
			// "Mr." and initials do not end a sentence.
			"Residents left. Mr. Ali told [Reuters](actor:reuters) that the U.S. army had come.\n",
			0, markup.Sentence{Before: "Mr. Ali told ", Text: "Reuters", After: " that the U.S. army had come."},
		},
		{
			"Dr. Smith and J. R. Jones said [ISIL](actor:isil) left. More.\n",
			0, markup.Sentence{Before: "Dr. Smith and J. R. Jones said ", Text: "ISIL", After: " left."},
		},
		{
			// A closing quote after the full stop still ends the sentence;
			// the typographer's quotes are text, not HTML entities.
			`He said "it is over." Then [ISIL](actor:isil) left "the city." Later.` + "\n",
			0, markup.Sentence{Before: "Then ", Text: "ISIL", After: " left “the city.”"},
		},
		{
			// Soft line breaks are spaces; emphasis and code are text.
			"The network in\n[Mosul](city:mosul) was *cut*\nby `ISIL`. Next.\n",
			0, markup.Sentence{Before: "The network in ", Text: "Mosul", After: " was cut by ISIL."},
		},
		{
			// Two annotations in one sentence share it.
			"First. [ISIL](actor:isil) cut [Mosul](city:mosul) off. Last.\n",
			1, markup.Sentence{Before: "ISIL cut ", Text: "Mosul", After: " off."},
		},
		{
			// Arabic question mark and full stop.
			"هل قطع الإنترنت؟ قطع [داعش](actor:isil) الإنترنت في الموصل. ثم\n",
			0, markup.Sentence{Before: "قطع ", Text: "داعش", After: " الإنترنت في الموصل."},
		},
		{
			"- In a list: [Mosul](city:mosul). Then more.\n",
			0, markup.Sentence{Before: "In a list: ", Text: "Mosul", After: "."},
		},
		{
			"| city | note |\n| - | - |\n| [Mosul](city:mosul) | cut |\n",
			0, markup.Sentence{Text: "Mosul"},
		},
		{
			// Entities in HTML come out as text.
			"AT&amp;T and [Zain](actor:zain) &mdash; both.\n",
			0, markup.Sentence{Before: "AT&T and ", Text: "Zain", After: " — both."},
		},
		{
			// Long runs are clipped to 240 bytes a side, at a rune.
			long + "[Mosul](city:mosul)" + long,
			0, markup.Sentence{
				Before: "…" + strings.TrimLeft(long[len(long)-240:], " "),
				Text:   "Mosul",
				After:  strings.TrimRight(long[:240], " ") + "…",
			},
		},
		{
			strings.Repeat("ü", 200) + " [Mosul](city:mosul)",
			0, markup.Sentence{Before: "…" + strings.Repeat("ü", 119) + " ", Text: "Mosul"},
		},
	}
	for _, tc := range tests {
		doc := md.Parse("r.md", []byte(tc.src))
		if len(doc.Links) <= tc.n {
			t.Errorf("%q: %d links", tc.src, len(doc.Links))
			continue
		}
		if got := doc.Links[tc.n].Sentence; got != tc.want {
			t.Errorf("%q:\n got %+v\nwant %+v", tc.src, got, tc.want)
		}
	}
}

func TestText(t *testing.T) {
	src := "Intro with [Mosul](city:mosul) and *emphasis*.\n\n```go\ncode()\n```\n\n## Heading\n\n- item one\n- item [two](https://example.org/)\n\n<div>raw</div>\n"
	doc := md.Parse("r.md", []byte(src))
	want := "Intro with Mosul and emphasis.\nHeading\nitem one\nitem two\n"
	if got, err := doc.Text(); err != nil || got != want {
		t.Errorf("Text() = %q, %v; want %q", got, err, want)
	}
	if got := doc.FirstParagraph(); got != "Intro with Mosul and emphasis." {
		t.Errorf("FirstParagraph() = %q", got)
	}
	// Plain text is what a reader sees: typographer quotes and dashes,
	// entities and backslash escapes resolved, code spans as written.
	plain := []struct{ src, want string }{
		{"Iraq's army -- and ISIL's fighters...", "Iraq’s army – and ISIL’s fighters…"},
		{`AT&amp;T &#x41;&#66; \*not emphasis\* \[x\] a\\b`, `AT&T AB *not emphasis* [x] a\b`},
		{"`a &amp; \\* b` <https://example.org/?a&amp;b>", `a &amp; \* b https://example.org/?a&amp;b`},
		{"<b>raw</b> text", "raw text"},
	}
	for _, tc := range plain {
		if got := md.Parse("r.md", []byte(tc.src)).FirstParagraph(); got != tc.want {
			t.Errorf("FirstParagraph(%q) = %q, want %q", tc.src, got, tc.want)
		}
	}
	if got := md.Parse("r.md", []byte("# Only a heading\n")).FirstParagraph(); got != "" {
		t.Errorf("FirstParagraph() without a paragraph = %q", got)
	}
}

func TestRender(t *testing.T) {
	src := "[Mosul](city:mosul) and [Nowhere](city:nowhere).\n\n<script>alert(1)</script>\n\nx <img src=x onerror=alert(1)> y\n\n```go\nfunc main() {}\n```\n\n```nolang\n<b>\n```\n"
	doc := md.Parse("reports/r/index.md", []byte(src))
	l := doc.Links[0]
	l.Href, l.Anchor, l.Title = "../../cities/mosul/index.html", "m-1", `Mosul "al-Mawsil" <city>`
	html, err := md.Render(doc)
	if err != nil {
		t.Fatal(err)
	}
	got := string(html)
	for _, want := range []string{
		`<p><a href="../../cities/mosul/index.html" class="ann ann-city" id="m-1" title="Mosul &#34;al-Mawsil&#34; &lt;city&gt;">Mosul</a> and Nowhere.</p>`,
		`<!-- raw HTML omitted -->`,
		`<div class="code" data-lang="go"><pre class="chroma">`,
		`<span class="kd">func</span>`,
		`<pre class="chroma"><code class="language-nolang">&lt;b&gt;` + "\n</code></pre>",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("HTML lacks %q:\n%s", want, got)
		}
	}
	for _, bad := range []string{"<script", "onerror", "city:nowhere", "style="} {
		if strings.Contains(got, bad) {
			t.Errorf("HTML has %q:\n%s", bad, got)
		}
	}
	if css := md.CSS(); !strings.Contains(css, ".chroma") || !strings.Contains(css, "@media (prefers-color-scheme: dark)") {
		t.Errorf("CSS() lacks the chroma classes or the dark scheme")
	}
}
