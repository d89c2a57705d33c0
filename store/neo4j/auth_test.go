package neo4jstore_test

import (
	"bytes"
	"cmp"
	"context"
	"log/slog"
	"net/url"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/internal/testbackend"
	neo4jstore "github.com/careergraph/careergraph/store/neo4j"
)

// logBuffer collects log lines, safe for concurrent use.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

// lines returns the lines logged so far.
func (b *logBuffer) lines() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return strings.Split(strings.TrimSuffix(b.buf.String(), "\n"), "\n")
}

// newLogBuffer returns a text logger without timestamps, and what it logs.
func newLogBuffer() (*slog.Logger, *logBuffer) {
	b := &logBuffer{}
	h := slog.NewTextHandler(b, &slog.HandlerOptions{
		Level: slog.LevelDebug,
		ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey && len(groups) == 0 {
				return slog.Attr{}
			}
			return a
		},
	})
	return slog.New(h), b
}

// withScheme returns the test Neo4j's URI with another scheme.
func withScheme(t *testing.T, scheme string) string {
	t.Helper()
	u, err := url.Parse(testbackend.Neo4jConfig().URI)
	if err != nil {
		t.Fatal(err)
	}
	u.Scheme = scheme
	return u.String()
}

const unavailableMessage = "the database is unavailable; try again later"

// wantUnavailable fails unless err is UNAVAILABLE with the public message, its chain names
// cause and it never shows password.
func wantUnavailable(t *testing.T, err error, cause, password string) {
	t.Helper()
	if got := career.ErrorCode(err); got != career.EUNAVAILABLE {
		t.Fatalf("error %v has code %q, want %q", err, got, career.EUNAVAILABLE)
	}
	if got := career.ErrorMessage(err); got != unavailableMessage {
		t.Errorf("message %q, want %q", got, unavailableMessage)
	}
	if !strings.Contains(err.Error(), cause) {
		t.Errorf("error %q does not name the cause %q", err, cause)
	}
	if strings.Contains(err.Error(), password) {
		t.Errorf("error %q shows the password", err)
	}
}

// TestRefusedCredentials: once Neo4j has refused the store's credentials, queries answer
// UNAVAILABLE without being sent (no more failed logins, so Neo4j never locks the user), the
// cause is logged once, and a client with the right password logs in meanwhile.
func TestRefusedCredentials(t *testing.T) {
	testbackend.OpenNeo4j(t)
	const user, right, wrong = "careergraph_refused", "right-password-1", "wrong-password-1"
	testbackend.CreateUser(t, user, right, false)
	cfg := testbackend.Neo4jConfig()
	logger, logs := newLogBuffer()
	ctx := ctxT(t)
	s, err := neo4jstore.Open(ctx, neo4jstore.Config{URI: cfg.URI, User: user, Password: wrong, Database: cfg.Database,
		Logger: logger, LoginRetry: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close(context.Background()) })

	cause := "neo4j rejected the credentials of user careergraph_refused: check NEO4J_USER / NEO4J_PASSWORD"
	wantUnavailable(t, s.Ping(ctx), cause, wrong)
	equal(t, "login failures after the first query", s.LoginFailures(), int64(1))

	// Many more queries, of every path (reads, writes, loads), concurrently: none is sent.
	calls := []func() error{
		func() error { return s.Ping(ctx) },
		func() error { _, err := s.ProfessionsByID(ctx, []string{pBack}); return err },
		func() error { _, err := s.Search(ctx, career.SearchQuery{Text: "dev", First: 5}); return err },
		func() error { return s.EnsureSchema(ctx) },
		func() error { return s.Load(ctx, fixture()) },
		func() error { return s.Drop(ctx, fixtureName) },
	}
	before := s.QueryCount()
	errs := make([]error, 10*len(calls))
	var wg sync.WaitGroup
	for i := range errs {
		wg.Go(func() { errs[i] = calls[i%len(calls)]() })
	}
	wg.Wait()
	for _, err := range errs {
		wantUnavailable(t, err, "not sent: "+cause, wrong)
	}
	equal(t, "queries sent while refused", s.QueryCount()-before, int64(0))
	equal(t, "login failures after 60 more queries", s.LoginFailures(), int64(1))
	equal(t, "log", logs.lines(), []string{
		`level=ERROR msg="` + cause + `" uri=` + cfg.URI + ` user=careergraph_refused database=` + cfg.Database + ` next_login_in=1h0m0s`,
	})

	// One failed login is below Neo4j's lock threshold (3): the right password works at once,
	// for as many new logins as needed.
	for i := range 5 {
		good, err := neo4jstore.Open(ctx, neo4jstore.Config{URI: cfg.URI, User: user, Password: right, Database: cfg.Database})
		if err != nil {
			t.Fatal(err)
		}
		if err := good.Connect(ctx); err != nil {
			t.Errorf("login %d with the right password: %v", i+1, err)
		}
		good.Close(ctx)
	}
}

