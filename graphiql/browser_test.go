package graphiql_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/careergraph/careergraph/graphiql"
	"github.com/careergraph/careergraph/internal/browsertest"
)

// fakeAnswer is what the fake GraphQL endpoint answers to every query but introspection.
const fakeAnswer = `{"data":{"answer":"réponse du faux serveur"}}`

// fakeAnswerShown is fakeAnswer as GraphiQL prints it in its response pane.
const fakeAnswerShown = "{\n  \"data\": {\n    \"answer\": \"réponse du faux serveur\"\n  }\n}"

// fakeIntrospection describes the fake endpoint's schema, type Query { answer: String }, so
// GraphiQL loads a schema without the rest of the application.
const fakeIntrospection = `{"data":{"__schema":{"description":null,"queryType":{"name":"Query"},"mutationType":null,"subscriptionType":null,"types":[` +
	`{"kind":"OBJECT","name":"Query","description":"The browser test's fake schema.","specifiedByURL":null,"fields":[{"name":"answer","description":null,"args":[],"type":{"kind":"SCALAR","name":"String","ofType":null},"isDeprecated":false,"deprecationReason":null}],"inputFields":null,"interfaces":[],"enumValues":null,"possibleTypes":null},` +
	`{"kind":"SCALAR","name":"String","description":null,"specifiedByURL":null,"fields":null,"inputFields":null,"interfaces":null,"enumValues":null,"possibleTypes":null},` +
	`{"kind":"SCALAR","name":"Boolean","description":null,"specifiedByURL":null,"fields":null,"inputFields":null,"interfaces":null,"enumValues":null,"possibleTypes":null}` +
	`],"directives":[]}}}`

// fakeEndpoint answers GraphQL POSTs with fixed JSON and records the operations it received.
type fakeEndpoint struct {
	mu         sync.Mutex
	operations []string // operationName of each non-introspection request
	queries    []string
}

func (f *fakeEndpoint) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		http.Error(w, "POST only", http.StatusMethodNotAllowed)
		return
	}
	var params struct {
		Query         string `json:"query"`
		OperationName string `json:"operationName"`
	}
	if err := json.NewDecoder(r.Body).Decode(&params); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	if strings.Contains(params.Query, "__schema") {
		fmt.Fprint(w, fakeIntrospection)
		return
	}
	f.mu.Lock()
	f.operations = append(f.operations, params.OperationName)
	f.queries = append(f.queries, params.Query)
	f.mu.Unlock()
	fmt.Fprint(w, fakeAnswer)
}

// TestBrowser opens the playground in headless Chromium cut off from everything but loopback,
// runs the first example against a fake endpoint and checks the answer GraphiQL shows.
func TestBrowser(t *testing.T) {
	browsertest.ChromiumPath(t) // fails or skips before starting anything

	endpoint := &fakeEndpoint{}
	mux := http.NewServeMux()
	mux.Handle("/query", endpoint)
	mux.Handle("/", graphiql.Handler("careergraph — test", "/query", testExamples))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)

	browser := browsertest.Start(t)
	browser.OpenGraphiQL(srv.URL + "/")
	tabs := browser.GraphiQLTabs()
	editorQuery := browser.GraphiQLQuery()

	t.Run("opens one tab per example, titled by operation name", func(t *testing.T) {
		want := []string{"ProfessionCard", "CareerPath", "SkillGap", "Search"}
		if strings.Join(tabs, ",") != strings.Join(want, ",") {
			t.Errorf("tabs = %q, want %q", tabs, want)
		}
		if editorQuery != testExamples[0].Query {
			t.Errorf("active editor = %q, want the ProfessionCard example", editorQuery)
		}
	})

	shown := browser.RunGraphiQL("faux serveur")
	if path := os.Getenv("GRAPHIQL_SCREENSHOT"); path != "" {
		if err := browser.Screenshot(path); err != nil {
			t.Error(err)
		}
	}

	t.Run("runs the active tab against the endpoint and shows the answer", func(t *testing.T) {
		if shown != fakeAnswerShown {
			t.Errorf("response pane = %q, want %q", shown, fakeAnswerShown)
		}
		endpoint.mu.Lock()
		defer endpoint.mu.Unlock()
		if len(endpoint.operations) != 1 || endpoint.operations[0] != "ProfessionCard" || endpoint.queries[0] != testExamples[0].Query {
			t.Errorf("endpoint received operations %q, queries %q; want one ProfessionCard", endpoint.operations, endpoint.queries)
		}
	})

	t.Run("requests nothing but loopback and nothing fails", func(t *testing.T) {
		browser.CheckOffline(t)
		requests := browser.Events.Requests()
		var assetRequests int
		for _, raw := range requests {
			if u, err := url.Parse(raw); err == nil && strings.HasPrefix(u.Path, graphiql.AssetsPath) {
				assetRequests++
			}
		}
		if assetRequests != 5 {
			t.Errorf("%d asset requests, want 5 (css, react, react-dom, graphiql, bootstrap): %q", assetRequests, requests)
		}
	})
}
