package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/careergraph/careergraph/career"
)

// untouchable is a store that must not be called: every method panics (a nil embedded
// interface), which the API would report as INTERNAL errors.
type untouchable struct{ career.Store }

// nested returns a query whose fields nest `levels` deep.
func nested(levels int) string {
	// profession { nextCareers { profession { nextCareers { … name } } } }
	var b strings.Builder
	b.WriteString(`{ profession(id: "profession:seed:developpeur-web-back-end") {`)
	depth := 1
	for depth+2 <= levels-1 {
		b.WriteString(" nextCareers { profession {")
		depth += 2
	}
	b.WriteString(" name")
	for i := 1; i < depth; i += 2 {
		b.WriteString(" } }")
	}
	b.WriteString(" } }")
	return b.String()
}

func TestAbusiveRequestsAreRejectedBeforeTheStore(t *testing.T) {
	h := newTestHandler(t, untouchable{}, nil)

	t.Run("first above its range is BAD_USER_INPUT with the range", func(t *testing.T) {
		for _, tc := range []struct{ query, message string }{
			{`{ professions(first: 1000) { totalCount } }`, "first must be between 1 and 100, got 1000"},
			{`{ professions(first: 0) { totalCount } }`, "first must be between 1 and 100, got 0"},
			{`{ search(text: "dev", first: 51) { score } }`, "first must be between 1 and 50, got 51"},
			{`{ careerPaths(from: "a", to: "b", maxSteps: 7) { length } }`, "maxSteps must be between 1 and 6, got 7"},
			{`{ careerPaths(from: "a", to: "b", first: 21) { length } }`, "first must be between 1 and 20, got 21"},
			{`{ careerProgression(from: "a", maxSteps: 0) { distance } }`, "maxSteps must be between 1 and 6, got 0"},
			{`{ careerProgression(from: "a", first: 201) { distance } }`, "first must be between 1 and 200, got 201"},
			{`{ matchProfessions(skills: ["a"], first: 51) { score } }`, "first must be between 1 and 50, got 51"},
			{`{ matchProfessions(skills: []) { score } }`, "skills must hold 1 to 100 IDs, got 0"},
			{`{ similarProfessions(to: "a", first: -1) { score } }`, "first must be between 1 and 50, got -1"},
			{`{ skills(first: 101) { totalCount } }`, "first must be between 1 and 100, got 101"},
			{`{ tools(first: 101) { totalCount } }`, "first must be between 1 and 100, got 101"},
			{`{ trainings(first: 101) { totalCount } }`, "first must be between 1 and 100, got 101"},
			{`{ search(text: " ·/- ") { score } }`, "text must contain at least one letter or digit (1 to 200 characters)"},
			{`{ search(text: "` + strings.Repeat("a", 201) + `") { score } }`, "text must be 1 to 200 characters long, got 201"},
			{`{ professions(after: "not-a-cursor") { totalCount } }`, `invalid cursor "not-a-cursor": use a cursor returned by this API`},
			{`{ profession { name } }`, "give either id or code (with dataset)"},
			{`{ profession(id: "x", code: "y") { name } }`, "give either id or code (with dataset), not both"},
		} {
			r := post(t, h, tc.query, nil)
			if len(r.Errors) != 1 || r.codes()[0] != "BAD_USER_INPUT" || r.Errors[0].Message != tc.message {
				t.Errorf("%s:\ngot  %+v\nwant one BAD_USER_INPUT error %q", tc.query, r.Errors, tc.message)
			}
		}
	})

	t.Run("nodes with more than 100 IDs is BAD_USER_INPUT", func(t *testing.T) {
		ids := make([]string, 101)
		for i := range ids {
			ids[i] = "profession:seed:x"
		}
		r := post(t, h, `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, map[string]any{"ids": ids})
		equal(t, "codes", r.codes(), []string{"BAD_USER_INPUT"})
		equal(t, "message", r.Errors[0].Message, "ids must hold 0 to 100 IDs, got 101")
	})

	t.Run("30 levels of nesting is DEPTH_LIMIT_EXCEEDED", func(t *testing.T) {
		r := post(t, h, nested(30), nil)
		equal(t, "codes", r.codes(), []string{"DEPTH_LIMIT_EXCEEDED"})
		if !strings.Contains(r.Errors[0].Message, "exceeds the limit of 15") {
			t.Errorf("message %q does not name the limit", r.Errors[0].Message)
		}
	})

	t.Run("depth counts through fragments", func(t *testing.T) {
		q := `query { ...A } fragment A on Query { profession(id: "x") { ...B } }
fragment B on Profession { nextCareers { profession { ...C } } }
fragment C on Profession { nextCareers { profession { ...D } } }
fragment D on Profession { nextCareers { profession { ...E } } }
fragment E on Profession { nextCareers { profession { ...F } } }
fragment F on Profession { nextCareers { profession { ...G } } }
fragment G on Profession { nextCareers { profession { ...H } } }
fragment H on Profession { nextCareers { profession { name } } }`
		r := post(t, h, q, nil)
		equal(t, "codes", r.codes(), []string{"DEPTH_LIMIT_EXCEEDED"})
	})

	t.Run("first multiplies complexity", func(t *testing.T) {
		q := `{ professions(first: 100) { nodes { skills { skill { professions(first: 100) { nodes {
			skills { skill { professions(first: 100) { nodes { name } } } } } } } } } } }`
		r := post(t, h, q, nil)
		equal(t, "codes", r.codes(), []string{"COMPLEXITY_LIMIT_EXCEEDED"})
	})

	t.Run("a 2 MiB body gets 413", func(t *testing.T) {
		body := `{"query":"{ datasets { name } }","variables":{"pad":"` + strings.Repeat("x", 2<<20) + `"}}`
		req := httptest.NewRequest(http.MethodPost, "/query", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusRequestEntityTooLarge || !strings.Contains(rec.Body.String(), `"REQUEST_TOO_LARGE"`) {
			t.Errorf("got %d %s, want 413 REQUEST_TOO_LARGE", rec.Code, rec.Body.String())
		}
	})

	t.Run("a 2 MiB body without Content-Length gets 413", func(t *testing.T) {
		body := `{"query":"{ datasets { name } }","variables":{"pad":"` + strings.Repeat("x", 2<<20) + `"}}`
		req := httptest.NewRequest(http.MethodPost, "/query", io.MultiReader(strings.NewReader(body)))
		req.ContentLength = -1
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusRequestEntityTooLarge {
			t.Errorf("got %d, want 413", rec.Code)
		}
	})

	t.Run("too many tokens is a parse error", func(t *testing.T) {
		q := "{ " + strings.Repeat("datasets { name } ", 5000) + "}"
		r := post(t, h, q, nil)
		if len(r.Errors) == 0 || r.codes()[0] != "GRAPHQL_PARSE_FAILED" {
			t.Errorf("got %+v, want GRAPHQL_PARSE_FAILED", r.Errors)
		}
	})
}

// failing answers every list with the given error.
type failing struct {
	career.Store
	err error
}

func (f failing) ListProfessions(context.Context, career.ProfessionFilter, career.PageArgs) (*career.Page[*career.Profession], error) {
	return nil, f.err
}

func (f failing) Ping(context.Context) error { return f.err }

func TestStoreErrorsAreCodedAndScrubbed(t *testing.T) {
	t.Run("an internal error shows no internals and is logged with the request ID", func(t *testing.T) {
		var logs bytes.Buffer
		c := testConfig(t)
		h := newHTTPHandler(c, failing{err: errors.New("neo4j: MATCH (p:Secret) failed")}, slog.New(slog.NewTextHandler(&logs, nil)))
		req := httptest.NewRequest(http.MethodPost, "/query", strings.NewReader(`{"query":"{ professions { totalCount } }"}`))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-Request-ID", "req-42")
		r := do(t, h, req)
		equal(t, "codes", r.codes(), []string{"INTERNAL"})
		equal(t, "message", r.Errors[0].Message, "internal error (request req-42)")
		if !contains(logs.String(), "MATCH (p:Secret) failed", "req-42") {
			t.Errorf("the log does not hold the cause and request ID:\n%s", logs.String())
		}
	})

	t.Run("an unreachable database is UNAVAILABLE and /readyz says 503", func(t *testing.T) {
		h := newTestHandler(t, failing{err: career.Unavailable(errors.New("connection refused"))}, nil)
		r := post(t, h, `{ professions { totalCount } }`, nil)
		equal(t, "codes", r.codes(), []string{"UNAVAILABLE"})
		equal(t, "message", r.Errors[0].Message, "the database is unavailable; try again later")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/readyz", nil))
		if rec.Code != http.StatusServiceUnavailable {
			t.Errorf("/readyz: got %d, want 503", rec.Code)
		}
	})
}
