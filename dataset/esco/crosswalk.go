package esco

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/dataset"
	"github.com/careergraph/careergraph/dataset/onet"
)

// The ESCO → O*NET-SOC 2019 crosswalk of the O*NET Resource Center, read as published.
const (
	// CrosswalkFile is the workbook's name, in the crosswalk folder.
	CrosswalkFile = "ESCO_to_ONET-SOC.xlsx"
	// CrosswalkSource is the source of the equivalences it gives.
	CrosswalkSource = "O*NET-SOC 2019 crosswalk"
	// crosswalkEndNote starts the attribution line the workbook ends with.
	crosswalkEndNote = "This publication uses the ESCO classification"
)

// crosswalkHeader is the header row of the workbook's mapping table.
var crosswalkHeader = []string{"ESCO/ISCO Code", "ESCO/ISCO Title", "O*NET-SOC 2019 Code", "O*NET-SOC 2019 Title"}

var (
	// escoCode is an ESCO occupation code: its ISCO-08 unit group, then one or more ".n".
	escoCode = regexp.MustCompile(`^[0-9]{4}(\.[0-9]+)+$`)
	// iscoCode is a bare ISCO-08 group code (the workbook's unit groups).
	iscoCode = regexp.MustCompile(`^[0-9]{1,4}$`)
	// socCode is an O*NET-SOC 2019 code.
	socCode = regexp.MustCompile(`^[0-9]{2}-[0-9]{4}\.[0-9]{2}$`)
)

// CrosswalkCounts says what ReadCrosswalk found in the workbook.
type CrosswalkCounts struct {
	// Rows are the mapping rows (between the header and the end note).
	Rows int
	// ISCORows map a bare ISCO-08 group, not an ESCO occupation: skipped (see ReadCrosswalk).
	ISCORows int
	// UnknownRows name an ESCO code that no occupation of the export has: skipped.
	UnknownRows int
	// Links are the equivalences made, one per remaining row.
	Links int
	// Occupations and SOCCodes count the distinct ESCO occupations and O*NET-SOC codes linked.
	Occupations, SOCCodes int
}

