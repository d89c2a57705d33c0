// Package browsertest opens pages in headless Chromium cut off from everything but loopback,
// and records what they request and what goes wrong in them, for tests.
//
// Chromium is $CHROMIUM_BIN, or chromium on the PATH. Without one the tests that ask for it
// skip, unless CAREERGRAPH_REQUIRE_BROWSER=1 (set by scripts/test) makes them fail.
//
// Besides the generic harness (Start, Browser.Fatalf, Browser.CheckOffline), it has helpers
// that drive the GraphiQL playground of package graphiql (Browser.OpenGraphiQL and the like),
// which both the playground's own test and the server's test use.
package browsertest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Timeout bounds a whole browser session, from Start to the end of the test.
const Timeout = 2 * time.Minute

// ChromiumPath finds the browser: $CHROMIUM_BIN, or chromium on the PATH. Without one the test
// skips, unless CAREERGRAPH_REQUIRE_BROWSER=1 (set by scripts/test) makes it fail.
func ChromiumPath(t testing.TB) string {
	t.Helper()
	if p := os.Getenv("CHROMIUM_BIN"); p != "" {
		return p
	}
	p, err := exec.LookPath("chromium")
	if err == nil {
		return p
	}
	if os.Getenv("CAREERGRAPH_REQUIRE_BROWSER") == "1" {
		t.Fatalf("chromium not found (%v) and CAREERGRAPH_REQUIRE_BROWSER=1: install it with `apt-get install -y chromium` or set CHROMIUM_BIN", err)
	}
	t.Skipf("chromium not found (%v); run scripts/test (it installs Chromium and runs the browser tests), or set CHROMIUM_BIN", err)
	return ""
}

// Browser is one headless Chromium tab, cut off from everything but loopback, whose events
// are recorded. It belongs to the test that started it: its methods that fail do so with that
// test's Fatalf, so call them from that test's goroutine, not from a subtest.
type Browser struct {
	// Ctx is the tab's context, for chromedp.Do and chromedp.Run.
	Ctx context.Context
	// Events is what the page requested and what went wrong in it.
	Events *Events

	t      testing.TB
	output *lockedBuffer
}

// Start launches headless Chromium (ChromiumPath) with a temporary profile and opens a tab.
// The browser cannot leave loopback: every host name but 127.0.0.1 resolves to nothing, and
// anything that still tries to leave goes to a proxy on a closed local port. The browser is
// closed when the test and its subtests end; a session lasts at most Timeout.
//
// Start the servers the page needs before calling Start, or register their Close with
// t.Cleanup before it, so that the browser closes first.
func Start(t testing.TB) *Browser {
	t.Helper()
	chromium := ChromiumPath(t)

	output := &lockedBuffer{}
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
		chromedp.CombinedOutput(output),
	)
	ctx, cancel := context.WithTimeout(context.Background(), Timeout)
	t.Cleanup(cancel)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(cancelAlloc)
	events := &Events{}
	browserCtx, cancelBrowser := chromedp.NewContext(allocCtx, chromedp.WithListener(events.listen))
	t.Cleanup(cancelBrowser)
	return &Browser{Ctx: browserCtx, Events: events, t: t, output: output}
}

// Output is what the Chromium process has written to stdout and stderr so far.
func (b *Browser) Output() string { return b.output.String() }

// Fatalf fails the test with the message, followed by everything the page requested, the
// failed requests, the page errors and Chromium's output.
func (b *Browser) Fatalf(format string, args ...any) {
	b.t.Helper()
	b.t.Fatalf(format+"\nrequests: %q\nfailed: %q\nerrors: %q\nchromium output:\n%s",
		append(args, b.Events.Requests(), b.Events.Failed(), b.Events.Errors(), b.Output())...)
}

// Screenshot saves a PNG of the whole page at path.
func (b *Browser) Screenshot(path string) error {
	png, err := chromedp.Run(b.Ctx, chromedp.FullScreenshot(100))
	if err != nil {
		return fmt.Errorf("screenshot: %w", err)
	}
	return os.WriteFile(path, png, 0o644)
}

// CheckOffline reports on t (which may be a subtest) every request the page made to a host
// other than 127.0.0.1 (data: URLs aside), every failed request and every page error.
func (b *Browser) CheckOffline(t testing.TB) {
	t.Helper()
	for _, raw := range b.Events.Requests() {
		u, err := url.Parse(raw)
		if err != nil {
			t.Errorf("unparsable request URL %q", raw)
			continue
		}
		if u.Scheme != "data" && u.Hostname() != "127.0.0.1" {
			t.Errorf("request to a non-loopback host: %s", raw)
		}
	}
	if failed := b.Events.Failed(); len(failed) != 0 {
		t.Errorf("failed requests: %q", failed)
	}
	if errs := b.Events.Errors(); len(errs) != 0 {
		t.Errorf("page errors: %q", errs)
	}
}

