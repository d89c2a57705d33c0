package telemetry

import (
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// The bounds of the metrics' label values, so that no client can grow the series without end.
const (
	// MaxOperationNames is how many distinct GraphQL operation names get series of their own,
	// the first ones seen; requests of any other name count under OtherName.
	MaxOperationNames = 100
	// MaxNameLength is the longest operation name kept as a label; a longer one counts under
	// OtherName (and is cut to this length in the access log).
	MaxNameLength = 64
	// maxQueryNames bounds the Neo4j queries' names likewise (they are fixed texts of the
	// store, a few dozen).
	maxQueryNames = 100
)

// The label values that stand for a set of values.
const (
	// OtherName is the operation (or query) label of names beyond the bounds above.
	OtherName = "other"
	// AnonymousName is the operation label of an operation without a name, and of a request
	// that ran no operation (a parse error, a refused document).
	AnonymousName = "anonymous"
	// CodeOK is the code label of an answer without errors.
	CodeOK = "OK"
	// CodeMultiple is the code label of an answer with errors of several codes (the access log
	// lists them).
	CodeMultiple = "MULTIPLE"
)

// MetricsOff is the metrics address (--metrics-addr) that serves no metrics.
const MetricsOff = "off"

// SlowField is the shortest resolver time that counts as slow: slower field resolutions are
// timed by field (careergraph_graphql_slow_field_duration_seconds), quicker ones not at all.
const SlowField = 10 * time.Millisecond

// Metrics are careergraph's Prometheus metrics, on a registry of their own (never the global
// one), with the Go runtime's and the process's collectors.
type Metrics struct {
	registry *prometheus.Registry

	requests         *prometheus.CounterVec
	requestDuration  *prometheus.HistogramVec
	slowFields       *prometheus.HistogramVec
	neo4jQueries     *prometheus.HistogramVec
	neo4jPerRequest  prometheus.Histogram
	loaderBatch      prometheus.Histogram
	admissionWaiting prometheus.Gauge
	admissionRunning prometheus.Gauge
	admitted         *prometheus.CounterVec
	rejected         prometheus.Counter

	operations *boundedNames
	queries    *boundedNames
}

// latencyBuckets are the request and query latency buckets, in seconds: 1 ms to 10 s.
var latencyBuckets = []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10}

// NewMetrics returns the metrics, registered on a new registry.
func NewMetrics() *Metrics {
	m := &Metrics{
		registry: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "careergraph_graphql_requests_total",
			Help: "GraphQL requests answered, by operation name (at most " + strconv.Itoa(MaxOperationNames) + " names, then \"other\"), error code (OK, the code, or MULTIPLE) and HTTP status.",
		}, []string{"operation", "code", "status"}),
		requestDuration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "careergraph_graphql_request_duration_seconds",
			Help:    "Time to answer a GraphQL request, by operation name and error code.",
			Buckets: latencyBuckets,
		}, []string{"operation", "code"}),
		slowFields: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "careergraph_graphql_slow_field_duration_seconds",
			Help:    "Time of the field resolutions that took at least " + SlowField.String() + ", by Type.field.",
			Buckets: latencyBuckets[3:],
		}, []string{"field"}),
		neo4jQueries: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "careergraph_neo4j_query_duration_seconds",
			Help:    "Time of one Neo4j read (retries included), by what it reads.",
			Buckets: latencyBuckets,
		}, []string{"query"}),
		neo4jPerRequest: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "careergraph_neo4j_queries_per_request",
			Help:    "Neo4j queries one GraphQL request sent (0 on the embedded store).",
			Buckets: []float64{0, 1, 2, 4, 8, 16, 32, 64},
		}),
		loaderBatch: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "careergraph_loader_batch_keys",
			Help:    "Keys in one dataloader batch sent to the store (Neo4j: one query each).",
			Buckets: []float64{1, 2, 5, 10, 20, 50, 100, 200, 500, 1000},
		}),
		admissionWaiting: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "careergraph_admission_waiting",
			Help: "Expensive requests waiting for their turn.",
		}),
		admissionRunning: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "careergraph_admission_running",
			Help: "Expensive requests running.",
		}),
		admitted: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "careergraph_admission_admitted_total",
			Help: "Requests admission control let run, by class: cheap (at once) or expensive (in turn).",
		}, []string{"class"}),
		rejected: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "careergraph_admission_rejected_total",
			Help: "Expensive requests refused with OVERLOADED after waiting their longest.",
		}),
		operations: newBoundedNames(MaxOperationNames),
		queries:    newBoundedNames(maxQueryNames),
	}
	m.registry.MustRegister(m.requests, m.requestDuration, m.slowFields, m.neo4jQueries, m.neo4jPerRequest,
		m.loaderBatch, m.admissionWaiting, m.admissionRunning, m.admitted, m.rejected,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// Handler serves the metrics in Prometheus' text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{})
}

