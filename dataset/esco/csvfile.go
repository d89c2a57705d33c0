package esco

import (
	"bufio"
	"compress/gzip"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/careergraph/careergraph/dataset"
)

// table reads one CSV file of the export record by record, with its columns looked up by name
// in the header. Errors come back as *dataset.ParseError naming the file and the physical line
// where the bad record starts.
type table struct {
	name   string // base name of the file read, e.g. "skills_en.csv.gz"
	f      *os.File
	gz     *gzip.Reader
	r      *csv.Reader
	cols   map[string]int
	header []string
}

// exists reports whether rel (a slash-separated path inside dir) or rel+".gz" is present.
func exists(dir, rel string) bool {
	path := filepath.Join(dir, filepath.FromSlash(rel))
	for _, p := range []string{path, path + ".gz"} {
		if _, err := os.Stat(p); err == nil {
			return true
		}
	}
	return false
}

// openTable opens rel (a slash-separated path inside dir), or rel+".gz" when rel is absent,
// reads its header and checks that every required column is present. An absent file is a
// *dataset.ParseError naming it.
func openTable(dir, rel string, required ...string) (*table, error) {
	path := filepath.Join(dir, filepath.FromSlash(rel))
	base := filepath.Base(path)
	f, err := os.Open(path)
	gzipped := false
	if errors.Is(err, fs.ErrNotExist) {
		f, err = os.Open(path + ".gz")
		gzipped = true
		base += ".gz"
	}
	if errors.Is(err, fs.ErrNotExist) {
		name := filepath.Base(path)
		return nil, &dataset.ParseError{File: name, Reason: "missing required file (also looked for " + name + ".gz)"}
	}
	if err != nil {
		return nil, fmt.Errorf("esco: open %s: %w", rel, err)
	}
	t := &table{name: base, f: f}
	var src io.Reader = bufio.NewReaderSize(f, 1<<16)
	if gzipped {
		t.gz, err = gzip.NewReader(src)
		if err != nil {
			f.Close()
			return nil, &dataset.ParseError{File: base, Reason: fmt.Sprintf("not a gzip file: %v", err)}
		}
		src = t.gz
	}
	t.r = csv.NewReader(src)
	t.r.ReuseRecord = true
	header, err := t.r.Read()
	if err != nil {
		t.Close()
		if errors.Is(err, io.EOF) {
			return nil, &dataset.ParseError{File: base, Line: 1, Reason: "empty file: want a header row"}
		}
		return nil, t.parseError(err)
	}
	t.header = append([]string(nil), header...)
	t.cols = make(map[string]int, len(header))
	for i, h := range t.header {
		h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
		if _, dup := t.cols[h]; !dup {
			t.cols[h] = i
		}
	}
	for _, c := range required {
		if _, ok := t.cols[c]; !ok {
			t.Close()
			return nil, &dataset.ParseError{File: base, Line: 1, Reason: fmt.Sprintf("missing column %q", c)}
		}
	}
	return t, nil
}

// col returns the index of a column the header has (checked by openTable), or -1.
func (t *table) col(name string) int {
	if i, ok := t.cols[name]; ok {
		return i
	}
	return -1
}

// next returns the next record and the physical line it starts on; io.EOF at the end.
// The record's slice is reused by the following call.
func (t *table) next() ([]string, int, error) {
	rec, err := t.r.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, 0, io.EOF
		}
		return nil, 0, t.parseError(err)
	}
	line, _ := t.r.FieldPos(0)
	return rec, line, nil
}

// parseError converts a csv or gzip error into a *dataset.ParseError.
func (t *table) parseError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		reason := pe.Err.Error()
		if errors.Is(pe.Err, csv.ErrFieldCount) {
			reason = fmt.Sprintf("wrong number of fields: want %d as in the header", len(t.header))
		} else if pe.Line != pe.StartLine {
			reason = fmt.Sprintf("%v (at line %d, column %d)", pe.Err, pe.Line, pe.Column)
		} else {
			reason = fmt.Sprintf("%v (column %d)", pe.Err, pe.Column)
		}
		return &dataset.ParseError{File: t.name, Line: pe.StartLine, Reason: reason}
	}
	return &dataset.ParseError{File: t.name, Reason: fmt.Sprintf("read: %v", err)}
}

// errorAt returns a *dataset.ParseError for the record starting at line.
func (t *table) errorAt(line int, format string, args ...any) error {
	return &dataset.ParseError{File: t.name, Line: line, Reason: fmt.Sprintf(format, args...)}
}

// warnAt returns a warning for the record starting at line.
func (t *table) warnAt(line int, format string, args ...any) dataset.Warning {
	return dataset.Warning{File: t.name, Line: line, Reason: fmt.Sprintf(format, args...)}
}

// Close closes the file.
func (t *table) Close() error {
	if t.gz != nil {
		t.gz.Close()
	}
	return t.f.Close()
}
