package dataset_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/careergraph/careergraph/dataset"
)

// FuzzTable reads arbitrary bytes as a CSV file (or a tab-separated one): a Table never panics,
// and either yields records, each as wide as the header and free of NUL bytes and invalid
// UTF-8, on increasing lines, or fails with a *dataset.ParseError on a line ≥ 1 with a reason.
func FuzzTable(f *testing.F) {
	for _, seed := range []string{
		"code,name\nA1,x\n",
		"\ufeff\"code\",\"name\"\n\"A1101\",\"Conducteur / Conductrice d'engins agricoles\"\n",
		"code,name\nA1,\"two\nlines\"\r\n",
	} {
		f.Add([]byte(seed), false)
	}
	f.Add([]byte("O*NET-SOC Code\tTitle\n15-1254.00\tWeb Developers\n"), true)
	dir := f.TempDir()
	path := filepath.Join(dir, "fuzz.csv")
	f.Fuzz(func(t *testing.T, data []byte, tsv bool) {
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		var opts dataset.TableOptions
		if tsv {
			opts.Comma = '\t'
		}
		tb, err := dataset.OpenTable(dir, "fuzz.csv", opts)
		if err != nil {
			checkTableError(t, err)
			return
		}
		defer tb.Close()
		width, line := -1, 0
		for {
			ok, err := tb.Next()
			if err != nil {
				checkTableError(t, err)
				return
			}
			if !ok {
				break
			}
			rec := tb.Record()
			if width < 0 {
				width = len(rec)
			}
			if len(rec) != width {
				t.Fatalf("line %d: %d fields, the previous records %d", tb.Line(), len(rec), width)
			}
			if tb.Line() <= line {
				t.Fatalf("record on line %d after one on line %d", tb.Line(), line)
			}
			line = tb.Line()
			for i, v := range rec {
				if strings.IndexByte(v, 0) >= 0 || !utf8.ValidString(v) {
					t.Fatalf("line %d, field %d: %q reached a record", line, i+1, v)
				}
			}
		}
		if tb.Rows() == 0 {
			t.Fatal("a file without data rows was read without error")
		}
	})
}

// checkTableError fails unless err is a *dataset.ParseError about fuzz.csv on a line ≥ 1 with
// a reason.
func checkTableError(t *testing.T, err error) {
	t.Helper()
	var pe *dataset.ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("error %v (%T), want a *dataset.ParseError", err, err)
	}
	if pe.File != "fuzz.csv" || pe.Line < 1 || pe.Reason == "" {
		t.Fatalf("ParseError %#v: want file fuzz.csv, a line ≥ 1 and a reason", *pe)
	}
}
