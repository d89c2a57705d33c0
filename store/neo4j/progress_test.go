package neo4jstore_test

import (
	"reflect"
	"testing"

	"github.com/careergraph/careergraph/internal/testbackend"
	neo4jstore "github.com/careergraph/careergraph/store/neo4j"
)

// TestLoadProgress checks what `import` shows: each step of a load, with the rows written so
// far out of all the dataset's rows (the seed: 69 nodes, 223 links and the co-required skills
// of its 23 skills that professions require with another).
func TestLoadProgress(t *testing.T) {
	testbackend.OpenNeo4j(t) // skips or fails as every Neo4j test does
	cfg := testbackend.Neo4jConfig()
	var steps []string
	var last neo4jstore.LoadProgress
	cfg.OnLoadProgress = func(p neo4jstore.LoadProgress) {
		steps = append(steps, p.Step)
		last = p
	}
	ctx := ctxT(t)
	s, err := neo4jstore.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close(ctx)
	if err := s.Load(ctx, testbackend.Seed(t)); err != nil {
		t.Fatal(err)
	}
	want := []string{"dataset", "Profession nodes", "Skill nodes", "Tool nodes", "Training nodes", "requirements",
		"qualities", "tool uses", "training links", "moves", "specialisations", "equivalences", "stale group links",
		"skill facets", "stale skill links", "stale equivalences", "stale links",
		"stale Profession nodes", "stale Skill nodes", "stale Tool nodes", "stale Training nodes", "stale OccupationGroup nodes"}
	if !reflect.DeepEqual(steps, want) {
		t.Errorf("steps:\ngot  %q\nwant %q", steps, want)
	}
	// 292 nodes and links, the 23 skills with co-required skills, the 25 curated equivalences.
	if last.Dataset != "seed" || last.Rows != 292+23+25 || last.TotalRows != 292+23+25 || last.Elapsed <= 0 {
		t.Errorf("last progress %+v, want seed 340 of 340 rows", last)
	}
}
