// Command excerpt cuts the small excerpts of ROME, ESCO and O*NET that the tests read when the
// full data is absent (testdata/excerpt): a few dozen professions of each dataset, with every
// record of the files its reader reads that concerns them, so that each excerpt reads on its
// own. Records are copied byte for byte, never cut or edited; each file keeps its header, its
// name and its compression; the provenance files (SOURCE.txt, O*NET's Read Me.txt) are copied
// whole. selection.go lists the professions.
//
//	go run ./cmd/excerpt -from ../shared/data -to testdata/excerpt
//
// -from is the folder holding rome/, esco/ and onet/ as published; -to receives rome/, esco/
// and onet/. A folder of -to that holds a file the cut does not write is refused.
package main

import (
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
)

// datasets are the excerpts, in the order they are cut: the folder name, the cut, and the
// provenance files copied unchanged (slash-separated names inside the folder).
var datasets = []struct {
	name       string
	cut        func(from string) ([]cut, error)
	provenance []string
}{
	{"rome", cutROME, []string{"SOURCE.txt"}},
	{"esco", cutESCO, []string{"SOURCE.txt", "fr-skill-labels/SOURCE_api_2026.txt", "fr-skill-labels/SOURCE_v1.0.txt"}},
	{"onet", cutONET, []string{"SOURCE.txt", "Read Me.txt"}},
}

func main() {
	from := flag.String("from", "", "folder of the full data, holding rome/, esco/ and onet/")
	to := flag.String("to", "testdata/excerpt", "folder that receives the excerpts rome/, esco/ and onet/")
	flag.Parse()
	if *from == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: go run ./cmd/excerpt -from DIR [-to DIR]")
		os.Exit(2)
	}
	if err := run(*from, *to, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "excerpt:", err)
		os.Exit(1)
	}
}

// run cuts every excerpt from the folder from into the folder to, reporting each file written.
func run(from, to string, out io.Writer) error {
	for _, d := range datasets {
		src, dst := filepath.Join(from, d.name), filepath.Join(to, d.name)
		cuts, err := d.cut(src)
		if err != nil {
			return err
		}
		var written []string
		for _, c := range cuts {
			n, err := c.write(dst)
			if err != nil {
				return fmt.Errorf("%s: %w", d.name, err)
			}
			written = append(written, c.t.file)
			fmt.Fprintf(out, "%s/%s: %d of %d records, %d bytes\n", d.name, c.t.file, len(c.rows), len(c.t.rows), n)
		}
		for _, name := range d.provenance {
			b, err := os.ReadFile(filepath.Join(src, filepath.FromSlash(name)))
			if err != nil {
				return fmt.Errorf("%s: %w", d.name, err)
			}
			if err := writeFile(dst, name, b); err != nil {
				return fmt.Errorf("%s: %w", d.name, err)
			}
			written = append(written, name)
		}
		if err := checkOnly(dst, written); err != nil {
			return fmt.Errorf("%s: %w", d.name, err)
		}
	}
	return nil
}

// checkOnly fails when dir holds a file that is not in names (slash-separated, relative to
// dir): an excerpt folder holds what the cut writes and nothing else.
func checkOnly(dir string, names []string) error {
	return filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if !slices.Contains(names, rel) {
			return fmt.Errorf("%s holds %s, which the cut does not write: remove it", dir, rel)
		}
		return nil
	})
}
