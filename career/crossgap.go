package career

import (
	"context"
	"slices"
	"strings"
)

// SkillGapBasis says what a SkillGap compared.
type SkillGapBasis string

// The bases of a skill gap. Skills belong to one dataset, so only professions of one dataset
// share skills.
const (
	// BasisSameDataset: both professions are of one dataset; from's own skills were compared.
	BasisSameDataset SkillGapBasis = "SAME_DATASET"
	// BasisEquivalents: from's equivalents in to's dataset stood for from.
	BasisEquivalents SkillGapBasis = "EQUIVALENTS"
	// BasisNoCommonBasis: different datasets, and from has no equivalent in to's dataset.
	BasisNoCommonBasis SkillGapBasis = "NO_COMMON_BASIS"
)

// CrossSkillGap is the skill gap between professions of different datasets, read through the
// store's batch methods (so both backends answer it alike): the skills and tools required by
// from's equivalents in to's dataset count as held, and the gap says so (BasisEquivalents,
// ComparedThrough those equivalents, best first). When from has none there, nothing is held
// (BasisNoCommonBasis).
func CrossSkillGap(ctx context.Context, s Store, from, to *Profession) (*SkillGap, error) {
	eqs, err := s.Equivalents(ctx, []string{from.ID})
	if err != nil {
		return nil, err
	}
	var through []*Profession
	ids := []string{to.ID}
	for _, e := range EquivalentsIn(eqs[from.ID], to.Dataset) {
		through = append(through, e.Profession)
	}
	through = uniqueProfessions(through)
	for _, p := range through {
		ids = append(ids, p.ID)
	}
	reqs, err := s.Requirements(ctx, ids)
	if err != nil {
		return nil, err
	}
	tools, err := s.ToolsOf(ctx, ids)
	if err != nil {
		return nil, err
	}
	trainings, err := s.TrainingsOf(ctx, []string{to.ID})
	if err != nil {
		return nil, err
	}
	heldSkills, heldTools := map[string]bool{}, map[string]bool{}
	for _, p := range through {
		for _, r := range reqs[p.ID] {
			heldSkills[r.Skill.ID] = true
		}
		for _, t := range tools[p.ID] {
			heldTools[t.ID] = true
		}
	}
	held := make([]HeldRequirement, len(reqs[to.ID]))
	for i, r := range reqs[to.ID] {
		held[i] = HeldRequirement{Skill: r.Skill, Importance: r.Importance, Held: heldSkills[r.Skill.ID]}
	}
	heldT := make([]HeldTool, len(tools[to.ID]))
	for i, t := range tools[to.ID] {
		heldT[i] = HeldTool{Tool: t, Held: heldTools[t.ID]}
	}
	gap := NewSkillGap(from, to, held, heldT, trainings[to.ID])
	gap.Basis = BasisNoCommonBasis
	if len(through) > 0 {
		gap.Basis, gap.ComparedThrough = BasisEquivalents, through
	}
	return gap, nil
}

// uniqueProfessions keeps the first of each profession, in order: a profession linked twice
// (by two sources) stands for from once.
func uniqueProfessions(ps []*Profession) []*Profession {
	seen := map[string]bool{}
	out := []*Profession{}
	for _, p := range ps {
		if !seen[p.ID] {
			seen[p.ID] = true
			out = append(out, p)
		}
	}
	return out
}

// CrossDatasetMatch is the BAD_USER_INPUT error of a matchProfessions that asks for professions
// of one dataset with skills and tools of others only, which share nothing with them: skills and
// tools are compared within a dataset. It returns nil when a skill or tool of q.Dataset is given,
// when q.Dataset is "" or when an ID is malformed (the store reports it).
func CrossDatasetMatch(q MatchQuery) error {
	if q.Dataset == "" {
		return nil
	}
	var others []string
	for _, id := range append(slices.Clone(q.SkillIDs), q.ToolIDs...) {
		_, ds, _, err := ParseID(id)
		if err != nil || ds == q.Dataset {
			return nil
		}
		if !slices.Contains(others, ds) {
			others = append(others, ds)
		}
	}
	slices.Sort(others)
	return Errorf(EINVALID, "matchProfessions compares skills and tools within one dataset: none of the skills and tools given is of dataset %q (they are of %s); give skills of %s, or leave out dataset",
		q.Dataset, strings.Join(others, ", "), q.Dataset)
}
