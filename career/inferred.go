package career

import (
	"cmp"
	"slices"
)

// InferredMove is a career move the service infers from what the datasets hold (shared skills,
// tools, titles, groups, interests, the moves of similar professions, related occupations reached
// through a crosswalk), as opposed to a Move the dataset itself declares. Inferred moves are
// computed when a dataset is read (package infer), stored with it, and served after the
// dataset's own moves, best score first.
type InferredMove struct {
	FromID string
	ToID   string
	Kind   MoveKind
	// Score is the move's strength, 0..1, comparable across the moves of one profession.
	Score float64
	// Basis says, for a person, why the move is suggested, e.g. "O*NET related occupation, via
	// the ESCO-O*NET crosswalk" or "shares 12 of its 15 essential skills".
	Basis string
}

// Inference is what an inferred move carries beside its target and kind: its score and basis.
// A CareerMove of the dataset's own has none.
type Inference struct {
	// Score is the move's strength, 0..1 (InferredMove.Score).
	Score float64
	// Basis says why the move is suggested (InferredMove.Basis).
	Basis string
}

// ServedInferredMoves returns the inferred moves of d that stores serve, grouped by profession
// in the order of d.InferredMoves, each profession's best score first (ties keep d's order):
// moves between professions of d, none from a profession to itself, none to a profession that
// one of d's own moves from the same profession already leads to, and each (from, to) once
// (its first). Both stores load what it returns, in its order.
func ServedInferredMoves(d *Dataset) []InferredMove {
	if len(d.InferredMoves) == 0 {
		return nil
	}
	known := make(map[string]bool, len(d.Professions))
	for _, p := range d.Professions {
		known[p.ID] = true
	}
	type pair struct{ from, to string }
	seen := make(map[pair]bool, len(d.Moves)+len(d.InferredMoves))
	for _, m := range d.Moves {
		seen[pair{m.FromID, m.ToID}] = true
	}
	byFrom := map[string][]InferredMove{}
	var order []string
	for _, m := range d.InferredMoves {
		p := pair{m.FromID, m.ToID}
		if !known[m.FromID] || !known[m.ToID] || m.FromID == m.ToID || seen[p] {
			continue
		}
		seen[p] = true
		if _, ok := byFrom[m.FromID]; !ok {
			order = append(order, m.FromID)
		}
		byFrom[m.FromID] = append(byFrom[m.FromID], m)
	}
	out := make([]InferredMove, 0, len(d.InferredMoves))
	for _, from := range order {
		moves := byFrom[from]
		slices.SortStableFunc(moves, func(a, b InferredMove) int { return cmp.Compare(b.Score, a.Score) })
		out = append(out, moves...)
	}
	return out
}

// Inferred reports whether m is an inferred move.
func (m CareerMove) Inferred() bool { return m.Inference != nil }

// Score returns an inferred move's score; nil for the dataset's own moves.
func (m CareerMove) Score() *float64 {
	if m.Inference == nil {
		return nil
	}
	return &m.Inference.Score
}

// Basis returns why an inferred move is suggested; nil for the dataset's own moves.
func (m CareerMove) Basis() *string {
	if m.Inference == nil {
		return nil
	}
	return &m.Inference.Basis
}
