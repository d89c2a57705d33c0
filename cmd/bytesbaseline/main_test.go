package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestHandler checks that POST /query answers the given bytes with the given type, and that
// anything else is 404.
func TestHandler(t *testing.T) {
	h := handler([]byte(`{"data":{"x":1}}`), "application/json")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/query", strings.NewReader(`{"query":"{ x }"}`)))
	if rec.Code != http.StatusOK || rec.Body.String() != `{"data":{"x":1}}` || rec.Header().Get("Content-Type") != "application/json" {
		t.Errorf("POST /query: %d %q %q", rec.Code, rec.Header().Get("Content-Type"), rec.Body.String())
	}
	for _, r := range []*http.Request{httptest.NewRequest(http.MethodGet, "/query", nil), httptest.NewRequest(http.MethodPost, "/other", nil)} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		if rec.Code != http.StatusNotFound {
			t.Errorf("%s %s: status %d, want 404", r.Method, r.URL.Path, rec.Code)
		}
	}
}
