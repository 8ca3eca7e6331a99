// Package highlight colours the fenced code blocks of report bodies with
// chroma: which languages are coloured (only lexers checked against
// hostile input), one block's HTML with CSS classes, and the stylesheet of
// those classes. Package markup decides which blocks it is given.
package highlight

import (
	"embed"
	"io"
	"strings"
	"sync"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
)

// Languages returns the chroma lexers, by name, whose code blocks are
// coloured; a block in any other language is shown as plain text.
//
// Not every lexer is safe on hostile input: chroma's are state machines
// of backtracking regular expressions, and some loop without consuming
// input (Jungle took minutes and 100 GB on a line of 20 bytes). These are
// the common languages, each checked by TestHighlightBound on inputs
// built to make a lexer backtrack or nest.
//
// None of them may hand code to a lexer the code chooses: HTTP colours a
// request's body with any lexer of chroma's whose MIME type the
// Content-Type header names, and markdown a fenced block with any lexer
// its info string names, so that "Content-Type: text/x-jungle" or
// ```jungle inside them reached Jungle. They are not highlighted
// (TestHighlightRoutes).
func Languages() []string {
	return []string{
		"Bash", "Bash Session", "Batchfile", "C", "C#", "C++", "CSS", "CSV",
		"Dart", "Diff", "Docker", "Go", "GraphQL", "HCL", "HTML",
		"Haskell", "INI", "JSON", "Java", "JavaScript", "Kotlin", "Lua",
		"Makefile", "Perl", "PHP", "PowerShell", "Protocol Buffer", "Python",
		"R", "Ruby", "Rust", "SQL", "Scala", "Swift", "TOML", "TeX",
		"TypeScript", "XML", "YAML", "plaintext",
	}
}

// Lexer returns the lexer that colours code in lang, or nil: for no
// language, an unknown one, and one not highlighted. lang is a lexer's
// name or alias, or a file name or extension that a lexer claims, as
// chroma looks them up, among the highlighted lexers only.
func (h *Highlighter) Lexer(lang string) chroma.Lexer {
	if lang == "" {
		return nil
	}
	return h.lexers().Get(lang)
}

// Highlighter writes code as HTML with chroma's CSS classes, not inline
// styles, so that a strict Content-Security-Policy holds and the theme
// owns the colours. It is safe for concurrent use.
type Highlighter struct {
	html        *chromahtml.Formatter
	light, dark *chroma.Style
	lexers      func() *chroma.LexerRegistry // parsed at the first code block
}

// styleFiles are chroma's GitHub styles, copied from chroma v2.27.0's
// styles folder (MIT licence: styles/COPYING). Importing chroma's styles
// package instead would parse all of its 70 styles when any gazette
// process starts, a third of what every run of the command spends before
// main, for the two used.
//
//go:embed styles/github.xml styles/github-dark.xml
var styleFiles embed.FS

// New returns a Highlighter with GitHub's colours, light and dark.
func New() *Highlighter {
	return &Highlighter{
		html:  chromahtml.New(chromahtml.WithClasses(true)),
		light: style("styles/github.xml"),
		dark:  style("styles/github-dark.xml"),

		lexers: sync.OnceValue(newRegistry),
	}
}

// style parses one of styleFiles. They are part of the binary and tested,
// so a failure is a bug in the build, not a maintainer's mistake.
func style(name string) *chroma.Style {
	f, err := styleFiles.Open(name)
	if err != nil {
		panic(err)
	}
	defer f.Close()
	s, err := chroma.NewXMLStyle(f)
	if err != nil {
		panic(err)
	}
	return s
}

// Format writes code, coloured by lexer, as chroma's <pre class="chroma">.
// ok is false, and nothing is written, when the lexer cannot read the
// code: the caller then shows it plain.
func (h *Highlighter) Format(w io.Writer, lexer chroma.Lexer, code string) (ok bool, err error) {
	it, err := chroma.Coalesce(lexer).Tokenise(nil, code)
	if err != nil {
		return false, nil
	}
	return true, h.html.Format(w, h.light, it)
}

// CSS returns the stylesheet for highlighted code: light colours, and dark
// ones for readers who prefer a dark scheme. Chroma's comments and its
// unscoped .bg rule (a class name a theme may well use) are left out.
func (h *Highlighter) CSS() string {
	var b strings.Builder
	write := func(style *chroma.Style) {
		var raw strings.Builder
		h.html.WriteCSS(&raw, style)
		for _, line := range strings.Split(raw.String(), "\n") {
			if i := strings.Index(line, "*/ "); strings.HasPrefix(line, "/*") && i > 0 {
				line = line[i+3:]
			}
			if line == "" || strings.HasPrefix(line, ".bg ") {
				continue
			}
			b.WriteString(line)
			b.WriteByte('\n')
		}
	}
	write(h.light)
	b.WriteString("@media (prefers-color-scheme: dark) {\n")
	write(h.dark)
	b.WriteString("}\n")
	return b.String()
}
