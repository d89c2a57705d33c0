package onet_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/dataset/onet"
	"github.com/careergraph/careergraph/internal/datafiles"
)

// TestReadExcerpt reads the committed excerpt of the database (testdata/excerpt/onet), which
// every checkout has: the values below were counted in its raw files.
func TestReadExcerpt(t *testing.T) {
	dir := datafiles.Excerpt(t, "onet")
	d, ws, err := onet.Read(dir)
	if err != nil {
		t.Fatalf("Read(excerpt): %v", err)
	}
	checkInfo(t, d, dir)

	t.Run("counts match the raw files", func(t *testing.T) {
		count := func(n int, f func(i int) bool) int {
			c := 0
			for i := range n {
				if f(i) {
					c++
				}
			}
			return c
		}
		tasks := 0
		for _, p := range d.Professions {
			tasks += len(p.Tasks)
		}
		got := []int{
			len(d.Professions),
			count(len(d.Professions), func(i int) bool { return d.Professions[i].SpecializationOf != "" }),
			len(d.Skills),
			len(d.Tools),
			len(d.Trainings),
			len(d.Requirements),
			count(len(d.Requirements), func(i int) bool { return d.Requirements[i].Importance == career.Essential }),
			len(d.ToolUses),
			len(d.TrainingLinks),
			len(d.Moves),
			count(len(d.Moves), func(i int) bool { return d.Moves[i].Kind == career.MoveProgression }),
			tasks,
			len(d.Qualities),
		}
		// 23 occupations, of which 11-1011.03 specialises 11-1011.00; the 68 elements of Skills
		// and Knowledge; 1,563 distinct examples of technology and tools; the 12 RL categories;
		// 682 ratings from 2.5 (220 from 3.5); 58 related occupations, 13 to a higher Job Zone;
		// 515 task statements.
		want := []int{23, 1, 68, 1563, 12, 682, 220, 2579, 21, 58, 13, 515, 0}
		if !slices.Equal(got, want) {
			t.Errorf("professions, specialisations, skills, tools, trainings, requirements, essential, tool uses, "+
				"training links, moves, progressions, tasks, qualities = %v,\nwant %v", got, want)
		}
	})

	t.Run("professions in the order of Occupation Data.txt", func(t *testing.T) {
		var got []string
		for _, p := range d.Professions {
			got = append(got, p.Code)
		}
		want := []string{"11-1011.00", "11-1011.03", "13-1121.00", "13-1161.01", "15-1231.00", "15-1243.01", "15-1254.00",
			"15-1255.00", "15-1299.01", "15-1299.03", "15-1299.05", "15-1299.07", "15-2011.00", "17-2061.00", "17-3031.00",
			"19-1032.00", "27-3043.00", "27-3091.00", "29-1122.00", "43-9031.00", "47-2021.00", "47-5013.00", "51-3011.00"}
		if !slices.Equal(got, want) {
			t.Errorf("professions = %q,\nwant %q", got, want)
		}
	})

	t.Run("Web Developers' related occupations of the excerpt, in Index order", func(t *testing.T) {
		want := []string{"15-1255.00 P", "15-1299.01 P", "13-1161.01 P", "15-1299.07 P", "15-1243.01 P",
			"15-1299.03 P", "15-1231.00 P", "43-9031.00 L", "15-1299.05 P", "17-2061.00 P"}
		var got []string
		for _, m := range profileOf(t, d, "15-1254.00").moves {
			got = append(got, strings.TrimPrefix(m.ToID, "profession:onet:")+" "+string(m.Kind)[:1])
		}
		if !slices.Equal(got, want) {
			t.Errorf("got %q\nwant %q", got, want)
		}
	})

	t.Run("training links per category", func(t *testing.T) {
		got := map[string]int{}
		for _, l := range d.TrainingLinks {
			got[strings.TrimPrefix(l.TargetID, "training:onet:")]++
		}
		want := map[string]int{"rl-2": 2, "rl-5": 1, "rl-6": 13, "rl-8": 5}
		if len(got) != len(want) {
			t.Errorf("links = %v, want %v", got, want)
		}
		for c, n := range want {
			if got[c] != n {
				t.Errorf("%s: got %d links, want %d", c, got[c], n)
			}
		}
	})

	t.Run("warnings: the two dropped ratings, as in the full database", func(t *testing.T) {
		want := []string{
			`Knowledge.txt.gz:751: Not Relevant = Y: 2.C.3.d "Building and Construction" (importance 2.63) dropped from 17-3031.00`,
			`Knowledge.txt.gz:906: Recommend Suppress = Y: 2.C.7.a "English Language" (importance 5) dropped from 27-3043.00`,
		}
		var got []string
		for _, w := range ws {
			got = append(got, w.String())
		}
		if !slices.Equal(got, want) {
			t.Errorf("got %q\nwant %q", got, want)
		}
	})

	checkWebDevelopers(t, d)
	checkSpecialization(t, d)
	checkSkills(t, d)
	checkTrainings(t, d)
}
