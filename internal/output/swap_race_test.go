package output

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// build writes a site with index.html and a/b.html into out, and returns
// the Dir, not yet committed.
func build(t *testing.T, out, index string) *Dir {
	t.Helper()
	d, err := Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string]string{"index.html": index, "a/b.html": "b"} {
		if err := d.WriteFile(name, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	return d
}

// TestLinkAtAside puts a symbolic link where the old site was moved,
// between the swap and the removal, as someone with write access to the
// output's parent could: gazette must remove only the folder it moved
// aside, never the files the link points to. The new site is in place,
// and Commit says that the old one was left.
func TestLinkAtAside(t *testing.T) {
	for _, how := range []string{"link to a folder", "link with the old site moved away", "link inside the old site"} {
		t.Run(how, func(t *testing.T) {
			parent := t.TempDir()
			out := filepath.Join(parent, "public")
			if err := build(t, out, "old").Commit(); err != nil {
				t.Fatal(err)
			}
			victim := t.TempDir()
			precious := filepath.Join(victim, "precious.txt")
			if err := os.WriteFile(precious, []byte("keep me"), 0o644); err != nil {
				t.Fatal(err)
			}
			os.WriteFile(filepath.Join(victim, Marker), []byte("x"), 0o644)
			moved := filepath.Join(parent, "moved")
			d := build(t, out, "new")
			d.afterSwap = func(aside string) {
				switch how {
				case "link to a folder":
					os.RemoveAll(aside) // with write access to the parent
				case "link with the old site moved away":
					os.Rename(aside, moved)
				case "link inside the old site":
					os.Symlink(victim, filepath.Join(aside, "a", "zz"))
					return
				}
				if err := os.Symlink(victim, aside); err != nil {
					t.Fatal(err)
				}
			}
			err := d.Commit()
			if b, rerr := os.ReadFile(precious); rerr != nil || string(b) != "keep me" {
				t.Errorf("the link's target lost its file: %v", rerr)
			}
			if _, serr := os.Stat(filepath.Join(victim, Marker)); serr != nil {
				t.Errorf("the link's target lost its marker: %v", serr)
			}
			if b, _ := os.ReadFile(filepath.Join(out, "index.html")); string(b) != "new" {
				t.Errorf("index.html = %q, want the new site", b)
			}
			var ce *CleanupError
			switch how {
			case "link inside the old site":
				if err != nil {
					t.Errorf("Commit: %v", err)
				}
			default:
				if !errors.As(err, &ce) || !errors.Is(err, errReplaced) {
					t.Errorf("Commit: %v; want a CleanupError saying the folder was replaced", err)
				}
			}
			if how == "link with the old site moved away" {
				// What gazette moved aside, wherever it went, is emptied.
				if entries, _ := os.ReadDir(moved); len(entries) != 0 {
					t.Errorf("the old site, moved away, still holds %d entries", len(entries))
				}
			}
		})
	}
}
