package dataset_test

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/careergraph/careergraph/dataset"
)

// writeFile writes content to dir/name, creating its folder.
func writeFile(t *testing.T, dir, name, content string) {
	t.Helper()
	path := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// writeGzip writes content gzip-compressed to dir/name.
func writeGzip(t *testing.T, dir, name, content string) {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write([]byte(content)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, name, buf.String())
}

// row is a record read from a table, with its line.
type row struct {
	line int
	rec  []string
}

// readAll reads the records of a table until the end or an error.
func readAll(t *testing.T, tb *dataset.Table) ([]row, error) {
	t.Helper()
	var rows []row
	for {
		ok, err := tb.Next()
		if err != nil || !ok {
			return rows, err
		}
		rows = append(rows, row{tb.Line(), append([]string(nil), tb.Record()...)})
	}
}

// wantParseError checks that err is a *dataset.ParseError equal to want.
func wantParseError(t *testing.T, err error, want dataset.ParseError) {
	t.Helper()
	var pe *dataset.ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("error %v (%T), want *dataset.ParseError %q", err, err, want.Error())
	}
	if *pe != want {
		t.Errorf("error %#v\nwant  %#v", *pe, want)
	}
}

func TestTableReadsRecordsAndColumns(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a.csv", "\ufeffcode, name ,extra\nx1,First,\nx2,\"Second, with comma\",e\n")
	tb, err := dataset.OpenTable(dir, "a.csv", dataset.TableOptions{}, "code", "name")
	if err != nil {
		t.Fatal(err)
	}
	defer tb.Close()
	if tb.File() != "a.csv" {
		t.Errorf("File() = %q, want a.csv", tb.File())
	}
	for name, want := range map[string]int{"code": 0, "name": 1, "extra": 2, "absent": -1} {
		if got := tb.Col(name); got != want {
			t.Errorf("Col(%q) = %d, want %d", name, got, want)
		}
		if got := tb.Has(name); got != (want >= 0) {
			t.Errorf("Has(%q) = %v", name, got)
		}
	}
	rows, err := readAll(t, tb)
	if err != nil {
		t.Fatal(err)
	}
	want := []row{{2, []string{"x1", "First", ""}}, {3, []string{"x2", "Second, with comma", "e"}}}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("rows %v, want %v", rows, want)
	}
	// Errors and warnings name the file and the current record's line.
	wantParseError(t, tb.Errorf("bad %s", "x"), dataset.ParseError{File: "a.csv", Line: 3, Reason: "bad x"})
	if w := tb.Warnf("odd %d", 7); w != (dataset.Warning{File: "a.csv", Line: 3, Reason: "odd 7"}) {
		t.Errorf("Warnf: %#v", w)
	}
	wantParseError(t, tb.ErrorAt(9, "at %d", 9), dataset.ParseError{File: "a.csv", Line: 9, Reason: "at 9"})
	if w := tb.WarnAt(0, "file"); w != (dataset.Warning{File: "a.csv", Reason: "file"}) {
		t.Errorf("WarnAt: %#v", w)
	}
	if err := tb.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
	if err := tb.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
}

func TestTableHeader(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "dup.csv", "a,b,a,\ufeffc\n1,2,3,4\n")
	writeFile(t, dir, "empty.csv", "")

	t.Run("missing required column is reported on line 1", func(t *testing.T) {
		_, err := dataset.OpenTable(dir, "dup.csv", dataset.TableOptions{}, "a", "z")
		wantParseError(t, err, dataset.ParseError{File: "dup.csv", Line: 1, Reason: `missing column "z" in header`})
	})
	t.Run("missing column in custom wording", func(t *testing.T) {
		opts := dataset.TableOptions{Messages: dataset.TableMessages{MissingColumn: "no column %q"}}
		_, err := dataset.OpenTable(dir, "dup.csv", opts, "z")
		wantParseError(t, err, dataset.ParseError{File: "dup.csv", Line: 1, Reason: `no column "z"`})
	})
	t.Run("empty file", func(t *testing.T) {
		_, err := dataset.OpenTable(dir, "empty.csv", dataset.TableOptions{})
		wantParseError(t, err, dataset.ParseError{File: "empty.csv", Line: 1, Reason: "empty file: no header row"})
		opts := dataset.TableOptions{Messages: dataset.TableMessages{EmptyFile: "no header"}}
		_, err = dataset.OpenTable(dir, "empty.csv", opts)
		wantParseError(t, err, dataset.ParseError{File: "empty.csv", Line: 1, Reason: "no header"})
	})
	t.Run("duplicate columns: the last by default, the first on request", func(t *testing.T) {
		for _, c := range []struct {
			opts        dataset.TableOptions
			a, bomC, cc int
		}{
			{dataset.TableOptions{}, 2, 3, -1},
			{dataset.TableOptions{FirstDuplicate: true, TrimBOMEverywhere: true}, 0, -1, 3},
		} {
			tb, err := dataset.OpenTable(dir, "dup.csv", c.opts)
			if err != nil {
				t.Fatal(err)
			}
			if a, bomC, cc := tb.Col("a"), tb.Col("\ufeffc"), tb.Col("c"); a != c.a || bomC != c.bomC || cc != c.cc {
				t.Errorf("%+v: Col a, BOM c, c = %d, %d, %d; want %d, %d, %d", c.opts, a, bomC, cc, c.a, c.bomC, c.cc)
			}
			tb.Close()
		}
	})
}

