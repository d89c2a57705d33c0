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
)

// readyTimeout bounds the store's answer to /readyz.
const readyTimeout = 2 * time.Second

// corsMaxAge is how long, in seconds, browsers may cache a CORS preflight's answer.
const corsMaxAge = 600

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
	// MaxBodyBytes is the largest request body of /query; larger gets 413.
	MaxBodyBytes int64
	// RequestTimeout is the time limit of one request, database included.
	RequestTimeout time.Duration
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
	})
	mux := http.NewServeMux()
	mux.Handle("/query", limitBody(o.MaxBodyBytes, withTimeout(o.RequestTimeout, gql)))
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
	mux.Handle("/", graphiql.Handler("careergraph", "/query", examples))
	explore := explorer.Handler("/query")
	mux.Handle(explorer.Path, explore)
	mux.Handle(explorer.AssetsPath, explore)

	corsOpts := cors.Options{
		AllowedOrigins:   o.CORSOrigins, // empty allows any origin
		AllowedMethods:   []string{http.MethodGet, http.MethodPost, http.MethodOptions},
		AllowedHeaders:   []string{"Accept", "Content-Type", "Authorization", "X-Request-ID"},
		ExposedHeaders:   []string{"X-Request-ID"},
		AllowCredentials: len(o.CORSOrigins) > 0,
		MaxAge:           corsMaxAge,
	}
	return noSniff(requestID(accessLog(o.Logger, cors.New(corsOpts).Handler(mux))))
}
