package main

import "net/http"

// noSniff sets X-Content-Type-Options: nosniff on every response (GraphQL, GraphiQL, health,
// errors, 413, OPTIONS), so that browsers trust each response's Content-Type and never run a
// JSON answer as a script or a page.
func noSniff(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Content-Type-Options", "nosniff")
		next.ServeHTTP(w, r)
	})
}
