package graph

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"runtime"
	"strconv"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"golang.org/x/sync/semaphore"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/internal/saturate"
	"github.com/careergraph/careergraph/telemetry"
)

// Admission control: expensive requests cannot starve cheap ones.
//
// A request is cheap when its weight is at most Threshold and it selects no scanning root
// field (see scans); cheap requests run at once. Its weight is its estimated cost, or for a
// planned read by ID its cost divided by plannedCostDivisor (see plannedWeight). Every other request is expensive: it
// runs only while it holds one of MaxExpensive slots and its cost's worth of Capacity (a
// weighted semaphore; a request weighs min(cost, Capacity)). It waits for them in arrival
// order, at most MaxWait and never past its deadline; a request still waiting then is refused
// with OVERLOADED, HTTP 503 and Retry-After. Inside an expensive request the scanning root
// fields run one at a time, so that a request of many aliases keeps one core busy, not all:
// at most MaxExpensive cores do expensive work, the others stay free for cheap requests.

// AdmissionConfig configures admission control.
type AdmissionConfig struct {
	// Disabled runs every request at once, as if all were cheap.
	Disabled bool
	// Threshold is the highest estimated cost of a cheap request.
	Threshold int
	// Capacity is the total estimated cost of the expensive requests that run at once.
	Capacity int
	// MaxExpensive is how many expensive requests run at once.
	MaxExpensive int
	// MaxWait is the longest an expensive request waits for its turn; 0 refuses it at once
	// when none is free.
	MaxWait time.Duration
	// Cost returns the estimated cost of the operation in ctx, and false when it is unknown
	// (such a request is expensive and weighs Capacity). Nil uses OperationCost.
	Cost func(ctx context.Context) (int, bool)
	// PlannedByID reports whether the operation in ctx is a planned read by ID: answered by
	// the direct writer from read plans whose roots are all nodes by ID or code (see
	// plannedWeight). Nil: none is. NewHandler sets it when the direct writer is on.
	PlannedByID func(ctx context.Context) bool
}

// DefaultAdmission returns the admission control used when none is configured: cheap up to
// a cost of 1,000; half the CPUs (at least one) run expensive requests, within a total cost
// of 40,000 (twice the default complexity limit); a 2 s wait at most.
func DefaultAdmission() AdmissionConfig {
	return AdmissionConfig{
		Threshold:    1000,
		Capacity:     2 * DefaultLimits.Complexity,
		MaxExpensive: max(1, runtime.GOMAXPROCS(0)/2),
		MaxWait:      2 * time.Second,
	}
}

// Validate reports a configuration admission control cannot run with. Its messages name the
// settings as the server's flags do.
func (c AdmissionConfig) Validate() error {
	switch {
	case c.Threshold < 0:
		return fmt.Errorf("expensive-cost must be 0 or more, got %d", c.Threshold)
	case c.Capacity < 1:
		return fmt.Errorf("expensive-capacity must be at least 1, got %d", c.Capacity)
	case c.MaxExpensive < 1:
		return fmt.Errorf("max-expensive must be at least 1, got %d", c.MaxExpensive)
	case c.MaxWait < 0:
		return fmt.Errorf("admission-wait must be 0 or more, got %s", c.MaxWait)
	}
	return nil
}

// retryAfter is what a refused request is told to wait before retrying.
const retryAfter = time.Second

// Admission is the gqlgen extension that admits requests (see AdmissionConfig). Its Handler
// must wrap the GraphQL HTTP handler, to answer refusals with HTTP 503. The scanning root
// fields of an expensive request take turns through StopAtDeadline's field interceptor (see
// Admission.takeTurns), so that every field goes through one interceptor, not two.
type Admission struct {
	cfg    AdmissionConfig
	slots  *semaphore.Weighted // MaxExpensive
	budget *semaphore.Weighted // Capacity
	// metrics count the requests admitted, waiting and refused; nil counts none.
	metrics *telemetry.Metrics
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationInterceptor
} = (*Admission)(nil)

// NewAdmission returns admission control configured by cfg (nil for DefaultAdmission), which
// must be valid.
func NewAdmission(config *AdmissionConfig) *Admission {
	cfg := DefaultAdmission()
	if config != nil {
		cfg = *config
	}
	if cfg.Cost == nil {
		cfg.Cost = OperationCost
	}
	return &Admission{
		cfg:    cfg,
		slots:  semaphore.NewWeighted(int64(cfg.MaxExpensive)),
		budget: semaphore.NewWeighted(int64(cfg.Capacity)),
	}
}

// ExtensionName implements graphql.HandlerExtension.
func (a *Admission) ExtensionName() string { return "Admission" }

