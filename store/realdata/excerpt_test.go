package realdata_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/internal/datafiles"
	"github.com/careergraph/careergraph/internal/testbackend"
)

// readExcerpts reads the seed and the committed excerpts of the three taxonomies.
func readExcerpts(t *testing.T) []*career.Dataset {
	t.Helper()
	ds := []*career.Dataset{testbackend.Seed(t)}
	for _, r := range readers {
		d, _, err := r.read(datafiles.Excerpt(t, r.name))
		if err != nil {
			t.Fatalf("read the %s excerpt: %v", r.name, err)
		}
		ds = append(ds, d)
	}
	return ds
}

// TestExcerpts loads the seed and the excerpts of ROME, ESCO and O*NET into every backend,
// checks values counted in the excerpts' raw files, and compares the backends answer for
// answer. It runs on every checkout: the excerpts are committed.
func TestExcerpts(t *testing.T) {
	ds := readExcerpts(t)
	checkDistinctNames(t, ds)
	backends := testbackend.Open(t, ds...)
	ctx := context.Background()
	for _, b := range backends {
		t.Run(b.Name, func(t *testing.T) { checkExcerptValues(t, ctx, b.Store) })
	}
	if len(backends) == 2 {
		t.Run("memory and neo4j answer alike", func(t *testing.T) { compareBackends(t, ctx, ds, backends[0].Store, backends[1].Store) })
	}
}

