package dataset

import (
	"bufio"
	"bytes"
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
	"unicode/utf8"
)

// tableBufferSize is the size of the read buffer of a Table's file.
const tableBufferSize = 64 << 10

// byteOrderMark is U+FEFF in UTF-8: a file may start with it; it is not part of the text.
var byteOrderMark = []byte("\ufeff")

// The bad-row threshold. A reader drops or repairs a row it cannot use as it is (a record naming
// an unknown code, a duplicate, a repaired value) with a Warning; a file where more rows than
// BadRowAllowance are dropped or repaired fails instead, because so many bad rows mean a broken
// or mismatched file (a truncated main file, a file of another release), not a few quirks.
const (
	// MaxBadRowPercent is the share of a file's data rows, in percent, that may be bad.
	MaxBadRowPercent = 1
	// MinBadRowAllowance is how many bad rows any file may have, however few its rows.
	MinBadRowAllowance = 10
)

// BadRowAllowance returns how many of a file's rows may be dropped or repaired: MaxBadRowPercent
// percent of them (rounded down), and never fewer than MinBadRowAllowance.
func BadRowAllowance(rows int) int {
	return max(MinBadRowAllowance, rows*MaxBadRowPercent/100)
}

// Reasons of the checks every Table makes, whatever its options.
const (
	reasonNoRows    = "no data rows: the file has a header only"
	reasonTruncated = "truncated file: the last record has no line break at its end"
	reasonNUL       = "NUL byte in %s"
	reasonUTF8      = "invalid UTF-8 in %s"
	reasonTooBad    = "too many bad rows: %d of %d rows dropped or repaired (the first at line %d), more than the %d allowed (%d%% of the rows, at least %d)"
)

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
	// the header. A BOM at the start of the file is skipped whatever this option says.
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
// A Table is strict: Next fails on a record with a NUL byte or invalid UTF-8, and at the end of
// the file when it has no data rows, when its last record has no line break (a file cut short),
// or when more rows than BadRowAllowance were counted bad (by Warnf or CountBad). A byte order
// mark at the start of the file is skipped.
//
// Use it as:
//
//	t, err := dataset.OpenTable(dir, "skills.csv", dataset.TableOptions{}, "code", "name")
//	if err != nil {
//		return err
//	}
//	defer t.Close()
//	code := t.Col("code")
//	return t.Each(func(rec []string) error {
//		if rec[code] == "" {
//			return t.Errorf("empty code")
//		}
//		return nil
//	})
type Table struct {
	file   string // base name of the file opened: the name given, or it with ".gz"
	opts   TableOptions
	f      *os.File
	gz     *gzip.Reader
	text   *tailReader // the decoded text the CSV reader reads
	r      *csv.Reader
	cols   map[string]int
	header []string // the header's column names, trimmed
	rec    []string
	line   int // 1-based physical line where the current record starts

	rows     int  // data records read so far
	bad      int  // of them, records counted bad
	firstBad int  // line of the first bad record
	recBad   bool // whether the current record is counted bad
}

// tailReader passes a file's text on, remembering its last byte: a text file ends with a line
// break, and a file that does not was cut short.
type tailReader struct {
	r    io.Reader
	n    int64 // bytes passed on
	last byte
	eof  bool // whether the end of the text was reached
}

// Read implements io.Reader.
func (x *tailReader) Read(p []byte) (int, error) {
	n, err := x.r.Read(p)
	if n > 0 {
		x.n += int64(n)
		x.last = p[n-1]
	}
	if err == io.EOF {
		x.eof = true
	}
	return n, err
}

// cutShort reports whether the CSV reader has read the whole text and the text does not end
// with a line break: the file was cut in the middle of its last line.
func (t *Table) cutShort() bool {
	return t.text.eof && t.r.InputOffset() == t.text.n && t.text.last != '\n'
}

