package graph

import (
	"context"
	"fmt"

	"github.com/99designs/gqlgen/graphql"
)

// StopAtDeadline is the gqlgen extension that stops resolving once a request is over: a field
// resolver that would start after the request's deadline, or after its client has gone,
// answers the context's error instead (TIMEOUT or CANCELLED), so that a timed-out request
// does not go on resolving the rest of its selection in the goroutines gqlgen runs fields in.
// The stores stop their own loops (see career.Stopper); this stops the fields around them.
type StopAtDeadline struct{}

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
func (StopAtDeadline) InterceptField(ctx context.Context, next graphql.Resolver) (any, error) {
	if fc := graphql.GetFieldContext(ctx); fc != nil && fc.IsResolver {
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("%s.%s not resolved: %w", fc.Object, fc.Field.Name, ctx.Err())
		default:
		}
	}
	return next(ctx)
}
