package dataset

import (
	"bufio"
	"cmp"
	"compress/gzip"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// tableBufferSize is the size of the read buffer of a Table's file.
const tableBufferSize = 64 << 10

// TableOptions says how OpenTable reads a file. The zero value reads comma-separated files and
// reports problems in the wording of DefaultTableMessages.
type TableOptions struct {
	// Comma is the field separator: ',' when zero, '\t' for tab-separated files. A quoted field
	// follows the CSV rules whatever the separator (a double quote inside is doubled).
	Comma rune

	// FirstDuplicate makes Col find the first of several header columns with the same name;
	// by default it finds the last.
	FirstDuplicate bool

	// TrimBOMEverywhere removes a leading byte order mark (U+FEFF) from every column name of
	// the header; by default only from the first, where a BOM marks the start of the file.
	TrimBOMEverywhere bool

	// SyntaxErrorColumn adds where a CSV syntax error is to its reason: " (column C)", or
	// " (at line L, column C)" when L is not the line where the record starts.
	SyntaxErrorColumn bool

	// WrapReadErrors makes Next return a read error that is not a CSV syntax error (a corrupt
	// gzip stream, a failing disk) as "read <file>: <error>", wrapping the error, instead of as
	// a *ParseError "read: <error>" about the whole file.
	WrapReadErrors bool

	// Messages words the errors OpenTable and Next report; empty fields take the wording of
	// DefaultTableMessages.
	Messages TableMessages
}

// TableMessages are the fmt formats of the problems a Table reports. Each format gets the
// arguments listed with it; a format that leaves some out picks the others with explicit
// argument indexes, as in "also looked for %[2]s".
type TableMessages struct {
	// MissingFile is the reason of the *ParseError reported when neither the file nor its
	// .gz exists. Arguments: the file's base name, the base name with ".gz".
	MissingFile string
	// OpenError wraps (%w) an error opening the file, other than its absence. Arguments: the
	// name given to OpenTable, the base name of the file tried (with ".gz" for the
	// compressed one), the error.
	OpenError string
	// EmptyFile is the reason reported on line 1 when the file has no header row. No
	// arguments.
	EmptyFile string
	// MissingColumn is the reason reported on line 1 when the header lacks a required column.
	// Argument: the column's name.
	MissingColumn string
	// FieldCount is the reason reported at a record whose number of fields differs from the
	// header's. Arguments: the record's number of fields, the header's.
	FieldCount string
}

// DefaultTableMessages is the wording used for the empty fields of TableOptions.Messages.
var DefaultTableMessages = TableMessages{
	MissingFile:   "required file is missing (neither %s nor %s exists)",
	OpenError:     "open %[1]s: %[3]w",
	EmptyFile:     "empty file: no header row",
	MissingColumn: "missing column %q in header",
	FieldCount:    "wrong number of fields: got %d, want %d (as in the header)",
}

// withDefaults fills the empty fields of m from DefaultTableMessages.
func (m TableMessages) withDefaults() TableMessages {
	d := DefaultTableMessages
	m.MissingFile = cmp.Or(m.MissingFile, d.MissingFile)
	m.OpenError = cmp.Or(m.OpenError, d.OpenError)
	m.EmptyFile = cmp.Or(m.EmptyFile, d.EmptyFile)
	m.MissingColumn = cmp.Or(m.MissingColumn, d.MissingColumn)
	m.FieldCount = cmp.Or(m.FieldCount, d.FieldCount)
	return m
}

// Table reads one CSV (or tab-separated) file of a source record by record: a header row naming
// the columns, then records with exactly as many fields as the header. Records may span several
// lines (line breaks inside quoted fields); Line reports the physical line where the current
// record starts, and every *ParseError or Warning a Table produces names the file it opened and
// such a line.
//
// Use it as:
//
//	t, err := dataset.OpenTable(dir, "skills.csv", dataset.TableOptions{}, "code", "name")
//	if err != nil {
//		return err
//	}
//	defer t.Close()
//	code := t.Col("code")
//	for {
//		ok, err := t.Next()
//		if err != nil {
//			return err
//		} else if !ok {
//			break
//		}
//		if t.Record()[code] == "" {
//			return t.Errorf("empty code")
//		}
//	}
type Table struct {
	file  string // base name of the file opened: the name given, or it with ".gz"
	opts  TableOptions
	f     *os.File
	gz    *gzip.Reader
	r     *csv.Reader
	cols  map[string]int
	width int // the header's number of fields
	rec   []string
	line  int // 1-based physical line where the current record starts
}

// OpenTable opens name (a slash-separated path inside dir), or name+".gz" when name does not
// exist, reads its header and checks that every column in required is there. A file whose name
// ends in ".gz" is read through gzip. Column names are trimmed of spaces (and of a byte order
// mark at the start of the file).
//
// Problems with the file are *ParseError naming its base name: a missing file (line 0), a .gz
// file that is not gzip (line 0), a missing header or required column (line 1), a CSV syntax
// error in the header. Other errors opening the file are wrapped as worded by
// opts.Messages.OpenError.
func OpenTable(dir, name string, opts TableOptions, required ...string) (*Table, error) {
	opts.Messages = opts.Messages.withDefaults()
	msg := &opts.Messages
	path := filepath.Join(dir, filepath.FromSlash(name))
	base := filepath.Base(path)
	t := &Table{file: base, opts: opts}
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		t.file = base + ".gz"
		f, err = os.Open(path + ".gz")
		if errors.Is(err, fs.ErrNotExist) {
			return nil, &ParseError{File: base, Reason: fmt.Sprintf(msg.MissingFile, base, base+".gz")}
		}
	}
	if err != nil {
		return nil, fmt.Errorf(msg.OpenError, name, t.file, err)
	}
	t.f = f
	var src io.Reader = bufio.NewReaderSize(f, tableBufferSize)
	if strings.HasSuffix(t.file, ".gz") {
		gz, err := gzip.NewReader(src)
		if err != nil {
			f.Close()
			t.f = nil
			return nil, &ParseError{File: t.file, Reason: "not a gzip file: " + err.Error()}
		}
		t.gz = gz
		src = gz
	}
	t.r = csv.NewReader(src)
	if opts.Comma != 0 {
		t.r.Comma = opts.Comma
	}
	t.r.ReuseRecord = true
	t.r.FieldsPerRecord = -1 // checked by Next against the header, to report both counts

	header, err := t.r.Read()
	if err != nil {
		t.Close()
		if err == io.EOF {
			return nil, &ParseError{File: t.file, Line: 1, Reason: msg.EmptyFile}
		}
		return nil, t.readError(err, 0)
	}
	t.width = len(header)
	t.cols = make(map[string]int, len(header))
	for i, h := range header {
		if i == 0 || opts.TrimBOMEverywhere {
			h = strings.TrimPrefix(h, "\ufeff")
		}
		h = strings.TrimSpace(h)
		if _, dup := t.cols[h]; dup && opts.FirstDuplicate {
			continue
		}
		t.cols[h] = i
	}
	for _, c := range required {
		if _, ok := t.cols[c]; !ok {
			t.Close()
			return nil, &ParseError{File: t.file, Line: 1, Reason: fmt.Sprintf(msg.MissingColumn, c)}
		}
	}
	t.r.FieldsPerRecord = len(header)
	return t, nil
}

