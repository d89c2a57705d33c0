// Command server runs careergraph: the GraphQL API (GraphiQL at /, GraphQL at /query) over the
// embedded store, or over Neo4j when NEO4J_URI is set; and imports datasets into Neo4j.
//
//	go run ./server                                  serve the embedded seed on :8080
//	go run ./server --dataset rome=DIR               also load ROME into the embedded store
//	NEO4J_URI=bolt://127.0.0.1:7687 go run ./server  serve Neo4j
//	go run ./server import seed                      load the seed into Neo4j
//	go run ./server import rome --dir DIR            load ROME (or esco, onet) into Neo4j
//
// It only wires: the configuration is read by package config, the routes and the HTTP server
// are package httpapi's, the datasets are read by package dataset/registry, and the Neo4j
// store's lifecycle and imports are store/neo4j's.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/config"
	"github.com/careergraph/careergraph/dataset/registry"
	"github.com/careergraph/careergraph/httpapi"
	"github.com/careergraph/careergraph/internal/gctune"
	"github.com/careergraph/careergraph/store/memory"
	neo4jstore "github.com/careergraph/careergraph/store/neo4j"
	"github.com/careergraph/careergraph/telemetry"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Getenv); err != nil {
		fmt.Fprintln(os.Stderr, "careergraph:", err)
		os.Exit(1)
	}
}

// run dispatches to a subcommand: serve (the default) or import. Serving lasts until ctx ends
// (SIGINT or SIGTERM in main), then shuts down gracefully.
func run(ctx context.Context, args []string, getenv func(string) string) error {
	if len(args) > 0 && args[0] == "import" {
		return runImport(ctx, args[1:], getenv)
	}
	if len(args) > 0 && args[0] == "serve" {
		args = args[1:]
	}
	m := NewMain()
	if err := m.ParseFlags(args, getenv); err != nil {
		return err
	}
	slog.SetDefault(m.Logger)
	if err := m.Run(ctx); err != nil {
		m.Close()
		return err
	}
	select {
	case err := <-m.HTTPServer.Done():
		m.Close()
		return err
	case <-ctx.Done():
	}
	m.Logger.Info("shutting down")
	return m.Close()
}

// Main is the running server: its configuration, its store, its HTTP server and its logger.
type Main struct {
	Config     *config.Config
	Store      career.Store
	HTTPServer *httpapi.Server
	Logger     *slog.Logger

	closeStore func()
	stopGCTune func()
	// tracing is nil when no OTLP endpoint is configured.
	tracing *telemetry.Tracing
}

// NewMain returns a Main with no configuration yet: ParseFlags reads it, or set Config and
// Logger directly.
func NewMain() *Main {
	return &Main{}
}

// ParseFlags reads the configuration from the environment (through getenv) and the flags of
// args, and makes the logger it asks for.
func (m *Main) ParseFlags(args []string, getenv func(string) string) error {
	c, err := config.Parse(args, getenv)
	if err != nil {
		return err
	}
	m.Config = c
	m.Logger = c.NewLogger()
	return nil
}

// Run opens the store and starts the HTTP server in the background; it returns once the
// server listens. Close stops both, also after an error of Run.
func (m *Main) Run(ctx context.Context) error {
	start := time.Now()
	m.Logger.Info("starting careergraph", "config", m.Config)
	store, closeStore, err := openStore(ctx, m.Config, m.Logger)
	if err != nil {
		return err
	}
	m.Store, m.closeStore = store, closeStore
	if m.Config.GCHeadroomMiB > 0 {
		m.stopGCTune = gctune.Start(ctx, m.Config.GCHeadroomMiB)
	}
	opts := httpOptions(m.Config, store, m.Logger)
	if m.Config.OTLPEndpoint != "" {
		if m.tracing, err = telemetry.StartOTLP(ctx, m.Config.OTLPEndpoint); err != nil {
			return err
		}
		opts.Telemetry = telemetry.New(opts.Telemetry.Metrics, m.tracing)
	}
	m.HTTPServer = httpapi.NewServer(opts)
	if err := m.HTTPServer.Open(m.Config.Addr); err != nil {
		return err
	}
	m.Logger.Info("listening", "addr", m.HTTPServer.Addr(), "graphiql", "http://"+m.HTTPServer.DisplayAddr(),
		"metrics", m.HTTPServer.MetricsAddr(), "startup", time.Since(start).Round(time.Millisecond))
	return nil
}