// Events records what a page requested and what went wrong in it. Its methods are safe to
// call while the browser runs; they return copies.
type Events struct {
	mu       sync.Mutex
	requests []string // every URL the page requested
	urls     map[network.RequestID]string
	failed   []string // requests that failed, with the reason
	errors   []string // exceptions, console errors and browser log errors (CSP violations)
}

// Requests is every URL the page requested, data: URLs included, in order.
func (e *Events) Requests() []string {
	e.mu.Lock()
	defer e.mu.Unlock()
	return slices.Clone(e.requests)
}

// Failed describes each request that failed: its type, URL, error and blocked reason.
func (e *Events) Failed() []string {
	e.mu.Lock()
	defer e.mu.Unlock()
	return slices.Clone(e.failed)
}

// Errors describes each uncaught exception, console.error call and browser log error (among
// them Content-Security-Policy violations).
func (e *Events) Errors() []string {
	e.mu.Lock()
	defer e.mu.Unlock()
	return slices.Clone(e.errors)
}

func (e *Events) listen(ev any) {
	e.mu.Lock()
	defer e.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		e.requests = append(e.requests, ev.Request.URL)
		if e.urls == nil {
			e.urls = map[network.RequestID]string{}
		}
		e.urls[ev.RequestID] = ev.Request.URL
	case *network.EventLoadingFailed:
		e.failed = append(e.failed, fmt.Sprintf("%s %s: %s (blocked: %q)", ev.Type, e.urls[ev.RequestID], ev.ErrorText, ev.BlockedReason))
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		text := d.Text
		if d.Exception != nil {
			text += " " + d.Exception.Description
		}
		e.errors = append(e.errors, fmt.Sprintf("exception at %s:%d: %s", d.URL, d.LineNumber, text))
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError {
			var args []string
			for _, a := range ev.Args {
				args = append(args, string(a.Value)+a.Description)
			}
			e.errors = append(e.errors, "console.error: "+strings.Join(args, " "))
		}
	case *cdplog.EventEntryAdded:
		if ev.Entry.Level == cdplog.EntryLevelError {
			e.errors = append(e.errors, fmt.Sprintf("log %s: %s %s", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL))
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

// GraphiQL's elements, as rendered by the bundled graphiql.min.js.
const (
	graphiQLRunButton = `.graphiql-execute-button`
	graphiQLTabs      = `Array.from(document.querySelectorAll('.graphiql-tab-button')).map(b => b.textContent.trim())`
	graphiQLEditor    = `document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.getValue()`
	graphiQLResponse  = `(() => {
		const cm = document.querySelector('.graphiql-response .CodeMirror');
		return cm && cm.CodeMirror ? cm.CodeMirror.getValue() : '';
	})()`
)

// OpenGraphiQL navigates to the playground at pageURL and waits until GraphiQL has rendered
// its run button.
func (b *Browser) OpenGraphiQL(pageURL string) {
	b.t.Helper()
	err := chromedp.Do(b.Ctx,
		chromedp.Navigate(pageURL),
		chromedp.WaitVisible(chromedp.CSS(graphiQLRunButton)),
	)
	if err != nil {
		b.Fatalf("loading the playground at %s: %v", pageURL, err)
	}
}

// GraphiQLTabs is the titles of GraphiQL's tabs, in order.
func (b *Browser) GraphiQLTabs() []string {
	b.t.Helper()
	tabs, err := chromedp.Run(b.Ctx, chromedp.Evaluate[[]string](graphiQLTabs))
	if err != nil {
		b.Fatalf("reading the tabs: %v", err)
	}
	return tabs
}

// GraphiQLQuery is the text of the active tab's query editor.
func (b *Browser) GraphiQLQuery() string {
	b.t.Helper()
	query, err := chromedp.Run(b.Ctx, chromedp.Evaluate[string](graphiQLEditor))
	if err != nil {
		b.Fatalf("reading the query editor: %v", err)
	}
	return query
}

// RunGraphiQL clicks GraphiQL's run button, waits (30 s at most) until the response pane
// contains want, and returns the pane's text.
func (b *Browser) RunGraphiQL(want string) string {
	b.t.Helper()
	if err := chromedp.Do(b.Ctx, chromedp.Click(chromedp.CSS(graphiQLRunButton))); err != nil {
		b.Fatalf("clicking the run button: %v", err)
	}
	wantJS, err := json.Marshal(want) // a JavaScript string literal too
	if err != nil {
		b.Fatalf("quoting %q: %v", want, err)
	}
	shown, err := chromedp.Run(b.Ctx, chromedp.Poll[string](
		`((v, want) => v.includes(want) ? v : false)(`+graphiQLResponse+`, `+string(wantJS)+`)`,
		chromedp.WithPollingTimeout(30*time.Second)))
	if err != nil {
		shown, _ := chromedp.Run(b.Ctx, chromedp.Evaluate[string](graphiQLResponse))
		b.Fatalf("waiting for a response pane that contains %q: %v\nresponse pane: %q", want, err, shown)
	}
	return shown
}
