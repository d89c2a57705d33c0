// Package neo4jstore is the Neo4j backend of careergraph: a career.Store and career.Loader that
// keeps each dataset as labelled nodes (:Profession, :Skill, :Tool, :Training, :Dataset) and
// relationships, and answers every Store method with Cypher run inside Neo4j.
//
// It answers exactly like the embedded store (store/memory): the same nodes, in the same order,
// with the same scores. Text matching uses the full-text index on the precomputed, folded
// `searchText` property to find candidates and textsearch.MatchText to score them, as the embedded
// store does.
//
// The driver is lazy: Open succeeds when Neo4j is down; Ping says whether it answers. Failures
// to reach the server or to log in come back as career.Unavailable errors, and are logged once
// with their cause (see health.go); once Neo4j has refused the credentials, queries are not
// sent until a background login succeeds. Other failures are wrapped with context and never
// carry Cypher to API clients (the API shows career.Error messages only).
package neo4jstore

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/telemetry"
)

// Defaults of Config.
const (
	DefaultURI       = "bolt://127.0.0.1:7687"
	DefaultUser      = "neo4j"
	DefaultDatabase  = "neo4j"
	DefaultBatchSize = 1000
	// DefaultMaxRetryTime bounds how long a read whose server is unreachable is retried before
	// the store reports it as unavailable.
	DefaultMaxRetryTime = 5 * time.Second
)

// DefaultPassword is the development password of user neo4j: the one scripts/neo4j sets when
// NEO4J_PASSWORD is not. Open does not fill an empty Password with it; the server's
// configuration and the tests default to it. The shell scripts and the Java launcher write it
// again as a literal, checked against this constant by the server's tests.
const DefaultPassword = "careergraph-dev"

// Config says how to reach Neo4j. Zero fields take the defaults above.
type Config struct {
	// URI is a bolt:// URI (one server, directly) or a neo4j:// URI (routed: reads to readers,
	// writes to the leader; a single server routes to itself), with +s or +ssc for TLS; see
	// Schemes and CheckURI.
	URI      string
	User     string
	Password string // never logged
	// Database is the database every query names (Community has one user database, "neo4j").
	Database string
	// BatchSize is the number of rows per UNWIND batch when loading.
	BatchSize int
	// MaxRetryTime bounds the retries of a query that failed for a transient reason, such as an
	// unreachable server: the store retries reads (see read), the driver writes.
	MaxRetryTime time.Duration
	// ConnectTimeout bounds the opening of one connection (default: the driver's, 5 s).
	ConnectTimeout time.Duration
	// OnQuery, when set, is called once per Cypher query sent to Neo4j (a round trip), for
	// tests and metrics. It must be safe for concurrent use.
	OnQuery func()
	// OnLoadProgress, when set, is called by Load after each step (nodes of a kind, links of a
	// kind) has been written in the load's transaction.
	OnLoadProgress func(LoadProgress)
	// Logger receives one line each time the link to Neo4j changes: a problem and its cause
	// (wrong credentials, no such database, TLS mismatch, no answer), then its end. Nil logs
	// nothing.
	Logger *slog.Logger
	// LoginRetry is the pause before logging in again after Neo4j refused the credentials; it
	// doubles after each refusal, up to 4 × LoginRetry (default DefaultLoginRetry).
	LoginRetry time.Duration
	// BoundsRefresh is how long the bounds of the data are kept before they are read again
	// (default DefaultBoundsRefresh); see Bounds.
	BoundsRefresh time.Duration
}

// LoadProgress says how far a Load has come. The rows are written but not yet committed: a
// failed load still leaves the previous version in place.
type LoadProgress struct {
	Dataset   string
	Step      string // e.g. "professions", "requirements"
	Rows      int    // rows written so far
	TotalRows int
	Elapsed   time.Duration
}

// String describes the configuration with the password masked.
func (c Config) String() string {
	pw := ""
	if c.Password != "" {
		pw = "***"
	}
	return fmt.Sprintf("neo4j uri=%s user=%s password=%s database=%s", c.URI, c.User, pw, c.Database)
}

// Store is a career.Store and career.Loader backed by Neo4j. It is safe for concurrent use:
// it holds one driver (a connection pool) and opens a session per call.
type Store struct {
	driver  neo4j.DriverWithContext
	cfg     Config
	queries atomic.Int64
	texts   preparedTexts // the search candidates' names, prepared for matching
	health  health

	life       context.Context // ends when the store is closed; bounds background logins
	stop       context.CancelFunc
	background sync.WaitGroup
	boundsCache
}

