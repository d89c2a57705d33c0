package graph

import (
	"context"
	"slices"

	"github.com/99designs/gqlgen/graphql"
	"go.opentelemetry.io/otel/codes"

	"github.com/careergraph/careergraph/telemetry"
)

// Observe is the gqlgen extension of the request's instruments: it puts the operation's name
// and cost in the request's Outcome, for the access log and the metrics, and, with tracing
// on, wraps each operation in a span ("query Name"), the parent of its Neo4j queries' spans.
// Registered before admission control, the span covers the operation's wait for its turn.
type Observe struct {
	// Telemetry gives the tracer; nil, or tracing off, starts no span.
	Telemetry *telemetry.Telemetry
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationInterceptor
	graphql.ResponseInterceptor
} = Observe{}

// ExtensionName implements graphql.HandlerExtension.
func (Observe) ExtensionName() string { return "Observe" }

// Validate implements graphql.HandlerExtension.
func (Observe) Validate(graphql.ExecutableSchema) error { return nil }

// InterceptOperation implements graphql.OperationInterceptor: the operation's span, when
// tracing is on, lasts until its response is written.
func (o Observe) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	recordOperation(ctx) // here too: admission control's refusal skips the response interceptors
	if o.Telemetry.Tracer() == nil {
		return next(ctx)
	}
	op := graphql.GetOperationContext(ctx).Operation
	ctx, span := o.Telemetry.StartOperation(ctx, string(op.Operation), op.Name)
	responses := next(ctx)
	ended := false
	return func(ctx context.Context) *graphql.Response {
		resp := responses(ctx)
		if !ended {
			ended = true
			if resp != nil && len(resp.Errors) > 0 {
				span.SetStatus(codes.Error, telemetry.CodeLabel(codesOf(resp)))
			}
			span.End()
		}
		return resp
	}
}

// InterceptResponse implements graphql.ResponseInterceptor: it records the operation's name and
// cost in the request's Outcome, also for a document refused before it ran (over the cost
// limit, say).
func (Observe) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	resp := next(ctx)
	recordOperation(ctx)
	return resp
}

// recordOperation puts the name and cost of ctx's operation in the request's Outcome.
func recordOperation(ctx context.Context) {
	o := outcomeOf(ctx)
	if o == nil || !graphql.HasOperationContext(ctx) {
		return
	}
	name := ""
	if op := graphql.GetOperationContext(ctx).Operation; op != nil {
		name = op.Name // a GraphQL name, checked by the parser: never the raw operationName
	}
	cost, known := OperationCost(ctx)
	o.mu.Lock()
	defer o.mu.Unlock()
	o.operation, o.cost, o.costKnown = name, cost, known
}

// codesOf returns the distinct error codes of resp, in their order.
func codesOf(resp *graphql.Response) []string {
	var out []string
	for _, e := range resp.Errors {
		code, _ := e.Extensions["code"].(string)
		if code != "" && !slices.Contains(out, code) {
			out = append(out, code)
		}
	}
	return out
}

// Operation returns the name of the request's operation ("" when it has none, or none ran).
func (o *Outcome) Operation() string {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.operation
}

// Cost returns the request's cost (see OperationCost), and false when it was never computed.
func (o *Outcome) Cost() (int, bool) {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.cost, o.costKnown
}

// observedFetch wraps a dataloader's batch function: the size of each batch goes to the
// request's metrics.
func observedFetch[K comparable, V any](fetch func(ctx context.Context, keys []K) (map[K]V, error)) func(ctx context.Context, keys []K) (map[K]V, error) {
	return func(ctx context.Context, keys []K) (map[K]V, error) {
		telemetry.LoaderBatch(ctx, len(keys))
		return fetch(ctx, keys)
	}
}
