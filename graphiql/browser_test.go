package graphiql_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/careergraph/careergraph/graphiql"
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

// browserEvents records what the page requested and what went wrong in it.
type browserEvents struct {
	mu       sync.Mutex
	requests []string // every URL the page requested
	urls     map[network.RequestID]string
	failed   []string // requests that failed, with the reason
	errors   []string // exceptions, console errors and browser log errors (CSP violations)
}

func (b *browserEvents) listen(ev any) {
	b.mu.Lock()
	defer b.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		b.requests = append(b.requests, ev.Request.URL)
		if b.urls == nil {
			b.urls = map[network.RequestID]string{}
		}
		b.urls[ev.RequestID] = ev.Request.URL
	case *network.EventLoadingFailed:
		b.failed = append(b.failed, fmt.Sprintf("%s %s: %s (blocked: %q)", ev.Type, b.urls[ev.RequestID], ev.ErrorText, ev.BlockedReason))
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		text := d.Text
		if d.Exception != nil {
			text += " " + d.Exception.Description
		}
		b.errors = append(b.errors, fmt.Sprintf("exception at %s:%d: %s", d.URL, d.LineNumber, text))
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError {
			var args []string
			for _, a := range ev.Args {
				args = append(args, string(a.Value)+a.Description)
			}
			b.errors = append(b.errors, "console.error: "+strings.Join(args, " "))
		}
	case *cdplog.EventEntryAdded:
		if ev.Entry.Level == cdplog.EntryLevelError {
			b.errors = append(b.errors, fmt.Sprintf("log %s: %s %s", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL))
		}
	}
}

// lockedBuffer collects the browser's output, which its process writes while the test may read.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// chromiumPath finds the browser: $CHROMIUM_BIN, or chromium on the PATH. Without one the test
// fails, unless CAREERGRAPH_SKIP_BROWSER=1 asks to skip it.
func chromiumPath(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("CHROMIUM_BIN"); p != "" {
		return p
	}
	p, err := exec.LookPath("chromium")
	if err == nil {
		return p
	}
	if os.Getenv("CAREERGRAPH_SKIP_BROWSER") == "1" {
		t.Skip("chromium not found and CAREERGRAPH_SKIP_BROWSER=1: skipping the browser test")
	}
	t.Fatalf("chromium not found (%v): install it with `apt-get install -y chromium`, set CHROMIUM_BIN, or set CAREERGRAPH_SKIP_BROWSER=1 to skip", err)
	return ""
}

// TestBrowser opens the playground in headless Chromium cut off from everything but loopback,
// runs the first example against a fake endpoint and checks the answer GraphiQL shows.
func TestBrowser(t *testing.T) {
	chromium := chromiumPath(t)

	endpoint := &fakeEndpoint{}
	mux := http.NewServeMux()
	mux.Handle("/query", endpoint)
	mux.Handle("/", graphiql.Handler("careergraph — test", "/query", testExamples))
	srv := httptest.NewServer(mux)
	defer srv.Close()

	chromeOutput := &lockedBuffer{}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-component-update", true),
		// Nothing but loopback: every host name resolves to nothing, and anything that still
		// tries to leave goes to a closed local port. Loopback bypasses the proxy implicitly
		// (no --proxy-bypass-list=<-loopback>, which would send loopback to the proxy too).
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"),
		chromedp.ProxyServer("127.0.0.1:9"),
		chromedp.WindowSize(1280, 900),
		chromedp.CombinedOutput(chromeOutput),
	)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	defer cancelAlloc()
	events := &browserEvents{}
	browserCtx, cancelBrowser := chromedp.NewContext(allocCtx, chromedp.WithListener(events.listen))
	defer cancelBrowser()

	fail := func(format string, args ...any) {
		t.Helper()
		events.mu.Lock()
		defer events.mu.Unlock()
		t.Fatalf(format+"\nrequests: %q\nfailed: %q\nerrors: %q\nchromium output:\n%s",
			append(args, events.requests, events.failed, events.errors, chromeOutput.String())...)
	}

	err := chromedp.Do(browserCtx,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS(`.graphiql-execute-button`)),
	)
	if err != nil {
		fail("loading the playground: %v", err)
	}
	tabs, err := chromedp.Run(browserCtx, chromedp.Evaluate[[]string](
		`Array.from(document.querySelectorAll('.graphiql-tab-button')).map(b => b.textContent.trim())`))
	if err != nil {
		fail("reading the tabs: %v", err)
	}
	editorQuery, err := chromedp.Run(browserCtx, chromedp.Evaluate[string](
		`document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.getValue()`))
	if err != nil {
		fail("reading the query editor: %v", err)
	}

	t.Run("opens one tab per example, titled by operation name", func(t *testing.T) {
		want := []string{"ProfessionCard", "CareerPath", "SkillGap", "Search"}
		if strings.Join(tabs, ",") != strings.Join(want, ",") {
			t.Errorf("tabs = %q, want %q", tabs, want)
		}
		if editorQuery != testExamples[0].Query {
			t.Errorf("active editor = %q, want the ProfessionCard example", editorQuery)
		}
	})

	if err := chromedp.Do(browserCtx, chromedp.Click(chromedp.CSS(`.graphiql-execute-button`))); err != nil {
		fail("clicking the run button: %v", err)
	}
	shown, err := chromedp.Run(browserCtx, chromedp.Poll[string](`(() => {
			const cm = document.querySelector('.graphiql-response .CodeMirror');
			const v = cm && cm.CodeMirror ? cm.CodeMirror.getValue() : '';
			return v.includes('faux serveur') ? v : false;
		})()`, chromedp.WithPollingTimeout(30*time.Second)))
	if err != nil {
		fail("waiting for the answer: %v", err)
	}
	if path := os.Getenv("GRAPHIQL_SCREENSHOT"); path != "" {
		png, err := chromedp.Run(browserCtx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Errorf("screenshot: %v", err)
		} else if err := os.WriteFile(path, png, 0o644); err != nil {
			t.Errorf("writing screenshot: %v", err)
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
		events.mu.Lock()
		defer events.mu.Unlock()
		var assetRequests int
		for _, raw := range events.requests {
			u, err := url.Parse(raw)
			if err != nil {
				t.Errorf("unparsable request URL %q", raw)
				continue
			}
			if u.Scheme == "data" {
				continue
			}
			if u.Hostname() != "127.0.0.1" {
				t.Errorf("request to a non-loopback host: %s", raw)
			}
			if strings.HasPrefix(u.Path, graphiql.AssetsPath) {
				assetRequests++
			}
		}
		if assetRequests != 5 {
			t.Errorf("%d asset requests, want 5 (css, react, react-dom, graphiql, bootstrap): %q", assetRequests, events.requests)
		}
		if len(events.failed) != 0 {
			t.Errorf("failed requests: %q", events.failed)
		}
		if len(events.errors) != 0 {
			t.Errorf("page errors: %q", events.errors)
		}
	})
}
