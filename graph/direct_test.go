package graph_test

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/graph"
	"github.com/careergraph/careergraph/httpapi"
	"github.com/careergraph/careergraph/internal/benchquery"
	"github.com/careergraph/careergraph/internal/testbackend"
)

// directQuery is a query for the direct writer's differential test: direct says whether the
// direct writer answers it (else gqlgen does, on both handlers).
type directQuery struct {
	name   string
	query  string
	vars   map[string]any
	direct bool
}

// directQueries are the queries of the differential test beyond planQueries and the GraphiQL
// examples.
var directQueries = []directQuery{
	{"Q1 on the seed card", seedCard(benchquery.Q1), nil, true},
	{"Q2 on the seed card", seedCard(benchquery.Q2), nil, true},
	{"Q1 on a profession not loaded, null", benchquery.Q1, nil, true},
	{"__typename at every level, with aliases", `{ __typename t: __typename
		p: profession(id: "profession:seed:developpeur-web-back-end") { __typename n: name
			skills { __typename importance skill { __typename name } } nextCareers { __typename kind profession { __typename code } }
			trainings { __typename durationYears } tools { __typename category } specializationOf { __typename name } }
		professions(first: 2) { __typename totalCount pageInfo { __typename hasNextPage endCursor } edges { __typename cursor node { __typename id } } } }`,
		nil, true},
	{"fragments on Node and on the object types", `query { node(id: "skill:seed:connaitre-bases-de-donnees") { ...n ... on Skill { ...s } }
		tool: node(id: "tool:seed:git") { ...n ... on Tool { category professions(first: 1) { nodes { ...n } } } } }
		fragment n on Node { id __typename }
		fragment s on Skill { name kind description language alternativeNames code dataset }`, nil, true},
	{"skip and include with variables, on fields and fragments", `query($yes: Boolean!, $no: Boolean!) {
		a: profession(id: "profession:seed:developpeur-web-back-end") @include(if: $yes) { name @skip(if: $no) code @skip(if: $yes)
			... @include(if: $no) { summary } ... on Profession @include(if: $yes) { tasks } }
		b: profession(id: "profession:seed:chef-de-projet") @skip(if: $yes) { name } }`,
		map[string]any{"yes": true, "no": false}, true},
	{"nested pages with after and empty lists", `query($after: String) {
		professions(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { name specializations { name } previousCareers { kind } }
			edges { cursor node { qualities { name } } } }
		empty: professions(first: 1, filter: {skill: "skill:seed:nope"}) { totalCount pageInfo { hasNextPage endCursor } edges { cursor } nodes { name } } }`,
		map[string]any{"after": career.EncodeCursor("Architecte logiciel", "profession:seed:architecte-logiciel")}, true},
	{"null optional fields", `{ nodes(ids: ["profession:seed:architecte-logiciel", "training:seed:secondaire", "tool:seed:git"]) {
		... on Profession { summary description sector language source specializationOf { name } }
		... on Training { durationYears description level } ... on Tool { category } } }`, nil, true},
	{"a filter with a loaded dataset, a sector and a tool", `{ professions(filter: {dataset: "seed", sector: "", tool: "tool:seed:git"}, first: 3) { totalCount nodes { name } } }`, nil, true},
	{"a profession by code, dataset left out", `{ profession(code: "architecte-logiciel") { name } }`, nil, true},
	{"unknown IDs and codes, null", `{ profession(id: "profession:seed:nope") { name } c: profession(code: "nope") { name }
		skill(id: "skill:seed:nope") { name } node(id: "tool:seed:nope") { id } }`, nil, true},
	{"an ID of another kind", `{ profession(id: "skill:seed:connaitre-bases-de-donnees") { name } }`, nil, false},
	{"a malformed ID", `{ node(id: "nope") { id } }`, nil, false},
	{"a planned root beside an unplanned one", `{ profession(id: "profession:seed:architecte-logiciel") { name } search(text: "web") { score } }`, nil, false},
	{"a field the writer does not know", `{ profession(id: "profession:seed:architecte-logiciel") { name } stats { professions } }`, nil, false},
	{"an argument out of range", `{ professions(first: 500) { totalCount } }`, nil, false},
	{"a text filter", `{ professions(filter: {text: "web"}) { totalCount } }`, nil, false},
	{"introspection", `{ __schema { queryType { name } } profession(id: "profession:seed:architecte-logiciel") { name } }`, nil, false},
	{"a dataset that is not loaded", `{ profession(dataset: "rome", code: "M1805") { name } }`, nil, false},
	{"both id and code", `{ profession(id: "profession:seed:architecte-logiciel", code: "x") { name } }`, nil, false},
}

