package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"time"

	"github.com/careergraph/careergraph/career"
	neo4jstore "github.com/careergraph/careergraph/store/neo4j"
)

// openNeo4j opens the Neo4j store. The server starts even when Neo4j is down or refuses the
// credentials: the schema is applied in the background as soon as Neo4j answers, and until
// then /readyz says 503 and queries get UNAVAILABLE. The store logs each problem once, with
// its cause.
func openNeo4j(ctx context.Context, c Neo4jConfig, logger *slog.Logger) (career.Store, func(), error) {
	return startNeo4j(ctx, neo4jStoreConfig(c, logger), logger)
}

// neo4jStoreConfig is the store configuration of the server's Neo4j settings.
func neo4jStoreConfig(c Neo4jConfig, logger *slog.Logger) neo4jstore.Config {
	return neo4jstore.Config{URI: c.URI, User: c.User, Password: c.Password, Database: c.Database, Logger: logger}
}

// startNeo4j opens the store and applies the schema in the background (see openNeo4j).
func startNeo4j(ctx context.Context, cfg neo4jstore.Config, logger *slog.Logger) (*neo4jstore.Store, func(), error) {
	store, err := neo4jstore.Open(ctx, cfg)
	if err != nil {
		return nil, nil, err
	}
	bg, cancel := context.WithCancel(context.WithoutCancel(ctx))
	done := make(chan struct{})
	go func() {
		defer close(done)
		ensureSchema(bg, store, logger)
	}()
	closeStore := func() {
		cancel()
		<-done
		closeCtx, cancelClose := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancelClose()
		if err := store.Close(closeCtx); err != nil {
			logger.Warn("closing neo4j", "error", err.Error())
		}
	}
	return store, closeStore, nil
}

// ensureSchema applies the schema, retrying with backoff until Neo4j answers or ctx ends.
// While Neo4j refuses the credentials the store does not send the schema (it logs in again in
// the background), so these retries never count as failed logins.
func ensureSchema(ctx context.Context, store *neo4jstore.Store, logger *slog.Logger) {
	wait := 500 * time.Millisecond
	for {
		err := store.EnsureSchema(ctx)
		if err == nil {
			logger.Info("neo4j schema ready")
			// Have Neo4j plan the traversal queries now rather than on a user's request.
			start := time.Now()
			if err := store.Warm(ctx); err != nil {
				logger.Warn("neo4j warm-up", "error", err.Error())
			} else {
				logger.Info("neo4j queries planned", "duration", time.Since(start).Round(time.Millisecond))
			}
			return
		}
		// The store has logged the cause of an UNAVAILABLE once; other failures are news.
		level := slog.LevelWarn
		if career.ErrorCode(err) == career.EUNAVAILABLE {
			level = slog.LevelDebug
		}
		logger.Log(ctx, level, "neo4j schema not applied yet; retrying", "error", err.Error(), "retry_in", wait)
		select {
		case <-ctx.Done():
			return
		case <-time.After(wait):
		}
		wait = min(wait*2, 10*time.Second)
	}
}

// runImport implements `import NAME [--dir DIR]`: read a dataset and load it into Neo4j,
// replacing the previous version of that dataset in one transaction.
func runImport(ctx context.Context, args []string, getenv func(string) string) error {
	if len(args) == 0 || args[0] == "" || args[0][0] == '-' {
		return fmt.Errorf("usage: import NAME [--dir DIR], NAME one of %s", datasetNames())
	}
	name := args[0]
	var dir string
	c, err := parseConfig(args[1:], getenv, func(fs *flag.FlagSet) {
		fs.StringVar(&dir, "dir", "", "the folder the dataset was downloaded to (not for seed)")
	})
	if err != nil {
		return err
	}
	if c.Neo4j.URI == "" {
		c.Neo4j.URI = neo4jstore.DefaultURI
	}
	logger := newLogger(c)
	d, err := readDataset(name, dir, logger)
	if err != nil {
		return err
	}
	cfg := neo4jStoreConfig(c.Neo4j, logger)
	cfg.OnLoadProgress = func(p neo4jstore.LoadProgress) {
		rate := float64(p.Rows) / max(p.Elapsed.Seconds(), 1e-3)
		logger.Info("import progress", "dataset", p.Dataset, "step", p.Step, "rows", p.Rows, "of", p.TotalRows,
			"rows_per_second", int(rate), "elapsed", p.Elapsed.Round(time.Millisecond))
	}
	store, err := neo4jstore.Open(ctx, cfg)
	if err != nil {
		return err
	}
	defer store.Close(context.WithoutCancel(ctx))
	// Log in first, waiting out a lock of the user that another client's failed logins caused.
	if err := store.Connect(ctx); err != nil {
		return fmt.Errorf("connect to neo4j: %w", err)
	}
	if err := store.EnsureSchema(ctx); err != nil {
		return fmt.Errorf("neo4j schema: %w", err)
	}
	start := time.Now()
	logger.Info("importing", "dataset", name, "into", c.Neo4j.URI)
	if err := store.Load(ctx, d); err != nil {
		return fmt.Errorf("import %s: %w", name, err)
	}
	logger.Info("imported (committed)", "dataset", name, "professions", len(d.Professions), "skills", len(d.Skills),
		"tools", len(d.Tools), "trainings", len(d.Trainings), "requirements", len(d.Requirements), "moves", len(d.Moves),
		"duration", time.Since(start).Round(time.Millisecond))
	return nil
}
