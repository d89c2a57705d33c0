package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/careergraph/careergraph/internal/testbackend"
	"github.com/careergraph/careergraph/store/memory"
)

// What a GraphQL request is, as the transport's errors say it.
const (
	postShape = `send one JSON object with a string "query" and, if needed, "operationName" (a string), "variables" and "extensions" (objects)`
	getShape  = `give "query" and, if needed, "operationName", "variables" and "extensions" (JSON objects) as URL parameters, each once`
)

// send sends one HTTP request through the handler.
func send(h http.Handler, method, target, contentType, body string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, target, strings.NewReader(body))
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// decodeRecorded decodes a recorded GraphQL response.
func decodeRecorded(t *testing.T, rec *httptest.ResponseRecorder) *gqlResponse {
	t.Helper()
	var r gqlResponse
	if err := json.Unmarshal(rec.Body.Bytes(), &r); err != nil {
		t.Fatalf("response is not JSON (status %d): %v\n%s", rec.Code, err, rec.Body.String())
	}
	r.Status = rec.Code
	return &r
}

// oneError fails unless the response has the status and exactly one error with the code and
// message, and no Go internals.
func oneError(t *testing.T, what string, rec *httptest.ResponseRecorder, status int, code, message string) {
	t.Helper()
	r := decodeRecorded(t, rec)
	if r.Status != status || len(r.Errors) != 1 || r.codes()[0] != code || r.Errors[0].Message != message {
		t.Errorf("%s:\ngot  %d %+v\nwant %d %s %q", what, r.Status, r.Errors, status, code, message)
	}
	if keys := responseKeys(t, rec); slices.Contains(keys, "data") {
		t.Errorf("%s: a request error has a data entry: %s", what, rec.Body.String())
	}
	for _, leak := range []string{"Go value", "RawParams", "map[string]", "interface {}", "unmarshal"} {
		if strings.Contains(rec.Body.String(), leak) {
			t.Errorf("%s: the response names Go internals (%q): %s", what, leak, rec.Body.String())
		}
	}
}

func TestMalformedPOSTBodiesAreBadRequest(t *testing.T) {
	h := newTestHandler(t, untouchable{}, nil)
	for _, tc := range []struct{ name, body, message string }{
		{"a batch", `[{"query":"{__typename}"}]`, "batched requests (a JSON array) are not supported: " + postShape},
		{"a number for query", `{"query":42}`, "`query` must be a string: " + postShape},
		{"an object for query", `{"query":{"a":1}}`, "`query` must be a string: " + postShape},
		{"a string for variables", `{"query":"{__typename}","variables":"x"}`, "`variables` must be a JSON object (or null): " + postShape},
		{"a list for variables", `{"query":"{__typename}","variables":[1]}`, "`variables` must be a JSON object (or null): " + postShape},
		{"a number for extensions", `{"query":"{__typename}","extensions":1}`, "`extensions` must be a JSON object (or null): " + postShape},
		{"a number for operationName", `{"query":"{__typename}","operationName":3}`, "`operationName` must be a string: " + postShape},
		{"truncated JSON", `{"query":"{__typename}"`, "the request body is not valid JSON: it ends too early: " + postShape},
		{"truncated inside a string", `{"query":"{__type`, "the request body is not valid JSON: it ends too early: " + postShape},
		{"a trailing comma", `{"query":"{__typename}",}`, "the request body is not valid JSON (at position 24): " + postShape},
		{"trailing garbage", `{"query":"{__typename}"} x`, "the request body has more after its JSON object: send one JSON object"},
		{"two objects", `{"query":"{__typename}"}{"query":"{__typename}"}`, "the request body has more after its JSON object: send one JSON object"},
		{"an empty body", ``, "the request body is empty: " + postShape},
		{"only spaces", " \n\t ", "the request body is empty: " + postShape},
		{"a string", `"{__typename}"`, "the request body is not a JSON object: " + postShape},
		{"null", `null`, "the request body is not a JSON object: " + postShape},
		{"non-UTF-8 bytes", "{\"query\":\"{__typename}\xff\"}", "the request body is not UTF-8 text: " + postShape},
		{"a field twice", `{"query":"{__typename}","query":"{datasets{name}}"}`, `the request body gives the field "query" twice: give it once`},
		{"variables nested 20,000 deep", `{"query":"{__typename}","variables":{"a":` + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + `}}`,
			"the request body is not valid JSON (at position 10037): " + postShape},
	} {
		rec := send(h, http.MethodPost, "/query", "application/json", tc.body)
		oneError(t, tc.name, rec, http.StatusBadRequest, "BAD_REQUEST", tc.message)
		if tc.body != "" && len(tc.body) > 8 && strings.Contains(rec.Body.String(), tc.body) {
			t.Errorf("%s: the response echoes the body: %s", tc.name, rec.Body.String())
		}
	}
}

