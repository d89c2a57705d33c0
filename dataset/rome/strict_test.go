package rome_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/careergraph/careergraph/dataset"
	"github.com/careergraph/careergraph/dataset/readertest"
	"github.com/careergraph/careergraph/dataset/rome"
)

// headerOnly returns the first line of a fixture file, with its line break.
func headerOnly(content string) string {
	header, _, _ := strings.Cut(content, "\n")
	return header + "\n"
}

// readParseError reads the fixture with changes and returns the *dataset.ParseError Read fails with.
func readParseError(t *testing.T, changes readertest.Files) dataset.ParseError {
	t.Helper()
	d, _, err := rome.Read(fixture().With(changes).Dir(t))
	var pe *dataset.ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("Read = %v, %v; want a *dataset.ParseError", d, err)
	}
	return *pe
}

func TestReadStrict(t *testing.T) {
	fx := fixture()
	const truncated = "truncated file: the last record has no line break at its end"
	for _, c := range []struct {
		behaviour string
		changes   readertest.Files
		want      dataset.ParseError
	}{
		{"the fiches cut in the middle of a quoted field",
			readertest.Files{rome.FileFiches: strings.TrimSuffix(fx[rome.FileFiches], "Emploi Blanc\",\"O\",\"N\",\"N\",\"O\",\"M1805\"\n")},
			dataset.ParseError{File: rome.FileFiches, Line: 4, Reason: truncated}},
		{"the moves cut after the last field of the last line",
			readertest.Files{rome.FileMobilite: strings.TrimSuffix(fx[rome.FileMobilite], "\n")},
			dataset.ParseError{File: rome.FileMobilite, Line: 4, Reason: truncated}},
		{"a record with a field too many",
			readertest.Files{rome.FileLiens: fx[rome.FileLiens] + `"M1813","5","","100100","x"` + "\n"},
			dataset.ParseError{File: rome.FileLiens, Line: 12, Reason: "wrong number of fields: got 5, want 4 (as in the header)"}},
		{"a NUL byte in a code",
			readertest.Files{rome.FileFiches: strings.Replace(fx[rome.FileFiches], `"A1101","11"`, "\"A120\x004\",\"11\"", 1)},
			dataset.ParseError{File: rome.FileFiches, Line: 2, Reason: "NUL byte in field 1 (code_rome)"}},
		{"a name in Latin-1, not UTF-8",
			readertest.Files{rome.FileCompetence: strings.Replace(fx[rome.FileCompetence], "Faire preuve de rigueur et de précision", "Faire preuve de rigueur et de pr\xe9cision", 1)},
			dataset.ParseError{File: rome.FileCompetence, Line: 4, Reason: "invalid UTF-8 in field 3 (libelle_competence)"}},
		{"more bad rows than allowed",
			readertest.Files{rome.FileMobilite: fx[rome.FileMobilite] + unknownMoves(11)},
			dataset.ParseError{File: rome.FileMobilite,
				Reason: "too many bad rows: 11 of 14 rows dropped or repaired (the first at line 5), more than the 10 allowed (1% of the rows, at least 10)"}},
	} {
		t.Run(c.behaviour, func(t *testing.T) {
			if got := readParseError(t, c.changes); got != c.want {
				t.Errorf("ParseError %#v\nwant       %#v", got, c.want)
			}
		})
	}

	// No file of the export may be empty: every release has fiches, domains, appellations, texts,
	// compétences, savoirs, their coherence, their links and moves.
	for _, name := range rome.Files() {
		t.Run("a header-only "+name, func(t *testing.T) {
			want := dataset.ParseError{File: name, Line: 1, Reason: "no data rows: the file has a header only"}
			if got := readParseError(t, readertest.Files{name: headerOnly(fx[name])}); got != want {
				t.Errorf("ParseError %#v\nwant       %#v", got, want)
			}
		})
	}

	t.Run("up to the allowance, bad rows are warnings", func(t *testing.T) {
		d, ws, err := rome.Read(fixture().With(readertest.Files{rome.FileMobilite: fx[rome.FileMobilite] + unknownMoves(10)}).Dir(t))
		if err != nil {
			t.Fatal(err)
		}
		if len(ws) != 10 || ws[9] != (dataset.Warning{File: rome.FileMobilite, Line: 14, Reason: `unknown code_rome_cible "Z9909": move dropped`}) {
			t.Errorf("warnings %v, want 10, the last at line 14", ws)
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
		d, ws, err := rome.Read(fixture().With(bom).Dir(t))
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Professions) != 3 || len(d.Requirements) != 6 || len(ws) != 0 {
			t.Errorf("read %v with %d warnings, want 3 professions, 6 requirements, no warning", d, len(ws))
		}
	})
}

// unknownMoves returns n moves from M1805 to fiches that do not exist.
func unknownMoves(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "\"M1805\",\"Z99%02d\",\"%d\"\n", i, i+2)
	}
	return b.String()
}

// TestReadRealExportWithByteOrderMarks reads the real export with a byte order mark added at
// the start of every file: before, the first quoted column name failed as a bare quote.
func TestReadRealExportWithByteOrderMarks(t *testing.T) {
	dir := copyExport(t)
	for _, name := range rome.Files() {
		path := filepath.Join(dir, name)
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, append([]byte("\ufeff"), b...), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	d, ws, err := rome.Read(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Professions) != 1584 || len(d.Requirements) != 86786 || len(d.Moves) != 14912 || len(ws) != 0 {
		t.Errorf("read %v with %d warnings, want 1584 professions, 86786 requirements, 14912 moves, no warning", d, len(ws))
	}
}
