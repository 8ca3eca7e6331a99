// Package build runs gazette's stages in order: content → site → render →
// output, and for `gazette check` linkcheck. Every command, and every test
// of a whole site, goes through Run, so that what is tested is what runs.
//
// Input: the project as an fs.FS (content/, and themes/<name>/ when
// site.yaml names a theme of the site's own) and Options. Output: the
// site's files, in a Folder on disk or in Memory, and a Result with every
// diagnostic. Build holds no logic of its own beyond choosing where files
// go and deciding whether to write, and the checks that need paths on
// disk: the output folder may not overlap the project, and content/ and
// themes/ may not lead out of it.
package build

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"time"

	"gazette/internal/content"
	"gazette/internal/decode"
	"gazette/internal/diag"
	"gazette/internal/incremental"
	"gazette/internal/linkcheck"
	"gazette/internal/markup"
	"gazette/internal/markup/highlight"
	"gazette/internal/output"
	"gazette/internal/render"
	"gazette/internal/searchindex"
	"gazette/internal/site"
	"gazette/internal/spill"
	"gazette/internal/theme"
)

// Options say what to build and where.
type Options struct {
	// Project is the project folder: content/ and perhaps themes/. Open a
	// folder on disk with OpenProject, through which no symbolic link
	// leads out of it; tests may pass an fstest.MapFS.
	Project fs.FS
	Theme   fs.FS // the default theme, embedded in the binary

	// Output is where the site goes: a Folder on disk, or a *Memory
	// (serve keeps the site there). nil renders everything and keeps
	// nothing.
	Output Output

	// Links checks every internal link and #anchor of the rendered site,
	// as `gazette check` does: a broken one is an error in the Result.
	// The site is kept in memory for it when Output is nil.
	Links bool

	BaseURL string // overrides site.yaml's base_url when not empty
	Drafts  bool   // build reports marked draft

	// Progress, when not nil, is told what the build is doing: the stage
	// ("reading", "resolving", "rendering", "writing", "checking links")
	// and, while rendering, how many of about total files are done. It is
	// called from several goroutines, one call at a time.
	Progress func(stage string, done, total int)

	// State, when not nil, receives what the build kept for State.Report.
	State *State

	// Since, with a *Memory as Output, is the Memory of an earlier good
	// build of the project: the render's jobs whose inputs did not change
	// since keep their files from it (as Cache does on disk; see package
	// incremental). serve gives each build the last one's, and its first
	// an empty Memory, so that what the jobs made is recorded.
	Since *Memory

	// Bodies, when set, keeps the bodies this build parses and renders for
	// the next build in the same process, and gives this one those of
	// the last that did not change (markup.Bodies): serve keeps one.
	Bodies *markup.Bodies

	// Highlighter, when set, colours code blocks: serve keeps one, so that
	// a language's lexer is compiled once a process rather than once a
	// build (see markup.Code).
	Highlighter *highlight.Highlighter

	// Reports, when set, keeps the reports' front matter as this build
	// reads it for the next build in the same process, and gives this one
	// that of the reports whose files did not change (content.Memo):
	// serve keeps one.
	Reports *content.Memo

	// Terms, when set, keeps the search index's terms of each document
	// for the next build in the same process, and gives this one those
	// of the documents whose texts did not change (searchindex.Kept):
	// serve keeps one.
	Terms *searchindex.Kept

	// Cache is the cache folder of a build into a Folder (see package
	// incremental and DefaultCache): with it, a build makes only what
	// changed since the last one and writes only the files whose bytes
	// changed, and the site is byte for byte the one a build without it
	// makes. "": no cache.
	Cache string
}

// Output is where Run puts the site: a Folder or a *Memory.
type Output interface{ output() }

// Folder is an output folder on disk. The site is written beside it and
// replaces it in one step when the build succeeds (see package output); a
// folder gazette did not build is never replaced.
type Folder struct {
	// Path is the folder. "" is public/ in Project; a relative path is
	// relative to the working folder.
	Path string
	// Project is the project folder on disk, the one Options.Project
	// reads: the output folder may not hold it, nor be inside its content.
	Project string
}

func (Folder) output()  {}
func (*Memory) output() {}

