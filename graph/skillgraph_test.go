package graph_test

import (
	"encoding/json"
	"io"
	"log/slog"
	"testing"

	"github.com/careergraph/careergraph/graph"
	"github.com/careergraph/careergraph/internal/testbackend"
	"github.com/careergraph/careergraph/store/storetest"
)

// TestSkillGraphFields asks for a skill's broader chain, narrower skills, related and
// co-required skills, groups and collections on both backends (storetest.SkillGraphDataset,
// whose answers are worked out by hand there).
func TestSkillGraphFields(t *testing.T) {
	query := `{
		sql: skill(id: "skill:sg:sql") { code isGroup collections broader { code isGroup }
			relatedSkills { importance skill { code } } coRequired { professions skill { code } }
			one: coRequired(first: 1) { professions skill { code } } narrower { totalCount nodes { code } } }
		dev: skill(id: "skill:sg:dev") { isGroup collections
			narrower(first: 2) { totalCount pageInfo { hasNextPage } nodes { code } } }
	}`
	want := `{"data":{"sql":{"code":"sql","isGroup":false,"collections":["DIGITAL","GREEN"],` +
		`"broader":[{"code":"dev","isGroup":true},{"code":"req","isGroup":false},{"code":"top","isGroup":true},{"code":"bdd","isGroup":true}],` +
		`"relatedSkills":[{"importance":"ESSENTIAL","skill":{"code":"code"}},{"importance":"OPTIONAL","skill":{"code":"algo"}},{"importance":"OPTIONAL","skill":{"code":"req"}}],` +
		`"coRequired":[{"professions":2,"skill":{"code":"algo"}},{"professions":2,"skill":{"code":"code"}}],` +
		`"one":[{"professions":2,"skill":{"code":"algo"}}],"narrower":{"totalCount":0,"nodes":[]}},` +
		`"dev":{"isGroup":true,"collections":[],"narrower":{"totalCount":4,"pageInfo":{"hasNextPage":true},"nodes":[{"code":"algo"},{"code":"bdd"}]}}}}`
	for _, b := range testbackend.Open(t, storetest.SkillGraphDataset()) {
		t.Run(b.Name, func(t *testing.T) {
			h := graph.NewHandler(b.Store, graph.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
			if got := dataOf(t, postQuery(t, h, query, nil)); got != want {
				t.Errorf("got  %s\nwant %s", got, want)
			}
		})
	}
}

// TestSkillGraphInPlannedRoots: the plans know only the fields of before the skill graph, so
// a planned root that selects them leaves the skills to the loaders and answers as without
// plans.
func TestSkillGraphInPlannedRoots(t *testing.T) {
	queries := []struct{ name, query, want string }{
		{"profession(id)", `{ profession(id: "profession:sg:p2") { name skills { importance skill { code broader { name }
			narrower(first: 1) { totalCount } relatedSkills { skill { code } } coRequired(first: 1) { professions skill { code } } isGroup collections } } } }`,
			`{"data":{"profession":{"name":"Développeur","skills":[` +
				`{"importance":"ESSENTIAL","skill":{"code":"sql","broader":[{"name":"Développement"},{"name":"Requêtes"},{"name":"Aptitudes"},{"name":"Bases de données"}],` +
				`"narrower":{"totalCount":0},"relatedSkills":[{"skill":{"code":"code"}},{"skill":{"code":"algo"}},{"skill":{"code":"req"}}],` +
				`"coRequired":[{"professions":2,"skill":{"code":"algo"}}],"isGroup":false,"collections":["DIGITAL","GREEN"]}},` +
				`{"importance":"OPTIONAL","skill":{"code":"algo","broader":[{"name":"Développement"},{"name":"Aptitudes"}],` +
				`"narrower":{"totalCount":0},"relatedSkills":[],"coRequired":[{"professions":2,"skill":{"code":"sql"}}],"isGroup":false,"collections":["TRANSVERSAL"]}}]}}}`},
		{"professions page", `{ professions(first: 1, filter: {dataset: "sg"}) { nodes { code skills { skill { code broader { code } } } } } }`,
			`{"data":{"professions":{"nodes":[{"code":"p1","skills":[{"skill":{"code":"sql","broader":[{"code":"dev"},{"code":"req"},{"code":"top"},{"code":"bdd"}]}},` +
				`{"skill":{"code":"algo","broader":[{"code":"dev"},{"code":"top"}]}},{"skill":{"code":"code","broader":[{"code":"dev"},{"code":"top"}]}}]}]}}}`},
	}
	for _, b := range testbackend.Open(t, storetest.SkillGraphDataset()) {
		t.Run(b.Name, func(t *testing.T) {
			logger := slog.New(slog.NewTextHandler(io.Discard, nil))
			planned := graph.NewHandler(b.Store, graph.Options{Logger: logger})
			unplanned := graph.NewHandler(b.Store, graph.Options{Logger: logger, NoPlans: true})
			for _, q := range queries {
				t.Run(q.name, func(t *testing.T) {
					got, without := postQuery(t, planned, q.query, nil), postQuery(t, unplanned, q.query, nil)
					if got != without {
						t.Errorf("with plans:\n%s\nwithout:\n%s", got, without)
					}
					if d := dataOf(t, got); d != q.want {
						t.Errorf("got  %s\nwant %s", d, q.want)
					}
				})
			}
		})
	}
}

// dataOf returns a response of postQuery without its extensions: {"errors":…,"data":…}.
func dataOf(t *testing.T, response string) string {
	t.Helper()
	var resp struct {
		Errors []json.RawMessage `json:"errors,omitempty"`
		Data   json.RawMessage   `json:"data"`
	}
	if err := json.Unmarshal([]byte(response), &resp); err != nil {
		t.Fatalf("response %s: %v", response, err)
	}
	out, err := json.Marshal(resp)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}
