// Command gazette builds a cross-linked static site from annotated report
// Markdown. It only parses flags and calls one package per command: build
// (build, and check, which checks the links of the site built in memory),
// serve, scaffold (new) and suggest. See the README for the content format.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"

	"gazette"
	"gazette/internal/build"
	"gazette/internal/decode"
	"gazette/internal/diag"
	"gazette/internal/english"
	"gazette/internal/theme"
)

const usage = `gazette turns annotated report Markdown into a cross-linked static site.

Usage:
  gazette build [-C dir] [--out public] [--base-url URL] [--drafts]
  gazette check [-C dir] [--format text|github|json] [--strict] [--drafts]
  gazette serve [-C dir] [--addr 127.0.0.1:1313] [--expose] [--drafts]
  gazette new report|page|city|actor [-C dir] [--slug slug] [--date YYYY-MM-DD] "Title"
  gazette suggest [-C dir] [--fix] [file.md ...]
  gazette version
  gazette help [command | markdown]

Run "gazette help <command>" for a command's flags, "gazette help markdown"
for the Markdown that gazette reads and what it changes.
`

func main() {
	// A build keeps the whole site's index in memory while it writes the
	// pages; collecting a little more often than Go's default costs about
	// a tenth more CPU and saves a fifth of the peak memory, which is what
	// decides whether a 100,000-report archive builds on a small CI
	// machine. GOGC, when set, wins.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(75)
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// errUsage marks a mistake in how gazette was called: exit status 2.
var errUsage = errors.New("usage")

// run is main without the exit, for tests: it returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	var err error
	switch cmd, rest := args[0], args[1:]; cmd {
	case "build":
		err = buildCmd(rest, stdout, stderr)
	case "check":
		err = checkCmd(rest, stdout, stderr)
	case "serve":
		err = serveCmd(rest, stdout, stderr)
	case "new":
		err = newCmd(rest, stdout, stderr)
	case "suggest":
		err = suggestCmd(rest, stdout, stderr)
	case "version", "--version", "-version":
		fmt.Fprintln(stdout, "gazette", version())
	case "help", "-h", "-help", "--help":
		if len(rest) > 0 && rest[0] == "markdown" {
			fmt.Fprint(stdout, gazette.MarkdownDialect())
			return 0
		}
		if len(rest) > 0 && slices.Contains(commands, rest[0]) {
			fs, _ := flags(rest[0], stderr)
			fs.SetOutput(stdout)
			fs.Usage()
			return 0
		}
		fmt.Fprint(stdout, usage)
	default:
		fmt.Fprintf(stderr, "gazette: unknown command %q\n\n%s", cmd, usage)
		return 2
	}
	switch {
	case err == nil:
		return 0
	case errors.Is(err, errUsage):
		return 2
	case errors.Is(err, errFailed):
		return 1
	}
	fmt.Fprintln(stderr, "gazette:", err)
	return 1
}

// errFailed means the content had errors, already printed.
var errFailed = errors.New("failed")

// commands are the commands that take flags.
var commands = []string{"build", "check", "serve", "new", "suggest"}

type options struct {
	build.Options
	Dir     string // -C: the project folder
	Out     string // build --out
	cache   string // build --cache
	nocache bool   // build --no-cache
	format  string // check
	strict  bool   // check
	addr    string // serve
	expose  bool   // serve
	slug    string // new
	date    string // new
	fix     bool   // suggest
}

func flags(cmd string, stderr io.Writer) (*flag.FlagSet, *options) {
	o := &options{}
	fs := flag.NewFlagSet(cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.Dir, "C", ".", "the project `dir`, holding content/")
	if cmd != "new" && cmd != "suggest" {
		fs.BoolVar(&o.Drafts, "drafts", false, "include reports marked draft")
	}
	args := "[flags]"
	switch cmd {
	case "build":
		fs.StringVar(&o.Out, "out", "", "the output `folder` (default: public/ in the project dir)")
		fs.StringVar(&o.BaseURL, "base-url", "", "the site's absolute `URL`, overriding site.yaml")
		fs.StringVar(&o.cache, "cache", "", "the build cache `folder` (default: .gazette-cache/<output folder's name> beside the output folder)")
		fs.BoolVar(&o.nocache, "no-cache", false, "build everything, without reading or writing the build cache")
	case "check":
		fs.StringVar(&o.format, "format", "text", "diagnostics `format`: text, github or json")
		fs.BoolVar(&o.strict, "strict", false, "fail on warnings too")
	case "serve":
		fs.StringVar(&o.addr, "addr", "127.0.0.1:1313", "the `address` to listen on; port 0 picks a free port")
		fs.BoolVar(&o.expose, "expose", false, "allow an --addr beyond this machine (0.0.0.0, :PORT, [::], a LAN address): anyone who can reach it can read the site")
	case "new":
		args = `report|page|<kind> [flags] "Title"`
		fs.StringVar(&o.slug, "slug", "", "the file name without .md (default: from the title; for a report, the date and the title)")
		fs.StringVar(&o.date, "date", "", "a report's date, `YYYY-MM-DD` (default: today)")
	case "suggest":
		args = "[flags] [file.md ...]"
		fs.BoolVar(&o.fix, "fix", false, "annotate the mentions in place")
	}
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: gazette %s %s\n\n%s\nFlags:\n", cmd, args, help[cmd])
		fs.PrintDefaults()
	}
	return fs, o
}

