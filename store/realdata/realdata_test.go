// Package realdata_test loads the real taxonomies (ROME 4.0, ESCO v1.1.1, O*NET 29.3) with the
// seed into every backend, checks exact values taken from the raw files, and compares the
// backends answer for answer on a sample of professions.
package realdata_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/dataset"
	"github.com/careergraph/careergraph/dataset/esco"
	"github.com/careergraph/careergraph/dataset/onet"
	"github.com/careergraph/careergraph/dataset/rome"
	"github.com/careergraph/careergraph/internal/datafiles"
	"github.com/careergraph/careergraph/internal/testbackend"
	"github.com/careergraph/careergraph/store/memory"
)

var (
	readOnce sync.Once
	datasets []*career.Dataset
	readErr  error
)

// readers are the readers of the three taxonomies, by the name of their folder.
var readers = []struct {
	name string
	read func(string) (*career.Dataset, []dataset.Warning, error)
}{{"rome", rome.Read}, {"esco", esco.Read}, {"onet", onet.Read}}

// readAll reads the seed and the three taxonomies once per test binary.
func readAll(t testing.TB) []*career.Dataset {
	t.Helper()
	dirs := make([]string, len(readers))
	for i, r := range readers {
		dirs[i] = datafiles.Full(t, r.name)
	}
	readOnce.Do(func() {
		datasets = []*career.Dataset{testbackend.Seed(t)}
		for i, r := range readers {
			name := r.name
			d, _, err := r.read(dirs[i])
			if err != nil {
				readErr = fmt.Errorf("read %s: %w", name, err)
				return
			}
			datasets = append(datasets, d)
		}
	})
	if readErr != nil {
		t.Fatal(readErr)
	}
	return datasets
}

func TestRealData(t *testing.T) {
	checkDistinctNames(t, readAll(t))
	start := time.Now()
	backends := testbackend.Open(t, readAll(t)...)
	t.Logf("loaded %d datasets into %d backends in %s", len(datasets), len(backends), time.Since(start).Round(time.Millisecond))
	ctx := context.Background()
	for _, b := range backends {
		t.Run(b.Name, func(t *testing.T) { checkExactValues(t, ctx, b.Store) })
		t.Run(b.Name+"/search quality", func(t *testing.T) { checkSearchQuality(t, ctx, b.Store) })
	}
	if len(backends) == 2 {
		t.Run("memory and neo4j answer alike", func(t *testing.T) { compareBackends(t, ctx, datasets, backends[0].Store, backends[1].Store) })
		t.Run("memory and neo4j search alike", func(t *testing.T) { compareSearchQuality(t, ctx, backends[0].Store, backends[1].Store) })
	}
}