// TestConnectivityProblems: each way of not reaching Neo4j answers UNAVAILABLE, and logs one
// line naming the cause and what to check, however many queries fail.
func TestConnectivityProblems(t *testing.T) {
	testbackend.OpenNeo4j(t)
	cfg := testbackend.Neo4jConfig()
	const expiredUser, expiredPassword = "careergraph_expired", "expired-password-1"
	testbackend.CreateUser(t, expiredUser, expiredPassword, true)
	tlsURI := withScheme(t, "bolt+s")
	const closed, routedClosed = "bolt://127.0.0.1:1", "neo4j://127.0.0.1:1"
	for _, tc := range []struct {
		name     string
		cfg      neo4jstore.Config
		level    string
		cause    string
		failures int64
	}{
		{"bolt+s against a server without TLS", neo4jstore.Config{URI: tlsURI}, "ERROR",
			"the TLS connection to neo4j at " + tlsURI + " failed: use bolt:// for a server without TLS, bolt+s:// for one with a " +
				"trusted certificate, bolt+ssc:// for a self-signed one (remote end closed the connection, check that TLS is enabled on the server)", 0},
		{"unknown database", neo4jstore.Config{Database: "nosuchdb"}, "ERROR",
			"neo4j at " + cfg.URI + ` has no database nosuchdb: check NEO4J_DATABASE (Neo4j Community has one user database, neo4j)`, 0},
		{"connection refused", neo4jstore.Config{URI: closed}, "WARN",
			"neo4j does not answer at " + closed + ": is it running, and is NEO4J_URI right? (dial tcp 127.0.0.1:1: connect: connection refused)", 0},
		{"neo4j:// and connection refused", neo4jstore.Config{URI: routedClosed}, "WARN",
			"neo4j does not answer at " + routedClosed + ": is it running, and is NEO4J_URI right? " +
				"(Unable to retrieve routing table from 127.0.0.1:1: dial tcp 127.0.0.1:1: connect: connection refused)", 0},
		{"password change required", neo4jstore.Config{User: expiredUser, Password: expiredPassword}, "ERROR",
			"neo4j requires a new password for user careergraph_expired before any query: change it " +
				"(ALTER CURRENT USER SET PASSWORD FROM … TO … on the system database) and set NEO4J_PASSWORD", 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := tc.cfg
			c.URI = cmp.Or(c.URI, cfg.URI)
			c.User = cmp.Or(c.User, cfg.User)
			c.Password = cmp.Or(c.Password, cfg.Password)
			c.Database = cmp.Or(c.Database, cfg.Database)
			c.MaxRetryTime = 500 * time.Millisecond
			c.LoginRetry = time.Hour
			logger, logs := newLogBuffer()
			c.Logger = logger
			ctx := ctxT(t)
			s, err := neo4jstore.Open(ctx, c)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close(context.Background())
			for range 3 {
				_, err := s.ProfessionsByID(ctx, []string{pBack})
				wantUnavailable(t, err, tc.cause, c.Password)
			}
			equal(t, "login failures", s.LoginFailures(), tc.failures)
			attrs := " uri=" + c.URI + " user=" + c.User + " database=" + c.Database
			if tc.failures > 0 {
				attrs += " next_login_in=1h0m0s"
			}
			equal(t, "log", logs.lines(), []string{"level=" + tc.level + ` msg="` + tc.cause + `"` + attrs})
		})
	}
	t.Run("neo4j:// against a single server works", func(t *testing.T) {
		ctx := ctxT(t)
		s, err := neo4jstore.Open(ctx, neo4jstore.Config{URI: withScheme(t, "neo4j"), User: cfg.User, Password: cfg.Password, Database: cfg.Database})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close(ctx)
		if err := s.Ping(ctx); err != nil {
			t.Fatalf("Ping over neo4j://: %v", err)
		}
	})
}

// TestLoginRecovers: when the password is fixed in Neo4j, the background login finds out and
// queries go through again, without reopening the store.
func TestLoginRecovers(t *testing.T) {
	testbackend.OpenNeo4j(t)
	const user, old, configured = "careergraph_recovers", "old-password-1", "new-password-1"
	testbackend.CreateUser(t, user, old, false)
	cfg := testbackend.Neo4jConfig()
	logger, logs := newLogBuffer()
	ctx := ctxT(t)
	// A pause longer than Neo4j's default lock (5 s), as the default is.
	s, err := neo4jstore.Open(ctx, neo4jstore.Config{URI: cfg.URI, User: user, Password: configured, Database: cfg.Database,
		Logger: logger, LoginRetry: 6 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close(context.Background()) })
	cause := "neo4j rejected the credentials of user careergraph_recovers: check NEO4J_USER / NEO4J_PASSWORD"
	wantUnavailable(t, s.Ping(ctx), cause, configured)

	testbackend.SetPassword(t, user, configured)
	deadline := time.Now().Add(60 * time.Second)
	for s.Ping(ctx) != nil {
		if time.Now().After(deadline) {
			t.Fatal("the store did not log in again within 60 s of the password fix")
		}
		time.Sleep(200 * time.Millisecond)
	}
	attrs := " uri=" + cfg.URI + " user=" + user + " database=" + cfg.Database
	equal(t, "log", logs.lines(), []string{
		`level=ERROR msg="` + cause + `"` + attrs + " next_login_in=6s",
		`level=INFO msg="neo4j answers again"` + attrs + ` after=credentials`,
	})
}

// equal fails when got and want differ.
func equal[T any](t *testing.T, what string, got, want T) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s:\ngot  %#v\nwant %#v", what, got, want)
	}
}

// TestClosedStoreIsUnavailable: a query after Close answers UNAVAILABLE, not INTERNAL.
func TestClosedStoreIsUnavailable(t *testing.T) {
	ctx := ctxT(t)
	s, err := neo4jstore.Open(ctx, neo4jstore.Config{URI: "bolt://127.0.0.1:1", Password: "secret-password"})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(ctx); err != nil {
		t.Fatal(err)
	}
	wantUnavailable(t, s.Ping(ctx), "the neo4j store is closed: the server is stopping", "secret-password")
}
