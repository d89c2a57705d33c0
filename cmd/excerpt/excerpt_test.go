package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/careergraph/careergraph/internal/datafiles"
)

// A comma-separated file as the exports have them: a byte order mark, CRLF line breaks, a
// quoted field spanning two lines, a doubled quote.
const commaFile = "\ufeffcode,name,note\r\n" +
	"A1,\"first\r\nsecond line\",x\r\n" +
	"B2,plain,\"say \"\"hi\"\"\"\r\n" +
	"C3,last,\r\n"

// A tab-separated file as O*NET has them, the last line without a line break.
const tabFile = "O*NET-SOC Code\tTitle\n" +
	"15-1254.00\tWeb Developers\n" +
	"11-1011.00\tChief Executives"

func TestCutKeepsRecordsByteForByte(t *testing.T) {
	tests := []struct {
		name, file, content string
		sep                 rune
		col                 string
		keep                set
		want                string
	}{
		{"header with its byte order mark, multi-line record and CRLF kept", "a.csv", commaFile, ',', "code", setOf("A1", "C3"),
			"\ufeffcode,name,note\r\nA1,\"first\r\nsecond line\",x\r\nC3,last,\r\n"},
		{"doubled quotes kept as written", "a.csv", commaFile, ',', "code", setOf("B2"),
			"\ufeffcode,name,note\r\nB2,plain,\"say \"\"hi\"\"\"\r\n"},
		{"no record kept: the header alone", "a.csv", commaFile, ',', "code", setOf("Z9"),
			"\ufeffcode,name,note\r\n"},
		{"tab-separated, a last record without its line break", "Occupation Data.txt", tabFile, '\t', "O*NET-SOC Code", setOf("11-1011.00"),
			"O*NET-SOC Code\tTitle\n11-1011.00\tChief Executives"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, dst := t.TempDir(), t.TempDir()
			if err := os.WriteFile(filepath.Join(src, tt.file), []byte(tt.content), 0o644); err != nil {
				t.Fatal(err)
			}
			tab, err := readTable(src, tt.file, tt.sep)
			if err != nil {
				t.Fatal(err)
			}
			rows, err := tab.where([]string{tt.col}, tt.keep)
			if err != nil {
				t.Fatal(err)
			}
			n, err := cut{t: tab, rows: rows}.write(dst)
			if err != nil {
				t.Fatal(err)
			}
			got, err := os.ReadFile(filepath.Join(dst, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want || n != len(tt.want) {
				t.Errorf("wrote %d bytes %q, want %d bytes %q", n, got, len(tt.want), tt.want)
			}
		})
	}
}

func TestCutOfACompressedFile(t *testing.T) {
	src, dst := t.TempDir(), t.TempDir()
	if err := os.WriteFile(filepath.Join(src, "a.csv.gz"), compress(t, commaFile), 0o644); err != nil {
		t.Fatal(err)
	}
	tab, err := readTable(src, "a.csv", ',')
	if err != nil {
		t.Fatal(err)
	}
	if tab.file != "a.csv.gz" {
		t.Errorf("file = %q, want a.csv.gz", tab.file)
	}
	rows, err := tab.where([]string{"code"}, setOf("C3"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := (cut{t: tab, rows: rows}).write(dst); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dst, "a.csv")); !os.IsNotExist(err) {
		t.Errorf("a.csv written beside a.csv.gz (stat: %v)", err)
	}
	if got, want := uncompressed(t, filepath.Join(dst, "a.csv.gz")), "\ufeffcode,name,note\r\nC3,last,\r\n"; got != want {
		t.Errorf("a.csv.gz holds %q, want %q", got, want)
	}
}

func TestCheckOnly(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.csv", "sub/b.csv"} {
		if err := writeFile(dir, name, []byte("x\n")); err != nil {
			t.Fatal(err)
		}
	}
	if err := checkOnly(dir, []string{"a.csv", "sub/b.csv"}); err != nil {
		t.Errorf("checkOnly(every file) = %v, want nil", err)
	}
	err := checkOnly(dir, []string{"a.csv"})
	if want := dir + " holds sub/b.csv, which the cut does not write: remove it"; err == nil || err.Error() != want {
		t.Errorf("checkOnly(a.csv only) = %v, want %q", err, want)
	}
}

// TestExcerptIsReproducible cuts the excerpts from the full data and wants the committed ones:
// the same files, with the same text.
func TestExcerptIsReproducible(t *testing.T) {
	from, to := datafiles.Full(t), t.TempDir()
	if err := run(from, to, io.Discard); err != nil {
		t.Fatal(err)
	}
	committed := datafiles.Excerpt(t)
	for _, d := range datasets {
		got, want := files(t, filepath.Join(to, d.name)), files(t, filepath.Join(committed, d.name))
		if !slices.Equal(got, want) {
			t.Errorf("%s: cut files %q, committed %q", d.name, got, want)
			continue
		}
		for _, name := range got {
			a, b := text(t, filepath.Join(to, d.name, name)), text(t, filepath.Join(committed, d.name, name))
			if a != b {
				t.Errorf("%s/%s: the cut (%d bytes) differs from the committed excerpt (%d bytes): run go run ./cmd/excerpt -from %s",
					d.name, name, len(a), len(b), from)
			}
		}
	}
}

// files returns the slash-separated names of the files under dir, sorted.
func files(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		out = append(out, filepath.ToSlash(rel))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

// text returns the content of a file, decompressed when its name ends in .gz.
func text(t *testing.T, path string) string {
	t.Helper()
	if strings.HasSuffix(path, ".gz") {
		return uncompressed(t, path)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func compress(t *testing.T, s string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	if _, err := zw.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func uncompressed(t *testing.T, path string) string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
