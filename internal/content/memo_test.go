package content

import (
	"fmt"
	"reflect"
	"testing"
	"testing/fstest"

	"gazette/internal/diag"
)

// fill sets every field of v, recursively, to a value that is not its
// zero, each string distinct: a field encodeReport leaves out then comes
// back zero from decodeReport and the round trip fails.
func fill(v reflect.Value, n *int) {
	*n++
	switch v.Kind() {
	case reflect.String:
		v.SetString(fmt.Sprintf("s%d", *n))
	case reflect.Int, reflect.Int64:
		v.SetInt(int64(*n))
	case reflect.Uint8:
		v.SetUint(uint64(*n%250 + 1))
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Array:
		for i := range v.Len() {
			fill(v.Index(i), n)
		}
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Pointer {
			return // Translations: not kept (see Memo)
		}
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return // Body: the file's, not kept
		}
		s := reflect.MakeSlice(v.Type(), 2, 2)
		for i := range 2 {
			fill(s.Index(i), n)
		}
		v.Set(s)
	case reflect.Pointer:
		p := reflect.New(v.Type().Elem())
		fill(p.Elem(), n)
		v.Set(p)
	case reflect.Struct:
		for i := range v.NumField() {
			fill(v.Field(i), n)
		}
	default:
		panic("fill: a field of kind " + v.Kind().String() + ": teach fill and encodeReport about it")
	}
}

func TestMemoRoundTrip(t *testing.T) {
	var r Report
	n := 0
	fill(reflect.ValueOf(&r).Elem(), &n)
	problems := []diag.Diagnostic{{Pos: diag.Pos{Path: "reports/a.md", Line: 3, Col: 4, Root: diag.Project}, Severity: diag.Warning, Msg: "m"}}
	got, gotProblems, err := decodeReport(encodeReport(&r, problems))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, &r) || !reflect.DeepEqual(gotProblems, problems) {
		t.Errorf("round trip:\n got %+v %v\nwant %+v %v", got, gotProblems, &r, problems)
	}
	// nil and empty slices are told apart.
	r = Report{Path: "reports/b.md", Sources: []Source{}, Events: []Event{{Facts: Facts{Services: []string{}}}}}
	if got, _, err := decodeReport(encodeReport(&r, nil)); err != nil || !reflect.DeepEqual(got, &r) {
		t.Errorf("round trip of empty slices: got %#v, %v", got, err)
	}
	// Every cut of an encoding is refused.
	data := encodeReport(&r, problems)
	for i := range len(data) {
		if _, _, err := decodeReport(data[:i]); err == nil {
			t.Errorf("a cut after %d of %d bytes decoded", i, len(data))
		}
	}
}

const memoSite = `title: T
`

// TestMemoLoad loads a folder twice with one Memo: the second Load takes
// the unchanged reports from it, parses the changed one, and gives the
// same Site and problems as a Load without it.
func TestMemoLoad(t *testing.T) {
	report := func(title, extra string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\ntitle: " + title + "\ndate: 2016-01-02\nsources:\n  - publisher: P\n    url: https://example.org/a\ncities: [mosul]\n" + extra + "---\nBody of " + title + ".\n")}
	}
	fsys := fstest.MapFS{
		"site.yaml":           {Data: []byte(memoSite)},
		"cities/mosul.md":     {Data: []byte("---\nname: Mosul\n---\n")},
		"reports/a.md":        report("A", ""),
		"reports/b.md":        report("B", "sumary: x\n"), // a problem, kept with the report
		"reports/c.md":        report("C", ""),
		"reports/d.md":        {Data: []byte("---\ntitle: [\n---\n")}, // front matter that cannot be read
		"reports/e.md":        {Data: []byte("\uFEFF---\ntitle: E\ndate: 2016-01-02\nsources: []\n---\n")},
		"reports/f.md":        {Data: []byte("no front matter\n")},
		"reports/g.md":        {Data: []byte("---\r\ntitle: G\r\ndate: 2016-01-02\r\nsources: []\r\n---\r\nx\r\n")},
		"reports/h.en.md":     {Data: []byte("---\ntitle: H\n---\n")},
		"reports/bad name.md": {Data: []byte("---\n---\n")},
	}
	m := NewMemo([32]byte{}, nil)
	load := func(memo *Memo) (*Site, []diag.Diagnostic) {
		var diags diag.List
		s := LoadMemo(fsys, memo, &diags)
		return s, diags.Sorted()
	}
	check := func(step string) {
		t.Helper()
		want, wantDiags := load(nil)
		got, gotDiags := load(m)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the Site differs from a Load without the memo", step)
		}
		if !reflect.DeepEqual(gotDiags, wantDiags) {
			t.Errorf("%s: problems\n got %v\nwant %v", step, gotDiags, wantDiags)
		}
	}
	check("first")
	_, kept, changed := m.Kept()
	if !changed || len(kept) != 5 { // a, b, c, d, f: e and g are not the file's own bytes
		t.Errorf("first: %d kept, changed %t; want 5, true", len(kept), changed)
	}
	check("again")
	if _, _, changed := m.Kept(); changed {
		t.Errorf("again: changed, with nothing changed")
	}
	fsys["reports/c.md"] = report("C2", "")
	delete(fsys, "reports/a.md")
	check("edited")
	if _, kept, changed := m.Kept(); !changed || len(kept) != 4 {
		t.Errorf("edited: %d kept, changed %t; want 4, true", len(kept), changed)
	}
	// Kept from another site.yaml: nothing is used.
	cfg, kept, _ := m.Kept()
	m = NewMemo([32]byte{1}, kept)
	check("another site.yaml")
	if _, kept, changed := m.Kept(); !changed || len(kept) != 4 {
		t.Errorf("another site.yaml: %d kept, changed %t; want 4, true", len(kept), changed)
	}
	m = NewMemo(cfg, kept)
	check("same site.yaml")
	if _, _, changed := m.Kept(); changed {
		t.Errorf("same site.yaml: changed, with nothing changed")
	}
	fsys["site.yaml"] = &fstest.MapFile{Data: []byte(memoSite + "subtitle: S\n")}
	check("site.yaml changed")
	if _, _, changed := m.Kept(); !changed {
		t.Errorf("site.yaml changed: not changed")
	}
	// A damaged entry is parsed again.
	cfg, kept, _ = m.Kept()
	for p, k := range kept {
		kept[p] = Memoed{Src: k.Src, Data: k.Data[:len(k.Data)-1]}
	}
	m = NewMemo(cfg, kept)
	check("damaged")
	if _, _, changed := m.Kept(); !changed {
		t.Errorf("damaged: not changed")
	}
}
