package registry

import (
	"log/slog"
	"runtime"
	"testing"

	"github.com/careergraph/careergraph/internal/datafiles"
)

// BenchmarkRead reads each full dataset as the import does, inferred moves included, and
// reports the heap the dataset keeps (MB kept) beside the time per read:
//
//	CAREERGRAPH_DATA=<folder holding rome/, esco/ and onet/> go test ./dataset/registry -run '^$' -bench Read -benchtime 3x
func BenchmarkRead(b *testing.B) {
	for _, name := range []string{"rome", "esco", "onet"} {
		b.Run(name, func(b *testing.B) {
			dir := datafiles.Full(b, name)
			logger := slog.New(slog.DiscardHandler)
			var before, after runtime.MemStats
			for b.Loop() {
				runtime.GC()
				runtime.ReadMemStats(&before)
				d, err := Read(name, dir, logger)
				if err != nil {
					b.Fatal(err)
				}
				runtime.GC()
				runtime.ReadMemStats(&after)
				runtime.KeepAlive(d)
			}
			b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/1e6, "MB-kept")
		})
	}
}
