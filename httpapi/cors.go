package httpapi

import (
	"net/http"

	"github.com/rs/cors"
)

// DefaultCORSHeaders are the request headers cross-origin clients may send when none are
// configured: those of GraphQL requests and of this API (Accept, Content-Type, Authorization,
// X-Request-ID, and If-None-Match, with which a script revalidates an answer by its ETag),
// Apollo's client awareness and its CSRF-prevention header, and those of W3C Trace Context,
// W3C Baggage and Sentry tracing.
var DefaultCORSHeaders = []string{
	"Accept", "Content-Type", "Authorization", "X-Request-ID", "If-None-Match",
	"apollographql-client-name", "apollographql-client-version", "x-apollo-operation-name", "apollo-require-preflight",
	"traceparent", "tracestate", "baggage", "sentry-trace",
}

// corsExposedHeaders are the response headers cross-origin scripts may read besides the
// CORS-safelisted ones: the request's ID, the ETag of a cacheable answer and the Retry-After of
// an OVERLOADED one.
var corsExposedHeaders = []string{"X-Request-ID", "ETag", "Retry-After"}

// corsMaxAge is how long, in seconds, browsers may cache a CORS preflight's answer.
const corsMaxAge = 600

// corsOptions is the CORS policy of the options: their origins (empty allows any origin,
// without credentials; a list allows those origins, with credentials), GET, POST and OPTIONS,
// their request headers (DefaultCORSHeaders when none; "*" allows any) and corsExposedHeaders.
func corsOptions(o Options) cors.Options {
	headers := o.CORSHeaders
	if len(headers) == 0 {
		headers = DefaultCORSHeaders
	}
	return cors.Options{
		AllowedOrigins:   o.CORSOrigins, // empty allows any origin
		AllowedMethods:   []string{http.MethodGet, http.MethodPost, http.MethodOptions},
		AllowedHeaders:   headers,
		ExposedHeaders:   corsExposedHeaders,
		AllowCredentials: len(o.CORSOrigins) > 0,
		MaxAge:           corsMaxAge,
	}
}