// TestDirectWriterWritesGqlgensBytes runs every plan query, every GraphiQL example and the
// queries above through the direct writer and through gqlgen (NoDirect), on both backends, and
// wants the same status, Content-Type and body, byte for byte; it checks which queries the
// direct writer answered.
func TestDirectWriterWritesGqlgensBytes(t *testing.T) {
	queries := append([]directQuery{}, directQueries...)
	for _, q := range planQueries {
		queries = append(queries, directQuery{"plan: " + q.name, q.query, q.vars, planQueriesDirect[q.name]})
	}
	for _, ex := range httpapi.Examples() {
		var vars map[string]any
		if ex.Variables != "" {
			if err := json.Unmarshal([]byte(ex.Variables), &vars); err != nil {
				t.Fatal(err)
			}
		}
		name := firstLine(ex.Query)
		queries = append(queries, directQuery{"example: " + name, ex.Query, vars, examplesDirect[name]})
	}
	for _, b := range testbackend.Open(t, testbackend.Seed(t)) {
		t.Run(b.Name, func(t *testing.T) {
			logger := slog.New(slog.NewTextHandler(io.Discard, nil))
			direct := graph.NewHandler(b.Store, graph.Options{Logger: logger, Introspection: true})
			gqlgen := graph.NewHandler(b.Store, graph.Options{Logger: logger, Introspection: true, NoDirect: true})
			for _, q := range queries {
				t.Run(q.name, func(t *testing.T) {
					want := postRaw(t, gqlgen, q.query, q.vars, !q.direct)
					before := graph.DirectAnswers()
					got := postRaw(t, direct, q.query, q.vars, !q.direct)
					if answered := graph.DirectAnswers() - before; answered != boolCount(q.direct) {
						t.Errorf("direct answers: got %d, want %d", answered, boolCount(q.direct))
					}
					if got != want {
						t.Errorf("direct:\n%s\ngqlgen:\n%s", got, want)
					}
				})
			}
		})
	}
}

// planQueriesDirect are the plan queries the direct writer answers: the others hold an
// unknown ID, an argument out of range, a text filter, … (see their names).
var planQueriesDirect = map[string]bool{
	"the card, with aliases and fragments":                true,
	"next careers and their skills":                       true,
	"a page of professions with edges, nodes and filters": true,
	"nested pages":                                               true,
	"a tool's and a training's professions":                      true,
	"node and nodes with inline fragments":                       true,
	"skip and include":                                           true,
	"a profession by code":                                       true,
	"a nested cursor that is not one":                            false,
	"one key for two lists of one node, answered by the loaders": false,
}

// examplesDirect are the GraphiQL examples the direct writer answers, by their first line.
var examplesDirect = map[string]bool{
	"# A profession's full card (the seed card \"Développeur·euse web back end\").": true,
}

// seedCard returns a benchmark query of internal/benchquery on the seed card.
func seedCard(query string) string {
	return strings.ReplaceAll(query, benchquery.Profession, "profession:seed:developpeur-web-back-end")
}

