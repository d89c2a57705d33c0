package registry

import (
	"context"
	"log/slog"
	"runtime"
	"syscall"
	"testing"
	"time"

	"github.com/careergraph/careergraph/infer"
	"github.com/careergraph/careergraph/internal/datafiles"
)

// cpuTime is the CPU time (user and system) the process has used so far.
func cpuTime(b *testing.B) time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		b.Fatal(err)
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}

// BenchmarkRead reads each full dataset as the import does, inferred moves included
// (read/cpu-s), then infers its moves again alone (infer/cpu-s); MB-kept is the heap the
// inferred moves keep. CPU seconds, not wall time, so that a busy machine does not blur them:
//
//	CAREERGRAPH_DATA=<folder holding rome/, esco/ and onet/> go test ./dataset/registry -run '^$' -bench Read -benchtime 1x
func BenchmarkRead(b *testing.B) {
	for _, name := range []string{"rome", "esco", "onet"} {
		b.Run(name, func(b *testing.B) {
			dir := datafiles.Full(b, name)
			logger := slog.New(slog.DiscardHandler)
			var read, inferred time.Duration
			var kept uint64
			for b.Loop() {
				start := cpuTime(b)
				d, err := Read(name, dir, logger)
				if err != nil {
					b.Fatal(err)
				}
				read += cpuTime(b) - start
				opts, err := InferOptions(name, dir, logger)
				if err != nil {
					b.Fatal(err)
				}
				d.InferredMoves = nil
				var before, after runtime.MemStats
				runtime.GC()
				runtime.ReadMemStats(&before)
				start = cpuTime(b)
				d.InferredMoves, err = infer.Moves(context.Background(), d, opts)
				if err != nil {
					b.Fatal(err)
				}
				inferred += cpuTime(b) - start
				runtime.GC()
				runtime.ReadMemStats(&after)
				kept = after.HeapAlloc - before.HeapAlloc
				runtime.KeepAlive(d)
			}
			b.ReportMetric(read.Seconds()/float64(b.N), "read/cpu-s")
			b.ReportMetric(inferred.Seconds()/float64(b.N), "infer/cpu-s")
			b.ReportMetric(float64(kept)/1e6, "MB-kept")
		})
	}
}
