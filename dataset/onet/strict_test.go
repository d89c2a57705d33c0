package onet_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/careergraph/careergraph/dataset"
	"github.com/careergraph/careergraph/dataset/onet"
	"github.com/careergraph/careergraph/dataset/readertest"
)

const truncated = "truncated file: the last record has no line break at its end"

// readParseError reads dir and returns the *dataset.ParseError Read fails with.
func readParseError(t *testing.T, dir string) dataset.ParseError {
	t.Helper()
	d, _, err := onet.Read(dir)
	var pe *dataset.ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("Read = %v, %v; want a *dataset.ParseError", d, err)
	}
	return *pe
}

// unknownRelated returns n related occupations of Web Developers that are not in Occupation Data.txt.
func unknownRelated(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "15-1254.00\tWeb Developers\t99-%04d.00\tUnknown\tSupplemental\t%d\n", i, i+11)
	}
	return b.String()
}

func TestReadStrict(t *testing.T) {
	fx := fixture()
	occ := fx["Occupation Data.txt"]
	for _, c := range []struct {
		behaviour string
		changes   readertest.Files
		want      dataset.ParseError
	}{
		{"Occupation Data.txt cut in the middle of its last description",
			readertest.Files{"Occupation Data.txt": occ[:strings.LastIndex(occ, " systems analysis")]},
			dataset.ParseError{File: "Occupation Data.txt", Line: 4, Reason: truncated}},
		{"Occupation Data.txt cut in the middle of its last title, leaving too few fields",
			readertest.Files{"Occupation Data.txt": occ[:strings.LastIndex(occ, " Information Systems Managers")]},
			dataset.ParseError{File: "Occupation Data.txt", Line: 4, Reason: truncated}},
		{"a record with a field too many",
			readertest.Files{"Job Zones.txt": fx["Job Zones.txt"] + "15-1254.00\tWeb Developers\t3\t08/2023\tAnalyst\textra\n"},
			dataset.ParseError{File: "Job Zones.txt", Line: 5, Reason: "wrong number of fields: got 6, want 5 as in the header"}},
		{"a NUL byte in an occupation code",
			readertest.Files{"Occupation Data.txt": strings.Replace(occ, "15-1254.00", "15-1254\x00.00", 1)},
			dataset.ParseError{File: "Occupation Data.txt", Line: 3, Reason: "NUL byte in field 1 (O*NET-SOC Code)"}},
		{"a task in Windows-1252, not UTF-8",
			readertest.Files{"Task Statements.txt": strings.Replace(fx["Task Statements.txt"], "feasibility of design.", "feasibility of design\x85", 1)},
			dataset.ParseError{File: "Task Statements.txt", Line: 3, Reason: "invalid UTF-8 in field 4 (Task)"}},
		{"more bad rows than allowed",
			readertest.Files{"Related Occupations.txt": fx["Related Occupations.txt"] + unknownRelated(11)},
			dataset.ParseError{File: "Related Occupations.txt",
				Reason: "too many bad rows: 11 of 14 rows dropped or repaired (the first at line 5), more than the 10 allowed (1% of the rows, at least 10)"}},
	} {
		t.Run(c.behaviour, func(t *testing.T) {
			if got := readParseError(t, fx.With(c.changes).Dir(t)); got != c.want {
				t.Errorf("ParseError %#v\nwant       %#v", got, c.want)
			}
		})
	}

	// No file may be empty: every release rates, links and describes every occupation.
	for _, name := range fx.Names() {
		t.Run("a header-only "+name, func(t *testing.T) {
			header, _, _ := strings.Cut(fx[name], "\n")
			want := dataset.ParseError{File: name, Line: 1, Reason: "no data rows: the file has a header only"}
			if got := readParseError(t, fx.With(readertest.Files{name: header + "\n"}).Dir(t)); got != want {
				t.Errorf("ParseError %#v\nwant       %#v", got, want)
			}
		})
	}

	t.Run("up to the allowance, bad rows are warnings", func(t *testing.T) {
		d, ws, err := onet.Read(fx.With(readertest.Files{"Related Occupations.txt": fx["Related Occupations.txt"] + unknownRelated(10)}).Dir(t))
		if err != nil {
			t.Fatal(err)
		}
		want := dataset.Warning{File: "Related Occupations.txt", Line: 14,
			Reason: `unknown O*NET-SOC Code "99-0009.00" (not in Occupation Data.txt): record skipped`}
		if len(ws) != 10 || ws[9] != want {
			t.Errorf("warnings %v, want 10, the last %v", ws, want)
		}
		if len(d.Moves) != 3 {
			t.Errorf("%d moves, want 3", len(d.Moves))
		}
	})
	t.Run("a byte order mark at the start of every file is skipped", func(t *testing.T) {
		bom := readertest.Files{}
		for name, content := range fx {
			bom[name] = "\ufeff" + content
		}
		d, ws, err := onet.Read(fx.With(bom).Dir(t))
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Professions) != 3 || len(d.Requirements) != 7 || len(ws) != 0 {
			t.Errorf("read %v with %d warnings, want 3 professions, 7 requirements, no warning", d, len(ws))
		}
	})
}

// TestReadCutOccupationData reads the real folder with Occupation Data.txt cut short, as an
// interrupted download leaves it. Before, a cut in the middle of a line gave 593 of the 1,016
// professions and 133,233 warnings.
func TestReadCutOccupationData(t *testing.T) {
	cut := func(t *testing.T, keep func(lines []string) string) string {
		t.Helper()
		src, dir := copyFolder(t)
		b, err := os.ReadFile(filepath.Join(src, "Occupation Data.txt"))
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, "Occupation Data.txt")
		if err := os.Remove(path); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(keep(strings.SplitAfter(string(b), "\n"))), 0o644); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	t.Run("in the middle of line 595", func(t *testing.T) {
		dir := cut(t, func(l []string) string { return strings.Join(l[:594], "") + l[594][:len(l[594])/2] })
		want := dataset.ParseError{File: "Occupation Data.txt", Line: 595, Reason: truncated}
		if got := readParseError(t, dir); got != want {
			t.Errorf("ParseError %#v\nwant       %#v", got, want)
		}
	})
	t.Run("at the end of line 594: the next file has too many unknown occupations", func(t *testing.T) {
		// The counts agree with awk over the real files: 35,052 of the 56,560 alternate titles
		// name one of the 423 occupations cut off, the first on line 21,510.
		dir := cut(t, func(l []string) string { return strings.Join(l[:594], "") })
		want := dataset.ParseError{File: "Alternate Titles.txt.gz",
			Reason: "too many bad rows: 35052 of 56560 rows dropped or repaired (the first at line 21510), more than the 565 allowed (1% of the rows, at least 10)"}
		if got := readParseError(t, dir); got != want {
			t.Errorf("ParseError %#v\nwant       %#v", got, want)
		}
	})
}
