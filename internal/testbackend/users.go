package testbackend

import (
	"context"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// systemQuery runs an administration query on Neo4j's system database, as the test user.
func systemQuery(t testing.TB, query string, params map[string]any) error {
	t.Helper()
	cfg := Neo4jConfig()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	driver, err := neo4j.NewDriverWithContext(cfg.URI, neo4j.BasicAuth(cfg.User, cfg.Password, ""))
	if err != nil {
		return err
	}
	defer driver.Close(ctx)
	_, err = neo4j.ExecuteQuery(ctx, driver, query, params, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase("system"), neo4j.ExecuteQueryWithWritersRouting())
	return err
}

// CreateUser creates a Neo4j user with this password for the test, and drops it when the
// test ends. Neo4j counts failed logins (and locks users) per user, so tests that log in
// with wrong passwords use a user of their own and leave the shared one alone.
// mustChange makes Neo4j require a new password before any query.
func CreateUser(t testing.TB, name, password string, mustChange bool) {
	t.Helper()
	change := "CHANGE NOT REQUIRED"
	if mustChange {
		change = "CHANGE REQUIRED"
	}
	// User names cannot be parameters; the tests' names are plain identifiers.
	if err := systemQuery(t, "CREATE OR REPLACE USER `"+name+"` SET PASSWORD $pw "+change, map[string]any{"pw": password}); err != nil {
		t.Fatalf("create neo4j user %s: %v", name, err)
	}
	t.Cleanup(func() {
		if err := systemQuery(t, "DROP USER `"+name+"` IF EXISTS", nil); err != nil {
			t.Errorf("drop neo4j user %s: %v", name, err)
		}
	})
}

// SetPassword changes the password of a Neo4j user, as an administrator fixing it would.
func SetPassword(t testing.TB, name, password string) {
	t.Helper()
	if err := systemQuery(t, "ALTER USER `"+name+"` SET PASSWORD $pw CHANGE NOT REQUIRED", map[string]any{"pw": password}); err != nil {
		t.Fatalf("set the password of neo4j user %s: %v", name, err)
	}
}
