// Package dataset turns sources into normalized career.Datasets: the curated seed cards
// (ReadCards), and through its sub-packages the ROME, ESCO and O*NET exports. Every reader
// validates what it produces with Validate, and reports malformed input as *ParseError.
package dataset

import (
	"fmt"
)

// ParseError says which file and line of a source is malformed, and why.
type ParseError struct {
	File   string // the file's name as given to the reader (base name for directories)
	Line   int    // 1-based; 0 when the error is about the whole file
	Reason string
}

// Error implements the error interface: "file:line: reason".
func (e *ParseError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Reason)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Reason)
}

// Warning is something a reader or the validator dropped or repaired, that does not stop a load.
type Warning struct {
	File   string
	Line   int
	Reason string
}

// String formats the warning like a ParseError.
func (w Warning) String() string {
	return (&ParseError{File: w.File, Line: w.Line, Reason: w.Reason}).Error()
}

// FileWarnings is how many warnings a reader gave about one file.
type FileWarnings struct {
	File     string
	Warnings int
}

// CountWarnings counts warnings by file, in the order the files first appear in ws. Warnings
// about a dataset as a whole (from Validate) are counted under the dataset's name.
func CountWarnings(ws []Warning) []FileWarnings {
	var counts []FileWarnings
	at := map[string]int{}
	for _, w := range ws {
		i, ok := at[w.File]
		if !ok {
			i = len(counts)
			at[w.File] = i
			counts = append(counts, FileWarnings{File: w.File})
		}
		counts[i].Warnings++
	}
	return counts
}
