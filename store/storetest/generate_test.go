package storetest_test

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/dataset"
	"github.com/careergraph/careergraph/store/storetest"
)

func TestGenerate(t *testing.T) {
	t.Run("the same seed gives the same dataset", func(t *testing.T) {
		for _, shape := range storetest.Shapes {
			if !reflect.DeepEqual(storetest.Generate(3, shape), storetest.Generate(3, shape)) {
				t.Errorf("%s: two datasets from seed 3 differ", shape)
			}
		}
	})
	t.Run("another seed gives another dataset", func(t *testing.T) {
		for _, shape := range storetest.Shapes {
			if reflect.DeepEqual(storetest.Generate(1, shape), storetest.Generate(2, shape)) {
				t.Errorf("%s: seeds 1 and 2 give the same dataset", shape)
			}
		}
	})
	t.Run("every dataset is valid, with no repair", func(t *testing.T) {
		for _, shape := range storetest.Shapes {
			seeds := []int64{1, 2, 3, 4, 5}
			if shape == "large" {
				seeds = seeds[:1]
			}
			for _, seed := range seeds {
				d := storetest.Generate(seed, shape)
				warnings, err := dataset.Validate(d)
				if err != nil || len(warnings) > 0 {
					t.Errorf("%s seed %d: %v, warnings %v", shape, seed, err, warnings)
				}
				if d.Info.Name != storetest.GeneratedDataset {
					t.Errorf("%s: dataset %q", shape, d.Info.Name)
				}
			}
		}
	})
	t.Run("sizes for seed 1", func(t *testing.T) {
		// professions, skills, tools, trainings, requirements, qualities, tool uses, training links, moves
		want := map[string][9]int{
			"chain":    {30, 40, 12, 8, 72, 19, 40, 16, 29},
			"cycle":    {30, 40, 12, 8, 72, 19, 40, 16, 30},
			"diamond":  {30, 40, 12, 8, 72, 19, 40, 16, 62},
			"star":     {30, 40, 12, 8, 72, 19, 40, 16, 38},
			"isolated": {30, 40, 12, 8, 72, 19, 40, 16, 3},
			"dense":    {30, 40, 12, 8, 72, 19, 40, 16, 70},
			"mixed":    {30, 40, 12, 8, 72, 19, 40, 16, 43},
			"large":    {4000, 4000, 1000, 1000, 9688, 3244, 4832, 3216, 10158},
		}
		for _, shape := range storetest.Shapes {
			d := storetest.Generate(1, shape)
			got := [9]int{len(d.Professions), len(d.Skills), len(d.Tools), len(d.Trainings), len(d.Requirements),
				len(d.Qualities), len(d.ToolUses), len(d.TrainingLinks), len(d.Moves)}
			if got != want[shape] {
				t.Errorf("%s: sizes %v, want %v", shape, got, want[shape])
			}
		}
		if n := len(storetest.Generate(1, "large").Professions) + 4000 + 1000 + 1000; n != 10000 {
			t.Errorf("large has %d nodes, want 10000", n)
		}
	})
	moves := func(d *career.Dataset) []string {
		var out []string
		for _, m := range d.Moves {
			out = append(out, code(m.FromID)+">"+code(m.ToID))
		}
		return out
	}
	t.Run("chain and cycle", func(t *testing.T) {
		var chain []string
		for i := range 29 {
			chain = append(chain, fmt.Sprintf("p%04d>p%04d", i, i+1))
		}
		if got := moves(storetest.Generate(5, "chain")); !reflect.DeepEqual(got, chain) {
			t.Errorf("chain moves %v", got)
		}
		if got := moves(storetest.Generate(5, "cycle")); !reflect.DeepEqual(got, append(chain, "p0029>p0000")) {
			t.Errorf("cycle moves %v", got)
		}
	})
	t.Run("isolated", func(t *testing.T) {
		if got := moves(storetest.Generate(5, "isolated")); !reflect.DeepEqual(got, []string{"p0000>p0001", "p0001>p0002", "p0003>p0002"}) {
			t.Errorf("isolated moves %v", got)
		}
	})
	t.Run("diamond moves go from one layer of five to the next", func(t *testing.T) {
		d := storetest.Generate(1, "diamond")
		out := map[int]int{}
		for _, m := range d.Moves {
			from, to := index(m.FromID), index(m.ToID)
			if to/5 != from/5+1 {
				t.Errorf("move p%04d → p%04d skips a layer", from, to)
			}
			out[from]++
		}
		for i := range 25 { // the last layer leads nowhere
			if out[i] < 2 || out[i] > 3 {
				t.Errorf("p%04d has %d moves out, want 2 or 3", i, out[i])
			}
		}
	})
	t.Run("star moves touch the hub", func(t *testing.T) {
		for _, m := range storetest.Generate(1, "star").Moves {
			if code(m.FromID) != "p0000" && code(m.ToID) != "p0000" {
				t.Errorf("move %s → %s misses the hub", m.FromID, m.ToID)
			}
		}
	})
	t.Run("names repeat, tie on sort keys, and skills are shared", func(t *testing.T) {
		d := storetest.Generate(1, "mixed")
		if got := []string{d.Professions[0].Name, d.Professions[2].Name, d.Professions[3].Name}; !reflect.DeepEqual(got,
			[]string{"electricien réseau", "Électricien données", "Développeur·euse"}) {
			t.Errorf("names %q", got)
		}
		names, keys := map[string]int{}, map[string]map[string]bool{}
		for _, p := range d.Professions {
			names[p.Name]++
			k := career.SortKey(p.Name)
			if keys[k] == nil {
				keys[k] = map[string]bool{}
			}
			keys[k][p.Name] = true
		}
		repeated, ties := 0, 0
		for _, n := range names {
			if n > 1 {
				repeated++
			}
		}
		for _, ns := range keys {
			if len(ns) > 1 {
				ties++
			}
		}
		users := map[string]int{}
		for _, r := range d.Requirements {
			users[r.SkillID]++
		}
		shared := 0
		for _, n := range users {
			if n > 1 {
				shared++
			}
		}
		if repeated != 5 || ties != 2 || shared != 22 {
			t.Errorf("%d repeated names, %d sort-key ties between different names, %d shared skills; want 5, 2, 22", repeated, ties, shared)
		}
		if !reflect.DeepEqual(keys["electricien reseau"], map[string]bool{"electricien réseau": true, "ÉLECTRICIEN réseau": true}) {
			t.Errorf("names of sort key \"electricien reseau\": %v", keys["electricien reseau"])
		}
	})
	t.Run("an unknown shape panics", func(t *testing.T) {
		defer func() {
			if recover() == nil {
				t.Error("no panic")
			}
		}()
		storetest.Generate(1, "torus")
	})
}

// code returns the code of a global ID.
func code(id string) string {
	_, _, c, _ := career.ParseID(id)
	return c
}

// index returns the number of a generated profession's code (p0012 → 12).
func index(id string) int {
	var n int
	fmt.Sscanf(code(id), "p%d", &n)
	return n
}