func TestTableFiles(t *testing.T) {
	dir := t.TempDir()
	writeGzip(t, dir, "sub/z.tsv.gz", "k\tv\na\t\"say \"\"hi\"\"\"\n")
	writeFile(t, dir, "both.csv", "k\nplain\n")
	writeGzip(t, dir, "both.csv.gz", "k\ncompressed\n")
	writeFile(t, dir, "fake.csv.gz", "k\nnot gzip\n")

	t.Run("X.gz is read when X is absent", func(t *testing.T) {
		tb, err := dataset.OpenTable(dir, "sub/z.tsv", dataset.TableOptions{Comma: '\t'}, "k", "v")
		if err != nil {
			t.Fatal(err)
		}
		defer tb.Close()
		if tb.File() != "z.tsv.gz" {
			t.Errorf("File() = %q, want z.tsv.gz", tb.File())
		}
		rows, err := readAll(t, tb)
		if err != nil {
			t.Fatal(err)
		}
		if want := []row{{2, []string{"a", `say "hi"`}}}; !reflect.DeepEqual(rows, want) {
			t.Errorf("rows %v, want %v", rows, want)
		}
		wantParseError(t, tb.Errorf("x"), dataset.ParseError{File: "z.tsv.gz", Line: 2, Reason: "x"})
	})
	t.Run("X is preferred to X.gz", func(t *testing.T) {
		tb, err := dataset.OpenTable(dir, "both.csv", dataset.TableOptions{})
		if err != nil {
			t.Fatal(err)
		}
		defer tb.Close()
		rows, err := readAll(t, tb)
		if err != nil || len(rows) != 1 || rows[0].rec[0] != "plain" || tb.File() != "both.csv" {
			t.Errorf("rows %v, error %v, file %s; want plain from both.csv", rows, err, tb.File())
		}
	})
	t.Run("a missing file names both names", func(t *testing.T) {
		_, err := dataset.OpenTable(dir, "sub/none.csv", dataset.TableOptions{})
		wantParseError(t, err, dataset.ParseError{File: "none.csv", Reason: "required file is missing (neither none.csv nor none.csv.gz exists)"})
		opts := dataset.TableOptions{Messages: dataset.TableMessages{MissingFile: "missing (also looked for %[2]q)"}}
		_, err = dataset.OpenTable(dir, "none.csv", opts)
		wantParseError(t, err, dataset.ParseError{File: "none.csv", Reason: `missing (also looked for "none.csv.gz")`})
	})
	t.Run("a .gz file that is not gzip", func(t *testing.T) {
		_, err := dataset.OpenTable(dir, "fake.csv", dataset.TableOptions{})
		wantParseError(t, err, dataset.ParseError{File: "fake.csv.gz", Reason: "not a gzip file: gzip: invalid header"})
	})
	t.Run("other open errors are wrapped", func(t *testing.T) {
		// A path through a regular file fails with ENOTDIR, not ENOTEXIST.
		_, err := dataset.OpenTable(dir, "both.csv/x.csv", dataset.TableOptions{})
		var pe *dataset.ParseError
		if err == nil || errors.As(err, &pe) || errors.Is(err, fs.ErrNotExist) {
			t.Fatalf("error %v (%T), want a wrapped open error", err, err)
		}
		if !strings.HasPrefix(err.Error(), "open both.csv/x.csv: ") {
			t.Errorf("error %q, want it to start with \"open both.csv/x.csv: \"", err)
		}
		opts := dataset.TableOptions{Messages: dataset.TableMessages{OpenError: "open %[2]s: %[3]w"}}
		_, err = dataset.OpenTable(dir, "both.csv/x.csv", opts)
		if err == nil || !strings.HasPrefix(err.Error(), "open x.csv: ") {
			t.Errorf("error %v, want it to start with \"open x.csv: \"", err)
		}
	})
	t.Run("a corrupt gzip stream", func(t *testing.T) {
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		zw.Write([]byte("k\n" + strings.Repeat("row\n", 1000)))
		zw.Close()
		b := buf.Bytes()
		writeFile(t, dir, "cut.csv.gz", string(b[:len(b)-12])) // no trailer
		for _, wrap := range []bool{false, true} {
			tb, err := dataset.OpenTable(dir, "cut.csv", dataset.TableOptions{WrapReadErrors: wrap})
			if err != nil {
				t.Fatal(err)
			}
			_, err = readAll(t, tb)
			tb.Close()
			if wrap {
				if !errors.Is(err, io.ErrUnexpectedEOF) || err.Error() != "read cut.csv.gz: unexpected EOF" {
					t.Errorf("wrapped: error %v, want read cut.csv.gz: unexpected EOF", err)
				}
				continue
			}
			wantParseError(t, err, dataset.ParseError{File: "cut.csv.gz", Reason: "read: unexpected EOF"})
		}
	})
}

