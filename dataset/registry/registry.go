// Package registry names the datasets careergraph can read — the embedded seed, and the ROME,
// ESCO and O*NET readers — and reads them by name: for the import command (a name and a
// folder) and for the embedded store's --dataset name=DIR flags.
package registry

import (
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
)

// Seed is the name of the embedded seed dataset, always loaded into the embedded store.
const Seed = seed.Name

// readers read a published dataset from the folder a user downloaded it to.
var readers = map[string]func(dir string) (*career.Dataset, []dataset.Warning, error){
	rome.Name:        rome.Read,
	esco.Name:        esco.Read,
	onet.DatasetName: onet.Read,
}

// Names lists the datasets that can be read, the seed first, then the readers by name:
// "seed, esco, onet, rome".
func Names() string {
	names := []string{Seed}
	for name := range readers {
		names = append(names, name)
	}
	sort.Strings(names[1:])
	return strings.Join(names, ", ")
}

// Read reads the named dataset: the embedded seed, or a source from dir. A malformed
// source fails with the reader's *dataset.ParseError (file, line, reason) wrapped; nothing is
// loaded anywhere before the whole dataset has been read and validated. Warnings are logged one
// by one, then counted per file.
func Read(name, dir string, logger *slog.Logger) (*career.Dataset, error) {
	start := time.Now()
	var (
		d        *career.Dataset
		warnings []dataset.Warning
		err      error
	)
	if name == Seed {
		if dir != "" {
			return nil, fmt.Errorf("the seed is embedded in the binary: give no directory")
		}
		d, warnings, err = seed.Dataset()
	} else {
		read, ok := readers[name]
		if !ok {
			return nil, fmt.Errorf("unknown dataset %q: want one of %s", name, Names())
		}
		if dir == "" {
			return nil, fmt.Errorf("dataset %s needs the directory it was downloaded to", name)
		}
		d, warnings, err = read(dir)
		if err == nil {
			var more []dataset.Warning
			more, err = addEquivalences(name, dir, d, logger)
			warnings = append(warnings, more...)
		}
	}
	if err == nil {
		err = addInferredMoves(name, dir, d, logger)
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
		"moves", len(d.Moves), "equivalences", len(d.Equivalences), "warnings", len(warnings), "duration", time.Since(start).Round(time.Millisecond))
	return d, nil
}

// ParseFlag splits a --dataset flag's value, "name=DIR".
func ParseFlag(v string) (name, dir string, err error) {
	name, dir, ok := strings.Cut(v, "=")
	if !ok || name == "" || dir == "" {
		return "", "", fmt.Errorf("--dataset %q: want name=DIR, e.g. rome=/data/rome", v)
	}
	return name, dir, nil
}

// ReadWithSeed reads the datasets of the embedded store: the seed, then the dataset of each
// --dataset flag (name=DIR), in order. It reads them all before returning, so a malformed one
// fails with its error before any store is built.
func ReadWithSeed(flags []string, logger *slog.Logger) ([]*career.Dataset, error) {
	sd, err := Read(Seed, "", logger)
	if err != nil {
		return nil, err
	}
	all := []*career.Dataset{sd}
	for _, f := range flags {
		name, dir, err := ParseFlag(f)
		if err != nil {
			return nil, err
		}
		if name == Seed {
			return nil, fmt.Errorf("--dataset seed: the seed is always loaded")
		}
		d, err := Read(name, dir, logger)
		if err != nil {
			return nil, err
		}
		all = append(all, d)
	}
	return all, nil
}
