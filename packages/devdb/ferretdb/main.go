// Command ferretdb-standin runs an embedded FerretDB server with the SQLite
// backend as a local stand-in for MongoDB during development and tests.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintf(os.Stderr, "devdb: %v\n", err)
		os.Exit(1)
	}
}

func run() error {
	port := flag.Int("port", 27117, "TCP port to listen on (127.0.0.1 only)")
	dir := flag.String("dir", "", "directory for SQLite database files (created if missing)")
	logLevel := flag.String("log-level", "error", "log level: debug, info, warn, error")
	watchStdin := flag.Bool("watch-stdin", true, "exit when stdin reaches EOF")
	flag.Parse()

	if *dir == "" {
		return errors.New("--dir is required")
	}
	if *port <= 0 || *port > 65535 {
		return fmt.Errorf("invalid --port %d", *port)
	}

	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		return fmt.Errorf("invalid --log-level %q: %w", *logLevel, err)
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	abs, err := filepath.Abs(*dir)
	if err != nil {
		return err
	}
	if err = os.MkdirAll(abs, 0o755); err != nil {
		return err
	}
	// The SQLite backend wants a file: URI naming an existing directory with a trailing slash.
	sqliteURL := (&url.URL{Scheme: "file", Path: strings.TrimSuffix(filepath.ToSlash(abs), "/") + "/"}).String()

	addr := fmt.Sprintf("127.0.0.1:%d", *port)

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	if *watchStdin {
		var cancel context.CancelFunc
		ctx, cancel = context.WithCancel(ctx)
		defer cancel()
		go func() {
			_, _ = io.Copy(io.Discard, os.Stdin)
			cancel()
		}()
	}

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: addr},
		Logger:    logger,
		Handler:   "sqlite",
		SQLiteURL: sqliteURL,
	})
	if err != nil {
		return err
	}

	// New has already bound the listening socket, so clients can connect now.
	fmt.Printf("devdb ready on %s\n", addr)

	return f.Run(ctx)
}
