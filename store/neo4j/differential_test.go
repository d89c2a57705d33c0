package neo4jstore_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/internal/testbackend"
	"github.com/careergraph/careergraph/store/memory"
	"github.com/careergraph/careergraph/store/storetest"
)

// TestDifferential loads generated graphs of every small shape into the embedded store (the
// oracle) and into Neo4j, and compares every Store method's answers, call for call.
func TestDifferential(t *testing.T) {
	s := testbackend.OpenNeo4j(t)
	for i, shape := range storetest.Shapes {
		if shape == "large" {
			continue
		}
		seed := int64(i + 1)
		t.Run(fmt.Sprintf("%s/seed=%d", shape, seed), func(t *testing.T) {
			d := storetest.Generate(seed, shape)
			testbackend.LoadNeo4j(t, s, d)
			compareStores(t, memory.New(d), s, d, seed)
		})
	}
}

// TestDifferentialFixture compares the stores on the hand-built fixture.
func TestDifferentialFixture(t *testing.T) {
	s := testbackend.OpenNeo4j(t)
	d := fixture()
	testbackend.LoadNeo4j(t, s, d)
	compareStores(t, memory.New(d), s, d, 7)
}

// differ calls the same method on both stores and reports any difference in results or errors.
type differ struct {
	t        *testing.T
	mem, neo career.Store
	calls    int
}

// check compares want (the oracle's answer) and got (Neo4j's) for one call.
func check[T any](df *differ, call string, f func(s career.Store) (T, error)) {
	df.t.Helper()
	df.calls++
	want, werr := f(df.mem)
	got, gerr := f(df.neo)
	if werr != nil || gerr != nil {
		if career.ErrorCode(werr) != career.ErrorCode(gerr) || career.ErrorMessage(werr) != career.ErrorMessage(gerr) {
			df.t.Errorf("%s: error %v, want %v", call, gerr, werr)
		}
		return
	}
	w, g := canonical(df.t, want), canonical(df.t, got)
	if !reflect.DeepEqual(w, g) {
		wj, _ := json.Marshal(w)
		gj, _ := json.Marshal(g)
		df.t.Errorf("%s:\n got %s\nwant %s", call, gj, wj)
	}
}

// canonical turns a result into plain JSON values, with empty lists and maps, nulls and zero
// values dropped, so that nil and empty slices compare equal.
func canonical(t *testing.T, v any) any {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("marshal: %v", err)
	}
	var out any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatalf("unmarshal: %v", err)
	}
	return prune(out)
}

func prune(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any)
		for k, x := range v {
			if x = prune(x); x != nil {
				out[k] = x
			}
		}
		if len(out) == 0 {
			return nil
		}
		return out
	case []any:
		if len(v) == 0 {
			return nil
		}
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = prune(x)
		}
		return out
	case string:
		if v == "" {
			return nil
		}
	case bool:
		if !v {
			return nil
		}
	case float64:
		if v == 0 {
			return nil
		}
	}
	return v
}

