package neo4jstore

import (
	"context"

	"github.com/careergraph/careergraph/career"
)

// Inferred moves are INFERRED relationships between professions, like the NEXT of the
// dataset's own moves: stamped with the load generation (so a reload replaces them and the
// stale links step removes what a new version no longer has), ordered by ord, their position in
// career.ServedInferredMoves, and carrying kind, score and basis.

// inferredStep is the load step of d's inferred moves; none when d has none.
func inferredStep(d *career.Dataset) []loadStep {
	moves := career.ServedInferredMoves(d)
	if len(moves) == 0 {
		return nil
	}
	rows := make([]map[string]any, len(moves))
	for i, m := range moves {
		rows[i] = map[string]any{"from": m.FromID, "to": m.ToID, "ord": i, "kind": string(m.Kind), "score": m.Score, "basis": m.Basis}
	}
	return []loadStep{{
		name: "inferred moves",
		cypher: "UNWIND $rows AS r MATCH (p:Profession {id: r.from}) MATCH (q:Profession {id: r.to}) " +
			"MERGE (p)-[e:INFERRED {ord: r.ord}]->(q) SET e.kind = r.kind, e.score = r.score, e.basis = r.basis, e.loadGen = $gen " +
			"RETURN count(*) AS n",
		rows:  rows,
		check: true,
	}}
}

// inferredCareersCypher returns, for each known profession of $ids, its inferred moves in
// order: the target's projection, the kind, score and basis.
var inferredCareersCypher = `UNWIND $ids AS id
MATCH (p:Profession {id: id})
RETURN id, COLLECT { MATCH (p)-[e:INFERRED]->(t:Profession) WITH e, t ORDER BY e.ord
  RETURN {t: t ` + projOf("Profession") + `, kind: e.kind, score: e.score, basis: e.basis} } AS ts`

// InferredCareers returns each profession's inferred moves, best score first.
func (s *Store) InferredCareers(ctx context.Context, ids []string) (map[string][]career.CareerMove, error) {
	out := make(map[string][]career.CareerMove, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	recs, err := s.read(ctx, "inferred careers", inferredCareersCypher, map[string]any{"ids": uniq(ids)})
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		w := row{r}
		id := w.str("id")
		moves := []career.CareerMove{}
		for _, x := range w.list("ts") {
			m, ok := x.(map[string]any)
			if !ok {
				continue
			}
			t, _ := m["t"].(map[string]any)
			moves = append(moves, career.CareerMove{Profession: toProfession(t), Kind: career.MoveKind(str(m, "kind")),
				Inference: inferenceOf(m["score"], m["basis"])})
		}
		out[id] = moves
	}
	return out, nil
}

// inferenceOf decodes an inferred move's score and basis.
func inferenceOf(score, basis any) *career.Inference {
	inf := &career.Inference{Basis: strOf(basis)}
	if f := floatOf(score); f != nil {
		inf.Score = *f
	}
	return inf
}

// InferredCareerPaths answers as CareerPaths, following inferred moves too.
func (s *Store) InferredCareerPaths(ctx context.Context, fromID, toID string, maxSteps, first int) ([][]*career.Profession, error) {
	return s.careerPaths(ctx, fromID, toID, maxSteps, first, true)
}

// InferredCareerProgression answers as CareerProgression, following inferred moves too.
func (s *Store) InferredCareerProgression(ctx context.Context, fromID string, maxSteps, first int) ([]career.CareerStep, error) {
	return s.careerProgression(ctx, fromID, maxSteps, first, true)
}
