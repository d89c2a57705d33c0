package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/graph"
	"github.com/careergraph/careergraph/internal/testbackend"
	"github.com/careergraph/careergraph/store/memory"
)

// answer is a response as a client sees it.
type answer struct {
	Status     int
	RetryAfter string
	Data       json.RawMessage `json:"data"`
	Errors     []struct {
		Message    string         `json:"message"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
}

// codes lists the errors' codes.
func (a *answer) codes() []string {
	out := []string{}
	for _, e := range a.Errors {
		c, _ := e.Extensions["code"].(string)
		out = append(out, c)
	}
	return out
}

// query posts a GraphQL query through the handler.
func query(t *testing.T, ctx context.Context, h http.Handler, q string) *answer {
	t.Helper()
	body, _ := json.Marshal(map[string]string{"query": q})
	req := httptest.NewRequestWithContext(ctx, http.MethodPost, "/query", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	var a answer
	if err := json.Unmarshal(rec.Body.Bytes(), &a); err != nil {
		t.Fatalf("response is not JSON (status %d): %v\n%s", rec.Code, err, rec.Body.String())
	}
	a.Status, a.RetryAfter = rec.Code, rec.Header().Get("Retry-After")
	return &a
}

// within runs f in a goroutine and returns a function that waits for its result, failing the
// test when it takes longer than 5 s (a hang).
func within[T any](t *testing.T, f func() T) func() T {
	t.Helper()
	done := make(chan T, 1)
	go func() { done <- f() }()
	return func() T {
		t.Helper()
		select {
		case v := <-done:
			return v
		case <-time.After(5 * time.Second):
			t.Fatal("no answer within 5 s")
			panic("unreachable")
		}
	}
}

// gate is a store whose Search and ListProfessions wait, once entered, until released.
type gate struct {
	testbackend.Store
	entered chan string
	release chan struct{}
}

func newGate(t *testing.T) *gate {
	return &gate{Store: memory.New(testbackend.Seed(t)), entered: make(chan string, 16), release: make(chan struct{})}
}

func (g *gate) wait(ctx context.Context, op string) error {
	g.entered <- op
	select {
	case <-g.release:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (g *gate) Search(ctx context.Context, q career.SearchQuery) ([]career.SearchHit, error) {
	if err := g.wait(ctx, "search"); err != nil {
		return nil, err
	}
	return g.Store.Search(ctx, q)
}

func (g *gate) ListProfessions(ctx context.Context, f career.ProfessionFilter, p career.PageArgs) (*career.Page[*career.Profession], error) {
	if err := g.wait(ctx, "professions"); err != nil {
		return nil, err
	}
	return g.Store.ListProfessions(ctx, f, p)
}

// entered waits until the gate's store was entered by op.
func (g *gate) waitEntered(t *testing.T, op string) {
	t.Helper()
	select {
	case got := <-g.entered:
		if got != op {
			t.Fatalf("the store was entered by %s, want %s", got, op)
		}
	case <-time.After(5 * time.Second):
		t.Fatalf("%s did not reach the store within 5 s", op)
	}
}

func newHandler(store career.Store, cfg graph.AdmissionConfig) http.Handler {
	return graph.NewHandler(store, graph.Options{Admission: &cfg, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
}

const overloaded = "the server is busy with other expensive requests (searches, traversals, matches, costly selections); retry in 1 s"

// refused checks that a is admission control's refusal.
func refused(t *testing.T, what string, a *answer) {
	t.Helper()
	if a.Status != http.StatusServiceUnavailable || a.RetryAfter != "1" || string(a.Data) != "null" ||
		len(a.Errors) != 1 || a.codes()[0] != "OVERLOADED" || a.Errors[0].Message != overloaded {
		t.Errorf("%s: got %d Retry-After %q data %s errors %+v; want 503, Retry-After 1, no data, one OVERLOADED error %q",
			what, a.Status, a.RetryAfter, a.Data, a.Errors, overloaded)
	}
}

// ran checks that a is a successful answer with this data.
func ran(t *testing.T, what string, a *answer, data string) {
	t.Helper()
	if a.Status != http.StatusOK || len(a.Errors) != 0 || string(a.Data) != data {
		t.Errorf("%s: got %d %s errors %+v; want 200 %s", what, a.Status, a.Data, a.Errors, data)
	}
}

func TestAdmission(t *testing.T) {
	ctx := context.Background()

	t.Run("cheap requests run while the expensive ones are all taken", func(t *testing.T) {
		g := newGate(t)
		h := newHandler(g, graph.AdmissionConfig{Threshold: 50, Capacity: 1000, MaxExpensive: 1})
		holder := within(t, func() *answer {
			return query(t, ctx, h, `{ search(text: "architecte", first: 1) { score } }`)
		})
		g.waitEntered(t, "search")

		ran(t, "datasets (cost 2)", query(t, ctx, h, `{ datasets { name } }`), `{"datasets":[{"name":"seed"}]}`)
		ran(t, "a list filtered without text (cost 3)", query(t, ctx, h, `{ skills(filter: {dataset: "seed", kind: ATTITUDE}) { totalCount } }`),
			`{"skills":{"totalCount":14}}`)
		refused(t, "a one-result search (cost 3, scans)", query(t, ctx, h, `{ search(text: "web", first: 1) { score } }`))
		refused(t, "a list filtered by text (cost 4, scans)", query(t, ctx, h, `{ professions(filter: {text: "web"}) { totalCount } }`))
		refused(t, "a costly selection (cost 102)", query(t, ctx, h, `{ skills(first: 100) { nodes { name } } }`))
		refused(t, "a traversal", query(t, ctx, h, `{ careerProgression(from: "profession:seed:architecte-logiciel", maxSteps: 1) { distance } }`))

		close(g.release)
		ran(t, "the request that held the turn", holder(), `{"search":[{"score":0.77}]}`)
		ran(t, "a search once the turn is free", query(t, ctx, h, `{ search(text: "architecte", first: 1) { score } }`), `{"search":[{"score":0.77}]}`)
	})

	t.Run("an expensive request waits for its turn", func(t *testing.T) {
		g := newGate(t)
		h := newHandler(g, graph.AdmissionConfig{Threshold: 50, Capacity: 1000, MaxExpensive: 1, MaxWait: time.Minute})
		first := within(t, func() *answer { return query(t, ctx, h, `{ search(text: "architecte", first: 1) { score } }`) })
		g.waitEntered(t, "search")
		second := within(t, func() *answer { return query(t, ctx, h, `{ a: search(text: "chef", first: 1) { score } }`) })
		close(g.release)
		ran(t, "first", first(), `{"search":[{"score":0.77}]}`)
		g.waitEntered(t, "search")
		ran(t, "second", second(), `{"a":[{"score":0.7825}]}`)
	})

	t.Run("capacity is shared by cost", func(t *testing.T) {
		g := newGate(t)
		h := newHandler(g, graph.AdmissionConfig{Threshold: 10, Capacity: 120, MaxExpensive: 3})
		holder := within(t, func() *answer { return query(t, ctx, h, `{ professions(first: 60) { nodes { code } } }`) }) // cost 62
		g.waitEntered(t, "professions")
		refused(t, "cost 72 (62 + 72 > 120)", query(t, ctx, h, `{ skills(first: 70) { nodes { name } } }`))
		ran(t, "cost 9 (62 + 9 <= 120)", query(t, ctx, h, `{ skills(filter: {dataset: "seed", kind: LANGUAGE}, first: 6) { nodes { name } } }`),
			`{"skills":{"nodes":[{"name":"Connaitre l’anglais technique informatique"}]}}`)
		close(g.release)
		if a := holder(); a.Status != http.StatusOK || len(a.Errors) != 0 || !strings.HasPrefix(string(a.Data), `{"professions":{"nodes":[{"code":"architecte-logiciel"},`) {
			t.Errorf("holder: got %d %s %+v", a.Status, a.Data, a.Errors)
		}
		ran(t, "a cost above the capacity (204) runs alone", query(t, ctx, h, `{ skills(filter: {dataset: "seed", kind: LANGUAGE}, first: 100) { totalCount nodes { name kind } } }`),
			`{"skills":{"totalCount":1,"nodes":[{"name":"Connaitre l’anglais technique informatique","kind":"LANGUAGE"}]}}`)
	})

	t.Run("a client gone while waiting is not told to retry", func(t *testing.T) {
		g := newGate(t)
		h := newHandler(g, graph.AdmissionConfig{Threshold: 50, Capacity: 1000, MaxExpensive: 1, MaxWait: time.Minute})
		holder := within(t, func() *answer { return query(t, ctx, h, `{ search(text: "architecte", first: 1) { score } }`) })
		g.waitEntered(t, "search")
		gone, cancel := context.WithCancel(ctx)
		cancel()
		a := query(t, gone, h, `{ search(text: "chef", first: 1) { score } }`)
		if a.Status != http.StatusOK || a.RetryAfter != "" || len(a.Errors) != 1 || a.codes()[0] != "CANCELLED" || a.Errors[0].Message != "the request was cancelled" {
			t.Errorf("got %d Retry-After %q %+v; want 200 and one CANCELLED error", a.Status, a.RetryAfter, a.Errors)
		}
		close(g.release)
		holder()
	})

	t.Run("disabled, every request runs at once", func(t *testing.T) {
		g := newGate(t)
		h := newHandler(g, graph.AdmissionConfig{Disabled: true, Threshold: 50, Capacity: 1000, MaxExpensive: 1})
		first := within(t, func() *answer { return query(t, ctx, h, `{ search(text: "architecte", first: 1) { score } }`) })
		g.waitEntered(t, "search")
		second := within(t, func() *answer { return query(t, ctx, h, `{ search(text: "architecte", first: 1) { score } }`) })
		g.waitEntered(t, "search")
		close(g.release)
		ran(t, "first", first(), `{"search":[{"score":0.77}]}`)
		ran(t, "second", second(), `{"search":[{"score":0.77}]}`)
	})
}

// overlapStore counts the Search calls running at once. When barrier is set, each call waits
// (up to 5 s) until that many calls run together.
type overlapStore struct {
	testbackend.Store
	barrier          int32
	running, maxSeen atomic.Int32
	calls            atomic.Int32
	arrived          chan struct{}
}

func (s *overlapStore) Search(ctx context.Context, q career.SearchQuery) ([]career.SearchHit, error) {
	s.calls.Add(1)
	n := s.running.Add(1)
	defer s.running.Add(-1)
	for {
		m := s.maxSeen.Load()
		if n <= m || s.maxSeen.CompareAndSwap(m, n) {
			break
		}
	}
	if s.barrier > 0 {
		if n >= s.barrier {
			close(s.arrived)
		}
		select {
		case <-s.arrived:
		case <-time.After(5 * time.Second):
			return nil, errors.New("the other searches did not run alongside within 5 s")
		}
	}
	for range 100 {
		runtime.Gosched() // give the other aliases every chance to run alongside
	}
	return s.Store.Search(ctx, q)
}

func TestAdmissionRunsScanningFieldsOfARequestInTurn(t *testing.T) {
	aliases := func(n int) string {
		var b strings.Builder
		b.WriteString("{")
		for i := range n {
			fmt.Fprintf(&b, ` a%d: search(text: "architecte", first: 1) { score }`, i)
		}
		b.WriteString(" }")
		return b.String()
	}
	t.Run("admission on: one at a time", func(t *testing.T) {
		s := &overlapStore{Store: memory.New(testbackend.Seed(t))}
		h := newHandler(s, graph.AdmissionConfig{Threshold: 1000, Capacity: 1000, MaxExpensive: 1})
		a := query(t, context.Background(), h, aliases(8))
		if a.Status != http.StatusOK || len(a.Errors) != 0 || s.calls.Load() != 8 || s.maxSeen.Load() != 1 {
			t.Errorf("got %d %+v, %d calls, at most %d at once; want 200, 8 calls, 1 at once", a.Status, a.Errors, s.calls.Load(), s.maxSeen.Load())
		}
	})
	t.Run("admission off: together", func(t *testing.T) {
		s := &overlapStore{Store: memory.New(testbackend.Seed(t)), barrier: 2, arrived: make(chan struct{})}
		h := newHandler(s, graph.AdmissionConfig{Disabled: true, Threshold: 1000, Capacity: 1000, MaxExpensive: 1})
		a := query(t, context.Background(), h, aliases(2))
		if a.Status != http.StatusOK || len(a.Errors) != 0 || s.maxSeen.Load() != 2 {
			t.Errorf("got %d %+v, at most %d at once; want 200, 2 at once", a.Status, a.Errors, s.maxSeen.Load())
		}
	})
}

// untouchable is a store that must not be called.
type untouchable struct{ career.Store }

// lateStore answers ProfessionsByID only once the request is over (as a store that ignores
// its context would), and must not be called for anything else.
type lateStore struct {
	untouchable
	seed career.Store
}

func (s lateStore) ProfessionsByID(ctx context.Context, ids []string) (map[string]*career.Profession, error) {
	<-ctx.Done()
	return s.seed.ProfessionsByID(context.Background(), ids)
}

const timeoutMessage = "the request took too long and was stopped; narrow it or try again"

func TestTimedOutRequestsStopResolving(t *testing.T) {
	t.Run("a request over before it runs is answered TIMEOUT", func(t *testing.T) {
		h := newHandler(untouchable{}, graph.DefaultAdmission())
		ctx, cancel := context.WithDeadline(context.Background(), time.Unix(0, 0))
		defer cancel()
		a := query(t, ctx, h, `{ profession(id: "profession:seed:architecte-logiciel") { name } datasets { name } }`)
		if a.Status != http.StatusOK || string(a.Data) != "null" || len(a.Errors) != 1 || a.codes()[0] != "TIMEOUT" || a.Errors[0].Message != timeoutMessage {
			t.Errorf("got %d %s %+v; want 200, no data, one TIMEOUT error", a.Status, a.Data, a.Errors)
		}
	})
	t.Run("fields left when the deadline passes are not resolved", func(t *testing.T) {
		h := newHandler(lateStore{seed: memory.New(testbackend.Seed(t))}, graph.DefaultAdmission())
		ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
		defer cancel()
		// skills and nextCareers would call the untouchable store: they answer TIMEOUT instead,
		// and so does name, a resolver since it takes a lang argument.
		a := query(t, ctx, h, `{ profession(id: "profession:seed:architecte-logiciel") { name skills { importance } nextCareers { kind } } }`)
		if a.Status != http.StatusOK || string(a.Data) != `{"profession":null}` || len(a.Errors) != 3 ||
			a.codes()[0] != "TIMEOUT" || a.codes()[1] != "TIMEOUT" || a.codes()[2] != "TIMEOUT" || a.Errors[0].Message != timeoutMessage {
			t.Errorf("got %d %s %+v; want 200, a null profession, three TIMEOUT errors", a.Status, a.Data, a.Errors)
		}
	})
}

func TestOutcomeHasTheAnswersCodes(t *testing.T) {
	h := newHandler(memory.New(testbackend.Seed(t)), graph.DefaultAdmission())
	ctx, outcome := graph.WithOutcome(context.Background())
	query(t, ctx, h, `{ a: careerPaths(from: "profession:seed:x", to: "profession:seed:y") { length }
		b: skillGap(from: "profession:seed:x", to: "profession:seed:y") { coverage } c: search(text: "·") { score } }`)
	if got := strings.Join(outcome.Codes(), ","); got != "BAD_USER_INPUT,NOT_FOUND" {
		t.Errorf("codes %q, want BAD_USER_INPUT,NOT_FOUND", got)
	}
	ctx, outcome = graph.WithOutcome(context.Background())
	query(t, ctx, h, `{ datasets { name } }`)
	if got := outcome.Codes(); got != nil {
		t.Errorf("codes %q, want none", got)
	}
}

func TestAdmissionConfigIsValidated(t *testing.T) {
	base := graph.DefaultAdmission()
	for _, tc := range []struct {
		change func(*graph.AdmissionConfig)
		want   string
	}{
		{func(c *graph.AdmissionConfig) { c.Threshold = -1 }, "expensive-cost must be 0 or more, got -1"},
		{func(c *graph.AdmissionConfig) { c.Capacity = 0 }, "expensive-capacity must be at least 1, got 0"},
		{func(c *graph.AdmissionConfig) { c.MaxExpensive = 0 }, "max-expensive must be at least 1, got 0"},
		{func(c *graph.AdmissionConfig) { c.MaxWait = -time.Second }, "admission-wait must be 0 or more, got -1s"},
	} {
		c := base
		tc.change(&c)
		if err := c.Validate(); err == nil || err.Error() != tc.want {
			t.Errorf("got %v, want %q", err, tc.want)
		}
	}
	if err := base.Validate(); err != nil {
		t.Errorf("the default is invalid: %v", err)
	}
}

// plannedGate is a gate that reads plans, as both stores do.
type plannedGate struct {
	*gate
	plans career.PlanReader
}

func (g plannedGate) ReadPlan(ctx context.Context, p *career.ReadPlan) (*career.PlanResult, error) {
	return g.plans.ReadPlan(ctx, p)
}

func TestAdmissionWeighsPlannedReadsByID(t *testing.T) {
	ctx := context.Background()
	m := memory.New(testbackend.Seed(t))
	g := plannedGate{gate: &gate{Store: m, entered: make(chan string, 16), release: make(chan struct{})}, plans: m}
	cfg := graph.AdmissionConfig{Threshold: 50, Capacity: 1000, MaxExpensive: 1}
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	h := graph.NewHandler(g, graph.Options{Admission: &cfg, Logger: logger})
	noDirect := graph.NewHandler(g, graph.Options{Admission: &cfg, Logger: logger, NoDirect: true})
	free := graph.NewHandler(m, graph.Options{Admission: &graph.AdmissionConfig{Disabled: true, Capacity: 1, MaxExpensive: 1}, Logger: logger})
	const (
		// cost 194: weight ⌈194 ÷ 8⌉ = 25 when planned by ID.
		nextSkills = `{ profession(id: "profession:seed:developpeur-web-back-end") { nextCareers { profession { skills { skill { name } importance } } } } }`
		// cost 1,166: weight ⌈1166 ÷ 8⌉ = 146.
		twoMoves = `{ profession(id: "profession:seed:developpeur-web-back-end") { nextCareers { profession { nextCareers { profession { skills { skill { name } importance } } } } } } }`
		// cost 102, planned, but its root is a page of professions, not nodes by ID.
		page = `{ professions(first: 100) { nodes { name } } }`
	)
	const search = `{ search(text: "architecte", first: 1) { score } }`
	holder := within(t, func() *answer { return query(t, ctx, h, search) })
	g.waitEntered(t, "search")
	noDirectHolder := within(t, func() *answer { return query(t, ctx, noDirect, search) })
	g.waitEntered(t, "search")

	ran(t, "a planned read by ID of cost 194 (weight 25)", query(t, ctx, h, nextSkills), string(query(t, ctx, free, nextSkills).Data))
	refused(t, "a planned read by ID of cost 1,166 (weight 146)", query(t, ctx, h, twoMoves))
	refused(t, "a planned page of professions of cost 102", query(t, ctx, h, page))
	refused(t, "the read of cost 194 through gqlgen's execution", query(t, ctx, noDirect, nextSkills))

	close(g.release)
	ran(t, "the request that held the turn", holder(), `{"search":[{"score":0.77}]}`)
	ran(t, "the request that held the turn without the direct writer", noDirectHolder(), `{"search":[{"score":0.77}]}`)
}
