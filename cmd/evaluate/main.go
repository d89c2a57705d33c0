// Command evaluate measures the inferred career moves against curated ones: per dataset (ROME,
// O*NET) and per seed, it hides the curated moves of a seeded random share of the professions,
// infers moves from what is left, and measures recall@5, recall@10, MRR and nDCG@10 against the
// hidden moves, beside the same figures for the skill-Jaccard baseline; it prints their means
// over the seeds, and the least recall@10. The default seeds (1 to 5) are disjoint from those
// the weights were tuned on (101 to 105, infer.TuningFirstSeed); the header says when the seeds
// asked for overlap them. ESCO has no curated moves to hide: it says how many of its
// occupations have inferred moves.
//
//	go run ./cmd/evaluate [-share 0.2] [-seed 1] [-seeds 5] [-k 10] [DATA_DIR]
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
	seed := flag.Uint64("seed", infer.DefaultFirstSeed, "first seed of the random choice of the hidden professions")
	seeds := flag.Int("seeds", infer.DefaultSeeds, fmt.Sprintf("number of seeds (seed, seed+1, ...), 1 to %d", infer.MaxSeeds))
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
	if err := run(context.Background(), os.Stdout, dir, *share, *seed, *seeds, *k); err != nil {
		fmt.Fprintln(os.Stderr, "evaluate:", err)
		os.Exit(1)
	}
}

// run evaluates every dataset found in dir on n seeds from seed and prints the table to w.
func run(ctx context.Context, w io.Writer, dir string, share float64, seed uint64, n, k int) error {
	logger := slog.New(slog.DiscardHandler)
	seeds, err := infer.Seeds(seed, n)
	if err != nil {
		return err
	}
	fmt.Fprint(w, header(share, seeds, k))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "dataset\tprofessions\ttargets\tmethod\trecall@5\trecall@10\tmin recall@10\tMRR\tnDCG@10")
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
		e, err := infer.EvaluateSeeds(ctx, d, opts, share, seeds, targetsPer[name])
		if err != nil {
			return err
		}
		row(tw, name, "inferred", e.Mean.Inferred, e.Min.Inferred)
		row(tw, name, "jaccard", e.Mean.Baseline, e.Min.Baseline)
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("write the table: %w", err)
	}
	for _, n := range notes {
		fmt.Fprintln(w, n)
	}
	return nil
}

// header says what the table measures: the share hidden, the seeds, those the weights were
// tuned on (and whether they overlap), the moves per profession.
func header(share float64, seeds []uint64, k int) string {
	tuned := fmt.Sprintf("the weights were tuned on other seeds, %d to %d", infer.TuningFirstSeed, infer.TuningFirstSeed+infer.TuningSeeds-1)
	if infer.Tuned(seeds) {
		tuned = fmt.Sprintf("these overlap the seeds the weights were tuned on, %d to %d: the figures are optimistic", infer.TuningFirstSeed, infer.TuningFirstSeed+infer.TuningSeeds-1)
	}
	return fmt.Sprintf("held-out curated moves: share %v of the professions with moves, %d moves per profession\n"+
		"mean over %d seeds, %d to %d (%s)\n\n", share, k, len(seeds), seeds[0], seeds[len(seeds)-1], tuned)
}

// row writes one line of the table: the means, and the least recall@10.
func row(w io.Writer, name, method string, mean, low infer.Metrics) {
	fmt.Fprintf(w, "%s\t%d\t%d\t%s\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\n", name, mean.Professions, mean.Targets, method,
		mean.RecallAt5, mean.RecallAt10, low.RecallAt10, mean.MRR, mean.NDCG10)
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
