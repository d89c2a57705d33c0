package neo4jstore_test

import (
	"context"
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/internal/testbackend"
	"github.com/careergraph/careergraph/store/memory"
	"github.com/careergraph/careergraph/store/storetest"
)

// TestLargeGenerated loads the 10,000-node generated graph, logs the load time, and compares
// traversals and rankings of both stores on a sample of professions.
func TestLargeGenerated(t *testing.T) {
	if testing.Short() {
		t.Skip("loads 10,000 nodes; skipped with -short")
	}
	s := testbackend.OpenNeo4j(t)
	d := storetest.Generate(1, "large")
	testbackend.LoadNeo4j(t, s)
	for _, what := range []string{"loaded", "reloaded (no change)"} {
		start := time.Now()
		testbackend.LoadNeo4j(t, s, d)
		t.Logf("%s %s in %v", what, d, time.Since(start).Round(time.Millisecond))
	}
	if got, want := graphCounts(t, d.Info.Name), (map[string]int64{
		"Profession": 4000, "Skill": 4000, "Tool": 1000, "Training": 1000, "Dataset": 1,
		"REQUIRES": 9688, "HAS_QUALITY": 3244, "USES": 4832, "TRAINED_BY": 3216, "NEXT": 10158, "SPECIALIZES": 693,
	}); !reflect.DeepEqual(got, want) {
		t.Errorf("counts %v, want %v", got, want)
	}
	mem := memory.New(d)
	df := &differ{t: t, mem: mem, neo: s}
	ctx := context.Background()
	timed := func(what string, f func()) {
		start := time.Now()
		f()
		t.Logf("%s: %v", what, time.Since(start).Round(time.Millisecond))
	}
	for i := 0; i < len(d.Professions); i += 401 {
		from := d.Professions[i].ID
		to := d.Professions[(i*7+13)%len(d.Professions)].ID
		timed(fmt.Sprintf("CareerPaths %s→%s 6", from, to), func() {
			check(df, "CareerPaths", func(s career.Store) ([][]*career.Profession, error) {
				return s.CareerPaths(ctx, from, to, 6, 20)
			})
		})
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
	timed("TopSkills", func() {
		check(df, "TopSkills", func(s career.Store) ([]career.SkillUsage, error) { return s.TopSkills(ctx, "", 100) })
	})
	timed("Search", func() {
		check(df, "Search", func(s career.Store) ([]career.SearchHit, error) {
			return s.Search(ctx, career.SearchQuery{Text: "dev", First: 50})
		})
	})
}
