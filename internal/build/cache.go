package build

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"gazette/internal/diag"
	"gazette/internal/incremental"
	"gazette/internal/output"
	"gazette/internal/parallel"
	"gazette/internal/render"
)

// DefaultCache is the cache folder of a build into out: beside it, in
// .gazette-cache/<out's name>, on the same file system, as the standby
// folder must be (see package incremental).
func DefaultCache(out string) string {
	return filepath.Join(filepath.Dir(out), ".gazette-cache", filepath.Base(out))
}

// inputs are the digests of the project's files that a build reads.
type inputs struct {
	// all is every file of content/ and themes/.
	all [32]byte
	// global is what every page is made from besides the content's
	// Markdown files, whose sums the render's digests have: site.yaml,
	// the content's other files (the map's outline), the names of its
	// static/ files, the themes' files.
	global [32]byte
	// layouts is set when the project's themes have layouts or partials:
	// templates that may read anything of the site, so no render job is
	// skipped.
	layouts bool
	// files are the files read, for the next build's readInputs.
	files incremental.Inputs
}

// readInputs reads every file of the project's content/ and themes/, in
// parallel. With globalOnly, it leaves out the content's Markdown files:
// inputs.all is then not set, only what global needs.
//
// known are the files as the last build found them (nil: none): a file
// whose size and modification time are as known says is not read again,
// its sum taken from there, unless it was modified less than a racy
// interval before that build looked (when a later change could have kept
// the time). inputs.files are the files as this build found them.
func readInputs(project fs.FS, binary [32]byte, options string, globalOnly bool, known incremental.Inputs) (inputs, error) {
	in := inputs{files: incremental.Inputs{Scanned: time.Now().UnixNano()}}
	var paths []string
	var entries []fs.DirEntry
	for _, root := range []string{"content", "themes"} {
		err := fs.WalkDir(project, root, func(p string, d fs.DirEntry, err error) error {
			if errors.Is(err, fs.ErrNotExist) && p == root {
				return fs.SkipDir
			}
			if err != nil {
				return err
			}
			if d.IsDir() {
				if root == "themes" && (d.Name() == "layouts" || d.Name() == "partials") {
					in.layouts = true
				}
				return nil
			}
			if !globalOnly || !strings.HasPrefix(p, "content/") || !strings.HasSuffix(p, ".md") {
				paths = append(paths, p)
				entries = append(entries, d)
			}
			return nil
		})
		if err != nil {
			return in, err
		}
	}
	files := make([]incremental.Input, len(paths))
	errs := make([]error, len(paths))
	trustBefore := known.Scanned - racyInterval.Nanoseconds()
	parallel.For(len(paths), func(i int) {
		// The file's size and time before its bytes: a change after
		// this gives a time the next build does not trust.
		info, err := entries[i].Info()
		if err != nil {
			errs[i] = err
			return
		}
		f := incremental.Input{Size: info.Size(), ModTime: info.ModTime().UnixNano()}
		if k, ok := known.Files[paths[i]]; ok && info.Mode().IsRegular() && k.Size == f.Size && k.ModTime == f.ModTime && f.ModTime < trustBefore {
			files[i] = k
			return
		}
		b, err := fs.ReadFile(project, paths[i])
		f.Sum, errs[i] = sha256.Sum256(b), err
		files[i] = f
	})
	in.files.Files = make(map[string]incremental.Input, len(paths))
	all, global := sha256.New(), sha256.New()
	fmt.Fprintf(all, "%x\x00%s\x00", binary, options)
	fmt.Fprintf(global, "%x\x00%s\x00", binary, options)
	for i, p := range paths {
		if errs[i] != nil {
			return in, errs[i]
		}
		sum := files[i].Sum
		in.files.Files[p] = files[i]
		fmt.Fprintf(all, "%s\x00%x\x00", p, sum)
		switch {
		case strings.HasPrefix(p, "content/static/"):
			fmt.Fprintf(global, "%s\x00", p)
		case strings.HasPrefix(p, "content/") && strings.HasSuffix(p, ".md"):
			// In the render's digests of reports, entities, records
			// and pages.
		default:
			fmt.Fprintf(global, "%s\x00%x\x00", p, sum)
		}
	}
	all.Sum(in.all[:0])
	global.Sum(in.global[:0])
	return in, nil
}

// racyInterval is how long before a build looked at a file its
// modification time must be for the next build to trust it: file
// systems keep times in steps of up to two seconds (FAT), and a file
// changed twice within one step keeps its time.
const racyInterval = 3 * time.Second

// cached is a build with a cache folder: what it found there and what it
// will leave.
type cached struct {
	dir     string // the cache folder
	binary  [32]byte
	options string
	in      inputs
	prev    *incremental.Manifest // nil: none
	trusted bool                  // prev's jobs and inputs are this build's to compare
}