// checkExactValues asserts values counted in, or read from, the raw files.
func checkExactValues(t *testing.T, ctx context.Context, s career.Store) {
	checkMatchScores(t, ctx, s, []string{
		"d5a43cd3-230e-46d0-ba05-d67d61e5cfbb 0.615625 used 0.80 coverage 0.062500 4 89", // concepteur de médias numériques
		"866c7813-2c03-47d7-9bdc-192cfbace57c 0.614706 used 0.80 coverage 0.058824 4 94", // développeur d’interface utilisateur
		"dc8ef7da-d2c0-4474-96a0-6d0385eeec1e 0.614706 used 0.80 coverage 0.058824 4 82", // webmestre
		"c40a2919-48a9-40ea-b506-1f34f693496d 0.611905 used 0.80 coverage 0.047619 4 94", // développeur web: 1 of 21 essential
		"d68ff35f-e34d-4e32-88ab-d6c06a6c25b9 0.464706 used 0.60 coverage 0.058824 3 91", // concepteur de jeux numériques
	})
	t.Run("stats per dataset", func(t *testing.T) {
		for name, want := range map[string]career.Stats{
			// The seed's 25 curated equivalents all reach the full data: 8 ROME fiches, 9 ESCO
			// occupations and 8 O*NET occupations (seed/README.md, "Equivalents").
			// Interests: every fiche of unix_referentiel_code_rome_riasec, the 923 occupations of
			// Interests.txt; work contexts: the bloc-6 rows of unix_liens_rome_referentiels;
			// texts: ESCO's English texts of its 3,007 occupations and 13,695 skills with a
			// French name. Groups: see groups_test.go. Skill graph:
			// ESCO's 13,896 skills + 640 groups; 20,656 broader rows - 7 naming a concept in neither file.
			"seed": {Professions: 8, Skills: 35, Tools: 19, Trainings: 7, CareerMoves: 21, Equivalences: 25, EquivalencesBySource: curated(25)},
			"rome": {Professions: 1584, Skills: 31939, Tools: 1732, Trainings: 1584, CareerMoves: 14912, SkillGroups: 507, SkillBroaderLinks: 17810, OccupationGroups: 124, Equivalences: 8, EquivalencesBySource: curated(8), Interests: 1584, WorkContexts: 13663},
			"esco": {Professions: 3007, Skills: 14536, SkillGroups: 640, SkillBroaderLinks: 20649, SkillRelations: 5899, OccupationGroups: 619, Equivalences: 9, EquivalencesBySource: curated(9), Texts: 16702},
			"onet": {Professions: 1016, Skills: 68, Tools: 26818, Trainings: 12, CareerMoves: 18460, OccupationGroups: 23, Equivalences: 8, EquivalencesBySource: curated(8), Interests: 923},
		} {
			got, err := s.Stats(ctx, name)
			if err != nil {
				t.Fatal(err)
			}
			equal(t, name, *got, want)
		}
		all, _ := s.Stats(ctx, "")
		equal(t, "all", *all, career.Stats{Professions: 5615, Skills: 46578, Tools: 28569, Trainings: 1603, CareerMoves: 33393, OccupationGroups: 766, SkillGroups: 1147, SkillBroaderLinks: 38459, SkillRelations: 5899,
			Equivalences: 25, EquivalencesBySource: curated(25), Interests: 2507, WorkContexts: 13663, Texts: 16702})
		ds, _ := s.Datasets(ctx)
		var names []string
		for _, d := range ds {
			names = append(names, fmt.Sprintf("%s %s %d", d.Name, d.Version, d.Professions))
		}
		equal(t, "datasets", names, []string{"esco 1.1.1 3007", "onet 29.3 1016", "rome 460 1584", "seed 1 8"})
	})

	t.Run("ROME M1805: mobility in numero_ordre order, essential skills first", func(t *testing.T) {
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
		reqs, _ := s.Requirements(ctx, []string{id})
		essential, optional := 0, 0
		for i, r := range reqs[id] {
			if r.Importance == career.Essential {
				essential++
				if i >= 10 {
					t.Errorf("essential skill %q after an optional one", r.Skill.Name)
				}
			} else {
				optional++
			}
		}
		equal(t, "essential/optional", []int{essential, optional}, []int{10, 41})
		p, _ := s.ProfessionByCode(ctx, "rome", "M1805")
		equal(t, "name", p.Name, "Développeur / Développeuse informatique")
	})

	t.Run("ESCO web developer: its occupationSkillRelations", func(t *testing.T) {
		const id = "profession:esco:c40a2919-48a9-40ea-b506-1f34f693496d"
		reqs, _ := s.Requirements(ctx, []string{id})
		essential := 0
		for _, r := range reqs[id] {
			if r.Importance == career.Essential {
				essential++
			}
		}
		equal(t, "essential/optional", []int{essential, len(reqs[id]) - essential}, []int{21, 77})
		ps, _ := s.ProfessionsByID(ctx, []string{id})
		equal(t, "name", ps[id].Name, "développeur web/développeuse web")
	})

	t.Run("O*NET 15-1254.00: related occupations and Core tasks", func(t *testing.T) {
		const id = "profession:onet:15-1254.00"
		next, _ := s.NextCareers(ctx, []string{id})
		equal(t, "related occupations", len(next[id]), 20)
		equal(t, "first related", []string{next[id][0].Profession.Code, next[id][1].Profession.Code}, []string{"15-1255.00", "15-1252.00"})
		ps, _ := s.ProfessionsByID(ctx, []string{id})
		equal(t, "name and tasks", []any{ps[id].Name, len(ps[id].Tasks)}, []any{"Web Developers", 29})
	})

	checkInterestValues(t, ctx, s)

	t.Run("search on real French data", func(t *testing.T) {
		hits, err := s.Search(ctx, career.SearchQuery{Text: "boulangère", Dataset: "rome", First: 3})
		if err != nil {
			t.Fatal(err)
		}
		equal(t, "boulangère", hits[0].Node.(*career.Profession).Name, "Boulanger / Boulangère")
		hits, _ = s.Search(ctx, career.SearchQuery{Text: "dévelop", Dataset: "rome", Kinds: []career.Kind{career.KindProfession}, First: 4})
		var got []string
		for _, h := range hits {
			got = append(got, h.Node.(*career.Profession).Name)
		}
		equal(t, "dévelop", got, []string{"Développeur / Développeuse blockchain", "Développeur / Développeuse informatique",
			"Développeur / Développeuse multimédia", "Développeur / Développeuse web"})
	})
}

