package highlight

import (
	"io/fs"
	"math/rand/v2"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2"
)

// compiled is the Highlighter of the tests that colour code in every
// language: a lexer is compiled the first time it is used, once a
// Highlighter, as in a process that builds many sites.
var compiled = New()

// TestHighlightBound runs every highlighted lexer on inputs built to make
// a lexer of backtracking regular expressions work hard (unclosed strings
// and comments, deep nesting, long runs of one character, punctuation
// soup) and checks what it allocates, a measure of its work that holds
// on any machine: at most 64 KB plus 8 KB a byte of code (chroma's
// regular expressions allocate at each match; per byte, its allocations
// grow up to some thousand lines of code, then stay flat), for the input
// and for twice as much. Jungle, which is
// not highlighted, allocates 100 GB on its first line.
func TestHighlightBound(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	soup := make([]byte, 2048)
	for i := range soup {
		soup[i] = "()[]{}<>\"'`\\/*#$@!%^&|;:,.?=+-_~ \n\tax1"[rng.IntN(38)]
	}
	inputs := []string{
		string(soup),
		strings.Repeat("(", 1000), strings.Repeat("{[(<", 250), strings.Repeat("\"", 1001),
		strings.Repeat("'", 1001), strings.Repeat("`", 1001), strings.Repeat("\\", 1000),
		strings.Repeat("#", 1000), strings.Repeat("/*", 500), strings.Repeat("<!--", 250),
		strings.Repeat("${", 500), strings.Repeat("'''", 350), strings.Repeat("<a ", 350),
		strings.Repeat("x = 1 <a> \"s\" // c\n", 50), strings.Repeat("a\n", 500),
		strings.Repeat(" ", 1000), "<<EOF\n" + strings.Repeat("x\n", 250), strings.Repeat("\"\\", 500),
	}
	allocs := func(lexer chroma.Lexer, code string) uint64 {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		tokenise(t, lexer, code)
		runtime.ReadMemStats(&after)
		return after.TotalAlloc - before.TotalAlloc
	}
	h := compiled
	for i, name := range Languages() {
		lexer := h.Lexer(name)
		if lexer == nil || lexer.Config().Name != name {
			t.Errorf("%q is not a chroma lexer", name)
			continue
		}
		tokenise(t, lexer, "x") // compiles the lexer, once a Highlighter
		for j, in := range inputs {
			codes := []string{in, in + in}
			if testing.Short() {
				// Each lexer on one input, the next input for the next
				// lexer, so that every input meets two or three lexers:
				// the full run tries every pair, and twice the size.
				if (i+j)%len(inputs) != 0 {
					continue
				}
				codes = codes[:1]
			}
			for _, code := range codes {
				if n, limit := allocs(lexer, code), 64<<10+8<<10*uint64(len(code)); n > limit {
					t.Errorf("%s allocated %d bytes for %.20q… (%d bytes); the bound is %d", name, n, code, len(code), limit)
				}
			}
		}
	}
}

func tokenise(t *testing.T, lexer chroma.Lexer, code string) {
	it, err := chroma.Coalesce(lexer).Tokenise(nil, code)
	if err != nil {
		t.Fatal(err)
	}
	for tok := it(); tok != chroma.EOF; tok = it() {
	}
}