var (
	_ career.Store  = (*Store)(nil)
	_ career.Loader = (*Store)(nil)
)

// Open creates the store's driver. It does not connect: it succeeds when Neo4j is down, and
// Ping tells whether Neo4j answers.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	if cfg.URI == "" {
		cfg.URI = DefaultURI
	}
	if err := CheckURI(cfg.URI); err != nil {
		return nil, err
	}
	if cfg.User == "" {
		cfg.User = DefaultUser
	}
	if cfg.Database == "" {
		cfg.Database = DefaultDatabase
	}
	if cfg.BatchSize <= 0 {
		cfg.BatchSize = DefaultBatchSize
	}
	if cfg.MaxRetryTime <= 0 {
		cfg.MaxRetryTime = DefaultMaxRetryTime
	}
	if cfg.LoginRetry <= 0 {
		cfg.LoginRetry = DefaultLoginRetry
	}
	logger := cfg.Logger
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	if cfg.BoundsRefresh <= 0 {
		cfg.BoundsRefresh = DefaultBoundsRefresh
	}
	driver, err := neo4j.NewDriverWithContext(cfg.URI, neo4j.BasicAuth(cfg.User, cfg.Password, ""), func(c *neo4j.Config) {
		c.MaxTransactionRetryTime = cfg.MaxRetryTime
		if cfg.ConnectTimeout > 0 {
			c.SocketConnectTimeout = cfg.ConnectTimeout
		}
		// Never wait a minute for a connection from the pool: requests have their own deadlines.
		c.ConnectionAcquisitionTimeout = cfg.MaxRetryTime + 5*time.Second
	})
	if err != nil {
		// The driver's message names the URI only, never the password.
		return nil, fmt.Errorf("neo4j: open %s: %w", cfg.URI, err)
	}
	s := &Store{driver: driver, cfg: cfg, health: health{logger: logger}}
	s.life, s.stop = context.WithCancel(context.Background())
	return s, nil
}

// Close stops the background login, if any, and closes the driver and its connections.
func (s *Store) Close(ctx context.Context) error {
	s.stop()
	s.background.Wait()
	if err := s.driver.Close(ctx); err != nil {
		return fmt.Errorf("neo4j: close: %w", err)
	}
	return nil
}

// QueryCount returns the number of Cypher queries (round trips) the store has sent so far.
func (s *Store) QueryCount() int64 { return s.queries.Load() }

// Ping reports whether Neo4j answers a query on the configured database.
func (s *Store) Ping(ctx context.Context) error {
	_, err := s.read(ctx, "ping", "RETURN 1 AS ok", nil)
	return err
}

// counted notes one round trip.
func (s *Store) counted() {
	s.queries.Add(1)
	if s.cfg.OnQuery != nil {
		s.cfg.OnQuery()
	}
}

// txTimeout returns the transaction configurers that make the server stop work when ctx's
// deadline passes.
func txTimeout(ctx context.Context) []func(*neo4j.TransactionConfig) {
	dl, ok := ctx.Deadline()
	if !ok {
		return nil
	}
	d := time.Until(dl)
	if d < time.Millisecond {
		d = time.Millisecond // 0 would mean "no timeout"
	}
	return []func(*neo4j.TransactionConfig){neo4j.WithTxTimeout(d)}
}

// read runs one read query on the configured database and returns its records. what names the
// operation in error messages.
//
// A read is one auto-commit transaction: RUN and PULL (all records at once) go in one round
// trip, where a managed transaction (neo4j.ExecuteQuery, session.ExecuteRead) adds BEGIN and a
// COMMIT round trip. Reads carry the bookmarks of the store's own writes (Load, Drop,
// EnsureSchema), so they see them even on a cluster, and do not add their own bookmarks to them:
// nothing has to wait for a read. Reads the driver would retry (the server unreachable or a
// transient error) are retried here for up to MaxRetryTime, unless retrying cannot help (a
// TLS mismatch). While Neo4j refuses the credentials, reads are not sent.
func (s *Store) read(ctx context.Context, what, cypher string, params map[string]any) ([]*neo4j.Record, error) {
	if err := s.refusal(what); err != nil {
		return nil, err
	}
	s.counted()
	ctx, query := telemetry.BeginQuery(ctx, what, s.cfg.Database, cypher) // its metrics and span
	recs, err := s.readRetrying(ctx, what, cypher, params)
	query.End(err)
	return recs, err
}

