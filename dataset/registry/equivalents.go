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
	if name != esco.Name {
		return nil, nil
	}
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
