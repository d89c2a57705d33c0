package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"math"
	"net/http"
	"net/http/httptest"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/config"
	"github.com/careergraph/careergraph/internal/datafiles"
	"github.com/careergraph/careergraph/internal/testbackend"
	"github.com/careergraph/careergraph/store/memory"
)

var (
	realOnce  sync.Once
	realStore testbackend.Store
	realErr   error
)

// realData returns the embedded store with the seed, ROME, ESCO and O*NET, read once per test
// binary through the server's own --dataset path. The test runs under a 3 GiB soft memory
// limit.
func realData(t *testing.T) testbackend.Store {
	t.Helper()
	old := debug.SetMemoryLimit(3 << 30)
	t.Cleanup(func() { debug.SetMemoryLimit(old) })
	var flags []string
	for _, name := range []string{"rome", "esco", "onet"} {
		flags = append(flags, name+"="+datafiles.Full(t, name)) // outside the Once: a skip must not mark it done
	}
	realOnce.Do(func() {
		var s career.Store
		if s, realErr = openMemory(flags, discardLogger()); realErr == nil {
			realStore = s.(testbackend.Store)
		}
	})
	if realErr != nil {
		t.Fatal(realErr)
	}
	return realStore
}

// uncostedConfig is the default configuration with the cost limit lifted, so that requests far
// costlier than the limit allows run: the timeouts and admission control must hold on their own,
// should the cost model ever underestimate a request.
func uncostedConfig(t *testing.T) *config.Config {
	c := testConfig(t)
	c.Limits.Complexity = math.MaxInt32
	return c
}

// heavySearches is a query of n aliases of the costliest legal search: 20 one-letter words,
// which every name with a word starting with "e" matches (about 50,000 names to score each).
func heavySearches(n int) string {
	text := strings.TrimSpace(strings.Repeat("e ", 20))
	var b strings.Builder
	b.WriteString("{")
	for i := range n {
		fmt.Fprintf(&b, ` s%d: search(text: %q, first: 1) { score }`, i, text)
	}
	b.WriteString(" }")
	return b.String()
}

// answerWithin runs f and fails the test when it has not returned within 5 s (a hang).
func answerWithin[T any](t *testing.T, f func() T) T {
	t.Helper()
	done := make(chan T, 1)
	go func() { done <- f() }()
	select {
	case v := <-done:
		return v
	case <-time.After(5 * time.Second):
		t.Fatal("no answer within 5 s")
		panic("unreachable")
	}
}

func TestTimeoutsStopWork(t *testing.T) {
	store := realData(t)

	for _, admission := range []string{"on", "off"} {
		// Admission on, the aliases take turns; off, they all run at once, and only the
		// store's own checks stop them.
		t.Run("a request past --request-timeout answers TIMEOUT and logs it, admission "+admission, func(t *testing.T) {
			c := uncostedConfig(t)
			c.RequestTimeout = 300 * time.Millisecond
			c.Admission.Disabled = admission == "off"
			var logs bytes.Buffer
			h := newHTTPHandler(c, store, slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug})))
			// 200 searches of about 150 ms of CPU each: 30 s of work if nothing stopped it.
			// The handler returns once every field's goroutine has.
			r := answerWithin(t, func() *gqlResponse { return post(t, h, heavySearches(200), nil) })
			if r.Status != http.StatusOK || string(r.Data) != "null" || len(r.Errors) == 0 {
				t.Fatalf("got %d %s with %d errors; want 200, no data, TIMEOUT errors", r.Status, r.Data, len(r.Errors))
			}
			for _, e := range r.Errors {
				if e.Extensions["code"] != "TIMEOUT" || e.Message != "the request took too long and was stopped; narrow it or try again" {
					t.Fatalf("error %+v, want every error TIMEOUT", e)
				}
			}
			if want := "level=WARN msg=request method=POST path=/query status=200 codes=TIMEOUT cost="; !strings.Contains(logs.String(), want) {
				t.Errorf("the access log does not say %q:\n%s", want, logs.String())
			}
		})
	}

	t.Run("a cheap query answers while 8 clients send the heaviest searches", func(t *testing.T) {
		searching := &searchSignal{Store: store, started: make(chan struct{})}
		h := newTestHandler(t, searching, uncostedConfig(t)) // admission on, 10 s per request
		ctx, cancel := context.WithCancel(context.Background())
		var wg sync.WaitGroup
		codes := make([][]string, 8)
		for i := range codes {
			wg.Go(func() {
				body, _ := json.Marshal(map[string]string{"query": heavySearches(200)})
				req := httptest.NewRequestWithContext(ctx, http.MethodPost, "/query", bytes.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				codes[i] = do(t, h, req).codes()
			})
		}
		<-searching.started
		var card struct{ Profession struct{ Name string } }
		answerWithin(t, func() *gqlResponse {
			return post(t, h, `{ profession(id: "profession:seed:developpeur-web-back-end") { name skills { skill { name } } } }`, nil)
		}).decode(t, &card)
		equal(t, "card", card.Profession.Name, "Développeur·euse web back end")
		cancel() // the heavy clients give up
		wg.Wait()
		refusedOrCancelled := 0
		for _, c := range codes {
			if slices.Equal(c, []string{"OVERLOADED"}) || slices.Contains(c, "CANCELLED") {
				refusedOrCancelled++
			}
		}
		equal(t, "heavy requests refused or cancelled", refusedOrCancelled, 8)
	})

	t.Run("the work stops when the client goes away", func(t *testing.T) {
		c := uncostedConfig(t)
		c.Admission.Disabled = true // every alias runs at once: only the store's checks can stop them
		searching := &searchSignal{Store: store, started: make(chan struct{})}
		srv := httptest.NewServer(newHTTPHandler(c, searching, discardLogger()))
		defer srv.Close()
		client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
		baseline := runtime.NumGoroutine()
		body, _ := json.Marshal(map[string]string{"query": heavySearches(100)})
		ctx, cancel := context.WithCancel(context.Background())
		go func() {
			<-searching.started
			cancel() // the client gives up once the searches run
		}()
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, srv.URL+"/query", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		if resp, err := client.Do(req); err == nil {
			resp.Body.Close()
			t.Fatalf("the client got %d, want it to give up", resp.StatusCode)
		}
		// One goroutine per alias, 15 s of CPU in all if nothing stopped them.
		answerWithin(t, func() bool {
			for runtime.NumGoroutine() > baseline+2 {
				time.Sleep(10 * time.Millisecond)
			}
			return true
		})
	})
}

