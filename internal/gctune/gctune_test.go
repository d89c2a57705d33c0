package gctune

import (
	"context"
	"runtime"
	"runtime/debug"
	"testing"
)

func TestPercent(t *testing.T) {
	const mib = 1 << 20
	for _, c := range []struct {
		live, headroom uint64
		want           int
	}{
		{0, 256 * mib, maxPercent},   // before the first collection
		{1, 256 * mib, maxPercent},   // capped
		{16 * mib, 256 * mib, 1600},  // the seed: grows by 256 MiB, 16 times the live heap
		{256 * mib, 256 * mib, 100},  // as Go's default
		{2048 * mib, 256 * mib, 100}, // all the data: never below Go's default
		{100 * mib, 150 * mib, 150},  // between
		{3 * mib, 0, 100},            // no headroom
	} {
		if got := Percent(c.live, c.headroom); got != c.want {
			t.Errorf("Percent(%d MiB, %d MiB) = %d, want %d", c.live/mib, c.headroom/mib, got, c.want)
		}
	}
}

func TestStartSetsAndRestoresThePercent(t *testing.T) {
	before := debug.SetGCPercent(100)
	defer debug.SetGCPercent(before)
	runtime.GC()                               // so that the live heap is measured
	stop := Start(context.Background(), 1<<20) // far above this test's heap: the cap
	if got := debug.SetGCPercent(maxPercent); got != maxPercent {
		t.Errorf("GC percent after Start = %d, want %d", got, maxPercent)
	}
	stop()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("GC percent after stop = %d, want 100, the percent Start found", got)
	}
}
