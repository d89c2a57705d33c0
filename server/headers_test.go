package main

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/careergraph/careergraph/internal/testbackend"
	"github.com/careergraph/careergraph/store/memory"
)

func TestEveryResponseIsNoSniff(t *testing.T) {
	c := testConfig(t)
	c.MaxBodyBytes = 64
	h := newTestHandler(t, memory.New(testbackend.Seed(t)), c)
	preflight := httptest.NewRequest(http.MethodOptions, "/query", nil)
	preflight.Header.Set("Origin", "https://app.example")
	preflight.Header.Set("Access-Control-Request-Method", "POST")
	for _, tc := range []struct {
		name string
		req  *http.Request
		code int
	}{
		{"POST /query", post200(), http.StatusOK},
		{"GET /query", httptest.NewRequest(http.MethodGet, "/query?query="+url.QueryEscape("{ datasets { name } }"), nil), http.StatusOK},
		{"a GraphQL error", httptest.NewRequest(http.MethodGet, "/query?query="+url.QueryEscape("{ nope }"), nil), http.StatusOK},
		{"a transport error", httptest.NewRequest(http.MethodPut, "/query", nil), http.StatusMethodNotAllowed},
		{"413", postBody(strings.Repeat(" ", 65)), http.StatusRequestEntityTooLarge},
		{"OPTIONS", httptest.NewRequest(http.MethodOptions, "/query", nil), http.StatusOK},
		{"a CORS preflight", preflight, http.StatusNoContent},
		{"GraphiQL", httptest.NewRequest(http.MethodGet, "/", nil), http.StatusOK},
		{"a missing page", httptest.NewRequest(http.MethodGet, "/nope", nil), http.StatusNotFound},
		{"/healthz", httptest.NewRequest(http.MethodGet, "/healthz", nil), http.StatusOK},
		{"/readyz", httptest.NewRequest(http.MethodGet, "/readyz", nil), http.StatusOK},
	} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, tc.req)
		equal(t, tc.name, []any{rec.Code, rec.Header().Get("X-Content-Type-Options")}, []any{tc.code, "nosniff"})
	}
}

func post200() *http.Request { return postBody(`{"query":"{ datasets { name } }"}`) }

func postBody(body string) *http.Request {
	req := httptest.NewRequest(http.MethodPost, "/query", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	return req
}
