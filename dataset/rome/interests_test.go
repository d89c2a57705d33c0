package rome_test

import (
	"slices"
	"testing"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/dataset"
	"github.com/careergraph/careergraph/dataset/readertest"
	"github.com/careergraph/careergraph/dataset/rome"
	"github.com/careergraph/careergraph/internal/datafiles"
)

// interestOf returns a profession's interest code in d, "" when none.
func interestOf(d *career.Dataset, pid string) string {
	for _, in := range d.Interests {
		if in.ProfessionID == pid {
			return in.Code
		}
	}
	return ""
}

// contextsOf returns a profession's work contexts in d, in order.
func contextsOf(d *career.Dataset, pid string) []string {
	var out []string
	for _, c := range d.WorkContexts {
		if c.ProfessionID == pid {
			out = append(out, c.Text)
		}
	}
	return out
}

func TestFixtureInterestsAndWorkContexts(t *testing.T) {
	d, ws, err := rome.Read(fixture().Dir(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(ws) != 0 {
		t.Errorf("warnings %v, want none", ws)
	}
	want := []career.Interest{
		{ProfessionID: "profession:rome:A1101", Code: "R"},
		{ProfessionID: "profession:rome:M1805", Code: "IC"},
	}
	if !slices.Equal(d.Interests, want) {
		t.Errorf("Interests = %v, want %v", d.Interests, want)
	}
	wantContexts := []career.WorkContext{
		{ProfessionID: "profession:rome:M1805", Text: "Possibilité de télétravail"},
		{ProfessionID: "profession:rome:M1805", Text: "Station assise prolongée"},
	}
	if !slices.Equal(d.WorkContexts, wantContexts) {
		t.Errorf("WorkContexts = %v, want %v", d.WorkContexts, wantContexts)
	}
}

func TestReadInterestsStrict(t *testing.T) {
	fx := fixture()
	const riasecHeader = `"code_rome","riasec_majeur","riasec_mineur"` + "\n"
	for _, c := range []struct {
		behaviour string
		changes   readertest.Files
		want      dataset.ParseError
	}{
		{"a letter that is not RIASEC",
			readertest.Files{rome.FileRiasec: riasecHeader + `"M1805","X","C"` + "\n"},
			dataset.ParseError{File: rome.FileRiasec, Line: 2, Reason: `riasec_majeur "X" and riasec_mineur "C": want one letter of RIASEC each, two different ones`}},
		{"the same letter twice",
			readertest.Files{rome.FileRiasec: riasecHeader + `"M1805","I","I"` + "\n"},
			dataset.ParseError{File: rome.FileRiasec, Line: 2, Reason: `riasec_majeur "I" and riasec_mineur "I": want one letter of RIASEC each, two different ones`}},
		{"no riasec_majeur",
			readertest.Files{rome.FileRiasec: riasecHeader + `"M1805","","C"` + "\n"},
			dataset.ParseError{File: rome.FileRiasec, Line: 2, Reason: "empty riasec_majeur"}},
		{"a fiche twice",
			readertest.Files{rome.FileRiasec: fx[rome.FileRiasec] + `"M1805","I",""` + "\n"},
			dataset.ParseError{File: rome.FileRiasec, Line: 4, Reason: `duplicate code_rome "M1805"`}},
		{"a contexte de travail twice",
			readertest.Files{rome.FileContextes: fx[rome.FileContextes] + `"300799","Télétravail","1",""` + "\n"},
			dataset.ParseError{File: rome.FileContextes, Line: 4, Reason: `duplicate code_ogr "300799"`}},
	} {
		t.Run(c.behaviour, func(t *testing.T) {
			if got := readParseError(t, c.changes); got != c.want {
				t.Errorf("ParseError %#v\nwant       %#v", got, c.want)
			}
		})
	}

	t.Run("a link to an unknown contexte de travail is dropped with a warning", func(t *testing.T) {
		d, ws, err := rome.Read(fixture().With(readertest.Files{rome.FileLiens: fx[rome.FileLiens] + `"M1805","6","","999999"` + "\n"}).Dir(t))
		if err != nil {
			t.Fatal(err)
		}
		want := []dataset.Warning{{File: rome.FileLiens, Line: 12,
			Reason: `unknown code_ogr "999999" (not in ` + rome.FileContextes + `): work context dropped`}}
		if !slices.Equal(ws, want) {
			t.Errorf("warnings %v, want %v", ws, want)
		}
		if len(d.WorkContexts) != 2 {
			t.Errorf("%d work contexts, want 2", len(d.WorkContexts))
		}
	})
}

// TestReadInterestsExcerpt checks the excerpt's codes and contexts against its raw files: each
// of its 33 fiches has a row in unix_referentiel_code_rome_riasec, and 252 bloc-6 rows of
// unix_liens_rome_referentiels link them to contexts.
func TestReadInterestsExcerpt(t *testing.T) {
	d, _, err := rome.Read(datafiles.Excerpt(t, "rome"))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Interests) != 33 || len(d.WorkContexts) != 252 {
		t.Errorf("%d interests, %d work contexts; want 33, 252", len(d.Interests), len(d.WorkContexts))
	}
	checkM1805Interests(t, d)
}

// TestReadInterestsFull checks the whole export: every one of the 1,584 fiches has a code
// (1,239 with a riasec_mineur), and 13,663 bloc-6 links give work contexts.
func TestReadInterestsFull(t *testing.T) {
	d := realDataset(t)
	two := 0
	for _, in := range d.Interests {
		if len(in.Code) == 2 {
			two++
		}
	}
	if len(d.Interests) != 1584 || two != 1239 || len(d.WorkContexts) != 13663 {
		t.Errorf("%d interests (%d of two letters), %d work contexts; want 1584 (1239), 13663", len(d.Interests), two, len(d.WorkContexts))
	}
	checkM1805Interests(t, d)
}

// checkM1805Interests checks M1805's code ("M1805","I","C") and its seven bloc-6 links, in the
// links file's order (300799, 300806, 403025, 403103, 403104, 403106, 403107).
func checkM1805Interests(t *testing.T, d *career.Dataset) {
	t.Helper()
	const pid = "profession:rome:M1805"
	if got := interestOf(d, pid); got != "IC" {
		t.Errorf("M1805's code %q, want IC", got)
	}
	want := []string{"Possibilité de télétravail", "Travail en journée", "Station assise prolongée",
		"Salarié secteur privé (CDI, CDD)", "Salarié secteur public", "Travailleur indépendant", "Travail en mode projet"}
	if got := contextsOf(d, pid); !slices.Equal(got, want) {
		t.Errorf("M1805's work contexts %q\nwant %q", got, want)
	}
}
