package markup_test

import (
	"strconv"
	"strings"
	"testing"

	"gazette/internal/markup"
)

// resolveLinks does for a test what package site does: each annotation
// links to its target's page, titled with its id, and each entity
// annotation not marked passing is a mention with an anchor.
func resolveLinks(doc *markup.Doc) {
	n := 0
	for _, l := range doc.Links {
		if l.ID == "nowhere" {
			continue // unresolved: rendered as text
		}
		l.Href, l.Title = "../"+l.Scheme+"/"+l.ID+"/", l.ID
		if l.Scheme != "report" && !l.Passing {
			n++
			l.Anchor = "m-" + strconv.Itoa(n)
		}
	}
}

// In each section of a body (the part before the first heading, each
// heading and what follows it, each footnote) only the first annotation
// of each entity is a link; the others are spans that keep their anchor.
func TestFirstMentions(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{
			"one paragraph",
			"[ISIL](actor:isil) cut [Mosul](city:mosul); [Daesh](actor:isil) held [Mosul](city:mosul).\n",
			`<p><a href="../actor/isil/" class="ann ann-actor" id="m-1" title="isil">ISIL</a> cut <a href="../city/mosul/" class="ann ann-city" id="m-2" title="mosul">Mosul</a>; <span class="ann ann-actor" id="m-3" title="isil">Daesh</span> held <span class="ann ann-city" id="m-4" title="mosul">Mosul</span>.</p>` + "\n",
		},
		{
			"paragraphs, lists and quotes are one section",
			"[Mosul](city:mosul).\n\n- [*Mosul*](city:mosul)\n\n> [Mosul](city:mosul)\n",
			`<p><a href="../city/mosul/" class="ann ann-city" id="m-1" title="mosul">Mosul</a>.</p>` + "\n" +
				"<ul>\n" + `<li><span class="ann ann-city" id="m-2" title="mosul"><em>Mosul</em></span></li>` + "\n</ul>\n" +
				"<blockquote>\n" + `<p><span class="ann ann-city" id="m-3" title="mosul">Mosul</span></p>` + "\n</blockquote>\n",
		},
		{
			"a heading starts a section",
			"[Mosul](city:mosul).\n\n## In [Mosul](city:mosul)\n\n[Mosul](city:mosul) and [Erbil](city:erbil).\n\n### Erbil\n\n[Mosul](city:mosul).\n",
			`<p><a href="../city/mosul/" class="ann ann-city" id="m-1" title="mosul">Mosul</a>.</p>` + "\n" +
				`<h2 id="h-in-mosul">In <a href="../city/mosul/" class="ann ann-city" id="m-2" title="mosul">Mosul</a></h2>` + "\n" +
				`<p><span class="ann ann-city" id="m-3" title="mosul">Mosul</span> and <a href="../city/erbil/" class="ann ann-city" id="m-4" title="erbil">Erbil</a>.</p>` + "\n" +
				`<h3 id="h-erbil">Erbil</h3>` + "\n" +
				`<p><a href="../city/mosul/" class="ann ann-city" id="m-5" title="mosul">Mosul</a>.</p>` + "\n",
		},
		{
			"a footnote is a section",
			"[Mosul](city:mosul), [Mosul](city:mosul).[^1]\n\n[^1]: [Mosul](city:mosul), [Mosul](city:mosul).\n",
			`<p><a href="../city/mosul/" class="ann ann-city" id="m-1" title="mosul">Mosul</a>, <span class="ann ann-city" id="m-2" title="mosul">Mosul</span>.<sup id="fnref:1"><a href="#fn:1" class="footnote-ref" role="doc-noteref">1</a></sup></p>` + "\n" +
				`<div class="footnotes" role="doc-endnotes">` + "\n<hr>\n<ol>\n" +
				`<li id="fn:1">` + "\n" + `<p><a href="../city/mosul/" class="ann ann-city" id="m-3" title="mosul">Mosul</a>, <span class="ann ann-city" id="m-4" title="mosul">Mosul</span>.&#160;<a href="#fnref:1" class="footnote-backref" role="doc-backlink">&#x21a9;&#xfe0e;</a></p>` + "\n</li>\n</ol>\n</div>\n",
		},
		{
			"report links are always links",
			"[a](report:x) and [b](report:x#h-sources), [c](report:x).\n",
			`<p><a href="../report/x/" class="ann ann-report" title="x">a</a> and <a href="../report/x#h-sources/" class="ann ann-report" title="x#h-sources">b</a>, <a href="../report/x/" class="ann ann-report" title="x">c</a>.</p>` + "\n",
		},
		{
			"a mention in passing is linked like any other, without an anchor",
			"[Mosul](city:mosul \"passing\") fell; [Mosul](city:mosul) and [Erbil](city:erbil) held, then [Erbil](city:erbil 'passing').\n",
			`<p><a href="../city/mosul/" class="ann ann-city" title="mosul">Mosul</a> fell; <span class="ann ann-city" id="m-1" title="mosul">Mosul</span> and <a href="../city/erbil/" class="ann ann-city" id="m-2" title="erbil">Erbil</a> held, then <span class="ann ann-city" title="erbil">Erbil</span>.</p>` + "\n",
		},
		{
			"an unresolved annotation is text, and not a first mention",
			"[Nowhere](city:nowhere), [Nowhere](city:nowhere) and [Mosul](city:mosul).\n",
			`<p>Nowhere, Nowhere and <a href="../city/mosul/" class="ann ann-city" id="m-1" title="mosul">Mosul</a>.</p>` + "\n",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := md.Parse("r.md", []byte(tc.src))
			if p := problems(doc); len(p) > 0 {
				t.Fatalf("problems: %q", p)
			}
			resolveLinks(doc)
			html, err := md.HTML(doc)
			if err != nil {
				t.Fatal(err)
			}
			if html != tc.want {
				t.Errorf("got:\n%s\nwant:\n%s", html, tc.want)
			}
		})
	}
}

