package main

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/httpapi"
	"github.com/careergraph/careergraph/internal/testbackend"
	"github.com/careergraph/careergraph/store/memory"
	"github.com/careergraph/careergraph/telemetry"
)

// scrape GETs /metrics from h and parses it.
func scrape(t *testing.T, h http.Handler, header ...string) map[string]*dto.MetricFamily {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, "/metrics", nil)
	if len(header) == 2 {
		req.Header.Set(header[0], header[1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		t.Fatalf("GET /metrics: status %d: %s", rec.Code, rec.Body.String())
	}
	parser := expfmt.NewTextParser(model.UTF8Validation)
	families, err := parser.TextToMetricFamilies(rec.Body)
	if err != nil {
		t.Fatalf("parse /metrics: %v", err)
	}
	return families
}

// sample returns the value of the series of family whose labels are labels ("k=v" each): a
// counter's or gauge's value, a histogram's count; -1 when there is no such series.
func sample(families map[string]*dto.MetricFamily, family string, labels ...string) float64 {
	f := families[family]
	if f == nil {
		return -1
	}
	for _, m := range f.Metric {
		var got []string
		for _, l := range m.Label {
			got = append(got, l.GetName()+"="+l.GetValue())
		}
		if !slices.Equal(got, labels) {
			continue
		}
		switch {
		case m.Counter != nil:
			return m.Counter.GetValue()
		case m.Gauge != nil:
			return m.Gauge.GetValue()
		case m.Histogram != nil:
			return float64(m.Histogram.GetSampleCount())
		}
	}
	return -1
}

const cardQuery = `query Card { profession(id: "profession:seed:developpeur-web-back-end") { name skills { skill { name } } } }`

func TestMetricsAfterRequests(t *testing.T) {
	h := newTestHandler(t, memory.New(testbackend.Seed(t)), nil)
	post(t, h, cardQuery, nil)
	post(t, h, cardQuery, nil)
	post(t, h, `{ profession(dataset: "rome", code: "M1805") { name } }`, nil)
	post(t, h, `query Huge { professions(first: 100) { nodes { skills { skill { professions(first: 100) { nodes { name } } } } } } }`, nil)
	post(t, h, `{ search(text: "développeur") { score } }`, nil)
	m := scrape(t, h)
	for _, tc := range []struct {
		family string
		labels []string
		want   float64
	}{
		{"careergraph_graphql_requests_total", []string{"code=OK", "operation=Card", "status=200"}, 2},
		{"careergraph_graphql_requests_total", []string{"code=BAD_USER_INPUT", "operation=anonymous", "status=200"}, 1},
		{"careergraph_graphql_requests_total", []string{"code=COMPLEXITY_LIMIT_EXCEEDED", "operation=Huge", "status=200"}, 1},
		{"careergraph_graphql_requests_total", []string{"code=OK", "operation=anonymous", "status=200"}, 1},
		{"careergraph_graphql_request_duration_seconds", []string{"code=OK", "operation=Card"}, 2},
		{"careergraph_neo4j_queries_per_request", nil, 5}, // all 0 on the embedded store
		{"careergraph_admission_admitted_total", []string{"class=cheap"}, 3},
		{"careergraph_admission_admitted_total", []string{"class=expensive"}, 1},
		{"careergraph_admission_waiting", nil, 0},
		{"careergraph_admission_running", nil, 0},
		{"careergraph_admission_rejected_total", nil, 0},
	} {
		if got := sample(m, tc.family, tc.labels...); got != tc.want {
			t.Errorf("%s%v = %v, want %v", tc.family, tc.labels, got, tc.want)
		}
	}
	if got := m["careergraph_neo4j_queries_per_request"].Metric[0].Histogram.GetSampleSum(); got != 0 {
		t.Errorf("Neo4j queries on the embedded store: %v, want 0", got)
	}
	for _, family := range []string{"go_goroutines", "go_memstats_heap_alloc_bytes", "process_cpu_seconds_total", "process_resident_memory_bytes"} {
		if m[family] == nil {
			t.Errorf("no %s series", family)
		}
	}
}

// slowStore answers search after telemetry.SlowField.
type slowStore struct{ *memory.Store }

func (s slowStore) Search(ctx context.Context, q career.SearchQuery) ([]career.SearchHit, error) {
	time.Sleep(telemetry.SlowField)
	return s.Store.Search(ctx, q)
}

func TestMetricsOfSlowFieldsAndAdmission(t *testing.T) {
	t.Run("slow fields", func(t *testing.T) {
		h := newTestHandler(t, slowStore{memory.New(testbackend.Seed(t))}, nil)
		r := post(t, h, `{ a: search(text: "développeur", first: 5) { score } b: professions(first: 1) { totalCount } }`, nil)
		equal(t, "errors", r.codes(), []string(nil))
		m := scrape(t, h)
		equal(t, "slow search", sample(m, "careergraph_graphql_slow_field_duration_seconds", "field=Query.search"), float64(1))
		equal(t, "quick list", sample(m, "careergraph_graphql_slow_field_duration_seconds", "field=Query.professions"), float64(-1))
	})
	t.Run("a refusal", func(t *testing.T) {
		g := &gatedStore{Store: memory.New(testbackend.Seed(t)), entered: make(chan struct{}, 1), release: make(chan struct{})}
		c := testConfig(t)
		c.Admission.MaxExpensive, c.Admission.MaxWait = 1, 0
		h := newTestHandler(t, g, c)
		done := make(chan *gqlResponse)
		go func() { done <- post(t, h, `{ search(text: "architecte") { score } }`, nil) }()
		<-g.entered
		running := scrape(t, h)
		equal(t, "running", sample(running, "careergraph_admission_running"), float64(1))
		r := post(t, h, `{ search(text: "chef") { score } }`, nil)
		equal(t, "refused", r.codes(), []string{"OVERLOADED"})
		close(g.release)
		<-done
		m := scrape(t, h)
		equal(t, "rejected", sample(m, "careergraph_admission_rejected_total"), float64(1))
		equal(t, "admitted", sample(m, "careergraph_admission_admitted_total", "class=expensive"), float64(1))
		equal(t, "waiting", sample(m, "careergraph_admission_waiting"), float64(0))
		equal(t, "running after", sample(m, "careergraph_admission_running"), float64(0))
		equal(t, "503", sample(m, "careergraph_graphql_requests_total", "code=OVERLOADED", "operation=anonymous", "status=503"), float64(1))
	})
}

func TestMetricsEndpointOptions(t *testing.T) {
	store := memory.New(testbackend.Seed(t))
	t.Run("a token", func(t *testing.T) {
		c := testConfig(t)
		c.MetricsToken = "metrics-s3cret"
		h := newHTTPHandler(c, store, discardLogger())
		for _, auth := range []string{"", "Bearer wrong", "metrics-s3cret"} {
			req := httptest.NewRequest(http.MethodGet, "/metrics", nil)
			if auth != "" {
				req.Header.Set("Authorization", auth)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			equal(t, "status with "+auth, rec.Code, http.StatusUnauthorized)
		}
		m := scrape(t, h, "Authorization", "Bearer metrics-s3cret")
		equal(t, "scraped", m["careergraph_graphql_requests_total"] != nil || m["go_goroutines"] != nil, true)
	})
	t.Run("a listener of their own", func(t *testing.T) {
		c := testConfig(t)
		c.MetricsAddr = "127.0.0.1:0"
		srv := httpapi.NewServer(httpOptions(c, store, discardLogger()))
		if err := srv.Open("127.0.0.1:0"); err != nil {
			t.Fatal(err)
		}
		defer srv.Close()
		main, err := http.Get("http://" + srv.Addr() + "/metrics")
		if err != nil {
			t.Fatal(err)
		}
		main.Body.Close()
		own, err := http.Get("http://" + srv.MetricsAddr() + "/metrics")
		if err != nil {
			t.Fatal(err)
		}
		own.Body.Close()
		equal(t, "statuses and content types", []any{main.StatusCode, own.StatusCode, own.Header.Get("Content-Type")[:10]},
			[]any{http.StatusNotFound, http.StatusOK, "text/plain"})
	})
}

// secrets are what a client may send that must never reach a log line or a span.
var secrets = []string{"Bearer s3cret-token", "s3cret-token", "api-k3y", "c00kie"}

// sendWithSecrets POSTs query with an Authorization header, an API key header and query
// parameter and a cookie.
func sendWithSecrets(t *testing.T, h http.Handler, query, traceparent string) *gqlResponse {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, "/query?api_key=api-k3y", strings.NewReader(`{"query":`+quote(query)+`}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer s3cret-token")
	req.Header.Set("X-API-Key", "api-k3y")
	req.Header.Set("Cookie", "session=c00kie")
	if traceparent != "" {
		req.Header.Set("traceparent", traceparent)
	}
	return do(t, h, req)
}

func quote(s string) string {
	var b bytes.Buffer
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"', '\\':
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	b.WriteByte('"')
	return b.String()
}

func TestAccessLogAtInfo(t *testing.T) {
	var logs bytes.Buffer
	c := testConfig(t)
	h := newHTTPHandler(c, memory.New(testbackend.Seed(t)), slog.New(slog.NewTextHandler(&logs, nil)))
	r := sendWithSecrets(t, h, cardQuery, "")
	equal(t, "status", r.Status, http.StatusOK)
	line := logs.String()
	id := line[strings.Index(line, "request_id=")+len("request_id="):]
	id = strings.TrimSpace(id)
	if want := "level=INFO msg=request method=POST path=/query status=200 operation=Card cost=23 duration="; !strings.Contains(line, want) || len(id) != 16 {
		t.Errorf("got  %s\nwant %s…request_id=<16 hex digits>", line, want)
	}
	for _, s := range secrets {
		if strings.Contains(line, s) {
			t.Errorf("the access log holds %q: %s", s, line)
		}
	}
	t.Run("sampled", func(t *testing.T) {
		c := testConfig(t)
		c.AccessLogSample = 0
		var logs bytes.Buffer
		h := newHTTPHandler(c, memory.New(testbackend.Seed(t)), slog.New(slog.NewTextHandler(&logs, nil)))
		post(t, h, cardQuery, nil)
		equal(t, "a sampled-out answer", logs.String(), "")
		post(t, h, `query Rome { profession(dataset: "rome", code: "M1805") { name } }`, nil)
		if want := "level=INFO msg=request method=POST path=/query status=200 operation=Rome codes=BAD_USER_INPUT cost=2 duration="; !strings.Contains(logs.String(), want) {
			t.Errorf("got  %s\nwant %s", logs.String(), want)
		}
	})
}

// tracedHandler serves store with tracing into an in-memory exporter.
func tracedHandler(t *testing.T, store career.Store, neo4j bool, logs *bytes.Buffer) (http.Handler, *tracetest.InMemoryExporter) {
	t.Helper()
	exporter := tracetest.NewInMemoryExporter()
	provider := sdktrace.NewTracerProvider(sdktrace.WithSyncer(exporter))
	t.Cleanup(func() { provider.Shutdown(context.Background()) })
	c := testConfig(t)
	if neo4j {
		c.Neo4j.URI = "bolt://traced" // the loader wait of Neo4j; the store is given
	}
	opts := httpOptions(c, store, slog.New(slog.NewTextHandler(logs, nil)))
	opts.Telemetry = telemetry.New(opts.Telemetry.Metrics, telemetry.NewTracing(provider))
	return httpapi.NewHandler(opts), exporter
}

func TestTracingOfACardOnNeo4j(t *testing.T) {
	s := testbackend.OpenNeo4j(t)
	testbackend.LoadNeo4j(t, s, testbackend.Seed(t))
	var logs bytes.Buffer
	h, exporter := tracedHandler(t, s, true, &logs)
	const traceID = "4bf92f3577b34da6a3ce929d0e0e4736"
	r := sendWithSecrets(t, h, cardQuery, "00-"+traceID+"-00f067aa0ba902b7-01")
	equal(t, "status and errors", []any{r.Status, r.codes()}, []any{http.StatusOK, []string(nil)})
	spans := exporter.GetSpans()
	byName := map[string]tracetest.SpanStub{}
	var order []string
	for _, sp := range spans {
		byName[sp.Name] = sp
		order = append(order, sp.Name)
		if got := sp.SpanContext.TraceID().String(); got != traceID {
			t.Errorf("span %q is in trace %s, want the traceparent's %s", sp.Name, got, traceID)
		}
		for _, a := range sp.Attributes {
			for _, secret := range secrets {
				if strings.Contains(a.Value.Emit(), secret) {
					t.Errorf("span %q attribute %s holds %q", sp.Name, a.Key, secret)
				}
			}
		}
	}
	slices.Sort(order)
	equal(t, "spans", order, []string{"POST /query", "neo4j read plan", "query Card"})
	server, op, query := byName["POST /query"], byName["query Card"], byName["neo4j read plan"]
	equal(t, "the server span's parent", server.Parent.SpanID().String(), "00f067aa0ba902b7")
	equal(t, "the operation's parent", op.Parent.SpanID(), server.SpanContext.SpanID())
	equal(t, "the query's parent", query.Parent.SpanID(), op.SpanContext.SpanID())
	if want := "neo4j_queries=1 trace_id=" + traceID; !strings.Contains(logs.String(), want) {
		t.Errorf("access log %s lacks %s", logs.String(), want)
	}
	m := scrape(t, h)
	equal(t, "queries per request", m["careergraph_neo4j_queries_per_request"].Metric[0].Histogram.GetSampleSum(), float64(1))
	equal(t, "query latency", sample(m, "careergraph_neo4j_query_duration_seconds", "query=read plan"), float64(1))
}

func TestTracingOffAndOnTheEmbeddedStore(t *testing.T) {
	var logs bytes.Buffer
	h, exporter := tracedHandler(t, memory.New(testbackend.Seed(t)), false, &logs)
	post(t, h, cardQuery, nil)
	var names []string
	for _, sp := range exporter.GetSpans() {
		names = append(names, sp.Name)
	}
	slices.Sort(names)
	equal(t, "spans", names, []string{"POST /query", "query Card"})
}