// File returns the base name of the file read: the name given to OpenTable, or it with ".gz".
func (t *Table) File() string { return t.file }

// Col returns the index of the header's column with this name, or -1 when there is none.
func (t *Table) Col(name string) int {
	if i, ok := t.cols[name]; ok {
		return i
	}
	return -1
}

// Has reports whether the header has a column with this name.
func (t *Table) Has(name string) bool {
	_, ok := t.cols[name]
	return ok
}

// Next reads the next record. It returns false at the end of the file. A record whose number
// of fields differs from the header's, or that is not valid CSV, is a *ParseError at the line
// where the record starts.
func (t *Table) Next() (bool, error) {
	rec, err := t.r.Read()
	if err == io.EOF {
		return false, nil
	}
	if err != nil {
		return false, t.readError(err, len(rec))
	}
	t.rec = rec
	t.line, _ = t.r.FieldPos(0)
	return true, nil
}

// Record returns the fields of the current record. The slice is reused by the next call of
// Next: copy what must outlive it (the strings themselves are not reused).
func (t *Table) Record() []string { return t.rec }

// Line returns the 1-based physical line where the current record starts.
func (t *Table) Line() int { return t.line }

// Errorf returns a *ParseError about the current record.
func (t *Table) Errorf(format string, args ...any) error {
	return t.ErrorAt(t.line, format, args...)
}

// Warnf returns a Warning about the current record.
func (t *Table) Warnf(format string, args ...any) Warning {
	return t.WarnAt(t.line, format, args...)
}

// ErrorAt returns a *ParseError about the record starting at line.
func (t *Table) ErrorAt(line int, format string, args ...any) error {
	return &ParseError{File: t.file, Line: line, Reason: fmt.Sprintf(format, args...)}
}

// WarnAt returns a Warning about the record starting at line.
func (t *Table) WarnAt(line int, format string, args ...any) Warning {
	return Warning{File: t.file, Line: line, Reason: fmt.Sprintf(format, args...)}
}

// readError converts an error reading a record into the error Next reports; got is the
// record's number of fields, for field-count errors.
func (t *Table) readError(err error, got int) error {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		if t.opts.WrapReadErrors {
			return fmt.Errorf("read %s: %w", t.file, err)
		}
		return &ParseError{File: t.file, Reason: "read: " + err.Error()}
	}
	var reason string
	switch {
	case errors.Is(pe.Err, csv.ErrFieldCount):
		reason = fmt.Sprintf(t.opts.Messages.FieldCount, got, t.width)
	case !t.opts.SyntaxErrorColumn:
		reason = pe.Err.Error()
	case pe.Line != pe.StartLine:
		reason = fmt.Sprintf("%v (at line %d, column %d)", pe.Err, pe.Line, pe.Column)
	default:
		reason = fmt.Sprintf("%v (column %d)", pe.Err, pe.Column)
	}
	return &ParseError{File: t.file, Line: pe.StartLine, Reason: reason}
}

// Close releases the file. It may be called more than once; the errors, Warnings, File and the
// last Record and Line remain usable after it.
func (t *Table) Close() error {
	if t.gz != nil {
		t.gz.Close()
		t.gz = nil
	}
	if t.f == nil {
		return nil
	}
	err := t.f.Close()
	t.f = nil
	return err
}
