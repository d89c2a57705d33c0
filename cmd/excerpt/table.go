package main

import (
	"bytes"
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

// table is a published data file as it is on disk: its header line and its records, each with
// its bytes exactly as in the file, so that an excerpt copies whole records unchanged.
type table struct {
	name string         // the name asked for, slash-separated inside the dataset's folder
	file string         // the name found: name, or name+".gz" when only that exists
	head []byte         // the header line, with its line break (and a byte order mark, if any)
	cols map[string]int // column name → index
	rows []row
}

// row is one record of a table.
type row struct {
	fields []string
	raw    []byte // the record's bytes in the file, its line break included
}

// readTable reads name from dir (or name.gz when name is absent, decompressed), splitting it
// into records with sep as the field separator.
func readTable(dir, name string, sep rune) (*table, error) {
	data, file, err := readData(dir, name)
	if err != nil {
		return nil, err
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = sep
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("read the header of %s: %w", file, err)
	}
	t := &table{name: name, file: file, cols: make(map[string]int, len(header))}
	prev := r.InputOffset()
	t.head = data[:prev]
	for i, h := range header {
		t.cols[strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))] = i
	}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", file, err)
		}
		off := r.InputOffset()
		t.rows = append(t.rows, row{fields: rec, raw: data[prev:off]})
		prev = off
	}
	return t, nil
}

// readData returns the content of name in dir, or of name.gz decompressed, and the name found.
func readData(dir, name string) ([]byte, string, error) {
	path := filepath.Join(dir, filepath.FromSlash(name))
	data, err := os.ReadFile(path)
	if err == nil {
		return data, name, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return nil, "", fmt.Errorf("read %s: %w", name, err)
	}
	zipped, err := os.ReadFile(path + ".gz")
	if err != nil {
		return nil, "", fmt.Errorf("read %s (or %s.gz): %w", name, name, err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(zipped))
	if err != nil {
		return nil, "", fmt.Errorf("read %s.gz: %w", name, err)
	}
	data, err = io.ReadAll(zr)
	if err != nil {
		return nil, "", fmt.Errorf("read %s.gz: %w", name, err)
	}
	return data, name + ".gz", nil
}

// col returns the index of a column, failing when the header has no such column.
func (t *table) col(name string) (int, error) {
	i, ok := t.cols[name]
	if !ok {
		return 0, fmt.Errorf("%s has no column %q", t.file, name)
	}
	return i, nil
}

// where returns the rows whose column values are all in their sets: col[0] in in[0], and so on.
func (t *table) where(cols []string, in ...set) ([]row, error) {
	idx := make([]int, len(cols))
	for i, c := range cols {
		var err error
		if idx[i], err = t.col(c); err != nil {
			return nil, err
		}
	}
	var out []row
	for _, r := range t.rows {
		keep := true
		for i, j := range idx {
			if !in[i][r.fields[j]] {
				keep = false
				break
			}
		}
		if keep {
			out = append(out, r)
		}
	}
	return out, nil
}

// set is a set of strings.
type set map[string]bool

// setOf returns the set of the strings given.
func setOf(values ...string) set {
	s := set{}
	for _, v := range values {
		s.add(v)
	}
	return s
}

func (s set) add(v string) { s[v] = true }

// cut is what an excerpt keeps of one file.
type cut struct {
	t    *table
	rows []row
}

// write writes the cut to dir under the name the file has in the source folder: the header,
// then the kept records, byte for byte; a .gz file is written gzip-compressed, without a
// name or time in its header, so that the same cut gives the same bytes.
func (c cut) write(dir string) (int, error) {
	var text bytes.Buffer
	text.Write(c.t.head)
	for _, r := range c.rows {
		text.Write(r.raw)
	}
	content := text.Bytes()
	if strings.HasSuffix(c.t.file, ".gz") {
		var zipped bytes.Buffer
		zw, err := gzip.NewWriterLevel(&zipped, gzip.BestCompression)
		if err != nil {
			return 0, fmt.Errorf("compress %s: %w", c.t.file, err)
		}
		if _, err := zw.Write(content); err != nil {
			return 0, fmt.Errorf("compress %s: %w", c.t.file, err)
		}
		if err := zw.Close(); err != nil {
			return 0, fmt.Errorf("compress %s: %w", c.t.file, err)
		}
		content = zipped.Bytes()
	}
	return len(content), writeFile(dir, c.t.file, content)
}

// writeFile writes content to the slash-separated name inside dir, creating its folder.
func writeFile(dir, name string, content []byte) error {
	path := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	if err := os.WriteFile(path, content, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	return nil
}