// help describes each command, for "gazette help <command>".
var help = map[string]string{
	"build": `Build validates content/ and writes the site to public/, replacing the
previous build only when this one succeeded. It keeps a build cache beside
the output folder, with which the next build makes only what changed; the
site is the same, byte for byte, as one built without it.
`,
	"check": `Check validates content/, renders the site in memory and checks that every
internal link and #anchor of the rendered pages resolves. It writes nothing.
Exit 1 on errors, and with --strict on warnings too.
`,
	"serve": `Serve builds the site in memory, serves it at http://ADDR/, rebuilds when
a file under content/ or themes/ changes, and reloads the browser. When a
build fails, every page shows its errors until the next good save.
It listens on this machine only (loopback) unless --expose is given, and
answers only requests for localhost, a loopback address or the address
it listens on (with --expose, also this machine's addresses and name).
`,
	"new": `New writes a content file with a valid name and a front-matter skeleton,
and prints its path. A report's file name starts with its date. It never
overwrites a file.
`,
	"suggest": `Suggest lists the mentions of known names and aliases that are not
annotated yet, as file:line:col: suggestion: [Mosul](city:mosul). With
--fix it annotates them in place. With files, only those are looked at.
`,
}

func parse(cmd string, args []string, stderr io.Writer) (*options, error) {
	o, _, err := parseArgs(cmd, args, stderr)
	return o, err
}

// parseArgs parses flags, which may come before or after the arguments,
// and returns the arguments. Only parse's commands refuse arguments.
func parseArgs(cmd string, args []string, stderr io.Writer) (*options, []string, error) {
	fs, o := flags(cmd, stderr)
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, nil, errUsage
		}
		if fs.NArg() == 0 {
			break
		}
		rest = append(rest, fs.Arg(0))
		args = fs.Args()[1:]
	}
	// Shared: gazette serve rebuilds with these options on every change,
	// and the embedded theme need not be parsed again each time.
	o.Theme = theme.Share(gazette.DefaultTheme())
	if cmd == "new" || cmd == "suggest" {
		return o, rest, nil
	}
	if len(rest) > 0 {
		fmt.Fprintf(stderr, "gazette %s: unexpected argument %q\n", cmd, rest[0])
		return nil, nil, errUsage
	}
	return o, nil, nil
}

func buildCmd(args []string, stdout, stderr io.Writer) error {
	o, err := parse("build", args, stderr)
	if err != nil {
		return err
	}
	if o.BaseURL != "" && !decode.SafeURL(o.BaseURL) {
		fmt.Fprintf(stderr, "gazette build: --base-url must be an absolute http:// or https:// URL, without spaces, control characters or <>\"`\n")
		return errUsage
	}
	if o.Project, err = build.OpenProject(o.Dir); err != nil {
		return err
	}
	o.Output = build.Folder{Path: o.Out, Project: o.Dir}
	if !o.nocache {
		o.Cache = o.cache
		if o.Cache == "" {
			out := o.Out
			if out == "" {
				out = filepath.Join(o.Dir, "public")
			}
			o.Cache = build.DefaultCache(out)
		}
	}
	pl := newProgress(stderr, true)
	o.Progress = pl.fn()
	res, err := build.Run(o.Options)
	pl.clear()
	diag.Write(stderr, res.Diagnostics, diag.Text, "")
	if err != nil {
		return err
	}
	if res.Errors > 0 {
		fmt.Fprintf(stderr, "build failed: %s, %s; %s left as it was\n", english.Count(res.Errors, "error", "errors"), english.Count(res.Warnings, "warning", "warnings"), res.Out)
		return errFailed
	}
	if res.BaseURL == "" {
		fmt.Fprintln(stderr, "note: base_url is not set in site.yaml: feeds, the sitemap and canonical links use root-relative addresses; set it, or pass --base-url, before publishing")
	}
	if res.UpToDate {
		fmt.Fprintf(stdout, "up to date: %s, %s: %s, %s in %s (%s, %s)\n",
			english.Count(res.Reports, "report", "reports"), english.Count(res.Entities, "entity", "entities"),
			english.Count(res.Pages, "page", "pages"), english.Count(res.Files, "file", "files"), res.Out, english.Count(res.Warnings, "warning", "warnings"), english.Duration(res.Duration))
		return nil
	}
	fmt.Fprintf(stdout, "built %s, %s: %s, %s in %s (%s, %s)\n",
		english.Count(res.Reports, "report", "reports"), english.Count(res.Entities, "entity", "entities"),
		english.Count(res.Pages, "page", "pages"), english.Count(res.Files, "file", "files"), res.Out, english.Count(res.Warnings, "warning", "warnings"), english.Duration(res.Duration))
	return nil
}

func checkCmd(args []string, stdout, stderr io.Writer) error {
	o, err := parse("check", args, stderr)
	if err != nil {
		return err
	}
	format := diag.Format(o.format)
	switch format {
	case diag.Text, diag.GitHub, diag.JSON:
	default:
		fmt.Fprintf(stderr, "gazette check: unknown --format %q: use text, github or json\n", o.format)
		return errUsage
	}
	if o.Project, err = build.OpenProject(o.Dir); err != nil {
		return err
	}
	o.Links = true
	pl := newProgress(stderr, format == diag.Text)
	o.Progress = pl.fn()
	res, err := build.Run(o.Options)
	pl.clear()
	if err != nil {
		return err
	}
	diag.Write(stdout, res.Diagnostics, format, o.Dir)
	if format == diag.Text {
		fmt.Fprintf(stderr, "checked %s, %s: %s, %s (%s)\n",
			english.Count(res.Reports, "report", "reports"), english.Count(res.Entities, "entity", "entities"),
			english.Count(res.Errors, "error", "errors"), english.Count(res.Warnings, "warning", "warnings"), english.Duration(res.Duration))
	}
	if res.Errors > 0 || (o.strict && res.Warnings > 0) {
		return errFailed
	}
	return nil
}

func version() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "devel"
}
