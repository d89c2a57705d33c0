package career_test

import (
	"math"
	"reflect"
	"testing"

	"github.com/careergraph/careergraph/career"
)

// smallDataset has professions a → b → c, a → c, b → a (twice), a self-move, a link to an
// unknown skill, and two specialisations of a.
func smallDataset() *career.Dataset {
	p := func(code, name, broader string) career.Profession {
		id := career.MakeID(career.KindProfession, "t", code)
		if broader != "" {
			broader = career.MakeID(career.KindProfession, "t", broader)
		}
		return career.Profession{ID: id, Dataset: "t", Code: code, Name: name, SpecializationOf: broader}
	}
	id := func(kind career.Kind, code string) string { return career.MakeID(kind, "t", code) }
	pa, pb, pc := id(career.KindProfession, "a"), id(career.KindProfession, "b"), id(career.KindProfession, "c")
	s1, s2 := id(career.KindSkill, "s1"), id(career.KindSkill, "s2")
	t1 := id(career.KindTool, "t1")
	return &career.Dataset{
		Info:        career.DatasetInfo{Name: "t", Title: "T"},
		Professions: []career.Profession{p("a", "Boulanger", ""), p("b", "Boucher", "a"), p("c", "Chef·fe", "a")},
		Skills: []career.Skill{
			{ID: s1, Dataset: "t", Code: "s1", Name: "Pétrir", Kind: career.SkillKindSkill},
			{ID: s2, Dataset: "t", Code: "s2", Name: "Bouger", Kind: career.SkillKindAttitude},
		},
		Tools: []career.Tool{{ID: t1, Dataset: "t", Code: "t1", Name: "Four"}},
		Requirements: []career.Requirement{
			{ProfessionID: pa, SkillID: s1, Importance: career.Essential},
			{ProfessionID: pa, SkillID: s2, Importance: career.Optional},
			{ProfessionID: pb, SkillID: s1, Importance: career.Essential},
			{ProfessionID: pb, SkillID: id(career.KindSkill, "unknown"), Importance: career.Essential},
		},
		SkillGraph: career.SkillGraph{
			Broader:   []career.SkillLink{{SkillID: s1, OtherID: s2}, {SkillID: s1, OtherID: s2}, {SkillID: s2, OtherID: s2}},
			Relations: []career.SkillRelationLink{{SkillID: s1, RelatedID: s2, Importance: career.Essential}, {SkillID: s2, RelatedID: s1, Importance: career.Optional}, {SkillID: s2, RelatedID: s1, Importance: career.Optional}},
		},
		Qualities: []career.Link{{ProfessionID: pa, TargetID: s2}},
		ToolUses:  []career.Link{{ProfessionID: pa, TargetID: t1}, {ProfessionID: pc, TargetID: t1}},
		Moves: []career.Move{
			{FromID: pa, ToID: pb}, {FromID: pb, ToID: pc}, {FromID: pa, ToID: pc},
			{FromID: pb, ToID: pa}, {FromID: pb, ToID: pa}, {FromID: pc, ToID: pc},
		},
	}
}

func TestDatasetBounds(t *testing.T) {
	got := career.DatasetBounds(smallDataset())
	want := career.Bounds{
		Datasets: 1, Professions: 3, Skills: 2, Tools: 1, Trainings: 0,
		Moves: 5, Postings: 5,
		MaxQualities: 1, MaxRequirements: 2, MaxTools: 1, MaxTrainings: 0,
		MaxNextCareers: 3, MaxPreviousCareers: 2, MaxSpecializations: 2,
		MaxSkillUse: 2, MaxToolUse: 2,
		// a: s1 (2) + s2 (1) + t1 (2) = 5.
		MaxSimilarPostings: 5,
		// s1 → s2 given twice, s2 → s2 left out; s2 relates to s1 twice.
		MaxBroaderSkills: 1, MaxRelatedSkills: 2,
		// walks_1: b has 3 moves; walks_2(b) = walks_1(c) + 2 walks_1(a) = 0 + 2×2 = 4, walks_2(a) =
		// walks_1(b) + walks_1(c) = 3; walks_3(b) = 2 walks_2(a) + walks_2(c) = 6; and so on.
		Walks: [career.WalkSteps]int{3, 4, 6, 8, 12, 16},
		// No inferred moves: the walks that follow them are the same.
		InferredWalks: [career.WalkSteps]int{3, 4, 6, 8, 12, 16},
	}.Named("t")
	if !reflect.DeepEqual(got, want) {
		t.Errorf("bounds:\ngot  %+v\nwant %+v", got, want)
	}
}

func TestBoundsMerge(t *testing.T) {
	a := career.DatasetBounds(smallDataset())
	var c career.PrefixCounter
	c.AddNode([]string{"boulanger"})
	c.AddNode([]string{"boucher", "bo"})
	c.SetText(&a)
	b := a
	b.Walks[5] = math.MaxInt
	b.TextPrefixes = map[string]int{"b": math.MaxInt}
	m := career.MergeBounds(a, b)
	for _, tc := range []struct {
		what      string
		got, want int
	}{
		{"datasets add up", m.Datasets, 2},
		{"professions add up", m.Professions, 6},
		{"maxima are the largest", m.MaxNextCareers, 3},
		{"walks are the largest", m.Walks[5], math.MaxInt},
		{"prefixes add up, saturating", m.TextPrefixes["b"], math.MaxInt},
		{"prefixes add up", m.TextPrefixes["bou"], 2},
		{"max word postings", m.MaxWordPostings, math.MaxInt},
		{"a word reads its first three letters' postings", m.WordPostings("boulangere"), 2},
		{"a two-letter word", a.WordPostings("bo"), 3},
		{"an unknown prefix", a.WordPostings("zz"), 0},
	} {
		if tc.got != tc.want {
			t.Errorf("%s: got %d, want %d", tc.what, tc.got, tc.want)
		}
	}
	t.Run("what lies under a dataset's nodes has its bounds", func(t *testing.T) {
		other := career.Bounds{Professions: 7, MaxNextCareers: 9}.Named("o")
		all := career.MergeBounds(career.DatasetBounds(smallDataset()), other)
		for _, tc := range []struct {
			what      string
			got, want int
		}{
			{"t", all.Of("t").MaxNextCareers, 3},
			{"o", all.Of("o").MaxNextCareers, 9},
			{"both", all.Of("t", "o", "t").Professions, 10},
			{"not loaded", all.Of("nope").Professions, 0},
			{"none named", all.Of().Professions, 10},
			{"unknown datasets", career.DefaultBounds.Of("t").Professions, career.DefaultBounds.Professions},
		} {
			if tc.got != tc.want {
				t.Errorf("%s: got %d, want %d", tc.what, tc.got, tc.want)
			}
		}
	})
	unknown := career.MergeBounds(a, career.DefaultBounds)
	if unknown.TextPrefixes != nil || unknown.WordPostings("bo") != 3+career.DefaultBounds.MaxWordPostings {
		t.Errorf("with unknown text: got %v and %d, want nil and %d", unknown.TextPrefixes, unknown.WordPostings("bo"), 3+career.DefaultBounds.MaxWordPostings)
	}
}
