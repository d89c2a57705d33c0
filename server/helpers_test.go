package main

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/config"
	"github.com/careergraph/careergraph/httpapi"
	"github.com/careergraph/careergraph/internal/testbackend"
)

// gqlResponse is a GraphQL response as clients see it.
type gqlResponse struct {
	Status int
	Data   json.RawMessage `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Path       []any          `json:"path"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
	Extensions json.RawMessage `json:"extensions"`
}

// codes lists the errors' extensions.code values.
func (r *gqlResponse) codes() []string {
	var out []string
	for _, e := range r.Errors {
		c, _ := e.Extensions["code"].(string)
		out = append(out, c)
	}
	return out
}

// testConfig is the server configuration tests use: the defaults.
func testConfig(t *testing.T) *config.Config {
	t.Helper()
	c, err := config.Parse(nil, func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// newTestHandler serves a store with the default configuration.
func newTestHandler(t *testing.T, store career.Store, c *config.Config) http.Handler {
	t.Helper()
	if c == nil {
		c = testConfig(t)
	}
	return newHTTPHandler(c, store, slog.New(slog.NewTextHandler(io.Discard, nil)))
}

// post sends a GraphQL query over POST through the real handler.
func post(t *testing.T, h http.Handler, query string, vars map[string]any) *gqlResponse {
	t.Helper()
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest(http.MethodPost, "/query", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	return do(t, h, req)
}

// get sends a GraphQL query over GET.
func get(t *testing.T, h http.Handler, query string) *gqlResponse {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, "/query?query="+url.QueryEscape(query), nil)
	return do(t, h, req)
}

func do(t *testing.T, h http.Handler, req *http.Request) *gqlResponse {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	var r gqlResponse
	if err := json.Unmarshal(rec.Body.Bytes(), &r); err != nil {
		t.Fatalf("response is not JSON (status %d): %v\n%s", rec.Code, err, rec.Body.String())
	}
	r.Status = rec.Code
	return &r
}

// data decodes a successful response's data into v, failing on GraphQL errors.
func (r *gqlResponse) decode(t *testing.T, v any) {
	t.Helper()
	if len(r.Errors) > 0 {
		t.Fatalf("unexpected errors: %+v", r.Errors)
	}
	if err := json.Unmarshal(r.Data, v); err != nil {
		t.Fatalf("decode data: %v\n%s", err, r.Data)
	}
}

// forEachBackend runs f against a handler over each backend loaded with the seed.
func forEachBackend(t *testing.T, f func(t *testing.T, h http.Handler)) {
	t.Helper()
	for _, b := range testbackend.Open(t, testbackend.Seed(t)) {
		t.Run(b.Name, func(t *testing.T) {
			c := testConfig(t)
			if b.Neo4j != nil {
				c.Neo4j.URI = "bolt://test"
			}
			f(t, newTestHandler(t, b.Store, c))
		})
	}
}

// names extracts the "name" of each object of a JSON list.
func names(t *testing.T, raw json.RawMessage) []string {
	t.Helper()
	var list []struct{ Name string }
	if err := json.Unmarshal(raw, &list); err != nil {
		t.Fatalf("decode names: %v", err)
	}
	out := make([]string, len(list))
	for i, o := range list {
		out[i] = o.Name
	}
	return out
}

// equal fails when got and want differ, showing both as JSON.
func equal(t *testing.T, what string, got, want any) {
	t.Helper()
	g, _ := json.MarshalIndent(got, "", "  ")
	w, _ := json.MarshalIndent(want, "", "  ")
	if !bytes.Equal(g, w) {
		t.Errorf("%s:\ngot  %s\nwant %s", what, g, w)
	}
}

// contains reports whether s contains every part.
func contains(s string, parts ...string) bool {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return true
}

// discardLogger is a logger that writes nowhere.
func discardLogger() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// newHTTPHandler is the handler the server wires for a configuration, serving store.
func newHTTPHandler(c *config.Config, store career.Store, logger *slog.Logger) http.Handler {
	return httpapi.NewHandler(httpOptions(c, store, logger))
}

// examples are GraphiQL's tabs.
var examples = httpapi.Examples()
