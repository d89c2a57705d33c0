// Package readertest helps test the readers of published datasets (ROME, ESCO, O*NET) on small
// fixture folders built by the tests: writing a fixture, replacing one of its files (by a fuzzed
// or corrupted copy), and checking that what a reader returns is either a *dataset.ParseError or
// a valid dataset.
package readertest

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/dataset"
)

// Files is a fixture folder: the content of each file by its slash-separated name inside the
// folder.
type Files map[string]string

// Names returns the names of the files, sorted.
func (fs Files) Names() []string {
	names := make([]string, 0, len(fs))
	for name := range fs {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}

// Write writes the files into dir, creating their folders.
func (fs Files) Write(t testing.TB, dir string) {
	t.Helper()
	for name, content := range fs {
		write(t, dir, name, []byte(content))
	}
}

// With returns a copy of the files where each file of changes has the given content.
func (fs Files) With(changes Files) Files {
	out := make(Files, len(fs))
	for name, content := range fs {
		out[name] = content
	}
	for name, content := range changes {
		out[name] = content
	}
	return out
}

// Dir writes the files into a new temporary folder and returns it.
func (fs Files) Dir(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	fs.Write(t, dir)
	return dir
}

// FuzzFolder is a fixture folder prepared for fuzzing: for each of its files, a folder holding
// the other files (as symbolic links to one written copy), where that file can be replaced by
// arbitrary bytes without creating a folder per input.
type FuzzFolder struct {
	names    []string
	variants []string // variants[i]: the folder where names[i] is replaced
}

// NewFuzzFolder writes the files once and prepares one folder per file to replace. Use it from
// a fuzz target (t is its *testing.F): the inputs of one fuzzing process run one at a time.
func NewFuzzFolder(t testing.TB, fs Files) *FuzzFolder {
	t.Helper()
	base := fs.Dir(t)
	ff := &FuzzFolder{names: fs.Names()}
	for _, name := range ff.names {
		dir := t.TempDir()
		for _, n := range ff.names {
			if n == name {
				continue
			}
			path := filepath.Join(dir, filepath.FromSlash(n))
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(filepath.Join(base, filepath.FromSlash(n)), path); err != nil {
				t.Fatal(err)
			}
		}
		ff.variants = append(ff.variants, dir)
	}
	return ff
}

// Names returns the names of the files, sorted: the which of Replace picks among them.
func (ff *FuzzFolder) Names() []string { return ff.names }

// Replace returns the folder where the which-th file (modulo the number of files) holds data,
// and that file's name. The folder is reused by the next call for the same file.
func (ff *FuzzFolder) Replace(t testing.TB, which uint8, data []byte) (dir, name string) {
	t.Helper()
	i := int(which) % len(ff.names)
	write(t, ff.variants[i], ff.names[i], data)
	return ff.variants[i], ff.names[i]
}

// write writes data to dir/name, creating its folder.
func write(t testing.TB, dir, name string, data []byte) {
	t.Helper()
	path := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// Check fails the test unless a reader's result is one of the two it may be: an error that is
// (or wraps) a *dataset.ParseError naming a file and a reason, or a dataset that passes
// dataset.Validate and whose every text is valid UTF-8 without NUL bytes.
func Check(t testing.TB, d *career.Dataset, err error) {
	t.Helper()
	if err != nil {
		var pe *dataset.ParseError
		switch {
		case !errors.As(err, &pe):
			t.Fatalf("error %v (%T), want a *dataset.ParseError", err, err)
		case pe.File == "" || pe.Reason == "" || pe.Line < 0:
			t.Fatalf("ParseError %#v: want a file, a line ≥ 0 and a reason", *pe)
		}
		return
	}
	if d == nil {
		t.Fatal("no dataset and no error")
	}
	if _, err := dataset.Validate(d); err != nil {
		t.Fatalf("the dataset read is invalid: %v", err)
	}
	if where, ok := badText(reflect.ValueOf(d).Elem(), "Dataset"); !ok {
		t.Fatalf("%s is not valid UTF-8 or holds a NUL byte", where)
	}
}

// badText walks the strings of v and returns the path of the first that is not valid UTF-8 or
// holds a NUL byte, and false; or "", true.
func badText(v reflect.Value, path string) (string, bool) {
	switch v.Kind() {
	case reflect.String:
		s := v.String()
		return path, utf8.ValidString(s) && !strings.Contains(s, "\x00")
	case reflect.Pointer:
		if v.IsNil() {
			return "", true
		}
		return badText(v.Elem(), path)
	case reflect.Slice:
		for i := range v.Len() {
			if where, ok := badText(v.Index(i), path+"["+strconv.Itoa(i)+"]"); !ok {
				return where, false
			}
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if where, ok := badText(v.Field(i), path+"."+v.Type().Field(i).Name); !ok {
				return where, false
			}
		}
	}
	return "", true
}

// FuzzRead is a reader's fuzz target: it reads the fixture export fs with one of its files (the
// which-th by name, modulo their number) replaced by arbitrary bytes. read must not panic, and
// must fail with a *dataset.ParseError or return a valid dataset whose texts are valid UTF-8
// without NUL bytes (Check). The seed corpus is each file as it is.
func FuzzRead(f *testing.F, fs Files, read func(dir string) (*career.Dataset, []dataset.Warning, error)) {
	ff := NewFuzzFolder(f, fs)
	for i, name := range ff.Names() {
		f.Add(uint8(i), []byte(fs[name]))
	}
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		dir, _ := ff.Replace(t, which, data)
		d, _, err := read(dir)
		Check(t, d, err)
	})
}