// The only marker is "passing", given as the link's title in any of
// Markdown's three quotings, inline or in a reference definition;
// anything else in an annotation's title is an error at the link.
func TestMarker(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		passing   []bool // of each link
		want      []string
	}{
		{
			"quotings",
			"[a](city:a \"passing\") [b](city:b 'passing') [c](city:c (passing)) [d](city:d \" passing \") [e][e] [f](city:f)\n\n[e]: city:e\n  \"passing\"\n",
			[]bool{true, true, true, true, true, false},
			nil,
		},
		{
			"misspelt",
			"[Mosul](city:mosul \"pasing\") and [ISIL](actor: \"Passing\")\nand [Erbil](city:erbil \"quiet\").\n",
			[]bool{false, false, false},
			[]string{
				`r.md:1:1: error: unknown annotation marker "pasing": an annotation's title may only be "passing", for a mention its entity's page leaves out; did you mean "passing"?`,
				`r.md:1:34: error: unknown annotation marker "Passing": an annotation's title may only be "passing", for a mention its entity's page leaves out; did you mean "passing"?`,
				`r.md:2:5: error: unknown annotation marker "quiet": an annotation's title may only be "passing", for a mention its entity's page leaves out`,
			},
		},
		{
			"on a report link",
			"See [the report](report:x \"passing\").\n\n[r]: report:y \"Later\"\n\nAnd [r].\n",
			[]bool{false, false},
			[]string{
				`r.md:1:5: error: a report link takes no title ("passing"): only an entity annotation can be marked "passing"`,
				`r.md:5:5: error: a report link takes no title ("Later"): only an entity annotation can be marked "passing"`,
			},
		},
		{
			"other links keep their titles",
			"[a](https://example.org \"pasing\")\n",
			nil,
			nil,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := md.Parse("r.md", []byte(tc.src))
			got := problems(doc)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			var passing []bool
			for _, l := range doc.Links {
				passing = append(passing, l.Passing)
			}
			if len(passing) != len(tc.passing) {
				t.Fatalf("passing = %v, want %v", passing, tc.passing)
			}
			for i := range passing {
				if passing[i] != tc.passing[i] {
					t.Errorf("passing = %v, want %v", passing, tc.passing)
					break
				}
			}
		})
	}
}