func TestTableRecordErrors(t *testing.T) {
	dir := t.TempDir()
	// The third record spans lines 3 to 5; the fourth, on line 6, lacks a field.
	writeFile(t, dir, "count.csv", "a,b\n1,2\n\"multi\nline\nfield\",3\nonly one\n")
	// The second record starts on line 3 and has a stray quote in column 2 of line 4.
	writeFile(t, dir, "quote.csv", "a,b\n1,2\n\"x\ny\"z\",3\n")
	// The bare quote is in column 4 of the record on line 3.
	writeFile(t, dir, "bare.csv", "a,b\n1,2\nx,a\"b\n")

	t.Run("multi-line records are located at their first line", func(t *testing.T) {
		tb, err := dataset.OpenTable(dir, "count.csv", dataset.TableOptions{})
		if err != nil {
			t.Fatal(err)
		}
		defer tb.Close()
		rows, err := readAll(t, tb)
		want := []row{{2, []string{"1", "2"}}, {3, []string{"multi\nline\nfield", "3"}}}
		if !reflect.DeepEqual(rows, want) {
			t.Errorf("rows %v, want %v", rows, want)
		}
		wantParseError(t, err, dataset.ParseError{File: "count.csv", Line: 6, Reason: "wrong number of fields: got 1, want 2 (as in the header)"})
	})
	t.Run("field count in custom wording", func(t *testing.T) {
		opts := dataset.TableOptions{Messages: dataset.TableMessages{FieldCount: "want %[2]d fields"}}
		tb, err := dataset.OpenTable(dir, "count.csv", opts)
		if err != nil {
			t.Fatal(err)
		}
		defer tb.Close()
		_, err = readAll(t, tb)
		wantParseError(t, err, dataset.ParseError{File: "count.csv", Line: 6, Reason: "want 2 fields"})
	})
	for _, c := range []struct {
		file   string
		column bool
		want   dataset.ParseError
	}{
		{"quote.csv", false, dataset.ParseError{File: "quote.csv", Line: 3, Reason: `extraneous or missing " in quoted-field`}},
		{"quote.csv", true, dataset.ParseError{File: "quote.csv", Line: 3, Reason: `extraneous or missing " in quoted-field (at line 4, column 2)`}},
		{"bare.csv", false, dataset.ParseError{File: "bare.csv", Line: 3, Reason: `bare " in non-quoted-field`}},
		{"bare.csv", true, dataset.ParseError{File: "bare.csv", Line: 3, Reason: `bare " in non-quoted-field (column 4)`}},
	} {
		name := "csv syntax error in " + c.file
		if c.column {
			name += " with its column"
		}
		t.Run(name, func(t *testing.T) {
			tb, err := dataset.OpenTable(dir, c.file, dataset.TableOptions{SyntaxErrorColumn: c.column})
			if err != nil {
				t.Fatal(err)
			}
			defer tb.Close()
			_, err = readAll(t, tb)
			wantParseError(t, err, c.want)
		})
	}
	t.Run("csv syntax error in the header", func(t *testing.T) {
		writeFile(t, dir, "badhead.csv", "a,\"b\n")
		_, err := dataset.OpenTable(dir, "badhead.csv", dataset.TableOptions{})
		wantParseError(t, err, dataset.ParseError{File: "badhead.csv", Line: 1, Reason: `extraneous or missing " in quoted-field`})
	})
}

