package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/careergraph/careergraph/internal/browsertest"
	"github.com/careergraph/careergraph/internal/testbackend"
	"github.com/careergraph/careergraph/store/memory"
)

// operationRecorder passes requests to the server's handler and records the operation name and
// query of each GraphQL POST to /query.
type operationRecorder struct {
	next       http.Handler
	mu         sync.Mutex
	operations []string
	queries    []string
}

func (o *operationRecorder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodPost && r.URL.Path == "/query" {
		body, err := io.ReadAll(r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		var params struct {
			Query         string `json:"query"`
			OperationName string `json:"operationName"`
		}
		json.Unmarshal(body, &params) // the handler answers malformed bodies
		o.mu.Lock()
		o.operations = append(o.operations, params.OperationName)
		o.queries = append(o.queries, params.Query)
		o.mu.Unlock()
	}
	o.next.ServeHTTP(w, r)
}

// TestGraphiQLBrowser opens GraphiQL at / of the real server, over the embedded store with the
// seed, in headless Chromium cut off from everything but loopback; it runs the first example
// tab and checks that the response pane shows the server's real answer.
func TestGraphiQLBrowser(t *testing.T) {
	browsertest.ChromiumPath(t) // fails or skips before starting anything

	handler := newHTTPHandler(testConfig(t), memory.New(testbackend.Seed(t)), discardLogger())
	recorder := &operationRecorder{next: handler}
	srv := httptest.NewServer(recorder)
	t.Cleanup(srv.Close)
	// What the server answers to the example when asked directly, without a browser.
	direct := post(t, handler, examples[0].Query, nil)

	browser := browsertest.Start(t)
	browser.OpenGraphiQL(srv.URL + "/")
	tabs := browser.GraphiQLTabs()
	editorQuery := browser.GraphiQLQuery()

	t.Run("opens with the example tabs, ProfessionCard active", func(t *testing.T) {
		want := []string{"ProfessionCard", "CareerPath", "SkillGap", "Search"}
		if !slices.Equal(tabs, want) {
			t.Errorf("tabs = %q, want %q", tabs, want)
		}
		if editorQuery != examples[0].Query {
			t.Errorf("active editor = %q, want the ProfessionCard example %q", editorQuery, examples[0].Query)
		}
	})

	const wantName = `"name": "Développeur·euse web back end"`
	shown := browser.RunGraphiQL(wantName)

	t.Run("shows the real answer of the server", func(t *testing.T) {
		var pane struct {
			Data struct {
				Profession struct {
					Name      string
					Summary   string
					Qualities []struct{ Name string }
				}
			}
			Errors []any
		}
		if err := json.Unmarshal([]byte(shown), &pane); err != nil {
			t.Fatalf("response pane is not JSON: %v\n%s", err, shown)
		}
		if len(pane.Errors) != 0 {
			t.Errorf("response pane shows errors: %v", pane.Errors)
		}
		p := pane.Data.Profession
		if p.Name != "Développeur·euse web back end" || p.Summary == "" {
			t.Errorf("profession name %q, summary %q; want the seed card with a summary", p.Name, p.Summary)
		}
		var qualities []string
		for _, q := range p.Qualities {
			qualities = append(qualities, q.Name)
		}
		wantQualities := []string{"Mobilité", "Orienté solution", "Responsabilité", "Travail en équipe", "Réactivité"}
		if !slices.Equal(qualities, wantQualities) {
			t.Errorf("qualities = %q, want %q", qualities, wantQualities)
		}
		// The pane shows the qualities as GraphiQL prints them, in the same order.
		at := 0
		for _, q := range wantQualities {
			i := strings.Index(shown[at:], `"name": "`+q+`"`)
			if i < 0 {
				t.Errorf("response pane does not show quality %q after offset %d:\n%s", q, at, shown)
				break
			}
			at += i
		}
		// The whole card is what the server answers when asked directly.
		if len(direct.Errors) != 0 {
			t.Fatalf("direct answer has errors: %+v", direct.Errors)
		}
		var shownData, directData any
		json.Unmarshal([]byte(shown), &struct{ Data *any }{&shownData})
		json.Unmarshal(direct.Data, &directData)
		if shownData == nil || directData == nil {
			t.Fatalf("no data: shown %v, direct %s", shownData, direct.Data)
		}
		equal(t, "data shown in GraphiQL vs answered directly", shownData, directData)
	})

	t.Run("the server received the ProfessionCard operation", func(t *testing.T) {
		recorder.mu.Lock()
		defer recorder.mu.Unlock()
		cards := 0
		for i, op := range recorder.operations {
			switch op {
			case "ProfessionCard":
				cards++
				if recorder.queries[i] != examples[0].Query {
					t.Errorf("ProfessionCard query = %q, want the example %q", recorder.queries[i], examples[0].Query)
				}
			case "IntrospectionQuery": // GraphiQL loading the schema
			default:
				t.Errorf("unexpected operation %q: %q", op, recorder.queries[i])
			}
		}
		if cards != 1 {
			t.Errorf("server received %d ProfessionCard operations, want 1 (operations: %q)", cards, recorder.operations)
		}
	})

	t.Run("requests nothing but the server on loopback and nothing fails", func(t *testing.T) {
		browser.CheckOffline(t)
		origin, err := url.Parse(srv.URL)
		if err != nil {
			t.Fatal(err)
		}
		for _, raw := range browser.Events.Requests() {
			if u, err := url.Parse(raw); err == nil && u.Scheme != "data" && u.Host != origin.Host {
				t.Errorf("request outside the test server %s: %s", srv.URL, raw)
			}
		}
	})
}