func TestWellFormedPOSTBodies(t *testing.T) {
	h := newTestHandler(t, memory.New(testbackend.Seed(t)), nil)
	for _, body := range []string{
		`{"query":"{ datasets { name } }"}`,
		`{"query":"{ datasets { name } }","variables":null,"extensions":null,"operationName":null}`,
		`{"query":"{ datasets { name } }","variables":{},"extensions":{}}`,
		`{"query":"query D { datasets { name } }","operationName":"D"}`,
		`{"query":"{ datasets { name } }","someday":"a field of a later spec"}`,
		" \n{\"query\":\"{ datasets { name } }\"}\n ",
	} {
		rec := send(h, http.MethodPost, "/query", "application/json; charset=utf-8", body)
		if rec.Code != http.StatusOK || rec.Body.String() != seedDatasets {
			t.Errorf("%s: got %d %s", body, rec.Code, rec.Body.String())
		}
	}
}

func TestUnsupportedMethodsAre405WithAllow(t *testing.T) {
	h := newTestHandler(t, untouchable{}, nil)
	for _, method := range []string{http.MethodPut, http.MethodDelete, http.MethodPatch, "PROPFIND"} {
		rec := send(h, method, "/query", "application/json", `{"query":"{__typename}"}`)
		oneError(t, method, rec, http.StatusMethodNotAllowed, "METHOD_NOT_ALLOWED", `the method "`+method+`" is not supported: use GET or POST`)
		equal(t, method+" Allow", rec.Header().Get("Allow"), "GET, POST, OPTIONS")
	}
	rec := send(h, http.MethodHead, "/query", "", "")
	equal(t, "HEAD", []string{rec.Result().Status, rec.Header().Get("Allow")}, []string{"405 Method Not Allowed", "GET, POST, OPTIONS"})
	rec = send(h, http.MethodOptions, "/query", "", "")
	equal(t, "OPTIONS", []any{rec.Code, rec.Header().Get("Allow"), rec.Body.String()}, []any{http.StatusOK, "GET, POST, OPTIONS", ""})
}

