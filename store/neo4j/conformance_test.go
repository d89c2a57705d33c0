package neo4jstore_test

import (
	"testing"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/internal/testbackend"
	"github.com/careergraph/careergraph/store/storetest"
)

// TestConformance runs the suite every backend passes, on Neo4j holding exactly the datasets
// the suite asks for.
func TestConformance(t *testing.T) {
	s := testbackend.OpenNeo4j(t)
	storetest.Run(t, testbackend.Seed(t), func(t *testing.T, datasets ...*career.Dataset) career.Store {
		testbackend.LoadNeo4j(t, s, datasets...)
		return s
	})
}
