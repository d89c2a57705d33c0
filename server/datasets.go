package main

import (
	"context"
	"fmt"
	"log/slog"
	"sort"
	"strings"
	"time"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/dataset"
	"github.com/careergraph/careergraph/dataset/esco"
	"github.com/careergraph/careergraph/dataset/onet"
	"github.com/careergraph/careergraph/dataset/rome"
	"github.com/careergraph/careergraph/seed"
	"github.com/careergraph/careergraph/store/memory"
)

// readers read a published dataset from the folder a user downloaded it to.
var readers = map[string]func(dir string) (*career.Dataset, []dataset.Warning, error){
	"rome": rome.Read,
	"esco": esco.Read,
	"onet": onet.Read,
}

// datasetNames lists the datasets that can be read, seed included.
func datasetNames() string {
	names := []string{"seed"}
	for name := range readers {
		names = append(names, name)
	}
	sort.Strings(names[1:])
	return strings.Join(names, ", ")
}

// readDataset reads the named dataset: the embedded seed, or a source from dir. A malformed
// source fails with the reader's *dataset.ParseError (file, line, reason) wrapped; nothing is
// loaded anywhere before the whole dataset has been read and validated. Warnings are logged one
// by one, then counted per file.
func readDataset(name, dir string, logger *slog.Logger) (*career.Dataset, error) {
	start := time.Now()
	var (
		d        *career.Dataset
		warnings []dataset.Warning
		err      error
	)
	if name == "seed" {
		if dir != "" {
			return nil, fmt.Errorf("the seed is embedded in the binary: give no directory")
		}
		d, warnings, err = seed.Dataset()
	} else {
		read, ok := readers[name]
		if !ok {
			return nil, fmt.Errorf("unknown dataset %q: want one of %s", name, datasetNames())
		}
		if dir == "" {
			return nil, fmt.Errorf("dataset %s needs the directory it was downloaded to", name)
		}
		d, warnings, err = read(dir)
	}
	if err != nil {
		return nil, fmt.Errorf("read dataset %s: %w", name, err)
	}
	for _, w := range warnings {
		logger.Warn("dataset warning", "dataset", name, "warning", w.String())
	}
	for _, c := range dataset.CountWarnings(warnings) {
		logger.Warn("dataset warnings per file", "dataset", name, "file", c.File, "warnings", c.Warnings)
	}
	logger.Info("dataset read", "dataset", name, "professions", len(d.Professions), "skills", len(d.Skills),
		"tools", len(d.Tools), "trainings", len(d.Trainings), "requirements", len(d.Requirements),
		"moves", len(d.Moves), "warnings", len(warnings), "duration", time.Since(start).Round(time.Millisecond))
	return d, nil
}

// parseDatasetFlag splits "name=DIR".
func parseDatasetFlag(v string) (name, dir string, err error) {
	name, dir, ok := strings.Cut(v, "=")
	if !ok || name == "" || dir == "" {
		return "", "", fmt.Errorf("--dataset %q: want name=DIR, e.g. rome=/data/rome", v)
	}
	return name, dir, nil
}

// openMemory builds the embedded store: the seed, then each --dataset. Every dataset is read
// before the store is built, so a malformed one fails the start-up with its error and no store.
func openMemory(ctx context.Context, flags []string, logger *slog.Logger) (career.Store, error) {
	sd, err := readDataset("seed", "", logger)
	if err != nil {
		return nil, err
	}
	all := []*career.Dataset{sd}
	for _, f := range flags {
		name, dir, err := parseDatasetFlag(f)
		if err != nil {
			return nil, err
		}
		if name == "seed" {
			return nil, fmt.Errorf("--dataset seed: the seed is always loaded")
		}
		d, err := readDataset(name, dir, logger)
		if err != nil {
			return nil, err
		}
		all = append(all, d)
	}
	return memory.New(all...), nil
}
