package neo4jstore_test

import (
	"context"
	"slices"
	"testing"

	"github.com/careergraph/careergraph/internal/testbackend"
	neo4jstore "github.com/careergraph/careergraph/store/neo4j"
)

// TestTraversalPlans checks Neo4j's plan of each level query of the traversals: the
// professions of the level found by a seek of the ID index, no label or full scan, no
// cartesian product, no eager operator (EagerAggregation, the collect, is not one: Eager is
// the operator that buffers every row).
func TestTraversalPlans(t *testing.T) {
	s := testbackend.OpenNeo4j(t)
	for name, cypher := range neo4jstore.TraversalQueries {
		t.Run(name, func(t *testing.T) {
			ops, err := s.Explain(context.Background(), cypher, map[string]any{"ids": []string{"profession:seed:architecte-logiciel"}})
			if err != nil {
				t.Fatal(err)
			}
			for _, bad := range []string{"NodeByLabelScan", "AllNodesScan", "CartesianProduct", "Eager"} {
				if slices.Contains(ops, bad) {
					t.Errorf("plan has %s: %v", bad, ops)
				}
			}
			if !slices.Contains(ops, "NodeUniqueIndexSeek") {
				t.Errorf("plan %v has no NodeUniqueIndexSeek", ops)
			}
		})
	}
}
