package neo4jstore_test

import (
	"testing"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/internal/testbackend"
	"github.com/careergraph/careergraph/store/storetest"
)

// TestPlans runs the read plans' conformance suite on Neo4j holding the seed.
func TestPlans(t *testing.T) {
	s := testbackend.OpenNeo4j(t)
	storetest.RunPlans(t, testbackend.Seed(t), func(t *testing.T, datasets ...*career.Dataset) career.Store {
		testbackend.LoadNeo4j(t, s, datasets...)
		return s
	})
}
