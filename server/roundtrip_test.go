package main

import (
	"testing"
	"time"

	"github.com/careergraph/careergraph/internal/testbackend"
	"github.com/careergraph/careergraph/store/storetest"
)

// TestNeo4jRoundTripsGrowWithDepthNotSize proves the dataloaders: a nested query costs the same
// number of Neo4j round trips whether it returns 10 or 100 professions.
func TestNeo4jRoundTripsGrowWithDepthNotSize(t *testing.T) {
	s := testbackend.OpenNeo4j(t)
	testbackend.LoadNeo4j(t, s, testbackend.Seed(t), storetest.Generate(1, "large"))
	t.Cleanup(func() { testbackend.LoadNeo4j(t, s, testbackend.Seed(t)) })
	c := testConfig(t)
	c.Neo4j.URI = "bolt://test" // batch keys as the server does for Neo4j
	c.LoaderWait = 20 * time.Millisecond
	h := newTestHandler(t, s, c)
	// The same nested query, over all the data and over the generated dataset only: naming a
	// dataset adds one round trip, the store's datasets read once to check that it is loaded.
	for _, tc := range []struct {
		name, filter string
		want         int64
	}{
		{"no dataset named", "", 5},
		{"a dataset named", `, filter: {dataset: "gen"}`, 6},
	} {
		t.Run(tc.name, func(t *testing.T) {
			query := `query($first: Int) {
				professions(first: $first` + tc.filter + `) { nodes {
					skills { skill { professions(first: 5) { nodes { name } } } }
					tools { name }
					nextCareers { profession { name } }
				} }
			}`
			counts := map[int]int64{}
			for _, first := range []int{10, 100} {
				var got struct {
					Professions struct{ Nodes []struct{ Skills []any } }
				}
				before := s.QueryCount()
				post(t, h, query, map[string]any{"first": first}).decode(t, &got)
				counts[first] = s.QueryCount() - before
				equal(t, "professions returned", len(got.Professions.Nodes), first)
			}
			// One query per level: the page, then requirements, tools and next careers of every
			// profession, then the professions of every skill; plus the datasets, when one is named.
			equal(t, "round trips for first=10 and first=100", []int64{counts[10], counts[100]}, []int64{tc.want, tc.want})
		})
	}
}
