package neo4jstore_test

import (
	"testing"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/internal/testbackend"
	"github.com/careergraph/careergraph/store/storetest"
)

// TestEquivalentsConformance runs the equivalences' suite on Neo4j holding exactly the datasets
// it asks for.
func TestEquivalentsConformance(t *testing.T) {
	s := testbackend.OpenNeo4j(t)
	storetest.RunEquivalents(t, testbackend.Seed(t), func(t *testing.T, datasets ...*career.Dataset) career.Store {
		testbackend.LoadNeo4j(t, s, datasets...)
		return s
	})
}
