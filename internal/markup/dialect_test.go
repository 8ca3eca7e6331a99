package markup_test

import (
	"strings"
	"testing"

	"gazette/internal/markup"
)

// dialectCases are the rules of the README's "The Markdown dialect", one
// group each, with their edges: a body, whether the typographer is off,
// the exact HTML and the exact problems.
var dialectCases = []struct {
	rule, name string
	src        string
	plain      bool // typographer: false
	html       string
	problems   []string
}{
	// Heading ids.
	{
		"heading ids", "the theme's ids and mention anchors are not taken",
		"## Sources\n## Events\n## M 1\n## Main\n",
		false,
		`<h2 id="h-sources">Sources</h2>
<h2 id="h-events">Events</h2>
<h2 id="h-m-1">M 1</h2>
<h2 id="h-main">Main</h2>`, nil,
	},
	{
		"heading ids", "repeated headings count on, past ids already taken",
		"# A\n## A 2\n### A\n#### a\n##### A-2\n",
		false,
		`<h1 id="h-a">A</h1>
<h2 id="h-a-2">A 2</h2>
<h3 id="h-a-3">A</h3>
<h4 id="h-a-4">a</h4>
<h5 id="h-a-2-2">A-2</h5>`, nil,
	},
	{
		"heading ids", "text as a reader sees it: link text, code, emphasis, no punctuation",
		"## [Mosul](city:mosul) *falls*: `go` 2.0 -- (again)?\n",
		false,
		`<h2 id="h-mosul-falls-go-2-0-again">Mosul <em>falls</em>: <code>go</code> 2.0 &ndash; (again)?</h2>`, nil,
	},
	{
		"heading ids", "any script, combining marks kept, lower case",
		"## الموصل: قطع الإنترنت\n## Mûsil ÇAĞ\n## हिन्दी\n",
		false,
		`<h2 id="h-الموصل-قطع-الإنترنت">الموصل: قطع الإنترنت</h2>
<h2 id="h-mûsil-çağ">Mûsil ÇAĞ</h2>
<h2 id="h-हिन्दी">हिन्दी</h2>`, nil,
	},
	{
		"heading ids", "no letter or digit, setext, nested, cut at 60",
		"## !!!\n\nSetext\n------\n\n> - ### In a list\n\n# " + strings.Repeat("abcdefghi ", 8) + "\n",
		false,
		`<h2 id="h-section">!!!</h2>
<h2 id="h-setext">Setext</h2>
<blockquote>
<ul>
<li>
<h3 id="h-in-a-list">In a list</h3>
</li>
</ul>
</blockquote>
<h1 id="h-abcdefghi-abcdefghi-abcdefghi-abcdefghi-abcdefghi-abcdefghi">` + strings.TrimSpace(strings.Repeat("abcdefghi ", 8)) + `</h1>`, nil,
	},

	// Link schemes: RFC 3986 schemes only, and no network-path references.
	{
		"link schemes", "not schemes by RFC 3986: relative paths",
		"[a](foo\\)\\:) [b](1a:b) [c](a_b:c.html) [d](-x:y) [e](é:x) [f](+a:b)\n",
		false,
		`<p><a href="foo):">a</a> <a href="1a:b">b</a> <a href="a_b:c.html">c</a> <a href="-x:y">d</a> <a href="%C3%A9:x">e</a> <a href="+a:b">f</a></p>`, nil,
	},
	{
		"link schemes", "schemes by RFC 3986 that are not allowed",
		"[a](a+b.c-d:x) [b](x1:y) [c](&#106;avascript&#58;x)\n",
		false,
		`<p><a href="">a</a> <a href="">b</a> <a href="">c</a></p>`,
		[]string{
			`r.md:1:1: error: forbidden link scheme "a+b.c-d:": ` + allowed,
			`r.md:1:16: error: forbidden link scheme "x1:": ` + allowed,
			`r.md:1:26: error: forbidden link scheme "javascript:": ` + allowed,
		},
	},
	{
		"link schemes", "network-path references, however spelled",
		"[a](//example.org/x) [b](/\\example.org) [c](\\\\\\\\example.org) [d](<\t//example.org>)\n\n" +
			"![e](//example.org/i.png) [f][r]\n\n[r]: //example.org/r\n",
		false,
		`<p><a href="">a</a> <a href="">b</a> <a href="">c</a> <a href="">d</a></p>
<p><img src="" alt="e"> <a href="">f</a></p>`,
		[]string{
			`r.md:1:1: error: link "//example.org/x" is a network-path reference, to another host but without a scheme: write https://example.org/x`,
			`r.md:1:22: error: link "/\\example.org" is a network-path reference, to another host but without a scheme: write https://example.org`,
			`r.md:1:41: error: link "\\\\example.org" is a network-path reference, to another host but without a scheme: write https://example.org`,
			`r.md:1:62: error: link "\t//example.org" is a network-path reference, to another host but without a scheme: write https://example.org`,
			`r.md:3:1: error: images must use an http, https or relative URL, not the network-path reference "//example.org/i.png": write https://example.org/i.png`,
			`r.md:3:27: error: link "//example.org/r" is a network-path reference, to another host but without a scheme: write https://example.org/r`,
		},
	},
	{
		"link schemes", "images: http, https or a relative path, not mailto",
		"![a](mailto:a@example.org) ![b](HTTPS://example.org/b.png) ![c](img/c.png)\n",
		false,
		`<p><img src="" alt="a"> <img src="HTTPS://example.org/b.png" alt="b"> <img src="img/c.png" alt="c"></p>`,
		[]string{`r.md:1:1: error: images must use an http, https or relative URL, not "mailto:a@example.org"`},
	},
	{
		"link schemes", "one slash, or a slash after a path, is a path",
		"[a](/x) [b](./x//y) [c](x//y) [d](/%2Fexample.org)\n",
		false,
		`<p><a href="/x">a</a> <a href="./x//y">b</a> <a href="x//y">c</a> <a href="/%2Fexample.org">d</a></p>`, nil,
	},

	// Bare URLs.
	{
		"bare URLs", "only http, https, www. and e-mail; other schemes stay text",
		"ftp://example.org/file and irc://example.org, https://example.org/a, www.example.org and a@example.org.\n",
		false,
		`<p>ftp://example.org/file and irc://example.org, <a href="https://example.org/a">https://example.org/a</a>, <a href="http://www.example.org">www.example.org</a> and <a href="mailto:a@example.org">a@example.org</a>.</p>`, nil,
	},
	{
		"bare URLs", "quotation marks are not part of the URL (goldmark issue 335)",
		`"https://example.org/notice" 'https://example.org/a' "https://example.org/b." ("https://example.org/c_(d)")` + "\n",
		false,
		`<p>&ldquo;<a href="https://example.org/notice">https://example.org/notice</a>&rdquo; &lsquo;<a href="https://example.org/a">https://example.org/a</a>&rsquo; &ldquo;<a href="https://example.org/b">https://example.org/b</a>.&rdquo; (&ldquo;<a href="https://example.org/c_(d)">https://example.org/c_(d)</a>&rdquo;)</p>`, nil,
	},
	{
		"bare URLs", "quoted URLs are links with the typographer off too",
		`"https://example.org/notice" 'www.example.org/a' "a@example.org" O'Brien@example.org` + "\n",
		true,
		`<p>&quot;<a href="https://example.org/notice">https://example.org/notice</a>&quot; '<a href="http://www.example.org/a">www.example.org/a</a>' &quot;a@example.org&quot; <a href="mailto:O'Brien@example.org">O'Brien@example.org</a></p>`, nil,
	},
	{
		"bare URLs", "a quote before a space or a trigger leaves the URL to Linkify",
		`" https://example.org/a" "(https://example.org/b)"` + "\n",
		true,
		`<p>&quot; <a href="https://example.org/a">https://example.org/a</a>&quot; &quot;(<a href="https://example.org/b">https://example.org/b</a>)&quot;</p>`, nil,
	},
	{
		"bare URLs", "<…> autolinks are links as written, and checked",
		"<ftp://example.org/x> <https://example.org/y\">\n",
		false,
		`<p>ftp://example.org/x <a href="https://example.org/y%22">https://example.org/y&quot;</a></p>`,
		[]string{`r.md:1:1: error: forbidden link scheme in "ftp://example.org/x": use http, https or mailto`},
	},

	// Line breaks.
	{
		"line breaks", "trailing spaces go (CommonMark examples 226 and 635)",
		"aaa     \nbbb     \n\nfoo       \nbaz\n\n*em*   \nx\r\ny  \r\nz\n",
		false,
		"<p>aaa<br>\nbbb</p>\n<p>foo<br>\nbaz</p>\n<p><em>em</em><br>\nx\ny<br>\nz</p>", nil,
	},
	{
		"line breaks", "a backslash break keeps the spaces before it",
		"foo  \\\nbar\n",
		false,
		"<p>foo  <br>\nbar</p>", nil,
	},

	// Typographic punctuation, and the switch.
	{
		"typographer", "substitutions",
		`"Cut off" -- 'full' --- it's over... <<sic>> ` + "`--`" + ` [x](a--b.html) https://example.org/a--b...` + "\n",
		false,
		`<p>&ldquo;Cut off&rdquo; &ndash; &lsquo;full&rsquo; &mdash; it&rsquo;s over&hellip; &laquo;sic&raquo; <code>--</code> <a href="a--b.html">x</a> <a href="https://example.org/a--b">https://example.org/a--b</a>&hellip;</p>`, nil,
	},
	{
		"typographer", "off",
		`"Cut off" -- 'full' --- it's over...` + "\n",
		true,
		`<p>&quot;Cut off&quot; -- 'full' --- it's over...</p>`, nil,
	},

	// Code.
	{
		"code", "the language is the info string's first word, resolved",
		"```f&ouml;&ouml; x\na\n```\n\n``` foo\\+bar\nb\n```\n\n```\nc\n```\n\n    d\n",
		false,
		`<pre class="chroma"><code class="language-föö">a
</code></pre>
<pre class="chroma"><code class="language-foo+bar">b
</code></pre>
<pre class="chroma"><code>c
</code></pre>
<pre><code>d
</code></pre>`, nil,
	},

	// Raw HTML.
	{
		"raw HTML", "dropped, block and inline; entities are characters",
		"<div onclick=\"x()\">\n*a*\n</div>\n\nA <b>b</b> &copy; &#8212; <!-- c -->\n",
		false,
		"<!-- raw HTML omitted -->\n<p>A <!-- raw HTML omitted -->b<!-- raw HTML omitted --> © — <!-- raw HTML omitted --></p>", nil,
	},

	// GitHub's extensions.
	{
		"extensions", "strikethrough, task list, footnote",
		"~~a~~ ~b~\n\n- [x] c\n\nd[^1]\n\n[^1]: e\n",
		false,
		`<p><del>a</del> <del>b</del></p>
<ul>
<li><input checked="" disabled="" type="checkbox"> c</li>
</ul>
<p>d<sup id="fnref:1"><a href="#fn:1" class="footnote-ref" role="doc-noteref">1</a></sup></p>
<div class="footnotes" role="doc-endnotes">
<hr>
<ol>
<li id="fn:1">
<p>e&#160;<a href="#fnref:1" class="footnote-backref" role="doc-backlink">&#x21a9;&#xfe0e;</a></p>
</li>
</ol>
</div>`, nil,
	},
}

func TestDialect(t *testing.T) {
	kinds := []string{"city", "actor"}
	md, plain := markup.New(kinds), markup.New(kinds, markup.Typographer(false))
	for _, c := range dialectCases {
		t.Run(c.rule+"/"+c.name, func(t *testing.T) {
			m := md
			if c.plain {
				m = plain
			}
			doc := m.Parse("r.md", []byte(c.src))
			got, err := m.HTML(doc)
			if err != nil {
				t.Fatal(err)
			}
			if got = strings.TrimSuffix(got, "\n"); got != c.html {
				t.Errorf("HTML:\n%s\nwant:\n%s\n(%q)", got, c.html, got)
			}
			if p := problems(doc); strings.Join(p, "\n") != strings.Join(c.problems, "\n") {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(p, "\n"), strings.Join(c.problems, "\n"))
			}
		})
	}
}
