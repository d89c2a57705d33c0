package main

import "fmt"

// The ESCO files of the skill hierarchy and the skill-skill relations (dataset/esco
// skillgraph.go).
const (
	escoSkillGroupsFR  = "skillGroups_fr.csv"
	escoBroaderSkill   = "broaderRelationsSkillPillar.csv"
	escoSkillRelations = "skillSkillRelations.csv"
)

// cutESCOSkillGraph cuts the skill graph of the kept skills: the skill groups above them, at
// any distance; the broader relations between two kept concepts (a skill above a kept skill
// that is not kept itself is left out, with its relation); and the skill-skill relations
// between two kept skills.
func cutESCOSkillGraph(read func(name string) (*table, error), skills set) ([]cut, error) {
	groups, err := read(escoSkillGroupsFR)
	if err != nil {
		return nil, err
	}
	uri, err := groups.col("conceptUri")
	if err != nil {
		return nil, fmt.Errorf("esco: %w", err)
	}
	allGroups := set{}
	for _, r := range groups.rows {
		allGroups.add(r.fields[uri])
	}
	broader, err := read(escoBroaderSkill)
	if err != nil {
		return nil, err
	}
	from, err := broader.col("conceptUri")
	if err != nil {
		return nil, fmt.Errorf("esco: %w", err)
	}
	to, err := broader.col("broaderUri")
	if err != nil {
		return nil, fmt.Errorf("esco: %w", err)
	}
	kept, reached := set{}, set{}
	for u := range skills {
		kept.add(u)
	}
	for grew := true; grew; {
		grew = false
		for _, r := range broader.rows {
			if b := r.fields[to]; kept[r.fields[from]] && allGroups[b] && !kept[b] {
				kept.add(b)
				reached.add(b)
				grew = true
			}
		}
	}
	groupRows, err := groups.where([]string{"conceptUri"}, reached)
	if err != nil {
		return nil, fmt.Errorf("esco: %w", err)
	}
	broaderRows, err := broader.where([]string{"conceptUri", "broaderUri"}, kept, kept)
	if err != nil {
		return nil, fmt.Errorf("esco: %w", err)
	}
	relations, err := read(escoSkillRelations)
	if err != nil {
		return nil, err
	}
	relRows, err := relations.where([]string{"originalSkillUri", "relatedSkillUri"}, skills, skills)
	if err != nil {
		return nil, fmt.Errorf("esco: %w", err)
	}
	for _, c := range []struct {
		name string
		rows []row
	}{{escoSkillGroupsFR, groupRows}, {escoBroaderSkill, broaderRows}, {escoSkillRelations, relRows}} {
		if len(c.rows) == 0 {
			return nil, fmt.Errorf("esco: nothing of the excerpt's skills is in %s: add a skill to escoSkills", c.name)
		}
	}
	return []cut{{t: groups, rows: groupRows}, {t: broader, rows: broaderRows}, {t: relations, rows: relRows}}, nil
}
