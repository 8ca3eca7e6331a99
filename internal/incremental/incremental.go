// Package incremental is gazette's build cache: what a build keeps in a
// folder beside its output so that the next build makes only what changed
// and still writes the site a full build would, byte for byte.
//
// The cache folder holds two things. manifest is a Manifest: the digest of
// every input of the last build, each render job's digest (package
// render/deps) with the files it wrote, and the files of the output
// folder as written. standby/ is the output folder of the build before
// it, which the last build swapped out: the next build writes into it
// only the files that differ, links into it from the live folder the
// files of the jobs it skips, removes what is no longer made, and swaps
// it in — in one step, as a full build swaps in a new folder (package
// output). A folder of 10,000 reports is then never made anew.
//
// Anything the cache cannot vouch for means more work, never a wrong
// site: a manifest that is missing, truncated, corrupt, of another format
// or written by another gazette binary is ignored; a file of the output
// or standby folder whose size or modification time is not the
// manifest's is made again.
package incremental

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"unsafe"

	"gazette/internal/diag"
	"gazette/internal/output"
	"gazette/internal/render"
)

// format changes whenever the manifest or what a digest covers changes.
const format = "gazette-cache-4\n"

// Manifest is what a build leaves in the cache for the next. Load reads
// what a build needs to see that nothing changed; Rest reads the rest
// (the jobs and the standby folder's files), which only a build that has
// work to do needs.
type Manifest struct {
	Binary  [32]byte // the gazette binary that wrote it
	Options string   // the build's options that change the site
	Inputs  [32]byte // every file of the project it read
	Files   Inputs   // and each of them, by which the next build reads only the changed ones
	Global  render.Digest
	Live    output.Files // the output folder's files, as written
	Result  Result

	Jobs    map[string]Job
	Standby output.Files // the standby folder's files, when there is one

	rest *decoder // where Jobs and Standby are, until Rest reads them
}

// head and tail are the manifest's two parts, in the file in that order.
type head struct {
	Binary  [32]byte
	Options string
	Inputs  [32]byte
	Files   Inputs
	Global  render.Digest
	Live    output.Files
	Result  Result
}

type tail struct {
	Jobs    map[string]Job
	Standby output.Files
}

// Rest reads the manifest's jobs and standby files; after an error, the
// manifest has neither.
func (m *Manifest) Rest() error {
	if m.rest == nil {
		return nil
	}
	t := m.rest.tail()
	err := m.rest.err
	if err == nil && len(m.rest.b) != 0 {
		err = errManifest
	}
	m.rest = nil
	if err != nil {
		return err
	}
	m.Jobs, m.Standby = t.Jobs, t.Standby
	return nil
}

// Inputs are the project's files as a build found them.
type Inputs struct {
	Files   map[string]Input // by path in the project
	Scanned int64            // when the build began to look, in nanoseconds since 1970
}

// Input is one file of the project: its size and modification time when
// the build looked, and the SHA-256 of its bytes.
type Input struct {
	Size, ModTime int64
	Sum           [32]byte
}

// Job is what one render job made.
type Job struct {
	Digest       render.Digest
	Files        []string
	Pages, Count int
}

// Result is what a build reported, for a build that finds nothing changed
// to report again.
type Result struct {
	Diagnostics     []diag.Diagnostic
	Reports, Entity int
	Pages, Files    int
	BaseURL         string
}

// Load reads the manifest in dir: nil when there is none, or none whole
// and of this format. trusted is false when another binary or other
// options wrote it: its jobs' digests say nothing then, but what it says
// of the folders' files still holds.
func Load(dir string, binary [32]byte, options string) (m *Manifest, trusted bool) {
	b, err := os.ReadFile(filepath.Join(dir, "manifest"))
	if err != nil || len(b) < len(format)+sha256.Size || string(b[:len(format)]) != format {
		return nil, false
	}
	body, sum := b[len(format):len(b)-sha256.Size], b[len(b)-sha256.Size:]
	if s := sha256.Sum256(body); !bytes.Equal(s[:], sum) {
		return nil, false
	}
	// The strings read are slices of one: the manifest's bytes, which
	// nothing changes after ReadFile.
	dec := &decoder{b: body, s: unsafe.String(unsafe.SliceData(body), len(body))}
	h := dec.head()
	if dec.err != nil {
		return nil, false
	}
	m = &Manifest{Binary: h.Binary, Options: h.Options, Inputs: h.Inputs, Files: h.Files, Global: h.Global, Live: h.Live, Result: h.Result, rest: dec}
	return m, m.Binary == binary && m.Options == options
}

