package suggest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"gazette/internal/content"
	"gazette/internal/diag"
)

const siteYAML = "title: T\n"

var entities = fstest.MapFS{
	"site.yaml":                  {Data: []byte(siteYAML)},
	"cities/mosul.md":            {Data: []byte("---\nname: Mosul\naliases: [Mosil]\nnames: {ar: الموصل}\n---\n")},
	"cities/kobani.md":           {Data: []byte("---\nname: Kobanî\n---\n")},
	"cities/united-states.md":    {Data: []byte("---\nname: United States\naliases: [U.S., US]\n---\n")},
	"cities/georgia.md":          {Data: []byte("---\nname: Georgia\n---\n")},
	"actors/georgia-telecom.md":  {Data: []byte("---\nname: Georgia Telecom\naliases: [Georgia]\n---\n")},
	"actors/isil.md":             {Data: []byte("---\nname: ISIL\naliases: [IS, Daesh]\n---\n")},
	"actors/iraqi-army.md":       {Data: []byte("---\nname: Iraqi Army\n---\n")},
	"actors/orange.md":           {Data: []byte("---\nname: Orange\n---\n")},
	"actors/us-led-coalition.md": {Data: []byte("---\nname: US-led coalition\naliases: [U.S.-led coalition]\n---\n")},
	"actors/mosul-university.md": {Data: []byte("---\nname: Mosul University\n---\n")},
	"cities/al-madain.md":        {Data: []byte("---\nname: Al-Mada'in\n---\n")},
	"cities/al-anbar.md":         {Data: []byte("---\nname: Al-Anbar\nnames: {ar: الانبار}\n---\n")},
	"cities/erbil.md":            {Data: []byte("---\nname: Erbil\n---\n")},
	"cities/erbil-district.md":   {Data: []byte("---\nname: Erbil\nwithin: erbil\n---\n")},
}

func finder(t *testing.T) (*Finder, *content.Site) {
	t.Helper()
	var d diag.List
	s := content.Load(entities, &d)
	if d.HasErrors() {
		t.Fatal(d.Sorted())
	}
	return New(s), s
}

func TestBody(t *testing.T) {
	f, _ := finder(t)
	for _, tc := range []struct {
		body string
		want string // suggestions, one a line, without the path
	}{
		{"ISIL took Mosul.", "1:1 [ISIL](actor:isil)\n1:11 [Mosul](city:mosul)"},
		{"the town of MOSUL and mosil", "1:13 [MOSUL](city:mosul)"},
		{"it is IS, Is or is", "1:7 [IS](actor:isil)"},
		{"an orange, Orange", "1:12 [Orange](actor:orange)"},
		{"Kobani\u0302 and KOBANÎ", "1:1 [Kobani\u0302](city:kobani)\n1:13 [KOBANÎ](city:kobani)"},
		{"سيطر على الموصل", "1:10 [الموصل](city:mosul)"},
		{"the Iraqi\nArmy said", "1:5 [Iraqi\nArmy](actor:iraqi-army)"},
		{"Mosul University, Mosulweg, Mosul-based", "1:1 [Mosul University](actor:mosul-university)\n1:29 [Mosul](city:mosul)"},
		{"U.S. forces and the U.S.-led coalition; US", "1:1 [U.S.](city:united-states)\n1:21 [U.S.-led coalition](actor:us-led-coalition)\n1:41 [US](city:united-states)"},
		{"Georgia is claimed by a city and an actor", ""},
		{"Erbil is claimed by two cities", ""},
		// Names are compared as package fold says: quotes, dashes, Arabic
		// letter variants.
		{"Al-Mada’in and AL‐MADA'IN", "1:1 [Al-Mada’in](city:al-madain)\n1:16 [AL‐MADA'IN](city:al-madain)"},
		{"سيطر على الأنبار", "1:10 [الأنبار](city:al-anbar)"},
		{"`Mosul` and [Mosul](city:mosul) and [x](https://e.org/Mosul) and <https://mosul.example>", ""},
		{"[in Mosul][m]\n\n[m]: city:mosul", ""},
		{"![Mosul](m.png) !Mosul \\Mosul", ""},
		{"# Mosul\n\nSetext\nMosul\n=====\n", ""},
		{"```\nMosul\n```\n\n    Mosul indented\n\n<div>Mosul</div>\n\nand <b>Mosul</b>", "9:8 [Mosul](city:mosul)"},
		{"> Mosul quoted\n\n- in a list, *Mosul*\n\n| a | Mosul |\n|---|---|\n| ISIL | b |\n\nNote[^1].\n\n[^1]: Daesh said.", "1:3 [Mosul](city:mosul)\n3:15 [Mosul](city:mosul)\n5:7 [Mosul](city:mosul)\n7:3 [ISIL](actor:isil)\n11:7 [Daesh](actor:isil)"},
	} {
		var got []string
		for _, s := range f.Body("r.md", []byte(tc.body), nil) {
			got = append(got, strings.TrimPrefix(s.Pos.String(), "r.md:")+" "+s.Link())
		}
		if g := strings.Join(got, "\n"); g != tc.want {
			t.Errorf("%q:\ngot:\n%s\nwant:\n%s", tc.body, g, tc.want)
		}
	}
}

