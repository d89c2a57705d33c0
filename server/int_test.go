package main

import (
	"math"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/careergraph/careergraph/config"
	"github.com/careergraph/careergraph/internal/testbackend"
	"github.com/careergraph/careergraph/store/memory"
)

// intRange ends every message about a value that is not an Int.
const intRange = ": give a whole number between -2147483648 and 2147483647"

// postRaw posts a raw JSON body to /query.
func postRaw(t *testing.T, h http.Handler, body string) *gqlResponse {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, "/query", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	return do(t, h, req)
}

func TestIntVariablesAreCoercedAsTheSpecSays(t *testing.T) {
	h := newTestHandler(t, untouchable{}, nil)
	const optional = `query($n: Int) { professions(first: $n) { totalCount } }`
	const required = `query($n: Int!) { professions(first: $n) { totalCount } }`

	t.Run("values that are not Ints are refused before execution, naming the value and the range", func(t *testing.T) {
		for _, tc := range []struct{ query, value, shown string }{
			{optional, `"10"`, `"10"`},
			{optional, `"ten"`, `"ten"`},
			{optional, `1e100`, `1e100`},
			{optional, `1e999999999`, `1e999999999`},
			{optional, `10.5`, `10.5`},
			{optional, `1.5e0`, `1.5e0`},
			{optional, `2147483648`, `2147483648`},
			{optional, `-2147483649`, `-2147483649`},
			{optional, `9223372036854775808`, `9223372036854775808`},
			{optional, `1106804644422572897`, `1106804644422572897`},
			{optional, `true`, `true`},
			{optional, `[1]`, `[1]`},
			{optional, `{"a":1}`, `{"a":1}`},
			{required, `null`, `null`},
			{optional, `"` + strings.Repeat("1", 100) + `"`, `"` + strings.Repeat("1", 63) + `…`},
		} {
			r := postRaw(t, h, `{"query":"`+tc.query+`","variables":{"n":`+tc.value+`}}`)
			want := "variable $n: Int cannot represent " + tc.shown + intRange
			if r.Status != http.StatusOK || len(r.Errors) != 1 || r.codes()[0] != "GRAPHQL_VALIDATION_FAILED" ||
				r.Errors[0].Message != want || !equalJSON(r.Errors[0].Path, []any{"variable", "n"}) {
				t.Errorf("$n = %s:\ngot  %d %+v\nwant 200 GRAPHQL_VALIDATION_FAILED %q at [variable n]", tc.value, r.Status, r.Errors, want)
			}
		}
	})

	t.Run("over GET alike", func(t *testing.T) {
		target := "/query?query=" + url.QueryEscape(optional) + "&variables=" + url.QueryEscape(`{"n":"10"}`)
		r := do(t, h, httptest.NewRequest(http.MethodGet, target, nil))
		equal(t, "GET", []any{r.Status, r.codes(), r.Errors[0].Message},
			[]any{http.StatusOK, []string{"GRAPHQL_VALIDATION_FAILED"}, `variable $n: Int cannot represent "10"` + intRange})
	})

	t.Run("a bad Int is refused before the cost is computed", func(t *testing.T) {
		r := postRaw(t, h, `{"query":"query($n: Int) { professions(first: 100) { nodes { skills { skill { professions(first: $n) { totalCount } } } } } }","variables":{"n":1106804644422572897}}`)
		equal(t, "codes", r.codes(), []string{"GRAPHQL_VALIDATION_FAILED"})
	})

	t.Run("a missing Int! is gqlparser's error", func(t *testing.T) {
		r := postRaw(t, h, `{"query":"`+required+`"}`)
		equal(t, "missing", []any{r.codes(), r.Errors[0].Message}, []any{[]string{"GRAPHQL_VALIDATION_FAILED"}, "must be defined"})
	})
}

func TestWholeJSONNumbersAreInts(t *testing.T) {
	// JSON has one number type: 1e3 and 10.0 are whole numbers and are accepted as Ints, as
	// the GraphQL reference implementation does.
	h := newTestHandler(t, memory.New(testbackend.Seed(t)), unlimitedCost(t))
	for _, tc := range []struct{ value, message string }{
		{`1e3`, "first must be between 1 and 100, got 1000"},
		{`1E3`, "first must be between 1 and 100, got 1000"},
		{`-0`, "first must be between 1 and 100, got 0"},
		{`2147483647`, "first must be between 1 and 100, got 2147483647"},
		{`-2147483648`, "first must be between 1 and 100, got -2147483648"},
		{`2.147483647e9`, "first must be between 1 and 100, got 2147483647"},
	} {
		r := postRaw(t, h, `{"query":"query($n: Int) { professions(first: $n) { totalCount } }","variables":{"n":`+tc.value+`}}`)
		if len(r.Errors) != 1 || r.codes()[0] != "BAD_USER_INPUT" || r.Errors[0].Message != tc.message {
			t.Errorf("$n = %s: got %+v, want BAD_USER_INPUT %q", tc.value, r.Errors, tc.message)
		}
	}
	for _, value := range []string{`2`, `2.0`, `0.2e1`, `20e-1`} {
		var got struct {
			Professions struct{ Edges []any }
		}
		postRaw(t, h, `{"query":"query($n: Int) { professions(first: $n) { edges { cursor } } }","variables":{"n":`+value+`}}`).decode(t, &got)
		equal(t, "first = "+value, len(got.Professions.Edges), 2)
	}
}

