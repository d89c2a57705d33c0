package main

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"testing"

	"github.com/careergraph/careergraph/career"
)

// TestHeader checks the header: the default seeds are disjoint from the tuning ones; seeds that
// overlap them are said to give optimistic figures.
func TestHeader(t *testing.T) {
	want := "held-out curated moves: share 0.2 of the professions with moves, 10 moves per profession\n" +
		"mean over 5 seeds, 1 to 5 (the weights were tuned on other seeds, 101 to 105)\n\n"
	if got := header(0.2, []uint64{1, 2, 3, 4, 5}, 10); got != want {
		t.Errorf("header:\n%q\nwant:\n%q", got, want)
	}
	want = "held-out curated moves: share 0.5 of the professions with moves, 3 moves per profession\n" +
		"mean over 2 seeds, 105 to 106 (these overlap the seeds the weights were tuned on, 101 to 105: the figures are optimistic)\n\n"
	if got := header(0.5, []uint64{105, 106}, 3); got != want {
		t.Errorf("header:\n%q\nwant:\n%q", got, want)
	}
}

// TestRun runs the command on a folder without datasets: the header, an empty table and a note
// per dataset; and with a number of seeds out of range.
func TestRun(t *testing.T) {
	dir := t.TempDir()
	var out bytes.Buffer
	if err := run(context.Background(), &out, dir, 0.2, 1, 5, 10); err != nil {
		t.Fatal(err)
	}
	want := header(0.2, []uint64{1, 2, 3, 4, 5}, 10) +
		"dataset  professions  targets  method  recall@5  recall@10  min recall@10  MRR  nDCG@10\n" +
		"rome: no folder " + filepath.Join(dir, "rome") + ", not evaluated\n" +
		"onet: no folder " + filepath.Join(dir, "onet") + ", not evaluated\n" +
		"esco: no folder " + filepath.Join(dir, "esco") + ", not evaluated\n"
	if out.String() != want {
		t.Errorf("output:\n%s\nwant:\n%s", out.String(), want)
	}
	err := run(context.Background(), &out, dir, 0.2, 1, 0, 10)
	var e *career.Error
	if !errors.As(err, &e) || e.Message != "seeds 0: want 1 to 100" {
		t.Errorf("0 seeds: %v, want \"seeds 0: want 1 to 100\"", err)
	}
}
