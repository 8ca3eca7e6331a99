package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"gazette/internal/scaffold"
)

func newCmd(args []string, stdout, stderr io.Writer) error {
	o, rest, err := parseArgs("new", args, stderr)
	if err != nil {
		return err
	}
	if len(rest) == 0 {
		fmt.Fprint(stderr, "gazette new: say what to create, as in: gazette new report \"Title\"\n")
		return errUsage
	}
	if len(rest) > 2 {
		fmt.Fprintf(stderr, "gazette new: unexpected argument %q; put a title of several words in quotes\n", rest[2])
		return errUsage
	}
	req := scaffold.Request{Kind: rest[0], Slug: o.slug, Date: time.Now()}
	if len(rest) == 2 {
		req.Title = rest[1]
	}
	if o.date != "" {
		d, err := time.Parse("2006-01-02", o.date)
		if err != nil {
			fmt.Fprintf(stderr, "gazette new: --date %q: use YYYY-MM-DD\n", o.date)
			return errUsage
		}
		req.Date = d
	}
	path, err := scaffold.Create(filepath.Join(o.Dir, "content"), req)
	var usage *scaffold.UsageError
	switch {
	case errors.As(err, &usage):
		fmt.Fprintf(stderr, "gazette new: %s\n", usage.Msg)
		return errUsage
	case errors.Is(err, scaffold.ErrExists):
		fmt.Fprintf(stderr, "gazette new: %v\n", err)
		return errFailed
	case err != nil:
		return err
	}
	fmt.Fprintln(stdout, path)
	return nil
}

// fileExists reports whether name is a regular file.
func fileExists(name string) bool {
	info, err := os.Stat(name)
	return err == nil && info.Mode().IsRegular()
}