// openCache reads the cache folder dir and the project's inputs. It
// returns nil when an input cannot be read (a link out of the project, a
// file without permission): the build then goes without the cache, and
// reports it.
func openCache(dir string, project fs.FS, opts Options) *cached {
	c := &cached{dir: dir, binary: incremental.Binary()}
	c.options = fmt.Sprintf("base-url=%q drafts=%t", opts.BaseURL, opts.Drafts)
	c.prev, c.trusted = incremental.Load(dir, c.binary, c.options)
	var known incremental.Inputs
	if c.prev != nil {
		known = c.prev.Files // sums of bytes, whatever binary took them
	}
	var err error
	if c.in, err = readInputs(project, c.binary, c.options, false, known); err != nil {
		return nil
	}
	return c
}

// rest reads the rest of the manifest, for a build with work to do; a
// manifest whose rest cannot be read is one there is none of.
func (c *cached) rest() {
	if c.prev != nil && c.prev.Rest() != nil {
		c.prev, c.trusted = nil, false
	}
}

// upToDate reports whether nothing changed since the last build and its
// output folder out is as it left it.
func (c *cached) upToDate(out string) bool {
	return c.trusted && c.prev.Inputs == c.in.all && output.Verify(out, c.prev.Live)
}

// standby is the standby folder in the cache.
func (c *cached) standby() string { return filepath.Join(c.dir, "standby") }

// begin starts writing the output folder out from the standby folder.
func (c *cached) begin(out string) (*output.Dir, error) {
	c.rest()
	if c.prev == nil {
		if err := output.Remove(c.standby()); err != nil {
			return nil, err
		}
		return output.BeginFrom(out, "", nil)
	}
	return output.BeginFrom(out, c.standby(), c.prev.Standby)
}

// jobs are the render's Jobs for a build writing to dir through w.
func (c *cached) jobs(dir *output.Dir, out string, w output.Writer, static []string) *incremental.Jobs {
	if !c.trusted || c.in.layouts {
		return incremental.NewJobs(nil, nil, w, static)
	}
	return incremental.NewJobs(c.prev.Jobs, dirKeeper{dir, out, c.prev.Live}, w, static)
}

// dirKeeper keeps the files of the live output folder.
type dirKeeper struct {
	dir  *output.Dir
	live string       // the output folder
	was  output.Files // its files, as the last build wrote them
}

func (k dirKeeper) Keep(name string) (bool, error) {
	f, ok := k.was[name]
	if !ok {
		return false, nil
	}
	return k.dir.Keep(name, f, k.live)
}

// global is the render's Options.Global.
func (c *cached) global() render.Digest { return c.in.global }

// commit swaps the new output folder in, keeps the old one as the
// standby folder and writes the manifest.
func (c *cached) commit(dir *output.Dir, jobs *incremental.Jobs, res Result) error {
	aside, err := dir.CommitKeep()
	if err != nil {
		return err
	}
	m := &incremental.Manifest{
		Binary: c.binary, Options: c.options, Inputs: c.in.all, Global: c.global(), Files: c.in.files,
		Jobs: jobs.Made(), Live: dir.Files(),
		Result: incremental.Result{
			Diagnostics: res.Diagnostics, Reports: res.Reports, Entity: res.Entities,
			Pages: res.Pages, Files: res.Files, BaseURL: res.BaseURL,
		},
	}
	if aside != "" {
		if c.prev != nil && os.Rename(aside, c.standby()) == nil {
			m.Standby = c.prev.Live
		} else if err := output.Remove(aside); err != nil {
			return &output.CleanupError{Aside: aside, Err: err}
		}
	}
	return incremental.Save(c.dir, m)
}

// result is the last build's Result, for a build that found nothing
// changed.
func (c *cached) result(res Result) Result {
	r := c.prev.Result
	var l diag.List
	l.Append(r.Diagnostics...)
	res.Diagnostics = l.Sorted()
	res.Errors, res.Warnings = l.Count()
	res.Reports, res.Entities, res.Pages, res.Files, res.BaseURL = r.Reports, r.Entity, r.Pages, r.Files, r.BaseURL
	res.UpToDate = true
	return res
}

// refuseCacheOverlap refuses a cache folder that is, holds or is inside
// the output folder, or that holds or is inside the project's content/
// or themes/: each build rewrites the cache's standby folder whole.
func refuseCacheOverlap(cache, out, project string) error {
	c, err := filepath.Abs(cache)
	if err != nil {
		return err
	}
	proj := absOr(project)
	for _, cc := range []string{c, resolve(c)} {
		for _, p := range []string{out, resolve(out)} {
			if within(cc, p) || within(p, cc) {
				return fmt.Errorf("refusing to keep the cache in %s: it overlaps the output folder %s", cache, out)
			}
		}
		for _, pr := range []string{proj, resolve(proj)} {
			for _, p := range []string{filepath.Join(pr, "content"), filepath.Join(pr, "themes")} {
				if within(cc, p) || within(p, cc) {
					return fmt.Errorf("refusing to keep the cache in %s: it overlaps %s", cache, p)
				}
			}
			if within(pr, cc) {
				return fmt.Errorf("refusing to keep the cache in %s: it holds the project", cache)
			}
		}
	}
	return nil
}
