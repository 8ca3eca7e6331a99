package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestREADME runs the commands of README.md's ```sh blocks, so that the
// README cannot drift from the program: a command that fails as written,
// or whose output differs from the example, fails the test at its README
// line. Each block runs in a fresh copy of the repository's content/ and
// themes/, made when its first command runs (a block whose commands are
// all skipped needs none); `go run ./cmd/gazette` is this test binary's
// run, in process.
//
// A block with lines starting "$ " is a transcript: the lines after a
// command are its output (stdout and stderr, as a terminal shows them), a
// line "..." stands for any number of lines, "…" for any text within a
// line, and dates (YYYY-MM-DD) match
// any date, since `new report` names files after today. In other blocks
// every line is a command and only its exit status is checked.
//
// Every command must match one of readmeRules, which say how it is run or
// checked, or why it is skipped: a command no rule knows fails the test.
func TestREADME(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	blocks := shBlocks(readme)
	if len(blocks) < 5 {
		t.Fatalf("found %d sh blocks in README.md; the parser is out of step with it", len(blocks))
	}
	t.Setenv("CI", "true") // no progress line
	for _, b := range blocks {
		t.Run(fmt.Sprintf("README.md:%d", b.line), func(t *testing.T) {
			dir := t.TempDir()
			t.Chdir(dir)
			env := &readmeEnv{root: root, dir: dir}
			for _, c := range b.commands {
				runREADMECommand(t, env, c)
			}
		})
	}
}

// readmeEnv is where a block's commands run: dir, a copy of the content of
// the repository at root once copied is set.
type readmeEnv struct {
	root, dir string
	copied    bool
}

// copy copies the repository's content/ and themes/ into the block's
// folder, once.
func (e *readmeEnv) copy(t *testing.T) {
	if e.copied {
		return
	}
	e.copied = true
	for _, sub := range []string{"content", "themes"} {
		if err := os.CopyFS(filepath.Join(e.dir, sub), os.DirFS(filepath.Join(e.root, sub))); err != nil {
			t.Fatal(err)
		}
	}
}

// readmeRule says what the test does with the README commands that match
// it: run them (run is set), or skip them, always (skip) or with -short
// (short), for the reason given.
type readmeRule struct {
	match *regexp.Regexp
	skip  string
	short string
	run   func(t *testing.T, env *readmeEnv, args []string) (output string, ok bool)
}

// readmeRules is the skip list, and the way each other kind of command is
// run or checked.
func readmeRules() []readmeRule {
	return []readmeRule{
		{match: regexp.MustCompile(`^go run \./cmd/gazette serve\b`),
			skip: "serve runs until Ctrl-C; testdata/script/serve.txtar runs it on a free port and fetches its pages"},
		{match: regexp.MustCompile(`^go run \./cmd/gazette build$`),
			short: "builds the repository's whole site, as internal/build's TestRepositorySite does", run: runGazette},
		{match: regexp.MustCompile(`^go run \./cmd/gazette `), run: runGazette},
		{match: regexp.MustCompile(`^(mkdir -p|cp) themes/`), run: runInBlock},
		{match: regexp.MustCompile(`^go test \./\.\.\.$`),
			skip: "the whole test suite, of which this test is part"},
		{match: regexp.MustCompile(`^go test \./internal/\w+ +-run XXX -fuzz `), run: checkFuzz},
		{match: regexp.MustCompile(`^go run \./internal/tools/synth `),
			short: "writes a 10,000-report site (74 MB)", run: runSynth},
		{match: regexp.MustCompile(`^GAZETTE_LATENCY_SITE=\S+ go test \./internal/serve -run Latency -v$`),
			skip: "a measurement: builds a 10,000-report site six times, about a minute and a half"},
		{match: regexp.MustCompile(`\bbench/compare\.sh \d+$`),
			skip: "a benchmark: builds a synthetic site of 10,000 or 100,000 reports with gazette, the goldmark floor and, when it is installed, Hugo (minutes)"},
	}
}

