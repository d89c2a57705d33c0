package registry

import (
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/dataset"
	"github.com/careergraph/careergraph/dataset/esco"
	"github.com/careergraph/careergraph/dataset/onet"
	"github.com/careergraph/careergraph/dataset/rome"
)

// CrosswalkFolder is the folder, beside the datasets' folders, that the crosswalks are read
// from: an ESCO export in /data/esco takes /data/crosswalks/ESCO_to_ONET-SOC.xlsx.
const CrosswalkFolder = "crosswalks"

// beside returns the folder named name beside the dataset folder dir.
func beside(dir, name string) string {
	return filepath.Join(filepath.Dir(filepath.Clean(dir)), name)
}

// addEquivalences adds to d the equivalences its dataset declares from files beside its
// folder: for ESCO, the ESCO → O*NET-SOC crosswalk in CrosswalkFolder, when it is there. A
// missing crosswalk is logged, not an error: the dataset is whole without it.
func addEquivalences(name, dir string, d *career.Dataset, logger *slog.Logger) ([]dataset.Warning, error) {
	switch name {
	case rome.Name:
		return nil, addComputedESCOLinks(dir, d, logger)
	case esco.Name:
		warnings, err := addCrosswalk(dir, d, logger)
		if err != nil {
			return nil, err
		}
		return warnings, addBorrowedInterests(dir, d, logger)
	}
	return nil, nil
}

// addComputedESCOLinks adds to ROME the links computed from the titles of its fiches and ESCO's
// occupations (dataset.MatchTitles), when an ESCO export is beside the ROME folder (in a folder
// named esco): there is no official ROME → ESCO table.
func addComputedESCOLinks(dir string, d *career.Dataset, logger *slog.Logger) error {
	escoDir := beside(dir, esco.Name)
	if _, err := os.Stat(escoDir); errors.Is(err, fs.ErrNotExist) {
		logger.Info("no ESCO export beside the ROME folder: ROME has no computed ESCO equivalents", "looked for", escoDir)
		return nil
	}
	titles, err := esco.FrenchTitles(escoDir)
	if err != nil {
		return fmt.Errorf("ESCO titles for the computed ROME equivalents: %w", err)
	}
	links := dataset.MatchTitles(dataset.ProfessionTitles(d), titles)
	d.Equivalences = append(d.Equivalences, links...)
	sources := make([]string, len(links))
	for i, l := range links {
		sources[i] = l.Source
	}
	logger.Info("computed ROME to ESCO equivalents", "esco", escoDir, "links", len(links), "by source", fmt.Sprint(career.CountSources(sources)))
	return nil
}

// addCrosswalk adds the ESCO → O*NET-SOC crosswalk to ESCO, when it is in CrosswalkFolder.
func addCrosswalk(dir string, d *career.Dataset, logger *slog.Logger) ([]dataset.Warning, error) {
	path := filepath.Join(beside(dir, CrosswalkFolder), esco.CrosswalkFile)
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		logger.Info("no ESCO to O*NET crosswalk beside the ESCO folder: ESCO has no O*NET equivalents", "looked for", path)
		return nil, nil
	} else if err != nil {
		return nil, fmt.Errorf("crosswalk %s: %w", path, err)
	}
	counts, warnings, err := esco.ReadCrosswalk(path, dir, d)
	if err != nil {
		return nil, fmt.Errorf("crosswalk %s: %w", path, err)
	}
	logger.Info("crosswalk read", "file", path, "rows", counts.Rows, "isco rows skipped", counts.ISCORows,
		"unknown codes skipped", counts.UnknownRows, "links", counts.Links, "occupations", counts.Occupations, "onet codes", counts.SOCCodes)
	return warnings, nil
}

// addBorrowedInterests gives ESCO's occupations, which have no interest codes of their own, the
// code their O*NET equivalents (the crosswalk's links) agree on (career.AgreedRiasec), when an
// O*NET export is beside the ESCO folder (in a folder named onet).
func addBorrowedInterests(dir string, d *career.Dataset, logger *slog.Logger) error {
	onetDir := beside(dir, onet.DatasetName)
	if _, err := os.Stat(onetDir); errors.Is(err, fs.ErrNotExist) {
		logger.Info("no O*NET export beside the ESCO folder: ESCO has no interest codes", "looked for", onetDir)
		return nil
	}
	interests, err := onet.ReadInterests(onetDir)
	if err != nil {
		return fmt.Errorf("O*NET interest codes for ESCO: %w", err)
	}
	d.Interests = append(d.Interests, BorrowInterests(d, interests)...)
	logger.Info("ESCO interest codes borrowed from O*NET", "onet", onetDir, "occupations", len(d.Interests))
	return nil
}

// BorrowInterests returns the interest codes of d's professions that have none, from the codes
// (others) of the professions their equivalences link them to: the code they all agree on
// (career.AgreedRiasec), in d's order of professions.
func BorrowInterests(d *career.Dataset, others []career.Interest) []career.Interest {
	codeOf := make(map[string]string, len(others))
	for _, in := range others {
		codeOf[in.ProfessionID] = in.Code
	}
	has := make(map[string]bool, len(d.Interests))
	for _, in := range d.Interests {
		has[in.ProfessionID] = true
	}
	linked := map[string][]string{}
	for _, e := range d.Equivalences {
		if c, ok := codeOf[e.ToID]; ok {
			linked[e.FromID] = append(linked[e.FromID], c)
		}
	}
	var out []career.Interest
	for _, p := range d.Professions {
		if has[p.ID] {
			continue
		}
		if code := career.AgreedRiasec(linked[p.ID]); code != "" {
			out = append(out, career.Interest{ProfessionID: p.ID, Code: code})
		}
	}
	return out
}
