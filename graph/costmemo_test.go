package graph_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/99designs/gqlgen/graphql"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/graph"
	"github.com/careergraph/careergraph/internal/testbackend"
	"github.com/careergraph/careergraph/store/memory"
)

// TestCostMemoAnswersAsTheWalk checks that the costs CostLimit remembers are the costs it
// walks, for each value of a variable, sent in turns on one parsed operation, and that an
// import, which changes the bounds, changes the cost.
func TestCostMemoAnswersAsTheWalk(t *testing.T) {
	ctx := context.Background()
	store := memory.New(testbackend.Seed(t))
	limit := graph.NewCostLimit(store, 1000)
	op := operation(t, `query($id: ID!, $n: Int) { profession(id: $id) { nextCareers { profession { name } } }
		professions(first: $n) { edges { node { name } } } }`)
	costWith := func(limit graph.CostLimit, vars map[string]any) string {
		t.Helper()
		op.Variables = vars
		op.Stats = graphql.Stats{}
		if err := limit.MutateOperationContext(ctx, op); err != nil {
			return err.Message
		}
		cost, _ := graph.OperationCost(graphql.WithOperationContext(ctx, op))
		return fmt.Sprint(cost)
	}
	// The cost a walk gives: a new CostLimit remembers nothing.
	walked := func(vars map[string]any) string { return costWith(graph.NewCostLimit(store, 1000), vars) }
	costOf := func(vars map[string]any) string { return costWith(limit, vars) }
	seen := map[string]bool{}
	for i, n := range []any{5, 20, 5, nil, -1, -1, 20, 100} {
		vars := map[string]any{"id": backEnd}
		if n != nil {
			vars["n"] = n
		}
		got, want := costOf(vars), walked(vars)
		if got != want {
			t.Errorf("request %d (first %v): cost %s, want %s", i, n, got, want)
		}
		seen[want] = true
	}
	if len(seen) < 3 {
		t.Errorf("the costs %v do not depend on first: the test proves nothing", seen)
	}
	// The first profession of the dataset imported below, asked for before the import.
	memoFirst := "profession:memo:p0"
	before := costOf(map[string]any{"id": memoFirst, "n": 5})

	// A dataset whose first profession has 8 next careers: nextCareers may now cost 1 + 8 × 3.
	d := &career.Dataset{Info: career.DatasetInfo{Name: "memo", Title: "memo", Version: "1"}}
	for i := range 9 {
		d.Professions = append(d.Professions, career.Profession{ID: fmt.Sprintf("profession:memo:p%d", i), Dataset: "memo",
			Code: fmt.Sprint(i), Name: fmt.Sprintf("P%d", i), Language: "fr"})
		if i > 0 {
			d.Moves = append(d.Moves, career.Move{FromID: d.Professions[0].ID, ToID: d.Professions[i].ID, Kind: career.MoveLateral})
		}
	}
	if err := store.Load(ctx, d); err != nil {
		t.Fatal(err)
	}
	vars := map[string]any{"id": memoFirst, "n": 5}
	if got, want := costOf(vars), walked(vars); got != want || got == before {
		t.Errorf("after an import: cost %s, want %s (before the import: %s)", got, want, before)
	}
}
