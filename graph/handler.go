package graph

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/telemetry"
)

// Limits bound what one request may ask for. Zero limits take DefaultLimits' values.
type Limits struct {
	// Complexity is the highest cost an operation may have (see the cost model in cost.go).
	Complexity int
	// Depth is the deepest nesting of fields an operation may have.
	Depth int
	// ParserTokens is the most tokens a query document may have.
	ParserTokens int
	// Fields is the most selections (fields and fragments) a document may make once its
	// fragment spreads are expanded (see DocumentLimits).
	Fields int
	// Aliases is the most aliases a document may have once its fragment spreads are expanded.
	Aliases int
	// Spreads is the most fragment spreads a document may have, as written.
	Spreads int
	// Duplicates is the most times one response name may be selected at one place of the
	// result, fragments included.
	Duplicates int
}

// DefaultLimits are the limits used when none are configured.
var DefaultLimits = Limits{Complexity: 20000, Depth: 15, ParserTokens: 15000,
	Fields: 2000, Aliases: 200, Spreads: 500, Duplicates: 20}

// documentCacheSize is how many query documents each of the handler's caches keeps: parsed
// documents, automatic persisted queries, documents within the limits.
const documentCacheSize = 1000

// Options configure the GraphQL handler.
type Options struct {
	Limits Limits
	// LoaderWait is how long dataloaders gather keys before a batch goes to the store; 0 calls
	// the store once per key (right for the in-memory store).
	LoaderWait time.Duration
	// Logger receives internal errors; nil logs to slog's default logger.
	Logger *slog.Logger
	// Introspection enables schema introspection (GraphiQL needs it).
	Introspection bool
	// Admission configures admission control; nil uses DefaultAdmission.
	Admission *AdmissionConfig
	// NoPlans answers every field with the per-field loaders even when the store reads plans
	// (career.PlanReader), which otherwise answer each root field they cover at once (see
	// plan.go). Tests use it to compare both paths.
	NoPlans bool
	// NoDirect answers every query through gqlgen's execution, even one that the direct writer
	// would answer from its plans (see direct.go). Tests use it to compare both paths.
	NoDirect bool
	// CacheMaxAge is how long caches may serve a GET answer without asking again (Cache-Control
	// max-age, whole seconds, see cache.go); 0 makes them ask every time (no-cache), which a
	// matching If-None-Match still answers 304.
	CacheMaxAge time.Duration
	// Telemetry receives metrics (slow fields, admission control) and traces (a span per
	// operation); nil records none.
	Telemetry *telemetry.Telemetry
}

// NewHandler returns the GraphQL HTTP handler (GET, POST and OPTIONS on one path, coded JSON
// errors for anything else; see httpTransport): query cache, automatic persisted queries,
// document limits, Int inputs checked before execution, the cost limit, admission control by
// cost, a parser token limit, per-request dataloaders, an error presenter that returns codes
// and hides internals, and HTTP caching of GET answers by data version (cache.go).
func NewHandler(store career.Store, opts Options) http.Handler {
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	opts.Limits = opts.Limits.withDefaults()
	r := &Resolver{Store: store, noPlans: opts.NoPlans}
	es := newExecutableSchema(r)
	admissionConfig := DefaultAdmission()
	if opts.Admission != nil {
		admissionConfig = *opts.Admission
	}
	if !opts.NoDirect {
		direct := directSchema{ExecutableSchema: es, r: r, plans: &directPlans{}}
		es = direct
		if admissionConfig.PlannedByID == nil {
			admissionConfig.PlannedByID = direct.plannedByID
		}
	}
	srv := handler.New(es)
	srv.AddTransport(httpTransport{schema: es.Schema()})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](documentCacheSize))
	srv.SetParserTokenLimit(opts.Limits.ParserTokens)
	srv.SetValidationRulesFn(ValidationRules)
	if opts.Introspection {
		srv.Use(extension.Introspection{})
	}
	srv.Use(persistedQueries{cache: lru.New[string](documentCacheSize)})
	// After the persisted queries, which fill in the query.
	srv.Use(DocumentLimits{Limits: opts.Limits, Accepted: lru.New[struct{}](documentCacheSize)})
	srv.Use(IntVariables{Schema: es.Schema()}) // before the cost, which reads the arguments
	srv.Use(NewCostLimit(store, opts.Limits.Complexity))
	admission := NewAdmission(&admissionConfig)
	var metrics *telemetry.Metrics
	if opts.Telemetry != nil {
		metrics = opts.Telemetry.Metrics
	}
	admission.metrics = metrics
	srv.Use(Observe{Telemetry: opts.Telemetry}) // before admission: its span covers the wait
	srv.Use(ErrorCodes{})
	srv.Use(StopAtDeadline{Admission: admission, Metrics: metrics})
	srv.Use(admission)
	srv.SetErrorPresenter(errorPresenter(opts.Logger))
	srv.SetRecoverFunc(func(ctx context.Context, p any) error {
		opts.Logger.ErrorContext(ctx, "panic in resolver", "panic", fmt.Sprint(p), "request_id", RequestID(ctx))
		return errors.New("internal panic")
	})
	return withHTTPCache(store, opts.CacheMaxAge, opts.Limits, admission.Handler(LoaderMiddleware(store, opts.LoaderWait, srv)))
}

// errorPresenter turns errors into GraphQL errors with extensions.code. Domain errors
// (career.Error) keep their message; gqlgen's own errors (parse, validation, limits) keep
// theirs; anything else is logged with the request ID and answered as INTERNAL with no detail.
func errorPresenter(logger *slog.Logger) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		gqlErr := graphql.DefaultErrorPresenter(ctx, err)
		var domain *career.Error
		if !errors.As(err, &domain) {
			domain = career.ContextError(err) // TIMEOUT or CANCELLED, worded once in career; else nil
		}
		switch {
		case domain != nil:
			gqlErr.Message = domain.Message
			errcode.Set(gqlErr, domain.Code)
			if domain.Code == career.EUNAVAILABLE {
				logger.WarnContext(ctx, "store unavailable", "error", err.Error(), "request_id", RequestID(ctx))
			}
		case isGraphQLError(err):
			// Parse, validation and limit errors: their messages are about the query itself.
		default:
			logger.ErrorContext(ctx, "internal error", "error", err.Error(), "request_id", RequestID(ctx), "path", gqlErr.Path.String())
			gqlErr.Message = "internal error (request " + RequestID(ctx) + ")"
			errcode.Set(gqlErr, career.EINTERNAL)
		}
		return gqlErr
	}
}

// isGraphQLError reports whether err is an error gqlgen made about the query (it has a code
// already, or is a plain *gqlerror.Error without a wrapped cause).
func isGraphQLError(err error) bool {
	var gqlErr *gqlerror.Error
	if !errors.As(err, &gqlErr) {
		return false
	}
	return gqlErr.Err == nil
}

type requestIDKey struct{}

// WithRequestID returns a context that carries a request ID for logs and error messages.
func WithRequestID(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, requestIDKey{}, id)
}

// RequestID returns the request's ID, or "-".
func RequestID(ctx context.Context) string {
	if id, ok := ctx.Value(requestIDKey{}).(string); ok {
		return id
	}
	return "-"
}
