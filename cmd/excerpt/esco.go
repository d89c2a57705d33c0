package main

import (
	"fmt"
	"path"
)

// The ESCO files esco.Read reads, by their published names (the package keeps its list
// unexported). The French collections and the fr-skill-labels files are optional for the
// reader; the excerpt has them all.
const (
	escoOccupationsFR = "occupations_fr.csv"
	escoOccupationsEN = "occupations_en.csv"
	escoISCOGroupsFR  = "ISCOGroups_fr.csv"
	escoSkillsEN      = "skills_en.csv"
	escoRelations     = "occupationSkillRelations.csv"
	escoBroaderOcc    = "broaderRelationsOccPillar.csv"
)

// escoSkillFiles are the ESCO files of skill collections and French skill labels, each keyed
// by the skill's conceptUri.
var escoSkillFiles = []string{
	"languageSkillsCollection_en.csv",
	"transversalSkillsCollection_en.csv",
	"fr-skill-labels/skills_fr_api_2026.csv",
	"digCompSkillsCollection_fr.csv",
	"digitalSkillsCollection_fr.csv",
	"greenSkillsCollection_fr.csv",
	"languageSkillsCollection_fr.csv",
	"researchSkillsCollection_fr.csv",
	"transversalSkillsCollection_fr.csv",
	"fr-skill-labels/skills_fr_v1.0.csv",
}

// ESCO concept URIs are these prefixes followed by the concept's UUID.
const (
	escoOccupationURI = "http://data.europa.eu/esco/occupation/"
	escoSkillURI      = "http://data.europa.eu/esco/skill/"
)

// cutESCO cuts the ESCO excerpt: the occupations of escoOccupations, their relations to
// skills, those skills and the skills of escoSkills, with their rows in the collections and
// the French label files; the ISCO groups the occupations belong to, with their broader
// groups; and the broader relations between two kept concepts.
func cutESCO(from string) ([]cut, error) {
	read := func(name string) (*table, error) {
		t, err := readTable(from, name, ',')
		if err != nil {
			return nil, fmt.Errorf("esco: %w", err)
		}
		return t, nil
	}
	occURIs := make([]string, len(escoOccupations))
	for i, uuid := range escoOccupations {
		occURIs[i] = escoOccupationURI + uuid
	}
	occs := setOf(occURIs...)
	var cuts []cut
	isco := set{}
	for _, name := range []string{escoOccupationsFR, escoOccupationsEN} {
		t, err := read(name)
		if err != nil {
			return nil, err
		}
		rows, err := t.where([]string{"conceptUri"}, occs)
		if err != nil {
			return nil, fmt.Errorf("esco: %w", err)
		}
		if name == escoOccupationsFR && len(rows) != len(occs) {
			return nil, fmt.Errorf("esco: %d of the %d occupations to keep are not in %s", len(occs)-len(rows), len(occs), t.file)
		}
		g, err := t.col("iscoGroup")
		if err != nil {
			return nil, fmt.Errorf("esco: %w", err)
		}
		for _, r := range rows {
			// The unit group and every broader group: its code's prefixes ("2512", "251", "25", "2").
			for code := r.fields[g]; code != ""; code = code[:len(code)-1] {
				isco.add(code)
			}
		}
		cuts = append(cuts, cut{t: t, rows: rows})
	}

	groups, err := read(escoISCOGroupsFR)
	if err != nil {
		return nil, err
	}
	groupRows, err := groups.where([]string{"code"}, isco)
	if err != nil {
		return nil, fmt.Errorf("esco: %w", err)
	}
	cuts = append(cuts, cut{t: groups, rows: groupRows})

	relations, err := read(escoRelations)
	if err != nil {
		return nil, err
	}
	relRows, err := relations.where([]string{"occupationUri"}, occs)
	if err != nil {
		return nil, fmt.Errorf("esco: %w", err)
	}
	skills := set{}
	for _, uuid := range escoSkills {
		skills.add(escoSkillURI + uuid)
	}
	s, err := relations.col("skillUri")
	if err != nil {
		return nil, fmt.Errorf("esco: %w", err)
	}
	for _, r := range relRows {
		skills.add(r.fields[s])
	}
	skillTable, err := read(escoSkillsEN)
	if err != nil {
		return nil, err
	}
	skillRows, err := skillTable.where([]string{"conceptUri"}, skills)
	if err != nil {
		return nil, fmt.Errorf("esco: %w", err)
	}
	if len(skillRows) != len(skills) {
		return nil, fmt.Errorf("esco: %d of the %d skills to keep are not in %s", len(skills)-len(skillRows), len(skills), skillTable.file)
	}
	cuts = append(cuts, cut{t: skillTable, rows: skillRows})
	cuts = append(cuts, cut{t: relations, rows: relRows})

	concepts := set{}
	for u := range occs {
		concepts.add(u)
	}
	uri, err := groups.col("conceptUri")
	if err != nil {
		return nil, fmt.Errorf("esco: %w", err)
	}
	for _, r := range groupRows {
		concepts.add(r.fields[uri])
	}
	broader, err := read(escoBroaderOcc)
	if err != nil {
		return nil, err
	}
	broaderRows, err := broader.where([]string{"conceptUri", "broaderUri"}, occs, concepts)
	if err != nil {
		return nil, fmt.Errorf("esco: %w", err)
	}
	cuts = append(cuts, cut{t: broader, rows: broaderRows})

	for _, name := range escoSkillFiles {
		t, err := read(name)
		if err != nil {
			return nil, err
		}
		rows, err := t.where([]string{"conceptUri"}, skills)
		if err != nil {
			return nil, fmt.Errorf("esco: %w", err)
		}
		if len(rows) == 0 {
			return nil, fmt.Errorf("esco: no skill of the excerpt is in %s: add one to escoSkills", path.Base(name))
		}
		cuts = append(cuts, cut{t: t, rows: rows})
	}
	graph, err := cutESCOSkillGraph(read, skills)
	if err != nil {
		return nil, err
	}
	return append(cuts, graph...), nil
}
