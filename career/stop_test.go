package career_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/careergraph/careergraph/career"
)

// expired returns a context whose deadline has passed.
func expired(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := context.WithDeadline(context.Background(), time.Unix(0, 0))
	t.Cleanup(cancel)
	return ctx
}

func TestStopper(t *testing.T) {
	t.Run("a live context never stops", func(t *testing.T) {
		s := career.NewStopper(context.Background(), "search")
		for range 10 {
			if err := s.Step(career.CheckEvery); err != nil {
				t.Fatalf("Step: %v", err)
			}
		}
	})
	t.Run("a done context stops at the next multiple of CheckEvery", func(t *testing.T) {
		s := career.NewStopper(expired(t), "careerPaths")
		for i := 1; i < career.CheckEvery; i++ {
			if err := s.Step(1); err != nil {
				t.Fatalf("step %d: %v, want nil before %d steps", i, err, career.CheckEvery)
			}
		}
		err := s.Step(1)
		if !errors.Is(err, context.DeadlineExceeded) || err.Error() != "careerPaths stopped: context deadline exceeded" {
			t.Errorf("step %d: got %v, want careerPaths stopped: context deadline exceeded", career.CheckEvery, err)
		}
	})
	t.Run("a cancelled context says so", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		err := career.NewStopper(ctx, "search").Err()
		if !errors.Is(err, context.Canceled) || err.Error() != "search stopped: context canceled" {
			t.Errorf("got %v, want search stopped: context canceled", err)
		}
	})
}
