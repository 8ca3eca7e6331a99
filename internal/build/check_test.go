package build

import (
	"strings"
	"testing"
	"testing/fstest"

	"gazette/internal/diag"
)

// Links makes Run check the links of the site it built, as `gazette
// check` does, whether it keeps the site (Memory) or not (nil): a broken
// link in a static page is an error at that page, and the build reads
// the project from an in-memory file system like any other.
func TestLinks(t *testing.T) {
	project := fstest.MapFS{}
	for name, data := range linkSite {
		project[name] = &fstest.MapFile{Data: []byte(data)}
	}
	project["content/static/old.html"] = &fstest.MapFile{Data: []byte("<p><a href=\"gone.html\">gone</a> <a href=\"index.html\">home</a></p>\n")}
	want := "static/old.html:1:13: error: broken link \"gone.html\": there is no gone.html in the site\n"
	for _, out := range []Output{nil, NewMemory()} {
		for _, links := range []bool{false, true} {
			res, err := Run(Options{Project: project, Theme: defaultTheme, Output: out, Links: links})
			if err != nil {
				t.Fatal(err)
			}
			var got strings.Builder
			diag.Write(&got, res.Diagnostics, diag.Text, "")
			w := ""
			if links {
				w = want
			}
			if got.String() != w || res.Errors != strings.Count(w, "error:") {
				t.Errorf("Output %T, Links %v: got\n%s(%d errors)\nwant\n%s", out, links, got.String(), res.Errors, w)
			}
			if m, ok := out.(*Memory); ok && m.Files()["old.html"] == nil {
				t.Errorf("Output %T: static/old.html was not copied", out)
			}
		}
	}
}
