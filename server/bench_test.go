package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/config"
	"github.com/careergraph/careergraph/internal/testbackend"
	"github.com/careergraph/careergraph/store/memory"
)

// The queries the benchmarks send through the real handler.
const (
	benchFullCard = `{ profession(id: "profession:seed:developpeur-web-back-end") { name summary description qualities { name }
		tasks skills { skill { name kind } importance } tools { name category } trainings { name level durationYears }
		nextCareers { profession { name } kind } previousCareers { profession { name } } specializationOf { name } } }`
	benchCareerPaths = `{ careerPaths(from: "profession:seed:developpeur-web-back-end", to: "profession:seed:directeur-technique-informatique", maxSteps: 4, first: 5) { length steps { name } } }`
)

// benchQuery measures one query through the handler, requests in parallel.
func benchQuery(b *testing.B, store career.Store, neo4j bool, query string) {
	// LOADER_WAIT may be set to compare batch windows.
	c, err := config.Parse(nil, func(name string) string {
		if name == "LOADER_WAIT" {
			return os.Getenv(name)
		}
		return ""
	})
	if err != nil {
		b.Fatal(err)
	}
	if neo4j {
		c.Neo4j.URI = "bolt://bench"
	}
	h := newHTTPHandler(c, store, discardLogger())
	body, _ := json.Marshal(map[string]string{"query": query})
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			req := httptest.NewRequest(http.MethodPost, "/query", bytes.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != http.StatusOK || bytes.Contains(rec.Body.Bytes(), []byte(`"errors"`)) {
				b.Fatalf("status %d: %s", rec.Code, rec.Body.String())
			}
		}
	})
}

func BenchmarkFullCard(b *testing.B) {
	b.Run("memory", func(b *testing.B) { benchQuery(b, memory.New(testbackend.Seed(b)), false, benchFullCard) })
	b.Run("neo4j", func(b *testing.B) {
		s := testbackend.OpenNeo4j(b)
		testbackend.LoadNeo4j(b, s, testbackend.Seed(b))
		benchQuery(b, s, true, benchFullCard)
	})
}

func BenchmarkCareerPaths(b *testing.B) {
	b.Run("memory", func(b *testing.B) { benchQuery(b, memory.New(testbackend.Seed(b)), false, benchCareerPaths) })
	b.Run("neo4j", func(b *testing.B) {
		s := testbackend.OpenNeo4j(b)
		testbackend.LoadNeo4j(b, s, testbackend.Seed(b))
		benchQuery(b, s, true, benchCareerPaths)
	})
}
