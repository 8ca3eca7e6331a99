// Package serve is `gazette serve`: a development server that builds the
// site in memory, serves it, rebuilds it when a file changes and reloads
// the browser.
//
// Input: the project folder, build options (drafts) and a listener.
// Output: HTTP responses. The site is built with build.Run into memory,
// never into public/. Every HTML page gets one <script src> tag for
// /_gazette/reload.js, a file served only here, which listens for
// server-sent events on /_gazette/events and reloads the page when a build
// has changed what it would show. When a build fails, every page is an
// error page listing the diagnostics, each with its source line, until the
// next good build; other files (style.css, images) stay as last built.
//
// Only the built files are served: a path is looked up in the build's file
// map and nothing else, so there is no directory listing and no way out of
// the site. Paths with "." or ".." segments, backslashes, NUL bytes, or a
// "%" left after decoding (double encoding) are refused with 404.
package serve

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"net"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"

	"gazette/internal/build"
	"gazette/internal/content"
	"gazette/internal/diag"
	"gazette/internal/english"
	"gazette/internal/markup"
	"gazette/internal/markup/highlight"
	"gazette/internal/searchindex"
)

// Options configure a Server.
type Options struct {
	Dir   string        // the project folder, watched for changes
	Build build.Options // how to build; Project, Output and Links are set by the Server
	Log   io.Writer     // where builds are reported

	// Expose allows Run to answer beyond this machine: to the machine's
	// addresses and name when it listens on every interface. Without it,
	// Run answers only to localhost and loopback addresses, and to the
	// address it listens on.
	Expose bool
}

// Server serves the site built from one project.
type Server struct {
	opts     Options
	id       string        // tells one run of the server from the next
	building sync.Mutex    // one build at a time
	done     chan struct{} // closed when the server shuts down

	mu      sync.RWMutex
	files   map[string][]byte      // the last good build
	mem     *build.Memory          // the same, with what its jobs made
	bodies  *markup.Bodies         // the bodies of the last build, parsed and rendered
	code    *highlight.Highlighter // its lexers compiled once, for every build
	reports *content.Memo          // the reports' front matter, as the last build read it
	terms   *searchindex.Kept      // the search index's terms, as the last build split them
	state   *build.State           // what the last good build kept, for fast edits
	failed  *failure               // the last build failed: why
	gen     int                    // counts what the browser could see change
	changed chan struct{}          // closed, and replaced, when gen changes
}

// failure is a build that failed: its diagnostics, or an error of the
// machine (a folder that cannot be read).
type failure struct {
	diags []diag.Diagnostic
	err   string
}

// New returns a Server; call Build before serving.
func New(opts Options) *Server {
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	return &Server{
		opts:    opts,
		id:      strconv.FormatInt(time.Now().UnixNano(), 36),
		done:    make(chan struct{}),
		files:   map[string][]byte{},
		changed: make(chan struct{}),
		bodies:  markup.NewBodies(),
		code:    highlight.New(),
		reports: content.NewMemo([32]byte{}, nil),
		terms:   searchindex.NewKept(nil),
	}
}

// Result is what one build did.
type Result struct {
	build.Result
	Changed  int   // files added, changed or removed since the last good build
	Err      error // a failure of the machine, not of the content
	Duration time.Duration
}

// Build builds the site, publishes it to the browsers when it changed, and
// logs what happened.
func (s *Server) Build() Result {
	s.building.Lock()
	defer s.building.Unlock()
	start := time.Now()
	mem := build.NewMemory()
	o := s.opts.Build
	o.Output, o.Links = mem, false
	o.State = &build.State{}
	o.Bodies, o.Highlighter, o.Reports, o.Terms = s.bodies, s.code, s.reports, s.terms
	s.mu.RLock()
	o.Since = s.mem
	s.mu.RUnlock()
	if o.Since == nil {
		o.Since = build.NewMemory()
	}
	// The project is opened anew for each build, so that a content folder
	// that went away is a failed build, not a stale site.
	project, err := build.OpenProject(s.opts.Dir)
	var res build.Result
	if err == nil {
		o.Project = project
		res, err = build.Run(o)
	}
	r := Result{Result: res, Err: err}

	s.mu.Lock()
	switch {
	case err != nil:
		s.fail(&failure{err: err.Error()})
	case res.Errors > 0:
		s.fail(&failure{diags: res.Diagnostics})
	default:
		s.state, s.mem = o.State, mem
		files := mem.Files()
		r.Changed = changes(s.files, files)
		if r.Changed > 0 || s.failed != nil {
			s.files, s.failed = files, nil
			s.publish()
		}
	}
	s.mu.Unlock()
	r.Duration = time.Since(start)
	s.log(r)
	return r
}

// Fast shows an edit to one report at once: it lays out that report's page
// against the last good build and publishes it, before the full rebuild
// that must follow brings every other page up to date. name is the file's
// path relative to the project, such as "content/reports/x.md". It reports
// whether it could; an edit with an error, a new report or a changed date
// needs the full build to be shown. same reports that the page came out
// byte for byte as before: everything a report gives the other pages
// (title, date, summary, body, entities, events, sources) is on its own
// page, so then no other page can have changed and no rebuild is needed.
func (s *Server) Fast(name string) (shown, same bool) {
	s.building.Lock()
	defer s.building.Unlock()
	start := time.Now()
	s.mu.RLock()
	st, failed := s.state, s.failed
	s.mu.RUnlock()
	if st == nil || failed != nil {
		return false, false
	}
	rel, ok := strings.CutPrefix(name, "content/")
	if !ok {
		return false, false
	}
	file, page, ok := st.Report(rel)
	if !ok {
		return false, false
	}
	s.mu.Lock()
	same = bytes.Equal(s.files[file], page)
	if !same {
		// Handlers may be reading the old map: replace it, don't write to it.
		files := maps.Clone(s.files)
		files[file] = page
		s.files = files
		s.publish()
	}
	s.mu.Unlock()
	if same {
		fmt.Fprintf(s.opts.Log, "%s: nothing that any page shows changed (%s)\n", rel, english.Duration(time.Since(start)))
	} else {
		fmt.Fprintf(s.opts.Log, "showed the edit to %s in %s; rebuilding the rest\n", rel, english.Duration(time.Since(start)))
	}
	return true, same
}

