// Package datafiles locates the data files that tests and benchmarks read:
//
//   - the excerpts of ROME, ESCO and O*NET committed under testdata/excerpt (Excerpt): they are
//     in every checkout, so the tests on them always run;
//   - the full data, outside the repository, in the folder named by CAREERGRAPH_DATA (Full);
//   - the seed's original card, outside the repository, in the folder named by
//     CAREERGRAPH_SHARED (SeedCard).
//
// A test that needs a folder named by a variable that is not set skips, saying which variable
// to set; with CAREERGRAPH_REQUIRE_DATA=1 it fails instead (.ci/run sets it). A relative value
// is taken from the module root, and a folder that is named but absent always fails the test.
package datafiles

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// The environment variables the package reads.
const (
	// DataEnv names the folder of the full data: the folder holding rome/, esco/ and onet/ as
	// published (in this project's shared folder, ../shared/data).
	DataEnv = "CAREERGRAPH_DATA"
	// SharedEnv names the folder holding seeds/, where the seed's original card is.
	SharedEnv = "CAREERGRAPH_SHARED"
	// RequireEnv set to 1 makes a test fail, instead of skipping, when DataEnv or SharedEnv is
	// not set.
	RequireEnv = "CAREERGRAPH_REQUIRE_DATA"
)

// ExcerptDir is the folder of the committed excerpts, relative to the module root.
const ExcerptDir = "testdata/excerpt"

// SeedCardFile is the seed's original card, relative to the folder named by SharedEnv.
const SeedCardFile = "seeds/000_1df283f61b1f7543.txt"

// skipFormat is what a test says when it skips for want of a folder: the variable, what the
// test reads, what the folder holds, and the variable that turns the skip into a failure.
const skipFormat = "%[1]s is not set: this test reads %[2]s; set %[1]s to %[3]s to run it " +
	"(scripts/test sets it when ../shared is beside the checkout; %[4]s=1 makes this a failure)"

// Excerpt returns a path inside the committed excerpts, e.g. Excerpt(t, "rome") for the ROME
// excerpt, failing the test when the module root cannot be found.
func Excerpt(t testing.TB, elem ...string) string {
	t.Helper()
	root, err := ModuleRoot()
	if err != nil {
		t.Fatalf("excerpt: %v", err)
	}
	return filepath.Join(append([]string{root, filepath.FromSlash(ExcerptDir)}, elem...)...)
}

// Full returns a path inside the full data folder named by DataEnv, e.g. Full(t, "rome"),
// skipping the test when DataEnv is not set (failing when RequireEnv is 1).
func Full(t testing.TB, elem ...string) string {
	t.Helper()
	dir := folder(t, DataEnv, "the full ROME, ESCO and O*NET data", "the folder holding rome/, esco/ and onet/")
	return filepath.Join(append([]string{dir}, elem...)...)
}

// SeedCard returns the path of the seed's original card, in the folder named by SharedEnv,
// skipping the test when SharedEnv is not set (failing when RequireEnv is 1).
func SeedCard(t testing.TB) string {
	t.Helper()
	dir := folder(t, SharedEnv, "the seed's original card", "the folder holding "+SeedCardFile)
	return filepath.Join(dir, filepath.FromSlash(SeedCardFile))
}

// folder returns the folder named by the variable env, skipping the test (or failing it, when
// RequireEnv is 1) when env is not set, and failing it when the folder is absent.
func folder(t testing.TB, env, reads, holding string) string {
	t.Helper()
	dir, err := resolve(env, reads, holding)
	var unset *unsetError
	switch {
	case errors.As(err, &unset) && os.Getenv(RequireEnv) != "1":
		t.Skip(err)
	case err != nil:
		t.Fatal(err)
	}
	return dir
}

// unsetError says that the variable naming a folder is not set.
type unsetError struct{ env, reads, holding string }

func (e *unsetError) Error() string {
	return fmt.Sprintf(skipFormat, e.env, e.reads, e.holding, RequireEnv)
}

// resolve returns the folder named by the variable env as an absolute path: an *unsetError
// when env is not set, an error when the folder is absent.
func resolve(env, reads, holding string) (string, error) {
	dir := os.Getenv(env)
	if dir == "" {
		return "", &unsetError{env, reads, holding}
	}
	if !filepath.IsAbs(dir) {
		root, err := ModuleRoot()
		if err != nil {
			return "", fmt.Errorf("%s=%s: %w", env, dir, err)
		}
		dir = filepath.Join(root, dir)
	}
	info, err := os.Stat(dir)
	if err != nil {
		return "", fmt.Errorf("%s names %s: %w", env, dir, err)
	}
	if !info.IsDir() {
		return "", fmt.Errorf("%s names %s, which is not a folder", env, dir)
	}
	return dir, nil
}

// ModuleRoot returns the folder of the go.mod above the working directory (a test runs in
// its package's folder).
func ModuleRoot() (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("module root: %w", err)
	}
	for d := wd; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d, nil
		}
		if filepath.Dir(d) == d {
			return "", errors.New("module root: no go.mod above the working directory " + wd)
		}
	}
}