// Result is what a run found and made.
type Result struct {
	Diagnostics []diag.Diagnostic
	Errors      int
	Warnings    int
	Reports     int
	Entities    int
	Pages       int // HTML pages written (or that would be)
	Files       int
	Out         string // the output folder, absolute, when Output is a Folder
	Duration    time.Duration
	BaseURL     string // the base URL the site was built with; "" if none
	// UpToDate is set when the cache showed that nothing changed since
	// the last build, whose output folder is as it left it: nothing was
	// done, and the Result is that build's.
	UpToDate bool
}

// Run builds the site. Problems in the content are returned in the Result;
// the error is for failures of the machine (a folder that cannot be written,
// an output folder gazette refuses to replace).
func Run(opts Options) (Result, error) {
	start := time.Now()
	var res Result
	var diags diag.List

	if opts.Project == nil {
		return res, errors.New("no project to build")
	}
	if err := insideProject(opts.Project, "content"); err != nil {
		return res, err
	}
	if info, err := fs.Stat(opts.Project, "content"); err != nil || !info.IsDir() {
		return res, errors.New("no content folder in the project: run gazette in a project folder, or pass -C DIR")
	}
	contentFS, err := sub(opts.Project, "content")
	if err != nil {
		return res, err
	}
	if opts.BaseURL != "" && !decode.SafeURL(opts.BaseURL) {
		return res, fmt.Errorf("base URL %q must be an absolute http or https URL without spaces or control characters", opts.BaseURL)
	}

	progress := newProgress(opts.Progress)
	var folder *Folder
	var cache *cached
	mem, _ := opts.Output.(*Memory)
	switch o := opts.Output.(type) {
	case Folder:
		folder = &o
		outDir := o.Path
		if outDir == "" {
			outDir = filepath.Join(o.Project, "public")
		}
		res.Out, _ = filepath.Abs(outDir)
		if err := refuseContentOverlap(res.Out, o.Project); err != nil {
			return res, err
		}
		// Refuse early, before any work, when the folder is not ours.
		if err := output.CheckReplaceable(res.Out); err != nil {
			return res, err
		}
		if opts.Cache != "" {
			if err := refuseCacheOverlap(opts.Cache, res.Out, o.Project); err != nil {
				return res, err
			}
			cache = openCache(opts.Cache, opts.Project, opts)
			if cache != nil && cache.upToDate(res.Out) {
				res = cache.result(res)
				res.Duration = time.Since(start)
				return res, nil
			}
		}
	case nil:
		if opts.Links {
			mem = NewMemory()
		}
	}

	progress.stage("reading")
	memo := opts.Reports
	if cache != nil && memo == nil {
		memo = incremental.OpenReports(cache.dir, cache.binary)
	}
	c := content.LoadMemo(contentFS, memo, &diags)
	if cache != nil && opts.Reports == nil {
		// Saved while the build goes on: nothing changes the memo after
		// Load. A cache that cannot be written costs the next build time,
		// not its correctness.
		saved := make(chan struct{})
		go func() {
			incremental.SaveReports(cache.dir, cache.binary, memo)
			close(saved)
		}()
		defer func() { <-saved }()
	}
	if opts.BaseURL != "" {
		c.Config.BaseURL = opts.BaseURL
		if c.Config.BaseURL[len(c.Config.BaseURL)-1] != '/' {
			c.Config.BaseURL += "/"
		}
	}
	md := markup.New(c.Config.KindIDs(), markup.Typographer(c.Config.Typographer), markup.Code(opts.Highlighter))
	sp := newSpill(res.Out)
	if sp != nil {
		defer sp.Close()
	}
	progress.stage("resolving")
	bodies := opts.Bodies
	if cache != nil && bodies == nil {
		if kept := incremental.OpenBodies(cache.dir, cache.binary); kept != nil {
			// Saved once nothing reads the bodies kept in it: after the
			// render. A build that fails still keeps what it parsed.
			defer func() {
				kept.Save()
				kept.Close()
			}()
			bodies = kept.Kept
		}
	}
	s := site.Resolve(c, md, site.Options{Drafts: opts.Drafts, Spill: sp, Bodies: bodies}, &diags)
	if bodies != nil {
		bodies.Next()
	}
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
	var out *output.Dir
	switch {
	case mem != nil:
		w = mem
	case folder != nil && cache != nil:
		if out, err = cache.begin(res.Out); err != nil {
			finish()
			return res, err
		}
		w = out
	case folder != nil:
		if out, err = output.Begin(res.Out); err != nil {
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
	rw := w // what the render writes, where static files would replace it
	if len(s.Static) > 0 {
		rw = newShadowed(w, s.Static, &diags)
	}
	ropts := render.Options{Spill: sp, Terms: opts.Terms}
	if cache != nil && ropts.Terms == nil {
		ropts.Terms = incremental.OpenTerms(cache.dir, cache.binary)
	}
	var jobs *incremental.Jobs
	switch {
	case cache != nil:
		jobs = cache.jobs(out, res.Out, rw, s.Static)
		ropts.Jobs, ropts.Global = jobs, cache.global()
	case mem != nil && opts.Since != nil:
		var in inputs
		if in, err = readInputs(opts.Project, [32]byte{}, fmt.Sprintf("base-url=%q drafts=%t", opts.BaseURL, opts.Drafts), true, incremental.Inputs{}); err == nil && !in.layouts {
			jobs = incremental.NewJobs(opts.Since.jobs, memKeeper{opts.Since.Files(), mem}, rw, s.Static)
		} else {
			jobs, err = incremental.NewJobs(nil, nil, rw, s.Static), nil
		}
		ropts.Jobs, ropts.Global = jobs, in.global
	}
	stats, err := render.Render(s, theme, md, rw, ropts, &diags)
	if ropts.Terms != nil {
		ropts.Terms.Next()
	}
	if cache != nil && opts.Terms == nil {
		// Saved while the new site is swapped in. A cache that cannot be
		// written costs the next build time, not its correctness.
		saved := make(chan struct{})
		go func() {
			incremental.SaveTerms(cache.dir, cache.binary, ropts.Terms)
			close(saved)
		}()
		defer func() { <-saved }()
	}
	if err == nil && jobs != nil {
		err = jobs.Err()
	}
	if err == nil && (folder != nil || mem != nil) {
		var n int
		n, err = copyStatic(s, contentFS, w)
		stats.Files += n
	}
	res.Pages, res.Files = stats.Pages, stats.Files
	if out != nil {
		progress.stage("writing")
		switch {
		case err != nil || diags.HasErrors():
			out.Abort()
		case cache != nil:
			finish()
			err = cache.commit(out, jobs, res)
			var ce *output.CleanupError
			if errors.As(err, &ce) {
				diags.Warnf(diag.Pos{Path: ce.Aside}, "the new site is in place, but the old site moved here could not be removed (%v); remove this folder", ce.Err)
				err = nil
			}
		default:
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
	if mem != nil && jobs != nil && err == nil && !diags.HasErrors() {
		mem.jobs = jobs.Made()
	}
	if opts.Links && err == nil && !diags.HasErrors() {
		// With errors there may be no site whose links could be checked.
		progress.stage("checking links")
		diags.Append(linkcheck.Check(mem.Files(), contentFS)...)
	}
	finish()
	return res, err
}

// loadTheme reads the theme named in site.yaml: the project's
// themes/<name>/ folder over the embedded default theme.
func loadTheme(opts Options, name string, diags *diag.List) *theme.Theme {
	dir := "themes/" + name
	for _, p := range []string{"themes", dir} {
		if err := insideProject(opts.Project, p); err != nil {
			diags.Errorf(diag.Pos{Path: p, Root: diag.Project}, "%v", err)
			return nil
		}
	}
	var override fs.FS
	if info, err := fs.Stat(opts.Project, dir); err == nil && info.IsDir() {
		if override, err = sub(opts.Project, dir); err != nil {
			diags.Errorf(diag.Pos{Path: dir, Root: diag.Project}, "%v", err)
			return nil
		}
	} else if name != "default" {
		diags.Errorf(diag.Pos{Path: "site.yaml"}, "theme %q not found: there is no folder themes/%s/", name, name)
		return nil
	}
	return render.LoadTheme(opts.Theme, override, dir, diags)
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

// discard is the Writer of a build without an Output: it takes every file
// and keeps nothing.
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
	theme *theme.Theme
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
