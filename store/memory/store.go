// Package memory is the embedded career graph: every dataset indexed in memory, the default
// backend and the oracle the Neo4j store is tested against. It is safe for concurrent use.
//
// Every loop whose length grows with the data (search, traversals, matching, similarity,
// filters and scans) checks its request's context through a career.Stopper: a request past
// its deadline, or whose client has gone, stops within microseconds with an error wrapping
// ctx.Err(), which the API answers as TIMEOUT (or CANCELLED).
package memory

import (
	"context"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/careergraph/careergraph/career"
)

// Store is the in-memory career.Store.
type Store struct {
	mu       sync.Mutex // serialises loads
	datasets map[string]*career.Dataset
	g        atomic.Pointer[graph]
	// generations are the datasets' load generations, from which DataVersion is computed.
	generations map[string]string
}

var (
	_ career.Store  = (*Store)(nil)
	_ career.Loader = (*Store)(nil)
)

// New returns a store holding the given datasets (validated by their readers).
func New(datasets ...*career.Dataset) *Store {
	s := &Store{datasets: make(map[string]*career.Dataset), generations: make(map[string]string)}
	for _, d := range datasets {
		s.datasets[d.Info.Name] = d
		s.generations[d.Info.Name] = career.NewGeneration()
	}
	s.rebuild()
	return s
}

// Load adds a dataset, replacing a dataset of the same name as a whole. Readers see the old
// graph until the new one is ready.
func (s *Store) Load(ctx context.Context, d *career.Dataset) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.datasets[d.Info.Name] = d
	s.generations[d.Info.Name] = career.NewGeneration()
	s.rebuild()
	return nil
}

// rebuild indexes every dataset into a new graph and publishes it. s.mu must be held (or s
// not yet shared).
func (s *Store) rebuild() {
	names := make([]string, 0, len(s.datasets))
	for name := range s.datasets {
		names = append(names, name)
	}
	slices.Sort(names)
	list := make([]*career.Dataset, len(names))
	for i, name := range names {
		list[i] = s.datasets[name]
	}
	g := buildGraph(list)
	g.bounds = boundsOf(list, g)
	g.version = career.DataVersion(s.generations)
	s.g.Store(g)
}

func (s *Store) graph() *graph { return s.g.Load() }

// Ping always succeeds: the graph is in memory.
func (s *Store) Ping(ctx context.Context) error { return ctx.Err() }