func TestTableStrictText(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		behaviour string
		file      string
		content   string
		opts      dataset.TableOptions
		rows      []row // records read before the error
		want      dataset.ParseError
	}{
		{"a header-only file has no data rows", "header.csv", "code,name\n", dataset.TableOptions{}, nil,
			dataset.ParseError{File: "header.csv", Line: 1, Reason: "no data rows: the file has a header only"}},
		{"blank lines are no data rows", "blank.csv", "code,name\n\n\n", dataset.TableOptions{}, nil,
			dataset.ParseError{File: "blank.csv", Line: 1, Reason: "no data rows: the file has a header only"}},
		{"a header cut short", "cuthead.csv", "code,na", dataset.TableOptions{}, nil,
			dataset.ParseError{File: "cuthead.csv", Line: 1, Reason: "truncated file: the last record has no line break at its end"}},
		{"a file cut in the middle of its last line", "cut.tsv", "code\tname\nA1\tFirst\nA2\tSec", dataset.TableOptions{Comma: '\t'},
			[]row{{2, []string{"A1", "First"}}, {3, []string{"A2", "Sec"}}},
			dataset.ParseError{File: "cut.tsv", Line: 3, Reason: "truncated file: the last record has no line break at its end"}},
		{"a file cut inside a quoted field", "cutfield.csv", "\"code\",\"name\"\n\"A1\",\"x\"\n\"A2\",\"Conduct", dataset.TableOptions{},
			[]row{{2, []string{"A1", "x"}}},
			dataset.ParseError{File: "cutfield.csv", Line: 3, Reason: "truncated file: the last record has no line break at its end"}},
		{"a file cut before the last fields of its last line", "cutfields.tsv", "code\tname\textra\nA1\tx\ty\nA2\tSoftw", dataset.TableOptions{Comma: '\t'},
			[]row{{2, []string{"A1", "x", "y"}}},
			dataset.ParseError{File: "cutfields.tsv", Line: 3, Reason: "truncated file: the last record has no line break at its end"}},
		{"a file cut inside a multi-line quoted field", "cutmulti.csv", "code,name\nA1,\"two\nli", dataset.TableOptions{SyntaxErrorColumn: true}, nil,
			dataset.ParseError{File: "cutmulti.csv", Line: 2, Reason: "truncated file: the last record has no line break at its end"}},
		{"a short last line that ends with a line break has too few fields", "short.tsv", "code\tname\nA1\n", dataset.TableOptions{Comma: '\t'}, nil,
			dataset.ParseError{File: "short.tsv", Line: 2, Reason: "wrong number of fields: got 1, want 2 (as in the header)"}},
		{"a file cut after a line break inside a quoted field", "cutquoted.csv", "code,name\nA1,\"two\nlines\"\nA2,\"cut\n", dataset.TableOptions{},
			[]row{{2, []string{"A1", "two\nlines"}}},
			dataset.ParseError{File: "cutquoted.csv", Line: 4, Reason: `extraneous or missing " in quoted-field`}},
		{"a NUL byte in a field", "nul.csv", "code,name\nA1,ok\nA120\x004,Nul\n", dataset.TableOptions{},
			[]row{{2, []string{"A1", "ok"}}},
			dataset.ParseError{File: "nul.csv", Line: 3, Reason: "NUL byte in field 1 (code)"}},
		{"invalid UTF-8 in a field", "latin1.csv", "code,name\nA1,caf\xe9\n", dataset.TableOptions{}, nil,
			dataset.ParseError{File: "latin1.csv", Line: 2, Reason: "invalid UTF-8 in field 2 (name)"}},
		{"invalid UTF-8 in a multi-line record is reported at its first line", "multi.csv", "code,name\nA1,\"x\ny\xff\"\n", dataset.TableOptions{}, nil,
			dataset.ParseError{File: "multi.csv", Line: 2, Reason: "invalid UTF-8 in field 2 (name)"}},
		{"a NUL byte in the header", "nulhead.csv", "code,na\x00me\nA1,x\n", dataset.TableOptions{}, nil,
			dataset.ParseError{File: "nulhead.csv", Line: 1, Reason: "NUL byte in column 2 of the header"}},
		{"invalid UTF-8 in the header", "utfhead.csv", "\xc3(,name\nA1,x\n", dataset.TableOptions{}, nil,
			dataset.ParseError{File: "utfhead.csv", Line: 1, Reason: "invalid UTF-8 in column 1 of the header"}},
	} {
		t.Run(c.behaviour, func(t *testing.T) {
			writeFile(t, dir, c.file, c.content)
			tb, err := dataset.OpenTable(dir, c.file, c.opts)
			if err != nil {
				if c.rows != nil {
					t.Fatal(err)
				}
				wantParseError(t, err, c.want)
				return
			}
			defer tb.Close()
			rows, err := readAll(t, tb)
			if !reflect.DeepEqual(rows, c.rows) {
				t.Errorf("rows %v, want %v", rows, c.rows)
			}
			wantParseError(t, err, c.want)
		})
	}
}

