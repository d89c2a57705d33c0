package memory

import (
	"context"

	"github.com/careergraph/careergraph/career"
)

// addInferred indexes the inferred moves of one dataset (career.ServedInferredMoves), after
// its own moves.
func (g *graph) addInferred(d *career.Dataset, di *datasetIndex) {
	for _, m := range career.ServedInferredMoves(d) {
		from, to := g.professions[m.FromID], g.professions[m.ToID]
		inf := &career.Inference{Score: m.Score, Basis: m.Basis}
		from.inferred = append(from.inferred, moveEdge{profession: to, kind: m.Kind, inference: inf})
		to.inferredPrevious = append(to.inferredPrevious, moveEdge{profession: from, kind: m.Kind, inference: inf})
		di.stats.InferredMoves++
	}
}

// finishInferred orders the targets the traversals follow with inferred moves: those of next
// and inferred, by key.
func (n *professionNode) finishInferred(key func(*professionNode) (string, string)) {
	if len(n.inferred) == 0 {
		n.withInferred = n.nextSorted
		return
	}
	n.withInferred = make([]*professionNode, 0, len(n.next)+len(n.inferred))
	for _, m := range n.next {
		n.withInferred = append(n.withInferred, m.profession)
	}
	for _, m := range n.inferred {
		n.withInferred = append(n.withInferred, m.profession)
	}
	career.SortByKeys(n.withInferred, key)
}

// successors returns the targets a traversal follows out of n, by (sortKey, ID): those of its
// own moves, and with inferred those of its inferred moves too.
func (n *professionNode) successors(inferred bool) []*professionNode {
	if inferred {
		return n.withInferred
	}
	return n.nextSorted
}

// InferredCareers returns each profession's inferred moves, best score first.
func (s *Store) InferredCareers(ctx context.Context, ids []string) (map[string][]career.CareerMove, error) {
	out := make(map[string][]career.CareerMove, len(ids))
	eachProfession(s.graph(), ids, func(id string, n *professionNode) {
		out[id] = movesOf(n.inferred)
	})
	return out, nil
}

// InferredCareerPaths answers as CareerPaths, following inferred moves too.
func (s *Store) InferredCareerPaths(ctx context.Context, fromID, toID string, maxSteps, first int) ([][]*career.Profession, error) {
	return s.careerPaths(ctx, fromID, toID, maxSteps, first, true)
}

// InferredCareerProgression answers as CareerProgression, following inferred moves too.
func (s *Store) InferredCareerProgression(ctx context.Context, fromID string, maxSteps, first int) ([]career.CareerStep, error) {
	return s.careerProgression(ctx, fromID, maxSteps, first, true)
}