// readRetrying runs a read query, retrying it as read says.
func (s *Store) readRetrying(ctx context.Context, what, cypher string, params map[string]any) ([]*neo4j.Record, error) {
	start := time.Now()
	for attempt := 0; ; attempt++ {
		recs, err := s.readOnce(ctx, cypher, params)
		if err == nil {
			s.answered()
			return recs, nil
		}
		left := s.cfg.MaxRetryTime - time.Since(start)
		if ctx.Err() != nil || !neo4j.IsRetryable(err) || left <= 0 {
			return nil, s.fail(ctx, what, err)
		}
		if p := s.diagnose(err); p != nil && p.permanent() {
			return nil, s.fail(ctx, what, err)
		}
		if err := sleep(ctx, min(retryDelay(attempt), left)); err != nil {
			return nil, s.fail(ctx, what, err)
		}
	}
}

// readOnce runs a read query once, as an auto-commit transaction.
func (s *Store) readOnce(ctx context.Context, cypher string, params map[string]any) ([]*neo4j.Record, error) {
	bookmarks, err := s.driver.ExecuteQueryBookmarkManager().GetBookmarks(ctx)
	if err != nil {
		return nil, err
	}
	session := s.driver.NewSession(ctx, neo4j.SessionConfig{
		DatabaseName: s.cfg.Database,
		AccessMode:   neo4j.AccessModeRead,
		Bookmarks:    bookmarks,
		FetchSize:    neo4j.FetchAll,
	})
	defer session.Close(ctx)
	res, err := session.Run(ctx, cypher, params, txTimeout(ctx)...)
	if err != nil {
		return nil, err
	}
	var recs []*neo4j.Record
	for res.Next(ctx) {
		recs = append(recs, res.Record())
	}
	if err := res.Err(); err != nil {
		return nil, err
	}
	return recs, nil
}

// retryDelay is the pause before retry attempt+1 of a read: none for the first retry (the
// failure may come from a pooled connection the server closed, and the pool drops those), then
// 250 ms doubling, with ±20% jitter.
func retryDelay(attempt int) time.Duration {
	if attempt == 0 {
		return 0
	}
	d := 250 * time.Millisecond << min(attempt-1, 5)
	return d - d/5 + time.Duration(rand.Int64N(int64(2*d/5)))
}

// sleep waits for d or until ctx ends.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// write runs one write query in its own transaction. While Neo4j refuses the credentials,
// writes are not sent.
func (s *Store) write(ctx context.Context, what, cypher string, params map[string]any) error {
	if err := s.refusal(what); err != nil {
		return err
	}
	s.counted()
	opts := []neo4j.ExecuteQueryConfigurationOption{
		neo4j.ExecuteQueryWithWritersRouting(),
		neo4j.ExecuteQueryWithDatabase(s.cfg.Database),
	}
	if tc := txTimeout(ctx); tc != nil {
		opts = append(opts, neo4j.ExecuteQueryWithTransactionConfig(tc...))
	}
	_, err := neo4j.ExecuteQuery(ctx, s.driver, cypher, params, neo4j.EagerResultTransformer, opts...)
	if err != nil {
		return s.fail(ctx, what, err)
	}
	s.answered()
	return nil
}

// fail turns a driver error into the store's error: the context's own error when it ended,
// career.Unavailable (with the diagnosed cause, reported once to the log) when the server
// could not be reached or refused the login, and a wrapped error otherwise.
func (s *Store) fail(ctx context.Context, what string, err error) error {
	var cerr *career.Error
	if errors.As(err, &cerr) {
		return err // our own, from inside a transaction function
	}
	if ctxErr := ctx.Err(); ctxErr != nil {
		return fmt.Errorf("neo4j: %s: %w", what, ctxErr)
	}
	if isTimeout(err) {
		return fmt.Errorf("neo4j: %s: %w (%v)", what, context.DeadlineExceeded, err)
	}
	if p := s.diagnose(err); p != nil {
		s.report(p)
		return career.Unavailable(fmt.Errorf("neo4j: %s: %s: %w", what, p.msg, err))
	}
	return fmt.Errorf("neo4j: %s: %w", what, err)
}

// isTimeout reports whether the server stopped a transaction because its timeout (set from the
// request's deadline) passed.
func isTimeout(err error) bool {
	var dbErr *neo4j.Neo4jError
	if errors.As(err, &dbErr) {
		return strings.HasPrefix(dbErr.Code, "Neo.ClientError.Transaction.TransactionTimedOut")
	}
	var limit *neo4j.TransactionExecutionLimit
	if errors.As(err, &limit) {
		for _, e := range limit.Errors {
			if isTimeout(e) {
				return true
			}
		}
	}
	return false
}