// Validate implements graphql.HandlerExtension.
func (a *Admission) Validate(graphql.ExecutableSchema) error { return a.cfg.Validate() }

// expensiveKey marks the context of an expensive request; its value is the request's
// *semaphore.Weighted of one, which its scanning root fields take in turn.
type expensiveKey struct{}

// InterceptOperation implements graphql.OperationInterceptor: cheap operations run at once,
// expensive ones when admitted. The operation runs when its response handler is called, so
// that is where the turn is taken and given back. A request already over by then (past its
// deadline, or its client gone) is answered TIMEOUT or CANCELLED, where gqlgen would write a
// body of "null".
func (a *Admission) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	expensive, weight := a.classify(ctx)
	responses := next(ctx)
	ran := false
	return func(ctx context.Context) *graphql.Response {
		if ran { // a query has one response; later calls end the stream
			return responses(ctx)
		}
		ran = true
		if expensive {
			release, err := a.admit(ctx, weight)
			if err != nil {
				return errorResponse(ctx, err)
			}
			defer release()
			defer a.metrics.AdmittedExpensive()()
			ctx = context.WithValue(ctx, expensiveKey{}, semaphore.NewWeighted(1))
		} else {
			a.metrics.AdmittedCheap()
		}
		if err := ctx.Err(); err != nil {
			return errorResponse(ctx, err)
		}
		return responses(ctx)
	}
}

// classify tells whether the operation in ctx is expensive, and its weight when it is.
func (a *Admission) classify(ctx context.Context) (expensive bool, weight int64) {
	if a.cfg.Disabled {
		return false, 0
	}
	cost, known := a.cfg.Cost(ctx)
	if !known {
		return true, int64(a.cfg.Capacity)
	}
	if scansData(graphql.GetOperationContext(ctx)) {
		return true, int64(max(1, min(cost, a.cfg.Capacity)))
	}
	w := cost
	if cost > a.cfg.Threshold && a.cfg.PlannedByID != nil && a.cfg.PlannedByID(ctx) {
		w = plannedWeight(cost)
	}
	if w <= a.cfg.Threshold {
		return false, 0
	}
	return true, int64(max(1, min(w, a.cfg.Capacity)))
}

// plannedCostDivisor is how many units of cost of a planned read by ID weigh one for admission
// control. The cost model's units were set on gqlgen's execution, about one resolved field
// each (see cost.go); a read whose root fields all read nodes by ID or code, answered from
// its read plans by the direct writer, does the same work at a fraction of that: its plan is
// one walk of the store's indexes, or one statement of index seeks that runs in Neo4j, and
// the writer writes each field with no resolver, goroutine or loader. Measured on the
// embedded store holding ROME + ESCO + O*NET (2 shared cores, one run), the direct writer
// answered Q1 of internal/benchquery 9.1× and Q2 12.3× faster than gqlgen's execution; 8
// stays below both. A page of professions (a root list, 2.2× in the same run) is not such a
// read: its root walks a list, and keeps its full cost.
const plannedCostDivisor = 8

// plannedWeight is the weight of a planned read by ID of this cost: cost ÷ plannedCostDivisor,
// rounded up. Its cost, which the complexity limit refuses and every response reports, is
// unchanged; the bounds it multiplies stay worst cases (the longest lists of the datasets the
// root IDs name).
func plannedWeight(cost int) int { return saturate.DivCeil(cost, plannedCostDivisor) }

// errOverloaded is why a request that waited its longest is refused.
var errOverloaded = career.Errorf(career.EOVERLOADED,
	"the server is busy with other expensive requests (searches, traversals, matches, costly selections); retry in %d s", int(retryAfter/time.Second))

// admit waits for a slot and weight's worth of capacity, at most MaxWait and never past the
// request's deadline. It returns errOverloaded when the wait ran out, or the context's error
// when the client has gone.
func (a *Admission) admit(ctx context.Context, weight int64) (release func(), err error) {
	wait := a.cfg.MaxWait
	if deadline, ok := ctx.Deadline(); ok {
		wait = min(wait, time.Until(deadline))
	}
	waitCtx, cancel := context.WithTimeout(ctx, max(wait, 0))
	defer cancel()
	acquire := func(s *semaphore.Weighted, n int64) error {
		if s.TryAcquire(n) {
			return nil
		}
		a.metrics.Waiting(1)
		defer a.metrics.Waiting(-1)
		if err := s.Acquire(waitCtx, n); err != nil {
			if errors.Is(ctx.Err(), context.Canceled) {
				return fmt.Errorf("waiting for admission: %w", ctx.Err()) // the client has gone
			}
			a.metrics.Rejected()
			return errOverloaded
		}
		return nil
	}
	if err := acquire(a.slots, 1); err != nil {
		return nil, err
	}
	if err := acquire(a.budget, weight); err != nil {
		a.slots.Release(1)
		return nil, err
	}
	return func() {
		a.budget.Release(weight)
		a.slots.Release(1)
	}, nil
}

