package main

import (
	"context"
	"strings"
	"testing"

	"github.com/careergraph/careergraph/internal/testbackend"
)

func TestImportCommand(t *testing.T) {
	s := testbackend.OpenNeo4j(t)
	cfg := testbackend.Neo4jConfig()
	env := func(name string) string {
		return map[string]string{"NEO4J_URI": cfg.URI, "NEO4J_USER": cfg.User, "NEO4J_PASSWORD": cfg.Password,
			"NEO4J_DATABASE": cfg.Database, "LOG_LEVEL": "error"}[name]
	}
	ctx := context.Background()
	testbackend.LoadNeo4j(t, s) // an empty database

	t.Run("import seed loads the seed", func(t *testing.T) {
		if err := run(ctx, []string{"import", "seed"}, env); err != nil {
			t.Fatal(err)
		}
		st, err := s.Stats(ctx, "seed")
		if err != nil {
			t.Fatal(err)
		}
		equal(t, "professions", st.Professions, 8)
		if err := run(ctx, []string{"import", "seed"}, env); err != nil {
			t.Fatalf("second import: %v", err)
		}
		st, _ = s.Stats(ctx, "")
		equal(t, "idempotent", []int{st.Professions, st.Skills, st.CareerMoves}, []int{8, 35, 21})
	})

	t.Run("bad imports fail with a clear error and change nothing", func(t *testing.T) {
		missing := t.TempDir()
		for _, tc := range []struct {
			args []string
			want string
		}{
			{[]string{"import"}, "usage: import NAME [--dir DIR], NAME one of seed, esco, onet, rome"},
			{[]string{"import", "nope"}, `unknown dataset "nope": want one of seed, esco, onet, rome`},
			{[]string{"import", "rome"}, "dataset rome needs the directory it was downloaded to"},
			{[]string{"import", "seed", "--dir", missing}, "the seed is embedded in the binary: give no directory"},
			{[]string{"import", "rome", "--dir", missing}, "unix_domaine_professionnel_v460_utf8.csv: required file is missing"},
		} {
			err := run(ctx, tc.args, env)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("%v: got %v, want an error containing %q", tc.args, err, tc.want)
			}
		}
		ds, _ := s.Datasets(ctx)
		equal(t, "datasets", len(ds), 1)
	})
}