// OpenTable opens name (a slash-separated path inside dir), or name+".gz" when name does not
// exist, reads its header and checks that every column in required is there. A file whose name
// ends in ".gz" is read through gzip. A byte order mark at the start of the (decompressed) text
// is skipped; column names are trimmed of spaces.
//
// Problems with the file are *ParseError naming its base name: a missing file (line 0), a .gz
// file that is not gzip (line 0), a missing header or required column (line 1), a CSV syntax
// error, a NUL byte or invalid UTF-8 in the header (line 1). Other errors opening the file are
// wrapped as worded by opts.Messages.OpenError.
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
	var src io.Reader = f
	if strings.HasSuffix(t.file, ".gz") {
		gz, err := gzip.NewReader(bufio.NewReaderSize(f, tableBufferSize))
		if err != nil {
			f.Close()
			t.f = nil
			return nil, &ParseError{File: t.file, Reason: "not a gzip file: " + err.Error()}
		}
		t.gz = gz
		src = gz
	}
	text := bufio.NewReaderSize(src, tableBufferSize)
	if start, _ := text.Peek(len(byteOrderMark)); bytes.Equal(start, byteOrderMark) {
		text.Discard(len(byteOrderMark))
	}
	t.text = &tailReader{r: text}
	t.r = csv.NewReader(t.text)
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
	if reason := t.badText(header); reason != "" {
		t.Close()
		return nil, &ParseError{File: t.file, Line: 1, Reason: reason}
	}
	t.cols = make(map[string]int, len(header))
	t.header = make([]string, len(header))
	for i, h := range header {
		if opts.TrimBOMEverywhere {
			h = strings.TrimPrefix(h, "\ufeff")
		}
		h = strings.TrimSpace(h)
		t.header[i] = h
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
// of fields differs from the header's, that is not valid CSV, or that holds a NUL byte or
// invalid UTF-8 is a *ParseError at the line where the record starts.
//
// At the end of the file, Next fails with a *ParseError when the file has no data rows (line 1),
// when its last record has no line break (at that record's line: the file was cut short), or
// when more of its rows were counted bad than BadRowAllowance allows (line 0, with the counts).
func (t *Table) Next() (bool, error) {
	rec, err := t.r.Read()
	if err == io.EOF {
		return false, t.atEnd()
	}
	if err != nil {
		return false, t.readError(err, len(rec))
	}
	t.rec = rec
	t.line, _ = t.r.FieldPos(0)
	t.rows++
	t.recBad = false
	if reason := t.badText(rec); reason != "" {
		return false, t.Errorf("%s", reason)
	}
	return true, nil
}

// Each calls fn with every record in turn, as Next reads them, and returns nil at the end of the
// file. It stops at the first error, Next's or fn's, and returns it as it is: a *ParseError of
// Next, including those of the checks at the end of the file, or whatever fn returned. While fn
// runs, Line, Errorf, Warnf and CountBad are about rec's record; rec is Record, reused by the
// next record (copy what must outlive fn).
func (t *Table) Each(fn func(rec []string) error) error {
	for {
		ok, err := t.Next()
		if err != nil || !ok {
			return err
		}
		if err := fn(t.rec); err != nil {
			return err
		}
	}
}

// atEnd makes the checks of the end of the file.
func (t *Table) atEnd() error {
	switch {
	case t.text.last != '\n':
		return t.ErrorAt(max(t.line, 1), reasonTruncated)
	case t.rows == 0:
		return t.ErrorAt(1, reasonNoRows)
	case t.bad > BadRowAllowance(t.rows):
		return t.ErrorAt(0, reasonTooBad, t.bad, t.rows, t.firstBad, BadRowAllowance(t.rows), MaxBadRowPercent, MinBadRowAllowance)
	}
	return nil
}

// badText returns why a record (or the header) cannot be read as text, or "": a field holds a
// NUL byte or is not valid UTF-8.
func (t *Table) badText(rec []string) string {
	for i, f := range rec {
		switch {
		case strings.IndexByte(f, 0) >= 0:
			return fmt.Sprintf(reasonNUL, t.field(i))
		case !utf8.ValidString(f):
			return fmt.Sprintf(reasonUTF8, t.field(i))
		}
	}
	return ""
}

// field names field i of a record in messages: "field 2 (code_rome)", or "column 2 of the
// header" while the header is read.
func (t *Table) field(i int) string {
	if t.header == nil {
		return fmt.Sprintf("column %d of the header", i+1)
	}
	return fmt.Sprintf("field %d (%s)", i+1, t.header[i])
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

// Warnf returns a Warning about the current record, and counts the record as bad (see
// CountBad): use it for a record that is dropped or repaired.
func (t *Table) Warnf(format string, args ...any) Warning {
	t.CountBad()
	return t.WarnAt(t.line, format, args...)
}

// CountBad counts the current record as a bad row (dropped or repaired), once however often it
// is called for the record, without a Warning: for records a reader sums up in one warning at
// the end of the file. Next fails at the end of the file when more rows than BadRowAllowance are
// bad.
func (t *Table) CountBad() {
	if t.recBad || t.rows == 0 {
		return
	}
	t.recBad = true
	t.bad++
	if t.firstBad == 0 {
		t.firstBad = t.line
	}
}

// Rows returns how many data records Next has read so far.
func (t *Table) Rows() int { return t.rows }

// BadRows returns how many of them were counted bad (by Warnf or CountBad).
func (t *Table) BadRows() int { return t.bad }

// ErrorAt returns a *ParseError about the record starting at line.
func (t *Table) ErrorAt(line int, format string, args ...any) error {
	return &ParseError{File: t.file, Line: line, Reason: fmt.Sprintf(format, args...)}
}

// WarnAt returns a Warning about the record starting at line. Unlike Warnf it counts no bad
// row: use it for warnings about other records than the current one, or about many.
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
	case t.cutShort():
		// A record cut short has too few fields, or a quoted field without its closing quote.
		reason = reasonTruncated
	case errors.Is(pe.Err, csv.ErrFieldCount):
		reason = fmt.Sprintf(t.opts.Messages.FieldCount, got, len(t.header))
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