// Registry is the metrics' registry (tests gather from it).
func (m *Metrics) Registry() *prometheus.Registry { return m.registry }

// Answered is what the metrics learn of one answered GraphQL request.
type Answered struct {
	// Operation is the operation's name, "" when it has none.
	Operation string
	// Codes are the distinct error codes of the answer.
	Codes []string
	// Status is the HTTP status.
	Status int
	// Duration is the time to answer.
	Duration time.Duration
	// Neo4jQueries is how many Neo4j queries it sent.
	Neo4jQueries int
}

// ObserveRequest records one answered GraphQL request.
func (m *Metrics) ObserveRequest(a Answered) {
	if m == nil {
		return
	}
	op := m.operations.label(a.Operation)
	code := CodeLabel(a.Codes)
	m.requests.WithLabelValues(op, code, strconv.Itoa(a.Status)).Inc()
	m.requestDuration.WithLabelValues(op, code).Observe(a.Duration.Seconds())
	m.neo4jPerRequest.Observe(float64(a.Neo4jQueries))
}

// CodeLabel is the code label of an answer with these distinct error codes.
func CodeLabel(codes []string) string {
	switch len(codes) {
	case 0:
		return CodeOK
	case 1:
		return codes[0]
	}
	return CodeMultiple
}

// ObserveField records one field resolution of d, when it is slow (see SlowField). field is
// "Type.field", from the schema.
func (m *Metrics) ObserveField(object, field string, d time.Duration) {
	if m == nil || d < SlowField {
		return
	}
	m.slowFields.WithLabelValues(object + "." + field).Observe(d.Seconds())
}

func (m *Metrics) observeNeo4jQuery(what string, d time.Duration) {
	if m == nil {
		return
	}
	m.neo4jQueries.WithLabelValues(m.queries.label(what)).Observe(d.Seconds())
}

func (m *Metrics) observeLoaderBatch(keys int) {
	if m == nil {
		return
	}
	m.loaderBatch.Observe(float64(keys))
}

// AdmittedCheap counts a request admission control ran at once.
func (m *Metrics) AdmittedCheap() {
	if m != nil {
		m.admitted.WithLabelValues("cheap").Inc()
	}
}

// Waiting counts an expensive request that starts (delta 1) or stops (-1) waiting.
func (m *Metrics) Waiting(delta int) {
	if m != nil {
		m.admissionWaiting.Add(float64(delta))
	}
}

// AdmittedExpensive counts an expensive request that got its turn; its release function ends
// its run.
func (m *Metrics) AdmittedExpensive() (done func()) {
	if m == nil {
		return func() {}
	}
	m.admitted.WithLabelValues("expensive").Inc()
	m.admissionRunning.Inc()
	return m.admissionRunning.Dec
}

// Rejected counts an expensive request refused with OVERLOADED.
func (m *Metrics) Rejected() {
	if m != nil {
		m.rejected.Inc()
	}
}

// boundedNames keeps the first max distinct names as label values.
type boundedNames struct {
	mu   sync.RWMutex
	seen map[string]bool
	max  int
}

func newBoundedNames(max int) *boundedNames {
	return &boundedNames{seen: make(map[string]bool, max), max: max}
}

// label is name's label value: AnonymousName for "", the name itself when it is short enough
// and among the first max, OtherName otherwise.
func (b *boundedNames) label(name string) string {
	switch {
	case name == "":
		return AnonymousName
	case len(name) > MaxNameLength:
		return OtherName
	}
	b.mu.RLock()
	known := b.seen[name]
	full := len(b.seen) >= b.max
	b.mu.RUnlock()
	if known {
		return name
	}
	if full {
		return OtherName
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if !b.seen[name] && len(b.seen) >= b.max {
		return OtherName
	}
	b.seen[name] = true
	return name
}
