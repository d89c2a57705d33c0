package memory_test

import (
	"context"
	"regexp"
	"testing"

	"github.com/careergraph/careergraph/internal/testbackend"
	"github.com/careergraph/careergraph/store/memory"
	"github.com/careergraph/careergraph/store/storetest"
)

var versionShape = regexp.MustCompile(`^[0-9a-f]{32}$`)

func TestDataVersionChangesWithEachLoad(t *testing.T) {
	ctx := context.Background()
	seed := testbackend.Seed(t)
	s := memory.New(seed)
	version := func() string {
		t.Helper()
		v, err := s.DataVersion(ctx)
		if err != nil || !versionShape.MatchString(v) {
			t.Fatalf("DataVersion = %q, %v; want 32 hex digits", v, err)
		}
		return v
	}
	first := version()
	if again := version(); again != first {
		t.Errorf("the version changed without a load: %s, then %s", first, again)
	}
	seen := map[string]string{first: "the seed"}
	for _, step := range []string{"another dataset", "the seed again, unchanged"} {
		d := seed
		if step == "another dataset" {
			d = storetest.Generate(1, "star")
		}
		if err := s.Load(ctx, d); err != nil {
			t.Fatal(err)
		}
		v := version()
		if prev, dup := seen[v]; dup {
			t.Errorf("after loading %s the version is that after %s: %s", step, prev, v)
		}
		seen[v] = step
	}
	// Another process loading the same files has its own loads, so its own version.
	s = memory.New(seed)
	if other := version(); seen[other] != "" {
		t.Errorf("another store of the same dataset has a version of this one: %s", other)
	}
}
