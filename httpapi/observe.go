package httpapi

import (
	"cmp"
	"crypto/subtle"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"slices"
	"strings"
	"time"

	"go.opentelemetry.io/otel/trace"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/graph"
	"github.com/careergraph/careergraph/telemetry"
)

// queryPath is where GraphQL is served.
const queryPath = "/query"

// metricsPath is where the metrics are served.
const metricsPath = "/metrics"

// alarmingCodes are the GraphQL error codes that make a request's log line a warning: the
// server could not give the answer, for lack of time or of capacity.
var alarmingCodes = []string{career.ETIMEOUT, career.EOVERLOADED}

// observeRequests gives each request its telemetry record, and once it is answered writes its
// access log line and, for GraphQL requests, its metrics.
//
// The line is at info level, or warn when the status is 5xx or the answer has a code of
// alarmingCodes: method, path, status, the operation's name, the GraphQL error codes of the
// answer (codes=TIMEOUT,NOT_FOUND), its cost, the duration, the request ID, the Neo4j queries it
// sent and, with tracing on, its trace ID. A line with no error code and a status below 400 is
// written for a share sample of the requests (1: all); the others always are. No header, no
// query string and no body is ever logged: no credential can reach the log.
func observeRequests(logger *slog.Logger, tel *telemetry.Telemetry, sample float64, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		ctx, outcome := graph.WithOutcome(r.Context())
		ctx, record := tel.StartRequest(ctx)
		rec := &statusRecorder{ResponseWriter: w}
		next.ServeHTTP(rec, r.WithContext(ctx))
		duration := time.Since(start)
		status := cmp.Or(rec.status, http.StatusOK)
		codes := outcome.Codes()
		operation := outcome.Operation()
		if r.URL.Path == queryPath {
			tel.Metrics.ObserveRequest(telemetry.Answered{Operation: operation, Codes: codes, Status: status,
				Duration: duration, Neo4jQueries: record.Neo4jQueries()})
		}
		level := slog.LevelInfo
		if status >= 500 || slices.ContainsFunc(codes, func(c string) bool { return slices.Contains(alarmingCodes, c) }) {
			level = slog.LevelWarn
		}
		if !logger.Enabled(ctx, level) {
			return // the line would not be written: make none
		}
		if len(codes) == 0 && status < 400 && sample < 1 && rand.Float64() >= sample {
			return
		}
		attrs := make([]slog.Attr, 0, 10)
		attrs = append(attrs, slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.Int("status", status))
		if operation != "" {
			attrs = append(attrs, slog.String("operation", cut(operation, telemetry.MaxNameLength)))
		}
		if len(codes) > 0 {
			attrs = append(attrs, slog.String("codes", strings.Join(codes, ",")))
		}
		if cost, ok := outcome.Cost(); ok {
			attrs = append(attrs, slog.Int("cost", cost))
		}
		attrs = append(attrs, slog.Duration("duration", duration), slog.String("request_id", graph.RequestID(ctx)))
		if n := record.Neo4jQueries(); n > 0 {
			attrs = append(attrs, slog.Int("neo4j_queries", n))
		}
		if sc := trace.SpanContextFromContext(r.Context()); sc.IsValid() {
			attrs = append(attrs, slog.String("trace_id", sc.TraceID().String()))
		}
		logger.LogAttrs(ctx, level, "request", attrs...)
	})
}

// cut shortens s to at most n bytes, marking the cut with "…".
func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// metricsHandler serves the metrics; with a token, only to requests that carry it as
// "Authorization: Bearer TOKEN" (else 401).
func metricsHandler(m *telemetry.Metrics, token string) http.Handler {
	h := m.Handler()
	if token == "" {
		return h
	}
	want := []byte("Bearer " + token)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if subtle.ConstantTimeCompare([]byte(r.Header.Get("Authorization")), want) != 1 {
			w.Header().Set("WWW-Authenticate", `Bearer realm="metrics"`)
			http.Error(w, "metrics need their token", http.StatusUnauthorized)
			return
		}
		h.ServeHTTP(w, r)
	})
}
