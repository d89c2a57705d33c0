// Package shareddata locates the public taxonomies (ROME, ESCO, O*NET) and the seed card that
// tests and benchmarks read. They live outside the repository, in the folder "shared" beside the
// checkout (../shared from the module root); CAREERGRAPH_SHARED overrides that location.
// The project never copies them into its own tree.
package shareddata

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the shared folder: $CAREERGRAPH_SHARED, or "shared" beside the module root.
func Dir() (string, error) {
	if d := os.Getenv("CAREERGRAPH_SHARED"); d != "" {
		return d, nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for d := wd; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			shared := filepath.Join(filepath.Dir(d), "shared")
			if _, err := os.Stat(shared); err != nil {
				return "", errors.New("no shared folder beside the module root; set CAREERGRAPH_SHARED")
			}
			return shared, nil
		}
		if filepath.Dir(d) == d {
			return "", errors.New("no go.mod above the working directory")
		}
	}
}

// Path returns a path inside the shared folder, failing the test when the folder is missing.
// Example: shareddata.Path(t, "data", "rome").
func Path(t testing.TB, elem ...string) string {
	t.Helper()
	d, err := Dir()
	if err != nil {
		t.Fatalf("shared data: %v", err)
	}
	return filepath.Join(append([]string{d}, elem...)...)
}