// compareBackends asks both stores, loaded with ds, the same questions about a sample of
// professions of every dataset and wants the same answers.
func compareBackends(t *testing.T, ctx context.Context, ds []*career.Dataset, a, b career.Store) {
	var sample []string
	for _, d := range ds {
		step := max(1, len(d.Professions)/12)
		for i := 0; i < len(d.Professions); i += step {
			sample = append(sample, d.Professions[i].ID)
		}
	}
	same := func(what string, f func(s career.Store) (any, error)) {
		t.Helper()
		ga, errA := f(a)
		gb, errB := f(b)
		ja, _ := json.Marshal(ga)
		jb, _ := json.Marshal(gb)
		if career.ErrorCode(errA) != career.ErrorCode(errB) || string(ja) != string(jb) {
			t.Errorf("%s differs:\nmemory %.600s (%v)\nneo4j  %.600s (%v)", what, ja, errA, jb, errB)
		}
	}
	same("professions by ID", func(s career.Store) (any, error) { return s.ProfessionsByID(ctx, sample) })
	same("requirements", func(s career.Store) (any, error) { return s.Requirements(ctx, sample) })
	same("qualities", func(s career.Store) (any, error) { return s.Qualities(ctx, sample) })
	same("tools", func(s career.Store) (any, error) { return s.ToolsOf(ctx, sample) })
	same("trainings", func(s career.Store) (any, error) { return s.TrainingsOf(ctx, sample) })
	same("next careers", func(s career.Store) (any, error) { return s.NextCareers(ctx, sample) })
	same("previous careers", func(s career.Store) (any, error) { return s.PreviousCareers(ctx, sample) })
	same("specializations", func(s career.Store) (any, error) { return s.Specializations(ctx, sample) })
	for i, id := range sample {
		same("progression "+id, func(s career.Store) (any, error) { return s.CareerProgression(ctx, id, 3, 50) })
		same("similar "+id, func(s career.Store) (any, error) { return s.SimilarProfessions(ctx, id, 10) })
		other := sample[(i+1)%len(sample)]
		same("gap "+id, func(s career.Store) (any, error) { return s.SkillGap(ctx, id, other) })
		if steps, err := a.CareerProgression(ctx, id, 3, 200); err == nil && len(steps) > 0 {
			to := steps[len(steps)-1].Profession.ID
			same("paths "+id+" → "+to, func(s career.Store) (any, error) { return s.CareerPaths(ctx, id, to, 4, 10) })
		}
		reqs, _ := a.Requirements(ctx, []string{id})
		var skills []string
		for _, r := range reqs[id] {
			if len(skills) < 20 {
				skills = append(skills, r.Skill.ID)
			}
		}
		if len(skills) > 0 {
			same("match "+id, func(s career.Store) (any, error) {
				return s.MatchProfessions(ctx, career.MatchQuery{SkillIDs: skills, First: 10})
			})
		}
	}
	for _, q := range []string{"boulangère", "dévelop", "directrice technique", "cheffe de projet", "ingénieur", "web developer", "gestion de projet", "infirmier"} {
		same("search "+q, func(s career.Store) (any, error) { return s.Search(ctx, career.SearchQuery{Text: q, First: 50}) })
		same("filter "+q, func(s career.Store) (any, error) {
			return s.ListProfessions(ctx, career.ProfessionFilter{Text: q}, career.PageArgs{First: 100})
		})
	}
	same("rome page 3", func(s career.Store) (any, error) {
		return s.ListProfessions(ctx, career.ProfessionFilter{Dataset: "rome"}, career.PageArgs{First: 50, After: career.EncodeCursor("Boulanger / Boulangère", "profession:rome:D1102")})
	})
	compareInterests(t, ctx, sample, same)
	same("top skills", func(s career.Store) (any, error) { return s.TopSkills(ctx, "", 20) })
	same("knowledge skills of esco", func(s career.Store) (any, error) {
		return s.ListSkills(ctx, career.SkillFilter{Dataset: "esco", Kind: career.SkillKindKnowledge, Text: "gestion"}, career.PageArgs{First: 100})
	})
	same("tools of onet", func(s career.Store) (any, error) {
		return s.ListTools(ctx, career.ToolFilter{Dataset: "onet", Text: "microsoft"}, career.PageArgs{First: 100})
	})
}