func runREADMECommand(t *testing.T, env *readmeEnv, c readmeCommand) {
	rules := readmeRules()
	i := slices.IndexFunc(rules, func(r readmeRule) bool { return r.match.MatchString(c.text) })
	if i < 0 {
		t.Errorf("README.md:%d: no rule for %q: add one to readmeRules that runs, checks or skips it", c.line, c.text)
		return
	}
	r := rules[i]
	switch {
	case r.skip != "":
		t.Logf("README.md:%d: skipped %q: %s", c.line, c.text, r.skip)
		return
	case r.short != "" && testing.Short():
		t.Logf("README.md:%d: skipped with -short %q: %s", c.line, c.text, r.short)
		return
	}
	args, err := shellWords(c.text)
	if err != nil {
		t.Errorf("README.md:%d: %v", c.line, err)
		return
	}
	env.copy(t)
	out, ok := r.run(t, env, args)
	if !ok {
		t.Errorf("README.md:%d: %s failed:\n%s", c.line, c.text, out)
		return
	}
	if c.output != nil && !matchLines(normalise(c.output), normalise(lines(out))) {
		t.Errorf("README.md:%d: %s printed\n%s\nbut the README shows\n%s", c.line, c.text, out, strings.Join(c.output, "\n"))
	}
}

// runGazette runs gazette's run in process, in the block's folder.
func runGazette(t *testing.T, _ *readmeEnv, args []string) (string, bool) {
	var out bytes.Buffer
	code := run(args[3:], &out, &out) // after "go run ./cmd/gazette"
	return out.String(), code == 0
}

// runInBlock runs a command that makes or copies theme files, such as
// the README's copy of a partial, in the block's folder.
func runInBlock(t *testing.T, env *readmeEnv, args []string) (string, bool) {
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Dir = env.dir
	out, err := cmd.CombinedOutput()
	return string(out), err == nil
}

// runSynth runs the synth tool as written, from the repository, with a
// folder under /tmp moved into the test's own temporary folder.
func runSynth(t *testing.T, env *readmeEnv, args []string) (string, bool) {
	for i, a := range args {
		if rest, ok := strings.CutPrefix(a, "/tmp/"); ok {
			args[i] = filepath.Join(env.dir, "tmp", rest)
		}
	}
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Dir = env.root
	out, err := cmd.CombinedOutput()
	return string(out), err == nil
}

// checkFuzz checks a `go test -fuzz` command without fuzzing: the package
// exists, and the -fuzz pattern matches exactly one of its fuzz targets,
// which go test requires. Targets named in the comment ("also FuzzX")
// must exist too.
func checkFuzz(t *testing.T, env *readmeEnv, args []string) (string, bool) {
	pkg := filepath.Join(env.root, args[2])
	targets, err := fuzzTargets(pkg)
	if err != nil || len(targets) == 0 {
		return fmt.Sprintf("no fuzz targets in %s: %v", args[2], err), false
	}
	i := slices.Index(args, "-fuzz")
	if i < 0 || i+1 >= len(args) {
		return "no -fuzz pattern", false
	}
	re, err := regexp.Compile(args[i+1])
	if err != nil {
		return err.Error(), false
	}
	var matched []string
	for _, name := range targets {
		if re.MatchString(name) {
			matched = append(matched, name)
		}
	}
	if len(matched) != 1 {
		return fmt.Sprintf("-fuzz %s matches %d fuzz targets of %s %v; go test fuzzes exactly one", args[i+1], len(matched), args[2], matched), false
	}
	return "", true
}

// fuzzTargets lists the fuzz targets declared in the test files of dir.
func fuzzTargets(dir string) ([]string, error) {
	fuzzFunc := regexp.MustCompile(`(?m)^func (Fuzz\w*)\(`)
	files, err := filepath.Glob(filepath.Join(dir, "*_test.go"))
	if err != nil {
		return nil, err
	}
	var names []string
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		for _, m := range fuzzFunc.FindAllSubmatch(src, -1) {
			names = append(names, string(m[1]))
		}
	}
	return names, nil
}

