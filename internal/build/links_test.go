package build

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"gazette/internal/diag"
)

// linkSite is a small valid project.
var linkSite = map[string]string{
	"content/site.yaml":       "title: T\n",
	"content/cities/mosul.md": "---\nname: Mosul\n---\nA city.\n",
	"content/actors/isil.md":  "---\nname: ISIL\n---\nA group.\n",
	"content/reports/2016-08-12-dark.md": `---
title: Dark
date: 2016-08-12
cities: [mosul]
actors: [isil]
sources: [{publisher: P}]
---
Dark.
`,
}

// TestLinksOutOfProject puts symbolic links, FIFOs and devices where a
// build reads: the theme folder and each folder and file in it, content/
// itself, and the map outline that site.yaml names. Each is an error at
// its path relative to the project (or, for content/, an error of the
// run), in build and check alike, and no file from outside the project
// reaches the output.
func TestLinksOutOfProject(t *testing.T) {
	outside := t.TempDir()
	secret := "SECRET-" + filepath.Base(outside)
	must(t, os.WriteFile(filepath.Join(outside, "shadow"), []byte(secret), 0o600))
	must(t, os.WriteFile(filepath.Join(outside, "base.html"), []byte(`{{define "base"}}`+secret+`{{end}}`), 0o644))
	must(t, os.WriteFile(filepath.Join(outside, "iraq.geojson"), []byte(`{"type":"FeatureCollection","features":[],"name":"`+secret+`"}`), 0o644))
	must(t, os.MkdirAll(filepath.Join(outside, "theme", "static"), 0o755))
	must(t, os.WriteFile(filepath.Join(outside, "theme", "static", "shadow"), []byte(secret), 0o644))
	must(t, os.MkdirAll(filepath.Join(outside, "content", "reports"), 0o755))
	must(t, os.WriteFile(filepath.Join(outside, "content", "site.yaml"), []byte("title: "+secret+"\n"), 0o644))

	link := func(target, name string) func(dir string) error {
		return func(dir string) error {
			p := filepath.Join(dir, name)
			os.RemoveAll(p)
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				return err
			}
			return os.Symlink(target, p)
		}
	}
	fifo := func(name string) func(dir string) error {
		return func(dir string) error {
			p := filepath.Join(dir, name)
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				return err
			}
			return syscall.Mkfifo(p, 0o644)
		}
	}
	cases := []struct {
		name  string
		setup func(dir string) error
		want  string // the diagnostics, or the error of the run
	}{
		{"theme static folder", link(outside, "themes/default/static"),
			"themes/default/static:1:1: error: symbolic links are not followed; make static/ a folder inside the theme folder\n"},
		{"file in theme static", link(filepath.Join(outside, "shadow"), "themes/default/static/shadow"),
			"themes/default/static/shadow:1:1: error: symbolic links are not followed; copy the file into the theme folder\n"},
		{"folder in theme static", link(outside, "themes/default/static/home"),
			"themes/default/static/home:1:1: error: symbolic links are not followed; copy the file into the theme folder\n"},
		{"layout file", link(filepath.Join(outside, "base.html"), "themes/default/layouts/base.html"),
			"themes/default/layouts/base.html:1:1: error: symbolic links are not followed; copy the file into the theme folder\n"},
		{"layouts folder", func(dir string) error {
			must(t, os.MkdirAll(filepath.Join(outside, "layouts"), 0o755))
			must(t, os.WriteFile(filepath.Join(outside, "layouts", "base.html"), []byte(`{{define "base"}}`+secret+`{{end}}`), 0o644))
			return link(filepath.Join(outside, "layouts"), "themes/default/layouts")(dir)
		}, "themes/default/layouts/base.html:1:1: error: symbolic links are not followed; make layouts/ a folder inside the theme folder\n"},
		{"partial file", link(filepath.Join(outside, "base.html"), "themes/default/layouts/partials/report-item.html"),
			"themes/default/layouts/partials/report-item.html:1:1: error: symbolic links are not followed; copy the file into the theme folder\n"},
		{"partials folder", func(dir string) error {
			must(t, os.MkdirAll(filepath.Join(outside, "partials"), 0o755))
			must(t, os.WriteFile(filepath.Join(outside, "partials", "report-item.html"), []byte(`{{define "report-item"}}`+secret+`{{end}}`), 0o644))
			return link(filepath.Join(outside, "partials"), "themes/default/layouts/partials")(dir)
		}, "themes/default/layouts/partials:1:1: error: symbolic links are not followed; make layouts/partials/ a folder inside the theme folder\n"},
		{"theme folder", link(filepath.Join(outside, "theme"), "themes/default"),
			"themes/default:1:1: error: themes/default is a symbolic link to " + filepath.Join(outside, "theme") + ", an absolute path; make it a folder inside the project, or a relative link to one\n"},
		{"themes folder", link(outside, "themes"),
			"themes:1:1: error: themes is a symbolic link to " + outside + ", an absolute path; make it a folder inside the project, or a relative link to one\n"},
		{"themes folder, relative", link("../elsewhere", "themes"),
			"themes:1:1: error: themes is a symbolic link to ../elsewhere, outside the project; make it a folder inside the project\n"},
		{"theme folder through a link that leads out", func(dir string) error {
			if err := os.Symlink(outside, filepath.Join(dir, "design")); err != nil {
				return err
			}
			return link("../design", "themes/default")(dir)
		}, "themes/default:1:1: error: themes/default is a symbolic link to ../design, which cannot be followed inside the project; make it a folder inside the project\n"},
		{"FIFO in theme static", fifo("themes/default/static/pipe"),
			"themes/default/static/pipe:1:1: error: not a regular file\n"},
		{"FIFO as a layout", fifo("themes/default/layouts/report.html"),
			"themes/default/layouts/report.html:1:1: error: not a regular file\n"},
		{"map outline", func(dir string) error {
			must(t, os.WriteFile(filepath.Join(dir, "content/site.yaml"), []byte("title: T\nmap: {outline: map/iraq.geojson}\n"), 0o644))
			return link(filepath.Join(outside, "iraq.geojson"), "content/map/iraq.geojson")(dir)
		}, "site.yaml:2:16: error: cannot read map outline map/iraq.geojson: symbolic links are not followed; copy the file into the content folder\n"},
		{"map outline folder", func(dir string) error {
			must(t, os.WriteFile(filepath.Join(dir, "content/site.yaml"), []byte("title: T\nmap: {outline: map/iraq.geojson}\n"), 0o644))
			return link(outside, "content/map")(dir)
		}, "site.yaml:2:16: error: cannot read map outline map/iraq.geojson: symbolic links are not followed; copy the file into the content folder\n"},
		{"content folder", link(filepath.Join(outside, "content"), "content"),
			"content is a symbolic link to " + filepath.Join(outside, "content") + ", an absolute path; make it a folder inside the project, or a relative link to one"},
		{"content folder, relative", link("../content", "content"),
			"content is a symbolic link to ../content, outside the project; make it a folder inside the project"},
	}
	for _, c := range cases {
		for _, check := range []bool{false, true} {
			name := c.name
			if check {
				name += "/check"
			}
			t.Run(name, func(t *testing.T) {
				if check && testing.Short() && c.name != "layout file" {
					t.Skip("-short runs `check` on the layout file case only; the full run checks that check reports each case as build does")
				}
				dir := t.TempDir()
				for name, data := range linkSite {
					writeFile(t, filepath.Join(dir, name), []byte(data))
				}
				if err := c.setup(dir); err != nil {
					t.Skip("cannot set up:", err)
				}
				o := onDisk(t, dir, "")
				if check {
					o.Output, o.Links = nil, true
				}
				res, err := Run(o)
				var got strings.Builder
				diag.Write(&got, res.Diagnostics, diag.Text, "")
				if err != nil {
					got.WriteString(err.Error())
				}
				if got.String() != c.want {
					t.Errorf("got:\n%s\nwant:\n%s", got.String(), c.want)
				}
				if _, err := os.Stat(filepath.Join(dir, "public")); err == nil {
					t.Errorf("a build with errors wrote public/")
					for name, data := range readTree(t, filepath.Join(dir, "public")) {
						if strings.Contains(data, secret) {
							t.Errorf("public/%s holds a file from outside the project", name)
						}
					}
				}
			})
		}
	}
}