func TestTableByteOrderMark(t *testing.T) {
	dir := t.TempDir()
	// ROME quotes every field: before, the BOM made the first one a bare quote.
	const content = "\ufeff\"code\",\"name\"\n\"A1101\",\"Conducteur / Conductrice d'engins agricoles\"\n"
	writeFile(t, dir, "bom.csv", content)
	writeGzip(t, dir, "bomgz.csv.gz", content)
	writeFile(t, dir, "bom.tsv", "\ufeffcode\tname\r\nA1\tx\r\n")
	for _, c := range []struct {
		file string
		opts dataset.TableOptions
		want []row
	}{
		{"bom.csv", dataset.TableOptions{}, []row{{2, []string{"A1101", "Conducteur / Conductrice d'engins agricoles"}}}},
		{"bomgz.csv", dataset.TableOptions{}, []row{{2, []string{"A1101", "Conducteur / Conductrice d'engins agricoles"}}}},
		{"bom.tsv", dataset.TableOptions{Comma: '\t'}, []row{{2, []string{"A1", "x"}}}},
	} {
		t.Run(c.file, func(t *testing.T) {
			tb, err := dataset.OpenTable(dir, c.file, c.opts, "code", "name")
			if err != nil {
				t.Fatal(err)
			}
			defer tb.Close()
			if tb.Col("code") != 0 {
				t.Errorf("Col(code) = %d, want 0", tb.Col("code"))
			}
			rows, err := readAll(t, tb)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(rows, c.want) {
				t.Errorf("rows %v, want %v", rows, c.want)
			}
		})
	}
}

func TestBadRowAllowance(t *testing.T) {
	for rows, want := range map[int]int{0: 10, 1: 10, 999: 10, 1099: 10, 1100: 11, 13485: 134, 123855: 1238} {
		if got := dataset.BadRowAllowance(rows); got != want {
			t.Errorf("BadRowAllowance(%d) = %d, want %d", rows, got, want)
		}
	}
}

func TestTableBadRows(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("code\n")
	for i := range 1200 {
		fmt.Fprintf(&b, "c%d\n", i)
	}
	writeFile(t, dir, "rows.csv", b.String())

	// read reads rows.csv, counting as bad the records on the lines bad says.
	read := func(t *testing.T, bad func(line int) bool) (*dataset.Table, error) {
		t.Helper()
		tb, err := dataset.OpenTable(dir, "rows.csv", dataset.TableOptions{})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { tb.Close() })
		for {
			ok, err := tb.Next()
			if err != nil || !ok {
				return tb, err
			}
			if bad(tb.Line()) {
				tb.Warnf("dropped")
				tb.Warnf("dropped again") // the same record: counted once
				tb.CountBad()
			}
		}
	}
	t.Run("12 bad rows of 1,200 are allowed", func(t *testing.T) {
		tb, err := read(t, func(line int) bool { return line%100 == 7 })
		if err != nil {
			t.Fatal(err)
		}
		if tb.Rows() != 1200 || tb.BadRows() != 12 {
			t.Errorf("Rows, BadRows = %d, %d; want 1200, 12", tb.Rows(), tb.BadRows())
		}
	})
	t.Run("13 bad rows of 1,200 fail, naming the counts and the first", func(t *testing.T) {
		_, err := read(t, func(line int) bool { return line%100 == 7 || line == 1000 })
		wantParseError(t, err, dataset.ParseError{File: "rows.csv",
			Reason: "too many bad rows: 13 of 1200 rows dropped or repaired (the first at line 7), more than the 12 allowed (1% of the rows, at least 10)"})
	})
	t.Run("CountBad alone counts, WarnAt does not", func(t *testing.T) {
		tb, err := dataset.OpenTable(dir, "rows.csv", dataset.TableOptions{})
		if err != nil {
			t.Fatal(err)
		}
		defer tb.Close()
		tb.CountBad() // before the first record: nothing to count
		for i := 0; ; i++ {
			ok, err := tb.Next()
			if !ok {
				wantParseError(t, err, dataset.ParseError{File: "rows.csv",
					Reason: "too many bad rows: 20 of 1200 rows dropped or repaired (the first at line 2), more than the 12 allowed (1% of the rows, at least 10)"})
				break
			}
			if i < 20 {
				tb.CountBad()
			}
			tb.WarnAt(tb.Line(), "a summary")
		}
		if tb.BadRows() != 20 {
			t.Errorf("BadRows = %d, want 20", tb.BadRows())
		}
	})
	t.Run("a small file may have 10 bad rows", func(t *testing.T) {
		writeFile(t, dir, "small.csv", "code\na\nb\nc\n")
		tb, err := dataset.OpenTable(dir, "small.csv", dataset.TableOptions{})
		if err != nil {
			t.Fatal(err)
		}
		defer tb.Close()
		for {
			ok, err := tb.Next()
			if err != nil {
				t.Fatal(err)
			} else if !ok {
				break
			}
			tb.Warnf("dropped")
		}
		if tb.BadRows() != 3 {
			t.Errorf("BadRows = %d, want 3", tb.BadRows())
		}
	})
}