func TestIntLiteralsAreCheckedBeforeExecution(t *testing.T) {
	h := newTestHandler(t, untouchable{}, nil)
	for _, tc := range []struct{ literal, shown string }{
		{`1106804644422572897`, `1106804644422572897`},
		{`2147483648`, `2147483648`},
		{`-2147483649`, `-2147483649`},
		{`99999999999999999999`, `99999999999999999999`},
		{`1e3`, `1e3`}, // a Float literal in the document, not an Int
		{`10.5`, `10.5`},
		{`"10"`, `"10"`},
		{`true`, `true`},
		{`TEN`, `TEN`},
		{`[1]`, `[1]`},
	} {
		r := post(t, h, `{ professions(first: `+tc.literal+`) { totalCount } }`, nil)
		want := "Int cannot represent " + tc.shown + intRange
		if r.Status != http.StatusOK || len(r.Errors) != 1 || r.codes()[0] != "GRAPHQL_VALIDATION_FAILED" || r.Errors[0].Message != want {
			t.Errorf("first: %s:\ngot  %d %+v\nwant 200 one GRAPHQL_VALIDATION_FAILED %q", tc.literal, r.Status, r.Errors, want)
		}
	}

	t.Run("in nested connections, before the cost is computed", func(t *testing.T) {
		r := post(t, h, `{ professions(first: 100) { nodes { skills { skill { professions(first: 1106804644422572897) { totalCount } } } } } }`, nil)
		equal(t, "error", []any{r.codes(), r.Errors[0].Message},
			[]any{[]string{"GRAPHQL_VALIDATION_FAILED"}, "Int cannot represent 1106804644422572897" + intRange})
	})

	t.Run("in variable defaults", func(t *testing.T) {
		r := post(t, h, `query($n: Int = 1e100) { professions(first: $n) { totalCount } }`, nil)
		equal(t, "error", []any{r.codes(), r.Errors[0].Message}, []any{[]string{"GRAPHQL_VALIDATION_FAILED"}, "Int cannot represent 1e100" + intRange})
	})

	t.Run("every bad literal is reported, once", func(t *testing.T) {
		r := post(t, h, `{ a: professions(first: 1e3) { totalCount } b: skills(first: "x") { totalCount } c: tools(first: 5) { totalCount } }`, nil)
		var got []string
		for _, e := range r.Errors {
			got = append(got, e.Message)
		}
		equal(t, "messages", got, []string{"Int cannot represent 1e3" + intRange, `Int cannot represent "x"` + intRange})
	})

	t.Run("an object for an Int is also an object with unknown fields", func(t *testing.T) {
		r := post(t, h, `{ professions(first: {a: 1}) { totalCount } }`, nil)
		var got []string
		for _, e := range r.Errors {
			got = append(got, e.Message)
		}
		equal(t, "messages", got, []string{"Int cannot represent {a:1}" + intRange, `Field "a" is not defined by type "Int".`})
	})

	t.Run("other literal errors keep gqlparser's messages", func(t *testing.T) {
		r := post(t, h, `{ professions(filter: {dataset: 1}) { totalCount } }`, nil)
		equal(t, "error", []any{r.codes(), r.Errors[0].Message}, []any{[]string{"GRAPHQL_VALIDATION_FAILED"}, "String cannot represent a non string value: 1"})
	})

	t.Run("Ints in range reach the argument checks", func(t *testing.T) {
		h := newTestHandler(t, untouchable{}, unlimitedCost(t))
		for literal, message := range map[string]string{
			"2147483647":  "first must be between 1 and 100, got 2147483647",
			"-2147483648": "first must be between 1 and 100, got -2147483648",
		} {
			r := post(t, h, `{ professions(first: `+literal+`) { totalCount } }`, nil)
			equal(t, literal, []any{r.codes(), r.Errors[0].Message}, []any{[]string{"BAD_USER_INPUT"}, message})
		}
	})
}

// unlimitedCost is the test configuration without a complexity limit, so that any Int reaches
// the argument checks.
func unlimitedCost(t *testing.T) *config.Config {
	t.Helper()
	c := testConfig(t)
	c.Limits.Complexity = math.MaxInt
	return c
}

// equalJSON reports whether got and want encode to the same JSON.
func equalJSON(got, want any) bool {
	return string(mustJSON(got)) == string(mustJSON(want))
}
