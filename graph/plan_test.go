package graph_test

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/graph"
	"github.com/careergraph/careergraph/internal/testbackend"
	"github.com/careergraph/careergraph/store/memory"
)

// planQueries are queries that plans answer (or leave to the loaders) with aliases, fragments,
// filters, nested pages and errors. roundTrips is what the query costs on Neo4j with plans.
var planQueries = []struct {
	name       string
	query      string
	vars       map[string]any
	roundTrips int64
}{
	{"the card, with aliases and fragments", `query($id: ID) {
		card: profession(id: $id) { ...head qualities { name } essential: skills(importance: ESSENTIAL) { importance skill { ...skill } }
			skills { importance s: skill { id } skill { name kind } } tools { name category } devTools: tools(category: "Outils de développement") { name }
			allTools: tools(category: "") { id } trainings { name level durationYears } higher: trainings(level: HIGHER_LONG) { name }
			nextCareers { kind profession { id name } } up: nextCareers(kind: PROGRESSION) { profession { name } } }
	}
	fragment head on Profession { id name code dataset alternativeNames summary description sector tasks language source __typename }
	fragment skill on Skill { id name description language alternativeNames }`,
		map[string]any{"id": "profession:seed:developpeur-web-back-end"}, 1},
	{"next careers and their skills", `{
		profession(id: "profession:seed:developpeur-web-back-end") { name nextCareers { profession { name skills { skill { name } } } } }
	}`, nil, 1},
	{"a page of professions with edges, nodes and filters", `query($first: Int, $after: String) {
		professions(first: $first, after: $after, filter: {dataset: "seed"}) {
			totalCount pageInfo { hasNextPage endCursor }
			edges { cursor node { name skills(importance: ESSENTIAL, kind: SKILL) { skill { name } } } }
			nodes { code tools { name } specializationOf { name specializationOf { name } } }
		}
	}`, map[string]any{"first": 3, "after": career.EncodeCursor("Architecte logiciel", "profession:seed:architecte-logiciel")}, 2},
	{"nested pages", `{
		skill(id: "skill:seed:maitriser-langages-programmation") { name
			professions(first: 2) { totalCount pageInfo { hasNextPage endCursor } nodes { name
				skills(importance: OPTIONAL) { skill { id professions(first: 2, after: "` +
		career.EncodeCursor("Chef·fe de projet", "profession:seed:chef-de-projet") + `") { totalCount edges { cursor node { code } } } } } } }
			essential: professions(importance: ESSENTIAL, first: 10) { nodes { name } } }
	}`, nil, 1},
	{"a tool's and a training's professions", `{
		tool(id: "tool:seed:git") { name category professions(first: 4) { nodes { name trainings { name professions(first: 2) { nodes { name } } } } } }
		training(id: "training:seed:secondaire") { name level professions { totalCount } }
	}`, nil, 2},
	{"node and nodes with inline fragments", `{
		node(id: "profession:seed:developpeur-web") { id ... on Profession { name specializations { name previousCareers { kind profession { name } } } } }
		nodes(ids: ["skill:seed:connaitre-bases-de-donnees", "profession:seed:chef-de-projet", "nope", "tool:seed:git", "profession:seed:nope"]) {
			__typename id ... on Skill { kind professions(first: 2) { nodes { name } } } ... on Profession { code qualities { name } }
			... on Node { id } ... on Tool { name } }
	}`, nil, 4},
	{"a profession by code", `{
		profession(dataset: "seed", code: "architecte-logiciel") { name previousCareers { kind profession { name } } nextCareers { profession { nextCareers { profession { code } } } } }
		unknown: profession(code: "nope") { name skills { importance } }
	}`, nil, 3},
	{"skip and include", `query($yes: Boolean!, $no: Boolean!) {
		profession(id: "profession:seed:developpeur-web-back-end") { name skills @include(if: $yes) { skill { name } } tools @skip(if: $yes) { name }
			trainings @include(if: $no) { name } ... on Profession @skip(if: $no) { qualities { name } } }
	}`, map[string]any{"yes": true, "no": false}, 1},
	{"an unknown ID and an ID of another kind", `{
		a: profession(id: "profession:seed:nope") { name skills { importance } }
		b: profession(id: "skill:seed:connaitre-bases-de-donnees") { name }
		c: skill(id: "nope") { name }
	}`, nil, 3},
	{"a nested argument out of range, answered by the loaders", `{
		skill(id: "skill:seed:maitriser-langages-programmation") { name professions(first: 2) { nodes { name skills { skill { professions(first: 500) { totalCount } } } } } }
	}`, nil, 4},
	{"a nested cursor that is not one", `{
		tool(id: "tool:seed:git") { professions(after: "nope") { totalCount } }
	}`, nil, 1},
	{"one key for two lists of one node, answered by the loaders", `{
		professions(first: 2) { edges { node { list: skills { importance } } } nodes { list: tools { name } } }
	}`, nil, 5},
	{"a text filter, answered by the loaders", `{
		professions(filter: {text: "web"}, first: 2) { nodes { name tools { name } } }
	}`, nil, 3},
	{"a dataset not loaded", `{ professions(filter: {dataset: "rome"}) { totalCount } }`, nil, 1},
	// Fields the plans do not know, and text fields given a lang, leave their root field to the
	// loaders: one round trip for the profession, one per field that loads.
	{"texts in a language, answered by the loaders", `{
		profession(id: "profession:seed:developpeur-web-back-end") { name en: name(lang: "en") summary(lang: "en") }
	}`, nil, 3},
	{"interest codes, work contexts and languages, answered by the loaders", `{
		profession(id: "profession:seed:developpeur-web-back-end") { name riasec workContexts languages }
	}`, nil, 4},
}

