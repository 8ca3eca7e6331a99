package serve

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// quiet is how long the files must stay unchanged before a rebuild:
// editors save in bursts (write a temporary file, rename it, set its
// mode), and one build should follow the whole burst.
const quiet = 20 * time.Millisecond

// watch starts watching the project's content/ and themes/ folders, every
// folder under them included.
func (s *Server) watch() (*fsnotify.Watcher, error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("cannot watch for changes: %w", err)
	}
	project := s.opts.Dir
	// The project folder itself, so that a themes/ folder created later is
	// seen; its other files are ignored.
	if err := w.Add(project); err != nil {
		w.Close()
		return nil, fmt.Errorf("cannot watch %s: %w", project, err)
	}
	for _, dir := range []string{"content", "themes"} {
		if err := addTree(w, filepath.Join(project, dir)); err != nil {
			w.Close()
			return nil, err
		}
	}
	return w, nil
}

// addTree watches dir and every folder under it.
func addTree(w *fsnotify.Watcher, dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir && os.IsNotExist(err) {
				return nil
			}
			return nil // a folder removed while we walk: its events will tell
		}
		if !d.IsDir() {
			return nil
		}
		if p != dir && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		if err := w.Add(p); err != nil {
			return fmt.Errorf("cannot watch %s: %w", p, err)
		}
		return nil
	})
}

// loop rebuilds after each burst of changes until ctx is done.
func (s *Server) loop(ctx context.Context, w *fsnotify.Watcher) error {
	project := filepath.Clean(s.opts.Dir)
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	pending := map[string]bool{} // what changed in this burst, relative to the project
	for {
		select {
		case <-ctx.Done():
			return nil
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			fmt.Fprintf(s.opts.Log, "watching for changes: %v\n", err)
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if !s.relevant(project, ev) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
					addTree(w, ev.Name) // a new folder: watch it and what it holds
				}
			}
			if rel, err := filepath.Rel(project, ev.Name); err == nil {
				key := filepath.ToSlash(rel)
				if !ev.Has(fsnotify.Write) {
					key = "!" + key // created, removed or renamed: never the fast path
				}
				pending[key] = true
			}
			timer.Reset(quiet)
		case <-timer.C:
			// One report edited: show it first, then rebuild everything,
			// unless the edit changed nothing that a page shows.
			rebuild := true
			if len(pending) == 1 {
				for name := range pending {
					if strings.HasPrefix(name, "content/reports/") && strings.HasSuffix(name, ".md") {
						if shown, same := s.Fast(name); shown && same {
							rebuild = false
						}
					}
				}
			}
			clear(pending)
			if rebuild {
				s.Build()
			}
		}
	}
}

// relevant reports whether a change may change the site: a file under
// content/ or themes/ that is not editor litter, or those folders
// themselves appearing or going.
func (s *Server) relevant(project string, ev fsnotify.Event) bool {
	if ev.Op == fsnotify.Chmod {
		return false
	}
	rel, err := filepath.Rel(project, ev.Name)
	if err != nil {
		return false
	}
	rel = filepath.ToSlash(rel)
	top, _, _ := strings.Cut(rel, "/")
	if top != "content" && top != "themes" {
		return false
	}
	base := filepath.Base(ev.Name)
	switch {
	case strings.HasPrefix(base, "."), // .#file (Emacs), .file.swp (Vim), gazette's own temporary files
		strings.HasSuffix(base, "~"), // file~ (Emacs, Vim backups)
		strings.HasSuffix(base, ".swp"), strings.HasSuffix(base, ".swx"),
		strings.HasSuffix(base, ".tmp"),
		base == "4913": // Vim's test that it may write in the folder
		return false
	}
	return true
}
