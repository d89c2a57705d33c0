// Package httpapi is careergraph's HTTP front door: the routes (GraphiQL at /, the career explorer
// at /explore, GraphQL at /query, /healthz, /readyz), the middleware every response goes through
// (request IDs, the access log, CORS, X-Content-Type-Options), the body limit and time limit of
// /query, GraphiQL with its embedded example tabs, and the HTTP server with its timeouts.
package httpapi

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"time"

	"github.com/rs/cors"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/explorer"
	"github.com/careergraph/careergraph/graph"
	"github.com/careergraph/careergraph/graphiql"
	"github.com/careergraph/careergraph/telemetry"
)

// readyTimeout bounds the store's answer to /readyz.
const readyTimeout = 2 * time.Second

// Options configure the HTTP handler and server.
type Options struct {
	// Store answers the GraphQL queries; /readyz pings it.
	Store career.Store
	// Logger receives the access log and internal errors.
	Logger *slog.Logger
	// Limits bound what one GraphQL request may ask for.
	Limits graph.Limits
	// LoaderWait is how long dataloaders gather keys (0 for the embedded store).
	LoaderWait time.Duration
	// Admission configures admission control of expensive requests.
	Admission *graph.AdmissionConfig
	// CORSOrigins are the allowed CORS origins; empty allows any origin, without credentials.
	CORSOrigins []string
	// CORSHeaders are the request headers cross-origin requests may send; empty allows
	// DefaultCORSHeaders, "*" any header.
	CORSHeaders []string
	// MaxBodyBytes is the largest request body of /query; larger gets 413.
	MaxBodyBytes int64
	// RequestTimeout is the time limit of one request, database included.
	RequestTimeout time.Duration
	// CacheMaxAge is the Cache-Control max-age of cacheable GET answers of /query.
	CacheMaxAge time.Duration
	// Telemetry are the metrics and tracing; nil records none.
	Telemetry *telemetry.Telemetry
	// MetricsAddr is where the metrics are served: "" at /metrics beside /query, an address
	// (host:port) on a listener of their own (see Server), telemetry.MetricsOff nowhere.
	MetricsAddr string
	// MetricsToken, when set, is the bearer token /metrics asks for.
	MetricsToken string
	// AccessLogSample is the share of the access log lines of requests answered without error
	// that are written, 0 to 1 (see observeRequests); 0 writes none of them.
	AccessLogSample float64
}

// NewHandler wires the routes: GraphiQL at /, GraphQL at /query (behind the body and time
// limits), /healthz and /readyz, behind X-Content-Type-Options, request IDs, access logs and
// CORS.
func NewHandler(o Options) http.Handler {
	gql := graph.NewHandler(o.Store, graph.Options{
		Limits:        o.Limits,
		LoaderWait:    o.LoaderWait,
		Logger:        o.Logger,
		Introspection: true,
		Admission:     o.Admission,
		CacheMaxAge:   o.CacheMaxAge,
		Telemetry:     o.Telemetry,
	})
	mux := http.NewServeMux()
	if o.Telemetry != nil && o.Telemetry.Metrics != nil && o.MetricsAddr == "" {
		mux.Handle("GET "+metricsPath, metricsHandler(o.Telemetry.Metrics, o.MetricsToken))
	}
	mux.Handle(queryPath, limitBody(o.MaxBodyBytes, withTimeout(o.RequestTimeout, gql)))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, "ok\n")
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), readyTimeout)
		defer cancel()
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		if err := o.Store.Ping(ctx); err != nil {
			o.Logger.WarnContext(ctx, "not ready", "error", err.Error())
			w.WriteHeader(http.StatusServiceUnavailable)
			io.WriteString(w, "unavailable: the database does not answer\n")
			return
		}
		io.WriteString(w, "ready\n")
	})
	mux.Handle("/", graphiql.Handler("careergraph", queryPath, examples))
	explore := explorer.Handler(queryPath)
	mux.Handle(explorer.Path, explore)
	mux.Handle(explorer.AssetsPath, explore)

	corsOpts := corsOptions(o)
	h := noSniff(requestID(observeRequests(o.Logger, o.Telemetry, o.AccessLogSample, cors.New(corsOpts).Handler(mux))))
	if tracing := o.Telemetry.Tracing(); tracing != nil {
		h = tracing.Handler(h) // outermost: the access log line knows the trace ID
	}
	return h
}
