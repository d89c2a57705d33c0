package main

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/careergraph/careergraph/dataset/rome"
	"github.com/careergraph/careergraph/graph"
	"github.com/careergraph/careergraph/internal/benchquery"
	"github.com/careergraph/careergraph/internal/datafiles"
	"github.com/careergraph/careergraph/internal/testbackend"
)

// post sends query to h as careergraph's clients do and returns the status and body.
func post(t *testing.T, h http.Handler, query string) (int, []byte) {
	t.Helper()
	body, err := json.Marshal(map[string]string{"query": query})
	if err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest(http.MethodPost, "/query", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Code, rec.Body.Bytes()
}

// TestSameBytes: on the same Neo4j (the seed and ROME's excerpt, which holds M1805 and the
// professions it leads to), the baseline answers Q1 and Q2 with exactly the bytes careergraph
// answers, key order and all.
func TestSameBytes(t *testing.T) {
	s := testbackend.OpenNeo4j(t)
	romeData, _, err := rome.Read(datafiles.Excerpt(t, "rome"))
	if err != nil {
		t.Fatalf("read the ROME excerpt: %v", err)
	}
	testbackend.LoadNeo4j(t, s, testbackend.Seed(t), romeData)
	careergraph := graph.NewHandler(s, graph.Options{LoaderWait: 2 * time.Millisecond, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})

	cfg := testbackend.Neo4jConfig()
	driver, err := neo4j.NewDriverWithContext(cfg.URI, neo4j.BasicAuth(cfg.User, cfg.Password, ""))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { driver.Close(t.Context()) })

	for _, tc := range []struct{ name, query string }{{"Q1", benchquery.Q1}, {"Q2", benchquery.Q2}} {
		t.Run(tc.name, func(t *testing.T) {
			code, want := post(t, careergraph, tc.query)
			var answer struct {
				Data struct {
					Profession struct {
						Name        string
						NextCareers []json.RawMessage
					}
				}
				Errors     []json.RawMessage
				Extensions struct {
					Cost struct{ RequestedQueryCost int }
				}
			}
			if err := json.Unmarshal(want, &answer); err != nil {
				t.Fatalf("careergraph's answer %s: %v", want, err)
			}
			if code != http.StatusOK || len(answer.Errors) > 0 {
				t.Fatalf("careergraph: status %d, %s", code, want)
			}
			if got := answer.Data.Profession.Name; got != "Développeur / Développeuse informatique" {
				t.Fatalf("profession name = %q", got)
			}
			b := &baseline{driver: driver, database: cfg.Database, costs: map[string]int{tc.query: answer.Extensions.Cost.RequestedQueryCost}}
			code, got := post(t, b, tc.query)
			if code != http.StatusOK || !bytes.Equal(got, want) {
				t.Errorf("baseline: status %d\n%s\nwant careergraph's\n%s", code, got, want)
			}
			if got := len(answer.Data.Profession.NextCareers); got != 10 {
				t.Errorf("next careers: %d, want M1805's 10", got)
			}
		})
	}
}
