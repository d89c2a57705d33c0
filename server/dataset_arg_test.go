package main

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/careergraph/careergraph/internal/testbackend"
	"github.com/careergraph/careergraph/store/storetest"
)

// datasetArgFields are the fields that name a dataset, each as a root selection with the
// dataset given as %q, and the data of an answer that refuses it: null, or the field null
// when it is nullable.
var datasetArgFields = []struct{ name, field, refused string }{
	{"profession", `profession(dataset: %q, code: "M1805") { id }`, `{"profession":null}`},
	{"professions filter.dataset", `professions(filter: {dataset: %q}) { totalCount }`, "null"},
	{"skills filter.dataset", `skills(filter: {dataset: %q}) { totalCount }`, "null"},
	{"tools filter.dataset", `tools(filter: {dataset: %q}) { totalCount }`, "null"},
	{"trainings filter.dataset", `trainings(filter: {dataset: %q}) { totalCount }`, "null"},
	{"search dataset", `search(text: "développeur", dataset: %q) { score }`, "null"},
	{"matchProfessions dataset", `matchProfessions(skills: ["skill:seed:connaitre-bases-de-donnees"], dataset: %q) { score }`, "null"},
	{"stats dataset", `stats(dataset: %q) { professions topSkills { professions } }`, "null"},
}

// A dataset argument or filter field that names a dataset that is not loaded is refused with
// BAD_USER_INPUT listing the loaded datasets, on every field that takes one, instead of an
// empty answer.
func TestDatasetNotLoaded(t *testing.T) {
	forEachBackend(t, func(t *testing.T, h http.Handler) {
		for _, f := range datasetArgFields {
			r := post(t, h, "{ "+fmt.Sprintf(f.field, "rome")+" }", nil)
			equal(t, f.name+": data", string(r.Data), f.refused)
			equal(t, f.name+": codes", r.codes(), []string{"BAD_USER_INPUT"})
			if len(r.Errors) == 1 {
				equal(t, f.name+": message", r.Errors[0].Message, `dataset "rome" is not loaded; loaded: seed`)
			}
		}
	})

	t.Run("profession's default dataset is seed, checked alike", func(t *testing.T) {
		for _, b := range testbackend.Open(t, storetest.Generate(1, "chain")) {
			t.Run(b.Name, func(t *testing.T) {
				c := testConfig(t)
				if b.Neo4j != nil {
					c.Neo4j.URI = "bolt://test"
					t.Cleanup(func() { testbackend.LoadNeo4j(t, b.Neo4j, testbackend.Seed(t)) })
				}
				h := newTestHandler(t, b.Store, c)
				r := post(t, h, `{ profession(code: "chef-de-projet") { id } }`, nil)
				equal(t, "codes", r.codes(), []string{"BAD_USER_INPUT"})
				if len(r.Errors) == 1 {
					equal(t, "message", r.Errors[0].Message, `dataset "seed" is not loaded; loaded: gen`)
				}
			})
		}
	})
}

// The message lists every loaded dataset, by name; a loaded dataset answers as before.
func TestDatasetLoadedAnswers(t *testing.T) {
	for _, b := range testbackend.Open(t, testbackend.Seed(t), storetest.Generate(1, "chain")) {
		t.Run(b.Name, func(t *testing.T) {
			c := testConfig(t)
			if b.Neo4j != nil {
				c.Neo4j.URI = "bolt://test"
				t.Cleanup(func() { testbackend.LoadNeo4j(t, b.Neo4j, testbackend.Seed(t)) })
			}
			h := newTestHandler(t, b.Store, c)
			for _, tc := range []struct{ query, message string }{
				{`{ stats(dataset: "onet") { professions } }`, `dataset "onet" is not loaded; loaded: gen, seed`},
				{`{ professions(filter: {dataset: "esco"}) { totalCount } }`, `dataset "esco" is not loaded; loaded: gen, seed`},
			} {
				r := post(t, h, tc.query, nil)
				equal(t, "data", string(r.Data), "null")
				equal(t, "codes", r.codes(), []string{"BAD_USER_INPUT"})
				if len(r.Errors) == 1 {
					equal(t, "message", r.Errors[0].Message, tc.message)
				}
			}

			var got struct {
				Seed  struct{ Professions int }
				Gen   struct{ TotalCount int }
				Code  struct{ ID string }
				Found []struct{ Score float64 }
			}
			post(t, h, `{ seed: stats(dataset: "seed") { professions }
				gen: professions(filter: {dataset: "gen"}) { totalCount }
				code: profession(dataset: "seed", code: "chef-de-projet") { id }
				found: search(text: "architecte", dataset: "seed", first: 1) { score } }`, nil).decode(t, &got)
			equal(t, "answers", got, struct {
				Seed  struct{ Professions int }
				Gen   struct{ TotalCount int }
				Code  struct{ ID string }
				Found []struct{ Score float64 }
			}{struct{ Professions int }{8}, struct{ TotalCount int }{30}, struct{ ID string }{"profession:seed:chef-de-projet"},
				[]struct{ Score float64 }{{0.77}}})
		})
	}
}
