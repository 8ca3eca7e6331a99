package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"syscall"

	"gazette/internal/serve"
)

func serveCmd(args []string, stdout, stderr io.Writer) error {
	o, err := parse("serve", args, stderr)
	if err != nil {
		return err
	}
	if !dirExists(o.Dir + "/content") {
		return fmt.Errorf("no content folder in %s: run gazette in a project folder, or pass -C DIR", absOr(o.Dir))
	}
	if err := serve.CheckAddr(o.addr, o.expose); err != nil {
		fmt.Fprintf(stderr, "gazette serve: %v\n", err)
		return errUsage
	}
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return fmt.Errorf("cannot listen on %s: %w; is gazette serve already running? pass --addr 127.0.0.1:0 for any free port", o.addr, err)
	}
	if err := serve.CheckListener(ln, o.expose); err != nil {
		ln.Close()
		fmt.Fprintf(stderr, "gazette serve: %v\n", err)
		return errUsage
	}
	// Ctrl-C, or a service manager's SIGTERM, shuts the server down cleanly:
	// open connections are closed and gazette exits 0.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serve.Run(ctx, ln, serve.Options{Dir: o.Dir, Build: o.Options, Log: stderr, Expose: o.expose})
}
