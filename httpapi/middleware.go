package httpapi

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/careergraph/careergraph/graph"
)

// noSniff sets X-Content-Type-Options: nosniff on every response (GraphQL, GraphiQL, health,
// errors, 413, OPTIONS), so that browsers trust each response's Content-Type and never run a
// JSON answer as a script or a page.
func noSniff(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Content-Type-Options", "nosniff")
		next.ServeHTTP(w, r)
	})
}

// limitBody answers 413 to request bodies over max bytes, before GraphQL reads them.
func limitBody(max int64, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength > max {
			tooLarge(w, max)
			return
		}
		if r.Body != nil && r.Body != http.NoBody {
			body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, max))
			var maxErr *http.MaxBytesError
			if errors.As(err, &maxErr) {
				tooLarge(w, max)
				return
			} else if err != nil {
				graph.WriteRequestError(w, "", http.StatusBadRequest, graph.CodeBadRequest, "the request body could not be read")
				return
			}
			r.Body = io.NopCloser(bytes.NewReader(body))
		}
		next.ServeHTTP(w, r)
	})
}

// tooLarge answers 413 REQUEST_TOO_LARGE, naming the limit, and closes the connection (the rest
// of the body is not read).
func tooLarge(w http.ResponseWriter, max int64) {
	w.Header().Set("Connection", "close")
	graph.WriteRequestError(w, "", http.StatusRequestEntityTooLarge, "REQUEST_TOO_LARGE",
		"request body too large: the limit is "+strconv.FormatInt(max, 10)+" bytes")
}

// withTimeout bounds each request's work, database calls included.
func withTimeout(d time.Duration, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), d)
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// requestID gives every request an ID (the client's X-Request-ID when sane), in its context
// and in the response's X-Request-ID header.
func requestID(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := r.Header.Get("X-Request-ID")
		if !saneID(id) {
			var b [8]byte
			rand.Read(b[:])
			id = hex.EncodeToString(b[:])
		}
		w.Header().Set("X-Request-ID", id)
		next.ServeHTTP(w, r.WithContext(graph.WithRequestID(r.Context(), id)))
	})
}

// saneID accepts short IDs of letters, digits, '-' and '_', so logs stay clean.
func saneID(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	for _, c := range id {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// statusRecorder remembers the status the client got: the first one written, or 200 when
// the body was written without one.
type statusRecorder struct {
	http.ResponseWriter
	status int // 0 until written
}

// WriteHeader implements http.ResponseWriter.
func (s *statusRecorder) WriteHeader(code int) {
	if s.status == 0 {
		s.status = code
	}
	s.ResponseWriter.WriteHeader(code)
}

// Write implements http.ResponseWriter.
func (s *statusRecorder) Write(b []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	return s.ResponseWriter.Write(b)
}

// Unwrap gives http.ResponseController the underlying writer.
func (s *statusRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }
