package neo4jstore

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/careergraph/careergraph/career"
)

// schemaRetryFirst and schemaRetryMax bound the backoff of Start's schema loop.
const (
	schemaRetryFirst = 500 * time.Millisecond
	schemaRetryMax   = 10 * time.Second
)

// closeTimeout bounds the closing of the driver by the function Start returns.
const closeTimeout = 5 * time.Second

// Start opens the store for a server. The server starts even when Neo4j is down or refuses the
// credentials: the schema is applied in the background as soon as Neo4j answers, then the
// traversal queries are planned (Warm), and until then Ping fails and queries get UNAVAILABLE.
// The store logs each problem once, with its cause, to cfg.Logger. The returned function stops
// the background work and closes the store.
func Start(ctx context.Context, cfg Config) (*Store, func(), error) {
	store, err := Open(ctx, cfg)
	if err != nil {
		return nil, nil, err
	}
	logger := store.health.logger
	bg, cancel := context.WithCancel(context.WithoutCancel(ctx))
	done := make(chan struct{})
	go func() {
		defer close(done)
		store.prepare(bg, logger)
	}()
	closeStore := func() {
		cancel()
		<-done
		closeCtx, cancelClose := context.WithTimeout(context.Background(), closeTimeout)
		defer cancelClose()
		if err := store.Close(closeCtx); err != nil {
			logger.Warn("closing neo4j", "error", err.Error())
		}
	}
	return store, closeStore, nil
}

// prepare applies the schema, retrying with backoff until Neo4j answers or ctx ends, then has
// Neo4j plan the traversal queries. While Neo4j refuses the credentials the store does not send
// the schema (it logs in again in the background), so these retries never count as failed
// logins.
func (s *Store) prepare(ctx context.Context, logger *slog.Logger) {
	wait := schemaRetryFirst
	for {
		err := s.EnsureSchema(ctx)
		if err == nil {
			logger.Info("neo4j schema ready")
			// Have Neo4j plan the traversal queries now rather than on a user's request.
			start := time.Now()
			if err := s.Warm(ctx); err != nil {
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
		wait = min(wait*2, schemaRetryMax)
	}
}

// Import loads d into Neo4j for the import command, replacing the previous version of that
// dataset in one transaction: it logs in first (waiting out a lock of the user that another
// client's failed logins caused), applies the schema, loads, and logs the progress of each step
// and the counts committed to cfg.Logger.
func Import(ctx context.Context, cfg Config, d *career.Dataset) error {
	logger := cfg.Logger
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	name := d.Info.Name
	if cfg.OnLoadProgress == nil {
		cfg.OnLoadProgress = func(p LoadProgress) {
			rate := float64(p.Rows) / max(p.Elapsed.Seconds(), 1e-3)
			logger.Info("import progress", "dataset", p.Dataset, "step", p.Step, "rows", p.Rows, "of", p.TotalRows,
				"rows_per_second", int(rate), "elapsed", p.Elapsed.Round(time.Millisecond))
		}
	}
	store, err := Open(ctx, cfg)
	if err != nil {
		return err
	}
	defer store.Close(context.WithoutCancel(ctx))
	if err := store.Connect(ctx); err != nil {
		return fmt.Errorf("connect to neo4j: %w", err)
	}
	if err := store.EnsureSchema(ctx); err != nil {
		return fmt.Errorf("neo4j schema: %w", err)
	}
	start := time.Now()
	logger.Info("importing", "dataset", name, "into", store.cfg.URI)
	if err := store.Load(ctx, d); err != nil {
		return fmt.Errorf("import %s: %w", name, err)
	}
	logger.Info("imported (committed)", "dataset", name, "professions", len(d.Professions), "skills", len(d.Skills),
		"tools", len(d.Tools), "trainings", len(d.Trainings), "requirements", len(d.Requirements), "moves", len(d.Moves),
		"duration", time.Since(start).Round(time.Millisecond))
	return nil
}
