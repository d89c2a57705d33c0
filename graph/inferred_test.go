package graph_test

import (
	"io"
	"log/slog"
	"testing"

	"github.com/careergraph/careergraph/graph"
	"github.com/careergraph/careergraph/internal/testbackend"
	"github.com/careergraph/careergraph/store/storetest"
)

// inferredQueries are queries that select inferred moves, on the seed with the hand-made
// inferred moves of storetest.WithInferredMoves; planned says whether plans answer them (one
// Neo4j statement per root field) and the direct writer writes them; roundTrips is what they
// cost on Neo4j with plans.
var inferredQueries = []struct {
	name       string
	query      string
	vars       map[string]any
	planned    bool
	roundTrips int64
}{
	{"a card's next careers with inferred ones", `{ profession(id: "profession:seed:directeur-technique-informatique") {
		name nextCareers(inferred: true) { profession { name } kind inferred basis score } } }`, nil, true, 1},
	{"own and inferred moves, by kind, with aliases and a variable", `query($inferred: Boolean) {
		nodes(ids: ["profession:seed:developpeur-web", "profession:seed:directeur-technique-informatique", "profession:seed:nope"]) {
			... on Profession { name own: nextCareers { inferred basis score profession { code } }
				all: nextCareers(inferred: $inferred) { kind inferred score profession { code } }
				up: nextCareers(kind: PROGRESSION, inferred: true) { __typename basis profession { name nextCareers(inferred: true) { score profession { code } } } }
				none: nextCareers(inferred: false) { inferred }
				previousCareers { inferred basis score profession { code } } } } }`, map[string]any{"inferred": true}, true, 1},
	{"a page of professions with their inferred moves", `{ professions(first: 8) { nodes { code nextCareers(inferred: true) { score } } } }`, nil, true, 1},
	{"paths and progression with inferred moves, and counts", `{
		paths: careerPaths(from: "profession:seed:directeur-technique-informatique", to: "profession:seed:developpeur-applications-mobiles", maxSteps: 3, inferred: true) { length steps { code } }
		own: careerPaths(from: "profession:seed:directeur-technique-informatique", to: "profession:seed:developpeur-applications-mobiles", maxSteps: 3) { length }
		careerProgression(from: "profession:seed:directeur-technique-informatique", maxSteps: 2, first: 3, inferred: true) { distance path { code } }
		stats { careerMoves inferredMoves } }`, nil, false, 0},
}

