package graph_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql"

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
