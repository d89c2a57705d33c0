package career_test

import (
	"testing"

	"github.com/careergraph/careergraph/career"
)

// TestGroupBounds checks the group bounds of a small hierarchy: a › b › c and a › d, with b,
// d and e (an unknown broader group) under a or none. p1 is in c and d: c, b, a and d, 4
// groups; p2 in b: b and a. A membership of an unknown profession or group counts nothing.
func TestGroupBounds(t *testing.T) {
	id := func(k career.Kind, code string) string { return career.MakeID(k, "t", code) }
	g := func(code, broader string) career.OccupationGroup {
		b := ""
		if broader != "" {
			b = id(career.KindGroup, broader)
		}
		return career.OccupationGroup{ID: id(career.KindGroup, code), Dataset: "t", Code: code, Name: code, Level: "l", BroaderID: b}
	}
	p1, p2 := id(career.KindProfession, "p1"), id(career.KindProfession, "p2")
	d := &career.Dataset{
		Info:        career.DatasetInfo{Name: "t"},
		Professions: []career.Profession{{ID: p1, Dataset: "t", Code: "p1", Name: "P1"}, {ID: p2, Dataset: "t", Code: "p2", Name: "P2"}},
		Groups:      []career.OccupationGroup{g("a", ""), g("b", "a"), g("c", "b"), g("d", "a"), g("e", "x")},
		GroupMembers: []career.Link{
			{ProfessionID: p1, TargetID: id(career.KindGroup, "c")}, {ProfessionID: p1, TargetID: id(career.KindGroup, "d")},
			{ProfessionID: p2, TargetID: id(career.KindGroup, "b")}, {ProfessionID: p2, TargetID: id(career.KindGroup, "nope")},
			{ProfessionID: id(career.KindProfession, "nope"), TargetID: id(career.KindGroup, "c")},
		},
	}
	b := career.DatasetBounds(d)
	if b.MaxProfessionGroups != 4 || b.MaxNarrowerGroups != 2 {
		t.Errorf("got MaxProfessionGroups %d, MaxNarrowerGroups %d; want 4, 2", b.MaxProfessionGroups, b.MaxNarrowerGroups)
	}
	m := b.Merge(career.Bounds{MaxProfessionGroups: 1, MaxNarrowerGroups: 9})
	if m.MaxProfessionGroups != 4 || m.MaxNarrowerGroups != 9 {
		t.Errorf("merged: got %d, %d; want the larger of each, 4, 9", m.MaxProfessionGroups, m.MaxNarrowerGroups)
	}
}
