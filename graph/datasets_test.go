package graph_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"sync/atomic"
	"testing"
	"time"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/graph"
	"github.com/careergraph/careergraph/internal/testbackend"
	"github.com/careergraph/careergraph/store/memory"
)

// datasetsCounter counts the calls of Datasets, which is a round trip on Neo4j.
type datasetsCounter struct {
	testbackend.Store
	calls atomic.Int32
	err   error
}

func (c *datasetsCounter) Datasets(ctx context.Context) ([]career.DatasetInfo, error) {
	c.calls.Add(1)
	if c.err != nil {
		return nil, c.err
	}
	return c.Store.Datasets(ctx)
}

// The API reads the store's datasets once per request, however many fields name a dataset or
// list them, and not at all when none does; batched loaders (Neo4j) and direct ones alike.
func TestDatasetsReadOncePerRequest(t *testing.T) {
	ctx := context.Background()
	for _, wait := range []time.Duration{0, 2 * time.Millisecond} {
		c := &datasetsCounter{Store: memory.New(testbackend.Seed(t))}
		h := graph.NewHandler(c, graph.Options{LoaderWait: wait, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
		for _, tc := range []struct {
			what, query string
			calls       int32
		}{
			{"no dataset named", `{ professions(first: 1) { totalCount } stats { professions } search(text: "architecte", first: 1) { score } }`, 0},
			{"empty datasets are not named", `{ professions(filter: {dataset: ""}, first: 1) { totalCount } stats(dataset: "") { professions } }`, 0},
			{"every field naming a dataset, and the list", `{
				professions(filter: {dataset: "seed"}, first: 1) { totalCount }
				skills(filter: {dataset: "seed"}, first: 1) { totalCount }
				tools(filter: {dataset: "seed"}, first: 1) { totalCount }
				trainings(filter: {dataset: "seed"}, first: 1) { totalCount }
				profession(dataset: "seed", code: "chef-de-projet") { name }
				search(text: "architecte", dataset: "seed", first: 1) { score }
				matchProfessions(skills: ["skill:seed:connaitre-bases-de-donnees"], dataset: "seed", first: 1) { score }
				stats(dataset: "seed") { professions }
				a: datasets { name }
				b: datasets { professions }
			}`, 1},
		} {
			before := c.calls.Load()
			a := query(t, ctx, h, tc.query)
			if len(a.Errors) != 0 {
				t.Errorf("wait %v, %s: errors %+v", wait, tc.what, a.Errors)
			}
			if got := c.calls.Load() - before; got != tc.calls {
				t.Errorf("wait %v, %s: Datasets called %d times, want %d", wait, tc.what, got, tc.calls)
			}
		}
	}
}

// When the store cannot list its datasets, a field naming one gets the store's error (here
// UNAVAILABLE), not a claim that the dataset is not loaded.
func TestDatasetsUnavailable(t *testing.T) {
	c := &datasetsCounter{Store: memory.New(testbackend.Seed(t)), err: career.Unavailable(errors.New("connection refused"))}
	h := graph.NewHandler(c, graph.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	a := query(t, context.Background(), h, `{ stats(dataset: "seed") { professions } }`)
	if string(a.Data) != "null" || len(a.Errors) != 1 || a.codes()[0] != "UNAVAILABLE" || a.Errors[0].Message != "the database is unavailable; try again later" {
		t.Errorf("got %s %+v; want no data and one UNAVAILABLE error", a.Data, a.Errors)
	}
}