// searchSignal closes started when the first search begins.
type searchSignal struct {
	testbackend.Store
	once    sync.Once
	started chan struct{}
}

func (s *searchSignal) Search(ctx context.Context, q career.SearchQuery) ([]career.SearchHit, error) {
	s.once.Do(func() { close(s.started) })
	return s.Store.Search(ctx, q)
}

// gatedStore is the seed store whose Search waits until released.
type gatedStore struct {
	testbackend.Store
	entered chan struct{}
	release chan struct{}
}

func (g *gatedStore) Search(ctx context.Context, q career.SearchQuery) ([]career.SearchHit, error) {
	g.entered <- struct{}{}
	<-g.release
	return g.Store.Search(ctx, q)
}

func TestAccessLogHasStatusAndCodes(t *testing.T) {
	g := &gatedStore{Store: memory.New(testbackend.Seed(t)), entered: make(chan struct{}, 1), release: make(chan struct{})}
	c := testConfig(t)
	c.Admission.MaxExpensive, c.Admission.MaxWait = 1, 0
	var logs bytes.Buffer
	h := newHTTPHandler(c, g, slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug})))
	line := func(t *testing.T, send func()) string {
		t.Helper()
		logs.Reset()
		send()
		s := logs.String()
		if i := strings.Index(s, "msg=request "); i >= 0 {
			start := strings.LastIndex(s[:i], "level=")
			end := strings.Index(s[i:], " duration=")
			return s[start : i+end]
		}
		t.Fatalf("no access log line in:\n%s", s)
		return ""
	}
	for _, tc := range []struct {
		name, query, want string
	}{
		{"an answer", `{ datasets { name } }`, "level=INFO msg=request method=POST path=/query status=200 cost=2"},
		{"an answer with errors", `{ a: careerPaths(from: "profession:seed:x", to: "profession:seed:y") { length } b: search(text: "·") { score } }`,
			"level=INFO msg=request method=POST path=/query status=200 codes=BAD_USER_INPUT,NOT_FOUND cost=9"},
		{"a query refused before it runs", `{ professions(first: 100) { nodes { skills { skill { professions(first: 100) { nodes { name } } } } } } }`,
			"level=INFO msg=request method=POST path=/query status=200 codes=COMPLEXITY_LIMIT_EXCEEDED cost=103102"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := line(t, func() { post(t, h, tc.query, nil) }); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
	t.Run("a refusal", func(t *testing.T) {
		done := make(chan *gqlResponse)
		go func() { done <- post(t, h, `{ search(text: "architecte") { score } }`, nil) }()
		<-g.entered
		var r *gqlResponse
		got := line(t, func() { r = post(t, h, `{ search(text: "chef") { score } }`, nil) })
		equal(t, "refused", []any{r.Status, r.codes()}, []any{http.StatusServiceUnavailable, []string{"OVERLOADED"}})
		if want := "level=WARN msg=request method=POST path=/query status=503 codes=OVERLOADED cost=12"; got != want {
			t.Errorf("got  %s\nwant %s", got, want)
		}
		close(g.release)
		<-done
	})
	t.Run("a body too large", func(t *testing.T) {
		got := line(t, func() {
			req := httptest.NewRequest(http.MethodPost, "/query", strings.NewReader(strings.Repeat("x", 2<<20)))
			h.ServeHTTP(httptest.NewRecorder(), req)
		})
		if want := "level=INFO msg=request method=POST path=/query status=413"; got != want {
			t.Errorf("got  %s\nwant %s", got, want)
		}
	})
}
