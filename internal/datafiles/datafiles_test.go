package datafiles

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// recorder is a testing.TB that records Skip and Fatal instead of ending the test.
type recorder struct {
	testing.TB
	skipped, failed string
}

func (r *recorder) Skip(args ...any)  { r.skipped = fmt.Sprint(args...) }
func (r *recorder) Fatal(args ...any) { r.failed = fmt.Sprint(args...) }

func TestFolder(t *testing.T) {
	root, err := ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	const unset = "CAREERGRAPH_DATA is not set: this test reads the data; set CAREERGRAPH_DATA to the folder of it to run it " +
		"(scripts/test sets it when ../shared is beside the checkout; CAREERGRAPH_REQUIRE_DATA=1 makes this a failure)"
	tests := []struct {
		name, value, require      string
		want, skipped, failedWith string
	}{
		{name: "unset: the test skips, naming the variable", skipped: unset},
		{name: "unset and required: the test fails", require: "1", failedWith: unset},
		{name: "an absolute folder", value: dir, want: dir},
		{name: "a relative folder is taken from the module root", value: "testdata/excerpt", want: filepath.Join(root, "testdata", "excerpt")},
		{name: "an absent folder fails the test", value: filepath.Join(dir, "absent"),
			failedWith: "CAREERGRAPH_DATA names " + filepath.Join(dir, "absent") + ": stat " + filepath.Join(dir, "absent") + ": no such file or directory"},
		{name: "a file fails the test", value: file, failedWith: "CAREERGRAPH_DATA names " + file + ", which is not a folder"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv(DataEnv, tt.value)
			t.Setenv(RequireEnv, tt.require)
			r := &recorder{TB: t}
			got := folder(r, DataEnv, "the data", "the folder of it")
			if got != tt.want || r.skipped != tt.skipped || r.failed != tt.failedWith {
				t.Errorf("folder = %q, skipped %q, failed %q;\nwant %q, skipped %q, failed %q",
					got, r.skipped, r.failed, tt.want, tt.skipped, tt.failedWith)
			}
		})
	}
}

func TestExcerpt(t *testing.T) {
	root, err := ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"rome", "esco", "onet"} {
		got := Excerpt(t, name)
		if want := filepath.Join(root, "testdata", "excerpt", name); got != want {
			t.Errorf("Excerpt(%q) = %q, want %q", name, got, want)
		}
		if info, err := os.Stat(got); err != nil || !info.IsDir() {
			t.Errorf("Excerpt(%q): %v, want a folder", name, err)
		}
	}
}
