package render_test

// Helpers shared by the hostile-content suite, the whole-site fuzz target
// and the determinism tests: a build of an in-memory project through
// build.Run, the entry point of every command, and a check that the files
// it made hold no script.

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"io/fs"
	"strings"
	"testing/fstest"

	"gazette"
	"gazette/internal/build"
	"gazette/internal/diag"
	"gazette/internal/htmlsafe"
	"gazette/internal/theme"
)

// defaultTheme is the embedded theme, parsed once for all of this
// package's builds that have no theme of their own (see theme.Shared).
var defaultTheme = theme.Share(gazette.DefaultTheme())

// buildFS builds the project fsys (its content/ folder) in memory with
// build.Run, as `gazette serve` does, and returns the files of the site
// (nil when there are errors) and the diagnostics.
func buildFS(fsys fs.FS) (map[string][]byte, []diag.Diagnostic, error) {
	mem := build.NewMemory()
	res, err := build.Run(build.Options{Project: fsys, Theme: defaultTheme, Output: mem})
	if err != nil || res.Errors > 0 {
		return nil, res.Diagnostics, err
	}
	return mem.Files(), res.Diagnostics, nil
}

// mapFS makes a project whose content folder holds files, by path.
func mapFS(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys["content/"+name] = &fstest.MapFile{Data: []byte(data), Mode: 0o644}
	}
	return fsys
}

// checkSite returns every way the site's files could run script in a
// reader's browser, or break a strict Content-Security-Policy:
//
//   - HTML: what htmlsafe.Problems reports, allowing JSON-LD data blocks,
//     script files on the site and the theme's data:image icon, and any id
//     given to two elements (a link to it would land on the wrong one);
//   - the search index scripts: anything but one gazetteSearch("name",
//     JSON) call;
//   - JSON, XML and SVG files that do not parse, or SVG that scripts.
func checkSite(files map[string][]byte) []string {
	var problems []string
	for name, data := range files {
		s := string(data)
		switch {
		case strings.HasSuffix(name, ".html"):
			for _, p := range htmlsafe.Problems(s, htmlsafe.Policy{JSONLD: true, ScriptFiles: true, DataIcons: true}) {
				problems = append(problems, name+":"+p)
			}
			for _, p := range htmlsafe.DuplicateIDs(s) {
				problems = append(problems, name+": "+p)
			}
		case strings.HasPrefix(name, "search/") && strings.HasSuffix(name, ".js"):
			rest, ok := strings.CutPrefix(s, `gazetteSearch("`)
			i := strings.Index(rest, `",`)
			if !ok || i < 0 || !strings.HasSuffix(rest, ");\n") || !json.Valid([]byte(rest[i+2:len(rest)-3])) {
				problems = append(problems, name+": not one gazetteSearch(name, JSON) call")
			}
		case strings.HasSuffix(name, ".json"):
			if !json.Valid(data) {
				problems = append(problems, name+": invalid JSON")
			}
		case strings.HasSuffix(name, ".xml"), strings.HasSuffix(name, ".svg"):
			dec := xml.NewDecoder(bytes.NewReader(data))
			for {
				tok, err := dec.Token()
				if err == io.EOF {
					break
				}
				if err != nil {
					problems = append(problems, name+": invalid XML: "+err.Error())
					break
				}
				if se, ok := tok.(xml.StartElement); ok {
					if strings.EqualFold(se.Name.Local, "script") || strings.EqualFold(se.Name.Local, "foreignObject") {
						problems = append(problems, name+": <"+se.Name.Local+">")
					}
					for _, a := range se.Attr {
						if strings.HasPrefix(strings.ToLower(a.Name.Local), "on") {
							problems = append(problems, name+": event handler "+a.Name.Local)
						}
					}
				}
			}
		}
	}
	return problems
}
