package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"sync/atomic"
	"testing"
	"time"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/graph"
	"github.com/careergraph/careergraph/internal/testbackend"
	"github.com/careergraph/careergraph/store/memory"
)

// countingStore counts the calls of Datasets and ProfessionsByID, tells the data version of
// the store it wraps, and hides that store's read plans and bounds (so that both are called).
type countingStore struct {
	career.Store
	versions graph.DataVersioner
	calls    atomic.Int64
}

func (s *countingStore) Datasets(ctx context.Context) ([]career.DatasetInfo, error) {
	s.calls.Add(1)
	return s.Store.Datasets(ctx)
}

func (s *countingStore) ProfessionsByID(ctx context.Context, ids []string) (map[string]*career.Profession, error) {
	s.calls.Add(1)
	return s.Store.ProfessionsByID(ctx, ids)
}

func (s *countingStore) DataVersion(ctx context.Context) (string, error) {
	return s.versions.DataVersion(ctx)
}

// cached is what a GET answer says about caching.
type cached struct {
	Status                   int
	ETag, CacheControl, Vary string
	Body                     string
}

// getQuery sends a GET of the URL parameters through h, with the request headers.
func getQuery(h http.Handler, params url.Values, headers map[string]string) cached {
	req := httptest.NewRequest(http.MethodGet, "/query?"+params.Encode(), nil)
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return cached{rec.Code, rec.Header().Get("ETag"), rec.Header().Get("Cache-Control"), rec.Header().Get("Vary"), rec.Body.String()}
}

func q(query string) url.Values { return url.Values{"query": {query}} }

var weakETag = regexp.MustCompile(`^W/"[0-9a-f]{32}"$`)

func TestHTTPCaching(t *testing.T) {
	mem := memory.New(testbackend.Seed(t))
	store := &countingStore{Store: mem, versions: mem}
	h := graph.NewHandler(store, graph.Options{CacheMaxAge: 90 * time.Second})
	const datasets = `{ datasets { name } }`

	// The wrapper hides the store's bounds: the cost is the default bounds' (11), not the seed's.
	first := getQuery(h, q(datasets), nil)
	if !weakETag.MatchString(first.ETag) {
		t.Fatalf("ETag %q is not a weak tag of 32 hex digits", first.ETag)
	}
	equal(t, "a cacheable GET", []any{first.Status, first.CacheControl, first.Vary, first.Body, store.calls.Load()},
		[]any{200, "public, max-age=90", "Accept", `{"data":{"datasets":[{"name":"seed"}]},"extensions":{"cost":{"requestedQueryCost":11,"maximumAvailable":20000}}}`, int64(1)})

	t.Run("If-None-Match with the ETag answers 304 without calling the store", func(t *testing.T) {
		for _, inm := range []string{first.ETag, `"other", ` + first.ETag, first.ETag[2:]} {
			got := getQuery(h, q(datasets), map[string]string{"If-None-Match": inm})
			equal(t, "If-None-Match "+inm, []any{got.Status, got.ETag, got.CacheControl, got.Vary, got.Body, store.calls.Load()},
				[]any{304, first.ETag, "public, max-age=90", "Accept", "", int64(1)})
		}
	})
	t.Run("another tag, or *, runs the query", func(t *testing.T) {
		for _, inm := range []string{`W/"0123"`, "*"} {
			before := store.calls.Load()
			got := getQuery(h, q(datasets), map[string]string{"If-None-Match": inm})
			equal(t, "If-None-Match "+inm, []any{got.Status, got.ETag, store.calls.Load() - before}, []any{200, first.ETag, int64(1)})
		}
	})
	t.Run("credentials make the answer private", func(t *testing.T) {
		for _, header := range []string{"Authorization", "Cookie", "X-API-Key"} {
			got := getQuery(h, q(datasets), map[string]string{header: "secret"})
			equal(t, header, []any{got.Status, got.ETag, got.CacheControl}, []any{200, first.ETag, "private, max-age=90"})
		}
	})
	t.Run("the ETag is the request's", func(t *testing.T) {
		tag := func(params url.Values, headers map[string]string) string { return getQuery(h, params, headers).ETag }
		vars := func(v string) url.Values {
			return url.Values{"query": {`query($id: ID!) { profession(id: $id) { name } }`}, "variables": {v}}
		}
		a := tag(vars(`{"id":"profession:seed:architecte-logiciel","x":1}`), nil)
		equal(t, "same variables in another order and spacing", tag(vars(`{ "x": 1, "id": "profession:seed:architecte-logiciel" }`), nil), a)
		distinct := map[string]string{
			"datasets":           first.ETag,
			"variables":          a,
			"other variables":    tag(vars(`{"id":"profession:seed:developpeur-web-back-end","x":1}`), nil),
			"graphql-response":   tag(q(datasets), map[string]string{"Accept": "application/graphql-response+json"}),
			"operation name":     tag(url.Values{"query": {`query A { datasets { name } } query B { datasets { title } }`}, "operationName": {"A"}}, nil),
			"other operation":    tag(url.Values{"query": {`query A { datasets { name } } query B { datasets { title } }`}, "operationName": {"B"}}, nil),
			"another query text": tag(q(`{datasets{name}}`), nil),
		}
		seen := map[string]string{}
		for name, etag := range distinct {
			if other, dup := seen[etag]; dup {
				t.Errorf("%s and %s have the same ETag %s", name, other, etag)
			}
			seen[etag] = name
		}
		equal(t, "Accept: application/json is the default type", tag(q(datasets), map[string]string{"Accept": "application/json"}), first.ETag)
	})
	t.Run("an answer about the data is cacheable", func(t *testing.T) {
		got := getQuery(h, q(`{ profession(id: "profession:seed:nope") { name } }`), nil)
		equal(t, "NOT_FOUND", []any{got.Status, weakETag.MatchString(got.ETag), got.CacheControl}, []any{200, true, "public, max-age=90"})
	})
	t.Run("answers of the moment, request errors and POST are not", func(t *testing.T) {
		hash := "0000000000000000000000000000000000000000000000000000000000000000"
		for name, params := range map[string]url.Values{
			"PERSISTED_QUERY_NOT_FOUND": {"extensions": {`{"persistedQuery":{"version":1,"sha256Hash":"` + hash + `"}}`}},
			"a validation error":        q(`{ nope }`),
			"a mutation (none exists)":  q(`mutation { nope }`),
			"bad parameters (400)":      {"query": {datasets}, "variables": {"[]"}},
		} {
			got := getQuery(h, params, nil)
			equal(t, name, []any{got.ETag, got.CacheControl, got.Vary}, []any{"", "no-store", ""})
		}
		req := httptest.NewRequest(http.MethodPost, "/query", jsonBody(t, map[string]string{"query": datasets}))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("If-None-Match", first.ETag)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		equal(t, "POST", []any{rec.Code, rec.Header().Get("ETag"), rec.Header().Get("Cache-Control"), rec.Header().Get("Vary")}, []any{200, "", "", ""})
	})
	t.Run("a request past its deadline is not cacheable", func(t *testing.T) {
		ctx, cancel := context.WithDeadline(context.Background(), time.Unix(0, 0))
		defer cancel()
		req := httptest.NewRequestWithContext(ctx, http.MethodGet, "/query?"+q(datasets).Encode(), nil)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		equal(t, "TIMEOUT", []any{rec.Code, rec.Header().Get("ETag"), rec.Header().Get("Cache-Control")}, []any{200, "", "no-store"})
	})
	t.Run("a load changes the ETag; the old one then runs the query", func(t *testing.T) {
		if err := mem.Load(context.Background(), testbackend.Seed(t)); err != nil {
			t.Fatal(err)
		}
		before := store.calls.Load()
		got := getQuery(h, q(datasets), map[string]string{"If-None-Match": first.ETag})
		equal(t, "after a load", []any{got.Status, weakETag.MatchString(got.ETag), got.ETag != first.ETag, store.calls.Load() - before},
			[]any{200, true, true, int64(1)})
		again := getQuery(h, q(datasets), map[string]string{"If-None-Match": got.ETag})
		equal(t, "the new ETag", []any{again.Status, again.ETag}, []any{304, got.ETag})
	})
	t.Run("max-age 0 is no-cache", func(t *testing.T) {
		got := getQuery(graph.NewHandler(store, graph.Options{}), q(datasets), nil)
		equal(t, "no-cache", []any{got.Status, got.CacheControl}, []any{200, "public, no-cache"})
	})
	t.Run("a store without a data version gets no caching headers", func(t *testing.T) {
		got := getQuery(graph.NewHandler(struct{ career.Store }{mem}, graph.Options{CacheMaxAge: time.Minute}), q(datasets), nil)
		equal(t, "no version", []any{got.Status, got.ETag, got.CacheControl}, []any{200, "", ""})
	})
}