// fail records a failed build; the browsers reload only when the errors
// differ from those they show.
func (s *Server) fail(f *failure) {
	if s.failed != nil && s.failed.err == f.err && equalDiags(s.failed.diags, f.diags) {
		return
	}
	s.failed = f
	s.publish()
}

// publish tells the browsers that there is something new to see. s.mu is
// held.
func (s *Server) publish() {
	s.gen++
	close(s.changed)
	s.changed = make(chan struct{})
}

// version names what the browser sees now, and returns the channel that is
// closed when that changes.
func (s *Server) version() (string, <-chan struct{}) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.id + "." + strconv.Itoa(s.gen), s.changed
}

func (s *Server) log(r Result) {
	w := s.opts.Log
	switch {
	case r.Err != nil:
		fmt.Fprintf(w, "build failed: %v\n", r.Err)
	case r.Errors > 0:
		diag.Write(w, r.Diagnostics, diag.Text, "")
		fmt.Fprintf(w, "build failed: %s, %s; the browser shows them until the next good build\n", english.Count(r.Errors, "error", "errors"), english.Count(r.Warnings, "warning", "warnings"))
	default:
		diag.Write(w, r.Diagnostics, diag.Text, "")
		changed := english.Count(r.Changed, "file", "files") + " changed"
		if r.Changed == r.Files {
			changed = english.Count(r.Files, "file", "files")
		}
		fmt.Fprintf(w, "built %s, %s: %s, %s (%s, %s)\n",
			english.Count(r.Reports, "report", "reports"), english.Count(r.Entities, "entity", "entities"), english.Count(r.Pages, "page", "pages"),
			changed, english.Count(r.Warnings, "warning", "warnings"), english.Duration(r.Duration))
	}
}

// changes counts the files that differ between two builds.
func changes(old, new map[string][]byte) int {
	n := 0
	for name, data := range new {
		if o, ok := old[name]; !ok || !bytes.Equal(o, data) {
			n++
		}
	}
	for name := range old {
		if _, ok := new[name]; !ok {
			n++
		}
	}
	return n
}

func equalDiags(a, b []diag.Diagnostic) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Run serves the site on ln until ctx is done: it builds it, watches the
// project and rebuilds on change. It returns nil after a clean shutdown.
func Run(ctx context.Context, ln net.Listener, opts Options) error {
	if opts.Build.BaseURL == "" {
		// Feeds, the sitemap and 404.html link from base_url: here, that is
		// this server, not the site's public address.
		opts.Build.BaseURL = "http://" + ln.Addr().String() + "/"
	}
	s := New(opts)
	first := s.Build()
	if first.Err != nil {
		ln.Close()
		return first.Err
	}
	w, err := s.watch()
	if err != nil {
		ln.Close()
		return err
	}
	defer w.Close()
	srv := httpServer(ctx, ln, s, opts.Expose)
	srv.RegisterOnShutdown(func() { close(s.done) })
	fmt.Fprintf(opts.Log, "serving the site at %s (Ctrl-C to stop)\n", opts.Build.BaseURL)

	errc := make(chan error, 2)
	go func() { errc <- srv.Serve(ln) }()
	go func() { errc <- s.loop(ctx, w) }()
	select {
	case <-ctx.Done():
	case err = <-errc:
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if e := srv.Shutdown(shutdown); err == nil && !errors.Is(e, context.Canceled) {
		err = e
	}
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}

// httpServer is the HTTP server of Run: it answers only to the hosts of
// ln (see hosts), and bounds how long a client may take to send its
// headers and keep an idle connection open.
func httpServer(ctx context.Context, ln net.Listener, h http.Handler, expose bool) *http.Server {
	return &http.Server{
		Handler:           checkHost(newHosts(ln, expose), h),
		ReadHeaderTimeout: 10 * time.Second,
		// A keep-alive connection left idle is closed: a client cannot
		// hold connections open for ever. (No WriteTimeout: the reload
		// events stream for as long as the page is open.)
		IdleTimeout: 2 * time.Minute,
		BaseContext: func(net.Listener) context.Context { return ctx },
	}
}

// snapshot returns the files and failure of the current build, and its
// version, consistently.
func (s *Server) snapshot() (map[string][]byte, *failure, string) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.files, s.failed, s.id + "." + strconv.Itoa(s.gen)
}

// Files returns a copy of the current build's files, for tests.
func (s *Server) Files() map[string][]byte {
	files, _, _ := s.snapshot()
	return maps.Clone(files)
}

// clean turns a request path into the name of a file of the site, or
// reports that the path is not one gazette could have built.
func clean(p string) (string, bool) {
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\%\x00") {
		return "", false
	}
	name := p[1:]
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	for _, seg := range strings.Split(name, "/") {
		if seg == "" || seg == "." || seg == ".." {
			return "", false
		}
	}
	return name, path.Clean(name) == name
}
