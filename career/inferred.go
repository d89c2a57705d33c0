package career

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
