package graph_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/vektah/gqlparser/v2/formatter"

	"github.com/careergraph/careergraph/graph"
)

// relayProject is the small Relay project relay-compiler checks: its config and documents,
// and the npm packages scripts/test installs there (npm ci, pinned by its package-lock.json).
const relayProject = "../scripts/relay"

// TestRelayCompilerAcceptsTheConnections runs relay-compiler on the documents of
// scripts/relay/src over the schema the API serves (printed from graph.Schema, as
// introspection gives it): @connection on Query.professions (forward) and on
// Skill.professions (both ways), and @refetchable on a Query fragment and on a Skill fragment
// (through Query.node). It fails on any error relay-compiler reports. The compiler runs in a
// copy of the project, so that its artifacts are not written into the checkout. It skips when
// the npm packages are not installed, unless CAREERGRAPH_REQUIRE_NPM=1 (set by scripts/test).
func TestRelayCompilerAcceptsTheConnections(t *testing.T) {
	compiler, err := filepath.Abs(filepath.Join(relayProject, "node_modules", ".bin", "relay-compiler"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(compiler); err != nil {
		if os.Getenv("CAREERGRAPH_REQUIRE_NPM") == "1" {
			t.Fatalf("relay-compiler is not installed (%v): run npm ci in scripts/relay", err)
		}
		t.Skip("relay-compiler is not installed: run `npm ci` in scripts/relay, or scripts/test")
	}
	dir := t.TempDir()
	for _, name := range []string{"relay.config.json", "src/ProfessionList.js", "src/SkillProfessions.js"} {
		b, err := os.ReadFile(filepath.Join(relayProject, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var schema bytes.Buffer
	formatter.NewFormatter(&schema).FormatSchema(graph.Schema())
	if err := os.WriteFile(filepath.Join(dir, "schema.graphql"), schema.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(compiler, "--output", "quiet-with-errors")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("relay-compiler refused the documents: %v\n%s", err, out)
	}
	for _, artifact := range []string{"ProfessionListPaginationQuery.graphql.js", "SkillProfessionsPaginationQuery.graphql.js",
		"ProfessionList_query.graphql.js", "SkillProfessions_skill.graphql.js"} {
		if _, err := os.Stat(filepath.Join(dir, "src", "__generated__", artifact)); err != nil {
			t.Errorf("relay-compiler wrote no %s: %v", artifact, err)
		}
	}
}
