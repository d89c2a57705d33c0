package rome

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

// table reads one CSV file of the export: a header row naming the columns, then records with
// exactly as many fields as the header. Errors are *dataset.ParseError naming the file and the
// physical line where the bad record starts.
type table struct {
	file   string // base name of the file opened (X or X.gz)
	f      *os.File
	gz     *gzip.Reader
	r      *csv.Reader
	cols   map[string]int
	rec    []string
	line   int // 1-based line where the current record starts
	closed bool
}

// openTable opens dir/name, or dir/name.gz when name is absent, reads its header and checks that
// every column in required is present.
func openTable(dir, name string, required ...string) (*table, error) {
	t := &table{file: name}
	f, err := os.Open(filepath.Join(dir, name))
	if errors.Is(err, fs.ErrNotExist) {
		t.file = name + ".gz"
		f, err = os.Open(filepath.Join(dir, t.file))
		if errors.Is(err, fs.ErrNotExist) {
			return nil, &dataset.ParseError{File: name, Reason: "required file is missing (neither " + name + " nor " + name + ".gz exists)"}
		}
	}
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", name, err)
	}
	t.f = f
	var src io.Reader = bufio.NewReaderSize(f, 256<<10)
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
	t.r.ReuseRecord = true
	t.r.FieldsPerRecord = -1 // checked by next, to report the expected count

	header, err := t.r.Read()
	if err == io.EOF {
		t.Close()
		return nil, &dataset.ParseError{File: t.file, Line: 1, Reason: "empty file: no header row"}
	}
	if err != nil {
		t.Close()
		return nil, t.csvError(err, len(header))
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
			return nil, &dataset.ParseError{File: t.file, Line: 1, Reason: fmt.Sprintf("missing column %q in header", c)}
		}
	}
	t.r.FieldsPerRecord = len(header)
	return t, nil
}

// col returns the index of a column that openTable checked.
func (t *table) col(name string) int { return t.cols[name] }

// next reads the next record into t.rec. It returns false at the end of the file.
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

// csvError converts an error of encoding/csv (or of the gzip stream) into a ParseError.
// got is the number of fields of the record read, for field-count errors.
func (t *table) csvError(err error, got int) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		reason := pe.Err.Error()
		if errors.Is(pe.Err, csv.ErrFieldCount) {
			reason = fmt.Sprintf("wrong number of fields: got %d, want %d (as in the header)", got, t.r.FieldsPerRecord)
		}
		return &dataset.ParseError{File: t.file, Line: pe.StartLine, Reason: reason}
	}
	return &dataset.ParseError{File: t.file, Reason: "read: " + err.Error()}
}

// Close releases the file.
func (t *table) Close() {
	if t.closed {
		return
	}
	t.closed = true
	if t.gz != nil {
		t.gz.Close()
	}
	t.f.Close()
}