func TestTableEach(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a.csv", "code,name\nx1,First\n\"x2\",\"Second\non two lines\"\nx3,Third\n")
	// each reads a.csv with Each, recording every record fn is called with, until fn returns
	// stop's error for a record.
	each := func(t *testing.T, name string, stop func(line int) error) ([]row, error) {
		t.Helper()
		tb, err := dataset.OpenTable(dir, name, dataset.TableOptions{})
		if err != nil {
			t.Fatal(err)
		}
		defer tb.Close()
		var rows []row
		err = tb.Each(func(rec []string) error {
			rows = append(rows, row{tb.Line(), append([]string(nil), rec...)})
			return stop(tb.Line())
		})
		return rows, err
	}
	all := []row{{2, []string{"x1", "First"}}, {3, []string{"x2", "Second\non two lines"}}, {5, []string{"x3", "Third"}}}

	t.Run("every record with its line, then nil", func(t *testing.T) {
		rows, err := each(t, "a.csv", func(int) error { return nil })
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(rows, all) {
			t.Errorf("rows %v, want %v", rows, all)
		}
	})
	t.Run("fn's error is returned as it is and stops the reading", func(t *testing.T) {
		stop := errors.New("stop here")
		rows, err := each(t, "a.csv", func(line int) error {
			if line == 3 {
				return stop
			}
			return nil
		})
		if err != stop {
			t.Errorf("error %v, want %v itself", err, stop)
		}
		if !reflect.DeepEqual(rows, all[:2]) {
			t.Errorf("rows %v, want %v", rows, all[:2])
		}
	})
	t.Run("a record Next rejects ends the reading with Next's error", func(t *testing.T) {
		writeFile(t, dir, "fields.csv", "code,name\nx1,First\nx2\nx3,Third\n")
		rows, err := each(t, "fields.csv", func(int) error { return nil })
		wantParseError(t, err, dataset.ParseError{File: "fields.csv", Line: 3, Reason: "wrong number of fields: got 1, want 2 (as in the header)"})
		if want := all[:1]; !reflect.DeepEqual(rows, want) {
			t.Errorf("rows %v, want %v", rows, want)
		}
	})
	t.Run("the checks of the end of the file are Each's error", func(t *testing.T) {
		writeFile(t, dir, "cut.csv", "code,name\nx1,First\nx2,Sec")
		rows, err := each(t, "cut.csv", func(int) error { return nil })
		wantParseError(t, err, dataset.ParseError{File: "cut.csv", Line: 3, Reason: "truncated file: the last record has no line break at its end"})
		if want := []row{{2, []string{"x1", "First"}}, {3, []string{"x2", "Sec"}}}; !reflect.DeepEqual(rows, want) {
			t.Errorf("rows %v, want %v", rows, want)
		}
		writeFile(t, dir, "header.csv", "code,name\n")
		rows, err = each(t, "header.csv", func(int) error { return nil })
		wantParseError(t, err, dataset.ParseError{File: "header.csv", Line: 1, Reason: "no data rows: the file has a header only"})
		if rows != nil {
			t.Errorf("rows %v, want none", rows)
		}
	})
}
