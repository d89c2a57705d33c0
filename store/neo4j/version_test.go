package neo4jstore_test

import (
	"regexp"
	"testing"
	"time"

	"github.com/careergraph/careergraph/internal/testbackend"
	neo4jstore "github.com/careergraph/careergraph/store/neo4j"
	"github.com/careergraph/careergraph/store/storetest"
)

// TestDataVersionSeesImportsOfOtherProcesses loads datasets through one store and watches
// another store (its own driver, as another server would have) pick the new version up.
func TestDataVersionSeesImportsOfOtherProcesses(t *testing.T) {
	ctx := ctxT(t)
	importer := testbackend.OpenNeo4j(t)
	seed := testbackend.Seed(t)
	testbackend.LoadNeo4j(t, importer, seed)
	shape := regexp.MustCompile(`^[0-9a-f]{32}$`)
	version := func(s *neo4jstore.Store) string {
		t.Helper()
		v, err := s.DataVersion(ctx)
		if err != nil || !shape.MatchString(v) {
			t.Fatalf("DataVersion = %q, %v; want 32 hex digits", v, err)
		}
		return v
	}

	cfg := testbackend.Neo4jConfig()
	cfg.BoundsRefresh = 50 * time.Millisecond
	server, err := neo4jstore.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { server.Close(ctx) })
	first := version(importer)
	if got := version(server); got != first {
		t.Fatalf("two stores of one Neo4j: versions %s and %s", first, got)
	}

	// The importer's own load reads the version again when it commits, with no round trip after.
	star := storetest.Generate(1, "star")
	if err := importer.Load(ctx, star); err != nil {
		t.Fatal(err)
	}
	before := importer.QueryCount()
	second := version(importer)
	if second == first || importer.QueryCount() != before {
		t.Fatalf("after a load: version %s (was %s), %d round trips; want a new version and none", second, first, importer.QueryCount()-before)
	}
	// The server reads it again in the background once its copy is older than BoundsRefresh.
	deadline := time.Now().Add(30 * time.Second)
	for version(server) != second {
		if time.Now().After(deadline) {
			t.Fatalf("the server still serves version %s, want %s", version(server), second)
		}
		time.Sleep(20 * time.Millisecond)
	}

	// Dropping the dataset gives the seed alone again, as it was loaded: the first version.
	if err := importer.Drop(ctx, star.Info.Name); err != nil {
		t.Fatal(err)
	}
	if third := version(importer); third != first {
		t.Errorf("after dropping the star: version %s, want the first, %s", third, first)
	}
}
