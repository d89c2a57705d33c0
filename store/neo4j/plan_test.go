package neo4jstore_test

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/internal/testbackend"
	neo4jstore "github.com/careergraph/careergraph/store/neo4j"
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

// The IDs of the seed the plan tests read.
const (
	seedBackEnd   = "profession:seed:developpeur-web-back-end"
	seedWeb       = "profession:seed:developpeur-web"
	seedLanguages = "skill:seed:maitriser-langages-programmation"
)

// explainPlans are the shapes of the queries: the card (Q1), next careers with their
// skills (Q2), 20 professions of a dataset by name with their essential skills (Q3) and a
// skill's first 20 professions by name (Q4).
func explainPlans() []struct {
	name string
	plan *career.ReadPlan
	seek string // the operator that finds the root
} {
	return []struct {
		name string
		plan *career.ReadPlan
		seek string
	}{
		{"Q1", storetest.Q1(seedBackEnd), "NodeUniqueIndexSeek"},
		{"Q2", storetest.Q2(seedBackEnd), "NodeUniqueIndexSeek"},
		{"Q3", storetest.Q3("seed", 20, ""), "NodeIndexSeek"},
		{"Q4", storetest.Q4(seedLanguages, 20, ""), "NodeUniqueIndexSeek"},
	}
}

// TestPlanExplain checks the plan Neo4j makes for each compiled shape of Q1–Q4: the root found by
// an index seek, and no scan of all nodes or of a label, no cartesian product, no eager
// operator. It logs the operators.
func TestPlanExplain(t *testing.T) {
	s := testbackend.OpenNeo4j(t)
	testbackend.LoadNeo4j(t, s, testbackend.Seed(t))
	ctx := context.Background()
	for _, tc := range explainPlans() {
		t.Run(tc.name, func(t *testing.T) {
			ops, err := neo4jstore.ExplainPlan(ctx, s, tc.plan)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s operators: %s", tc.name, strings.Join(ops, " > "))
			if !slices.Contains(ops, tc.seek) {
				t.Errorf("%s: no %s among %v", tc.name, tc.seek, ops)
			}
			for _, bad := range []string{"AllNodesScan", "NodeByLabelScan", "CartesianProduct", "Eager"} {
				if slices.Contains(ops, bad) {
					t.Errorf("%s: %s among %v", tc.name, bad, ops)
				}
			}
		})
	}
}

// TestPlanRoundTrips checks that a plan costs one query, whatever its depth.
func TestPlanRoundTrips(t *testing.T) {
	s := testbackend.OpenNeo4j(t)
	testbackend.LoadNeo4j(t, s, testbackend.Seed(t))
	ctx := context.Background()
	deep := storetest.Q2(seedBackEnd)
	deep.Node.Lists[0].Node.Lists = append(deep.Node.Lists[0].Node.Lists, &career.ListPlan{
		Key: "nextCareers", Rel: career.RelNextCareers, Node: &career.NodePlan{Lists: []*career.ListPlan{
			{Key: "specializations", Rel: career.RelSpecializations, Node: &career.NodePlan{}},
		}},
	})
	plans := map[string]*career.ReadPlan{"deep": deep}
	for _, tc := range explainPlans() {
		plans[tc.name] = tc.plan
	}
	got := map[string]int64{}
	want := map[string]int64{}
	for name, p := range plans {
		before := s.QueryCount()
		if _, err := s.ReadPlan(ctx, p); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		got[name], want[name] = s.QueryCount()-before, 1
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("round trips: got %v, want %v", got, want)
	}
}

// TestPlanTextPerShape checks that a plan's text depends on its shape alone: other IDs, filters,
// pages and aliases give the same text, and no value is in it.
func TestPlanTextPerShape(t *testing.T) {
	s := testbackend.OpenNeo4j(t)
	text := func(p *career.ReadPlan) string {
		t.Helper()
		c, _, err := neo4jstore.PlanText(s, p)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	filtered := storetest.Q1(seedWeb)
	filtered.Node.Lists[1].Key, filtered.Node.Lists[1].Importance = "essential", career.Essential
	category := "Outils de développement"
	filtered.Node.Lists[2].Category = &category
	// The same filters with other values, on another profession.
	other := storetest.Q1(seedBackEnd)
	other.Node.Lists[1].Importance = career.Optional
	otherCategory := "Bureautique"
	other.Node.Lists[2].Category = &otherCategory
	pairs := []struct {
		name string
		a, b *career.ReadPlan
	}{
		{"Q1 of another profession, aliased, other filter values", other, filtered},
		{"Q3 of another dataset and page", storetest.Q3("seed", 20, ""), storetest.Q3("rome", 5, "")},
		{"Q4 after a cursor", storetest.Q4(seedLanguages, 20, ""), storetest.Q4("skill:seed:x", 3, career.EncodeCursor("Architecte logiciel", "profession:seed:architecte-logiciel"))},
	}
	// Which filters a list gives is part of its shape: an unfiltered list tests nothing.
	if plain, f := text(storetest.Q1(seedWeb)), text(filtered); plain == f || strings.Contains(plain, "importance =") || !strings.Contains(f, "importance =") {
		t.Errorf("the unfiltered and filtered texts should differ in their filters only:\n%s\n%s", plain, f)
	}
	for _, pc := range pairs {
		a, b := text(pc.a), text(pc.b)
		if a != b {
			t.Errorf("%s: the texts differ:\n%s\n%s", pc.name, a, b)
		}
		for _, v := range []string{"seed", "rome", "ESSENTIAL", "OPTIONAL", category, otherCategory, "essential"} {
			if strings.Contains(b, v) {
				t.Errorf("%s: the text holds the value %q:\n%s", pc.name, v, b)
			}
		}
	}
}

// TestRealPlans checks Q1–Q4 plans on Neo4j holding the real data (CAREERGRAPH_DATA), and their
// compiled shapes with EXPLAIN there.
func TestRealPlans(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the real data; skipped with -short")
	}
	data := testbackend.RealData(t)
	s := testbackend.OpenNeo4j(t)
	testbackend.LoadNeo4j(t, s, data...)
	storetest.RunRealPlans(t, s)
	for _, tc := range explainPlans() {
		ops, err := neo4jstore.ExplainPlan(context.Background(), s, tc.plan)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s operators on the real data: %s", tc.name, strings.Join(ops, " > "))
		for _, bad := range []string{"AllNodesScan", "NodeByLabelScan", "CartesianProduct", "Eager"} {
			if slices.Contains(ops, bad) {
				t.Errorf("%s: %s among %v", tc.name, bad, ops)
			}
		}
	}
}
