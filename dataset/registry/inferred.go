package registry

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"time"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/dataset/esco"
	"github.com/careergraph/careergraph/dataset/onet"
	"github.com/careergraph/careergraph/dataset/rome"
	"github.com/careergraph/careergraph/infer"
)

// moveLabels name the datasets in the basis of their inferred moves ("ROME lists the reverse
// move").
var moveLabels = map[string]string{Seed: "the seed", rome.Name: "ROME", esco.Name: "ESCO", onet.DatasetName: "O*NET"}

// InferOptions returns the options the named dataset's moves are inferred with: its label, and
// for ESCO, O*NET's related occupations (reached through the crosswalk) when an O*NET export
// is beside the ESCO folder dir (in a folder named onet).
func InferOptions(name, dir string, logger *slog.Logger) (infer.Options, error) {
	opts := infer.Options{Label: moveLabels[name]}
	if name != esco.Name {
		return opts, nil
	}
	onetDir := beside(dir, onet.DatasetName)
	if _, err := os.Stat(onetDir); errors.Is(err, fs.ErrNotExist) {
		logger.Info("no O*NET export beside the ESCO folder: ESCO's inferred moves lack O*NET's related occupations", "looked for", onetDir)
		return opts, nil
	}
	moves, err := onet.ReadMoves(onetDir)
	if err != nil {
		return opts, fmt.Errorf("O*NET related occupations for ESCO: %w", err)
	}
	opts.Lent = &infer.Lent{Label: "O*NET", Via: "the ESCO–O*NET crosswalk", Moves: moves}
	return opts, nil
}

// addInferredMoves fills d.InferredMoves with the moves infer.Moves infers for the named
// dataset (read from dir; "" for the seed).
func addInferredMoves(name, dir string, d *career.Dataset, logger *slog.Logger) error {
	start := time.Now()
	opts, err := InferOptions(name, dir, logger)
	if err != nil {
		return err
	}
	d.InferredMoves, err = infer.Moves(context.Background(), d, opts)
	if err != nil {
		return fmt.Errorf("infer career moves: %w", err)
	}
	logger.Info("career moves inferred", "dataset", name, "moves", len(d.InferredMoves), "duration", time.Since(start).Round(time.Millisecond))
	return nil
}