// checkExcerptValues asserts values counted in, or read from, the excerpts' raw files.
func checkExcerptValues(t *testing.T, ctx context.Context, s career.Store) {
	checkMatchScores(t, ctx, s, []string{
		"866c7813-2c03-47d7-9bdc-192cfbace57c 0.614706 used 0.80 coverage 0.058824 4 94", // développeur d’interface utilisateur
		"c40a2919-48a9-40ea-b506-1f34f693496d 0.611905 used 0.80 coverage 0.047619 4 94", // développeur web: 1 of 21 essential
		"96e20037-0a25-4bf6-a25e-808d1605d890 0.459615 used 0.60 coverage 0.038462 3 89", // concepteur d’interface utilisateur
	})
	t.Run("stats per dataset", func(t *testing.T) {
		for name, want := range map[string]career.Stats{
			// The seed's curated equivalents whose targets the excerpts hold: ROME M1855 (3 cards),
			// M1818 and M1803; ESCO 2513.5 (3 cards), 2512.5, 2512.4 and 2514.2.2; O*NET 15-1254.00
			// (3 cards). These readers read ESCO without the crosswalk.
			// Interests: the fiches of unix_referentiel_code_rome_riasec, the occupations with a
			// first high-point in Interests.txt; work contexts: the bloc-6 rows of
			// unix_liens_rome_referentiels; texts: ESCO's English texts of its 21 occupations and
			// of its 686 skills with a French name.
			// Skill graph: ROME's 144 macro-compétences and the 341 compétences whose macro-compétence
			// is in the excerpt; ESCO's 690 skills + 280 groups.
			"seed": {Professions: 8, Skills: 35, Tools: 19, Trainings: 7, CareerMoves: 21, Equivalences: 14, EquivalencesBySource: curated(14)},
			"rome": {Professions: 33, Skills: 1312, Tools: 89, Trainings: 33, CareerMoves: 65, SkillGroups: 144, SkillBroaderLinks: 341, OccupationGroups: 22, Equivalences: 5, EquivalencesBySource: curated(5), Interests: 33, WorkContexts: 252},
			"esco": {Professions: 21, Skills: 970, SkillGroups: 280, SkillBroaderLinks: 1103, SkillRelations: 130, OccupationGroups: 31, Equivalences: 6, EquivalencesBySource: curated(6), Texts: 707},
			"onet": {Professions: 23, Skills: 68, Tools: 1563, Trainings: 12, CareerMoves: 58, OccupationGroups: 10, Equivalences: 3, EquivalencesBySource: curated(3), Interests: 23},
		} {
			got, err := s.Stats(ctx, name)
			if err != nil {
				t.Fatal(err)
			}
			equal(t, name, *got, want)
		}
		all, err := s.Stats(ctx, "")
		if err != nil {
			t.Fatal(err)
		}
		equal(t, "all", *all, career.Stats{Professions: 85, Skills: 2385, Tools: 1671, Trainings: 52, CareerMoves: 144, OccupationGroups: 63, SkillGroups: 424, SkillBroaderLinks: 1444, SkillRelations: 130,
			Equivalences: 14, EquivalencesBySource: curated(14), Interests: 56, WorkContexts: 252, Texts: 707})
		ds, err := s.Datasets(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, d := range ds {
			names = append(names, fmt.Sprintf("%s %s %d", d.Name, d.Version, d.Professions))
		}
		equal(t, "datasets", names, []string{"esco 1.1.1 21", "onet 29.3 23", "rome 460 33", "seed 1 8"})
	})

	t.Run("ROME M1805: its whole mobility rubric, essential skills first", func(t *testing.T) {
		const id = "profession:rome:M1805"
		next, err := s.NextCareers(ctx, []string{id})
		if err != nil {
			t.Fatal(err)
		}
		var codes []string
		for _, m := range next[id] {
			codes = append(codes, m.Profession.Code)
		}
		equal(t, "nextCareers", codes, []string{"M1802", "M1803", "M1810", "M1812", "M1818", "M1824", "M1831", "M1832", "M1842", "E1206"})
		reqs, err := s.Requirements(ctx, []string{id})
		if err != nil {
			t.Fatal(err)
		}
		var importances []career.Importance
		for _, r := range reqs[id] {
			importances = append(importances, r.Importance)
		}
		want := make([]career.Importance, 51) // 10 essential, then 41 optional
		for i := range want {
			want[i] = career.Optional
			if i < 10 {
				want[i] = career.Essential
			}
		}
		equal(t, "importances", importances, want)
		p, err := s.ProfessionByCode(ctx, "rome", "M1805")
		if err != nil {
			t.Fatal(err)
		}
		equal(t, "name", p.Name, "Développeur / Développeuse informatique")
	})

	t.Run("ESCO web developer: its occupationSkillRelations", func(t *testing.T) {
		const id = "profession:esco:c40a2919-48a9-40ea-b506-1f34f693496d"
		reqs, err := s.Requirements(ctx, []string{id})
		if err != nil {
			t.Fatal(err)
		}
		essential := 0
		for _, r := range reqs[id] {
			if r.Importance == career.Essential {
				essential++
			}
		}
		equal(t, "essential/optional", []int{essential, len(reqs[id]) - essential}, []int{21, 77})
		spec, err := s.Specializations(ctx, []string{"profession:esco:106f79e4-6264-45f1-9e7a-297435cd684b"})
		if err != nil {
			t.Fatal(err)
		}
		equal(t, "software tester's specializations", len(spec["profession:esco:106f79e4-6264-45f1-9e7a-297435cd684b"]), 5)
	})

	t.Run("O*NET 15-1254.00: the related occupations of the excerpt and Core tasks", func(t *testing.T) {
		const id = "profession:onet:15-1254.00"
		next, err := s.NextCareers(ctx, []string{id})
		if err != nil {
			t.Fatal(err)
		}
		var codes []string
		for _, m := range next[id] {
			codes = append(codes, m.Profession.Code)
		}
		equal(t, "related occupations", codes, []string{"15-1255.00", "15-1299.01", "13-1161.01", "15-1299.07", "15-1243.01",
			"15-1299.03", "15-1231.00", "43-9031.00", "15-1299.05", "17-2061.00"})
		ps, err := s.ProfessionsByID(ctx, []string{id})
		if err != nil {
			t.Fatal(err)
		}
		equal(t, "name and tasks", []any{ps[id].Name, len(ps[id].Tasks)}, []any{"Web Developers", 29})
	})

	t.Run("search on real French data", func(t *testing.T) {
		hits, err := s.Search(ctx, career.SearchQuery{Text: "boulangère", Dataset: "rome", First: 3})
		if err != nil {
			t.Fatal(err)
		}
		equal(t, "boulangère", hits[0].Node.(*career.Profession).Name, "Boulanger / Boulangère")
		hits, err = s.Search(ctx, career.SearchQuery{Text: "dévelop", Dataset: "rome", Kinds: []career.Kind{career.KindProfession}, First: 5})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, h := range hits {
			got = append(got, h.Node.(*career.Profession).Name)
		}
		equal(t, "dévelop", got, []string{"Développeur / Développeuse informatique", "Développeur / Développeuse web",
			"Chargé / Chargée de développement économique et local", "Développeur / Développeuse - jeux vidéo",
			"Développeur / Développeuse décisionnel - Business Intelligence"})
	})
}

// curated is the count by source of n curated equivalences.
func curated(n int) []career.SourceCount {
	return []career.SourceCount{{Source: career.SourceCurated, Count: n}}
}
