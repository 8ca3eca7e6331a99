package suggest

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"gazette/internal/decode"
	"gazette/internal/diag"
)

// Fixed is what Fix did to one file.
type Fixed struct {
	Path    string // in the content folder
	Applied []Suggestion
	Skipped []Suggestion // the file had changed, or a link would not parse as one
}

// Fix annotates the suggested mentions in their files under contentDir.
// Each file is rewritten at once (a temporary file beside it, renamed over
// it), and nothing but the suggested brackets and destinations changes: not
// its line ends, not its byte-order mark, not its mode. The rewritten file
// is parsed again before it is written; if any suggestion did not become
// a link, the file is left as it was and its suggestions are Skipped.
func (f *Finder) Fix(contentDir string, sugs []Suggestion) ([]Fixed, error) {
	byFile := map[string][]Suggestion{}
	var paths []string
	for _, s := range sugs {
		if byFile[s.Pos.Path] == nil {
			paths = append(paths, s.Pos.Path)
		}
		byFile[s.Pos.Path] = append(byFile[s.Pos.Path], s)
	}
	slices.Sort(paths)
	var out []Fixed
	for _, p := range paths {
		fx, err := f.fixFile(filepath.Join(contentDir, filepath.FromSlash(p)), p, byFile[p])
		if err != nil {
			return out, err
		}
		out = append(out, fx)
	}
	return out, nil
}

func (f *Finder) fixFile(file, path string, sugs []Suggestion) (Fixed, error) {
	fx := Fixed{Path: path}
	raw, err := os.ReadFile(file)
	if err != nil {
		return fx, err
	}
	// Lines of the file as it is on disk; the suggestions' lines and byte
	// columns are those of the body, whose lines are the file's.
	lines := diag.NewLines(path, raw)
	type edit struct {
		at   int
		text string
	}
	var edits []edit
	want := map[string]int{}
	for _, s := range sugs {
		lineStart, ok := lines.LineStart(s.line)
		if !ok {
			fx.Skipped = append(fx.Skipped, s)
			continue
		}
		at := lineStart + s.start
		end := at + len(s.Text)
		if end > len(raw) || string(raw[at:end]) != s.Text {
			fx.Skipped = append(fx.Skipped, s) // the file changed, or CRLF inside the mention
			continue
		}
		edits = append(edits, edit{at, "["}, edit{end, "](" + s.Kind + ":" + s.ID + ")"})
		want[s.Kind+":"+s.ID]++
		fx.Applied = append(fx.Applied, s)
	}
	if len(edits) == 0 {
		return fx, nil
	}
	slices.SortStableFunc(edits, func(a, b edit) int { return a.at - b.at })
	var b bytes.Buffer
	b.Grow(len(raw) + len(edits)*16)
	last := 0
	for _, e := range edits {
		b.Write(raw[last:e.at])
		b.WriteString(e.text)
		last = e.at
	}
	b.Write(raw[last:])
	out := b.Bytes()

	// Every suggestion must have become one more link to its entity.
	before, after := f.annotations(path, raw), f.annotations(path, out)
	for dest, n := range want {
		if after[dest] != before[dest]+n {
			fx.Skipped = append(fx.Skipped, fx.Applied...)
			fx.Applied = nil
			return fx, nil
		}
	}
	return fx, writeAtomic(file, raw, out)
}

// annotations counts the annotations of a content file by destination
// ("city:mosul"), parsing its body as the build does.
func (f *Finder) annotations(path string, file []byte) map[string]int {
	var diags diag.List // the file's own problems are check's business
	out := map[string]int{}
	src, ok := decode.CheckText(path, file, &diags)
	if !ok {
		return out
	}
	_, _, body, ok := decode.SplitFrontMatter(path, src, &diags)
	if !ok {
		return out
	}
	for _, l := range f.md.Parse(path, body).Links {
		out[l.Scheme+":"+l.ID]++
	}
	return out
}

// writeAtomic replaces file with data, unless it no longer holds old.
func writeAtomic(file string, old, data []byte) error {
	info, err := os.Stat(file)
	if err != nil {
		return err
	}
	// A dot-file, so that gazette serve and content loading ignore it.
	tmp, err := os.CreateTemp(filepath.Dir(file), "."+filepath.Base(file)+".tmp-")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename, there is nothing to remove
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(info.Mode().Perm()); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if now, err := os.ReadFile(file); err != nil || !bytes.Equal(now, old) {
		return fmt.Errorf("%s changed while gazette suggest was fixing it; run it again", file)
	}
	return os.Rename(tmp.Name(), file)
}
