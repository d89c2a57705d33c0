package career

import (
	"reflect"
	"testing"
)

func TestMatchCounts(t *testing.T) {
	for _, tc := range []struct {
		name                  string
		c                     MatchCounts
		used, coverage, score float64
	}{
		// ESCO's développeur web against JavaScript, SQL, CSS, web programming and Python: it
		// requires 4 of them, 1 of its 21 essential skills.
		{"four of five used", MatchCounts{Given: 5, Used: 4, Required: 98, Held: 4, Essential: 21, EssentialHeld: 1}, 0.8, 1.0 / 21, 0.75*0.8 + 0.25/21},
		{"none essential: the share of all required", MatchCounts{Given: 2, Used: 1, Required: 4, Held: 1}, 0.5, 0.25, 0.75*0.5 + 0.25*0.25},
		{"tools only", MatchCounts{Given: 1, Used: 1, Required: 3, Essential: 2}, 1, 0, 0.75},
		{"nothing given of its dataset", MatchCounts{Required: 3, Essential: 2}, 0, 0, 0},
		{"everything", MatchCounts{Given: 3, Used: 3, Required: 3, Held: 3, Essential: 3, EssentialHeld: 3}, 1, 1, 1},
	} {
		got := []float64{tc.c.SkillsUsed(), tc.c.EssentialCoverage(), tc.c.Score()}
		if want := []float64{tc.used, tc.coverage, tc.score}; !reflect.DeepEqual(got, want) {
			t.Errorf("%s: got %v, want %v", tc.name, got, want)
		}
	}
}

func TestGivenPerDataset(t *testing.T) {
	got := GivenPerDataset([]string{"skill:esco:a", "skill:esco:b", "skill:esco:a", "skill:onet:x", "bad"}, []string{"tool:onet:git"})
	if want := map[string]int{"esco": 2, "onet": 2}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestRankMatches(t *testing.T) {
	c := func(id, key string, used int) MatchCandidate[string] {
		return MatchCandidate[string]{Item: id, SortKey: key, ID: id, Counts: MatchCounts{Given: 4, Used: used, Required: 4, Essential: 4}}
	}
	got := RankMatches([]MatchCandidate[string]{c("p:1", "b", 1), c("p:2", "a", 1), c("p:3", "c", 3), c("p:4", "d", 0)}, 2)
	var ids []string
	for _, r := range got {
		ids = append(ids, r.ID)
	}
	if want := []string{"p:3", "p:2"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("got %v, want %v", ids, want)
	}
	p := &Profession{ID: "p:3"}
	m := NewProfessionMatch(p, got[0].Counts, []HeldRequirement{{Skill: &Skill{ID: "s:1"}, Importance: Essential, Held: false}})
	if *m.SkillsUsed != 0.75 || *m.EssentialCoverage != 0 || m.Score != 0.5625 || len(m.Matched) != 0 || len(m.Missing) != 1 {
		t.Errorf("match: used %v coverage %v score %v matched %d missing %d", *m.SkillsUsed, *m.EssentialCoverage, m.Score, len(m.Matched), len(m.Missing))
	}
}
