// Command evaluate measures the inferred career moves against curated ones: per dataset (ROME,
// O*NET), it hides the curated moves of a seeded random share of the professions, infers moves
// from what is left, and prints recall@5, recall@10, MRR and nDCG@10 against the hidden moves,
// beside the same figures for the skill-Jaccard baseline. ESCO has no curated moves to hide: it
// says how many of its occupations have inferred moves.
//
//	go run ./cmd/evaluate [-share 0.2] [-seed 1] [-k 10] [DATA_DIR]
//
// DATA_DIR holds rome/, esco/ and onet/ (and crosswalks/) as published; without it, the folder
// named by CAREERGRAPH_DATA.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"text/tabwriter"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/dataset/esco"
	"github.com/careergraph/careergraph/dataset/onet"
	"github.com/careergraph/careergraph/dataset/registry"
	"github.com/careergraph/careergraph/dataset/rome"
	"github.com/careergraph/careergraph/infer"
	"github.com/careergraph/careergraph/internal/datafiles"
)

// targetsPer is the number of each profession's curated moves the evaluation measures against,
// by dataset (0: all): O*NET's first 10 related occupations (Primary-Short and Primary-Long).
var targetsPer = map[string]int{rome.Name: 0, onet.DatasetName: 10}

func main() {
	share := flag.Float64("share", 0.2, "share of the professions with moves whose moves are hidden, in (0, 1]")
	seed := flag.Uint64("seed", 1, "seed of the random choice of the hidden professions")
	k := flag.Int("k", infer.DefaultPerProfession, fmt.Sprintf("moves inferred per profession, 1 to %d", infer.MaxPerProfession))
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: evaluate [flags] [DATA_DIR]\n\nDATA_DIR holds rome/, esco/ and onet/; default $%s.\n\n", datafiles.DataEnv)
		flag.PrintDefaults()
	}
	flag.Parse()
	dir := os.Getenv(datafiles.DataEnv)
	if flag.NArg() > 0 {
		dir = flag.Arg(0)
	}
	if dir == "" || flag.NArg() > 1 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(context.Background(), os.Stdout, dir, *share, *seed, *k); err != nil {
		fmt.Fprintln(os.Stderr, "evaluate:", err)
		os.Exit(1)
	}
}

// run evaluates every dataset found in dir and prints the table to w.
func run(ctx context.Context, w io.Writer, dir string, share float64, seed uint64, k int) error {
	logger := slog.New(slog.DiscardHandler)
	fmt.Fprintf(w, "held-out curated moves: share %v of the professions with moves, seed %d, %d moves per profession\n\n", share, seed, k)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "dataset\tprofessions\ttargets\tmethod\trecall@5\trecall@10\tMRR\tnDCG@10")
	var notes []string
	for _, name := range []string{rome.Name, onet.DatasetName, esco.Name} {
		sub := filepath.Join(dir, name)
		if _, err := os.Stat(sub); errors.Is(err, fs.ErrNotExist) {
			notes = append(notes, fmt.Sprintf("%s: no folder %s, not evaluated", name, sub))
			continue
		}
		d, err := registry.Read(name, sub, logger)
		if err != nil {
			return err
		}
		if name == esco.Name {
			notes = append(notes, escoNote(d))
			continue
		}
		opts, err := registry.InferOptions(name, sub, logger)
		if err != nil {
			return err
		}
		opts.PerProfession = k
		e, err := infer.Evaluate(ctx, d, opts, share, seed, targetsPer[name])
		if err != nil {
			return err
		}
		row(tw, name, "inferred", e.Inferred)
		row(tw, name, "jaccard", e.Baseline)
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("write the table: %w", err)
	}
	for _, n := range notes {
		fmt.Fprintln(w, n)
	}
	return nil
}

// row writes one line of the table.
func row(w io.Writer, name, method string, m infer.Metrics) {
	fmt.Fprintf(w, "%s\t%d\t%d\t%s\t%.3f\t%.3f\t%.3f\t%.3f\n", name, m.Professions, m.Targets, method, m.RecallAt5, m.RecallAt10, m.MRR, m.NDCG10)
}

// escoNote says that ESCO has no curated moves, and how many occupations have inferred ones.
func escoNote(d *career.Dataset) string {
	with := map[string]bool{}
	for _, m := range d.InferredMoves {
		with[m.FromID] = true
	}
	return fmt.Sprintf("esco: no curated moves to hold out, not evaluated; %d of its %d occupations have inferred moves (%d moves)",
		len(with), len(d.Professions), len(d.InferredMoves))
}