// versionless is a store whose data version cannot be read, as Neo4j's when it never answered.
type versionless struct{ career.Store }

func (versionless) DataVersion(context.Context) (string, error) {
	return "", career.Unavailable(context.DeadlineExceeded)
}

func TestHTTPCachingWithoutADataVersion(t *testing.T) {
	h := graph.NewHandler(versionless{memory.New(testbackend.Seed(t))}, graph.Options{CacheMaxAge: time.Minute})
	got := getQuery(h, q(`{ datasets { name } }`), map[string]string{"If-None-Match": "*"})
	equal(t, "no version", []any{got.Status, got.ETag, got.CacheControl}, []any{200, "", "no-store"})
}

func TestCheckCacheMaxAge(t *testing.T) {
	for d, want := range map[time.Duration]string{
		0:                                  "",
		time.Minute:                        "",
		graph.MaxCacheMaxAge:               "",
		-time.Second:                       "must be whole seconds from 0s to 8760h0m0s (one year), got -1s",
		1500 * time.Millisecond:            "must be whole seconds from 0s to 8760h0m0s (one year), got 1.5s",
		graph.MaxCacheMaxAge + time.Second: "must be whole seconds from 0s to 8760h0m0s (one year), got 8760h0m1s",
	} {
		got := ""
		if err := graph.CheckCacheMaxAge(d); err != nil {
			got = err.Error()
		}
		equal(t, d.String(), got, want)
	}
}

// jsonBody is v as a JSON request body.
func jsonBody(t *testing.T, v any) *bytes.Reader {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return bytes.NewReader(b)
}

// equal fails when got and want differ, showing both as JSON.
func equal(t *testing.T, what string, got, want any) {
	t.Helper()
	g, _ := json.Marshal(got)
	w, _ := json.Marshal(want)
	if !bytes.Equal(g, w) {
		t.Errorf("%s:\ngot  %s\nwant %s", what, g, w)
	}
}