// firstLine returns the first line of s.
func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// boolCount is 1 for true, 0 for false.
func boolCount(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// postRaw posts a query to h and returns the response's status, Content-Type and body as they
// are, or with its errors sorted when sortErrors (gqlgen's concurrent resolvers add errors in
// any order; a direct answer has none).
func postRaw(t *testing.T, h http.Handler, query string, vars map[string]any, sortErrors bool) string {
	t.Helper()
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest(http.MethodPost, "/query", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	out := rec.Body.String()
	if sortErrors {
		out = sortedErrors(t, rec.Body.Bytes())
	}
	return http.StatusText(rec.Code) + " " + rec.Header().Get("Content-Type") + "\n" + out
}

// sortedErrors returns a response body with its errors sorted.
func sortedErrors(t *testing.T, body []byte) string {
	t.Helper()
	var resp struct {
		Errors     []json.RawMessage `json:"errors,omitempty"`
		Data       json.RawMessage   `json:"data"`
		Extensions json.RawMessage   `json:"extensions,omitempty"`
	}
	if err := json.Unmarshal(body, &resp); err != nil {
		t.Fatalf("response %s: %v", body, err)
	}
	slices.SortFunc(resp.Errors, func(a, b json.RawMessage) int { return bytes.Compare(a, b) })
	out, err := json.Marshal(resp)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// TestDirectWriterReusesPlansOfOneDocument sends each query the direct writer answers twice to
// one handler (the second answer from the plans kept for its document and variables), then the
// query with @skip and @include variables again with other values, and wants gqlgen's bytes
// every time.
func TestDirectWriterReusesPlansOfOneDocument(t *testing.T) {
	swapped := map[string]any{"yes": false, "no": true}
	for _, b := range testbackend.Open(t, testbackend.Seed(t)) {
		t.Run(b.Name, func(t *testing.T) {
			logger := slog.New(slog.NewTextHandler(io.Discard, nil))
			direct := graph.NewHandler(b.Store, graph.Options{Logger: logger})
			gqlgen := graph.NewHandler(b.Store, graph.Options{Logger: logger, NoDirect: true})
			for _, q := range directQueries {
				if !q.direct {
					continue
				}
				t.Run(q.name, func(t *testing.T) {
					sends := []map[string]any{q.vars, q.vars}
					if q.vars["yes"] != nil {
						sends = append(sends, swapped)
					}
					for i, vars := range sends {
						want := postRaw(t, gqlgen, q.query, vars, false)
						before := graph.DirectAnswers()
						got := postRaw(t, direct, q.query, vars, false)
						if answered := graph.DirectAnswers() - before; answered != 1 {
							t.Errorf("send %d: direct answers: got %d, want 1", i, answered)
						}
						if got != want {
							t.Errorf("send %d: direct:\n%s\ngqlgen:\n%s", i, got, want)
						}
					}
				})
			}
		})
	}
}

// TestDirectWriterAnswersExpensiveRequests: a planned query that admission control counts as
// expensive (here every query is: the threshold is 0) is admitted, then answered by the direct
// writer with gqlgen's bytes; its planned root fields scan nothing, so they need no turns.
func TestDirectWriterAnswersExpensiveRequests(t *testing.T) {
	for _, b := range testbackend.Open(t, testbackend.Seed(t)) {
		t.Run(b.Name, func(t *testing.T) {
			logger := slog.New(slog.NewTextHandler(io.Discard, nil))
			admission := graph.DefaultAdmission()
			admission.Threshold = 0
			direct := graph.NewHandler(b.Store, graph.Options{Logger: logger, Admission: &admission})
			gqlgen := graph.NewHandler(b.Store, graph.Options{Logger: logger, Admission: &admission, NoDirect: true})
			for _, query := range []string{seedCard(benchquery.Q1), seedCard(benchquery.Q2)} {
				want := postRaw(t, gqlgen, query, nil, false)
				before := graph.DirectAnswers()
				got := postRaw(t, direct, query, nil, false)
				if answered := graph.DirectAnswers() - before; answered != 1 {
					t.Errorf("%s: direct answers: got %d, want 1", firstLine(query), answered)
				}
				if got != want {
					t.Errorf("direct:\n%s\ngqlgen:\n%s", got, want)
				}
			}
		})
	}
}

// directSends are documents sent to one handler with different variables, in turn: the plans
// kept for a document are bound to each request's variables. direct says, per send, whether the
// direct writer answers it.
var directSends = []struct {
	name   string
	query  string
	vars   []map[string]any
	direct []bool
}{
	{"the card by a variable ID", `query($id: ID!) { profession(id: $id) { name skills { importance skill { name } } nextCareers { kind profession { name } } } }`,
		[]map[string]any{{"id": "profession:seed:developpeur-web-back-end"}, {"id": "profession:seed:architecte-logiciel"},
			{"id": "profession:seed:nope"}, {"id": "skill:seed:connaitre-bases-de-donnees"}, {"id": "profession:seed:developpeur-web-back-end"}},
		[]bool{true, true, true, false, true}},
	{"nodes by variable IDs", `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Profession { name } ... on Tool { category } } }`,
		[]map[string]any{{"ids": []string{"tool:seed:git", "profession:seed:architecte-logiciel"}}, {"ids": []string{"profession:seed:chef-de-projet"}},
			{"ids": []string{}}, {"ids": []string{"nope", "tool:seed:git"}}},
		[]bool{true, true, true, true}},
	{"a profession by a variable code and dataset", `query($code: String, $ds: String) { profession(code: $code, dataset: $ds) { name } }`,
		[]map[string]any{{"code": "architecte-logiciel"}, {"code": "chef-de-projet", "ds": "seed"}, {"code": "M1805", "ds": "rome"}, {"code": "architecte-logiciel", "ds": ""}},
		[]bool{true, true, false, true}},
	{"a page by variables, one out of range", `query($n: Int, $after: String, $skill: ID) { professions(first: $n, after: $after, filter: {skill: $skill}) {
		totalCount pageInfo { hasNextPage endCursor } nodes { name } } }`,
		[]map[string]any{{"n": 2}, {"n": 500}, {"n": 0}, {"n": 1, "after": career.EncodeCursor("Architecte logiciel", "profession:seed:architecte-logiciel")},
			{"n": 3, "skill": "skill:seed:maitriser-langages-programmation"}, {"n": 2, "after": "not a cursor"}, {"n": 2}},
		[]bool{true, false, false, true, true, false, true}},
	{"a nested filter and page by variables", `query($id: ID!, $imp: Importance, $n: Int) { profession(id: $id) { skills(importance: $imp) { importance skill { name
		professions(first: $n) { totalCount nodes { code } } } } } }`,
		[]map[string]any{{"id": "profession:seed:developpeur-web-back-end", "imp": "ESSENTIAL", "n": 1},
			{"id": "profession:seed:developpeur-web-back-end", "imp": "OPTIONAL", "n": 2},
			{"id": "profession:seed:architecte-logiciel", "imp": "ESSENTIAL", "n": 1},
			{"id": "profession:seed:developpeur-web-back-end", "imp": nil, "n": 101},
			{"id": "profession:seed:developpeur-web-back-end", "imp": "ESSENTIAL", "n": 1}},
		[]bool{true, true, true, false, true}},
	{"an Int variable that is not one", `query($n: Int) { professions(first: $n) { totalCount } }`,
		[]map[string]any{{"n": 2}, {"n": "10"}, {"n": 10.5}, {"n": 3}},
		[]bool{true, false, false, true}},
}

// TestDirectWriterBindsVariables sends each document of directSends with its variables in
// turn to one handler, and wants gqlgen's bytes every time (an argument out of range, or not an
// Int, gets gqlgen's error), and the direct writer to answer the sends it should.
func TestDirectWriterBindsVariables(t *testing.T) {
	for _, b := range testbackend.Open(t, testbackend.Seed(t)) {
		t.Run(b.Name, func(t *testing.T) {
			logger := slog.New(slog.NewTextHandler(io.Discard, nil))
			direct := graph.NewHandler(b.Store, graph.Options{Logger: logger})
			gqlgen := graph.NewHandler(b.Store, graph.Options{Logger: logger, NoDirect: true})
			for _, q := range directSends {
				t.Run(q.name, func(t *testing.T) {
					for i, vars := range q.vars {
						want := postRaw(t, gqlgen, q.query, vars, true)
						before := graph.DirectAnswers()
						got := postRaw(t, direct, q.query, vars, true)
						if answered := graph.DirectAnswers() - before; answered != boolCount(q.direct[i]) {
							t.Errorf("send %d %v: direct answers: got %d, want %d", i, vars, answered, boolCount(q.direct[i]))
						}
						if got != want {
							t.Errorf("send %d %v: direct:\n%s\ngqlgen:\n%s", i, vars, got, want)
						}
					}
				})
			}
		})
	}
}