// TestPlansAnswerAsLoaders runs every plan query on both backends with plans and without, and
// wants the same response, byte for byte, errors included (in the order of their paths, as
// concurrent resolvers add them in any order); on Neo4j it counts the round trips with plans:
// one per planned root field, plus one to check a dataset filter, and the loaders' for what
// plans leave to them.
func TestPlansAnswerAsLoaders(t *testing.T) {
	for _, b := range testbackend.Open(t, testbackend.Seed(t)) {
		t.Run(b.Name, func(t *testing.T) {
			logger := slog.New(slog.NewTextHandler(io.Discard, nil))
			planned := graph.NewHandler(b.Store, graph.Options{Logger: logger})
			unplanned := graph.NewHandler(b.Store, graph.Options{Logger: logger, NoPlans: true})
			for _, q := range planQueries {
				t.Run(q.name, func(t *testing.T) {
					want := postQuery(t, unplanned, q.query, q.vars)
					var before int64
					if b.Neo4j != nil {
						before = b.Neo4j.QueryCount()
					}
					got := postQuery(t, planned, q.query, q.vars)
					if b.Neo4j != nil {
						if n := b.Neo4j.QueryCount() - before; n != q.roundTrips {
							t.Errorf("round trips: got %d, want %d", n, q.roundTrips)
						}
					}
					if got != want {
						t.Errorf("with plans:\n%s\nwithout:\n%s", got, want)
					}
				})
			}
		})
	}
}

// TestPlannedCard checks the planned card's answer itself on both backends.
func TestPlannedCard(t *testing.T) {
	for _, b := range testbackend.Open(t, testbackend.Seed(t)) {
		t.Run(b.Name, func(t *testing.T) {
			h := graph.NewHandler(b.Store, graph.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
			body := postQuery(t, h, `{ profession(id: "profession:seed:developpeur-web-back-end") {
				q: qualities { name } e: skills(importance: ESSENTIAL) { skill { name } } } }`, nil)
			var got struct {
				Data struct {
					Profession struct {
						Q []struct{ Name string }
						E []struct{ Skill struct{ Name string } }
					}
				}
			}
			if err := json.Unmarshal([]byte(body), &got); err != nil {
				t.Fatal(err)
			}
			var qualities []string
			for _, q := range got.Data.Profession.Q {
				qualities = append(qualities, q.Name)
			}
			want := []string{"Mobilité", "Orienté solution", "Responsabilité", "Travail en équipe", "Réactivité"}
			if !slices.Equal(qualities, want) {
				t.Errorf("qualities: got %q, want %q", qualities, want)
			}
			if n, first := len(got.Data.Profession.E), got.Data.Profession.E[0].Skill.Name; n != 10 || first != "Maîtriser des langages de programmation spécifiques" {
				t.Errorf("essential skills: got %d, first %q; want 10, first %q", n, first, "Maîtriser des langages de programmation spécifiques")
			}
		})
	}
}

// postQuery posts a query to h and returns the response, its errors sorted; the status must be
// 200.
func postQuery(t *testing.T, h http.Handler, query string, vars map[string]any) string {
	t.Helper()
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest(http.MethodPost, "/query", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	return sortedErrors(t, rec.Body.Bytes())
}

// BenchmarkCardOnMemory serves the seed card from the embedded store with plans and with the
// loaders: `go test ./graph -run - -bench CardOnMemory`.
func BenchmarkCardOnMemory(b *testing.B) {
	s := memory.New(testbackend.Seed(b))
	query := planQueries[0]
	body, err := json.Marshal(map[string]any{"query": query.query, "variables": query.vars})
	if err != nil {
		b.Fatal(err)
	}
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	for _, bc := range []struct {
		name    string
		noPlans bool
	}{{"plans", false}, {"loaders", true}} {
		b.Run(bc.name, func(b *testing.B) {
			h := graph.NewHandler(s, graph.Options{Logger: logger, NoPlans: bc.noPlans})
			for b.Loop() {
				req := httptest.NewRequest(http.MethodPost, "/query", bytes.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK {
					b.Fatalf("status %d", rec.Code)
				}
			}
		})
	}
}
