package graph

import (
	"context"
	"slices"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// Outcome is what the GraphQL handler tells the HTTP layers around it about one request: the
// error codes of its answer, for the access log, and whether admission control refused it,
// for the status. It is safe for concurrent use.
type Outcome struct {
	mu         sync.Mutex
	codes      []string
	wasRefused bool
	// The operation's name and cost, set by Observe (telemetry.go).
	operation string
	cost      int
	costKnown bool
}

type outcomeKey struct{}

// WithOutcome returns a context carrying a new Outcome, which the GraphQL handler fills in;
// the caller reads it once the handler has returned.
func WithOutcome(ctx context.Context) (context.Context, *Outcome) {
	o := &Outcome{}
	return context.WithValue(ctx, outcomeKey{}, o), o
}

// outcomeOf returns the request's Outcome, or nil.
func outcomeOf(ctx context.Context) *Outcome {
	o, _ := ctx.Value(outcomeKey{}).(*Outcome)
	return o
}

// Codes returns the distinct extensions.code values of the request's GraphQL errors, sorted
// (fields resolve concurrently: their errors come in no fixed order); nil when it had none.
func (o *Outcome) Codes() []string {
	o.mu.Lock()
	defer o.mu.Unlock()
	return slices.Sorted(slices.Values(o.codes))
}

// record adds the codes of errs.
func (o *Outcome) record(errs gqlerror.List) {
	o.mu.Lock()
	defer o.mu.Unlock()
	for _, e := range errs {
		code, _ := e.Extensions["code"].(string)
		if code != "" && !slices.Contains(o.codes, code) {
			o.codes = append(o.codes, code)
		}
	}
}

func (o *Outcome) refuse() {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.wasRefused = true
}

func (o *Outcome) refused() bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.wasRefused
}

// ErrorCodes is the gqlgen extension that records the error codes of every response in the
// request's Outcome (see WithOutcome).
type ErrorCodes struct{}

var _ interface {
	graphql.HandlerExtension
	graphql.ResponseInterceptor
} = ErrorCodes{}

// ExtensionName implements graphql.HandlerExtension.
func (ErrorCodes) ExtensionName() string { return "ErrorCodes" }

// Validate implements graphql.HandlerExtension.
func (ErrorCodes) Validate(graphql.ExecutableSchema) error { return nil }

// InterceptResponse implements graphql.ResponseInterceptor.
func (ErrorCodes) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	resp := next(ctx)
	if o := outcomeOf(ctx); o != nil && resp != nil {
		o.record(resp.Errors)
	}
	return resp
}
