package main

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/careergraph/careergraph/config"
	"github.com/careergraph/careergraph/internal/testbackend"
	neo4jstore "github.com/careergraph/careergraph/store/neo4j"
)

// syncBuffer collects log output, safe for concurrent use.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// countLines counts the lines of s that contain part.
func countLines(s, part string) int {
	n := 0
	for _, line := range strings.Split(s, "\n") {
		if strings.Contains(line, part) {
			n++
		}
	}
	return n
}

// startWithPassword runs the server's Neo4j store (schema loop included) with this user and
// password, logging into the returned buffer, and waits until Neo4j has refused the login once.
func startWithPassword(t *testing.T, user, password string, loginRetry time.Duration) (*neo4jstore.Store, http.Handler, *syncBuffer) {
	t.Helper()
	logs := &syncBuffer{}
	logger := slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	right := testbackend.Neo4jConfig()
	c := testConfig(t)
	c.Neo4j = config.Neo4j{URI: right.URI, User: user, Password: password, Database: right.Database}
	cfg := c.Neo4j.StoreConfig(logger)
	cfg.LoginRetry = loginRetry
	store, closeStore, err := neo4jstore.Start(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(closeStore)
	// The schema loop logs in first; wait for its refusal, so that the test knows how many
	// logins were tried.
	deadline := time.Now().Add(30 * time.Second)
	for store.LoginFailures() == 0 {
		if time.Now().After(deadline) {
			t.Fatal("Neo4j did not refuse the wrong password within 30 s")
		}
		time.Sleep(20 * time.Millisecond)
	}
	return store, newHTTPHandler(c, store, logger), logs
}

// readyz returns the status of GET /readyz.
func readyz(h http.Handler) int {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/readyz", nil))
	return rec.Code
}

// TestNeo4jWrongPassword runs the server with a wrong password for the shared user: queries
// get UNAVAILABLE, /readyz 503, the log says why once and never shows the password, and the
// server stops logging in, so that imports with the right password keep working meanwhile
// (Neo4j locks a user after 3 failed logins in a row, for everyone).
func TestNeo4jWrongPassword(t *testing.T) {
	testbackend.OpenNeo4j(t)
	right := testbackend.Neo4jConfig()
	const wrong = "not-the-password-1"
	store, h, logs := startWithPassword(t, right.User, wrong, time.Hour)

	for range 20 {
		r := post(t, h, `{ profession(code: "chef-de-projet") { name } }`, nil)
		equal(t, "codes", r.codes(), []string{"UNAVAILABLE"})
		equal(t, "message", r.Errors[0].Message, "the database is unavailable; try again later")
	}
	for range 5 {
		equal(t, "/readyz", readyz(h), http.StatusServiceUnavailable)
	}

	env := func(name string) string {
		return map[string]string{"NEO4J_URI": right.URI, "NEO4J_USER": right.User, "NEO4J_PASSWORD": right.Password,
			"NEO4J_DATABASE": right.Database, "LOG_LEVEL": "error"}[name]
	}
	for i := range 5 {
		if err := run(context.Background(), []string{"import", "seed"}, env); err != nil {
			t.Fatalf("import %d with the right password while the server has a wrong one: %v", i+1, err)
		}
	}
	equal(t, "logins the server tried", store.LoginFailures(), int64(1))

	out := logs.String()
	cause := "neo4j rejected the credentials of user " + right.User + ": check NEO4J_USER / NEO4J_PASSWORD"
	equal(t, "lines logging the cause", countLines(out, `msg="`+cause+`"`), 1)
	equal(t, "the cause is an error", countLines(out, `level=ERROR msg="`+cause+`"`), 1)
	if strings.Contains(out, wrong) {
		t.Errorf("the log shows the password:\n%s", out)
	}
}

// TestNeo4jPasswordFixed: once the password is fixed in Neo4j, the running server logs in
// again, applies its schema and answers, without a restart.
func TestNeo4jPasswordFixed(t *testing.T) {
	s := testbackend.OpenNeo4j(t)
	testbackend.LoadNeo4j(t, s, testbackend.Seed(t))
	const user, old, configured = "careergraph_fixed", "old-password-2", "new-password-2"
	testbackend.CreateUser(t, user, old, false)
	// The default pause between logins is 15 s; 6 s keeps it longer than Neo4j's lock (5 s).
	_, h, logs := startWithPassword(t, user, configured, 6*time.Second)
	equal(t, "/readyz before the fix", readyz(h), http.StatusServiceUnavailable)
	equal(t, "codes before the fix", post(t, h, `{ datasets { name } }`, nil).codes(), []string{"UNAVAILABLE"})

	testbackend.SetPassword(t, user, configured)
	deadline := time.Now().Add(60 * time.Second)
	for readyz(h) != http.StatusOK {
		if time.Now().After(deadline) {
			t.Fatal("/readyz did not recover within 60 s of the password fix")
		}
		time.Sleep(200 * time.Millisecond)
	}
	var got struct{ Datasets []struct{ Name string } }
	post(t, h, `{ datasets { name } }`, nil).decode(t, &got)
	equal(t, "datasets", got.Datasets, []struct{ Name string }{{"seed"}})

	out := logs.String()
	equal(t, "lines logging the cause", countLines(out, `msg="neo4j rejected the credentials of user careergraph_fixed`), 1)
	equal(t, "lines logging the recovery", countLines(out, `msg="neo4j answers again"`), 1)
	deadline = time.Now().Add(60 * time.Second)
	for countLines(logs.String(), `msg="neo4j schema ready"`) != 1 {
		if time.Now().After(deadline) {
			t.Fatalf("the schema loop did not apply the schema within 60 s of the password fix:\n%s", logs.String())
		}
		time.Sleep(200 * time.Millisecond)
	}
}