// Save writes m to dir, replacing the manifest there in one step.
func Save(dir string, m *Manifest) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	e := &encoder{b: make([]byte, 0, 1<<20)}
	e.b = append(e.b, format...)
	e.head(head{m.Binary, m.Options, m.Inputs, m.Files, m.Global, m.Live, m.Result})
	e.tail(tail{m.Jobs, m.Standby})
	sum := sha256.Sum256(e.b[len(format):])
	e.b = append(e.b, sum[:]...)
	tmp, err := os.CreateTemp(dir, "manifest-*")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(e.b); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), filepath.Join(dir, "manifest"))
}

// Forget removes the manifest from dir: what the cache said no longer
// holds (the standby folder is being written).
func Forget(dir string) error {
	err := os.Remove(filepath.Join(dir, "manifest"))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// Binary is the SHA-256 of the running executable: the code and the
// embedded default theme. "" hashes to a digest no build has.
func Binary() [32]byte {
	exe, err := os.Executable()
	if err != nil {
		return [32]byte{}
	}
	f, err := os.Open(exe)
	if err != nil {
		return [32]byte{}
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, bufio.NewReaderSize(f, 1<<20)); err != nil {
		return [32]byte{}
	}
	var out [32]byte
	h.Sum(out[:0])
	return out
}

// Jobs is render.Jobs for a build that knows what the jobs of the last
// one made: it skips a job whose digest is the one it had then, keeping
// its files (see Keeper), and records what every job made.
type Jobs struct {
	prev   map[string]Job // nil: every job runs
	keeper Keeper
	w      output.Writer // where the files of the jobs that run go

	// static are the content's static/ files: a job that made a file of
	// the same path runs again, to warn again that it is shadowed.
	static map[string]bool

	mu   sync.Mutex
	jobs map[string]Job
	dup  string // a key two jobs had: a bug, which makes the build fail
	err  error  // the first error in keeping files
}

// Keeper puts a file of the last build into this one unchanged. It
// returns false when it cannot vouch for the file: the job that made it
// then runs again.
type Keeper interface {
	Keep(name string) (bool, error)
}

// NewJobs makes the Jobs of a build whose files go to w; prev is what the
// jobs of the last build made, or nil, and keeper keeps their files.
func NewJobs(prev map[string]Job, keeper Keeper, w output.Writer, static []string) *Jobs {
	j := &Jobs{prev: prev, keeper: keeper, w: w, jobs: map[string]Job{}, static: map[string]bool{}}
	for _, p := range static {
		j.static[p] = true
	}
	return j
}

// Start is render.Jobs' Start.
func (j *Jobs) Start(key string, d render.Digest) (output.Writer, int, int) {
	j.mu.Lock()
	_, dup := j.jobs[key]
	if dup && j.dup == "" {
		j.dup = key
	}
	j.jobs[key] = Job{Digest: d}
	j.mu.Unlock()
	if p, ok := j.prev[key]; ok && !dup && p.Digest == d && j.keep(p) {
		j.mu.Lock()
		j.jobs[key] = p
		j.mu.Unlock()
		return nil, p.Pages, p.Count
	}
	return &recorder{w: j.w, jobs: j, key: key}, 0, 0
}

// keep keeps the files of the last build's job p; false when one of them
// is not as that build wrote it.
func (j *Jobs) keep(p Job) bool {
	for _, name := range p.Files {
		if j.static[name] {
			return false
		}
		kept, err := j.keeper.Keep(name)
		if err != nil {
			j.mu.Lock()
			if j.err == nil {
				j.err = err
			}
			j.mu.Unlock()
		}
		if !kept {
			return false
		}
	}
	return true
}

// Done is render.Jobs' Done.
func (j *Jobs) Done(key string, pages, files int) {
	j.mu.Lock()
	job := j.jobs[key]
	job.Pages, job.Count = pages, files
	j.jobs[key] = job
	j.mu.Unlock()
}

// Err is the first error in keeping files, or the key two jobs shared.
func (j *Jobs) Err() error {
	if j.dup != "" {
		return errors.New("internal error: two render jobs are named " + j.dup)
	}
	return j.err
}

// Made returns every job's digest and files, for the next manifest.
func (j *Jobs) Made() map[string]Job { return j.jobs }

// recorder passes a job's files on to w, noting their names.
type recorder struct {
	w    output.Writer
	jobs *Jobs
	key  string
}

func (r *recorder) note(name string) {
	r.jobs.mu.Lock()
	job := r.jobs.jobs[r.key]
	job.Files = append(job.Files, name)
	r.jobs.jobs[r.key] = job
	r.jobs.mu.Unlock()
}

func (r *recorder) WriteFile(name string, data []byte) error {
	r.note(name)
	return r.w.WriteFile(name, data)
}

func (r *recorder) Create(name string) (io.WriteCloser, error) {
	r.note(name)
	return output.Create(r.w, name)
}