// TestInferredMovesPlannedAsLoaders runs the inferred-move queries on both backends with plans
// and without, and through the direct writer and gqlgen, and wants the same bytes; on Neo4j it
// counts the planned queries' round trips.
func TestInferredMovesPlannedAsLoaders(t *testing.T) {
	for _, b := range testbackend.Open(t, storetest.WithInferredMoves(testbackend.Seed(t))) {
		t.Run(b.Name, func(t *testing.T) {
			logger := slog.New(slog.NewTextHandler(io.Discard, nil))
			planned := graph.NewHandler(b.Store, graph.Options{Logger: logger})
			unplanned := graph.NewHandler(b.Store, graph.Options{Logger: logger, NoPlans: true})
			gqlgen := graph.NewHandler(b.Store, graph.Options{Logger: logger, NoDirect: true})
			for _, q := range inferredQueries {
				t.Run(q.name, func(t *testing.T) {
					want := postQuery(t, unplanned, q.query, q.vars)
					if got := postQuery(t, gqlgen, q.query, q.vars); got != want {
						t.Errorf("gqlgen with plans:\n%s\nwithout:\n%s", got, want)
					}
					var before int64
					if b.Neo4j != nil {
						before = b.Neo4j.QueryCount()
					}
					direct := graph.DirectAnswers()
					got := postQuery(t, planned, q.query, q.vars)
					if n := graph.DirectAnswers() - direct; n != boolCount(q.planned) {
						t.Errorf("direct answers: got %d, want %d", n, boolCount(q.planned))
					}
					if b.Neo4j != nil && q.planned {
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

// TestInferredMovesAnswers checks the answers themselves on both backends, with their costs:
// a list of next careers with inferred ones costs the most moves out of one profession, own
// and inferred (6 + 2 here), where one without costs the most own moves (6).
func TestInferredMovesAnswers(t *testing.T) {
	for _, b := range testbackend.Open(t, storetest.WithInferredMoves(testbackend.Seed(t))) {
		t.Run(b.Name, func(t *testing.T) {
			h := graph.NewHandler(b.Store, graph.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
			for _, c := range []struct{ name, query, want string }{
				{"the director's moves, none its own", inferredQueries[0].query, `{"data":{"profession":{"name":"Directeur·rice technique informatique","nextCareers":[` +
					`{"profession":{"name":"Architecte logiciel"},"kind":"LATERAL","inferred":true,"basis":"the reverse of a move of the seed","score":0.7},` +
					`{"profession":{"name":"Développeur·euse web"},"kind":"LATERAL","inferred":true,"basis":"moves of similar professions","score":0.4}]}},"extensions":{"cost":{"requestedQueryCost":51,"maximumAvailable":20000}}}`},
				{"own moves first, then inferred, by kind", `{ profession(id: "profession:seed:developpeur-web") {
					nextCareers(kind: PROGRESSION, inferred: true) { profession { code } inferred basis score } } }`,
					`{"data":{"profession":{"nextCareers":[{"profession":{"code":"chef-de-projet"},"inferred":false,"basis":null,"score":null},` +
						`{"profession":{"code":"developpeur-applications-mobiles"},"inferred":true,"basis":"shares 6 of its 8 essential skills","score":0.5}]}},"extensions":{"cost":{"requestedQueryCost":42,"maximumAvailable":20000}}}`},
				{"inferred defaults to false", `{ profession(id: "profession:seed:directeur-technique-informatique") { nextCareers { kind } } }`,
					`{"data":{"profession":{"nextCareers":[]}},"extensions":{"cost":{"requestedQueryCost":8,"maximumAvailable":20000}}}`},
				{"traversals and counts", inferredQueries[3].query, `{"data":{"paths":[` +
					`{"length":2,"steps":[{"code":"directeur-technique-informatique"},{"code":"developpeur-web"},{"code":"developpeur-applications-mobiles"}]},` +
					`{"length":3,"steps":[{"code":"directeur-technique-informatique"},{"code":"developpeur-web"},{"code":"developpeur-logiciels"},{"code":"developpeur-applications-mobiles"}]},` +
					`{"length":3,"steps":[{"code":"directeur-technique-informatique"},{"code":"developpeur-web"},{"code":"developpeur-web-back-end"},{"code":"developpeur-applications-mobiles"}]},` +
					`{"length":3,"steps":[{"code":"directeur-technique-informatique"},{"code":"developpeur-web"},{"code":"developpeur-web-front-end"},{"code":"developpeur-applications-mobiles"}]}],` +
					`"own":[],"careerProgression":[{"distance":1,"path":[{"code":"directeur-technique-informatique"},{"code":"architecte-logiciel"}]},` +
					`{"distance":1,"path":[{"code":"directeur-technique-informatique"},{"code":"developpeur-web"}]},` +
					`{"distance":2,"path":[{"code":"directeur-technique-informatique"},{"code":"developpeur-web"},{"code":"chef-de-projet"}]}],` +
					`"stats":{"careerMoves":21,"inferredMoves":3}},"extensions":{"cost":{"requestedQueryCost":59,"maximumAvailable":20000}}}`},
			} {
				t.Run(c.name, func(t *testing.T) {
					if got := postQuery(t, h, c.query, nil); got != c.want {
						t.Errorf("got  %s\nwant %s", got, c.want)
					}
				})
			}
		})
	}
}
