// Package gctune keeps the garbage collector from running more often than the server needs.
//
// Go's default target (GOGC=100) starts a collection when the heap has grown by as much as the
// live data. For careergraph with a small dataset (the seed: a few megabytes live), that means
// a collection every few hundred requests, and under load a large share of the CPU goes to
// marking and to the allocation assists it imposes. The tuner sets the target so that the heap
// may grow by the larger of 100% of the live data and a fixed headroom (256 MiB by default):
// a small heap is collected far less often, at the cost of at most the headroom in memory; a
// large heap (all of ROME, ESCO and O*NET) keeps Go's default. It reads the live heap that the
// last collection measured, every few seconds, so that an import that grows the data is
// followed. Setting GOGC in the environment leaves the collector to it (the tuner is off).
package gctune

import (
	"context"
	"runtime/debug"
	"runtime/metrics"
	"time"
)

// DefaultHeadroomMiB is the default headroom, in MiB: how much the heap may grow over the live
// data, at least, before a collection.
const DefaultHeadroomMiB = 256

// Every is how often the tuner reads the live heap.
const Every = 5 * time.Second

// maxPercent caps the GC percent the tuner sets, for a near-empty heap.
const maxPercent = 100_000

// Percent returns the GC percent that lets a heap of live bytes grow by the larger of live and
// headroom bytes before a collection: at least 100 (Go's default), at most maxPercent.
func Percent(live, headroom uint64) int {
	if live == 0 {
		return maxPercent
	}
	p := headroom * 100 / live
	switch {
	case p < 100:
		return 100
	case p > maxPercent:
		return maxPercent
	}
	return int(p)
}

// liveHeap returns the live heap the last collection measured, 0 before the first.
func liveHeap() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}

// Start sets the GC percent for headroomMiB now and then every Every until stop is called or
// ctx ends; then it restores the percent it found (stop returns once it has).
func Start(ctx context.Context, headroomMiB int) (stop func()) {
	headroom := uint64(headroomMiB) << 20
	previous := debug.SetGCPercent(Percent(liveHeap(), headroom))
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(Every)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				debug.SetGCPercent(previous)
				return
			case <-t.C:
				debug.SetGCPercent(Percent(liveHeap(), headroom))
			}
		}
	}()
	return func() {
		cancel()
		<-done
	}
}
