package graph_test

import (
	"context"
	"io"
	"log/slog"
	"reflect"
	"testing"

	"github.com/99designs/gqlgen/graphql"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/dataset/rome"
	"github.com/careergraph/careergraph/graph"
	"github.com/careergraph/careergraph/internal/datafiles"
	"github.com/careergraph/careergraph/internal/testbackend"
	"github.com/careergraph/careergraph/store/memory"
)

// TestGroupsThroughTheAPI asks for occupation groups on every backend, through fields the read
// plans do not know (Profession.groups, node(id:) and nodes(ids:) on a group ID, search with
// kinds [GROUP]): the loaders answer them, planned fields beside them included. The names are
// those of the ROME excerpt's unix_domaine_professionnel and unix_grand_domaine files; grand
// domaine M holds its 12 M fiches, "Développeur / Développeuse décisionnel" (M1824) first by name.
func TestGroupsThroughTheAPI(t *testing.T) {
	d, _, err := rome.Read(datafiles.Excerpt(t, "rome"))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, b := range testbackend.Open(t, d) {
		t.Run(b.Name, func(t *testing.T) {
			h := graph.NewHandler(b.Store, graph.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
			for _, c := range []struct{ name, query, want string }{
				{"groups of a profession", `{ profession(id: "profession:rome:M1805") { code groups { id level } } }`,
					`{"profession":{"code":"M1805","groups":[{"id":"group:rome:M18","level":"ROME domaine professionnel"},{"id":"group:rome:M","level":"ROME grand domaine"}]}}`},
				{"node on a group", `{ node(id: "group:rome:M18") { id ... on OccupationGroup { name broader { code } } } }`,
					`{"node":{"id":"group:rome:M18","name":"Systèmes d'information et de télécommunication","broader":{"code":"M"}}}`},
				{"nodes with a group", `{ nodes(ids: ["profession:rome:M1805", "group:rome:M", "group:rome:Z"]) { id } }`,
					`{"nodes":[{"id":"profession:rome:M1805"},{"id":"group:rome:M"},null]}`},
				{"occupationGroup", `{ occupationGroup(id: "group:rome:M") { narrower { code } professions(first: 1) { totalCount nodes { code } } } }`,
					`{"occupationGroup":{"narrower":[{"code":"M18"}],"professions":{"totalCount":12,"nodes":[{"code":"M1824"}]}}}`},
				{"search groups", `{ search(text: "systèmes information", kinds: [GROUP]) { kind node { id } } }`,
					`{"search":[{"kind":"GROUP","node":{"id":"group:rome:M18"}}]}`},
			} {
				a := query(t, ctx, h, c.query)
				if len(a.Errors) > 0 || string(a.Data) != c.want {
					t.Errorf("%s:\ngot  %s %v\nwant %s", c.name, a.Data, a.Errors, c.want)
				}
			}
		})
	}
}

// TestGroupCost checks the cost of the group fields on every backend holding the ROME
// excerpt, whose bounds give 2 groups per profession (domaine and grand domaine) and at most 3
// narrower groups (grand domaine A holds A12, A13 and A14), and that the search postings count
// the group names: "esp" gains Espaces (A, once though named twice) and espaces (A12), "ass"
// Assurance (C, C11) and assistance (A13), "sup" Support (M).
func TestGroupCost(t *testing.T) {
	d, _, err := rome.Read(datafiles.Excerpt(t, "rome"))
	if err != nil {
		t.Fatal(err)
	}
	noGroups := *d
	noGroups.Groups, noGroups.GroupMembers = nil, nil
	without, err := memory.New(&noGroups).Bounds(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, b := range testbackend.Open(t, d) {
		t.Run(b.Name, func(t *testing.T) {
			bounds, err := b.Store.(career.BoundsReader).Bounds(ctx)
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]int{}
			for _, p := range []string{"esp", "ass", "sup"} {
				got[p] = bounds.TextPrefixes[p] - without.TextPrefixes[p]
			}
			if want := map[string]int{"esp": 2, "ass": 3, "sup": 1}; !reflect.DeepEqual(got, want) {
				t.Errorf("postings added by group names: got %v, want %v", got, want)
			}
			limit := graph.NewCostLimit(b.Store, 1000)
			for _, c := range []struct {
				query string
				want  int
			}{
				// 1 + groups (1 + 2 × name 1).
				{`{ profession(id: "profession:rome:M1805") { groups { name } } }`, 4},
				// 1 + name 1 + narrower (1 + 3 × 1) + professions (1 + totalCount 1 + nodes (1 + 3 × 1)).
				{`{ occupationGroup(id: "group:rome:M") { name narrower { code } professions(first: 3) { totalCount nodes { code } } } }`, 12},
				// 1 + broader (1 + name 1) + narrower (1 + 3 × professions (1 + nodes (1 + 1 × groups (1 + 2 × 1)))).
				{`{ occupationGroup(id: "group:rome:M18") { broader { name } narrower { professions(first: 1) { nodes { groups { code } } } } } }`, 19},
				// professions(first: 0) is refused when it runs: it costs 1.
				{`{ occupationGroup(id: "group:rome:M") { professions(first: 0) { nodes { code } } } }`, 2},
			} {
				op := operation(t, c.query)
				if err := limit.MutateOperationContext(ctx, op); err != nil {
					t.Fatal(err)
				}
				cost, _ := graph.OperationCost(graphql.WithOperationContext(ctx, op))
				if cost != c.want {
					t.Errorf("%s: cost %d, want %d", c.query, cost, c.want)
				}
			}
		})
	}
}
