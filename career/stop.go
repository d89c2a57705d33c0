package career

import (
	"context"
	"fmt"
)

// CheckEvery is how many units of work (loop iterations, postings read, candidates scored) a
// long loop runs between two looks at its request's context: seldom enough to cost nothing
// measurable, often enough that a request past its deadline stops within microseconds.
const CheckEvery = 1024

// Stopper tells the long loops of a store when their request is over: Step counts work and,
// at every CheckEvery units, returns an error wrapping the context's error once the context is
// done (past its deadline, or its client gone). The error names the operation, and errors.Is
// finds context.DeadlineExceeded or context.Canceled in it, which the API answers as TIMEOUT or
// CANCELLED. A Stopper is used by one goroutine.
type Stopper struct {
	ctx  context.Context
	op   string
	work int
}

// NewStopper returns a Stopper for one operation ("search", "careerPaths"…) of a request.
func NewStopper(ctx context.Context, op string) *Stopper {
	return &Stopper{ctx: ctx, op: op}
}

// Step counts n units of work and returns the context's error, wrapped, when a multiple of
// CheckEvery was crossed and the context is done; nil otherwise.
func (s *Stopper) Step(n int) error {
	s.work += n
	if s.work < CheckEvery {
		return nil
	}
	s.work = 0
	return s.Err()
}

// Err looks at the context now: nil while it runs, else its error wrapped with the operation.
func (s *Stopper) Err() error {
	select {
	case <-s.ctx.Done():
		return fmt.Errorf("%s stopped: %w", s.op, s.ctx.Err())
	default:
		return nil
	}
}
