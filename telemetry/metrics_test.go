package telemetry

import (
	"context"
	"strconv"
	"strings"
	"testing"
)

func TestOperationNamesAreBounded(t *testing.T) {
	b := newBoundedNames(MaxOperationNames)
	for i := range MaxOperationNames {
		if got, want := b.label("Op"+strconv.Itoa(i)), "Op"+strconv.Itoa(i); got != want {
			t.Fatalf("name %d: %q, want %q", i, got, want)
		}
	}
	for _, tc := range []struct{ name, want string }{
		{"Op0", "Op0"},       // known: kept
		{"Op100", OtherName}, // the 101st distinct name
		{"", AnonymousName},  // no name
		{strings.Repeat("a", MaxNameLength), OtherName}, // known? no: the set is full
	} {
		if got := b.label(tc.name); got != tc.want {
			t.Errorf("label(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
	fresh := newBoundedNames(MaxOperationNames)
	for _, tc := range []struct{ name, want string }{
		{strings.Repeat("a", MaxNameLength), strings.Repeat("a", MaxNameLength)},
		{strings.Repeat("a", MaxNameLength+1), OtherName},
	} {
		if got := fresh.label(tc.name); got != tc.want {
			t.Errorf("label of %d bytes = %q, want %q", len(tc.name), got, tc.want)
		}
	}
}

func TestCodeLabel(t *testing.T) {
	for _, tc := range []struct {
		codes []string
		want  string
	}{
		{nil, CodeOK},
		{[]string{"NOT_FOUND"}, "NOT_FOUND"},
		{[]string{"BAD_USER_INPUT", "NOT_FOUND"}, CodeMultiple},
	} {
		if got := CodeLabel(tc.codes); got != tc.want {
			t.Errorf("CodeLabel(%v) = %q, want %q", tc.codes, got, tc.want)
		}
	}
}

func TestNilInstrumentsRecordNothing(t *testing.T) {
	var tel *Telemetry
	ctx, r := tel.StartRequest(context.Background())
	_, q := BeginQuery(ctx, "read plan", "neo4j", "RETURN 1")
	q.End(nil)
	LoaderBatch(ctx, 3)
	var m *Metrics
	m.ObserveRequest(Answered{})
	m.ObserveField("Query", "search", SlowField)
	m.Waiting(1)
	m.AdmittedExpensive()()
	if r != nil || r.Neo4jQueries() != 0 || tel.Tracer() != nil {
		t.Errorf("nil telemetry recorded: request %v, tracer %v", r, tel.Tracer())
	}
}

func TestRequestCountsNeo4jQueries(t *testing.T) {
	tel := New(NewMetrics(), nil)
	ctx, r := tel.StartRequest(context.Background())
	for range 3 {
		_, q := BeginQuery(ctx, "read plan", "neo4j", "RETURN 1")
		q.End(nil)
	}
	LoaderBatch(ctx, 7)
	families, err := tel.Metrics.Registry().Gather()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]uint64{}
	for _, f := range families {
		for _, m := range f.Metric {
			if h := m.GetHistogram(); h != nil && strings.HasPrefix(f.GetName(), "careergraph_") {
				got[f.GetName()] = h.GetSampleCount()
				if f.GetName() == "careergraph_loader_batch_keys" && h.GetSampleSum() != 7 {
					t.Errorf("batch keys sum %v, want 7", h.GetSampleSum())
				}
			}
		}
	}
	if r.Neo4jQueries() != 3 || got["careergraph_neo4j_query_duration_seconds"] != 3 || got["careergraph_loader_batch_keys"] != 1 {
		t.Errorf("queries %d, histograms %v; want 3 queries, 3 latencies, 1 batch", r.Neo4jQueries(), got)
	}
}