// compareStores runs every Store method with many arguments on both stores.
func compareStores(t *testing.T, mem, neo career.Store, d *career.Dataset, seed int64) {
	df := &differ{t: t, mem: mem, neo: neo}
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(uint64(seed), 42))
	ds := d.Info.Name

	var profs, skills, tools, trainings []string
	for _, p := range d.Professions {
		profs = append(profs, p.ID)
	}
	for _, s := range d.Skills {
		skills = append(skills, s.ID)
	}
	for _, s := range d.Tools {
		tools = append(tools, s.ID)
	}
	for _, s := range d.Trainings {
		trainings = append(trainings, s.ID)
	}
	unknownP := career.MakeID(career.KindProfession, ds, "nope")
	allP := append(append([]string{}, profs...), unknownP, skills[0])

	check(df, "Datasets", func(s career.Store) ([]career.DatasetInfo, error) { return s.Datasets(ctx) })
	check(df, "Bounds", func(s career.Store) (career.Bounds, error) { return s.(career.BoundsReader).Bounds(ctx) })
	check(df, "ProfessionsByID", func(s career.Store) (map[string]*career.Profession, error) {
		return s.ProfessionsByID(ctx, allP)
	})
	check(df, "SkillsByID", func(s career.Store) (map[string]*career.Skill, error) {
		return s.SkillsByID(ctx, append(append([]string{}, skills...), unknownP))
	})
	check(df, "ToolsByID", func(s career.Store) (map[string]*career.Tool, error) { return s.ToolsByID(ctx, tools) })
	check(df, "TrainingsByID", func(s career.Store) (map[string]*career.Training, error) {
		return s.TrainingsByID(ctx, trainings)
	})
	check(df, "Qualities", func(s career.Store) (map[string][]*career.Skill, error) { return s.Qualities(ctx, allP) })
	check(df, "Requirements", func(s career.Store) (map[string][]career.SkillRequirement, error) {
		return s.Requirements(ctx, allP)
	})
	check(df, "ToolsOf", func(s career.Store) (map[string][]*career.Tool, error) { return s.ToolsOf(ctx, allP) })
	check(df, "TrainingsOf", func(s career.Store) (map[string][]*career.Training, error) { return s.TrainingsOf(ctx, allP) })
	check(df, "NextCareers", func(s career.Store) (map[string][]career.CareerMove, error) { return s.NextCareers(ctx, allP) })
	check(df, "PreviousCareers", func(s career.Store) (map[string][]career.CareerMove, error) {
		return s.PreviousCareers(ctx, allP)
	})
	check(df, "Specializations", func(s career.Store) (map[string][]*career.Profession, error) {
		return s.Specializations(ctx, allP)
	})
	for _, p := range d.Professions[:min(5, len(d.Professions))] {
		check(df, "ProfessionByCode "+p.Code, func(s career.Store) (*career.Profession, error) {
			return s.ProfessionByCode(ctx, ds, p.Code)
		})
	}
	check(df, "ProfessionByCode unknown", func(s career.Store) (*career.Profession, error) {
		return s.ProfessionByCode(ctx, ds, "nope")
	})

	// Pages: follow cursors to the end of every list.
	targets := append(append(append([]string{}, skills...), tools...), trainings...)
	targets = append(targets, unknownP, "skill:"+ds+":nope")
	for _, imp := range []career.Importance{"", career.Essential, career.Optional} {
		for _, first := range []int{1, 3} {
			check(df, fmt.Sprintf("ProfessionsLinkedTo imp=%s first=%d", imp, first), func(s career.Store) ([]map[string]*career.Page[*career.Profession], error) {
				var pages []map[string]*career.Page[*career.Profession]
				after := ""
				for range 50 {
					m, err := s.ProfessionsLinkedTo(ctx, targets, imp, career.PageArgs{First: first, After: after})
					if err != nil {
						return nil, err
					}
					pages = append(pages, m)
					// Continue with the cursor of the first target that has a next page.
					after = ""
					for _, id := range targets {
						if p := m[id]; p != nil && p.HasNextPage {
							last := p.Items[len(p.Items)-1]
							after = career.EncodeCursor(last.Name, last.ID)
							break
						}
					}
					if after == "" {
						break
					}
				}
				return pages, nil
			})
		}
	}
	words := []string{"dev", "développeuse", "electricien", "ÉLECTRICIENNE", "chef", "cheffe", "directrice", "gestion des",
		"git", "ma", "web back", "connaissance", "rigueur", "zzz", "  ", "·", "a+b*"}
	pageAll := func(first int, list func(career.PageArgs) (any, string, bool, error)) ([]any, error) {
		var out []any
		after := ""
		for range 200 {
			items, next, more, err := list(career.PageArgs{First: first, After: after})
			if err != nil {
				return nil, err
			}
			out = append(out, items)
			if !more {
				break
			}
			after = next
		}
		return out, nil
	}
	profFilters := []career.ProfessionFilter{{}, {Dataset: ds}, {Dataset: "other"}, {Sector: "Informatique"}, {Sector: "Construction", Dataset: ds},
		{SkillID: skills[0]}, {SkillID: skills[1], Dataset: ds}, {ToolID: tools[0]}, {ToolID: tools[1], SkillID: skills[2]}}
	for _, w := range words {
		profFilters = append(profFilters, career.ProfessionFilter{Text: w}, career.ProfessionFilter{Text: w, Sector: "Informatique"})
	}
	for _, f := range profFilters {
		for _, first := range []int{2, 100} {
			check(df, fmt.Sprintf("ListProfessions %+v first=%d", f, first), func(s career.Store) ([]any, error) {
				return pageAll(first, func(p career.PageArgs) (any, string, bool, error) {
					pg, err := s.ListProfessions(ctx, f, p)
					if err != nil || len(pg.Items) == 0 {
						return pg, "", false, err
					}
					last := pg.Items[len(pg.Items)-1]
					return pg, career.EncodeCursor(last.Name, last.ID), pg.HasNextPage, nil
				})
			})
		}
	}
	skillFilters := []career.SkillFilter{{}, {Dataset: ds}, {Kind: career.SkillKindAttitude}, {Kind: career.SkillKindKnowledge, Dataset: ds}}
	for _, w := range words {
		skillFilters = append(skillFilters, career.SkillFilter{Text: w}, career.SkillFilter{Text: w, Kind: career.SkillKindSkill})
	}
	for _, f := range skillFilters {
		check(df, fmt.Sprintf("ListSkills %+v", f), func(s career.Store) ([]any, error) {
			return pageAll(3, func(p career.PageArgs) (any, string, bool, error) {
				pg, err := s.ListSkills(ctx, f, p)
				if err != nil || len(pg.Items) == 0 {
					return pg, "", false, err
				}
				last := pg.Items[len(pg.Items)-1]
				return pg, career.EncodeCursor(last.Name, last.ID), pg.HasNextPage, nil
			})
		})
	}
	toolFilters := []career.ToolFilter{{}, {Dataset: ds}, {Category: "Communication"}, {Text: "git"}, {Text: "visual code"}, {Text: "g", Category: "Outils de développement"}}
	for _, f := range toolFilters {
		check(df, fmt.Sprintf("ListTools %+v", f), func(s career.Store) ([]any, error) {
			return pageAll(2, func(p career.PageArgs) (any, string, bool, error) {
				pg, err := s.ListTools(ctx, f, p)
				if err != nil || len(pg.Items) == 0 {
					return pg, "", false, err
				}
				last := pg.Items[len(pg.Items)-1]
				return pg, career.EncodeCursor(last.Name, last.ID), pg.HasNextPage, nil
			})
		})
	}
	trainingFilters := []career.TrainingFilter{{}, {Dataset: ds}, {Level: career.LevelHigherLong}, {Text: "master"}, {Text: "electricienne"}, {Text: "in", Level: career.LevelOther}}
	for _, f := range trainingFilters {
		check(df, fmt.Sprintf("ListTrainings %+v", f), func(s career.Store) ([]any, error) {
			return pageAll(2, func(p career.PageArgs) (any, string, bool, error) {
				pg, err := s.ListTrainings(ctx, f, p)
				if err != nil || len(pg.Items) == 0 {
					return pg, "", false, err
				}
				last := pg.Items[len(pg.Items)-1]
				return pg, career.EncodeCursor(last.Name, last.ID), pg.HasNextPage, nil
			})
		})
	}
	kindSets := [][]career.Kind{nil, {career.KindProfession}, {career.KindSkill, career.KindTool}, {career.KindTraining}}
	for _, w := range words {
		for _, kinds := range kindSets {
			for _, q := range []career.SearchQuery{{Text: w, Kinds: kinds, First: 50}, {Text: w, Kinds: kinds, Dataset: ds, First: 3}, {Text: w, Dataset: "other", First: 10}} {
				check(df, fmt.Sprintf("Search %+v", q), func(s career.Store) ([]career.SearchHit, error) { return s.Search(ctx, q) })
			}
		}
	}

	// Traversals.
	pairs := 0
	for _, from := range profs {
		for _, to := range profs {
			if rng.IntN(len(profs)) > 3 && from != to {
				continue
			}
			pairs++
			for _, steps := range []int{2, 6} {
				for _, first := range []int{2, 20} {
					check(df, fmt.Sprintf("CareerPaths %s→%s steps=%d first=%d", from, to, steps, first), func(s career.Store) ([][]*career.Profession, error) {
						return s.CareerPaths(ctx, from, to, steps, first)
					})
				}
			}
		}
		for _, steps := range []int{1, 2, 6} {
			for _, first := range []int{3, 200} {
				check(df, fmt.Sprintf("CareerProgression %s steps=%d first=%d", from, steps, first), func(s career.Store) ([]career.CareerStep, error) {
					return s.CareerProgression(ctx, from, steps, first)
				})
			}
		}
		to := profs[rng.IntN(len(profs))]
		check(df, fmt.Sprintf("SkillGap %s→%s", from, to), func(s career.Store) (*career.SkillGap, error) {
			return s.SkillGap(ctx, from, to)
		})
		for _, first := range []int{3, 50} {
			check(df, fmt.Sprintf("SimilarProfessions %s first=%d", from, first), func(s career.Store) ([]career.ProfessionMatch, error) {
				return s.SimilarProfessions(ctx, from, first)
			})
		}
	}
	for _, bad := range [][2]string{{unknownP, profs[0]}, {profs[0], unknownP}, {profs[0], profs[0]}} {
		check(df, fmt.Sprintf("CareerPaths %v", bad), func(s career.Store) ([][]*career.Profession, error) {
			return s.CareerPaths(ctx, bad[0], bad[1], 4, 5)
		})
		check(df, fmt.Sprintf("SkillGap %v", bad), func(s career.Store) (*career.SkillGap, error) {
			return s.SkillGap(ctx, bad[0], bad[1])
		})
	}
	check(df, "CareerProgression unknown", func(s career.Store) ([]career.CareerStep, error) {
		return s.CareerProgression(ctx, unknownP, 3, 5)
	})
	check(df, "SimilarProfessions unknown", func(s career.Store) ([]career.ProfessionMatch, error) {
		return s.SimilarProfessions(ctx, unknownP, 5)
	})
	for i := range 30 {
		q := career.MatchQuery{First: 1 + rng.IntN(30)}
		for range rng.IntN(5) {
			q.SkillIDs = append(q.SkillIDs, skills[rng.IntN(len(skills))])
		}
		for range rng.IntN(3) {
			q.ToolIDs = append(q.ToolIDs, tools[rng.IntN(len(tools))])
		}
		if i%3 == 0 {
			q.Dataset = ds
		}
		if i == 7 {
			q.SkillIDs = append(q.SkillIDs, "skill:"+ds+":nope")
		}
		if i == 8 {
			q.ToolIDs = append(q.ToolIDs, "tool:"+ds+":nope")
		}
		check(df, fmt.Sprintf("MatchProfessions %+v", q), func(s career.Store) ([]career.ProfessionMatch, error) {
			return s.MatchProfessions(ctx, q)
		})
	}
	for _, name := range []string{"", ds, "other"} {
		check(df, "Stats "+name, func(s career.Store) (*career.Stats, error) { return s.Stats(ctx, name) })
		for _, first := range []int{1, 5, 100} {
			check(df, fmt.Sprintf("TopSkills %q first=%d", name, first), func(s career.Store) ([]career.SkillUsage, error) {
				return s.TopSkills(ctx, name, first)
			})
		}
	}
	t.Logf("%d calls compared (%d career-path pairs)", df.calls, pairs)
}
