package textsearch_test

import (
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/careergraph/careergraph/textsearch"
)

// stopAfter is a Stopper that fails once its steps pass max, counting its calls.
type stopAfter struct {
	max, steps, calls int
}

var errStopped = errors.New("stopped")

func (s *stopAfter) Step(n int) error {
	s.calls++
	s.steps += n
	if s.steps > s.max {
		return errStopped
	}
	return nil
}

// TestTypoScanStops: the scan of the dictionary for corrections counts its comparisons on the
// Stopper, in batches of 256, and stops at the first step refused.
func TestTypoScanStops(t *testing.T) {
	x := textsearch.NewIndex()
	for i := range 1000 {
		x.Add(fmt.Sprint(i), []string{fmt.Sprintf("mot%04d", i)}) // 1,000 words of 7 letters
	}
	x.Build()
	stop := &stopAfter{max: 0}
	hits, err := x.SearchStopping(stop, "motxxxx")
	if hits != nil || !errors.Is(err, errStopped) || stop.calls != 1 || stop.steps != 256 {
		t.Errorf("got %d hits, %v after %d calls, %d steps; want none, stopped after 1 call, 256 steps", len(hits), err, stop.calls, stop.steps)
	}
	// Without a limit: "mot0x01" is one substitution from mot0001, mot0101, …, mot0901, a typo
	// match each scoring 0.04 (× 1, the word typed right).
	hits, err = x.SearchStopping(&stopAfter{max: 1 << 30}, "mot0x01")
	if err != nil {
		t.Fatal(err)
	}
	got := []string{}
	for _, h := range hits {
		got = append(got, fmt.Sprintf("%s %v %v", h.ID, h.Score, h.Typo))
	}
	want := []string{}
	for i := range 10 {
		want = append(want, fmt.Sprintf("%d 0.04 true", 100*i+1))
	}
	if !slices.Equal(got, want) {
		t.Errorf("hits %q, want %q", got, want)
	}
}
