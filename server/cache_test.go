package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/graph"
	"github.com/careergraph/careergraph/internal/testbackend"
	"github.com/careergraph/careergraph/store/memory"
	"github.com/careergraph/careergraph/store/storetest"
)

// callCounter counts the calls of Datasets and ProfessionsByID, the store methods the queries
// of TestHTTPCachingByDataVersion call once their store's read plans are hidden, and tells
// the wrapped store's data version.
type callCounter struct {
	career.Store
	calls atomic.Int64
}

func (s *callCounter) Datasets(ctx context.Context) ([]career.DatasetInfo, error) {
	s.calls.Add(1)
	return s.Store.Datasets(ctx)
}

func (s *callCounter) ProfessionsByID(ctx context.Context, ids []string) (map[string]*career.Profession, error) {
	s.calls.Add(1)
	return s.Store.ProfessionsByID(ctx, ids)
}

func (s *callCounter) DataVersion(ctx context.Context) (string, error) {
	return s.Store.(graph.DataVersioner).DataVersion(ctx)
}

// cachedGet is a GET answer's status, caching headers and body.
type cachedGet struct {
	Status                         int
	ETag, CacheControl, Vary, Body string
}

// getCached sends a cross-origin GET of a query, with If-None-Match when etag is not "". CORS
// answers vary by Origin, the media type by Accept: Vary lists both.
func getCached(h http.Handler, query, etag string) cachedGet {
	req := httptest.NewRequest(http.MethodGet, "/query?query="+url.QueryEscape(query), nil)
	req.Header.Set("Origin", "https://app.example")
	if etag != "" {
		req.Header.Set("If-None-Match", etag)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return cachedGet{rec.Code, rec.Header().Get("ETag"), rec.Header().Get("Cache-Control"),
		strings.Join(rec.Header().Values("Vary"), ", "), rec.Body.String()}
}

// TestHTTPCachingByDataVersion: on both backends, through the server's whole handler, a second
// GET with the first's ETag answers 304 without calling the store; an import changes the ETag,
// and the old one then gets the query's new answer.
func TestHTTPCachingByDataVersion(t *testing.T) {
	etagShape := regexp.MustCompile(`^W/"[0-9a-f]{32}"$`)
	const card = `{ profession(id: "profession:seed:architecte-logiciel") { name skills { skill { name } } } }`
	const datasets = `{ datasets { name } }`
	star := storetest.Generate(1, "star")
	for _, b := range testbackend.Open(t, testbackend.Seed(t)) {
		t.Run(b.Name, func(t *testing.T) {
			c := testConfig(t)
			if b.Neo4j != nil {
				c.Neo4j.URI = "bolt://test"
			}
			// The counter hides the store's bounds: costs are the default bounds' (11 for datasets).
			counter := &callCounter{Store: b.Store}
			h := newTestHandler(t, counter, c)

			first := getCached(h, card, "")
			if !etagShape.MatchString(first.ETag) {
				t.Fatalf("ETag %q is not a weak tag of 32 hex digits", first.ETag)
			}
			equal(t, "first GET", []any{first.Status, first.CacheControl, first.Vary, counter.calls.Load()},
				[]any{200, "public, max-age=60", "Origin, Accept", 1})
			second := getCached(h, card, first.ETag)
			equal(t, "second GET, with If-None-Match", second, cachedGet{304, first.ETag, "public, max-age=60", "Origin, Accept", ""})
			equal(t, "store calls", counter.calls.Load(), 1)

			if b.Neo4j != nil {
				t.Run("no Neo4j round trip for a 304 of a planned read", func(t *testing.T) {
					planned := newTestHandler(t, b.Store, c)
					before := b.Neo4j.QueryCount()
					got := getCached(planned, card, "")
					equal(t, "200: one round trip", []any{got.Status, b.Neo4j.QueryCount() - before}, []any{200, 1})
					before = b.Neo4j.QueryCount()
					got = getCached(planned, card, got.ETag)
					equal(t, "304: none", []any{got.Status, b.Neo4j.QueryCount() - before}, []any{304, 0})
				})
			}

			before := getCached(h, datasets, "")
			if b.Neo4j != nil {
				if err := b.Neo4j.Load(context.Background(), star); err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() {
					if err := b.Neo4j.Drop(context.Background(), star.Info.Name); err != nil {
						t.Error(err)
					}
				})
			} else if err := b.Store.(*memory.Store).Load(context.Background(), star); err != nil {
				t.Fatal(err)
			}
			after := getCached(h, datasets, before.ETag)
			equal(t, "after an import, the old ETag", []any{after.Status, etagShape.MatchString(after.ETag), after.ETag != before.ETag, after.Body},
				[]any{200, true, true, `{"data":{"datasets":[{"name":"` + storetest.GeneratedDataset + `"},{"name":"seed"}]},"extensions":{"cost":{"requestedQueryCost":11,"maximumAvailable":20000}}}`})
			again := getCached(h, card, first.ETag)
			equal(t, "after an import, the card's old ETag", []any{again.Status, again.ETag != first.ETag}, []any{200, true})
			equal(t, "the new ETag", getCached(h, datasets, after.ETag).Status, 304)
		})
	}
}
