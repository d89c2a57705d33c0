package esco_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/careergraph/careergraph/dataset"
	"github.com/careergraph/careergraph/dataset/esco"
	"github.com/careergraph/careergraph/dataset/readertest"
)

// readParseError reads the fixture with changes and returns the *dataset.ParseError Read fails with.
func readParseError(t *testing.T, changes readertest.Files) dataset.ParseError {
	t.Helper()
	d, _, err := esco.Read(fixture().With(changes).Dir(t))
	var pe *dataset.ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("Read = %v, %v; want a *dataset.ParseError", d, err)
	}
	return *pe
}

// unknownRelations returns n relations of an occupation that is in neither occupations file.
func unknownRelations(n int) string {
	var b strings.Builder
	for range n {
		fmt.Fprintf(&b, "%s,essential,skill/competence,%s2522a6ce-3202-4ac8-9f5b-b9cb5a3a83a1\n", missingOcc, skillURI)
	}
	return b.String()
}

func TestReadStrict(t *testing.T) {
	fx := fixture()
	const truncated = "truncated file: the last record has no line break at its end"
	for _, c := range []struct {
		behaviour string
		changes   readertest.Files
		want      dataset.ParseError
	}{
		{"the French occupations cut in the middle of their last line",
			readertest.Files{fileOccupationsFR: fx[fileOccupationsFR][:strings.LastIndex(fx[fileOccupationsFR], ",released,")]},
			dataset.ParseError{File: fileOccupationsFR, Line: 5, Reason: truncated}},
		{"the relations cut inside a quoted field",
			readertest.Files{fileRelations: fx[fileRelations] + softwareDevURI + `,optional,"skill/comp`},
			dataset.ParseError{File: fileRelations, Line: 7, Reason: truncated}},
		{"a record with a field too few",
			readertest.Files{fileISCOGroupsFR: fx[fileISCOGroupsFR] + "ISCOGroup,http://data.europa.eu/esco/isco/C251,251,Concepteurs,released\n"},
			dataset.ParseError{File: fileISCOGroupsFR, Line: 8, Reason: "wrong number of fields: want 8 as in the header"}},
		{"a NUL byte in a concept URI",
			readertest.Files{fileSkillsEN: strings.Replace(fx[fileSkillsEN], "0ccdfe98-f845", "0ccdfe98\x00-f845", 1)},
			dataset.ParseError{File: fileSkillsEN, Line: 4, Reason: "NUL byte in field 2 (conceptUri)"}},
		{"a French label in Latin-1, not UTF-8",
			readertest.Files{fileLabelsAPI: strings.Replace(fx[fileLabelsAPI], "déboguer", "d\xe9boguer", 1)},
			dataset.ParseError{File: "skills_fr_api_2026.csv", Line: 2, Reason: "invalid UTF-8 in field 2 (preferredLabel)"}},
		{"more bad rows than allowed",
			readertest.Files{fileRelations: fx[fileRelations] + unknownRelations(11)},
			dataset.ParseError{File: fileRelations,
				Reason: "too many bad rows: 11 of 16 rows dropped or repaired (the first at line 7), more than the 10 allowed (1% of the rows, at least 10)"}},
	} {
		t.Run(c.behaviour, func(t *testing.T) {
			if got := readParseError(t, c.changes); got != c.want {
				t.Errorf("ParseError %#v\nwant       %#v", got, c.want)
			}
		})
	}

	// No file may be empty, the optional French label files included when they are there.
	for _, name := range fx.Names() {
		t.Run("a header-only "+name, func(t *testing.T) {
			header, _, _ := strings.Cut(fx[name], "\n")
			want := dataset.ParseError{File: name[strings.LastIndex(name, "/")+1:], Line: 1, Reason: "no data rows: the file has a header only"}
			if got := readParseError(t, readertest.Files{name: header + "\n"}); got != want {
				t.Errorf("ParseError %#v\nwant       %#v", got, want)
			}
		})
	}

	t.Run("up to the allowance, bad rows are warnings", func(t *testing.T) {
		d, ws, err := esco.Read(fixture().With(readertest.Files{fileRelations: fx[fileRelations] + unknownRelations(10)}).Dir(t))
		if err != nil {
			t.Fatal(err)
		}
		want := dataset.Warning{File: fileRelations, Line: 7,
			Reason: "10 rows link occupation " + missingOcc + ", which is in neither occupations_fr.csv nor occupations_en.csv: skipped"}
		if len(ws) != fixtureWarnings+1 || ws[len(ws)-1] != want {
			t.Errorf("warnings %v, want the fixture's and %v", ws, want)
		}
		if len(d.Requirements) != 5 {
			t.Errorf("%d requirements, want 5", len(d.Requirements))
		}
	})
	t.Run("a byte order mark at the start of every file is skipped", func(t *testing.T) {
		bom := readertest.Files{}
		for name, content := range fx {
			bom[name] = "\ufeff" + content
		}
		d, ws, err := esco.Read(fixture().With(bom).Dir(t))
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Professions) != 3 || len(d.Requirements) != 5 || len(ws) != fixtureWarnings {
			t.Errorf("read %v with %d warnings, want 3 professions, 5 requirements, %d warnings", d, len(ws), fixtureWarnings)
		}
	})
}
