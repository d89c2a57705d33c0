package storetest

import (
	"context"
	"fmt"
	"testing"

	"github.com/careergraph/careergraph/career"
)

// IDs of the small ROME-like and ESCO-like datasets RunEquivalents loads beside the seed; the
// seed's curated equivalents name them.
const (
	romeWeb      = "profession:rome:M1855"
	romeSoftware = "profession:rome:M1861"
	escoWeb      = "profession:esco:c40a2919-48a9-40ea-b506-1f34f693496d"
	testSource   = "test: computed"
)

// EquivalenceDatasets returns two small datasets the seed's curated equivalents reach: "rome"
// with M1855 and M1861 (and their own links: M1855 to ESCO's web developer, M1861 to the seed's
// software developer, CLOSE, confidence 0.5), and "esco" with its web developer.
func EquivalenceDatasets() (rome, esco *career.Dataset) {
	rome = &career.Dataset{
		Info: career.DatasetInfo{Name: "rome", Title: "ROME (test)"},
		Professions: []career.Profession{
			{ID: romeWeb, Dataset: "rome", Code: "M1855", Name: "Développeur / Développeuse web", Language: "fr", Source: "rome"},
			{ID: romeSoftware, Dataset: "rome", Code: "M1861", Name: "Développeur / Développeuse logiciel ou d'application", Language: "fr", Source: "rome"},
		},
		Skills: []career.Skill{
			{ID: "skill:rome:html", Dataset: "rome", Code: "html", Name: "HTML", Kind: career.SkillKindSkill},
			{ID: "skill:rome:sql", Dataset: "rome", Code: "sql", Name: "SQL", Kind: career.SkillKindKnowledge},
		},
		Requirements: []career.Requirement{
			{ProfessionID: romeWeb, SkillID: "skill:rome:html", Importance: career.Essential},
			{ProfessionID: romeWeb, SkillID: "skill:rome:sql", Importance: career.Optional},
			{ProfessionID: romeSoftware, SkillID: "skill:rome:sql", Importance: career.Essential},
		},
		Equivalences: []career.Equivalence{
			{FromID: romeWeb, ToID: escoWeb, Match: career.MatchExact, Source: testSource, Confidence: 0.5},
			{FromID: romeSoftware, ToID: software, Match: career.MatchClose, Source: testSource, Confidence: 0.5},
		},
	}
	esco = &career.Dataset{
		Info: career.DatasetInfo{Name: "esco", Title: "ESCO (test)"},
		Professions: []career.Profession{
			{ID: escoWeb, Dataset: "esco", Code: "c40a2919-48a9-40ea-b506-1f34f693496d", Name: "développeur web/développeuse web", Language: "fr", Source: "esco"},
		},
	}
	return rome, esco
}

// describe writes equivalents as "ID MATCH source confidence".
func describe(eqs []career.Equivalent) []string {
	out := []string{}
	for _, e := range eqs {
		out = append(out, fmt.Sprintf("%s %s %s %v", e.Profession.ID, e.Match, e.Source, e.Confidence))
	}
	return out
}

// RunEquivalents is the conformance suite of equivalences: symmetric reads, their order, links
// to datasets not loaded, their counts, and skill gaps across datasets.
func RunEquivalents(t *testing.T, seedDataset *career.Dataset, open Open) {
	ctx := context.Background()
	rome, esco := EquivalenceDatasets()

	t.Run("seed and rome: symmetric, best first, links to esco not answered", func(t *testing.T) {
		s := open(t, seedDataset, rome)
		got := must(s.Equivalents(ctx, []string{romeWeb, romeSoftware, software, manager, "profession:seed:nope"}))(t)
		equal(t, "M1855", describe(got[romeWeb]), []string{
			web + " EXACT curated 1",
			backEnd + " NARROW curated 1", // the seed says BROAD: read from M1855, NARROW
			frontEnd + " NARROW curated 1",
		})
		equal(t, "M1861", describe(got[romeSoftware]), []string{
			software + " EXACT curated 1",
			mobile + " NARROW curated 1",
			software + " CLOSE test: computed 0.5",
		})
		equal(t, "software developer", describe(got[software]), []string{
			romeSoftware + " EXACT curated 1",
			romeSoftware + " CLOSE test: computed 0.5",
		})
		// The project lead's ROME fiche (M1853), ESCO and O*NET professions are not loaded.
		equal(t, "absent", []bool{got[manager] == nil, got["profession:seed:nope"] == nil}, []bool{true, true})
		equal(t, "front end", describe(must(s.Equivalents(ctx, []string{frontEnd}))(t)[frontEnd]), []string{romeWeb + " BROAD curated 1"})

		st := must(s.Stats(ctx, ""))(t)
		equal(t, "stats", []any{st.Equivalences, st.EquivalencesBySource}, []any{6, []career.SourceCount{{Source: "curated", Count: 5}, {Source: testSource, Count: 1}}})
		st = must(s.Stats(ctx, "rome"))(t)
		equal(t, "stats(rome)", st.Equivalences, 6)
	})

	t.Run("esco loaded later: the links to it are answered", func(t *testing.T) {
		s := open(t, seedDataset, rome, esco)
		got := must(s.Equivalents(ctx, []string{escoWeb, romeWeb}))(t)
		equal(t, "esco web developer", describe(got[escoWeb]), []string{
			web + " EXACT curated 1",
			backEnd + " NARROW curated 1",
			frontEnd + " NARROW curated 1",
			romeWeb + " EXACT test: computed 0.5",
		})
		equal(t, "M1855", describe(got[romeWeb]), []string{
			web + " EXACT curated 1",
			backEnd + " NARROW curated 1",
			frontEnd + " NARROW curated 1",
			escoWeb + " EXACT test: computed 0.5",
		})
		st := must(s.Stats(ctx, "esco"))(t)
		equal(t, "stats(esco)", []any{st.Equivalences, st.EquivalencesBySource}, []any{4, []career.SourceCount{{Source: "curated", Count: 3}, {Source: testSource, Count: 1}}})
	})

	t.Run("skill gap across datasets: through from's equivalents", func(t *testing.T) {
		s := open(t, seedDataset, rome)
		ps := must(s.ProfessionsByID(ctx, []string{software, manager, romeWeb}))(t)
		gap := must(career.CrossSkillGap(ctx, s, ps[software], ps[romeWeb]))(t)
		equal(t, "through M1861", []any{gap.Basis, codes(gap.ComparedThrough), codes(gap.Shared), gap.Coverage, len(gap.Missing), gap.Missing[0].Skill.Code},
			[]any{career.BasisEquivalents, []string{"M1861"}, []string{"sql"}, 0.0, 1, "html"})
		gap = must(career.CrossSkillGap(ctx, s, ps[manager], ps[romeWeb]))(t)
		equal(t, "no common basis", []any{gap.Basis, codes(gap.ComparedThrough), codes(gap.Shared), gap.Coverage, len(gap.Missing)},
			[]any{career.BasisNoCommonBasis, []string{}, []string{}, 0.0, 2})
		same := must(s.SkillGap(ctx, software, backEnd))(t)
		equal(t, "same dataset", []any{same.Basis, len(same.ComparedThrough)}, []any{career.BasisSameDataset, 0})
	})
}
