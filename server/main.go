// Command server runs careergraph: the GraphQL API (GraphiQL at /, GraphQL at /query) over the
// embedded store, or over Neo4j when NEO4J_URI is set; and imports datasets into Neo4j.
//
//	go run ./server                                  serve the embedded seed on :8080
//	go run ./server --dataset rome=DIR               also load ROME into the embedded store
//	NEO4J_URI=bolt://127.0.0.1:7687 go run ./server  serve Neo4j
//	go run ./server import seed                      load the seed into Neo4j
//	go run ./server import rome --dir DIR            load ROME (or esco, onet) into Neo4j
package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/careergraph/careergraph/career"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Getenv); err != nil {
		fmt.Fprintln(os.Stderr, "careergraph:", err)
		os.Exit(1)
	}
}

// run dispatches to a subcommand: serve (the default) or import.
func run(ctx context.Context, args []string, getenv func(string) string) error {
	if len(args) > 0 && args[0] == "import" {
		return runImport(ctx, args[1:], getenv)
	}
	if len(args) > 0 && args[0] == "serve" {
		args = args[1:]
	}
	c, err := parseConfig(args, getenv)
	if err != nil {
		return err
	}
	logger := newLogger(c)
	slog.SetDefault(logger)
	return serve(ctx, c, logger, nil)
}

// serve opens the store, listens and serves until ctx ends, then shuts down gracefully. When
// ready is not nil it receives the listening address.
func serve(ctx context.Context, c *Config, logger *slog.Logger, ready chan<- string) error {
	start := time.Now()
	logger.Info("starting careergraph", "config", c)
	store, closeStore, err := openStore(ctx, c, logger)
	if err != nil {
		return err
	}
	defer closeStore()

	srv := &http.Server{
		Handler:           newHTTPHandler(c, store, logger),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		WriteTimeout:      c.RequestTimeout + 5*time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
	ln, err := net.Listen("tcp", c.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", c.Addr, err)
	}
	logger.Info("listening", "addr", ln.Addr().String(), "graphiql", "http://"+displayAddr(ln.Addr()), "startup", time.Since(start).Round(time.Millisecond))
	if ready != nil {
		ready <- ln.Addr().String()
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	logger.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("shutdown: %w", err)
	}
	return nil
}

// displayAddr turns a listening address into one a browser can open.
func displayAddr(a net.Addr) string {
	tcp, ok := a.(*net.TCPAddr)
	if !ok || tcp.IP.IsUnspecified() {
		if ok {
			return fmt.Sprintf("localhost:%d", tcp.Port)
		}
	}
	return a.String()
}

// openStore returns the store the configuration selects and a function that closes it.
func openStore(ctx context.Context, c *Config, logger *slog.Logger) (career.Store, func(), error) {
	if c.Neo4j.URI != "" {
		return openNeo4j(ctx, c.Neo4j, logger)
	}
	store, err := openMemory(ctx, c.Datasets, logger)
	return store, func() {}, err
}
