package linkcheck

import (
	"strings"
	"testing"
	"testing/fstest"

	"gazette/internal/diag"
)

func TestCheck(t *testing.T) {
	files := map[string][]byte{
		"index.html":              []byte(`<a href="reports/a/index.html">a</a> <a href="https://x.org/">x</a> <a href="#top" id="top">t</a> <link href="style.css">`),
		"style.css":               []byte(`body{}`),
		"404.html":                []byte(`<a href="/index.html">home</a> <a href="/nope/index.html">x</a>`),
		"reports/a/index.html":    []byte(`<h2 id="sec">S</h2><a href="../../cities/mosul/index.html#m-1">m</a> <a href="../b/index.html">b</a> <a href="#nope">n</a> <a href="../../cities/mosul">f</a> <img src="../../pic%20one.png"> <a href="mailto:a@b">m</a> <a href="../../../x.html">up</a>`),
		"cities/mosul/index.html": []byte(`<p id="m-1">x</p> <a href="../../reports/a/index.html#sec">a</a> <a href="../../reports/a/index.html#gone">a</a>`),
		"reports/index.html":      []byte(``),
		"pic one.png":             []byte("png"),
		"about/index.html":        []byte(`<a href="../reports/index.html">r</a>`),
		"cities/index.html":       []byte(`<a href="mosul/">m</a>`),
		"reports/a/feed.xml":      []byte(`<link href="nope"/>`),
	}
	content := fstest.MapFS{
		"reports/a.md":   {Data: []byte("---\ntitle: A\n---\nSee [b](../b/index.html) and\n[n](#nope).\n")},
		"pages/about.md": {Data: []byte("---\ntitle: About\n---\n")},
	}
	var got []string
	for _, d := range Check(files, content) {
		got = append(got, d.String())
		// A rendered page is under public/, beside content/: GitHub
		// annotations must not put it under content/.
		if inPublic := strings.HasPrefix(d.Pos.Path, "public/"); inPublic != (d.Pos.Root == diag.Project) {
			t.Errorf("%s: root %d", d, d.Pos.Root)
		}
	}
	want := []string{
		`public/404.html:1:41: error: broken link "/nope/index.html": there is no nope/index.html in the site (made by the theme)`,
		`public/cities/mosul/index.html:1:75: error: broken link "../../reports/a/index.html#gone": reports/a/index.html has no id "gone" (made by the theme)`,
		`public/reports/a/index.html:1:133: error: broken link "../../cities/mosul": it names a folder; link to mosul/index.html so the site also works from disk (made by the theme)`,
		`public/reports/a/index.html:1:227: error: broken link "../../../x.html": it leads outside the site (made by the theme)`,
		`reports/a.md:4:9: error: broken link "../b/index.html": there is no reports/b/index.html in the site`,
		`reports/a.md:5:5: error: broken link "#nope": this page has no id "nope"`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestExternal(t *testing.T) {
	for link, want := range map[string]bool{
		"https://x": true, "mailto:a": true, "//cdn/x": true, "a/b:c": false, "#x:y": false, "../a": false, "?q=a:b": false,
		"a+b.c-d:x": true, "a_b:c.html": false, "1a:b": false, "-x:y": false, "é:x": false, ":x": false,
	} {
		if got := external(link); got != want {
			t.Errorf("external(%q) = %v, want %v", link, got, want)
		}
	}
}

// TestDuplicateIDs: an id given twice is a warning at the second element,
// in the static file or the rendered page; a relative path with a colon
// in it (a_b:c.html) is checked like any other.
func TestDuplicateIDs(t *testing.T) {
	files := map[string][]byte{
		"index.html":   []byte(`<h2 id="sources">S</h2><h2 id="sources">S</h2><meta name="x"><meta name="x"><a href="a_b:c.html">x</a>`),
		"old.html":     []byte(`<p id="a"></p><p id="a"></p><p name="a"></p>`),
		"a_b:c.html":   []byte(`<a href="1a:b">y</a>`),
		"other.html":   []byte(`<p id="sources"></p>`),
		"nothing.html": []byte(`<p id="a"></p><p name="a"></p>`),
	}
	content := fstest.MapFS{"static/old.html": {Data: files["old.html"]}}
	var got []string
	for _, d := range Check(files, content) {
		got = append(got, d.String())
	}
	want := []string{
		`public/a_b:c.html:1:10: error: broken link "1a:b": there is no 1a:b in the site (made by the theme)`,
		`public/index.html:1:32: warning: duplicate id "sources": a link to #sources lands on the first element with it, not on this one`,
		`static/old.html:1:22: warning: duplicate id "a": a link to #a lands on the first element with it, not on this one`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
