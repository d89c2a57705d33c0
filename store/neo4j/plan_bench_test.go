package neo4jstore_test

import (
	"context"
	"testing"

	"github.com/careergraph/careergraph/internal/testbackend"
	"github.com/careergraph/careergraph/store/storetest"
)

// BenchmarkQ1 compares the card of a profession (Q1) read by one plan with the same read by the
// per-field methods (one call per list, as the resolvers read without plans), on the seed.
func BenchmarkQ1(b *testing.B) {
	s := testbackend.OpenNeo4j(b)
	testbackend.LoadNeo4j(b, s, testbackend.Seed(b))
	ctx := context.Background()
	plan := storetest.Q1(seedBackEnd)
	b.Run("plan", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.ReadPlan(ctx, plan); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("fields", func(b *testing.B) {
		for b.Loop() {
			if _, err := storetest.PlanByFields(ctx, s, plan); err != nil {
				b.Fatal(err)
			}
		}
	})
}
