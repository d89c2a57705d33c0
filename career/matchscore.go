package career

import "slices"

// This file holds the scores of matchProfessions, which both stores answer with: a store counts,
// for each profession linked to a given skill or tool, the MatchCounts below, and these
// functions turn them into the scores and the order of the answer.

// The weights of a match's score (MatchCounts.Score): three quarters for the share of the
// person's skills and tools the profession uses, one quarter for the share of its essential
// skills the person has. What someone knows counts most: a person naming five skills cannot
// meet most of the fifty skills a profession lists, and reads a profession that uses four of
// them as a good match.
const (
	MatchWeightUsed     = 0.75
	MatchWeightCoverage = 0.25
)

// MatchCounts is what a store counts of one profession compared with the skills and tools a
// person has. Every count is of distinct skills and tools.
type MatchCounts struct {
	// Given is the number of the person's skills and tools that belong to the profession's
	// dataset (the others cannot match: datasets share no skills).
	Given int
	// Used is the number of the person's skills and tools the profession requires or uses.
	Used int
	// Required and Essential are the numbers of the profession's required skills and of those
	// that are ESSENTIAL; Held and EssentialHeld how many of them the person has.
	Required, Held           int
	Essential, EssentialHeld int
}

// SkillsUsed is the share of the person's skills and tools (of the profession's dataset) that the
// profession requires or uses, 0..1; 0 when none is given.
func (c MatchCounts) SkillsUsed() float64 { return share(c.Used, c.Given) }

// EssentialCoverage is the share of the profession's essential skills the person has, 0..1;
// for a profession that marks none essential, the share of all its required skills; 0 for one
// that requires none.
func (c MatchCounts) EssentialCoverage() float64 {
	if c.Essential == 0 {
		return share(c.Held, c.Required)
	}
	return share(c.EssentialHeld, c.Essential)
}

// Score is the match's score, 0..1: MatchWeightUsed × SkillsUsed + MatchWeightCoverage ×
// EssentialCoverage.
func (c MatchCounts) Score() float64 {
	return MatchWeightUsed*c.SkillsUsed() + MatchWeightCoverage*c.EssentialCoverage()
}

func share(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return float64(n) / float64(of)
}

// GivenPerDataset counts the distinct skill and tool IDs given per dataset (the middle part of
// each ID), for MatchCounts.Given. Malformed IDs are not counted (the store reports them).
func GivenPerDataset(skillIDs, toolIDs []string) map[string]int {
	seen := make(map[string]bool, len(skillIDs)+len(toolIDs))
	out := map[string]int{}
	for _, id := range slices.Concat(skillIDs, toolIDs) {
		if seen[id] {
			continue
		}
		seen[id] = true
		if _, ds, _, err := ParseID(id); err == nil {
			out[ds]++
		}
	}
	return out
}

// MatchCandidate is a profession a store found linked to a given skill or tool, with its counts.
type MatchCandidate[T any] struct {
	Item    T // the store's own handle of the profession
	SortKey string
	ID      string
	Counts  MatchCounts
}

// RankMatches keeps the candidates that score above 0, sorts them by Score (then CompareKeys)
// and returns the first of them.
func RankMatches[T any](candidates []MatchCandidate[T], first int) []MatchCandidate[T] {
	kept := make([]MatchCandidate[T], 0, len(candidates))
	for _, c := range candidates {
		if c.Counts.Score() > 0 {
			kept = append(kept, c)
		}
	}
	SortRanked(kept, func(c MatchCandidate[T]) Ranked {
		return Ranked{Score: c.Counts.Score(), SortKey: c.SortKey, ID: c.ID}
	})
	return kept[:min(max(first, 0), len(kept))]
}

// NewProfessionMatch builds the answer for one ranked candidate: its scores, and its required
// skills (in its order, each marked held or not) split by SplitRequirements.
func NewProfessionMatch(p *Profession, c MatchCounts, reqs []HeldRequirement) ProfessionMatch {
	used, coverage := c.SkillsUsed(), c.EssentialCoverage()
	m := ProfessionMatch{Profession: p, Score: c.Score(), SkillsUsed: &used, EssentialCoverage: &coverage}
	m.Matched, m.Missing = SplitRequirements(reqs)
	return m
}
