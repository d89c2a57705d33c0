package neo4jstore

import (
	"context"
	"fmt"
	"slices"
	"strings"
)

// FullTextIndex is the name of the full-text index over the folded `searchText` property of
// every Profession, Skill, Tool and Training.
const FullTextIndex = "node_search"

// nodeLabels are the labels of the graph's nodes, one per career.Kind.
var nodeLabels = []string{"Profession", "Skill", "Tool", "Training", groupLabel}

// schemaStatements create the constraints and indexes the store's queries use. Each is
// idempotent (IF NOT EXISTS).
func schemaStatements() []string {
	var stmts []string
	for _, l := range nodeLabels {
		// A uniqueness constraint also gives the index every lookup by ID uses.
		stmts = append(stmts,
			fmt.Sprintf("CREATE CONSTRAINT %s_id IF NOT EXISTS FOR (n:%s) REQUIRE n.id IS UNIQUE", lower(l), l),
			fmt.Sprintf("CREATE INDEX %s_dataset IF NOT EXISTS FOR (n:%s) ON (n.dataset)", lower(l), l),
			fmt.Sprintf("CREATE INDEX %s_sortkey IF NOT EXISTS FOR (n:%s) ON (n.sortKey, n.id)", lower(l), l),
			fmt.Sprintf("CREATE INDEX %s_dataset_sortkey IF NOT EXISTS FOR (n:%s) ON (n.dataset, n.sortKey)", lower(l), l),
		)
	}
	stmts = append(stmts,
		"CREATE CONSTRAINT dataset_name IF NOT EXISTS FOR (d:Dataset) REQUIRE d.name IS UNIQUE",
		"CREATE INDEX profession_dataset_code IF NOT EXISTS FOR (n:Profession) ON (n.dataset, n.code)",
		"CREATE INDEX profession_sector IF NOT EXISTS FOR (n:Profession) ON (n.sector)",
		"CREATE INDEX skill_kind IF NOT EXISTS FOR (n:Skill) ON (n.kind)",
		"CREATE INDEX profession_riasec IF NOT EXISTS FOR (n:Profession) ON (n.riasec)",
		"CREATE INDEX tool_category IF NOT EXISTS FOR (n:Tool) ON (n.category)",
		"CREATE INDEX training_level IF NOT EXISTS FOR (n:Training) ON (n.level)",
		"CREATE INDEX equivalence_from IF NOT EXISTS FOR (e:Equivalence) ON (e.from)",
		"CREATE INDEX equivalence_to IF NOT EXISTS FOR (e:Equivalence) ON (e.to)",
		"CREATE INDEX equivalence_dataset IF NOT EXISTS FOR (e:Equivalence) ON (e.dataset)",
		"CREATE FULLTEXT INDEX "+FullTextIndex+" IF NOT EXISTS FOR (n:"+strings.Join(nodeLabels, "|")+") ON EACH [n.searchText] "+
			"OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}}",
	)
	return stmts
}

func lower(s string) string {
	b := []byte(s)
	if len(b) > 0 && b[0] >= 'A' && b[0] <= 'Z' {
		b[0] += 'a' - 'A'
	}
	return string(b)
}

// EnsureSchema creates the constraints and indexes the store needs, when missing, and waits
// until every index is online. It is idempotent: calling it again changes nothing.
func (s *Store) EnsureSchema(ctx context.Context) error {
	if err := s.dropStaleFullText(ctx); err != nil {
		return err
	}
	for _, stmt := range schemaStatements() {
		if err := s.write(ctx, "ensure schema", stmt, nil); err != nil {
			return err
		}
	}
	if err := s.write(ctx, "await indexes", "CALL db.awaitIndexes(300)", nil); err != nil {
		return err
	}
	return nil
}

// dropStaleFullText drops the full-text index when it does not cover every label of
// nodeLabels (an index created before occupation groups were searchable), so that
// schemaStatements creates it again over all of them. Neo4j cannot change an index's labels.
func (s *Store) dropStaleFullText(ctx context.Context) error {
	recs, err := s.read(ctx, "full-text index labels", "SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes WHERE name = $name RETURN labelsOrTypes",
		map[string]any{"name": FullTextIndex})
	if err != nil || len(recs) == 0 {
		return err
	}
	have := strsOf(row{recs[0]}.val("labelsOrTypes"))
	slices.Sort(have)
	want := slices.Sorted(slices.Values(nodeLabels))
	if slices.Equal(have, want) {
		return nil
	}
	return s.write(ctx, "drop the full-text index", "DROP INDEX "+FullTextIndex+" IF EXISTS", nil)
}
