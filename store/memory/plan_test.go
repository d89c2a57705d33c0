package memory_test

import (
	"testing"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/internal/testbackend"
	"github.com/careergraph/careergraph/store/memory"
	"github.com/careergraph/careergraph/store/storetest"
)

// TestPlans runs the read plans' conformance suite on the embedded store.
func TestPlans(t *testing.T) {
	storetest.RunPlans(t, testbackend.Seed(t), func(t *testing.T, datasets ...*career.Dataset) career.Store {
		return memory.New(datasets...)
	})
}

// TestRealPlans checks Q1–Q4 plans on the real data (CAREERGRAPH_DATA).
func TestRealPlans(t *testing.T) {
	storetest.RunRealPlans(t, memory.New(testbackend.RealData(t)...))
}