// ReadCrosswalk reads the workbook at path (CrosswalkFile) and links d's professions (read by
// Read from the export in dir) to the O*NET-SOC 2019 occupations it maps them to: one
// Equivalence per row, from the ESCO occupation to "profession:onet:<code>", with no match (the
// workbook does not say how the two relate), source CrosswalkSource and confidence 1. The
// links are added to d.Equivalences, in the workbook's order.
//
// Rows whose ESCO side is a bare ISCO-08 group code are skipped: the crosswalk maps an O*NET
// occupation to the group where no ESCO occupation fits it, so linking it to every occupation
// of the group would claim links the crosswalk does not make. Rows naming an ESCO code that the
// export does not have (the workbook was made with ESCO v1.1.0) and repeated rows are skipped
// with a warning. A malformed workbook (no sheet, no header, a row with a missing or malformed
// code) fails with a *dataset.ParseError naming the file, the row and the reason.
func ReadCrosswalk(path, dir string, d *career.Dataset) (CrosswalkCounts, []dataset.Warning, error) {
	var counts CrosswalkCounts
	file := filepath.Base(path)
	fail := func(row int, format string, args ...any) error {
		return &dataset.ParseError{File: file, Line: row, Reason: fmt.Sprintf(format, args...)}
	}
	byCode, err := occupationCodes(dir)
	if err != nil {
		return counts, nil, err
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		return counts, nil, fail(0, "cannot read the workbook: %v", err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return counts, nil, fail(0, "the workbook has no worksheet")
	}
	rows, err := f.GetRows(sheets[0])
	if err != nil {
		return counts, nil, fail(0, "cannot read worksheet %q: %v", sheets[0], err)
	}
	header := -1
	for i, r := range rows {
		if sameCells(r, crosswalkHeader) {
			header = i
			break
		}
	}
	if header < 0 {
		return counts, nil, fail(0, "no header row %q in worksheet %q", strings.Join(crosswalkHeader, " | "), sheets[0])
	}

	var warnings []dataset.Warning
	seen := make(map[[2]string]int)
	occs, socs := map[string]bool{}, map[string]bool{}
	ended := false
	for i := header + 1; i < len(rows); i++ {
		row, cells := i+1, cellsOf(rows[i], len(crosswalkHeader))
		if strings.Join(cells, "") == "" {
			continue
		}
		if ended {
			return counts, nil, fail(row, "a row after the end note %q", crosswalkEndNote)
		}
		code, soc := cells[0], cells[2]
		if code == "" && strings.HasPrefix(cells[1], crosswalkEndNote) {
			ended = true
			continue
		}
		switch {
		case code == "":
			return counts, nil, fail(row, "empty ESCO/ISCO code")
		case !escoCode.MatchString(code) && !iscoCode.MatchString(code):
			return counts, nil, fail(row, "ESCO/ISCO code %q: want an ESCO occupation code (e.g. 2512.4) or an ISCO-08 group code (e.g. 2512)", code)
		case !socCode.MatchString(soc):
			return counts, nil, fail(row, "O*NET-SOC 2019 code %q: want NN-NNNN.NN (e.g. 15-1254.00)", soc)
		}
		counts.Rows++
		if iscoCode.MatchString(code) {
			counts.ISCORows++
			continue
		}
		id, ok := byCode[code]
		if !ok {
			counts.UnknownRows++
			warnings = append(warnings, dataset.Warning{File: file, Line: row,
				Reason: fmt.Sprintf("ESCO code %s (%s) is not an occupation of %s: row skipped", code, cells[1], fileOccupationsEN)})
			continue
		}
		if first, dup := seen[[2]string{code, soc}]; dup {
			warnings = append(warnings, dataset.Warning{File: file, Line: row,
				Reason: fmt.Sprintf("%s -> %s repeats row %d: row skipped", code, soc, first)})
			continue
		}
		seen[[2]string{code, soc}] = row
		d.Equivalences = append(d.Equivalences, career.Equivalence{
			FromID:     id,
			ToID:       career.MakeID(career.KindProfession, onet.DatasetName, soc),
			Source:     CrosswalkSource,
			Confidence: 1,
		})
		counts.Links++
		occs[code], socs[soc] = true, true
	}
	counts.Occupations, counts.SOCCodes = len(occs), len(socs)
	return counts, warnings, nil
}

// sameCells reports whether a row holds exactly want (trailing empty cells aside).
func sameCells(row, want []string) bool {
	cells := cellsOf(row, len(want))
	for i, w := range want {
		if cells[i] != w {
			return false
		}
	}
	for _, c := range row[min(len(row), len(want)):] {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// cellsOf returns the first n cells of a row, trimmed, padded with "".
func cellsOf(row []string, n int) []string {
	out := make([]string, n)
	for i := range min(n, len(row)) {
		out[i] = strings.TrimSpace(row[i])
	}
	return out
}

// occupationCodes maps the ESCO occupation codes (the code column of occupations_en.csv, e.g.
// 2512.4) to the IDs of the professions Read makes of them.
func occupationCodes(dir string) (map[string]string, error) {
	t, err := openTable(dir, fileOccupationsEN, "conceptUri", "code")
	if err != nil {
		return nil, err
	}
	defer t.Close()
	uri, code := t.Col("conceptUri"), t.Col("code")
	out := make(map[string]string, 3100)
	err = t.Each(func(rec []string) error {
		if c, u := strings.TrimSpace(rec[code]), uuidOf(strings.TrimSpace(rec[uri])); c != "" && u != "" {
			out[c] = career.MakeID(career.KindProfession, Name, u)
		}
		return nil
	})
	return out, err
}

// FrenchTitles reads the French preferred and alternative labels of ESCO's occupations from
// occupations_fr.csv in dir, for the links other datasets compute to ESCO
// (dataset.MatchTitles), without reading the rest of the export.
func FrenchTitles(dir string) ([]dataset.Title, error) {
	t, err := openTable(dir, fileOccupationsFR, "conceptUri", "preferredLabel", "altLabels")
	if err != nil {
		return nil, err
	}
	defer t.Close()
	uri, label, alts := t.Col("conceptUri"), t.Col("preferredLabel"), t.Col("altLabels")
	var out []dataset.Title
	err = t.Each(func(rec []string) error {
		u := uuidOf(strings.TrimSpace(rec[uri]))
		name := clean(rec[label])
		if u == "" || name == "" {
			return nil // Read reports these rows
		}
		id := career.MakeID(career.KindProfession, Name, u)
		out = append(out, dataset.Title{ProfessionID: id, Text: name, Preferred: true})
		for _, a := range altNames(name, labels(rec[alts], "\n")) {
			out = append(out, dataset.Title{ProfessionID: id, Text: a})
		}
		return nil
	})
	return out, err
}
