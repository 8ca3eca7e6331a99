package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"
)

// progressLine shows, on a terminal, what a long build is doing: nothing
// for the first second, then one line, rewritten at most ten times a
// second and erased before the summary is printed. In CI (CI set, or
// stderr not a terminal) it shows nothing.
type progressLine struct {
	w     io.Writer // nil: quiet
	start time.Time

	mu    sync.Mutex
	last  time.Time
	shown bool
}

func newProgress(stderr io.Writer, enabled bool) *progressLine {
	p := &progressLine{start: time.Now()}
	if f, ok := stderr.(*os.File); ok && enabled && isTerminal(f) && !inCI() {
		p.w = f
	}
	return p
}

// fn is the build.Options.Progress to use: nil when quiet.
func (p *progressLine) fn() func(stage string, done, total int) {
	if p.w == nil {
		return nil
	}
	return p.show
}

func (p *progressLine) show(stage string, done, total int) {
	now := time.Now()
	p.mu.Lock()
	defer p.mu.Unlock()
	if now.Sub(p.start) < time.Second || now.Sub(p.last) < 100*time.Millisecond {
		return
	}
	p.last = now
	p.shown = true
	line := stage + "…"
	if done > 0 {
		// The total is an estimate (feeds, search and data files vary), so
		// only the count is shown.
		line = fmt.Sprintf("%s… %d files", stage, done)
	}
	fmt.Fprintf(p.w, "\r\033[K%s", line)
}

// clear erases the line, if one was shown.
func (p *progressLine) clear() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.shown {
		fmt.Fprint(p.w, "\r\033[K")
		p.shown = false
	}
}

func isTerminal(f *os.File) bool {
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// inCI reports whether gazette runs in CI, which sets CI=true (GitHub
// Actions, GitLab CI and most others).
func inCI() bool {
	v := os.Getenv("CI")
	return v != "" && v != "false" && v != "0"
}