func TestUnsupportedContentTypesAre415(t *testing.T) {
	h := newTestHandler(t, untouchable{}, nil)
	const must = ": POST bodies must be Content-Type: application/json (UTF-8, uncompressed)"
	body := `{"query":"{__typename}"}`
	for _, tc := range []struct{ name, contentType, encoding, message string }{
		{"text/plain", "text/plain", "", `the Content-Type "text/plain" is not supported` + must},
		{"multipart", "multipart/form-data; boundary=x", "", `the Content-Type "multipart/form-data" is not supported` + must},
		{"a form", "application/x-www-form-urlencoded", "", `the Content-Type "application/x-www-form-urlencoded" is not supported` + must},
		{"application/graphql", "application/graphql", "", `the Content-Type "application/graphql" is not supported` + must},
		{"no Content-Type", "", "", "the request has no Content-Type" + must},
		{"a malformed Content-Type", "application/json; =", "", `the Content-Type "application/json; =" is malformed` + must},
		{"latin-1", "application/json; charset=latin1", "", `the charset "latin1" is not supported (only utf-8 is)` + must},
		{"gzip", "application/json", "gzip", `the Content-Encoding "gzip" is not supported (send the body uncompressed)` + must},
	} {
		req := httptest.NewRequest(http.MethodPost, "/query", strings.NewReader(body))
		if tc.contentType != "" {
			req.Header.Set("Content-Type", tc.contentType)
		}
		if tc.encoding != "" {
			req.Header.Set("Content-Encoding", tc.encoding)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		oneError(t, tc.name, rec, http.StatusUnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE", tc.message)
	}
}

func TestMalformedGETParametersAreBadRequest(t *testing.T) {
	h := newTestHandler(t, untouchable{}, nil)
	q := "query=" + url.QueryEscape("{__typename}")
	for _, tc := range []struct{ name, rawQuery, message string }{
		{"variables not JSON", q + "&variables=x", `the URL parameter "variables" must be a JSON object (or null): ` + getShape},
		{"variables a list", q + "&variables=" + url.QueryEscape("[1]"), `the URL parameter "variables" must be a JSON object (or null): ` + getShape},
		{"variables truncated", q + "&variables=" + url.QueryEscape(`{"a":`), `the URL parameter "variables" is not valid JSON: it ends too early: ` + getShape},
		{"variables with garbage after", q + "&variables=" + url.QueryEscape(`{} x`), `the URL parameter "variables" has more after its JSON object: send one JSON object`},
		{"extensions a number", q + "&extensions=1", `the URL parameter "extensions" must be a JSON object (or null): ` + getShape},
		{"query twice", q + "&" + q, `the URL parameter "query" is given 2 times: give it once`},
		{"query not UTF-8", "query=%ff", `the URL parameter "query" is not UTF-8 text`},
		{"a bad escape", "query=%zz", `the URL's parameters are malformed (a bad %-escape or a ';'): ` + getShape},
	} {
		rec := send(h, http.MethodGet, "/query?"+tc.rawQuery, "", "")
		oneError(t, tc.name, rec, http.StatusBadRequest, "BAD_REQUEST", tc.message)
	}
}

func TestGETQueriesAndContentTypes(t *testing.T) {
	h := newTestHandler(t, memory.New(testbackend.Seed(t)), nil)
	target := "/query?query=" + url.QueryEscape("query($d: String) { stats(dataset: $d) { professions } }") +
		"&variables=" + url.QueryEscape(`{"d":"seed"}`)
	for _, tc := range []struct{ accept, contentType string }{
		{"", "application/json"},
		{"application/json", "application/json"},
		{"*/*", "application/json"},
		{"application/graphql-response+json, application/json;q=0.9", "application/graphql-response+json"},
	} {
		req := httptest.NewRequest(http.MethodGet, target, nil)
		if tc.accept != "" {
			req.Header.Set("Accept", tc.accept)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		equal(t, "Accept "+tc.accept, []any{rec.Code, rec.Header().Get("Content-Type"), rec.Body.String()},
			[]any{http.StatusOK, tc.contentType, `{"data":{"stats":{"professions":8}},"extensions":{"cost":{"requestedQueryCost":2,"maximumAvailable":20000}}}`})
	}

	t.Run("a validation error is 200 in application/json and 400 in application/graphql-response+json", func(t *testing.T) {
		for accept, status := range map[string]int{"application/json": 200, "application/graphql-response+json": 400} {
			req := httptest.NewRequest(http.MethodGet, "/query?query="+url.QueryEscape("{ nope }"), nil)
			req.Header.Set("Accept", accept)
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			oneError(t, accept, rec, status, "GRAPHQL_VALIDATION_FAILED", `Cannot query field "nope" on type "Query". Did you mean "node" or "nodes"?`)
		}
	})
}

func TestPersistedQueries(t *testing.T) {
	h := newTestHandler(t, memory.New(testbackend.Seed(t)), nil)
	const query = "{ datasets { name } }"
	sum := sha256.Sum256([]byte(query))
	hash := hex.EncodeToString(sum[:])
	ext := func(version, hash string) string {
		return `{"persistedQuery":{"version":` + version + `,"sha256Hash":"` + hash + `"}}`
	}
	getHash := func() *httptest.ResponseRecorder {
		return send(h, http.MethodGet, "/query?extensions="+url.QueryEscape(ext("1", hash)), "", "")
	}

	oneError(t, "an unknown hash", getHash(), http.StatusOK, "PERSISTED_QUERY_NOT_FOUND", "PersistedQueryNotFound")
	rec := send(h, http.MethodPost, "/query", "application/json", `{"query":"`+query+`","extensions":`+ext("1", hash)+`}`)
	equal(t, "query and hash", []any{rec.Code, rec.Body.String()}, []any{http.StatusOK, seedDatasets})
	rec = getHash()
	equal(t, "the hash alone, once known", []any{rec.Code, rec.Body.String()}, []any{http.StatusOK, seedDatasets})

	for _, tc := range []struct {
		name, extensions string
		status           int
		code, message    string
	}{
		{"a hash that is not the query's", ext("1", strings.Repeat("0", 64)), http.StatusBadRequest, "PERSISTED_QUERY_HASH_MISMATCH",
			"extensions.persistedQuery.sha256Hash is not the SHA-256 of the query: send the hash of the query text, in lowercase hex"},
		{"version 2", ext("2", hash), http.StatusBadRequest, "PERSISTED_QUERY_UNSUPPORTED_VERSION",
			"persisted query version 2 is not supported: use version 1, or send the query without extensions.persistedQuery"},
		{"version as a string", ext(`"1"`, hash), http.StatusBadRequest, "PERSISTED_QUERY_UNSUPPORTED_VERSION",
			`persisted query version "1" is not supported: use version 1, or send the query without extensions.persistedQuery`},
		{"no version", `{"persistedQuery":{"sha256Hash":"` + hash + `"}}`, http.StatusBadRequest, "BAD_REQUEST",
			`extensions.persistedQuery must be an object {"version": 1, "sha256Hash": "<SHA-256 of the query, lowercase hex>"}`},
		{"no hash", `{"persistedQuery":{"version":1}}`, http.StatusBadRequest, "BAD_REQUEST",
			`extensions.persistedQuery must be an object {"version": 1, "sha256Hash": "<SHA-256 of the query, lowercase hex>"}`},
		{"a string", `{"persistedQuery":"x"}`, http.StatusBadRequest, "BAD_REQUEST",
			`extensions.persistedQuery must be an object {"version": 1, "sha256Hash": "<SHA-256 of the query, lowercase hex>"}`},
	} {
		rec := send(h, http.MethodPost, "/query", "application/json", `{"query":"`+query+`","extensions":`+tc.extensions+`}`)
		oneError(t, tc.name, rec, tc.status, tc.code, tc.message)
	}

	rec = send(h, http.MethodPost, "/query", "application/json", `{"query":"`+query+`","extensions":{"persistedQuery":null}}`)
	equal(t, "persistedQuery null is no persisted query", rec.Body.String(), seedDatasets)
}

// seedDatasets is the answer to { datasets { name } } over the seed, with its cost.
const seedDatasets = `{"data":{"datasets":[{"name":"seed"}]},"extensions":{"cost":{"requestedQueryCost":2,"maximumAvailable":20000}}}`
