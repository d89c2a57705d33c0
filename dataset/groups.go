package dataset

import (
	"fmt"

	"github.com/careergraph/careergraph/career"
)

// groups checks the occupation groups and their members: every group is a node (ID, dataset,
// code, name) with a level; a broader group is a group of the dataset, not the group itself,
// and the broader links make no cycle; a member link joins a profession and a group of the
// dataset, once.
func (v *validator) groups() error {
	d := v.d
	idx := make(map[string]int, len(d.Groups))
	v.index[career.KindGroup] = idx
	for i := range d.Groups {
		g := &d.Groups[i]
		if err := v.node(career.KindGroup, i, g.ID, g.Dataset, g.Code, g.Name); err != nil {
			return err
		}
		if g.Level == "" {
			return v.groupErr("group %q has no level", g.ID)
		}
	}
	for i := range d.Groups {
		g := &d.Groups[i]
		if g.BroaderID == "" {
			continue
		}
		if g.BroaderID == g.ID {
			return v.groupErr("group %q is its own broader group", g.ID)
		}
		if _, ok := idx[g.BroaderID]; !ok {
			return v.groupErr("group %q: broader group %q is not in the dataset", g.ID, g.BroaderID)
		}
	}
	for i := range d.Groups {
		seen := map[string]bool{}
		for id := d.Groups[i].ID; id != ""; id = d.Groups[idx[id]].BroaderID {
			if seen[id] {
				return v.groupErr("group %q: its broader groups make a cycle", d.Groups[i].ID)
			}
			seen[id] = true
		}
	}
	type pair struct{ p, g string }
	members := make(map[pair]bool, len(d.GroupMembers))
	for _, m := range d.GroupMembers {
		if _, ok := v.index[career.KindProfession][m.ProfessionID]; !ok {
			return v.groupErr("group member: profession %q is not in the dataset", m.ProfessionID)
		}
		if _, ok := idx[m.TargetID]; !ok {
			return v.groupErr("group member %q: group %q is not in the dataset", m.ProfessionID, m.TargetID)
		}
		if members[pair{m.ProfessionID, m.TargetID}] {
			return v.groupErr("profession %q is a member of group %q twice", m.ProfessionID, m.TargetID)
		}
		members[pair{m.ProfessionID, m.TargetID}] = true
	}
	return nil
}

// groupErr is an error about the groups, located in the dataset as a whole.
func (v *validator) groupErr(format string, args ...any) error {
	file, _ := v.loc.info("")
	return &ParseError{File: file, Reason: fmt.Sprintf(format, args...)}
}