func equal(t *testing.T, what string, got, want any) {
	t.Helper()
	g, _ := json.Marshal(got)
	w, _ := json.Marshal(want)
	if string(g) != string(w) {
		t.Errorf("%s:\ngot  %s\nwant %s", what, g, w)
	}
}

// BenchmarkRealData measures the analytics over the three taxonomies and the seed, on each
// backend (Neo4j when it answers; it is loaded with the same datasets).
func BenchmarkRealData(b *testing.B) {
	ds := readAll(b)
	backends := []testbackend.Backend{{Name: "memory", Store: memory.New(ds...)}}
	if os.Getenv("NEO4J_URI") != "none" {
		s := testbackend.OpenNeo4j(b)
		testbackend.LoadNeo4j(b, s, ds...)
		backends = append(backends, testbackend.Backend{Name: "neo4j", Store: s, Neo4j: s})
	}
	ctx := context.Background()
	const m1805 = "profession:rome:M1805"
	reqs, _ := backends[0].Store.Requirements(ctx, []string{m1805})
	var skills []string
	for _, r := range reqs[m1805][:20] {
		skills = append(skills, r.Skill.ID)
	}
	for _, be := range backends {
		s := be.Store
		for _, c := range []struct {
			name string
			run  func() error
		}{
			{"card", func() error {
				ids := []string{m1805}
				for _, f := range []func() error{
					func() error { _, err := s.ProfessionsByID(ctx, ids); return err },
					func() error { _, err := s.Requirements(ctx, ids); return err },
					func() error { _, err := s.Qualities(ctx, ids); return err },
					func() error { _, err := s.ToolsOf(ctx, ids); return err },
					func() error { _, err := s.TrainingsOf(ctx, ids); return err },
					func() error { _, err := s.NextCareers(ctx, ids); return err },
				} {
					if err := f(); err != nil {
						return err
					}
				}
				return nil
			}},
			{"search", func() error {
				_, err := s.Search(ctx, career.SearchQuery{Text: "développeuse web", First: 10})
				return err
			}},
			{"search-prefix", func() error { _, err := s.Search(ctx, career.SearchQuery{Text: "dév", First: 10}); return err }},
			{"progression3", func() error { _, err := s.CareerProgression(ctx, m1805, 3, 50); return err }},
			{"paths4", func() error { _, err := s.CareerPaths(ctx, m1805, "profession:rome:M1802", 4, 5); return err }},
			{"match20", func() error {
				_, err := s.MatchProfessions(ctx, career.MatchQuery{SkillIDs: skills, First: 10})
				return err
			}},
			{"similar", func() error { _, err := s.SimilarProfessions(ctx, m1805, 10); return err }},
		} {
			b.Run(be.Name+"/"+c.name, func(b *testing.B) {
				for b.Loop() {
					if err := c.run(); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
