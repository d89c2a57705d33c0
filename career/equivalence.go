package career

import (
	"cmp"
	"fmt"
	"slices"
)

// EquivalenceMatch says how two equivalent professions relate, as the source of the link says.
type EquivalenceMatch string

// The matches. NoMatch ("") is a link whose source does not say how the two relate.
const (
	NoMatch    EquivalenceMatch = ""
	MatchExact EquivalenceMatch = "EXACT"
	MatchClose EquivalenceMatch = "CLOSE"
	// MatchBroad: the other profession (the link's target) is broader.
	MatchBroad EquivalenceMatch = "BROAD"
	// MatchNarrow: the other profession (the link's target) is narrower.
	MatchNarrow EquivalenceMatch = "NARROW"
)

// Valid reports whether m is one of the matches or NoMatch.
func (m EquivalenceMatch) Valid() bool {
	switch m {
	case NoMatch, MatchExact, MatchClose, MatchBroad, MatchNarrow:
		return true
	}
	return false
}

// Reverse is the match read from the other end of the link: BROAD becomes NARROW and the
// reverse; the others are their own reverse.
func (m EquivalenceMatch) Reverse() EquivalenceMatch {
	switch m {
	case MatchBroad:
		return MatchNarrow
	case MatchNarrow:
		return MatchBroad
	}
	return m
}

// matchRank is the position of a match in the order of equivalents: EXACT, CLOSE, NARROW,
// BROAD, then links that do not say.
func (m EquivalenceMatch) matchRank() int {
	switch m {
	case MatchExact:
		return 0
	case MatchClose:
		return 1
	case MatchNarrow:
		return 2
	case MatchBroad:
		return 3
	}
	return 4
}

// The sources of equivalences that are not a crosswalk's name.
const (
	// SourceCurated marks links chosen by hand (the seed's), confidence 1.
	SourceCurated = "curated"
)

// Equivalence links a profession to the same or a close profession of another dataset, by ID:
// the dataset that declares it (FromID is one of its professions) carries it, and ToID may name
// a profession of a dataset that is not loaded, which is then not answered. Match says how
// ToID relates to FromID (MatchBroad: ToID is broader).
type Equivalence struct {
	FromID     string
	ToID       string
	Match      EquivalenceMatch
	Source     string
	Confidence float64
}

// Check reports what is wrong with an equivalence declared by dataset, or nil: FromID must be
// a profession of dataset, ToID a profession of another dataset, the match valid, the source
// given and the confidence in (0, 1].
func (e Equivalence) Check(dataset string) error {
	fk, fds, _, err := ParseID(e.FromID)
	if err != nil || fk != KindProfession || fds != dataset {
		return fmt.Errorf("equivalence from %q: want a profession of dataset %q", e.FromID, dataset)
	}
	tk, tds, _, err := ParseID(e.ToID)
	if err != nil || tk != KindProfession {
		return fmt.Errorf("equivalence %s -> %q: want a profession ID", e.FromID, e.ToID)
	}
	if tds == dataset {
		return fmt.Errorf("equivalence %s -> %s: both in dataset %q; equivalences link different datasets", e.FromID, e.ToID, dataset)
	}
	if !e.Match.Valid() {
		return fmt.Errorf("equivalence %s -> %s: unknown match %q", e.FromID, e.ToID, e.Match)
	}
	if e.Source == "" {
		return fmt.Errorf("equivalence %s -> %s: no source", e.FromID, e.ToID)
	}
	if !(e.Confidence > 0 && e.Confidence <= 1) {
		return fmt.Errorf("equivalence %s -> %s: confidence %v: want a number in (0, 1]", e.FromID, e.ToID, e.Confidence)
	}
	return nil
}

// Equivalent is one equivalent of a profession, as the API serves it: the other profession,
// and how it relates to the first (Match read from the first's side).
type Equivalent struct {
	Profession *Profession
	Match      EquivalenceMatch
	Source     string
	Confidence float64
}

// Seen returns the equivalent of the profession at end `fromSide` of e: from FromID, the link
// as declared; from ToID, its reverse (Match.Reverse()).
func (e Equivalence) Seen(fromSide bool, other *Profession) Equivalent {
	m := e.Match
	if !fromSide {
		m = m.Reverse()
	}
	return Equivalent{Profession: other, Match: m, Source: e.Source, Confidence: e.Confidence}
}

// CompareEquivalents is the order of a profession's equivalents, best first: confidence
// descending, then match (EXACT, CLOSE, NARROW, BROAD, none), then SortKey(name), then ID,
// then source.
func CompareEquivalents(a, b Equivalent) int {
	if a.Confidence != b.Confidence {
		if a.Confidence > b.Confidence {
			return -1
		}
		return 1
	}
	if c := cmp.Compare(a.Match.matchRank(), b.Match.matchRank()); c != 0 {
		return c
	}
	if c := CompareKeys(SortKey(a.Profession.Name), a.Profession.ID, SortKey(b.Profession.Name), b.Profession.ID); c != 0 {
		return c
	}
	return cmp.Compare(a.Source, b.Source)
}

// SortEquivalents sorts equivalents in the order of CompareEquivalents and drops repeats of
// the same (profession, match, source), which two datasets declaring the same link would give.
func SortEquivalents(eqs []Equivalent) []Equivalent {
	slices.SortFunc(eqs, CompareEquivalents)
	return slices.CompactFunc(eqs, func(a, b Equivalent) bool {
		return a.Profession.ID == b.Profession.ID && a.Match == b.Match && a.Source == b.Source && a.Confidence == b.Confidence
	})
}

// EquivalentsIn keeps the equivalents whose profession belongs to dataset ("" keeps all).
func EquivalentsIn(eqs []Equivalent, dataset string) []Equivalent {
	if dataset == "" {
		return eqs
	}
	out := []Equivalent{}
	for _, e := range eqs {
		if e.Profession.Dataset == dataset {
			out = append(out, e)
		}
	}
	return out
}

// SourceCount is the number of equivalences of one source.
type SourceCount struct {
	Source string
	Count  int
}

// CountSources counts equivalences by source, ordered by source.
func CountSources(sources []string) []SourceCount {
	counts := map[string]int{}
	for _, s := range sources {
		counts[s]++
	}
	out := make([]SourceCount, 0, len(counts))
	for s, n := range counts {
		out = append(out, SourceCount{Source: s, Count: n})
	}
	SortSourceCounts(out)
	return out
}

// SortSourceCounts orders counts by source.
func SortSourceCounts(counts []SourceCount) {
	slices.SortFunc(counts, func(a, b SourceCount) int { return cmp.Compare(a.Source, b.Source) })
}