// TestREADMEFuzzComments checks the fuzz targets the README names in
// comments ("# also FuzzValidID, FuzzParseDate") against the packages.
func TestREADMEFuzzComments(t *testing.T) {
	root, _ := filepath.Abs("../..")
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	also := regexp.MustCompile(`^go test (\./internal/\w+) .*# also (.*)$`)
	n := 0
	for _, b := range shBlocks(readme) {
		for _, c := range b.commands {
			m := also.FindStringSubmatch(c.raw)
			if m == nil {
				continue
			}
			targets, err := fuzzTargets(filepath.Join(root, m[1]))
			if err != nil {
				t.Fatal(err)
			}
			for _, name := range strings.Split(m[2], ",") {
				n++
				if name = strings.TrimSpace(name); !slices.Contains(targets, name) {
					t.Errorf("README.md:%d: %s has no fuzz target %s (it has %v)", c.line, m[1], name, targets)
				}
			}
		}
	}
	if n == 0 {
		t.Error(`README.md names no fuzz targets in "# also" comments; the test is out of step with it`)
	}
}

// readmeBlock is a ```sh block of the README and the line it starts on.
type readmeBlock struct {
	line     int
	commands []readmeCommand
}

// readmeCommand is one command of a block: as written (raw), without its
// comment (text), and in a transcript its output lines (nil elsewhere).
type readmeCommand struct {
	line      int
	raw, text string
	output    []string
}

// shBlocks returns the README's ```sh blocks.
func shBlocks(readme []byte) []readmeBlock {
	var blocks []readmeBlock
	var cur *readmeBlock
	var body []string
	sc := bufio.NewScanner(bytes.NewReader(readme))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case cur == nil && line == "```sh":
			cur, body = &readmeBlock{line: n}, nil
		case cur != nil && line == "```":
			cur.commands = parseBlock(cur.line+1, body)
			blocks = append(blocks, *cur)
			cur = nil
		case cur != nil:
			body = append(body, line)
		}
	}
	return blocks
}

// parseBlock splits a block's lines, the first of which is README line
// first, into commands.
func parseBlock(first int, body []string) []readmeCommand {
	transcript := slices.ContainsFunc(body, func(l string) bool { return strings.HasPrefix(l, "$ ") })
	var cmds []readmeCommand
	for i, l := range body {
		switch {
		case transcript && strings.HasPrefix(l, "$ "):
			raw := strings.TrimPrefix(l, "$ ")
			cmds = append(cmds, readmeCommand{line: first + i, raw: raw, text: stripComment(raw), output: []string{}})
		case transcript && len(cmds) > 0:
			cmds[len(cmds)-1].output = append(cmds[len(cmds)-1].output, l)
		case !transcript && strings.TrimSpace(l) != "" && !strings.HasPrefix(strings.TrimSpace(l), "#"):
			cmds = append(cmds, readmeCommand{line: first + i, raw: l, text: stripComment(l)})
		}
	}
	return cmds
}

// stripComment removes a shell comment (a # after a space, outside quotes)
// and the spaces before it.
func stripComment(s string) string {
	var quote rune
	for i, r := range s {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			}
		case r == '\'' || r == '"':
			quote = r
		case r == '#' && i > 0 && s[i-1] == ' ':
			return strings.TrimRight(s[:i], " ")
		}
	}
	return strings.TrimRight(s, " ")
}

// shellWords splits a command as sh would, for the quoting the README
// uses: words separated by spaces, '…' and "…" quoted without escapes.
func shellWords(s string) ([]string, error) {
	var words []string
	var w strings.Builder
	inWord := false
	var quote rune
	for _, r := range s {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			w.WriteRune(r)
		case r == '\'' || r == '"':
			quote, inWord = r, true
		case r == ' ' || r == '\t':
			if inWord {
				words = append(words, w.String())
				w.Reset()
				inWord = false
			}
		case r == '\\' || r == '$' || r == '`':
			return nil, fmt.Errorf("%q: the test does not expand %q; give the command a rule that skips it", s, r)
		default:
			w.WriteRune(r)
			inWord = true
		}
	}
	if quote != 0 {
		return nil, fmt.Errorf("%q: unclosed quote", s)
	}
	if inWord {
		words = append(words, w.String())
	}
	return words, nil
}

