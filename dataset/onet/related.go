package onet

import (
	"fmt"

	"github.com/careergraph/careergraph/career"
)

// ReadMoves reads only the career moves of the O*NET export in dir (Occupation Data.txt, Job
// Zones.txt and Related Occupations.txt), by the same rules as Read: each occupation's related
// occupations by Index, PROGRESSION to a higher Job Zone. For a dataset that borrows them
// through a crosswalk (ESCO's inferred moves). Malformed files fail with a *dataset.ParseError.
func ReadMoves(dir string) ([]career.Move, error) {
	r := &reader{dir: dir, d: &career.Dataset{}, profIdx: make(map[string]int, 1100)}
	for _, step := range []func() error{r.readOccupations, r.readJobZones, r.readRelated} {
		if err := step(); err != nil {
			return nil, fmt.Errorf("read O*NET related occupations from %s: %w", dir, err)
		}
	}
	for p := range r.d.Professions {
		r.assembleMoves(p)
	}
	return r.d.Moves, nil
}