// Close shuts the HTTP server down gracefully, then closes the store.
func (m *Main) Close() error {
	var err error
	if m.HTTPServer != nil {
		err = m.HTTPServer.Close()
	}
	if m.closeStore != nil {
		m.closeStore()
		m.closeStore = nil
	}
	if m.stopGCTune != nil {
		m.stopGCTune()
		m.stopGCTune = nil
	}
	if m.tracing != nil {
		ctx, cancel := context.WithTimeout(context.Background(), tracingShutdownTimeout)
		defer cancel()
		err = errors.Join(err, m.tracing.Shutdown(ctx))
		m.tracing = nil
	}
	return err
}

// tracingShutdownTimeout bounds the sending of the last spans at shutdown.
const tracingShutdownTimeout = 5 * time.Second

// httpOptions are the HTTP handler's options of a configuration, serving store.
func httpOptions(c *config.Config, store career.Store, logger *slog.Logger) httpapi.Options {
	return httpapi.Options{
		Store:          store,
		Logger:         logger,
		Limits:         c.Limits,
		LoaderWait:     c.StoreLoaderWait(),
		Admission:      &c.Admission,
		CORSOrigins:    c.CORSOrigins,
		CORSHeaders:    c.CORSHeaders,
		MaxBodyBytes:   c.MaxBodyBytes,
		RequestTimeout: c.RequestTimeout,
		CacheMaxAge:    c.CacheMaxAge,
		// Tracing is added by Run, which starts and stops its exporter.
		Telemetry:       telemetry.New(metricsOf(c), nil),
		MetricsAddr:     c.MetricsAddr,
		MetricsToken:    c.MetricsToken,
		AccessLogSample: c.AccessLogSample,
	}
}

// metricsOf returns new metrics, or nil when the configuration turns them off.
func metricsOf(c *config.Config) *telemetry.Metrics {
	if c.MetricsAddr == telemetry.MetricsOff {
		return nil
	}
	return telemetry.NewMetrics()
}

// openStore returns the store the configuration selects and a function that closes it: Neo4j
// when its URI is set, else the embedded store with the seed and each --dataset.
func openStore(ctx context.Context, c *config.Config, logger *slog.Logger) (career.Store, func(), error) {
	if c.Neo4j.URI != "" {
		return neo4jstore.Start(ctx, c.Neo4j.StoreConfig(logger))
	}
	store, err := openMemory(c.Datasets, logger)
	if err != nil {
		return nil, nil, err
	}
	return store, func() {}, nil
}

// openMemory builds the embedded store of the seed and the datasets of the --dataset flags.
func openMemory(flags []string, logger *slog.Logger) (*memory.Store, error) {
	all, err := registry.ReadWithSeed(flags, logger)
	if err != nil {
		return nil, err
	}
	return memory.New(all...), nil
}

// runImport implements `import NAME [--dir DIR]`: read a dataset and load it into Neo4j
// (NEO4J_URI, or neo4jstore.DefaultURI when it is empty), replacing the previous version of
// that dataset in one transaction.
func runImport(ctx context.Context, args []string, getenv func(string) string) error {
	if len(args) == 0 || args[0] == "" || args[0][0] == '-' {
		return fmt.Errorf("usage: import NAME [--dir DIR], NAME one of %s", registry.Names())
	}
	name := args[0]
	var dir string
	c, err := config.Parse(args[1:], getenv, func(fs *flag.FlagSet) {
		fs.StringVar(&dir, "dir", "", "the folder the dataset was downloaded to (not for seed)")
	})
	if err != nil {
		return err
	}
	if c.Neo4j.URI == "" {
		c.Neo4j.URI = neo4jstore.DefaultURI
	}
	logger := c.NewLogger()
	d, err := registry.Read(name, dir, logger)
	if err != nil {
		return err
	}
	return neo4jstore.Import(ctx, c.Neo4j.StoreConfig(logger), d)
}
