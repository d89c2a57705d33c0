package main

import (
	"testing"

	"github.com/careergraph/careergraph/internal/testbackend"
	"github.com/careergraph/careergraph/store/storetest"
)

// TestNeo4jRoundTripsPerRootField proves the read plans: a request costs one Neo4j round trip
// per root field, however deep its selection and however many professions it returns (plus one
// to check that a dataset it names is loaded).
func TestNeo4jRoundTripsPerRootField(t *testing.T) {
	s := testbackend.OpenNeo4j(t)
	testbackend.LoadNeo4j(t, s, testbackend.Seed(t), storetest.Generate(1, "large"))
	t.Cleanup(func() { testbackend.LoadNeo4j(t, s, testbackend.Seed(t)) })
	c := testConfig(t)
	c.Neo4j.URI = "bolt://test" // configure the API as the server does for Neo4j
	h := newTestHandler(t, s, c)
	nested := `skills { skill { professions(first: 5) { nodes { name } } } }
		tools { name }
		nextCareers { profession { name } }`
	for _, tc := range []struct {
		name, query string
		want        int64
	}{
		{"one root field", `query($first: Int) { professions(first: $first) { nodes { ` + nested + ` } } }`, 1},
		{"one root field naming a dataset", `query($first: Int) {
			professions(first: $first, filter: {dataset: "gen"}) { nodes { ` + nested + ` } } }`, 2},
		{"three root fields", `query($first: Int) {
			professions(first: $first) { nodes { ` + nested + ` } }
			card: profession(id: "profession:seed:developpeur-web-back-end") { nextCareers { profession { ` + nested + ` } } }
			skill(id: "skill:seed:maitriser-langages-programmation") { professions(first: 5) { nodes { ` + nested + ` } } }
		}`, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			counts := map[int]int64{}
			for _, first := range []int{10, 100} {
				var got struct {
					Professions struct{ Nodes []struct{ Skills []any } }
				}
				before := s.QueryCount()
				post(t, h, tc.query, map[string]any{"first": first}).decode(t, &got)
				counts[first] = s.QueryCount() - before
				equal(t, "professions returned", len(got.Professions.Nodes), first)
			}
			equal(t, "round trips for first=10 and first=100", []int64{counts[10], counts[100]}, []int64{tc.want, tc.want})
		})
	}
}