// TestHighlightRoutes runs every highlighted lexer on code that asks a
// lexer that hands code on to pick Jungle (which allocates without bound
// on its second line): an HTTP body by its Content-Type, a markdown
// fence by its info string, a script and a style element by their type.
// No highlighted lexer may reach it: each stays within TestHighlightBound's
// allocation bound. HTTP and markdown did reach it, and are not
// highlighted.
func TestHighlightRoutes(t *testing.T) {
	jungle := "import Toybox;\nclass A {\n"
	inputs := []string{
		"POST / HTTP/1.1\nContent-Type: text/x-jungle\n\n" + jungle,
		"HTTP/1.1 200 OK\nContent-Type: text/x-jungle; charset=utf-8\n\n" + jungle,
		"# x\n\n```jungle\n" + jungle + "```\n",
		"<script type=\"text/x-jungle\">\n" + jungle + "</script>\n",
		"<style type=\"text/x-jungle\">\n" + jungle + "</style>\n",
	}
	h := compiled
	for _, name := range append(Languages(), "HTTP", "markdown") {
		lexer := h.Lexer(name)
		if lexer == nil {
			continue // shown plain
		}
		tokenise(t, lexer, "x") // compiles the lexer, once a Highlighter
		for _, code := range inputs {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			// Token by token, not coalesced: a run of one type that never
			// ends would hold a coalescing iterator for ever.
			it, err := lexer.Tokenise(nil, code)
			if err != nil {
				t.Fatal(err)
			}
			limit := 64<<10 + 8<<10*uint64(len(code))
			for tok := it(); tok != chroma.EOF; tok = it() {
				runtime.ReadMemStats(&after)
				if n := after.TotalAlloc - before.TotalAlloc; n > limit {
					t.Errorf("%s allocated over %d bytes for %.40q…: it handed the code on to another lexer", name, limit, code)
					break
				}
			}
		}
	}
}

// TestRegistry checks the lexers that colour code: exactly the
// languages of Languages, each found by its name; a lexer that hands code
// on by name (HTML its scripts and styles, Docker its commands) finds
// another of them, as chroma would panic at a name it does not know; and
// a language looked up by alias or file extension finds its lexer, and
// one that is not highlighted finds none.
func TestRegistry(t *testing.T) {
	h := New()
	var names []string
	for _, l := range h.lexers().Lexers {
		names = append(names, l.Config().Name)
	}
	slices.Sort(names)
	want := slices.Sorted(slices.Values(Languages()))
	if !slices.Equal(names, want) {
		t.Errorf("the registry has\n%q\nLanguages says\n%q", names, want)
	}
	using := regexp.MustCompile(`<using lexer="([^"]+)"`)
	paths, _ := fs.Glob(lexerFiles, "lexers/*.xml")
	for _, p := range paths {
		b, _ := lexerFiles.ReadFile(p)
		for _, m := range using.FindAllSubmatch(b, -1) {
			if h.Lexer(string(m[1])) == nil {
				t.Errorf("%s hands code to %q, which is not in the registry", p, m[1])
			}
		}
	}
	for _, tc := range []struct{ lang, want string }{
		{"go", "Go"}, {"golang", "Go"}, {"py", "Python"}, {"python3", "Python"},
		{"js", "JavaScript"}, {"ts", "TypeScript"}, {"sh", "Bash"}, {"shell", "Bash"},
		{"console", "Bash Session"}, {"yml", "YAML"}, {"Dockerfile", "Docker"},
		{"c++", "C++"}, {"cs", "C#"}, {"html", "HTML"}, {"ps1", "PowerShell"},
		{"proto", "Protocol Buffer"}, {"text", "plaintext"}, {"JSON", "JSON"},
		{"http", ""}, {"markdown", ""}, {"md", ""}, {"jungle", ""}, {"go-text-template", ""},
		{"Go Text Template", ""}, {"", ""},
	} {
		got := ""
		if l := h.Lexer(tc.lang); l != nil {
			got = l.Config().Name
		}
		if got != tc.want {
			t.Errorf("Lexer(%q) is %q, want %q", tc.lang, got, tc.want)
		}
	}
}

// TestGoRawString colours a Go raw string's template actions with Go's
// template lexer, as chroma's Go lexer does: the one lexer here written
// in Go, not XML.
func TestGoRawString(t *testing.T) {
	h := New()
	var b strings.Builder
	ok, err := h.Format(&b, h.Lexer("go"), "var s = `{{.Name}}`\n")
	if !ok || err != nil {
		t.Fatalf("Format: %v, %v", ok, err)
	}
	const want = "<span class=\"s\">`</span><span class=\"cp\">{{</span><span class=\"na\">.Name</span><span class=\"cp\">}}</span><span class=\"s\">`</span>"
	if !strings.Contains(b.String(), want) {
		t.Errorf("got %s\nwant it to contain %s", b.String(), want)
	}
}
