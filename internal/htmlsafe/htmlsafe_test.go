package htmlsafe_test

import (
	"slices"
	"testing"

	"gazette/internal/htmlsafe"
)

var (
	page = htmlsafe.Policy{JSONLD: true, ScriptFiles: true, DataIcons: true}
	body = htmlsafe.Policy{
		Elements:   []string{"p", "a", "img", "code"},
		Attributes: []string{"href", "src", "alt"},
		Comments:   []string{" raw HTML omitted "},
	}
)

var problemsTests = []struct {
	name  string
	doc   string
	allow htmlsafe.Policy
	want  []string
}{
	{"safe page", `<!doctype html><html><head><title>a &lt; b</title>` +
		`<link rel="shortcut icon" href="data:image/svg+xml,%3Csvg%3E"><link rel="stylesheet" href="../style.css">` +
		`<script type="application/ld+json">{"name":"a \u003c b"}</script><script src="../search.js" defer></SCRIPT ></head>` +
		`<body><a href="https://example.org/">x</a> <a href="../a/#m-1">y</a> <a href="MAILTO:x@example.org">z</a>` +
		`<form action="../search/"><svg><circle r="1"/><title>t</title></svg></form></body></html>`, page, nil},

	// Scripts.
	{"script", `<p><script>alert(1)</script>`, page, []string{`1:4: <script>: script not allowed`}},
	{"script self-closed", `<script/>alert(1)`, page, []string{`1:1: <script>: script not allowed`}},
	{"JSON-LD not allowed", `<script type="application/ld+json">{}</script>`, htmlsafe.Policy{}, []string{`1:1: <script>: script not allowed`}},
	{"JSON-LD with markup", `<script type="application/ld+json">{"a":"</b><img src=x onerror=alert(1)>"}</script>`, page,
		[]string{`1:1: <script>: JSON-LD text holds "<"`}},
	{"JSON-LD not JSON", `<script type="application/ld+json">alert(1)</script>`, page, []string{`1:1: <script>: JSON-LD text is not JSON`}},
	{"JSON-LD empty", `<script type="application/ld+json"></script>`, page, []string{`1:1: <script>: JSON-LD text is not JSON`}},
	{"JSON-LD other attribute", `<script type="application/ld+json" src="x.js">{}</script>`, page, []string{`1:1: <script>: script not allowed`}},
	{"JSON-LD other type", `<script type="text/javascript">{}</script>`, page, []string{`1:1: <script>: script not allowed`}},
	{"script file not allowed", `<script src="a.js"></script>`, htmlsafe.Policy{}, []string{`1:1: <script>: script not allowed`}},
	{"script file with text", `<script src="a.js">alert(1)</script>`, page, []string{`1:1: <script src>: script file with text`}},
	{"script file cut off", `<script src="a.js">`, page, nil},
	{"script from another host", `<script src="//evil.example/a.js"></script><script src="/\evil.example/a.js"></script>`, page,
		[]string{`1:1: <script>: script not allowed`, `1:44: <script>: script not allowed`}},
	{"script with a scheme", `<script src="https://evil.example/a.js"></script><script src="data:,alert(1)//.js"></script>`, page,
		[]string{`1:1: <script>: script not allowed`, `1:50: <script>: script not allowed`, `1:50: <script src>: URL scheme "data"`}},
	{"script not .js", `<script src="a.js?x"></script>`, page, []string{`1:1: <script>: script not allowed`}},
	{"script module", `<script type="module" src="a.js"></script>`, page, []string{`1:1: <script>: script not allowed`}},
	{"SVG script href", `<svg><script src="a.js" href="data:,alert(1)"></script></svg>`, page,
		[]string{`1:6: <script>: script not allowed`, `1:6: <script href>: URL scheme "data"`}},

	// Event handlers and styles.
	{"event handler", `<img src=x onerror=alert(1)>`, page, []string{`1:1: <img onerror>: event handler`}},
	{"event handler upper case", `<SVG ONLOAD=alert(1)>`, page, []string{`1:1: <svg onload>: event handler`}},
	{"event handler in a quoted value", `<a title="<img onerror=x>">`, page, nil},
	{"event handler after a slash", `<img/src="x"/onerror=alert(1)>`, page, []string{`1:1: <img onerror>: event handler`}},
	{"event handler in an unquoted value", `<img src=x/onerror=alert(1)>`, page, nil},
	{"inline style", `<p style="color:red">`, page, []string{`1:1: <p style>: inline style`}},
	{"style element", `<style>p{}</style>`, page, []string{`1:1: <style>: element not allowed`}},

	// URLs.
	{"javascript", `<a href="javascript:alert(1)">`, page, []string{`1:1: <a href>: URL scheme "javascript"`}},
	{"mixed case", `<a href="JaVaScRiPt:alert(1)">`, page, []string{`1:1: <a href>: URL scheme "javascript"`}},
	{"controls, tabs and newlines", "<a href=\" \x01java\tscr\nipt:x\">", page, []string{`1:1: <a href>: URL scheme "javascript"`}},
	{"character references", `<a href="&#106;avascript:x"><a href="java&Tab;script:x"><a href="ms-msdt&#58;x"><a href="city&colon;mosul">`, page,
		[]string{`1:1: <a href>: URL scheme "javascript"`, `1:29: <a href>: URL scheme "javascript"`,
			`1:57: <a href>: URL scheme "ms-msdt"`, `1:81: <a href>: URL scheme "city"`}},
	{"relative", `<a href="%6Aavascript:x"><a href="./javascript:x"><a href="a/b:c"><a href="?a:b"><a href="#a:b">` +
		`<a href=":x"><a href="1a:x">` + "<a href=\"\x17:\">", page, nil},
	{"data", `<img src="data:image/svg+xml,<svg onload=alert(1)>">`, page, []string{`1:1: <img src>: URL scheme "data"`}},
	{"other attributes", `<form action="javascript:x"><button formaction="vbscript:x"><svg><a xlink:href="javascript:x"><use foo:href="data:x">` +
		`<video poster="javascript:x"><blockquote cite="javascript:x">`, page,
		[]string{`1:1: <form action>: URL scheme "javascript"`, `1:29: <button formaction>: URL scheme "vbscript"`,
			`1:66: <a xlink:href>: URL scheme "javascript"`, `1:95: <use foo:href>: URL scheme "data"`,
			`1:118: <video poster>: URL scheme "javascript"`, `1:147: <blockquote cite>: URL scheme "javascript"`}},
	{"srcset", `<img srcset="a.png 1x, https://x/b,c.png 2x,javascript:x 3x"><img srcset="data:image/png;base64,AAAA 1x">`, page,
		[]string{`1:1: <img srcset>: URL scheme "javascript"`, `1:62: <img srcset>: URL scheme "data"`}},
	{"duplicate attribute", `<a href="/" href="javascript:x">`, page, nil},
	{"data icon", `<link rel="icon" href="data:image/png;base64,AAAA">`, htmlsafe.Policy{}, []string{`1:1: <link href>: URL scheme "data"`}},
	{"data icon not an image", `<link rel="icon" href="data:text/html,x">`, page, []string{`1:1: <link href>: URL scheme "data"`}},
	{"data stylesheet", `<link rel="stylesheet" href="data:image/png,x">`, page, []string{`1:1: <link href>: URL scheme "data"`}},

	// Elements that embed, redirect or hide markup.
	{"iframe", `<iframe src="a.html"></iframe>`, page, []string{`1:1: <iframe>: element not allowed`}},
	{"srcdoc", `<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;">`, page,
		[]string{`1:1: <iframe>: element not allowed`, `1:1: <iframe srcdoc>: embedded document`}},
	{"base", `<base href="https://evil.example/">`, page, []string{`1:1: <base>: element not allowed`}},
	{"meta refresh", `<meta http-equiv="refresh" content="0;url=javascript:alert(1)">`, page, []string{`1:1: <meta http-equiv>: page directive`}},
	{"animated link", `<svg><a><set attributeName="href" to="javascript:alert(1)"/></a></svg>`, page,
		[]string{`1:9: <set attributename>: animates a link`}},
	{"markup in SVG title", `<svg><title><img src=x onerror=alert(1)></title></svg>`, page, []string{`1:6: <title>: text holds "<"`}},
	{"markup in noembed", `<noembed><img src=x onerror=alert(1)></noembed>`, page, []string{`1:1: <noembed>: text holds "<"`}},
	{"comment", `<!-- <img src=x onerror=alert(1)> --><!--> <img src=x onerror=alert(2)> -->`, page,
		[]string{`1:44: <img onerror>: event handler`}},
	{"cut off", "<p>x</p>\n<img src=x onerror=alert(1)", page, []string{`2:1: tag cut off at the end`}},

	// Allow lists.
	{"allowed body", `<p><a href="../x/">x</a> <img src="a.png" alt="a"> <!-- raw HTML omitted --> <code>&lt;b&gt;</code></p>`, body, nil},
	{"element", `<p>a <b>b</b></p>`, body, []string{`1:6: <b>: element not allowed`, `1:10: </b>: element not allowed`}},
	{"attribute", `<a href="x" class="y" onclick="z">`, body, []string{`1:1: <a class>: attribute not allowed`, `1:1: <a onclick>: event handler`}},
	{"end tag attribute", `<a href="x">y</a onclick="z">`, body, []string{`1:14: </a>: end tag with attributes`}},
	{"comments", `<!-- x --><?php y?><!x>`, body,
		[]string{`1:1: comment " x ": not allowed`, `1:11: comment "?php y?": not allowed`, `1:20: comment "x": not allowed`}},
	{"doctype", `<!DOCTYPE html><p>`, body, []string{`1:1: doctype "html": not allowed`}},

	// Positions count lines and runes.
	{"position", "é\n  ü<a href=javascript:x>", page, []string{`2:4: <a href>: URL scheme "javascript"`}},
}

func TestProblems(t *testing.T) {
	for _, tt := range problemsTests {
		t.Run(tt.name, func(t *testing.T) {
			got := htmlsafe.Problems(tt.doc, tt.allow)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Problems(%q)\ngot  %q\nwant %q", tt.doc, got, tt.want)
			}
		})
	}
}
