package rome_test

import (
	"bytes"
	"compress/gzip"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/careergraph/careergraph/dataset"
	"github.com/careergraph/careergraph/dataset/rome"
)

// copyExport copies the files Read needs from the shared export into a temporary folder.
func copyExport(t *testing.T) string {
	t.Helper()
	src, dst := romeDir(t), t.TempDir()
	for _, name := range rome.Files() {
		b, err := os.ReadFile(filepath.Join(src, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

// editLines rewrites a copied file with edit, which gets its lines (without newlines).
func editLines(t *testing.T, dir, name string, edit func(lines []string) []string) {
	t.Helper()
	path := filepath.Join(dir, name)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	lines = edit(lines)
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}

// setLine replaces physical line n (1-based) of a copied file.
func setLine(t *testing.T, dir, name string, n int, line string) {
	t.Helper()
	editLines(t, dir, name, func(lines []string) []string {
		lines[n-1] = line
		return lines
	})
}

// gzipFile replaces a copied file X by X.gz.
func gzipFile(t *testing.T, dir, name string) {
	t.Helper()
	path := filepath.Join(dir, name)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path+".gz", buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
}

func TestReadMalformed(t *testing.T) {
	tests := []struct {
		name    string
		corrupt func(t *testing.T, dir string)
		want    dataset.ParseError
	}{
		{
			name: "missing required file is named",
			corrupt: func(t *testing.T, dir string) {
				if err := os.Remove(filepath.Join(dir, rome.FileMobilite)); err != nil {
					t.Fatal(err)
				}
			},
			want: dataset.ParseError{File: rome.FileMobilite, Line: 0,
				Reason: "required file is missing (neither " + rome.FileMobilite + " nor " + rome.FileMobilite + ".gz exists)"},
		},
		{
			name: "missing column is named on line 1",
			corrupt: func(t *testing.T, dir string) {
				editLines(t, dir, rome.FileCompetence, func(l []string) []string {
					l[0] = strings.Replace(l[0], `"cat_comp"`, `"categorie"`, 1)
					return l
				})
			},
			want: dataset.ParseError{File: rome.FileCompetence, Line: 1, Reason: `missing column "cat_comp" in header`},
		},
		{
			name:    "record with too few fields",
			corrupt: func(t *testing.T, dir string) { setLine(t, dir, rome.FileMobilite, 100, `"A1208","I1202"`) },
			want: dataset.ParseError{File: rome.FileMobilite, Line: 100,
				Reason: "wrong number of fields: got 2, want 3 (as in the header)"},
		},
		{
			name: "bare quote inside a quoted field",
			corrupt: func(t *testing.T, dir string) {
				setLine(t, dir, rome.FileTexte, 50, `"A1103","3","definition","2","Un "mot" cité"`)
			},
			want: dataset.ParseError{File: rome.FileTexte, Line: 50, Reason: `extraneous or missing " in quoted-field`},
		},
		{
			name: "line numbers are physical lines after a multi-line field",
			corrupt: func(t *testing.T, dir string) {
				editLines(t, dir, rome.FileTexte, func(l []string) []string {
					l[49] = `"A1103","3","definition","2","Un "mot" cité"`
					l[9] = strings.Replace(l[9], " ", "\n", 1) // line 10 now spans lines 10–11
					return l
				})
			},
			want: dataset.ParseError{File: rome.FileTexte, Line: 51, Reason: `extraneous or missing " in quoted-field`},
		},
		{
			name: "unknown compétence category",
			corrupt: func(t *testing.T, dir string) {
				replaceOnLine(t, dir, rome.FileCompetence, 5000, `"Savoir-faire"`, `"Savoir-voler"`)
			},
			want: dataset.ParseError{File: rome.FileCompetence, Line: 5000,
				Reason: `unknown cat_comp "Savoir-voler": want "Savoir-faire" or "Savoir-être professionnel"`},
		},
		{
			name:    "non-numeric numero_ordre",
			corrupt: func(t *testing.T, dir string) { setLine(t, dir, rome.FileMobilite, 2, `"A1101","A1102","six"`) },
			want:    dataset.ParseError{File: rome.FileMobilite, Line: 2, Reason: `numero_ordre "six" is not a number`},
		},
		{
			name:    "duplicate fiche code",
			corrupt: func(t *testing.T, dir string) { replaceOnLine(t, dir, rome.FileFiches, 3, `"A1102"`, `"A1101"`) },
			want:    dataset.ParseError{File: rome.FileFiches, Line: 3, Reason: `duplicate code_rome "A1101"`},
		},
		{
			name: "empty fiche name",
			corrupt: func(t *testing.T, dir string) {
				setLine(t, dir, rome.FileFiches, 4, `"A1201","2","7","  ","","","","","","A1201"`)
			},
			want: dataset.ParseError{File: rome.FileFiches, Line: 4, Reason: "empty libelle_rome"},
		},
		{
			name:    "unknown coeur_metier flag",
			corrupt: func(t *testing.T, dir string) { setLine(t, dir, rome.FileCoherence, 8, `"A1101","100016","Oui"`) },
			want: dataset.ParseError{File: rome.FileCoherence, Line: 8,
				Reason: `unknown coeur_metier "Oui": want "", "Principale" or "Émergente"`},
		},
		{
			name: "error in a gzip-compressed file names the .gz file",
			corrupt: func(t *testing.T, dir string) {
				setLine(t, dir, rome.FileMobilite, 7, `"A1101","A1205"`)
				gzipFile(t, dir, rome.FileMobilite)
			},
			want: dataset.ParseError{File: rome.FileMobilite + ".gz", Line: 7,
				Reason: "wrong number of fields: got 2, want 3 (as in the header)"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := copyExport(t)
			tt.corrupt(t, dir)
			d, _, err := rome.Read(dir)
			var pe *dataset.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("Read = %v, %v; want a *dataset.ParseError", d, err)
			}
			if *pe != tt.want {
				t.Errorf("ParseError = %+v\nwant         %+v", *pe, tt.want)
			}
		})
	}
}

// replaceOnLine replaces old by new on physical line n of a copied file, failing if absent.
func replaceOnLine(t *testing.T, dir, name string, n int, old, new string) {
	t.Helper()
	editLines(t, dir, name, func(l []string) []string {
		if !strings.Contains(l[n-1], old) {
			t.Fatalf("%s:%d has no %s: %s", name, n, old, l[n-1])
		}
		l[n-1] = strings.Replace(l[n-1], old, new, 1)
		return l
	})
}

func TestReadRepairsAndWarns(t *testing.T) {
	t.Run("gzip-compressed files are read transparently", func(t *testing.T) {
		dir := copyExport(t)
		for _, name := range rome.Files() {
			gzipFile(t, dir, name)
		}
		d, ws, err := rome.Read(dir)
		if err != nil {
			t.Fatal(err)
		}
		if len(ws) != 0 || len(d.Professions) != 1584 || len(d.Requirements) != 86786 || len(d.Moves) != 14912 {
			t.Errorf("gzip read: %d warnings, %v", len(ws), d)
		}
	})

	t.Run("unknown and duplicate links are dropped with a warning", func(t *testing.T) {
		dir := copyExport(t)
		setLine(t, dir, rome.FileMobilite, 2, `"A1101","Z9999","6"`)
		setLine(t, dir, rome.FileMobilite, 3, `"A1101","A1202","5"`) // line 4: A1202 at rank 4
		editLines(t, dir, rome.FileLiens, func(l []string) []string {
			return append(l, `"A1101","5","1","999999999"`, `"Z9999","5","1","100023"`, `"A1101","5","1","104016"`)
		})
		d, ws, err := rome.Read(dir)
		if err != nil {
			t.Fatal(err)
		}
		want := []dataset.Warning{
			{File: rome.FileLiens, Line: 118925, Reason: `unknown code_ogr "999999999" (neither a compétence nor a savoir): link dropped`},
			{File: rome.FileLiens, Line: 118926, Reason: `unknown code_rome "Z9999": record dropped`},
			{File: rome.FileLiens, Line: 118927, Reason: `duplicate link A1101 → 104016: dropped`},
			{File: rome.FileMobilite, Line: 2, Reason: `unknown code_rome_cible "Z9999": move dropped`},
			{File: rome.FileMobilite, Line: 3, Reason: `duplicate move A1101 → A1202: dropped`}, // rank 5 after rank 4
		}
		if !slicesEqual(ws, want) {
			t.Errorf("warnings =\n%v\nwant\n%v", ws, want)
		}
		if len(d.Moves) != 14910 {
			t.Errorf("moves = %d, want 14910", len(d.Moves))
		}
	})
}

func slicesEqual[T comparable](a, b []T) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
