package onet

import "github.com/careergraph/careergraph/career"

// LevelMajorGroup is the level of O*NET's occupation groups: the major groups of the SOC 2018
// structure its codes follow. SOC minor groups and broad occupations are not served: no file of
// the O*NET 29.3 database names them, and minor groups cannot be told from the codes alone
// (15-1254 is in 15-1200, but 29-1141 in 29-1000).
const LevelMajorGroup = "SOC 2018 major group"

// majorGroupCode returns the code of the SOC major group of an O*NET-SOC code: "15-1254.00" →
// "15-0000".
func majorGroupCode(code string) string {
	return code[:2] + "-0000"
}

// assembleGroups adds the SOC major groups of the professions, in the order of their first
// profession, each named by socMajorGroups, and makes each profession a member of its major
// group. A profession whose code names no major group of the table gets no group.
func (r *reader) assembleGroups() {
	d := r.d
	seen := map[string]bool{}
	for _, p := range d.Professions {
		name := Sector(p.Code)
		if name == "" {
			continue
		}
		code := majorGroupCode(p.Code)
		id := career.MakeID(career.KindGroup, DatasetName, code)
		if !seen[id] {
			seen[id] = true
			d.Groups = append(d.Groups, career.OccupationGroup{ID: id, Dataset: DatasetName, Code: code, Name: name, Level: LevelMajorGroup})
		}
		d.GroupMembers = append(d.GroupMembers, career.Link{ProfessionID: p.ID, TargetID: id})
	}
}
