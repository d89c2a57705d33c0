package neo4jstore_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/dataset/rome"
	"github.com/careergraph/careergraph/internal/datafiles"
	"github.com/careergraph/careergraph/internal/testbackend"
	"github.com/careergraph/careergraph/store/memory"
)

// TestRealData loads the seed and ROME into Neo4j, logs the load times, and compares deep
// traversals with the embedded store on a sample of ROME professions.
func TestRealData(t *testing.T) {
	if testing.Short() {
		t.Skip("loads ROME; skipped with -short")
	}
	s := testbackend.OpenNeo4j(t)
	seed := testbackend.Seed(t)
	r, _, err := rome.Read(datafiles.Full(t, "rome"))
	if err != nil {
		t.Fatalf("read ROME: %v", err)
	}
	start := time.Now()
	testbackend.LoadNeo4j(t, s, seed)
	t.Logf("loaded %s in %v", seed, time.Since(start).Round(time.Millisecond))
	start = time.Now()
	testbackend.LoadNeo4j(t, s, seed, r)
	t.Logf("loaded %s in %v", r, time.Since(start).Round(time.Millisecond))
	mem := memory.New(seed, r)
	df := &differ{t: t, mem: mem, neo: s}
	ctx := context.Background()
	timed := func(what string, f func()) {
		start := time.Now()
		f()
		t.Logf("%s: %v", what, time.Since(start).Round(time.Millisecond))
	}
	for i := 0; i < len(r.Professions); i += 317 {
		from := r.Professions[i].ID
		to := r.Professions[(i*7+13)%len(r.Professions)].ID
		for _, steps := range []int{4, 6} {
			timed(fmt.Sprintf("CareerPaths %s→%s %d", from, to, steps), func() {
				check(df, "CareerPaths", func(s career.Store) ([][]*career.Profession, error) {
					return s.CareerPaths(ctx, from, to, steps, 20)
				})
			})
		}
		timed("CareerProgression 6/200 "+from, func() {
			check(df, "CareerProgression", func(s career.Store) ([]career.CareerStep, error) {
				return s.CareerProgression(ctx, from, 6, 200)
			})
		})
		timed("SimilarProfessions "+from, func() {
			check(df, "SimilarProfessions", func(s career.Store) ([]career.ProfessionMatch, error) {
				return s.SimilarProfessions(ctx, from, 50)
			})
		})
	}
}
