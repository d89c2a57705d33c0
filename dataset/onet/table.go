package onet

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

// table reads one tab-separated O*NET file: a header row naming the columns, then records with
// as many fields as the header. O*NET quotes a field that holds a double quote the CSV way
// ("Conduct ""head counts""…"), so encoding/csv with a tab separator reads it exactly.
// Errors are *dataset.ParseError naming the file opened and the physical line where the bad
// record starts.
type table struct {
	file string // base name of the file opened: name, or name.gz when only that exists
	f    *os.File
	gz   *gzip.Reader
	r    *csv.Reader
	cols map[string]int
	rec  []string
	line int // 1-based physical line where the current record starts
}

// openTable opens dir/name, or dir/name.gz when name does not exist, reads the header and checks
// that every column in required is there. A missing file is a ParseError naming name.
func openTable(dir, name string, required ...string) (*table, error) {
	t := &table{file: name}
	f, err := os.Open(filepath.Join(dir, name))
	if errors.Is(err, fs.ErrNotExist) {
		t.file = name + ".gz"
		f, err = os.Open(filepath.Join(dir, t.file))
		if errors.Is(err, fs.ErrNotExist) {
			return nil, &dataset.ParseError{File: name, Reason: fmt.Sprintf("required file is missing (neither %q nor %q exists)", name, name+".gz")}
		}
	}
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", t.file, err)
	}
	t.f = f
	var src io.Reader = bufio.NewReaderSize(f, 128<<10)
	if strings.HasSuffix(t.file, ".gz") {
		gz, err := gzip.NewReader(src)
		if err != nil {
			f.Close()
			return nil, &dataset.ParseError{File: t.file, Reason: "not a gzip file: " + err.Error()}
		}
		t.gz = gz
		src = gz
	}
	t.r = csv.NewReader(src)
	t.r.Comma = '\t'
	t.r.ReuseRecord = true
	t.r.FieldsPerRecord = -1 // set to the header's width once the header is read

	header, err := t.r.Read()
	if err == io.EOF {
		t.Close()
		return nil, &dataset.ParseError{File: t.file, Line: 1, Reason: "empty file: no header row"}
	}
	if err != nil {
		t.Close()
		return nil, t.csvError(err, 0)
	}
	t.cols = make(map[string]int, len(header))
	for i, h := range header {
		if i == 0 {
			h = strings.TrimPrefix(h, "\ufeff")
		}
		t.cols[strings.TrimSpace(h)] = i
	}
	for _, c := range required {
		if _, ok := t.cols[c]; !ok {
			t.Close()
			return nil, &dataset.ParseError{File: t.file, Line: 1, Reason: fmt.Sprintf("missing column %q in the header", c)}
		}
	}
	t.r.FieldsPerRecord = len(header)
	return t, nil
}

// col returns the index of a column that openTable checked.
func (t *table) col(name string) int { return t.cols[name] }

// next reads the next record into t.rec and its line into t.line. It returns false at the end.
func (t *table) next() (bool, error) {
	rec, err := t.r.Read()
	if err == io.EOF {
		return false, nil
	}
	if err != nil {
		return false, t.csvError(err, len(rec))
	}
	t.rec = rec
	t.line, _ = t.r.FieldPos(0)
	return true, nil
}

// errorf returns a ParseError about the current record.
func (t *table) errorf(format string, args ...any) error {
	return &dataset.ParseError{File: t.file, Line: t.line, Reason: fmt.Sprintf(format, args...)}
}

// warnf returns a Warning about the current record.
func (t *table) warnf(format string, args ...any) dataset.Warning {
	return dataset.Warning{File: t.file, Line: t.line, Reason: fmt.Sprintf(format, args...)}
}

// csvError converts an error from encoding/csv into a ParseError; got is the number of fields
// read, for field-count errors. Other errors (a corrupt gzip stream, a failing disk) keep their
// cause.
func (t *table) csvError(err error, got int) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		reason := pe.Err.Error()
		if errors.Is(pe.Err, csv.ErrFieldCount) {
			reason = fmt.Sprintf("wrong number of fields: got %d, want %d as in the header", got, t.r.FieldsPerRecord)
		}
		return &dataset.ParseError{File: t.file, Line: pe.StartLine, Reason: reason}
	}
	return fmt.Errorf("read %s: %w", t.file, err)
}

// Close releases the file.
func (t *table) Close() {
	if t.gz != nil {
		t.gz.Close()
		t.gz = nil
	}
	if t.f != nil {
		t.f.Close()
		t.f = nil
	}
}
