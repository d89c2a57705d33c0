package main

import (
	"fmt"

	"github.com/careergraph/careergraph/dataset/onet"
)

// O*NET's column names that the cut uses.
const (
	onetCode        = "O*NET-SOC Code"
	onetRelatedCode = "Related O*NET-SOC Code"
	onetElementID   = "Element ID"
)

// cutONET cuts the O*NET excerpt: the occupations of onetOccupations and their rows in every
// file onet.Read reads; a related occupation when both occupations are kept; the Content Model
// elements the kept Skills and Knowledge rows rate. The education categories (a reference
// table of 41 rows that defines the trainings) are kept whole.
func cutONET(from string) ([]cut, error) {
	read := func(name string) (*table, error) {
		t, err := readTable(from, name, '\t')
		if err != nil {
			return nil, fmt.Errorf("onet: %w", err)
		}
		return t, nil
	}
	occs := setOf(onetOccupations...)
	var cuts []cut
	elements := set{}
	for _, name := range []string{onet.FileOccupations, onet.FileAlternateTitles, onet.FileTasks, onet.FileSkills,
		onet.FileKnowledge, onet.FileJobZones, onet.FileEducation, onet.FileTechnologySkills, onet.FileToolsUsed,
		onet.FileInterests} {
		t, err := read(name)
		if err != nil {
			return nil, err
		}
		rows, err := t.where([]string{onetCode}, occs)
		if err != nil {
			return nil, fmt.Errorf("onet: %w", err)
		}
		switch name {
		case onet.FileOccupations:
			if len(rows) != len(occs) {
				return nil, fmt.Errorf("onet: %d of the %d occupations to keep are not in %s", len(occs)-len(rows), len(occs), t.file)
			}
		case onet.FileSkills, onet.FileKnowledge:
			e, err := t.col(onetElementID)
			if err != nil {
				return nil, fmt.Errorf("onet: %w", err)
			}
			for _, r := range rows {
				elements.add(r.fields[e])
			}
		}
		cuts = append(cuts, cut{t: t, rows: rows})
	}

	related, err := read(onet.FileRelatedOccupations)
	if err != nil {
		return nil, err
	}
	relatedRows, err := related.where([]string{onetCode, onetRelatedCode}, occs, occs)
	if err != nil {
		return nil, fmt.Errorf("onet: %w", err)
	}
	cuts = append(cuts, cut{t: related, rows: relatedRows})

	model, err := read(onet.FileContentModel)
	if err != nil {
		return nil, err
	}
	modelRows, err := model.where([]string{onetElementID}, elements)
	if err != nil {
		return nil, fmt.Errorf("onet: %w", err)
	}
	cuts = append(cuts, cut{t: model, rows: modelRows})

	categories, err := read(onet.FileEducationCategory)
	if err != nil {
		return nil, err
	}
	cuts = append(cuts, cut{t: categories, rows: categories.rows})
	return cuts, nil
}
