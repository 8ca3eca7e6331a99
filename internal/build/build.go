// Package build runs gazette's stages in order: content → site → render →
// output. It is what the command calls; it holds no logic of its own beyond
// choosing folders and deciding whether to write.
package build

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"gazette/internal/content"
	"gazette/internal/diag"
	"gazette/internal/markup"
	"gazette/internal/output"
	"gazette/internal/render"
	"gazette/internal/site"
	"gazette/internal/spill"
)

// Options say what to build and where.
type Options struct {
	Dir     string // the project folder, holding content/ and perhaps themes/
	Out     string // the output folder; "" is Dir/public, a relative path is relative to the working folder
	BaseURL string // overrides site.yaml's base_url when not empty
	Drafts  bool   // build reports marked draft
	Check   bool   // validate and render, but write nothing
	Theme   fs.FS  // the default theme, embedded in the binary

	// Files, when not nil, receives every file of the site, static files
	// included, instead of the output folder: nothing is written to disk.
	// serve keeps the site in memory this way, and check runs its link
	// checker over it.
	Files output.Writer

	// Progress, when not nil, is told what the build is doing: the stage
	// ("reading", "resolving", "rendering", "writing") and, while
	// rendering, how many of about total files are done. It is called from
	// several goroutines, one call at a time.
	Progress func(stage string, done, total int)

	// State, when not nil, receives what the build kept for State.Report.
	State *State
}

// Result is what a run found and made.
type Result struct {
	Diagnostics []diag.Diagnostic
	Errors      int
	Warnings    int
	Reports     int
	Entities    int
	Pages       int // HTML pages written (or that would be)
	Files       int
	Out         string // the output folder, absolute
	Duration    time.Duration
	BaseURL     string // the base URL the site was built with; "" if none
}

// Run builds the site. Problems in the content are returned in the Result;
// the error is for failures of the machine (a folder that cannot be written,
// an output folder gazette refuses to replace).
func Run(opts Options) (Result, error) {
	start := time.Now()
	var res Result
	var diags diag.List

	contentDir := filepath.Join(opts.Dir, "content")
	if info, err := os.Stat(contentDir); err != nil || !info.IsDir() {
		return res, fmt.Errorf("no content folder in %s: run gazette in a project folder, or pass -C DIR", absOr(opts.Dir))
	}
	if err := insideProject(opts.Dir, "content"); err != nil {
		return res, err
	}
	contentFS := os.DirFS(contentDir)
	if opts.BaseURL != "" && !content.SafeURL(opts.BaseURL) {
		return res, fmt.Errorf("base URL %q must be an absolute http or https URL without spaces or control characters", opts.BaseURL)
	}

	progress := newProgress(opts.Progress)
	var out *output.Dir
	if !opts.Check && opts.Files == nil {
		outDir := opts.Out
		if outDir == "" {
			outDir = filepath.Join(opts.Dir, "public")
		}
		res.Out, _ = filepath.Abs(outDir)
		if err := refuseContentOverlap(res.Out, opts.Dir); err != nil {
			return res, err
		}
		// Refuse early, before any work, when the folder is not ours.
		if err := output.CheckReplaceable(res.Out); err != nil {
			return res, err
		}
	}

	progress.stage("reading")
	c := content.Load(contentFS, &diags)
	if opts.BaseURL != "" {
		c.Config.BaseURL = opts.BaseURL
		if c.Config.BaseURL[len(c.Config.BaseURL)-1] != '/' {
			c.Config.BaseURL += "/"
		}
	}
	md := markup.New(c.Config.KindIDs(), markup.Typographer(c.Config.Typographer))
	sp := newSpill(res.Out)
	if sp != nil {
		defer sp.Close()
	}
	progress.stage("resolving")
	s := site.Resolve(c, md, site.Options{Drafts: opts.Drafts, Spill: sp}, &diags)
	res.BaseURL = c.Config.BaseURL
	res.Reports = len(s.Reports)
	for _, k := range s.Kinds {
		res.Entities += len(k.Entities)
	}

	theme := loadTheme(opts, c.Config.Theme, &diags)
	if opts.State != nil {
		*opts.State = State{fsys: contentFS, site: s, theme: theme, md: md}
	}
	finish := func() {
		res.Diagnostics = diags.Sorted()
		res.Errors, res.Warnings = diags.Count()
		res.Duration = time.Since(start)
	}
	if diags.HasErrors() || theme == nil {
		finish()
		return res, nil
	}

	var w output.Writer = discard{}
	switch {
	case opts.Files != nil:
		w = opts.Files
	case !opts.Check:
		var err error
		out, err = output.Begin(res.Out)
		if err != nil {
			finish()
			return res, err
		}
		w = out
	}
	// An estimate: a page per report, kind and page, a page and a feed per
	// entity, and the site-wide files.
	total := res.Reports + 2*res.Entities + 2*len(s.Kinds) + len(s.Pages) + len(s.Static) + 16
	w = progress.writer(w, total)
	progress.stage("rendering")
	stats, err := render.Render(s, theme, md, w, render.Options{Spill: sp}, &diags)
	if err == nil && (!opts.Check || opts.Files != nil) {
		var n int
		n, err = render.CopyStatic(s, contentFS, w)
		stats.Files += n
	}
	res.Pages, res.Files = stats.Pages, stats.Files
	if out != nil {
		progress.stage("writing")
		if err != nil || diags.HasErrors() {
			out.Abort()
		} else {
			err = out.Commit()
			// The new site is live: a failed clean-up of the old one is
			// not a failed build, only something for the user to tidy.
			var ce *output.CleanupError
			if errors.As(err, &ce) {
				diags.Warnf(diag.Pos{Path: ce.Aside}, "the new site is in place, but the old site moved here could not be removed (%v); remove this folder", ce.Err)
				err = nil
			}
		}
	}
	finish()
	return res, err
}

