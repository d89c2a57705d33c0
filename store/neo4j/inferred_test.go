package neo4jstore_test

import (
	"context"
	"testing"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/internal/testbackend"
	"github.com/careergraph/careergraph/store/storetest"
)

// TestInferredMovesReload checks that a load replaces a dataset's inferred moves (a version
// without them has none left) and that a failed load leaves them as they were.
func TestInferredMovesReload(t *testing.T) {
	s := testbackend.OpenNeo4j(t)
	ctx := context.Background()
	seed := testbackend.Seed(t)
	withMoves := storetest.WithInferredMoves(seed)
	director := "profession:seed:directeur-technique-informatique"
	inferred := func(t *testing.T) (int, int) {
		t.Helper()
		st, err := s.Stats(ctx, "seed")
		if err != nil {
			t.Fatal(err)
		}
		m, err := s.InferredCareers(ctx, []string{director})
		if err != nil {
			t.Fatal(err)
		}
		return st.InferredMoves, len(m[director])
	}
	testbackend.LoadNeo4j(t, s, withMoves)
	if n, d := inferred(t); n != 3 || d != 2 {
		t.Fatalf("loaded: %d inferred moves, %d out of the director; want 3 and 2", n, d)
	}

	broken := storetest.WithInferredMoves(seed)
	broken.InferredMoves = broken.InferredMoves[:2]
	broken.Moves = append(append([]career.Move{}, seed.Moves...), career.Move{FromID: director, ToID: "profession:seed:nope", Kind: career.MoveLateral})
	if err := s.Load(ctx, broken); err == nil {
		t.Fatal("a load with a move to an unknown profession succeeded")
	}
	if n, d := inferred(t); n != 3 || d != 2 {
		t.Errorf("after a failed load: %d inferred moves, %d out of the director; want 3 and 2", n, d)
	}

	if err := s.Load(ctx, seed); err != nil {
		t.Fatal(err)
	}
	if n, d := inferred(t); n != 0 || d != 0 {
		t.Errorf("reloaded without inferred moves: %d, %d out of the director; want 0 and 0", n, d)
	}
}
