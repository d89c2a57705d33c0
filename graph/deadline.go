package graph

import (
	"context"
	"fmt"
	"time"

	"github.com/99designs/gqlgen/graphql"

	"github.com/careergraph/careergraph/telemetry"
)

// StopAtDeadline is the gqlgen extension that stops resolving once a request is over: a field
// resolver that would start after the request's deadline, or after its client has gone,
// answers the context's error instead (TIMEOUT or CANCELLED), so that a timed-out request
// does not go on resolving the rest of its selection in the goroutines gqlgen runs fields in.
// The stores stop their own loops (see career.Stopper); this stops the fields around them.
//
// With Admission set, it also makes the scanning root fields of an expensive request take
// turns (see Admission): every field of every request goes through gqlgen's field
// interceptors, so both rules are one interceptor.
type StopAtDeadline struct {
	Admission *Admission
	// Metrics, when set, get the time of every field resolver that is slow (telemetry.SlowField).
	Metrics *telemetry.Metrics
}

var _ interface {
	graphql.HandlerExtension
	graphql.FieldInterceptor
} = StopAtDeadline{}

// ExtensionName implements graphql.HandlerExtension.
func (StopAtDeadline) ExtensionName() string { return "StopAtDeadline" }

// Validate implements graphql.HandlerExtension.
func (StopAtDeadline) Validate(graphql.ExecutableSchema) error { return nil }

// InterceptField implements graphql.FieldInterceptor. Fields that only read a value already
// resolved cost nothing and are left alone.
func (s StopAtDeadline) InterceptField(ctx context.Context, next graphql.Resolver) (any, error) {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || !fc.IsResolver {
		return next(ctx)
	}
	select {
	case <-ctx.Done():
		return nil, fmt.Errorf("%s.%s not resolved: %w", fc.Object, fc.Field.Name, ctx.Err())
	default:
	}
	if s.Metrics != nil {
		start := time.Now()
		defer func() { s.Metrics.ObserveField(fc.Object, fc.Field.Name, time.Since(start)) }()
	}
	if s.Admission != nil && fc.Object == "Query" { // a root field: no field returns a Query
		return s.Admission.takeTurns(ctx, fc, next)
	}
	return next(ctx)
}
