package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/graph"
	"github.com/careergraph/careergraph/internal/testbackend"
	"github.com/careergraph/careergraph/store/memory"
)

// probeTimeout bounds how long a probe may take to answer: far more than any needs (they
// answer in milliseconds), so that it only catches a request that hangs or burns CPU.
const probeTimeout = 5 * time.Second

// probe sends a query over POST through the handler and fails the test unless an answer comes
// within probeTimeout. It logs how long the answer took.
func probe(t *testing.T, h http.Handler, query string, vars map[string]any) *gqlResponse {
	t.Helper()
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	done := make(chan time.Duration, 1)
	go func() {
		req := httptest.NewRequest(http.MethodPost, "/query", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		start := time.Now()
		h.ServeHTTP(rec, req)
		done <- time.Since(start)
	}()
	select {
	case took := <-done:
		t.Logf("%d-byte query answered in %v", len(query), took.Round(time.Microsecond))
	case <-time.After(probeTimeout):
		t.Fatalf("no answer within %v to the %d-byte query %.200s…", probeTimeout, len(query), query)
	}
	var r gqlResponse
	if err := json.Unmarshal(rec.Body.Bytes(), &r); err != nil {
		t.Fatalf("response is not JSON (status %d): %v\n%.500s", rec.Code, err, rec.Body.String())
	}
	r.Status = rec.Code
	return &r
}

// wantError fails unless r holds exactly one error, with this code and message.
func wantError(t *testing.T, r *gqlResponse, code, message string) {
	t.Helper()
	if len(r.Errors) != 1 || r.codes()[0] != code || r.Errors[0].Message != message {
		t.Errorf("got %+v\nwant one %s error %q", r.Errors, code, message)
	}
}

// costPattern is the message of an operation over the cost limit.
var costPattern = regexp.MustCompile(`^operation costs (\d+), which exceeds the limit of 20000$`)

// wantTooCostly fails unless r holds exactly one COMPLEXITY_LIMIT_EXCEEDED error whose message
// gives the cost (more than the limit) and the limit, and returns the cost.
func wantTooCostly(t *testing.T, r *gqlResponse) int {
	t.Helper()
	if len(r.Errors) != 1 || r.codes()[0] != graph.CodeComplexityLimit {
		t.Fatalf("got %+v, want one %s error", r.Errors, graph.CodeComplexityLimit)
	}
	m := costPattern.FindStringSubmatch(r.Errors[0].Message)
	if m == nil {
		t.Fatalf("message %q does not give the cost and the limit", r.Errors[0].Message)
	}
	cost, _ := strconv.Atoi(m[1])
	if cost <= 20000 {
		t.Errorf("refused at cost %d, within the limit", cost)
	}
	equal(t, "extensions.cost", r.cost(t), graph.Cost{RequestedQueryCost: cost, MaximumAvailable: 20000})
	return cost
}

// cost returns the response's extensions.cost.
func (r *gqlResponse) cost(t *testing.T) graph.Cost {
	t.Helper()
	var ext struct{ Cost *graph.Cost }
	if err := json.Unmarshal(r.Extensions, &ext); err != nil || ext.Cost == nil {
		t.Fatalf("no extensions.cost in %s (%v)", r.Extensions, err)
	}
	return *ext.Cost
}

// bomb returns the fragment bomb of n levels: each fragment spreads the one below twice.
func bomb(n int, operation string) string {
	var b strings.Builder
	b.WriteString(operation)
	b.WriteString(" fragment F0 on Query{datasets{name}}")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, " fragment F%d on Query{...F%d ...F%d}", i, i-1, i-1)
	}
	return b.String()
}

// repeat returns n copies of s separated by spaces; s may use %d for the copy's number.
func repeat(s string, n int) string {
	parts := make([]string, n)
	for i := range parts {
		if strings.Contains(s, "%d") {
			parts[i] = fmt.Sprintf(s, i)
		} else {
			parts[i] = s
		}
	}
	return strings.Join(parts, " ")
}

const backEnd = "profession:seed:developpeur-web-back-end"

