package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"runtime/debug"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/careergraph/careergraph/config"
	"github.com/careergraph/careergraph/httpapi"
	"github.com/careergraph/careergraph/internal/testbackend"
	"github.com/careergraph/careergraph/store/memory"
)

// FuzzGraphQL sends arbitrary requests through the real HTTP handler over the embedded seed
// store: query text, variables (JSON, or not) and an operation name, as a POST of a JSON
// object, as a raw POST body, or as a GET. Whatever comes in, the handler must not panic and
// must answer within fuzzAnswerWithin, with a status of allowedStatuses and a JSON body; every
// error must carry extensions.code, and no message may show Go internals or echo the body.
func FuzzGraphQL(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s.query, s.variables, s.operation, s.mode)
	}
	c, err := config.Parse(nil, func(string) string { return "" })
	if err != nil {
		f.Fatal(err)
	}
	c.RequestTimeout = fuzzRequestTimeout
	h := newHTTPHandler(c, memory.New(testbackend.Seed(f)), discardLogger())
	// A soft limit: the garbage collector works harder rather than let an input grow the heap.
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(fuzzMemoryLimit))
	f.Fuzz(func(t *testing.T, query, variables, operation string, mode uint8) {
		req, body := fuzzRequest(query, variables, operation, mode)
		rec := serveWithin(t, h, req, fuzzAnswerWithin)
		checkFuzzResponse(t, req, body, rec)
	})
}

const (
	// fuzzRequestTimeout is the handler's request timeout while fuzzing: short, so that a slow
	// input shows.
	fuzzRequestTimeout = 2 * time.Second
	// fuzzAnswerWithin is how long a request may take before the target reports a hang:
	// generous, so that a loaded machine does not fail it.
	fuzzAnswerWithin = 20 * time.Second
	// fuzzMemoryLimit is the soft memory limit of a fuzzing process.
	fuzzMemoryLimit = 1 << 30
)

// allowedStatuses are the statuses the GraphQL endpoint may answer.
var allowedStatuses = []int{
	http.StatusOK,
	http.StatusBadRequest,
	http.StatusRequestEntityTooLarge,
}

// goInternals are texts that show Go's internals rather than a message meant for clients.
var goInternals = []string{"Go value", "Go struct", "graphql.RawParams", "runtime error", "goroutine", ".go:", "json: cannot unmarshal"}

// The ways a fuzz input is sent (mode modulo fuzzModes).
const (
	modePostJSON = iota // POST of {"query", "variables", "operationName"}; variables raw when they are JSON
	modePostRaw         // POST of the query text itself as the body
	modeGet             // GET with query, variables and operationName parameters
	fuzzModes
)

// fuzzRequest builds the request of a fuzz input, and returns its body ("" for GET).
func fuzzRequest(query, variables, operation string, mode uint8) (*http.Request, string) {
	switch mode % fuzzModes {
	case modePostRaw:
		return jsonPost(query), query
	case modeGet:
		v := url.Values{"query": {query}}
		if variables != "" {
			v.Set("variables", variables)
		}
		if operation != "" {
			v.Set("operationName", operation)
		}
		return httptest.NewRequest(http.MethodGet, "/query?"+v.Encode(), nil), ""
	}
	params := map[string]any{"query": query}
	if variables != "" {
		if json.Valid([]byte(variables)) {
			params["variables"] = json.RawMessage(variables)
		} else {
			params["variables"] = variables
		}
	}
	if operation != "" {
		params["operationName"] = operation
	}
	body, err := json.Marshal(params)
	if err != nil {
		panic(err) // strings and valid raw JSON always marshal
	}
	return jsonPost(string(body)), string(body)
}

// jsonPost is a POST of body to /query as JSON.
func jsonPost(body string) *http.Request {
	req := httptest.NewRequest(http.MethodPost, "/query", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	return req
}

// serveWithin serves req, failing the test when the handler does not answer within d.
func serveWithin(t *testing.T, h http.Handler, req *http.Request, d time.Duration) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	done := make(chan any, 1)
	go func() {
		defer func() { done <- recover() }()
		h.ServeHTTP(rec, req)
	}()
	select {
	case p := <-done:
		if p != nil {
			t.Fatalf("the handler panicked: %v", p)
		}
	case <-time.After(d):
		t.Fatalf("no answer within %v", d)
	}
	return rec
}

// checkFuzzResponse fails unless the response keeps the endpoint's promises.
func checkFuzzResponse(t *testing.T, req *http.Request, body string, rec *httptest.ResponseRecorder) {
	t.Helper()
	if !slices.Contains(allowedStatuses, rec.Code) {
		t.Errorf("status %d, want one of %v; body %s", rec.Code, allowedStatuses, rec.Body)
	}
	var resp struct {
		Data   json.RawMessage `json:"data"`
		Errors []struct {
			Message    string         `json:"message"`
			Extensions map[string]any `json:"extensions"`
		} `json:"errors"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil {
		t.Fatalf("status %d with a body that is not a JSON object: %v\n%q", rec.Code, err, rec.Body)
	}
	if resp.Data == nil && len(resp.Errors) == 0 {
		t.Errorf("status %d, a response with neither data nor errors: %s", rec.Code, rec.Body)
	}
	for _, e := range resp.Errors {
		if code, _ := e.Extensions["code"].(string); code == "" {
			t.Errorf("error %q has no extensions.code", e.Message)
		}
		for _, s := range goInternals {
			if strings.Contains(e.Message, s) {
				t.Errorf("error %q shows Go internals (%q)", e.Message, s)
			}
		}
		if len(body) >= minEchoLen && strings.Contains(e.Message, body) {
			t.Errorf("error %q echoes the request body", e.Message)
		}
	}
}

// minEchoLen is the shortest body whose presence in a message counts as an echo (shorter
// ones can be a word the message quotes).
const minEchoLen = 12

// fuzzSeed is one input of the seed corpus.
type fuzzSeed struct {
	query, variables, operation string
	mode                        uint8
}

// fuzzSeeds are the README's example queries and GraphiQL's tabs, read where they are kept,
// and the two probes too big for the corpus files (testdata/fuzz/FuzzGraphQL holds the other
// attack probes of the issue: fragment bomb, batches, wrong types, APQ, huge first, deep
// nesting…): {__typename ×15000} and a profession's name ×14900.
func fuzzSeeds(f *testing.F) []fuzzSeed {
	var seeds []fuzzSeed
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		f.Fatalf("read the README's examples: %v", err)
	}
	for _, m := range regexp.MustCompile("(?s)```graphql\n(.*?)```").FindAllSubmatch(readme, -1) {
		seeds = append(seeds, fuzzSeed{query: string(m[1])})
	}
	for _, e := range httpapi.Examples() {
		seeds = append(seeds, fuzzSeed{query: e.Query})
	}
	card := `profession(id: "profession:seed:developpeur-web-back-end")`
	return append(seeds,
		fuzzSeed{query: "{" + strings.Repeat("__typename ", 15000) + "}"},
		fuzzSeed{query: "{" + card + "{" + strings.Repeat("name ", 14900) + "}}"},
	)
}
