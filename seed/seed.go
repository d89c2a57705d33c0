// Package seed holds careergraph's curated seed dataset: one YAML file per profession card
// plus dataset.yaml (the dataset's information and the catalogue of skills, tools and
// trainings), embedded into the binary. README.md documents the format.
package seed

import (
	"embed"
	"fmt"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/dataset"
)

// Name is the name of the seed dataset, the middle part of its global IDs
// ("profession:seed:developpeur-web-back-end").
const Name = "seed"

// FS holds the seed's YAML files.
//
//go:embed *.yaml
var FS embed.FS

// Dataset reads and validates the embedded seed dataset. The warnings are the validator's:
// the card "Développeur·euse web back end" lists itself among its next careers, and that
// move is dropped.
func Dataset() (*career.Dataset, []dataset.Warning, error) {
	d, warnings, err := dataset.ReadCards(FS, Name)
	if err != nil {
		return nil, nil, fmt.Errorf("seed dataset: %w", err)
	}
	return d, warnings, nil
}
