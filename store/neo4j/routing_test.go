package neo4jstore_test

import (
	"context"
	"net/url"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/internal/testbackend"
	neo4jstore "github.com/careergraph/careergraph/store/neo4j"
	"github.com/careergraph/careergraph/store/storetest"
)

// openRouted opens a store on the test Neo4j through a neo4j:// URI: the driver asks the server
// for its routing table and sends reads to the readers, loads to the leader, as on a cluster.
func openRouted(t *testing.T) *neo4jstore.Store {
	t.Helper()
	testbackend.OpenNeo4j(t) // skips when the test Neo4j does not answer
	cfg := testbackend.Neo4jConfig()
	cfg.URI = withScheme(t, "neo4j")
	s, err := neo4jstore.Open(t.Context(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close(context.Background()) })
	if err := s.EnsureSchema(t.Context()); err != nil {
		t.Fatalf("schema over %s: %v", cfg.URI, err)
	}
	return s
}

// TestRoutingTable: the single test server advertises the address it listens on, so a
// neo4j:// routing table points back at it (scripts/neo4j sets the Bolt advertised address to
// its port) rather than at 7687, and names it for every role.
func TestRoutingTable(t *testing.T) {
	testbackend.OpenNeo4j(t)
	cfg := testbackend.Neo4jConfig()
	u, err := url.Parse(cfg.URI)
	if err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()
	driver, err := neo4j.NewDriverWithContext(cfg.URI, neo4j.BasicAuth(cfg.User, cfg.Password, ""))
	if err != nil {
		t.Fatal(err)
	}
	defer driver.Close(ctx)
	res, err := neo4j.ExecuteQuery(ctx, driver, "CALL dbms.routing.getRoutingTable({}, $db) YIELD servers "+
		"UNWIND servers AS s RETURN s.role AS role, s.addresses AS addresses ORDER BY role",
		map[string]any{"db": cfg.Database}, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(cfg.Database))
	if err != nil {
		t.Fatalf("routing table: %v", err)
	}
	var got [][]any
	for _, r := range res.Records {
		got = append(got, r.Values)
	}
	self := []any{u.Host}
	eq(t, "routing table", got, [][]any{{"READ", self}, {"ROUTE", self}, {"WRITE", self}})
}

// TestRoutedConformance runs the conformance suite through a neo4j:// URI: every load goes to
// the leader and every read, routed to a reader, sees the load just committed in this process
// (the reads carry the bookmarks of the store's writes).
func TestRoutedConformance(t *testing.T) {
	s := openRouted(t)
	storetest.Run(t, testbackend.Seed(t), func(t *testing.T, datasets ...*career.Dataset) career.Store {
		testbackend.LoadNeo4j(t, s, datasets...)
		return s
	})
}

// TestRoutedReadAfterLoad: a read right after a load, through neo4j://, sees the new version
// of the dataset, every time.
func TestRoutedReadAfterLoad(t *testing.T) {
	s := openRouted(t)
	ctx := t.Context()
	d := fixture()
	for round := range 3 {
		d.Info.Version = []string{"a", "b", "c"}[round]
		if err := s.Load(ctx, d); err != nil {
			t.Fatalf("load %d: %v", round, err)
		}
		ds, err := s.Datasets(ctx)
		if err != nil {
			t.Fatalf("datasets %d: %v", round, err)
		}
		var versions []string
		for _, info := range ds {
			if info.Name == d.Info.Name {
				versions = append(versions, info.Version)
			}
		}
		eq(t, "version read after load", versions, []string{d.Info.Version})
	}
}
