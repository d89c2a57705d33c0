package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/careergraph/careergraph/config"
	"github.com/careergraph/careergraph/internal/testbackend"
	"github.com/careergraph/careergraph/store/memory"
)

// clientHeaders are the request headers common GraphQL clients send cross-origin, as a
// browser lists them in a preflight (lower case, sorted): Apollo Client's client awareness
// and CSRF prevention, W3C Trace Context and Baggage, Sentry's tracing, and ours.
const clientHeaders = "apollo-require-preflight,apollographql-client-name,apollographql-client-version,authorization,baggage," +
	"content-type,sentry-trace,traceparent,tracestate,x-apollo-operation-name,x-request-id"

// preflight sends a CORS preflight for a POST to /query from origin asking for headers, and
// returns the answer.
func preflight(h http.Handler, origin, headers string) *httptest.ResponseRecorder {
	return preflightFor(h, http.MethodPost, origin, headers)
}

// preflightFor sends a CORS preflight for a request with method to /query from origin asking
// for headers, and returns the answer.
func preflightFor(h http.Handler, method, origin, headers string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodOptions, "/query", nil)
	req.Header.Set("Origin", origin)
	req.Header.Set("Access-Control-Request-Method", method)
	req.Header.Set("Access-Control-Request-Headers", headers)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// corsAnswer is what a preflight's answer allows.
func corsAnswer(rec *httptest.ResponseRecorder) []any {
	h := rec.Header()
	return []any{rec.Code, h.Get("Access-Control-Allow-Origin"), h.Get("Access-Control-Allow-Headers"), h.Get("Access-Control-Max-Age")}
}

func TestCORSAllowsTheHeadersOfCommonClients(t *testing.T) {
	h := newTestHandler(t, memory.New(testbackend.Seed(t)), nil)
	equal(t, "the standard client headers", corsAnswer(preflight(h, "http://127.0.0.1:5173", clientHeaders)),
		[]any{http.StatusNoContent, "*", clientHeaders, "600"})
	equal(t, "a header off the list", corsAnswer(preflight(h, "http://127.0.0.1:5173", "content-type,x-tenant")),
		[]any{http.StatusNoContent, "", "", ""})
	equal(t, "revalidating a GET with its ETag", corsAnswer(preflightFor(h, http.MethodGet, "http://127.0.0.1:5173", "if-none-match")),
		[]any{http.StatusNoContent, "*", "if-none-match", "600"})

	t.Run("answers expose the request ID, the ETag and Retry-After", func(t *testing.T) {
		req := httptest.NewRequest(http.MethodPost, "/query", strings.NewReader(`{"query":"{ datasets { name } }"}`))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Origin", "http://127.0.0.1:5173")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		equal(t, "answer", []any{rec.Code, rec.Header().Get("Access-Control-Allow-Origin"), rec.Header().Get("Access-Control-Expose-Headers"), rec.Body.String()},
			[]any{http.StatusOK, "*", "X-Request-Id, Etag, Retry-After", seedDatasets})
	})
}

func TestCORSHeadersAreConfigurable(t *testing.T) {
	for _, tc := range []struct {
		name, headers string
		asked         string
		allowed       []any
	}{
		{"a list of its own", "Content-Type, X-Tenant", "content-type,x-tenant", []any{http.StatusNoContent, "*", "content-type,x-tenant", "600"}},
		{"a list of its own, without Apollo's", "Content-Type, X-Tenant", "apollographql-client-name,content-type", []any{http.StatusNoContent, "", "", ""}},
		{"any header", "*", "content-type,x-anything", []any{http.StatusNoContent, "*", "content-type,x-anything", "600"}},
	} {
		c, err := config.Parse([]string{"--cors-headers", tc.headers}, func(string) string { return "" })
		if err != nil {
			t.Fatal(err)
		}
		h := newTestHandler(t, untouchable{}, c)
		equal(t, tc.name, corsAnswer(preflight(h, "https://app.example", tc.asked)), tc.allowed)
	}
}
