package graph_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2"

	"github.com/careergraph/careergraph/graph"
	"github.com/careergraph/careergraph/internal/testbackend"
	"github.com/careergraph/careergraph/store/memory"
)

// operation parses and validates a query against the API's schema, as gqlgen does before the
// cost limit runs.
func operation(t *testing.T, query string) *graphql.OperationContext {
	t.Helper()
	schema := graph.Schema()
	doc, errs := gqlparser.LoadQuery(schema, query)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return &graphql.OperationContext{RawQuery: query, Doc: doc, Operation: doc.Operations[0], Variables: map[string]any{}}
}

const backEnd = "profession:seed:developpeur-web-back-end"

func TestOperationCost(t *testing.T) {
	limit := graph.NewCostLimit(memory.New(testbackend.Seed(t)), 50)
	ctx := context.Background()
	costOf := func(op *graphql.OperationContext) []any {
		cost, ok := graph.OperationCost(graphql.WithOperationContext(ctx, op))
		return []any{cost, ok}
	}
	check := func(what string, got, want []any) {
		t.Helper()
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s: got %v, want %v", what, got, want)
		}
	}

	cost, ok := graph.OperationCost(ctx)
	check("without an operation", []any{cost, ok}, []any{0, false})
	op := operation(t, `{ profession(id: "`+backEnd+`") { name nextCareers { profession { name } kind } } }`)
	check("before the cost is computed", costOf(op), []any{0, false})
	if err := limit.MutateOperationContext(ctx, op); err != nil {
		t.Fatal(err)
	}
	// 1 + name 1 + nextCareers (1 + 6 × (2 + 1)).
	check("computed", costOf(op), []any{21, true})

	one := `profession(id: "` + backEnd + `") { skills { skill { name } } }`
	op = operation(t, "{ a: "+one+" b: "+one+" c: "+one+" }")
	err := limit.MutateOperationContext(ctx, op)
	// Three times 1 + skills (1 + 10 × 2).
	if err == nil || err.Message != "operation costs 66, which exceeds the limit of 50" || err.Extensions["code"] != graph.CodeComplexityLimit {
		t.Errorf("got %v, want COMPLEXITY_LIMIT_EXCEEDED at 66", err)
	}
	check("refused", costOf(op), []any{66, true})
}

func TestCostWalkStopsWithTheRequest(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	// More selections than the walk visits between two looks at the context.
	var q strings.Builder
	q.WriteString("{")
	for i := range 1100 {
		fmt.Fprintf(&q, " a%d: __typename", i)
	}
	q.WriteString("}")
	err := graph.NewCostLimit(memory.New(testbackend.Seed(t)), 20000).MutateOperationContext(ctx, operation(t, q.String()))
	if err == nil || !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want the context's error", err)
	}
}
