// Package telemetry holds careergraph's operating instruments: Prometheus metrics on a registry
// of their own (metrics.go), OpenTelemetry tracing, off unless an OTLP endpoint is configured
// (tracing.go), and the per-request record that the HTTP layer starts and the GraphQL handler,
// the dataloaders and the Neo4j store fill in (this file). It knows nothing of careergraph's
// domain: the other packages call it, it calls none of them.
//
// Every recording method is safe on a nil receiver and does nothing then, so that callers need
// no checks when telemetry is off (tests, the import command).
package telemetry

import (
	"context"
	"sync/atomic"
	"time"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"
)

// Telemetry is the server's instruments: its metrics and its tracer.
type Telemetry struct {
	// Metrics are the Prometheus metrics; nil records none.
	Metrics *Metrics
	// tracing is nil when tracing is off.
	tracing *Tracing
}

// New returns the instruments: metrics (nil for none) and tracing (nil when off).
func New(metrics *Metrics, tracing *Tracing) *Telemetry {
	return &Telemetry{Metrics: metrics, tracing: tracing}
}

// Tracer is the tracer of the server's spans, or nil when tracing is off.
func (t *Telemetry) Tracer() trace.Tracer {
	if t == nil || t.tracing == nil {
		return nil
	}
	return t.tracing.tracer
}

// Tracing reports tracing's settings, nil when it is off.
func (t *Telemetry) Tracing() *Tracing {
	if t == nil {
		return nil
	}
	return t.tracing
}

// Request is what one HTTP request records beyond its own line: how many database queries it
// sent. It is safe for concurrent use (fields resolve concurrently).
type Request struct {
	t            *Telemetry
	neo4jQueries atomic.Int64
}

type requestKey struct{}

// StartRequest returns a context carrying a new Request of t; a nil t records nothing.
func (t *Telemetry) StartRequest(ctx context.Context) (context.Context, *Request) {
	if t == nil {
		return ctx, nil
	}
	r := &Request{t: t}
	return context.WithValue(ctx, requestKey{}, r), r
}

// FromContext returns the request's record, or nil outside a request.
func FromContext(ctx context.Context) *Request {
	r, _ := ctx.Value(requestKey{}).(*Request)
	return r
}

// Neo4jQueries is how many Neo4j queries the request has sent so far.
func (r *Request) Neo4jQueries() int {
	if r == nil {
		return 0
	}
	return int(r.neo4jQueries.Load())
}

// Query is one database query under way, from BeginQuery to End.
type Query struct {
	r     *Request
	span  trace.Span // nil when tracing is off
	what  string
	start time.Time
}

// BeginQuery starts one Neo4j query named what (a fixed description such as "read plan",
// never data), running cypher on database: it counts it in the request, and, with tracing on,
// starts its span, a child of ctx's span, whose context it returns. Call End when it is over.
func BeginQuery(ctx context.Context, what, database, cypher string) (context.Context, Query) {
	r := FromContext(ctx)
	q := Query{r: r, what: what, start: time.Now()}
	if r == nil {
		return ctx, q
	}
	r.neo4jQueries.Add(1)
	if tracer := r.t.Tracer(); tracer != nil {
		ctx, q.span = tracer.Start(ctx, "neo4j "+what, trace.WithSpanKind(trace.SpanKindClient),
			trace.WithAttributes(
				attribute.String("db.system.name", "neo4j"),
				attribute.String("db.namespace", database),
				attribute.String("db.query.summary", what),
				attribute.String("db.query.text", cypher), // parameterised: no data
			))
	}
	return ctx, q
}

// End ends the query: its latency goes to the metrics, its error (nil when it succeeded) to its
// span.
func (q Query) End(err error) {
	if q.r == nil {
		return
	}
	q.r.t.Metrics.observeNeo4jQuery(q.what, time.Since(q.start))
	if q.span != nil {
		if err != nil {
			q.span.SetStatus(codes.Error, err.Error())
		}
		q.span.End()
	}
}

// LoaderBatch records the size of one dataloader batch sent to the store.
func LoaderBatch(ctx context.Context, keys int) {
	if r := FromContext(ctx); r != nil {
		r.t.Metrics.observeLoaderBatch(keys)
	}
}