// TestLinkInsideProject follows a link to a folder that stays inside the
// project: themes/default may be kept elsewhere in the repository.
func TestLinkInsideProject(t *testing.T) {
	dir := t.TempDir()
	for name, data := range linkSite {
		writeFile(t, filepath.Join(dir, name), []byte(data))
	}
	writeFile(t, filepath.Join(dir, "design/theme/static/extra.css"), []byte("p{}"))
	must(t, os.MkdirAll(filepath.Join(dir, "themes"), 0o755))
	must(t, os.Symlink("../design/theme", filepath.Join(dir, "themes/default")))
	res, err := Run(onDisk(t, dir, ""))
	if err != nil || res.Errors > 0 {
		t.Fatalf("build: %v %v", err, res.Diagnostics)
	}
	if _, err := os.Stat(filepath.Join(dir, "public/extra.css")); err != nil {
		t.Errorf("the theme's static file was not published: %v", err)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestOverlapThroughLinks gives -C and --out through symbolic links, so
// that their text differs from the folders they name: an output folder
// inside content/, or holding the project, is refused all the same, and
// nothing is written.
func TestOverlapThroughLinks(t *testing.T) {
	root := t.TempDir()
	project := filepath.Join(root, "project")
	for name, data := range linkSite {
		writeFile(t, filepath.Join(project, name), []byte(data))
	}
	must(t, os.Symlink(project, filepath.Join(root, "via")))
	must(t, os.Symlink(filepath.Join(project, "content"), filepath.Join(root, "c")))
	must(t, os.Symlink(filepath.Join(project, "content", "reports"), filepath.Join(root, "r")))
	cases := []struct {
		name     string
		dir, out string
		want     string
	}{
		{"--out through a linked parent", project, filepath.Join(root, "c", "public"), "it is inside the content folder"},
		{"--out deeper through a linked parent", project, filepath.Join(root, "r", "x", "public"), "it is inside the content folder"},
		{"-C through a link", filepath.Join(root, "via"), filepath.Join(project, "content", "public"), "it is inside the content folder"},
		{"-C through a link, --out the real project", filepath.Join(root, "via"), project, "it holds"},
		{"--out a link to the project's parent", project, filepath.Join(root, "via", ".."), "it holds"},
		{"both through links", filepath.Join(root, "via"), filepath.Join(root, "via", "content", "site"), "it is inside the content folder"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Run(onDisk(t, c.dir, c.out))
			if err == nil || !strings.Contains(err.Error(), "refusing to build into") || !strings.Contains(err.Error(), c.want) {
				t.Errorf("Run: %v; want a refusal saying %q", err, c.want)
			}
			for _, p := range []string{"content/public", "content/reports/x", "content/site", "public"} {
				if _, err := os.Lstat(filepath.Join(project, p)); err == nil {
					t.Errorf("%s was written", p)
				}
			}
		})
	}
	// A link that leads elsewhere is fine.
	must(t, os.Symlink(t.TempDir(), filepath.Join(root, "elsewhere")))
	res, err := Run(onDisk(t, filepath.Join(root, "via"), filepath.Join(root, "elsewhere", "public")))
	if err != nil || res.Errors > 0 {
		t.Errorf("build through links to elsewhere: %v %v", err, res.Diagnostics)
	}
}
