package main

import (
	"encoding/json"
	"maps"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/careergraph/careergraph/internal/testbackend"
	"github.com/careergraph/careergraph/store/memory"
)

// The media types of GraphQL over HTTP responses.
const (
	appJSON         = "application/json"
	graphqlResponse = "application/graphql-response+json"
)

// responseKeys are the top-level entries of a recorded JSON response, sorted.
func responseKeys(t *testing.T, rec *httptest.ResponseRecorder) []string {
	t.Helper()
	var entries map[string]json.RawMessage
	if err := json.Unmarshal(rec.Body.Bytes(), &entries); err != nil {
		t.Fatalf("response is not a JSON object (status %d): %v\n%s", rec.Code, err, rec.Body.String())
	}
	return slices.Sorted(maps.Keys(entries))
}

// TestRequestErrorsAsGraphQLOverHTTPSays checks the answer to each kind of request error (an
// operation refused before it runs) under both media types: the status GraphQL over HTTP asks
// for, the media type asked for, the error's code, and no data entry.
func TestRequestErrorsAsGraphQLOverHTTPSays(t *testing.T) {
	c := testConfig(t)
	c.Limits.Complexity = 10
	h := newTestHandler(t, memory.New(testbackend.Seed(t)), c)
	errorsOnly, withExtensions := []string{"errors"}, []string{"errors", "extensions"}
	const unknownHash = `{"persistedQuery":{"version":1,"sha256Hash":"` + "0000000000000000000000000000000000000000000000000000000000000000" + `"}}`
	for _, tc := range []struct {
		name, body string
		code       string
		keys       []string // the response's entries: errors alone, or errors and extensions
		// The statuses under application/json (also without Accept) and under
		// application/graphql-response+json.
		jsonStatus, graphqlStatus int
	}{
		{"a parse error", `{"query":"{"}`, "GRAPHQL_PARSE_FAILED", errorsOnly, 200, 400},
		{"a validation error", `{"query":"{ nope }"}`, "GRAPHQL_VALIDATION_FAILED", errorsOnly, 200, 400},
		{"an unknown operation name", `{"query":"query A { datasets { name } }","operationName":"B"}`, "GRAPHQL_VALIDATION_FAILED", errorsOnly, 200, 400},
		{"a variable of the wrong type", `{"query":"query($d: String) { stats(dataset: $d) { professions } }","variables":{"d":{}}}`, "GRAPHQL_VALIDATION_FAILED", errorsOnly, 200, 400},
		{"a missing required variable", `{"query":"query($n: Int!) { professions(first: $n) { totalCount } }"}`, "GRAPHQL_VALIDATION_FAILED", errorsOnly, 200, 400},
		{"an Int variable out of range", `{"query":"query($n: Int) { professions(first: $n) { totalCount } }","variables":{"n":2147483648}}`, "GRAPHQL_VALIDATION_FAILED", errorsOnly, 200, 400},
		{"the complexity limit", `{"query":"{ professions(first: 100) { nodes { name } } }"}`, "COMPLEXITY_LIMIT_EXCEEDED", withExtensions, 200, 400},
		{"the depth limit", string(mustJSON(map[string]string{"query": nested(30)})), "DEPTH_LIMIT_EXCEEDED", errorsOnly, 200, 400},
		{"an unknown persisted query", `{"extensions":` + unknownHash + `}`, "PERSISTED_QUERY_NOT_FOUND", errorsOnly, 200, 404},
		{"a persisted query's wrong hash", `{"query":"{ datasets { name } }","extensions":` + unknownHash + `}`, "PERSISTED_QUERY_HASH_MISMATCH", errorsOnly, 400, 400},
		{"a persisted query's unknown version", `{"query":"{ datasets { name } }","extensions":{"persistedQuery":{"version":2,"sha256Hash":"00"}}}`, "PERSISTED_QUERY_UNSUPPORTED_VERSION", errorsOnly, 400, 400},
		{"no query", `{"variables":{}}`, "BAD_REQUEST", errorsOnly, 400, 400},
	} {
		for _, accept := range []string{"", appJSON, graphqlResponse} {
			req := httptest.NewRequest(http.MethodPost, "/query", strings.NewReader(tc.body))
			req.Header.Set("Content-Type", appJSON)
			if accept != "" {
				req.Header.Set("Accept", accept)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			wantStatus, wantType := tc.jsonStatus, appJSON
			if accept == graphqlResponse {
				wantStatus, wantType = tc.graphqlStatus, graphqlResponse
			}
			r := decodeRecorded(t, rec)
			equal(t, tc.name+", Accept "+accept, []any{rec.Code, rec.Header().Get("Content-Type"), r.codes(), responseKeys(t, rec)},
				[]any{wantStatus, wantType, []string{tc.code}, tc.keys})
		}
	}

	t.Run("no query over GET either", func(t *testing.T) {
		rec := send(h, http.MethodGet, "/query?variables=%7B%7D", "", "")
		oneError(t, "GET without query", rec, http.StatusBadRequest, "BAD_REQUEST", "the request has no query: "+getShape)
		rec = send(h, http.MethodPost, "/query", appJSON, `{"query":""}`)
		oneError(t, "POST with an empty query", rec, http.StatusBadRequest, "BAD_REQUEST", "the request has no query: "+postShape)
	})
}

// TestExecutionErrorsKeepTheirData checks that an error raised while the operation runs (a
// field error, not a request error) is answered with 200 and its data under both media types.
func TestExecutionErrorsKeepTheirData(t *testing.T) {
	h := newTestHandler(t, memory.New(testbackend.Seed(t)), nil)
	const query = `{ datasets { name } profession(id: "x", code: "y") { name } }`
	for _, accept := range []string{appJSON, graphqlResponse} {
		req := httptest.NewRequest(http.MethodGet, "/query?query="+url.QueryEscape(query), nil)
		req.Header.Set("Accept", accept)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		r := decodeRecorded(t, rec)
		equal(t, accept, []any{rec.Code, rec.Header().Get("Content-Type"), r.codes(), string(r.Data)},
			[]any{http.StatusOK, accept, []string{"BAD_USER_INPUT"}, `{"datasets":[{"name":"seed"}],"profession":null}`})
	}
}

// TestAcceptNegotiation checks which media type answers each Accept header, and that one
// accepting neither is answered 406 NOT_ACCEPTABLE (in application/json) without running.
func TestAcceptNegotiation(t *testing.T) {
	h := newTestHandler(t, memory.New(testbackend.Seed(t)), nil)
	target := "/query?query=" + url.QueryEscape("{ datasets { name } }")
	serve := func(accept ...string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodGet, target, nil)
		for _, a := range accept {
			req.Header.Add("Accept", a)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	for _, tc := range []struct {
		accept []string
		want   string
	}{
		{nil, appJSON},
		{[]string{""}, appJSON},
		{[]string{"*/*"}, appJSON},
		{[]string{"application/*;q=0.2"}, appJSON},
		{[]string{"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}, appJSON}, // a browser's address bar
		{[]string{"application/graphql-response+json; charset=utf-8"}, graphqlResponse},
		{[]string{"application/graphql-response+json, application/json;q=0.9"}, graphqlResponse}, // Apollo Client, graphql-http
		{[]string{"application/json;q=0.5, application/graphql-response+json"}, graphqlResponse},
		{[]string{"application/json, application/graphql-response+json"}, appJSON},    // a tie: the first named
		{[]string{"text/html", "application/graphql-response+json"}, graphqlResponse}, // two Accept lines
		{[]string{"application/graphql-response+json;q=0, */*"}, appJSON},
	} {
		rec := serve(tc.accept...)
		equal(t, strings.Join(tc.accept, " | "), []any{rec.Code, rec.Header().Get("Content-Type"), rec.Body.String()},
			[]any{http.StatusOK, tc.want, seedDatasets})
	}

	for _, tc := range []struct {
		accept []string
		shown  string
	}{
		{[]string{"text/html"}, `"text/html"`},
		{[]string{"application/xml, text/plain;q=0.5"}, `"application/xml, text/plain;q=0.5"`},
		{[]string{"application/json;q=0"}, `"application/json;q=0"`},
		{[]string{"application/graphql-response+json;q=0", "*/*;q=0"}, `"application/graphql-response+json;q=0, */*;q=0"`},
		{[]string{"application/json;q=2"}, `"application/json;q=2"`},
		{[]string{"text/plain;" + strings.Repeat("x", 100)}, `"text/plain;` + strings.Repeat("x", 52) + `…`},
	} {
		rec := serve(tc.accept...)
		oneError(t, strings.Join(tc.accept, " | "), rec, http.StatusNotAcceptable, "NOT_ACCEPTABLE",
			"the Accept header "+tc.shown+" accepts neither application/graphql-response+json nor application/json: accept one of them (or */*)")
		equal(t, "406 Content-Type", rec.Header().Get("Content-Type"), appJSON)
	}

	t.Run("OPTIONS and unsupported methods are answered whatever the Accept", func(t *testing.T) {
		for method, status := range map[string]int{http.MethodOptions: http.StatusOK, http.MethodPut: http.StatusMethodNotAllowed} {
			req := httptest.NewRequest(method, "/query", nil)
			req.Header.Set("Accept", "text/html")
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			equal(t, method, []any{rec.Code, rec.Header().Get("Allow")}, []any{status, "GET, POST, OPTIONS"})
		}
	})
}