// errorResponse is the answer of a request that did not run: refused (OVERLOADED, which the
// HTTP layer, Handler, answers with 503 and Retry-After) or over (TIMEOUT, CANCELLED).
func errorResponse(ctx context.Context, err error) *graphql.Response {
	e := career.ContextError(err)
	if e == nil {
		e = &career.Error{Code: career.ErrorCode(err), Message: career.ErrorMessage(err)}
	}
	gqlErr := &gqlerror.Error{Message: e.Message}
	errcode.Set(gqlErr, e.Code)
	resp := &graphql.Response{Errors: gqlerror.List{gqlErr}}
	if o := outcomeOf(ctx); o != nil {
		if e.Code == career.EOVERLOADED {
			o.refuse()
		}
		o.record(resp.Errors)
	}
	return resp
}

// takeTurns resolves the root field fc: in an expensive request, the scanning root fields
// (aliases included) take turns.
func (a *Admission) takeTurns(ctx context.Context, fc *graphql.FieldContext, next graphql.Resolver) (any, error) {
	serial, ok := ctx.Value(expensiveKey{}).(*semaphore.Weighted)
	if !ok || !scans(fc.Field, graphql.GetOperationContext(ctx).Variables) {
		return next(ctx)
	}
	if err := serial.Acquire(ctx, 1); err != nil {
		return nil, fmt.Errorf("waiting for its turn: %w", err)
	}
	defer serial.Release(1)
	return next(ctx)
}

// scanningFields are the root fields whose work grows with the data whatever their cost
// says: a search scores every name that one of its words starts (a one-result search for "e"
// scores about 50,000 names), the traversals, matches and similarities walk the graph.
var scanningFields = map[string]bool{
	"search":             true,
	"careerPaths":        true,
	"careerProgression":  true,
	"matchProfessions":   true,
	"similarProfessions": true,
}

// textFilteredLists are the root lists that search when their filter has a text.
var textFilteredLists = map[string]bool{"professions": true, "skills": true, "tools": true, "trainings": true}

// scansData reports whether the operation selects a scanning root field.
func scansData(opCtx *graphql.OperationContext) bool {
	if opCtx.Operation == nil {
		return false
	}
	for _, f := range graphql.CollectFields(opCtx, opCtx.Operation.SelectionSet, []string{"Query"}) {
		if scans(f, opCtx.Variables) {
			return true
		}
	}
	return false
}

// scans reports whether a root field scans the data: a scanning field, or a list filtered by
// a text.
func scans(f graphql.CollectedField, vars map[string]any) bool {
	if scanningFields[f.Name] {
		return true
	}
	if !textFilteredLists[f.Name] {
		return false
	}
	filter, _ := f.ArgumentMap(vars)["filter"].(map[string]any)
	text, _ := filter["text"].(string)
	return text != ""
}

// Handler wraps the GraphQL HTTP handler: requests get an Outcome (unless one is in their
// context already), and those admission control refused are answered with HTTP 503 and a
// Retry-After header.
func (a *Admission) Handler(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		o := outcomeOf(r.Context())
		if o == nil {
			var ctx context.Context
			ctx, o = WithOutcome(r.Context())
			r = r.WithContext(ctx)
		}
		next.ServeHTTP(&refusalWriter{ResponseWriter: w, outcome: o}, r)
	})
}

// refusalWriter turns the status of a refused request into 503 with Retry-After.
type refusalWriter struct {
	http.ResponseWriter
	outcome *Outcome
	wrote   bool
}

// WriteHeader implements http.ResponseWriter.
func (w *refusalWriter) WriteHeader(code int) {
	if !w.wrote {
		w.wrote = true
		if w.outcome.refused() {
			w.Header().Set("Retry-After", strconv.Itoa(int(retryAfter/time.Second)))
			code = http.StatusServiceUnavailable
		}
	}
	w.ResponseWriter.WriteHeader(code)
}

// Write implements http.ResponseWriter.
func (w *refusalWriter) Write(b []byte) (int, error) {
	if !w.wrote {
		w.WriteHeader(http.StatusOK)
	}
	return w.ResponseWriter.Write(b)
}

// Unwrap gives http.ResponseController the underlying writer.
func (w *refusalWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
