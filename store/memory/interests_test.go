package memory_test

import (
	"testing"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/store/memory"
	"github.com/careergraph/careergraph/store/storetest"
)

func TestInterestsConformance(t *testing.T) {
	storetest.RunInterests(t, func(t *testing.T, datasets ...*career.Dataset) career.Store {
		return memory.New(datasets...)
	})
}