// lines splits output into lines, without the final newline's empty one.
func lines(s string) []string {
	if s == "" {
		return []string{}
	}
	return strings.Split(strings.TrimSuffix(s, "\n"), "\n")
}

// normalise makes every date YYYY-MM-DD.
func normalise(ls []string) []string {
	dateRE := regexp.MustCompile(`\b\d{4}-\d{2}-\d{2}\b`)
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = dateRE.ReplaceAllString(l, "YYYY-MM-DD")
	}
	return out
}

// matchLines reports whether got matches want, where a line "..." in want
// matches any number of lines.
func matchLines(want, got []string) bool {
	if len(want) == 0 {
		return len(got) == 0
	}
	if want[0] == "..." {
		for i := 0; i <= len(got); i++ {
			if matchLines(want[1:], got[i:]) {
				return true
			}
		}
		return false
	}
	return len(got) > 0 && matchLine(want[0], got[0]) && matchLines(want[1:], got[1:])
}

// matchLine reports whether a line of output matches the README's, in
// which "…" stands for any text within the line (a line number, a count
// that changes whenever the content does).
func matchLine(want, got string) bool {
	if !strings.Contains(want, "…") {
		return want == got
	}
	parts := strings.Split(want, "…")
	for i, p := range parts {
		parts[i] = regexp.QuoteMeta(p)
	}
	return regexp.MustCompile("^" + strings.Join(parts, ".*") + "$").MatchString(got)
}

// TestREADMEParsing pins the parser on the forms the README uses.
func TestREADMEParsing(t *testing.T) {
	words, err := shellWords(`go test ./internal/render  -run XXX -fuzz '^FuzzSite$' -fuzztime 60s`)
	if want := []string{"go", "test", "./internal/render", "-run", "XXX", "-fuzz", "^FuzzSite$", "-fuzztime", "60s"}; err != nil || !slices.Equal(words, want) {
		t.Errorf("shellWords = %q, %v; want %q", words, err, want)
	}
	words, err = shellWords(`go run ./cmd/gazette new city "Tikrit"`)
	if want := []string{"go", "run", "./cmd/gazette", "new", "city", "Tikrit"}; err != nil || !slices.Equal(words, want) {
		t.Errorf("shellWords = %q, %v; want %q", words, err, want)
	}
	if _, err := shellWords(`PATH=$PATH:x bench/compare.sh 10`); err == nil {
		t.Error("shellWords expanded $PATH")
	}
	if got, want := stripComment(`go run ./cmd/gazette new city "A # B"     # also: new actor`), `go run ./cmd/gazette new city "A # B"`; got != want {
		t.Errorf("stripComment = %q, want %q", got, want)
	}
	blocks := shBlocks([]byte("text\n```sh\n$ a x\none\n...\n$ b\n```\n```sh\nc # note\n\n# only a comment\nd\n```\n```\nnot sh\n```\n"))
	got := fmt.Sprintf("%+v", blocks)
	want := `[{line:2 commands:[{line:3 raw:a x text:a x output:[one ...]} {line:6 raw:b text:b output:[]}]} {line:8 commands:[{line:9 raw:c # note text:c output:[]} {line:12 raw:d text:d output:[]}]}]`
	if got != want {
		t.Errorf("shBlocks:\n got %s\nwant %s", got, want)
	}
	for _, c := range []struct {
		want, got []string
		ok        bool
	}{
		{[]string{"a", "...", "z"}, []string{"a", "b", "c", "z"}, true},
		{[]string{"a", "...", "z"}, []string{"a", "z"}, true},
		{[]string{"a", "...", "z"}, []string{"a", "b"}, false},
		{[]string{"f:…: x", "… in … files"}, []string{"f:10:7: x", "14 in 9 files"}, true},
		{[]string{"f:…: x"}, []string{"g:10:7: x"}, false},
		{[]string{}, []string{"a"}, false},
		{[]string{"a"}, []string{"a", "b"}, false},
	} {
		if matchLines(c.want, c.got) != c.ok {
			t.Errorf("matchLines(%q, %q) = %v", c.want, c.got, !c.ok)
		}
	}
}
