package memory_test

import (
	"testing"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/internal/testbackend"
	"github.com/careergraph/careergraph/store/memory"
	"github.com/careergraph/careergraph/store/storetest"
)

func TestEquivalentsConformance(t *testing.T) {
	storetest.RunEquivalents(t, testbackend.Seed(t), func(t *testing.T, datasets ...*career.Dataset) career.Store {
		return memory.New(datasets...)
	})
}