// loadTheme reads the theme named in site.yaml: the project's
// themes/<name>/ folder over the embedded default theme.
func loadTheme(opts Options, name string, diags *diag.List) *render.Theme {
	dir := filepath.Join(opts.Dir, "themes", name)
	var override fs.FS
	for _, p := range []string{"themes", "themes/" + name} {
		if err := insideProject(opts.Dir, p); err != nil {
			diags.Errorf(diag.Pos{Path: p, Root: diag.Project}, "%v", err)
			return nil
		}
	}
	if info, err := os.Stat(dir); err == nil && info.IsDir() {
		override = os.DirFS(dir)
	} else if name != "default" {
		diags.Errorf(diag.Pos{Path: "site.yaml"}, "theme %q not found: there is no folder themes/%s/", name, name)
		return nil
	}
	return render.LoadTheme(opts.Theme, override, "themes/"+name, diags)
}

// insideProject returns an error when rel, a folder of the project such as
// content or themes, is a symbolic link that leads out of the project: a
// link there would publish any folder the build can read. A link that
// stays inside the project is followed; links inside these folders are
// refused by their loaders.
func insideProject(project, rel string) error {
	p := filepath.Join(project, filepath.FromSlash(rel))
	info, err := os.Lstat(p)
	if err != nil || info.Mode()&fs.ModeSymlink == 0 {
		return nil // not there, or not a link
	}
	proj, err1 := filepath.EvalSymlinks(project)
	target, err2 := filepath.EvalSymlinks(p)
	if err1 != nil || err2 != nil {
		return fmt.Errorf("%s is a symbolic link that cannot be followed; make it a folder inside the project", rel)
	}
	if r, err := filepath.Rel(proj, target); err != nil || r == "." || startsWithDotDot(r) || filepath.IsAbs(r) {
		return fmt.Errorf("%s is a symbolic link to %s, outside the project; make it a folder inside the project", rel, target)
	}
	return nil
}

