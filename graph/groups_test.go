package graph_test

import (
	"context"
	"io"
	"log/slog"
	"testing"

	"github.com/careergraph/careergraph/dataset/rome"
	"github.com/careergraph/careergraph/graph"
	"github.com/careergraph/careergraph/internal/datafiles"
	"github.com/careergraph/careergraph/internal/testbackend"
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
