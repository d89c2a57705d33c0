package graph_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/lru"

	"github.com/careergraph/careergraph/graph"
)

func TestDocumentWalkStopsWithTheRequest(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	// 901 selections, read twice: more than the walk visits between two looks at the context.
	q := "{" + strings.Repeat("... { ", 900) + "__typename" + strings.Repeat(" }", 900) + "}"
	err := graph.DocumentLimits{Limits: graph.DefaultLimits}.MutateOperationParameters(ctx, &graphql.RawParams{Query: q})
	if err == nil || !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want the context's error", err)
	}
	if err := (graph.DocumentLimits{Limits: graph.DefaultLimits}).MutateOperationParameters(context.Background(), &graphql.RawParams{Query: q}); err != nil {
		t.Errorf("within the limits: %v", err)
	}
}

// TestDocumentLimitsRemembersAccepted checks that the documents that passed are remembered
// per operation to run, and that a refused one is refused each time it is sent.
func TestDocumentLimitsRemembersAccepted(t *testing.T) {
	accepted := lru.New[struct{}](10)
	d := graph.DocumentLimits{Limits: graph.Limits{Depth: 2}, Accepted: accepted}
	q := "query Shallow { a } query Deep { a { b { c } } }"
	ctx := context.Background()
	if err := d.MutateOperationParameters(ctx, &graphql.RawParams{Query: q, OperationName: "Shallow"}); err != nil {
		t.Fatalf("Shallow: %v", err)
	}
	for range 2 {
		err := d.MutateOperationParameters(ctx, &graphql.RawParams{Query: q, OperationName: "Deep"})
		if err == nil || err.Message != "operation nests 3 levels, which exceeds the limit of 2" || err.Extensions["code"] != graph.CodeDepthLimit {
			t.Errorf("Deep: got %v, want %s", err, graph.CodeDepthLimit)
		}
	}
	if _, ok := accepted.Get(ctx, "7:Shallow"+q); !ok {
		t.Errorf("Shallow is not remembered")
	}
	if _, ok := accepted.Get(ctx, "4:Deep"+q); ok {
		t.Errorf("Deep, refused, is remembered")
	}
}
