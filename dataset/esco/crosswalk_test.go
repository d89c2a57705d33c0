package esco_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/dataset"
	"github.com/careergraph/careergraph/dataset/esco"
	"github.com/careergraph/careergraph/internal/datafiles"
)

// writeWorkbookEnv, set to 1 with the full data, makes TestCrosswalkExcerptIsCut write the
// excerpt workbook again instead of checking it.
const writeWorkbookEnv = "CAREERGRAPH_WRITE_EXCERPT"

// Rows of the workbook as published: title rows, an empty row, the header.
var (
	workbookTop = [][]string{
		{"O*NET-SOC 2019 Crosswalks"},
		{"European Skills, Competences, Qualifications and Occupations (ESCO) to O*NET-SOC 2019"},
		{},
		{"ESCO/ISCO Code", "ESCO/ISCO Title", "O*NET-SOC 2019 Code", "O*NET-SOC 2019 Title"},
	}
	workbookEnd = [][]string{{}, {"", "This publication uses the ESCO classification of the European Commission. ESCO v1.1.0 used."}}
)

// writeWorkbook writes rows (row 1 first) into the first sheet of a new workbook at path.
func writeWorkbook(t *testing.T, path string, rows [][]string) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sheet := "O-NET-SOC 2019 Crosswalks"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		for j, v := range r {
			cell, err := excelize.CoordinatesToCellName(j+1, i+1)
			if err != nil {
				t.Fatal(err)
			}
			if err := f.SetCellStr(sheet, cell, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

// readRows returns the rows of a workbook's first sheet.
func readRows(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(f.GetSheetList()[0])
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// TestReadCrosswalkExcerpt reads the committed excerpt of the crosswalk
// (testdata/excerpt/crosswalks: the rows of the ESCO excerpt's 21 occupations and of ISCO unit
// group 2512) against the ESCO excerpt: the values below were counted in its rows.
func TestReadCrosswalkExcerpt(t *testing.T) {
	dir := datafiles.Excerpt(t, "esco")
	d, _, err := esco.Read(dir)
	if err != nil {
		t.Fatal(err)
	}
	counts, ws, err := esco.ReadCrosswalk(datafiles.Excerpt(t, "crosswalks", esco.CrosswalkFile), dir, d)
	if err != nil {
		t.Fatal(err)
	}
	// 78 mapping rows: 76 of the 21 occupations (from 1 row, e.g. baker 7512.1, to 11,
	// occupational therapist 2269.4; web developer 2513.5 has 4) to 48 O*NET-SOC codes, and 2 of
	// ISCO group 2512 (skipped).
	want := esco.CrosswalkCounts{Rows: 78, ISCORows: 2, UnknownRows: 0, Links: 76, Occupations: 21, SOCCodes: 48}
	if counts != want {
		t.Errorf("counts = %+v,\nwant %+v", counts, want)
	}
	if len(ws) != 0 {
		t.Errorf("warnings = %v, want none", ws)
	}
	const webDeveloper = "profession:esco:c40a2919-48a9-40ea-b506-1f34f693496d"
	var got []string
	for _, e := range d.Equivalences {
		if e.FromID == webDeveloper {
			got = append(got, e.ToID+" "+string(e.Match)+"|"+e.Source)
		}
		if err := e.Check(esco.Name); err != nil {
			t.Error(err)
		}
	}
	wantLinks := []string{
		"profession:onet:15-1251.00 |O*NET-SOC 2019 crosswalk",
		"profession:onet:15-1254.00 |O*NET-SOC 2019 crosswalk",
		"profession:onet:15-1255.00 |O*NET-SOC 2019 crosswalk",
		"profession:onet:15-1299.01 |O*NET-SOC 2019 crosswalk",
	}
	if !slices.Equal(got, wantLinks) {
		t.Errorf("web developer's links = %q,\nwant %q", got, wantLinks)
	}
}

// TestReadCrosswalkFull reads the whole crosswalk against the whole ESCO export.
func TestReadCrosswalkFull(t *testing.T) {
	dir := datafiles.Full(t, "esco")
	d, _, err := esco.Read(dir)
	if err != nil {
		t.Fatal(err)
	}
	counts, ws, err := esco.ReadCrosswalk(datafiles.Full(t, "crosswalks", esco.CrosswalkFile), dir, d)
	if err != nil {
		t.Fatal(err)
	}
	// 8,627 rows: 921 name a bare ISCO group (344 groups), 90 one of the 33 ESCO v1.1.0 codes
	// that v1.1.1 no longer has (business manager 1120.2, osteopath 3259.6, ...); the 7,616
	// others link 2,973 of ESCO's 3,007 occupations (the count) to 949 O*NET-SOC codes
	// (the workbook names 959: 10 appear only on skipped rows).
	want := esco.CrosswalkCounts{Rows: 8627, ISCORows: 921, UnknownRows: 90, Links: 7616, Occupations: 2973, SOCCodes: 949}
	if counts != want {
		t.Errorf("counts = %+v,\nwant %+v", counts, want)
	}
	if len(ws) != 90 || ws[0].String() != "ESCO_to_ONET-SOC.xlsx:62: ESCO code 1120.2 (business manager) is not an occupation of occupations_en.csv: row skipped" {
		t.Errorf("warnings: %d, the first %v; want 90, the first at row 62", len(ws), ws[:min(1, len(ws))])
	}
}

// TestCrosswalkExcerptIsCut checks that the committed excerpt holds exactly the rows of the
// full workbook that concern the ESCO excerpt's occupations and ISCO group 2512, in order,
// between the workbook's own title rows and end note; with CAREERGRAPH_WRITE_EXCERPT=1 it
// writes the excerpt.
func TestCrosswalkExcerptIsCut(t *testing.T) {
	full := readRows(t, datafiles.Full(t, "crosswalks", esco.CrosswalkFile))
	d, _, err := esco.Read(datafiles.Excerpt(t, "esco"))
	if err != nil {
		t.Fatal(err)
	}
	codes := map[string]bool{"2512": true}
	occ := readCSVColumn(t, datafiles.Excerpt(t, "esco", "occupations_en.csv"), "code")
	for _, c := range occ {
		codes[c] = true
	}
	if len(codes) != len(d.Professions)+1 {
		t.Fatalf("%d codes for %d occupations", len(codes)-1, len(d.Professions))
	}
	cut := slices.Clone(workbookTop)
	for _, r := range full[len(workbookTop):] {
		if len(r) == 4 && codes[r[0]] {
			cut = append(cut, r)
		}
	}
	cut = append(cut, workbookEnd...)
	path := datafiles.Excerpt(t, "crosswalks", esco.CrosswalkFile)
	if os.Getenv(writeWorkbookEnv) == "1" {
		writeWorkbook(t, path, cut)
	}
	got := readRows(t, path)
	if len(got) != len(cut) {
		t.Fatalf("excerpt: %d rows, want %d", len(got), len(cut))
	}
	for i := range cut {
		if !slices.Equal(trimRow(got[i]), trimRow(cut[i])) {
			t.Errorf("excerpt row %d = %q, want %q", i+1, got[i], cut[i])
		}
	}
}

// trimRow drops a row's trailing empty cells.
func trimRow(r []string) []string {
	for len(r) > 0 && r[len(r)-1] == "" {
		r = r[:len(r)-1]
	}
	return r
}

// readCSVColumn returns one column of a CSV file, in file order.
func readCSVColumn(t *testing.T, path, column string) []string {
	t.Helper()
	tab, err := dataset.OpenTable(filepath.Dir(path), filepath.Base(path), dataset.TableOptions{}, column)
	if err != nil {
		t.Fatal(err)
	}
	defer tab.Close()
	var out []string
	col := tab.Col(column)
	if err := tab.Each(func(rec []string) error { out = append(out, rec[col]); return nil }); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestReadCrosswalkMalformed: a malformed workbook fails with the file, the row and the reason.
func TestReadCrosswalkMalformed(t *testing.T) {
	dir := datafiles.Excerpt(t, "esco")
	good := []string{"2513.5", "web developer", "15-1254.00", "Web Developers"}
	cases := []struct {
		name string
		rows [][]string
		want string
	}{
		{"no header", [][]string{{"ESCO code", "title"}, good},
			`ESCO_to_ONET-SOC.xlsx: no header row "ESCO/ISCO Code | ESCO/ISCO Title | O*NET-SOC 2019 Code | O*NET-SOC 2019 Title" in worksheet "O-NET-SOC 2019 Crosswalks"`},
		{"empty code", append(slices.Clone(workbookTop), good, []string{"", "web developer", "15-1254.00", "Web Developers"}),
			"ESCO_to_ONET-SOC.xlsx:6: empty ESCO/ISCO code"},
		{"bad ESCO code", append(slices.Clone(workbookTop), []string{"2513-5", "web developer", "15-1254.00", "Web Developers"}),
			`ESCO_to_ONET-SOC.xlsx:5: ESCO/ISCO code "2513-5": want an ESCO occupation code (e.g. 2512.4) or an ISCO-08 group code (e.g. 2512)`},
		{"bad O*NET code", append(slices.Clone(workbookTop), []string{"2513.5", "web developer", "151254", "Web Developers"}),
			`ESCO_to_ONET-SOC.xlsx:5: O*NET-SOC 2019 code "151254": want NN-NNNN.NN (e.g. 15-1254.00)`},
		{"row after the end note", append(append(slices.Clone(workbookTop), workbookEnd...), good),
			`ESCO_to_ONET-SOC.xlsx:7: a row after the end note "This publication uses the ESCO classification"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), esco.CrosswalkFile)
			writeWorkbook(t, path, c.rows)
			d := &career.Dataset{}
			_, _, err := esco.ReadCrosswalk(path, dir, d)
			var pe *dataset.ParseError
			if !errors.As(err, &pe) || err.Error() != c.want {
				t.Errorf("err = %v,\nwant *dataset.ParseError %s", err, c.want)
			}
		})
	}
	t.Run("not a workbook", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), esco.CrosswalkFile)
		if err := os.WriteFile(path, []byte("code,title\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		_, _, err := esco.ReadCrosswalk(path, dir, &career.Dataset{})
		var pe *dataset.ParseError
		if !errors.As(err, &pe) || !strings.HasPrefix(err.Error(), "ESCO_to_ONET-SOC.xlsx: cannot read the workbook: ") {
			t.Errorf("err = %v, want a *dataset.ParseError: cannot read the workbook", err)
		}
	})
	t.Run("unknown code and repeated row: skipped with warnings", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), esco.CrosswalkFile)
		rows := append(slices.Clone(workbookTop), good, []string{"1120.2", "business manager", "11-1021.00", "General and Operations Managers"}, good)
		writeWorkbook(t, path, append(rows, workbookEnd...))
		d := &career.Dataset{}
		counts, ws, err := esco.ReadCrosswalk(path, dir, d)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, w := range ws {
			got = append(got, w.String())
		}
		want := []string{
			"ESCO_to_ONET-SOC.xlsx:6: ESCO code 1120.2 (business manager) is not an occupation of occupations_en.csv: row skipped",
			"ESCO_to_ONET-SOC.xlsx:7: 2513.5 -> 15-1254.00 repeats row 5: row skipped",
		}
		if !slices.Equal(got, want) || counts.Links != 1 || len(d.Equivalences) != 1 {
			t.Errorf("warnings %q, links %d, equivalences %d; want %q, 1, 1", got, counts.Links, len(d.Equivalences), want)
		}
	})
}
