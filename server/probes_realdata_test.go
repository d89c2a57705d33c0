package main

import (
	"os"
	"regexp"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/careergraph/careergraph/internal/testbackend"
	"github.com/careergraph/careergraph/store/memory"
	"github.com/careergraph/careergraph/store/storetest"
)

// oomQuery is the 177-byte query that exhausted memory on ROME + ESCO + O*NET.
const oomQuery = `{careerProgression(from:"profession:onet:13-2011.00",maxSteps:6,first:200){path{nextCareers{profession{name nextCareers{profession{name nextCareers{profession{name name}}}}}}}}}`

// readmeQueries returns the GraphQL examples of README.md.
func readmeQueries(t *testing.T) []string {
	t.Helper()
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range regexp.MustCompile("(?s)```graphql\n(.*?)```").FindAllStringSubmatch(string(readme), -1) {
		out = append(out, m[1])
	}
	if len(out) == 0 {
		t.Fatal("no GraphQL example in README.md")
	}
	return out
}

// TestProbesOnRealData runs the probes that need a big graph on the embedded store holding
// the seed, ROME, ESCO and O*NET, under a memory limit so that a regression cannot take the
// machine down: they are refused before they run. The examples of the README and of GraphiQL
// still run.
func TestProbesOnRealData(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(3 << 30))
	h := newTestHandler(t, memory.New(testbackend.RealData(t)...), nil)

	t.Run("nested lists without first", func(t *testing.T) {
		equal(t, "size", len(oomQuery), 177)
		// O*NET relates every occupation to 20 others: 1 + 200 steps × path (1 + 7 × nextCareers
		// (1 + 20 × (1 + 1 + 1 + 20 × (1 + 1 + 1 + 20 × 3)))), plus 185 for the 18,460 moves.
		equal(t, "cost", wantTooCostly(t, probe(t, h, oomQuery, nil)), 35365786)
	})

	t.Run("a long search text, aliased", func(t *testing.T) {
		words := strings.TrimSpace(strings.Repeat("e ", 20)) // the most words a text may have
		q := "{" + repeat(`a%d: search(text: "`+words+`", first: 1) { score }`, 4) + "}"
		wantTooCostly(t, probe(t, h, q, nil))
		// One word of one letter reads every word starting with it, and costs so.
		r := probe(t, h, `{ search(text: "e", first: 1) { score } }`, nil)
		// 46,984 (node, word) pairs start with "e" (with the words of occupation group names,
		// ESCO skill groups and ESCO's English names), and a few more from the qualifiers of
		// skills that share a name ("… (savoir-être)", dataset.DisambiguateSkillNames): 9,398,
		// plus 1 + 1 × score.
		equal(t, "one letter", []any{r.codes(), r.cost(t).RequestedQueryCost}, []any{[]string(nil), 9400})
	})

	t.Run("career paths in O*NET's dense graph", func(t *testing.T) {
		const paths = `{ careerPaths(from: "profession:onet:51-4035.00", to: "profession:onet:51-9141.00", maxSteps: %d, first: 20) { length } }`
		r := probe(t, h, strings.Replace(paths, "%d", "4", 1), nil)
		// Σ_{L≤4} Σ_{k≤L} 20^k = 177,280 steps: 1,773, plus 21.
		equal(t, "maxSteps 4", []any{r.codes(), r.cost(t).RequestedQueryCost}, []any{[]string(nil), 1794})
		// Twenty moves out of every O*NET occupation: Σ_{L≤5} Σ_{k≤L} 20^k = 3,545,700 steps of
		// search for 5 moves, 35,457, plus 1 + 20 × length.
		equal(t, "maxSteps 5", wantTooCostly(t, probe(t, h, strings.Replace(paths, "%d", "5", 1), nil)), 35478)
	})

	t.Run("the examples of the README and of GraphiQL run", func(t *testing.T) {
		queries := readmeQueries(t)
		for _, e := range examples {
			queries = append(queries, e.Query)
		}
		for _, q := range queries {
			r := probe(t, h, q, nil)
			if len(r.Errors) > 0 {
				t.Errorf("%s\nerrors: %+v", q, r.Errors)
				continue
			}
			t.Logf("cost %5d: %.90s", r.cost(t).RequestedQueryCost, strings.Join(strings.Fields(q), " "))
		}
	})
}

// TestProbesOnADenseGraph runs the query on the seed and a generated dense graph.
func TestProbesOnADenseGraph(t *testing.T) {
	h := newTestHandler(t, memory.New(testbackend.Seed(t), storetest.Generate(3, "dense")), nil)
	q := strings.Replace(oomQuery, "profession:onet:13-2011.00", "profession:gen:p0000", 1)
	wantTooCostly(t, probe(t, h, q, nil))
	q = `{ careerProgression(from: "profession:gen:p0000", maxSteps: 6, first: 200) { distance profession { name } path { name } } }`
	r := probe(t, h, q, nil)
	if len(r.Errors) > 0 {
		t.Fatalf("errors: %+v", r.Errors)
	}
}
