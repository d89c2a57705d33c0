package career_test

import (
	"reflect"
	"runtime"
	"slices"
	"testing"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/dataset/esco"
	"github.com/careergraph/careergraph/internal/datafiles"
	"github.com/careergraph/careergraph/store/storetest"
)

// BenchmarkCoRequiredESCO measures the load-time computation of Skill.coRequired on the full
// ESCO data (CAREERGRAPH_DATA; skipped without it).
func BenchmarkCoRequiredESCO(b *testing.B) {
	d, _, err := esco.Read(datafiles.Full(b, "esco"))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	var kept map[string][]career.CoCount
	for range b.N {
		kept = career.CoRequired(d, career.MaxCoRequired)
	}
	b.StopTimer()
	// The heap the result holds, which a store keeps: live heap with it, then without it.
	var with, without runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&with)
	entries := 0
	for _, l := range kept {
		entries += len(l)
	}
	kept = nil
	runtime.GC()
	runtime.ReadMemStats(&without)
	b.ReportMetric(float64(with.HeapAlloc)-float64(without.HeapAlloc), "kept-B")
	b.ReportMetric(float64(entries), "entries")
}

// naiveCoRequired is CoRequired written the obvious way: a map of pairs, every candidate
// sorted. The tests compare the two.
func naiveCoRequired(d *career.Dataset, limit int) map[string][]career.CoCount {
	names := map[string]string{}
	for _, s := range d.Skills {
		names[s.ID] = career.SortKey(s.Name)
	}
	skillsOf := map[string]map[string]bool{}
	for _, r := range d.Requirements {
		if _, ok := names[r.SkillID]; !ok {
			continue
		}
		if skillsOf[r.ProfessionID] == nil {
			skillsOf[r.ProfessionID] = map[string]bool{}
		}
		skillsOf[r.ProfessionID][r.SkillID] = true
	}
	pairs := map[string]map[string]int{}
	for _, skills := range skillsOf {
		for a := range skills {
			for b := range skills {
				if a != b {
					if pairs[a] == nil {
						pairs[a] = map[string]int{}
					}
					pairs[a][b]++
				}
			}
		}
	}
	out := map[string][]career.CoCount{}
	for a, others := range pairs {
		var list []career.CoCount
		for b, n := range others {
			list = append(list, career.CoCount{SkillID: b, Professions: n})
		}
		slices.SortFunc(list, func(x, y career.CoCount) int {
			if x.Professions != y.Professions {
				return y.Professions - x.Professions
			}
			return career.CompareKeys(names[x.SkillID], x.SkillID, names[y.SkillID], y.SkillID)
		})
		out[a] = list[:min(limit, len(list))]
	}
	return out
}

// TestCoRequiredCounts checks a hand-made case: three professions, a skill listed twice by one
// of them, a skill nobody requires with another, and a tie broken by name.
func TestCoRequiredCounts(t *testing.T) {
	d := &career.Dataset{
		Skills: []career.Skill{{ID: "a", Name: "Alpha"}, {ID: "b", Name: "Bravo"}, {ID: "c", Name: "charlie"}, {ID: "d", Name: "Delta"}, {ID: "e", Name: "Écho"}},
		Requirements: []career.Requirement{
			{ProfessionID: "p1", SkillID: "a"}, {ProfessionID: "p1", SkillID: "b"}, {ProfessionID: "p1", SkillID: "c"},
			{ProfessionID: "p2", SkillID: "a"}, {ProfessionID: "p2", SkillID: "c"}, {ProfessionID: "p2", SkillID: "a"},
			{ProfessionID: "p3", SkillID: "e"}, {ProfessionID: "p1", SkillID: "unknown"},
		},
	}
	got := career.CoRequired(d, 1)
	want := map[string][]career.CoCount{
		"a": {{SkillID: "c", Professions: 2}},
		"b": {{SkillID: "a", Professions: 1}}, // a and c tie at 1: Alpha before charlie
		"c": {{SkillID: "a", Professions: 2}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("CoRequired(limit 1) = %v, want %v", got, want)
	}
	all := career.CoRequired(d, career.MaxCoRequired)
	if w := []career.CoCount{{SkillID: "a", Professions: 1}, {SkillID: "c", Professions: 1}}; !reflect.DeepEqual(all["b"], w) {
		t.Errorf("CoRequired(b) = %v, want %v", all["b"], w)
	}
}

// TestCoRequiredEverySkillTogether: professions requiring every skill of the dataset (each
// skill counted for every other one).
func TestCoRequiredEverySkillTogether(t *testing.T) {
	d := &career.Dataset{
		Skills: []career.Skill{{ID: "a", Name: "Alpha"}, {ID: "b", Name: "Bravo"}},
		Requirements: []career.Requirement{
			{ProfessionID: "p1", SkillID: "a"}, {ProfessionID: "p1", SkillID: "b"},
			{ProfessionID: "p2", SkillID: "b"}, {ProfessionID: "p2", SkillID: "a"},
		},
	}
	want := map[string][]career.CoCount{"a": {{SkillID: "b", Professions: 2}}, "b": {{SkillID: "a", Professions: 2}}}
	if got := career.CoRequired(d, career.MaxCoRequired); !reflect.DeepEqual(got, want) {
		t.Errorf("CoRequired = %v, want %v", got, want)
	}
}

// TestCoRequiredMatchesNaive compares CoRequired with the naive computation on generated
// datasets, for limits below and above the longest lists.
func TestCoRequiredMatchesNaive(t *testing.T) {
	for _, shape := range []string{"dense", "mixed"} {
		d := storetest.Generate(7, shape)
		for _, limit := range []int{1, 3, career.MaxCoRequired, 1000} {
			got, want := career.CoRequired(d, limit), naiveCoRequired(d, limit)
			if len(want) == 0 {
				t.Fatalf("%s: no co-required skills: the dataset does not test anything", shape)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s, limit %d: CoRequired differs from the naive computation", shape, limit)
			}
		}
	}
}
