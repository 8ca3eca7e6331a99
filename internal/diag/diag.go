// Package diag holds the one position type and the one diagnostic type that
// every stage of gazette reports problems with.
//
// A stage never stops at the first problem: it appends to a List and goes on,
// so a single run of `gazette check` shows everything that is wrong. The List
// is sorted by file, line and column before it is printed.
package diag

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Pos is a place in a file of the project. Path uses forward slashes and
// is relative to the folder Root names: the content folder for content
// files (reports/a.md, site.yaml), the project folder for a theme's
// (themes/mine/layouts/page.html). Line and Col count from 1, and Col
// counts characters (runes), not bytes, so it matches what an editor shows.
// A zero Line means the whole file; it prints as line 1, column 1, so every
// diagnostic keeps the path:line:col shape that editors and CI parse.
type Pos struct {
	Path string
	Line int
	Col  int
	Root Root
}

// Root says which folder a Pos's Path is relative to. Text output prints
// the path as it is, as a user standing in the project folder reads it;
// GitHub annotations need a path relative to the repository, which Write
// makes from the root.
type Root uint8

const (
	Content Root = iota // the content folder: the files most diagnostics are about
	Project             // the project folder: a theme under themes/
	Builtin             // a file embedded in gazette, such as the default theme's, named "(default theme)/layouts/base.html": it is in no folder of the project
)

// String prints path:line:col. A path holding a control character (a
// line break, a terminal escape) is quoted as Go quotes strings, so that a
// hostile file name cannot start a line of its own, such as a forged
// "::warning" command that GitHub Actions would obey, or recolour the
// terminal.
func (p Pos) String() string {
	return fmt.Sprintf("%s:%d:%d", quotePath(p.Path), max(p.Line, 1), max(p.Col, 1))
}

// quotePath returns path as it is, or strconv.Quote'd when it holds a
// character that cannot be shown safely on one line.
func quotePath(path string) string {
	if strings.IndexFunc(path, unsafeRune) < 0 {
		return path
	}
	return strconv.Quote(path)
}

// unsafeRune reports whether r must not reach a terminal or log raw: C0
// and C1 controls (line breaks, ESC), the Unicode line and paragraph
// separators, and the bidirectional controls that reorder what is shown.
func unsafeRune(r rune) bool {
	return unicode.IsControl(r) || r == '\u2028' || r == '\u2029' ||
		(r >= '\u202A' && r <= '\u202E') || (r >= '\u2066' && r <= '\u2069') || r == utf8.RuneError
}

