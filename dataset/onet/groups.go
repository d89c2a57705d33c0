package onet

import "github.com/careergraph/careergraph/career"

// The levels of O*NET's occupation groups, from the SOC 2018 structure its codes follow.
const (
	LevelMajorGroup      = "SOC 2018 major group"
	LevelBroadOccupation = "SOC 2018 broad occupation"
)

// groupCodes returns the SOC groups of an O*NET-SOC code ("15-1254.00"), narrowest first:
// its broad occupation ("15-1250", the detailed SOC code with its last digit 0) and its major
// group ("15-0000"). SOC minor groups are left out: they cannot be told from the codes alone
// (15-1254 is in 15-1200, but 29-1141 in 29-1000), and no file of the database lists them.
func groupCodes(code string) (broad, major string) {
	return code[:6] + "0", code[:2] + "-0000"
}

// assembleGroups adds the SOC groups of the professions, in the order of their first
// profession, major group before its broad occupations: a major group named by socMajorGroups
// (professions whose code names none get no groups), and each broad occupation under its major
// group, named by its code since O*NET ships no titles for broad occupations. Each profession is
// a member of its broad occupation.
func (r *reader) assembleGroups() {
	d := r.d
	seen := map[string]bool{}
	add := func(code, name, level, broader string) string {
		id := career.MakeID(career.KindGroup, DatasetName, code)
		if !seen[id] {
			seen[id] = true
			d.Groups = append(d.Groups, career.OccupationGroup{ID: id, Dataset: DatasetName, Code: code, Name: name, Level: level, BroaderID: broader})
		}
		return id
	}
	for _, p := range d.Professions {
		name := Sector(p.Code)
		if name == "" {
			continue
		}
		broad, major := groupCodes(p.Code)
		majorID := add(major, name, LevelMajorGroup, "")
		broadID := add(broad, "SOC "+broad, LevelBroadOccupation, majorID)
		d.GroupMembers = append(d.GroupMembers, career.Link{ProfessionID: p.ID, TargetID: broadID})
	}
}
