package telemetry

import (
	"context"
	"fmt"
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	metricnoop "go.opentelemetry.io/otel/metric/noop"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace"
)

// ServiceName is the service.name of careergraph's spans.
const ServiceName = "careergraph"

// instrumentation is the name of the tracer careergraph's own spans come from.
const instrumentation = "github.com/careergraph/careergraph"

// Tracing is OpenTelemetry tracing: spans per HTTP request (the W3C traceparent of a request
// honoured), per GraphQL operation and per Neo4j query, sent to an OTLP endpoint.
type Tracing struct {
	provider   trace.TracerProvider
	tracer     trace.Tracer
	propagator propagation.TextMapPropagator
	shutdown   func(context.Context) error
}

// NewTracing returns tracing into provider (tests give one with an in-memory exporter).
func NewTracing(provider trace.TracerProvider) *Tracing {
	return &Tracing{
		provider:   provider,
		tracer:     provider.Tracer(instrumentation),
		propagator: propagation.TraceContext{},
		shutdown:   func(context.Context) error { return nil },
	}
}

// StartOTLP returns tracing that sends its spans in batches, over OTLP/HTTP (protobuf), to
// endpoint, a URL such as http://127.0.0.1:4318 (its path defaults to /v1/traces). The
// standard OTEL_TRACES_SAMPLER and OTEL_TRACES_SAMPLER_ARG variables choose the sampler
// (default: every trace a sampled parent or no parent starts). Nothing is sent until a span
// ends, so the endpoint need not answer at start.
func StartOTLP(ctx context.Context, endpoint string) (*Tracing, error) {
	exporter, err := otlptracehttp.New(ctx, otlptracehttp.WithEndpointURL(endpoint))
	if err != nil {
		return nil, fmt.Errorf("OTLP exporter for %s: %w", endpoint, err)
	}
	provider := sdktrace.NewTracerProvider(
		sdktrace.WithBatcher(exporter),
		sdktrace.WithResource(resource.NewSchemaless(attribute.String("service.name", ServiceName))),
	)
	t := NewTracing(provider)
	t.shutdown = provider.Shutdown
	return t, nil
}

// Shutdown sends the spans not sent yet and stops the exporter.
func (t *Tracing) Shutdown(ctx context.Context) error {
	if t == nil {
		return nil
	}
	if err := t.shutdown(ctx); err != nil {
		return fmt.Errorf("tracing shutdown: %w", err)
	}
	return nil
}

// Handler wraps next with otelhttp: a server span per request, named by its method and path,
// the child of the request's W3C traceparent when it has one.
func (t *Tracing) Handler(next http.Handler) http.Handler {
	return otelhttp.NewHandler(next, "http",
		otelhttp.WithTracerProvider(t.provider),
		otelhttp.WithPropagators(t.propagator),
		otelhttp.WithMeterProvider(metricnoop.NewMeterProvider()),
		otelhttp.WithSpanNameFormatter(func(_ string, r *http.Request) string { return r.Method + " " + r.URL.Path }),
	)
}

// StartOperation starts the span of one GraphQL operation ("query Name", or the bare type
// when it has no name), the child of ctx's span, or returns nil when tracing is off.
func (t *Telemetry) StartOperation(ctx context.Context, kind, name string) (context.Context, trace.Span) {
	tracer := t.Tracer()
	if tracer == nil {
		return ctx, nil
	}
	spanName := kind
	if name != "" {
		spanName += " " + name
	}
	ctx, span := tracer.Start(ctx, spanName, trace.WithAttributes(
		attribute.String("graphql.operation.type", kind),
		attribute.String("graphql.operation.name", name),
	))
	return ctx, span
}
