package neo4jstore_test

import (
	"testing"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/internal/testbackend"
	"github.com/careergraph/careergraph/store/storetest"
)

// TestInterestsConformance runs the interest, work context and language cases on Neo4j.
func TestInterestsConformance(t *testing.T) {
	s := testbackend.OpenNeo4j(t)
	storetest.RunInterests(t, func(t *testing.T, datasets ...*career.Dataset) career.Store {
		testbackend.LoadNeo4j(t, s, datasets...)
		return s
	})
}
