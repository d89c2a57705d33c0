package graph

import (
	"context"
	"testing"
	"time"

	"github.com/careergraph/careergraph/telemetry"
)

func TestLoaderBatchSizesGoToTheMetrics(t *testing.T) {
	tel := telemetry.New(telemetry.NewMetrics(), nil)
	ctx, _ := tel.StartRequest(context.Background())
	l := newLoader(time.Millisecond, func(_ context.Context, keys []string) (map[string]int, error) {
		out := map[string]int{}
		for _, k := range keys {
			out[k] = len(k)
		}
		return out, nil
	})
	if v, err := l.Load(ctx, "abc"); v != 3 || err != nil {
		t.Fatalf("Load = %d, %v; want 3, nil", v, err)
	}
	families, err := tel.Metrics.Registry().Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range families {
		if f.GetName() == "careergraph_loader_batch_keys" {
			h := f.Metric[0].GetHistogram()
			if h.GetSampleCount() != 1 || h.GetSampleSum() != 1 {
				t.Errorf("batches %d of %v keys, want 1 of 1", h.GetSampleCount(), h.GetSampleSum())
			}
			return
		}
	}
	t.Error("no careergraph_loader_batch_keys series")
}