// refuseContentOverlap refuses an output folder that is, or holds, the
// project or its content, or that is inside the content. Paths are
// compared both as written and resolved, symbolic links followed: with -C
// given through a link, or --out through a linked parent, the text of two
// paths can differ while they name one folder.
func refuseContentOverlap(out, project string) error {
	proj, err := filepath.Abs(project)
	if err != nil {
		return err
	}
	for _, o := range []string{out, resolve(out)} {
		for _, pr := range []string{proj, resolve(proj)} {
			for _, p := range []string{pr, filepath.Join(pr, "content"), filepath.Join(pr, "themes"), resolve(filepath.Join(pr, "content")), resolve(filepath.Join(pr, "themes"))} {
				if within(p, o) {
					return fmt.Errorf("refusing to build into %s: it holds %s", out, p)
				}
			}
			for _, c := range []string{filepath.Join(pr, "content"), resolve(filepath.Join(pr, "content"))} {
				if within(o, c) {
					return fmt.Errorf("refusing to build into %s: it is inside the content folder", out)
				}
			}
		}
	}
	return nil
}

// within reports whether path is dir or inside it.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && (rel == "." || !startsWithDotDot(rel))
}

// resolve returns the absolute path p with every symbolic link in its
// existing part followed; the part that does not exist yet is appended as
// written.
func resolve(p string) string {
	var rest []string
	for cur := p; ; cur = filepath.Dir(cur) {
		if r, err := filepath.EvalSymlinks(cur); err == nil {
			return filepath.Join(append([]string{r}, rest...)...)
		}
		if filepath.Dir(cur) == cur {
			return p
		}
		rest = append([]string{filepath.Base(cur)}, rest...)
	}
}

func startsWithDotDot(rel string) bool {
	return rel == ".." || len(rel) > 2 && rel[:3] == ".."+string(filepath.Separator)
}

func absOr(dir string) string {
	if a, err := filepath.Abs(dir); err == nil {
		return a
	}
	return dir
}

// newSpill makes the file where rendered bodies wait for the render stage,
// out of memory: beside the output folder out, on the disk the site goes
// to (the system's temporary folder is memory on many machines), else in
// the temporary folder. Where neither can be made it returns nil, and the
// bodies stay in memory.
func newSpill(out string) *spill.File {
	if out != "" {
		if sp, err := spill.New(filepath.Dir(out)); err == nil {
			return sp
		}
	}
	if sp, err := spill.New(""); err == nil {
		return sp
	}
	return nil
}

// discard is the Writer of a check: it renders everything and keeps nothing.
type discard struct{}

func (discard) WriteFile(string, []byte) error { return nil }

func (discard) Create(string) (io.WriteCloser, error) { return nopCloser{io.Discard}, nil }

type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }

// State is what a build keeps so that `gazette serve` can show an edit to
// one report before the whole site is rebuilt: the content folder, the
// resolved site, the theme and the Markdown engine.
//
// The site's bodies were spilled to a file that the build closed: render
// from it only the report that Report re-reads, never the others' bodies.
type State struct {
	fsys  fs.FS
	site  *site.Site
	theme *render.Theme
	md    *markup.Markdown
}

// Report re-reads one edited report (name is "reports/<slug>.md") and lays
// out its page against the site as last built. It returns the page's path
// and HTML, or ok false when the edit needs a full build to be shown: an
// error in it, a new report, a changed date. Pages that list the report
// (its entities, the indexes) are not updated: the full build that follows
// does that.
func (st *State) Report(name string) (file string, page []byte, ok bool) {
	if st == nil || st.site == nil || st.theme == nil {
		return "", nil, false
	}
	var diags diag.List
	rep := content.LoadReport(st.fsys, &st.site.Config, name, &diags)
	if rep == nil || diags.HasErrors() {
		return "", nil, false
	}
	r := st.site.Report(rep, &diags)
	if r == nil || diags.HasErrors() {
		return "", nil, false
	}
	file, page, err := render.ReportPage(st.site, st.theme, st.md, r, &diags)
	if err != nil || diags.HasErrors() {
		return "", nil, false
	}
	return file, page, true
}
