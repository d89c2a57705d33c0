package career_test

import (
	"context"
	"errors"
	"slices"
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

func TestTextIndexMatchContext(t *testing.T) {
	x, texts := romeIndex(t)
	t.Run("stops when the request is over", func(t *testing.T) {
		hits, err := x.MatchContext(expired(t), "d")
		if hits != nil || !errors.Is(err, context.DeadlineExceeded) || err.Error() != "search stopped: context deadline exceeded" {
			t.Errorf("got %d hits, %v; want none and search stopped: context deadline exceeded", len(hits), err)
		}
	})
	// A word repeated, or a prefix of another word of the query, adds nothing to the
	// candidates: the index skips it, and the scores stay MatchText's.
	for _, tc := range []struct {
		query, sameCandidatesAs string
		wantHits                int
	}{
		{"d d d d d d d d d d d d d d d d d d d d", "d", 8214},
		{"d dé dév dévelop développeuse", "développeuse", 36},
		{"agent a ag d'entretien e", "agent entretien", 36},
		{"chef c cheffe projet p", "cheffe projet", 64},
	} {
		t.Run(tc.query, func(t *testing.T) {
			if got, want := x.Candidates(tc.query), x.Candidates(tc.sameCandidatesAs); !slices.Equal(got, want) {
				t.Errorf("Candidates(%q): %d nodes, want those of %q: %d", tc.query, len(got), tc.sameCandidatesAs, len(want))
			}
			hits, err := x.MatchContext(context.Background(), tc.query)
			if err != nil || len(hits) != tc.wantHits {
				t.Fatalf("MatchContext(%q): %d hits, %v; want %d", tc.query, len(hits), err, tc.wantHits)
			}
			q, _ := career.ParseTextQuery(tc.query)
			for _, h := range hits {
				if s, ok := q.Match(career.PrepareTexts(texts[h.ID])); !ok || s != h.Score {
					t.Errorf("%s scores %v, MatchText %v %v", h.ID, h.Score, s, ok)
				}
			}
			matched := 0
			for _, tx := range texts {
				if _, ok := q.Match(career.PrepareTexts(tx)); ok {
					matched++
				}
			}
			if matched != tc.wantHits {
				t.Errorf("MatchText accepts %d names, want %d", matched, tc.wantHits)
			}
		})
	}
}
