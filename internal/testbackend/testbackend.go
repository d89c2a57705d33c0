// Package testbackend gives tests every store backend loaded with the same datasets: the
// embedded store always, and a real Neo4j when one answers at NEO4J_URI (default DefaultURI,
// the tests' own Neo4j that scripts/test starts, never a developer's on 7687: the tests replace
// what the database holds). When none answers, Neo4j tests skip with a message naming the
// command that runs them, unless CAREERGRAPH_REQUIRE_NEO4J=1 (set by scripts/test), which fails
// them.
//
// Neo4j holds one shared graph, so test binaries that use it must not run at the same time:
// scripts/test runs `go test -p 1`.
package testbackend

import (
	"context"
	"os"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/seed"
	"github.com/careergraph/careergraph/store/memory"
	neo4jstore "github.com/careergraph/careergraph/store/neo4j"
)

// Backend is a named store.
type Backend struct {
	Name  string
	Store career.Store
	// Neo4j is the Neo4j store, for tests that count its round trips; nil for memory.
	Neo4j *neo4jstore.Store
}

// SkipMessage is what Neo4j tests say when they skip.
const SkipMessage = "Neo4j is not reachable at %s; run scripts/test (it starts the tests' own Neo4j and runs every test against both backends)"

// DefaultURI is the Bolt URI of the tests' Neo4j when NEO4J_URI is not set: the port
// scripts/test starts it on by default (CAREERGRAPH_TEST_NEO4J_PORT, 7697).
const DefaultURI = "bolt://127.0.0.1:7697"

// Seed returns the seed dataset, failing the test when it does not read.
func Seed(t testing.TB) *career.Dataset {
	t.Helper()
	d, _, err := seed.Dataset()
	if err != nil {
		t.Fatalf("read seed: %v", err)
	}
	return d
}

// Neo4jConfig is the configuration the tests use, from the environment.
func Neo4jConfig() neo4jstore.Config {
	env := func(name, def string) string {
		if v := os.Getenv(name); v != "" {
			return v
		}
		return def
	}
	return neo4jstore.Config{
		URI:      env("NEO4J_URI", DefaultURI),
		User:     env("NEO4J_USER", neo4jstore.DefaultUser),
		Password: env("NEO4J_PASSWORD", neo4jstore.DefaultPassword),
		Database: env("NEO4J_DATABASE", neo4jstore.DefaultDatabase),
		// Tests load through the store, which reads the bounds of the data when a load commits:
		// reads in the background would add round trips to the counts tests make.
		BoundsRefresh: time.Hour,
	}
}

var (
	neo4jOnce  sync.Once
	neo4jStore *neo4jstore.Store
	neo4jErr   error
)

// OpenNeo4j returns the process's shared Neo4j store with its schema applied, or skips (fails
// when CAREERGRAPH_REQUIRE_NEO4J=1) when Neo4j does not answer.
func OpenNeo4j(t testing.TB) *neo4jstore.Store {
	t.Helper()
	cfg := Neo4jConfig()
	neo4jOnce.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		defer cancel()
		s, err := neo4jstore.Open(ctx, cfg)
		if err != nil {
			neo4jErr = err
			return
		}
		if err := s.Ping(ctx); err != nil {
			neo4jErr = err
			return
		}
		if err := s.EnsureSchema(ctx); err != nil {
			neo4jErr = err
			return
		}
		neo4jStore = s
	})
	if neo4jErr != nil {
		if os.Getenv("CAREERGRAPH_REQUIRE_NEO4J") == "1" {
			t.Fatalf("Neo4j is required (CAREERGRAPH_REQUIRE_NEO4J=1) but not usable at %s: %v", cfg.URI, neo4jErr)
		}
		t.Skipf(SkipMessage, cfg.URI)
	}
	return neo4jStore
}

// LoadNeo4j makes Neo4j hold exactly these datasets: it loads each (a load replaces the
// dataset of the same name) and drops every other dataset.
func LoadNeo4j(t testing.TB, s *neo4jstore.Store, datasets ...*career.Dataset) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	loaded, err := s.Datasets(ctx)
	if err != nil {
		t.Fatalf("neo4j datasets: %v", err)
	}
	var names []string
	for _, d := range datasets {
		names = append(names, d.Info.Name)
	}
	for _, info := range loaded {
		if !slices.Contains(names, info.Name) {
			if err := s.Drop(ctx, info.Name); err != nil {
				t.Fatalf("neo4j drop %s: %v", info.Name, err)
			}
		}
	}
	for _, d := range datasets {
		if err := s.Load(ctx, d); err != nil {
			t.Fatalf("neo4j load %s: %v", d.Info.Name, err)
		}
	}
}

// Open returns the backends loaded with datasets: memory, then Neo4j. The Neo4j entry is
// missing (with a logged reason) only when Neo4j is unreachable and not required.
func Open(t *testing.T, datasets ...*career.Dataset) []Backend {
	t.Helper()
	backends := []Backend{{Name: "memory", Store: memory.New(datasets...)}}
	ok := t.Run("neo4j-available", func(t *testing.T) {
		s := OpenNeo4j(t)
		LoadNeo4j(t, s, datasets...)
		backends = append(backends, Backend{Name: "neo4j", Store: s, Neo4j: s})
	})
	if !ok {
		t.FailNow()
	}
	return backends
}

// Store is a store that knows the bounds of its data, as both backends do. Test doubles that
// wrap a store embed this rather than career.Store, so that the API costs their queries from
// the wrapped store's bounds instead of career.DefaultBounds.
type Store interface {
	career.Store
	career.BoundsReader
}