// TestProbesAnswerFastWithACode tries the request families of the issue on the embedded
// store with the seed: each answers at once, with its code and a message naming the limit.
func TestProbesAnswerFastWithACode(t *testing.T) {
	h := newTestHandler(t, memory.New(testbackend.Seed(t)), nil)

	t.Run("fragment bombs", func(t *testing.T) {
		// The 946-byte bomb: F_i makes 2^(i+2)-2 selections, the operation 2^27-1,
		// the definitions Σ 2^(i+2)-2 = 2^28-56.
		q := bomb(25, "query{...F25}")
		equal(t, "size of the issue's bomb", len(q), 946)
		wantError(t, probe(t, h, q, nil), graph.CodeFieldLimit,
			"the document makes 402653127 selections (fields and fragments) once its fragments are expanded, which exceeds the limit of 2000")
		// Sixty levels: the count saturates instead of wrapping around.
		wantError(t, probe(t, h, bomb(60, "query{...F60}"), nil), graph.CodeFieldLimit,
			"the document makes 9223372036854775807 selections (fields and fragments) once its fragments are expanded, which exceeds the limit of 2000")
		// Fragments that no operation spreads are validated too.
		wantError(t, probe(t, h, bomb(25, "{__typename}"), nil), graph.CodeFieldLimit,
			"the document makes 268435401 selections (fields and fragments) once its fragments are expanded, which exceeds the limit of 2000")
		// A bomb below a field of a profession.
		q = `{ profession(id: "` + backEnd + `") { ...P20 } } fragment P0 on Profession { name nextCareers { kind } }`
		for i := 1; i <= 20; i++ {
			q += fmt.Sprintf(" fragment P%d on Profession { ...P%d ...P%d }", i, i-1, i-1)
		}
		r := probe(t, h, q, nil)
		equal(t, "codes", r.codes(), []string{graph.CodeFieldLimit})
		// A second definition of a fragment's name counts too: its 400 spreads of a fragment of
		// 999 selections make 400,000, besides the operation, B and the first X.
		q = `{ __typename } fragment B on Query { ` + repeat("a%d: __typename", 999) + ` }
			fragment X on Query { __typename } fragment X on Query { ` + repeat("...B", 400) + " }"
		wantError(t, probe(t, h, q, nil), graph.CodeFieldLimit,
			"the document makes 401001 selections (fields and fragments) once its fragments are expanded, which exceeds the limit of 2000")
	})

	t.Run("fragment cycles", func(t *testing.T) {
		wantError(t, probe(t, h, `{...A} fragment A on Query {...B} fragment B on Query {...A}`, nil),
			"GRAPHQL_VALIDATION_FAILED", "fragment A spreads itself (A → B → A)")
		wantError(t, probe(t, h, `{...A} fragment A on Query {__typename ...A}`, nil),
			"GRAPHQL_VALIDATION_FAILED", "fragment A spreads itself (A → A)")
		wantError(t, probe(t, h, `{datasets{name}} fragment A on Query {...B} fragment B on Query {...A}`, nil),
			"GRAPHQL_VALIDATION_FAILED", "fragment A spreads itself (A → B → A)")
	})

	t.Run("fragment spreads", func(t *testing.T) {
		q := "{" + repeat("...F", 501) + "} fragment F on Query { __typename }"
		wantError(t, probe(t, h, q, nil), graph.CodeFragmentLimit, "the document has 501 fragment spreads, which exceeds the limit of 500")
		q = "{" + repeat("...F", 20) + "} fragment F on Query { __typename }"
		r := probe(t, h, q, nil)
		equal(t, "20 spreads of one fragment", []any{r.codes(), string(r.Data)}, []any{[]string(nil), `{"__typename":"Query"}`})
	})

	t.Run("duplicate fields", func(t *testing.T) {
		// The documents are refused by their size before any pair of fields is compared.
		wantError(t, probe(t, h, "{"+repeat("__typename", 14990)+"}", nil), graph.CodeFieldLimit,
			"the document makes 14990 selections (fields and fragments) once its fragments are expanded, which exceeds the limit of 2000")
		wantError(t, probe(t, h, `{ profession(id: "`+backEnd+`") { `+repeat("name", 14900)+" } }", nil), graph.CodeFieldLimit,
			"the document makes 14901 selections (fields and fragments) once its fragments are expanded, which exceeds the limit of 2000")
		wantError(t, probe(t, h, "{"+repeat("__typename", 21)+"}", nil), graph.CodeDuplicateLimit,
			`"__typename" is selected 21 times at __typename, which exceeds the limit of 20`)
		wantError(t, probe(t, h, `{ profession(id: "`+backEnd+`") { `+repeat("name", 21)+" } }", nil), graph.CodeDuplicateLimit,
			`"name" is selected 21 times at profession.name, which exceeds the limit of 20`)
		// Five copies of a field, each selecting five copies of another: 25 at one place.
		q := "{" + repeat(`profession(id: "`+backEnd+`") { `+repeat("name", 5)+" }", 5) + "}"
		wantError(t, probe(t, h, q, nil), graph.CodeDuplicateLimit,
			`"name" is selected 25 times at profession.name, which exceeds the limit of 20`)
		// Through fragments and inline fragments.
		q = "{ ...F ...G ... on Query { __typename } } fragment F on Query { " + repeat("__typename", 10) +
			" } fragment G on Query { " + repeat("__typename", 10) + " }"
		wantError(t, probe(t, h, q, nil), graph.CodeDuplicateLimit,
			`"__typename" is selected 21 times at __typename, which exceeds the limit of 20`)
		// In a fragment no operation spreads.
		wantError(t, probe(t, h, "{ __typename } fragment U on Query { "+repeat("__typename", 21)+" }", nil), graph.CodeDuplicateLimit,
			`"__typename" is selected 21 times at __typename, which exceeds the limit of 20`)
		r := probe(t, h, "{"+repeat("__typename", 20)+"}", nil)
		equal(t, "20 copies", []any{r.codes(), string(r.Data)}, []any{[]string(nil), `{"__typename":"Query"}`})
	})

	t.Run("aliases", func(t *testing.T) {
		wantError(t, probe(t, h, "{"+repeat("a%d: __typename", 201)+"}", nil), graph.CodeAliasLimit,
			"the document has 201 aliases once its fragments are expanded, which exceeds the limit of 200")
		// 10 aliases in a fragment spread 21 times.
		q := "{" + repeat("...F", 21) + "} fragment F on Query { " + repeat("a%d: __typename", 10) + " }"
		r := probe(t, h, q, nil)
		equal(t, "codes", r.codes(), []string{graph.CodeAliasLimit})
		equal(t, "message", r.Errors[0].Message, "the document has 220 aliases once its fragments are expanded, which exceeds the limit of 200")
		// Aliases of an expensive field add up their costs.
		q = "{" + repeat(`a%d: nodes(ids: [`+strings.Repeat(`"`+backEnd+`" `, 100)+`]) { ... on Profession { previousCareers { profession { name } } } }`, 5) + "}"
		// Each: 1 + 100 × (1 + 5 × (1 + 1)) = 1,101.
		equal(t, "five aliased nodes(ids:) of 100 IDs", probe(t, h, q, nil).cost(t).RequestedQueryCost, 5*1101)
	})

	t.Run("many operations", func(t *testing.T) {
		q := repeat("query Q%d { __typename }", 2001)
		wantError(t, probe(t, h, q, nil), graph.CodeFieldLimit,
			"the document makes 2001 selections (fields and fragments) once its fragments are expanded, which exceeds the limit of 2000")
		body, _ := json.Marshal(map[string]any{"query": repeat("query Q%d { __typename }", 300), "operationName": "Q7"})
		req := httptest.NewRequest(http.MethodPost, "/query", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		r := do(t, h, req)
		equal(t, "300 operations, one run", []any{r.codes(), string(r.Data)}, []any{[]string(nil), `{"__typename":"Query"}`})
	})

	t.Run("deep inline fragments", func(t *testing.T) {
		nest := func(n int) string {
			return "{" + strings.Repeat("... {", n) + " __typename " + strings.Repeat("}", n) + "}"
		}
		r := probe(t, h, nest(990), nil)
		equal(t, "990 nested inline fragments", []any{r.codes(), string(r.Data)}, []any{[]string(nil), `{"__typename":"Query"}`})
		wantError(t, probe(t, h, nest(2500), nil), "GRAPHQL_PARSE_FAILED", "exceeded maximum nesting depth of 1000")
		// Wide instead of deep: 999 nested, side by side three times.
		q := "{" + repeat(strings.TrimSuffix(strings.TrimPrefix(nest(999), "{"), "}"), 3) + "}"
		wantError(t, probe(t, h, q, nil), graph.CodeFieldLimit,
			"the document makes 3000 selections (fields and fragments) once its fragments are expanded, which exceeds the limit of 2000")
	})

	t.Run("depth", func(t *testing.T) {
		wantError(t, probe(t, h, nested(30), nil), graph.CodeDepthLimit, "operation nests 30 levels, which exceeds the limit of 15")
		// Depth counts the operation that runs, through fragments.
		q := `query Deep { ...D } query Shallow { __typename } fragment D on Query { ` + strings.TrimPrefix(nested(20), "{")
		q = strings.TrimSuffix(q, "}") + "}"
		body, _ := json.Marshal(map[string]any{"query": q, "operationName": "Shallow"})
		req := httptest.NewRequest(http.MethodPost, "/query", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		r := do(t, h, req)
		equal(t, "a shallow operation beside a deep one", []any{r.codes(), string(r.Data)}, []any{[]string(nil), `{"__typename":"Query"}`})
		body, _ = json.Marshal(map[string]any{"query": q, "operationName": "Deep"})
		req = httptest.NewRequest(http.MethodPost, "/query", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		wantError(t, do(t, h, req), graph.CodeDepthLimit, "operation nests 20 levels, which exceeds the limit of 15")
	})

	t.Run("nested lists without first", func(t *testing.T) {
		// previousCareers has no first: it costs the seed's largest in-degree, 5.
		q := `{ profession(id: "` + backEnd + `") { previousCareers { profession { previousCareers { profession {
			previousCareers { profession { previousCareers { profession { previousCareers { profession { name } } } } } } } } } } } }`
		// From the inside out: 1 + 5 × 2 = 11, then 1 + 5 × (1 + c) each level: 61, 311, 1561,
		// 7811; the profession 7812.
		equal(t, "cost", probe(t, h, q, nil).cost(t).RequestedQueryCost, 7812)
		q = `{ profession(id: "` + backEnd + `") { previousCareers { profession { previousCareers { profession { previousCareers { profession {
			previousCareers { profession { previousCareers { profession { previousCareers { profession { name } } } } } } } } } } } } } }`
		equal(t, "one level more", wantTooCostly(t, probe(t, h, q, nil)), 39062)
	})

	t.Run("huge nodes(ids:)", func(t *testing.T) {
		ids := make([]string, 40000)
		for i := range ids {
			ids[i] = "profession:seed:x"
		}
		wantError(t, probe(t, h, `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, map[string]any{"ids": ids}),
			"BAD_USER_INPUT", "ids must hold 0 to 100 IDs, got 40000")
		q := `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Profession { previousCareers { profession {
			previousCareers { profession { previousCareers { profession { name } } } } } } } } }`
		// 1 + 100 × 311.
		equal(t, "100 IDs", wantTooCostly(t, probe(t, h, q, map[string]any{"ids": ids[:100]})), 31101)
	})

	t.Run("integer overflow", func(t *testing.T) {
		// Beyond 32 bits, an Int literal is refused before anything is costed or run.
		q := `{ professions(first: 1106804644422572897) { nodes { skills { skill { professions(first: 100) { nodes { name } } } } } } }`
		wantError(t, probe(t, h, q, nil), "GRAPHQL_VALIDATION_FAILED",
			"Int cannot represent 1106804644422572897: give a whole number between -2147483648 and 2147483647")
		// Within 32 bits, an out-of-range first is refused when its field runs, before anything
		// under it; the cost does not wrap.
		q = `{ professions(first: 2147483647) { nodes { skills { skill { professions(first: 100) { nodes { name } } } } } } }`
		wantError(t, probe(t, h, q, nil), "BAD_USER_INPUT", "first must be between 1 and 100, got 2147483647")
		q = `{ professions(first: 100) { nodes { skills { skill { professions(first: 2147483647) { totalCount } } } } } }`
		r := probe(t, h, q, nil)
		codes := map[string]int{}
		for _, c := range r.codes() {
			codes[c]++
		}
		equal(t, "one BAD_USER_INPUT per required skill of the seed", codes, map[string]int{"BAD_USER_INPUT": 71})
	})

	t.Run("cost in extensions", func(t *testing.T) {
		r := probe(t, h, `{ datasets { name } }`, nil)
		equal(t, "datasets", string(r.Extensions), `{"cost":{"requestedQueryCost":2,"maximumAvailable":20000}}`)
		r = probe(t, h, `{ profession(id: "`+backEnd+`") { name summary sector qualities { name } tasks
			skills { skill { name kind } importance } tools { name category } trainings { name level durationYears }
			nextCareers { profession { name } kind } specializationOf { name } } }`, nil)
		// 1 + name, summary, sector, tasks (4) + qualities 1 + 5 × 1 + skills 1 + 10 × 4 + tools
		// 1 + 12 × 2 + trainings 1 + 6 × 3 + nextCareers 1 + 6 × 3 + specializationOf 2.
		equal(t, "the card", r.cost(t).RequestedQueryCost, 117)
		r = probe(t, h, `{ professions(first: 10) { totalCount edges { cursor node { name } } pageInfo { hasNextPage } } }`, nil)
		// 1 + totalCount 1 + edges (1 + 10 × (1 + 2)) + pageInfo 2.
		equal(t, "a page", r.cost(t).RequestedQueryCost, 35)
		r = probe(t, h, `{ nope }`, nil)
		if len(r.Extensions) != 0 {
			t.Errorf("a document refused by validation has no cost; got extensions %s", r.Extensions)
		}
	})

	t.Run("the configured limit", func(t *testing.T) {
		c := testConfig(t)
		c.Limits.Complexity = 40
		small := newTestHandler(t, memory.New(testbackend.Seed(t)), c)
		// 1 + skills (1 + 10 × 4) + nextCareers (1 + 6 × 1).
		r := probe(t, small, `{ profession(id: "`+backEnd+`") { skills { skill { name kind } importance } nextCareers { kind } } }`, nil)
		wantError(t, r, graph.CodeComplexityLimit, "operation costs 49, which exceeds the limit of 40")
		equal(t, "extensions.cost", r.cost(t), graph.Cost{RequestedQueryCost: 49, MaximumAvailable: 40})
	})
}

// TestCostSaturates raises the depth limit so far that products of lengths pass the largest
// int: the cost stops there instead of wrapping around to a small number.
func TestCostSaturates(t *testing.T) {
	c := testConfig(t)
	c.Limits.Depth = 200
	h := newTestHandler(t, memory.New(testbackend.Seed(t)), c)
	q := `{ professions(first: 100) { nodes { ` + strings.Repeat(`skills { skill { professions(first: 100) { nodes { `, 20) +
		"name" + strings.Repeat(" } } } }", 20) + " } } }"
	equal(t, "cost", wantTooCostly(t, probe(t, h, q, nil)), int(^uint(0)>>1))
}

// TestStoreWithoutBounds costs queries with career.DefaultBounds.
func TestStoreWithoutBounds(t *testing.T) {
	h := newTestHandler(t, untouchable{}, nil)
	q := `{ profession(id: "` + backEnd + `") { previousCareers { profession { previousCareers { profession { name } } } } } }`
	// 1 + (1 + n × (1 + (1 + n × 2))) with the default in-degree n.
	n := career.DefaultBounds.MaxPreviousCareers
	want := 1 + (1 + n*(1+(1+n*2)))
	equal(t, "cost", wantTooCostly(t, probe(t, h, q, nil)), want)
}

// introspectionQuery is the introspection query GraphiQL sends (its usual shape: full types,
// input values and type references nine levels deep).
const introspectionQuery = `query IntrospectionQuery {
  __schema {
    queryType { name } mutationType { name } subscriptionType { name }
    types { ...FullType }
    directives { name description isRepeatable locations args(includeDeprecated: true) { ...InputValue } }
  }
}
fragment FullType on __Type {
  kind name description specifiedByURL
  fields(includeDeprecated: true) { name description args(includeDeprecated: true) { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
  inputFields(includeDeprecated: true) { ...InputValue }
  interfaces { ...TypeRef }
  enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
  possibleTypes { ...TypeRef }
}
fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue isDeprecated deprecationReason }
fragment TypeRef on __Type {
  kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType {
    kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }
}`

func TestIntrospectionFitsTheLimits(t *testing.T) {
	h := newTestHandler(t, memory.New(testbackend.Seed(t)), nil)
	r := probe(t, h, introspectionQuery, nil)
	if len(r.Errors) > 0 {
		t.Fatalf("errors: %+v", r.Errors)
	}
	t.Logf("cost %d", r.cost(t).RequestedQueryCost)
}

// TestBothBackendsCostAlike: the cost comes from the store's bounds, the same on both.
func TestBothBackendsCostAlike(t *testing.T) {
	forEachBackend(t, func(t *testing.T, h http.Handler) {
		r := probe(t, h, `{ profession(id: "`+backEnd+`") { name summary sector qualities { name } tasks
			skills { skill { name kind } importance } tools { name category } trainings { name level durationYears }
			nextCareers { profession { name } kind } specializationOf { name } } }`, nil)
		equal(t, "the card", r.cost(t).RequestedQueryCost, 117)
		q := `{ profession(id: "` + backEnd + `") { previousCareers { profession { previousCareers { profession { previousCareers { profession {
			previousCareers { profession { previousCareers { profession { previousCareers { profession { name } } } } } } } } } } } } } }`
		equal(t, "nested previousCareers", wantTooCostly(t, probe(t, h, q, nil)), 39062)
	})
}