func TestSelf(t *testing.T) {
	f, s := finder(t)
	var self *content.Entity
	for _, e := range s.Entities {
		if e.ID == "mosul-university" {
			self = e
		}
	}
	got := f.Body("actors/mosul-university.md", []byte("Mosul University is in Mosul."), self)
	if len(got) != 1 || got[0].String() != "actors/mosul-university.md:1:24: suggestion: [Mosul](city:mosul)" {
		t.Errorf("got %v", got)
	}
}

// TestFix rewrites files with LF and CRLF line ends and a byte-order mark,
// keeps everything else, and finds nothing the second time.
func TestFix(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"site.yaml":       siteYAML,
		"cities/mosul.md": "---\nname: Mosul\n---\n",
		"actors/isil.md":  "---\nname: ISIL\n---\n",
		"reports/lf.md":   "---\ntitle: LF\n---\nISIL held Mosul.  \nMosul again, `Mosul`.\n",
		"reports/crlf.md": "\uFEFF---\r\ntitle: CRLF\r\n---\r\nISIL held Mosul.\r\n\r\nMosul  \r\n",
	}
	want := map[string]string{
		"reports/lf.md":   "---\ntitle: LF\n---\n[ISIL](actor:isil) held [Mosul](city:mosul).  \n[Mosul](city:mosul) again, `Mosul`.\n",
		"reports/crlf.md": "\uFEFF---\r\ntitle: CRLF\r\n---\r\n[ISIL](actor:isil) held [Mosul](city:mosul).\r\n\r\n[Mosul](city:mosul)  \r\n",
	}
	for name, data := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	for round := 1; round <= 2; round++ {
		var d diag.List
		s := content.Load(os.DirFS(dir), &d)
		f := New(s)
		sugs := f.Site(s, nil)
		if round == 2 {
			if len(sugs) != 0 {
				t.Errorf("second run suggests %v", sugs)
			}
			break
		}
		if len(sugs) != 6 {
			t.Errorf("got %d suggestions, want 6: %v", len(sugs), sugs)
		}
		fixed, err := f.Fix(dir, sugs)
		if err != nil {
			t.Fatal(err)
		}
		for _, fx := range fixed {
			if len(fx.Skipped) > 0 {
				t.Errorf("%s: skipped %v", fx.Path, fx.Skipped)
			}
		}
	}
	for name, w := range want {
		got, _ := os.ReadFile(filepath.Join(dir, name))
		if string(got) != w {
			t.Errorf("%s:\ngot  %q\nwant %q", name, got, w)
		}
		if info, _ := os.Stat(filepath.Join(dir, name)); info.Mode().Perm() != 0o600 {
			t.Errorf("%s: mode %v, want 0600", name, info.Mode().Perm())
		}
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "reports", ".*")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// TestFixChanged leaves a file alone when it no longer holds the mention.
func TestFixChanged(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "reports"), 0o755)
	os.MkdirAll(filepath.Join(dir, "cities"), 0o755)
	os.WriteFile(filepath.Join(dir, "cities/mosul.md"), []byte("---\nname: Mosul\n---\n"), 0o644)
	file := filepath.Join(dir, "reports/a.md")
	os.WriteFile(file, []byte("---\ntitle: A\n---\nIn Mosul.\n"), 0o644)
	var d diag.List
	s := content.Load(os.DirFS(dir), &d)
	f := New(s)
	sugs := f.Site(s, nil)
	os.WriteFile(file, []byte("---\ntitle: A\n---\nIn Basra.\n"), 0o644)
	fixed, err := f.Fix(dir, sugs)
	if err != nil || len(fixed) != 1 || len(fixed[0].Skipped) != 1 {
		t.Fatalf("Fix: %v, %+v", err, fixed)
	}
	if got, _ := os.ReadFile(file); string(got) != "---\ntitle: A\n---\nIn Basra.\n" {
		t.Errorf("file changed: %q", got)
	}
}
