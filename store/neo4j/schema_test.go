package neo4jstore_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/internal/testbackend"
	neo4jstore "github.com/careergraph/careergraph/store/neo4j"
)

// schemaWrite runs a schema statement on the test database through a driver of its own.
func schemaWrite(t *testing.T, statement string) {
	t.Helper()
	cfg := testbackend.Neo4jConfig()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	driver, err := neo4j.NewDriverWithContext(cfg.URI, neo4j.BasicAuth(cfg.User, cfg.Password, ""))
	if err != nil {
		t.Fatalf("driver: %v", err)
	}
	defer driver.Close(ctx)
	if _, err := neo4j.ExecuteQuery(ctx, driver, statement, nil, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(cfg.Database)); err != nil {
		t.Fatalf("%s: %v", statement, err)
	}
}

// fullTextIndex returns the ID and labels of the full-text index, as SHOW INDEXES gives them.
func fullTextIndex(t *testing.T) (id int64, labels []any) {
	t.Helper()
	rows := cypher(t, "SHOW FULLTEXT INDEXES YIELD id, name, labelsOrTypes WHERE name = $name RETURN id, labelsOrTypes",
		map[string]any{"name": neo4jstore.FullTextIndex})
	if len(rows) != 1 {
		t.Fatalf("full-text index %s: %d rows, want 1", neo4jstore.FullTextIndex, len(rows))
	}
	return rows[0]["id"].(int64), rows[0]["labelsOrTypes"].([]any)
}

// TestEnsureSchemaUpgradesFullText: a database holding the full-text index of the previous
// schema (professions, skills, tools and trainings only) gets it recreated over occupation
// groups too, which search then finds; a second EnsureSchema (the next start) keeps the index
// as it is (same ID).
func TestEnsureSchemaUpgradesFullText(t *testing.T) {
	s := testbackend.OpenNeo4j(t)
	ctx := context.Background()
	d := *testbackend.Seed(t)
	d.Groups = []career.OccupationGroup{{ID: "group:seed:info", Dataset: "seed", Code: "info", Name: "Informatique", Level: "domaine"}}
	testbackend.LoadNeo4j(t, s, &d)

	schemaWrite(t, "DROP INDEX "+neo4jstore.FullTextIndex)
	schemaWrite(t, "CREATE FULLTEXT INDEX "+neo4jstore.FullTextIndex+" FOR (n:Profession|Skill|Tool|Training) ON EACH [n.searchText] "+
		"OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}}")
	old, _ := fullTextIndex(t)

	if err := s.EnsureSchema(ctx); err != nil {
		t.Fatal(err)
	}
	upgraded, labels := fullTextIndex(t)
	if upgraded == old || !slices.Contains(labels, any("OccupationGroup")) {
		t.Errorf("after the upgrade: index %d (was %d) on %v, want a new index over OccupationGroup too", upgraded, old, labels)
	}
	hits, err := s.Search(ctx, career.SearchQuery{Text: "informatique", Kinds: []career.Kind{career.KindGroup}, First: 5})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 1 || hits[0].Node.(*career.OccupationGroup).ID != "group:seed:info" {
		t.Errorf("search for the group after the upgrade: got %v, want group:seed:info", hits)
	}

	if err := s.EnsureSchema(ctx); err != nil {
		t.Fatal(err)
	}
	if again, _ := fullTextIndex(t); again != upgraded {
		t.Errorf("a second EnsureSchema recreated the index: ID %d, was %d", again, upgraded)
	}
}
