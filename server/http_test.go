package main

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/careergraph/careergraph/config"
	"github.com/careergraph/careergraph/internal/testbackend"
	"github.com/careergraph/careergraph/store/memory"
)

func TestCORSWithConfiguredOrigins(t *testing.T) {
	c, err := config.Parse([]string{"--cors-origins", "https://app.example,https://admin.example"}, func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	h := newTestHandler(t, memory.New(testbackend.Seed(t)), c)
	preflight := func(origin string) http.Header {
		req := httptest.NewRequest(http.MethodOptions, "/query", nil)
		req.Header.Set("Origin", origin)
		req.Header.Set("Access-Control-Request-Method", "POST")
		req.Header.Set("Access-Control-Request-Headers", "authorization,content-type") // as browsers send it
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec.Header()
	}
	got := preflight("https://app.example")
	equal(t, "allowed origin", []string{got.Get("Access-Control-Allow-Origin"), got.Get("Access-Control-Allow-Credentials")},
		[]string{"https://app.example", "true"})
	got = preflight("https://evil.example")
	equal(t, "other origin", got.Get("Access-Control-Allow-Origin"), "")
}

func TestRequestIDs(t *testing.T) {
	h := newTestHandler(t, memory.New(testbackend.Seed(t)), nil)
	for _, tc := range []struct{ sent, want string }{
		{"abc-123", "abc-123"},
		{"bad id with spaces", ""},
	} {
		req := httptest.NewRequest(http.MethodGet, "/healthz", nil)
		req.Header.Set("X-Request-ID", tc.sent)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		id := rec.Header().Get("X-Request-ID")
		if tc.want != "" && id != tc.want || tc.want == "" && (len(id) != 16 || id == tc.sent) {
			t.Errorf("sent %q: got X-Request-ID %q", tc.sent, id)
		}
	}
}