// escapeText returns s with each unsafe character written as a Go escape
// (\n, \x1b, \u202e, and \xff for a byte that is not UTF-8), and the rest
// as it is: messages quote names already, and stay readable.
func escapeText(s string) string {
	if strings.IndexFunc(s, unsafeRune) < 0 {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, "\\x%02x", s[i])
		case unsafeRune(r):
			q := strconv.QuoteRune(r) // '\n', '\x1b', '\u202e'
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// Severity tells errors, which fail a build, from warnings, which do not.
type Severity int

const (
	Error Severity = iota
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Diagnostic is one problem found in the content.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	Msg      string
}

// String prints the diagnostic on one line, whatever its path and message
// hold: control characters are escaped (see Pos.String).
func (d Diagnostic) String() string {
	return fmt.Sprintf("%s: %s: %s", d.Pos, d.Severity, escapeText(d.Msg))
}

// List collects diagnostics. It is safe for concurrent use, so stages that
// work in parallel can share one.
type List struct {
	mu    sync.Mutex
	items []Diagnostic
}

// Errorf records an error at pos.
func (l *List) Errorf(pos Pos, format string, args ...any) {
	l.add(Diagnostic{pos, Error, fmt.Sprintf(format, args...)})
}

// Warnf records a warning at pos.
func (l *List) Warnf(pos Pos, format string, args ...any) {
	l.add(Diagnostic{pos, Warning, fmt.Sprintf(format, args...)})
}

func (l *List) add(d Diagnostic) {
	l.mu.Lock()
	l.items = append(l.items, d)
	l.mu.Unlock()
}

// Append adds diagnostics found elsewhere.
func (l *List) Append(ds ...Diagnostic) {
	l.mu.Lock()
	l.items = append(l.items, ds...)
	l.mu.Unlock()
}

// Sorted returns the diagnostics ordered by path, line, column, severity and
// message, without duplicates.
func (l *List) Sorted() []Diagnostic {
	l.mu.Lock()
	out := slices.Clone(l.items)
	l.mu.Unlock()
	slices.SortFunc(out, compare)
	return slices.Compact(out)
}

func compare(a, b Diagnostic) int {
	return cmp.Or(
		cmp.Compare(a.Pos.Path, b.Pos.Path),
		cmp.Compare(a.Pos.Root, b.Pos.Root),
		cmp.Compare(a.Pos.Line, b.Pos.Line),
		cmp.Compare(a.Pos.Col, b.Pos.Col),
		cmp.Compare(a.Severity, b.Severity),
		cmp.Compare(a.Msg, b.Msg),
	)
}

// Count returns the number of errors and of warnings.
func (l *List) Count() (errors, warnings int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, d := range l.items {
		if d.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}

// HasErrors reports whether any error (not warning) was recorded.
func (l *List) HasErrors() bool {
	n, _ := l.Count()
	return n > 0
}

// Format names an output format for diagnostics.
type Format string

const (
	Text   Format = "text"   // path:line:col: error: message
	GitHub Format = "github" // GitHub Actions workflow commands
	JSON   Format = "json"   // one JSON array
)

// Write prints ds in the given format. project is the project folder
// relative to the repository ("" or "." when they are the same): the
// GitHub format's annotations need paths relative to the repository, so
// a content file's path is prefixed with project/content/ and a theme
// file's with project/. A file embedded in gazette has no such path: its
// annotation names no file, and its message starts with the position.
func Write(w io.Writer, ds []Diagnostic, f Format, project string) error {
	switch f {
	case GitHub:
		for _, d := range ds {
			props, msg := "", d.Msg
			if d.Pos.Root == Builtin {
				msg = d.Pos.String() + ": " + msg
			} else {
				props = " file=" + ghEscape(repoPath(project, d.Pos), true) +
					fmt.Sprintf(",line=%d,col=%d", max(d.Pos.Line, 1), max(d.Pos.Col, 1))
			}
			if _, err := fmt.Fprintf(w, "::%s%s::%s\n", d.Severity, props, ghEscape(msg, false)); err != nil {
				return err
			}
		}
		return nil
	case JSON:
		type item struct {
			File     string `json:"file"`
			Line     int    `json:"line"`
			Col      int    `json:"col"`
			Severity string `json:"severity"`
			Message  string `json:"message"`
		}
		items := make([]item, 0, len(ds))
		for _, d := range ds {
			items = append(items, item{d.Pos.Path, max(d.Pos.Line, 1), max(d.Pos.Col, 1), d.Severity.String(), d.Msg})
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(items)
	default:
		for _, d := range ds {
			if _, err := fmt.Fprintln(w, d); err != nil {
				return err
			}
		}
		return nil
	}
}

// repoPath is pos's path relative to the repository, when the project
// folder is project (relative to the repository).
func repoPath(project string, pos Pos) string {
	dir := strings.TrimSuffix(project, "/")
	if dir == "." {
		dir = ""
	}
	if pos.Root == Content {
		dir = strings.TrimPrefix(dir+"/content", "/")
	}
	if dir == "" {
		return pos.Path
	}
	return dir + "/" + pos.Path
}

// ghEscape escapes data for a workflow command, as the Actions toolkit does:
// a line break becomes %0A, so a command stays on its line. Other control
// characters are escaped as in text (see escapeText): the runner would
// pass them to the log raw.
func ghEscape(s string, property bool) string {
	s = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
	s = escapeText(s)
	if property {
		s = strings.NewReplacer(":", "%3A", ",", "%2C").Replace(s)
	}
	return s
}
