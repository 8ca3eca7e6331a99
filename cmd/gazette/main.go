// Command gazette builds a cross-linked static site from annotated report
// Markdown. It only parses flags and calls package build; see the README
// for the content format.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"gazette"
	"gazette/internal/build"
	"gazette/internal/diag"
)

const usage = `gazette turns annotated report Markdown into a cross-linked static site.

Usage:
  gazette build [-C dir] [--out public] [--base-url URL] [--drafts]
  gazette check [-C dir] [--format text|github|json] [--strict] [--drafts]
  gazette version
  gazette help

Run "gazette help <command>" for a command's flags.
`

func main() {
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
	case "version", "--version", "-version":
		fmt.Fprintln(stdout, "gazette", version())
	case "help", "-h", "-help", "--help":
		if len(rest) > 0 && (rest[0] == "build" || rest[0] == "check") {
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

type options struct {
	build.Options
	format string
	strict bool
}

func flags(cmd string, stderr io.Writer) (*flag.FlagSet, *options) {
	o := &options{}
	fs := flag.NewFlagSet(cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.Dir, "C", ".", "the project `dir`, holding content/")
	fs.BoolVar(&o.Drafts, "drafts", false, "include reports marked draft")
	switch cmd {
	case "build":
		fs.StringVar(&o.Out, "out", "", "the output `folder` (default: public/ in the project dir)")
		fs.StringVar(&o.BaseURL, "base-url", "", "the site's absolute `URL`, overriding site.yaml")
	case "check":
		fs.StringVar(&o.format, "format", "text", "diagnostics `format`: text, github or json")
		fs.BoolVar(&o.strict, "strict", false, "fail on warnings too")
	}
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: gazette %s [flags]\n\nFlags:\n", cmd)
		fs.PrintDefaults()
	}
	return fs, o
}

func parse(cmd string, args []string, stderr io.Writer) (*options, error) {
	fs, o := flags(cmd, stderr)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, errUsage
		}
		return nil, errUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "gazette %s: unexpected argument %q\n", cmd, fs.Arg(0))
		return nil, errUsage
	}
	o.Theme = gazette.DefaultTheme()
	return o, nil
}

func buildCmd(args []string, stdout, stderr io.Writer) error {
	o, err := parse("build", args, stderr)
	if err != nil {
		return err
	}
	if o.BaseURL != "" && !strings.HasPrefix(o.BaseURL, "http://") && !strings.HasPrefix(o.BaseURL, "https://") {
		fmt.Fprintf(stderr, "gazette build: --base-url must start with http:// or https://\n")
		return errUsage
	}
	res, err := build.Run(o.Options)
	diag.Write(stderr, res.Diagnostics, diag.Text, "")
	if err != nil {
		return err
	}
	if res.Errors > 0 {
		fmt.Fprintf(stderr, "build failed: %s, %s; %s left as it was\n", count(res.Errors, "error"), count(res.Warnings, "warning"), res.Out)
		return errFailed
	}
	fmt.Fprintf(stdout, "built %s, %s: %s, %s in %s (%s, %s)\n",
		count(res.Reports, "report"), count(res.Entities, "entity"),
		count(res.Pages, "page"), count(res.Files, "file"), res.Out, count(res.Warnings, "warning"), round(res.Duration))
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
	o.Check = true
	res, err := build.Run(o.Options)
	if err != nil {
		return err
	}
	diag.Write(stdout, res.Diagnostics, format, contentRoot(o.Dir))
	if format == diag.Text {
		fmt.Fprintf(stderr, "checked %s, %s: %s, %s (%s)\n",
			count(res.Reports, "report"), count(res.Entities, "entity"),
			count(res.Errors, "error"), count(res.Warnings, "warning"), round(res.Duration))
	}
	if res.Errors > 0 || (o.strict && res.Warnings > 0) {
		return errFailed
	}
	return nil
}

// contentRoot is the content folder as GitHub annotations need it: relative
// to the repository, which is where CI runs.
func contentRoot(dir string) string {
	if dir == "" || dir == "." {
		return "content"
	}
	return strings.TrimSuffix(dir, "/") + "/content"
}

func count(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	if strings.HasSuffix(what, "y") {
		return fmt.Sprintf("%d %sies", n, what[:len(what)-1])
	}
	return fmt.Sprintf("%d %ss", n, what)
}

func round(d time.Duration) time.Duration {
	if d > time.Second {
		return d.Round(10 * time.Millisecond)
	}
	return d.Round(time.Millisecond)
}

func version() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "devel"
}
