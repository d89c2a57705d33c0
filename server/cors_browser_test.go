package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/careergraph/careergraph/internal/browsertest"
	"github.com/careergraph/careergraph/internal/testbackend"
	"github.com/careergraph/careergraph/store/memory"
)

// crossOriginPage is a page that POSTs a GraphQL query to the API at %s with the headers
// Apollo Client sends for client awareness, tracing headers and an X-Request-ID, and leaves
// what it got (or the error) in window.corsResult.
const crossOriginPage = `<!doctype html><meta charset="utf-8"><title>cross-origin client</title>
<script>
fetch(%q, {
  method: 'POST',
  headers: {
    'content-type': 'application/json',
    'accept': 'application/graphql-response+json, application/json;q=0.9',
    'apollographql-client-name': 'careergraph-explorer',
    'apollographql-client-version': '1.2.3',
    'x-apollo-operation-name': 'Datasets',
    'apollo-require-preflight': 'true',
    'traceparent': '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    'tracestate': 'congo=t61rcWkgMzE',
    'baggage': 'userId=alice',
    'sentry-trace': '4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-1',
    'x-request-id': 'cross-origin-1',
  },
  body: JSON.stringify({query: 'query Datasets { datasets { name } }', operationName: 'Datasets'}),
})
  .then(async r => { window.corsResult = JSON.stringify({status: r.status, type: r.headers.get('content-type'), requestID: r.headers.get('x-request-id'), body: await r.text()}); })
  .catch(e => { window.corsResult = JSON.stringify({error: String(e)}); });
</script>`

// revalidatingPage is a page that GETs a query from the API at %s, then GETs it again with
// the ETag it read in If-None-Match, as a script keeping its own cache does, and leaves what it
// got (or the error) in window.revalidation.
const revalidatingPage = `<!doctype html><meta charset="utf-8"><title>revalidating client</title>
<script>
(async () => {
  const url = %q + '?query=' + encodeURIComponent('{ datasets { name } }');
  const first = await fetch(url, {cache: 'no-store'});
  const etag = first.headers.get('etag');
  const firstBody = await first.text();
  const again = await fetch(url, {cache: 'no-store', headers: {'if-none-match': etag}});
  window.revalidation = JSON.stringify({first: first.status, firstBody, etag, again: again.status, againBody: await again.text()});
})().catch(e => { window.revalidation = JSON.stringify({error: String(e)}); });
</script>`

// crossOriginRecorder records, of the requests to /query, each preflight's
// Access-Control-Request-Headers, each POST's apollographql-client-name and each GET's
// If-None-Match.
type crossOriginRecorder struct {
	next http.Handler

	mu               sync.Mutex
	preflightHeaders []string
	clientNames      []string
	ifNoneMatch      []string
}

func (c *crossOriginRecorder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	switch {
	case r.Method == http.MethodOptions && r.URL.Path == "/query":
		c.preflightHeaders = append(c.preflightHeaders, r.Header.Get("Access-Control-Request-Headers"))
	case r.Method == http.MethodPost && r.URL.Path == "/query":
		c.clientNames = append(c.clientNames, r.Header.Get("apollographql-client-name"))
	case r.Method == http.MethodGet && r.URL.Path == "/query":
		c.ifNoneMatch = append(c.ifNoneMatch, r.Header.Get("If-None-Match"))
	}
	c.mu.Unlock()
	c.next.ServeHTTP(w, r)
}

// TestCrossOriginClientInBrowser loads a page from one 127.0.0.1 origin that fetches from the
// real server on another (another port) with Apollo's client-awareness and tracing headers:
// Chromium's preflight is allowed, the query answers, and the page reads the exposed
// X-Request-ID.
func TestCrossOriginClientInBrowser(t *testing.T) {
	browsertest.ChromiumPath(t) // fails or skips before starting anything

	api, browser, raw := crossOriginRun(t, crossOriginPage, "corsResult")
	var got struct {
		Status    int
		Type      string
		RequestID string
		Body      string
		Error     string
	}
	if err := json.Unmarshal([]byte(raw), &got); err != nil {
		browser.Fatalf("the page's result is not JSON: %v\n%s", err, raw)
	}
	equal(t, "what the page got", got, struct {
		Status    int
		Type      string
		RequestID string
		Body      string
		Error     string
	}{http.StatusOK, "application/graphql-response+json", "cross-origin-1", seedDatasets, ""})

	api.mu.Lock()
	defer api.mu.Unlock()
	equal(t, "what the server received", []any{api.preflightHeaders, api.clientNames},
		[]any{[]string{"apollo-require-preflight,apollographql-client-name,apollographql-client-version,baggage,content-type," +
			"sentry-trace,traceparent,tracestate,x-apollo-operation-name,x-request-id"}, []string{"careergraph-explorer"}})
	browser.CheckOffline(t)
}

// TestCrossOriginRevalidationInBrowser loads a page from one 127.0.0.1 origin that GETs a query
// from the real server on another, reads the answer's ETag and revalidates with it in
// If-None-Match: Chromium's preflight for If-None-Match is allowed, and the page gets 304.
func TestCrossOriginRevalidationInBrowser(t *testing.T) {
	browsertest.ChromiumPath(t) // fails or skips before starting anything

	api, browser, raw := crossOriginRun(t, revalidatingPage, "revalidation")
	type result struct {
		First     int
		FirstBody string
		ETag      string
		Again     int
		AgainBody string
		Error     string
	}
	var got result
	if err := json.Unmarshal([]byte(raw), &got); err != nil {
		browser.Fatalf("the page's result is not JSON: %v\n%s", err, raw)
	}
	if !regexp.MustCompile(`^W/"[0-9a-f]{32}"$`).MatchString(got.ETag) {
		browser.Fatalf("the page read the ETag %q, not a weak tag of 32 hex digits (%s)", got.ETag, raw)
	}
	equal(t, "what the page got", got, result{http.StatusOK, seedDatasets, got.ETag, http.StatusNotModified, "", ""})

	api.mu.Lock()
	defer api.mu.Unlock()
	equal(t, "what the server received", []any{api.preflightHeaders, api.ifNoneMatch},
		[]any{[]string{"if-none-match"}, []string{"", got.ETag}})
	browser.CheckOffline(t)
}

// crossOriginRun serves the seed from the real handler on one 127.0.0.1 origin and pageTemplate
// (its %s the API's /query URL) on another, opens the page in Chromium, and returns what the
// API received, the browser, and the JSON the page leaves in window[result] once its fetches
// are done.
func crossOriginRun(t *testing.T, pageTemplate, result string) (*crossOriginRecorder, *browsertest.Browser, string) {
	t.Helper()
	api := &crossOriginRecorder{next: newHTTPHandler(testConfig(t), memory.New(testbackend.Seed(t)), discardLogger())}
	apiSrv := httptest.NewServer(api)
	t.Cleanup(apiSrv.Close)
	page := fmt.Sprintf(pageTemplate, apiSrv.URL+"/query")
	pageSrv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page)
	}))
	t.Cleanup(pageSrv.Close)

	browser := browsertest.Start(t)
	if err := chromedp.Do(browser.Ctx, chromedp.Navigate(pageSrv.URL+"/")); err != nil {
		browser.Fatalf("opening the page at %s: %v", pageSrv.URL, err)
	}
	raw, err := chromedp.Run(browser.Ctx, chromedp.Poll[string](`window.`+result+` || false`, chromedp.WithPollingTimeout(30*time.Second)))
	if err != nil {
		browser.Fatalf("waiting for the page's fetches: %v", err)
	}
	return api, browser, raw
}
