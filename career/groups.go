package career

import "cmp"

// OccupationGroup is a group of a dataset's occupation classification: an ISCO-08 group (ESCO),
// a ROME grand domaine or domaine professionnel, a SOC group (O*NET). Its ID is
// "group:<dataset>:<code>".
type OccupationGroup struct {
	ID      string
	Dataset string
	Code    string
	Name    string
	// Level names the level of the classification, e.g. "ISCO-08 unit group".
	Level string
	// BroaderID is the ID of the group this one is part of, "" for a top group.
	BroaderID string
}

// GroupDepths returns the depth of each group of a dataset: 0 for a top group, 1 for the
// groups directly under one, and so on. A group whose broader group is missing counts as a
// top group; a cycle (which dataset.Validate refuses) stops where it closes.
func GroupDepths(groups []OccupationGroup) map[string]int {
	broader := make(map[string]string, len(groups))
	for _, g := range groups {
		broader[g.ID] = g.BroaderID
	}
	depths := make(map[string]int, len(groups))
	for _, g := range groups {
		d, seen := 0, map[string]bool{g.ID: true}
		for b := broader[g.ID]; b != "" && !seen[b]; b = broader[b] {
			if _, ok := broader[b]; !ok {
				break
			}
			seen[b] = true
			d++
		}
		depths[g.ID] = d
	}
	return depths
}

// CompareGroups orders a profession's groups: narrowest (deepest) first, then by
// (SortKey(name), ID). Both stores answer Profession.groups in this order.
func CompareGroups(depthA int, sortKeyA, idA string, depthB int, sortKeyB, idB string) int {
	return cmp.Or(cmp.Compare(depthB, depthA), CompareKeys(sortKeyA, idA, sortKeyB, idB))
}
