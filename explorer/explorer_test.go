package explorer_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/careergraph/careergraph/explorer"
)

func serve(t *testing.T, method, target string, header map[string]string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	explorer.Handler("/query").ServeHTTP(rec, req)
	return rec
}

// TestPage checks the page's headers and that it loads only its embedded files, with
// Subresource Integrity, and no inline script.
func TestPage(t *testing.T) {
	rec := serve(t, http.MethodGet, explorer.Path, nil)
	if rec.Code != http.StatusOK {
		t.Fatalf("GET %s: %d", explorer.Path, rec.Code)
	}
	h := rec.Header()
	want := map[string]string{
		"Content-Type":            "text/html; charset=utf-8",
		"Content-Security-Policy": explorer.ContentSecurityPolicy,
		"Cache-Control":           "no-cache",
		"X-Content-Type-Options":  "nosniff",
	}
	for k, v := range want {
		if h.Get(k) != v {
			t.Errorf("%s = %q, want %q", k, h.Get(k), v)
		}
	}
	body := rec.Body.String()
	for _, name := range []string{"explorer.css", "cytoscape.min.js", "explorer.js"} {
		if n := strings.Count(body, `="`+explorer.AssetsPath+name+"?v="); n != 1 {
			t.Errorf("page refers %d times to %s, want once", n, name)
		}
	}
	if n := strings.Count(body, `integrity="sha256-`); n != 3 {
		t.Errorf("%d integrity attributes, want 3", n)
	}
	if n := strings.Count(body, "<script"); n != 3 {
		t.Errorf("%d script elements, want 3 (the JSON config, cytoscape.js, explorer.js)", n)
	}
	if !strings.Contains(body, `<script type="application/json" id="explorer-config">{"endpoint":"/query"}</script>`) {
		t.Errorf("page has no config block for /query:\n%s", body)
	}
}

// TestAssets checks how the embedded files are served, and what is refused.
func TestAssets(t *testing.T) {
	rec := serve(t, http.MethodGet, explorer.AssetsPath+"cytoscape.min.js", map[string]string{"Accept-Encoding": "gzip"})
	if rec.Code != http.StatusOK || rec.Header().Get("Content-Encoding") != "gzip" ||
		rec.Header().Get("Content-Type") != "text/javascript; charset=utf-8" ||
		rec.Header().Get("Cache-Control") != "public, max-age=31536000, immutable" {
		t.Errorf("cytoscape.min.js: %d, headers %v", rec.Code, rec.Header())
	}
	etag := rec.Header().Get("ETag")
	if rec := serve(t, http.MethodGet, explorer.AssetsPath+"cytoscape.min.js", map[string]string{"Accept-Encoding": "gzip", "If-None-Match": etag}); rec.Code != http.StatusNotModified {
		t.Errorf("If-None-Match %s: %d, want 304", etag, rec.Code)
	}
	lic := serve(t, http.MethodGet, explorer.AssetsPath+"cytoscape.LICENSE.txt", nil)
	if lic.Code != http.StatusOK || !strings.HasPrefix(lic.Body.String(), "Copyright (c) 2016-2026, The Cytoscape Consortium.") {
		t.Errorf("licence: %d %.60q", lic.Code, lic.Body.String())
	}
	for _, c := range []struct {
		method, target string
		code           int
	}{
		{http.MethodGet, explorer.AssetsPath + "missing.js", http.StatusNotFound},
		{http.MethodGet, explorer.Path + "/other", http.StatusNotFound},
		{http.MethodGet, explorer.AssetsPath + "page.html", http.StatusNotFound},
		{http.MethodPost, explorer.Path, http.StatusMethodNotAllowed},
		{http.MethodHead, explorer.Path, http.StatusOK},
	} {
		if rec := serve(t, c.method, c.target, nil); rec.Code != c.code {
			t.Errorf("%s %s: %d, want %d", c.method, c.target, rec.Code, c.code)
		}
	}
}
