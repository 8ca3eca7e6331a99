package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"gazette/internal/content"
	"gazette/internal/diag"
	"gazette/internal/english"
	"gazette/internal/suggest"
)

func suggestCmd(args []string, stdout, stderr io.Writer) error {
	o, files, err := parseArgs("suggest", args, stderr)
	if err != nil {
		return err
	}
	contentDir := filepath.Join(o.Dir, "content")
	if !dirExists(contentDir) {
		return fmt.Errorf("no content folder in %s: run gazette in a project folder, or pass -C DIR", absOr(o.Dir))
	}
	keep, err := onlyFiles(contentDir, files)
	if err != nil {
		fmt.Fprintf(stderr, "gazette suggest: %v\n", err)
		return errUsage
	}
	var diags diag.List
	site := content.Load(os.DirFS(contentDir), &diags)
	// With errors in the content (site.yaml's kinds, an entity's names)
	// the names looked for may be wrong or missing: stop, as build does.
	if diags.HasErrors() {
		var errs []diag.Diagnostic
		for _, d := range diags.Sorted() {
			if d.Severity == diag.Error {
				errs = append(errs, d)
			}
		}
		diag.Write(stderr, errs, diag.Text, "")
		fmt.Fprintf(stderr, "suggest stopped: %s in the content; fix them first\n", english.Count(len(errs), "error", "errors"))
		return errFailed
	}
	f := suggest.New(site)
	sugs := f.Site(site, keep)
	for _, s := range sugs {
		fmt.Fprintln(stdout, s)
	}
	nfiles := map[string]bool{}
	for _, s := range sugs {
		nfiles[s.Pos.Path] = true
	}
	switch {
	case len(sugs) == 0:
		fmt.Fprintln(stderr, "no suggestions: every known name is annotated")
		return nil
	case !o.fix:
		fmt.Fprintf(stderr, "%s in %s; gazette suggest --fix annotates them\n", english.Count(len(sugs), "suggestion", "suggestions"), english.Count(len(nfiles), "file", "files"))
		return nil
	}
	fixed, err := f.Fix(contentDir, sugs)
	applied, changed, skipped := 0, 0, 0
	for _, fx := range fixed {
		applied += len(fx.Applied)
		skipped += len(fx.Skipped)
		if len(fx.Applied) > 0 {
			changed++
		}
		for _, s := range fx.Skipped {
			fmt.Fprintf(stderr, "%s: not annotated: the file changed, or the link would not read as one; annotate it by hand\n", s.Pos)
		}
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "annotated %s in %s\n", english.Count(applied, "mention", "mentions"), english.Count(changed, "file", "files"))
	if skipped > 0 {
		return errFailed
	}
	return nil
}

// onlyFiles turns file arguments, given from the working folder or from the
// content folder, into a filter on paths in the content folder. No files
// means every file.
func onlyFiles(contentDir string, files []string) (func(string) bool, error) {
	if len(files) == 0 {
		return nil, nil
	}
	root, err := filepath.Abs(contentDir)
	if err != nil {
		return nil, err
	}
	want := map[string]bool{}
	for _, f := range files {
		p := f
		if !fileExists(p) {
			p = filepath.Join(contentDir, f)
			if !fileExists(p) {
				return nil, fmt.Errorf("%s: no such file", f)
			}
		}
		abs, err := filepath.Abs(p)
		if err != nil {
			return nil, err
		}
		rel, err := filepath.Rel(root, abs)
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return nil, fmt.Errorf("%s is not in the content folder %s", f, contentDir)
		}
		want[filepath.ToSlash(rel)] = true
	}
	return func(p string) bool { return want[p] }, nil
}

func dirExists(name string) bool {
	info, err := os.Stat(name)
	return err == nil && info.IsDir()
}

func absOr(dir string) string {
	if a, err := filepath.Abs(dir); err == nil {
		return a
	}
	return dir
}
