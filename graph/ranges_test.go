package graph

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/careergraph/careergraph/career"
)

// The table read from the schema's @range directives and defaults: every bounded argument.
func TestArgumentRanges(t *testing.T) {
	page := map[string]argRange{"first": {min: 1, max: 100, def: 20}, "last": {min: 1, max: 100}}
	want := argRanges{
		"Query.professions":           page,
		"Query.skills":                page,
		"Query.tools":                 page,
		"Query.trainings":             page,
		"Skill.professions":           page,
		"Tool.professions":            page,
		"Training.professions":        page,
		"OccupationGroup.professions": page,
		"Query.search":                {"first": {min: 1, max: 50, def: 10}},
		"Query.careerPaths":           {"maxSteps": {min: 1, max: 6, def: 4}, "first": {min: 1, max: 20, def: 5}},
		"Query.careerProgression":     {"maxSteps": {min: 1, max: 6, def: 3}, "first": {min: 1, max: 200, def: 50}},
		"Query.matchProfessions":      {"first": {min: 1, max: 50, def: 10}},
		"Query.similarProfessions":    {"first": {min: 1, max: 50, def: 10}},
		"Query.matchInterests":        {"first": {min: 1, max: 50, def: 10}},
		"GraphStats.topSkills":        {"first": {min: 1, max: 100, def: 10}},
		"Skill.narrower":              page,
		"Skill.coRequired":            {"first": {min: 1, max: career.MaxCoRequired, def: 10}},
	}
	if !reflect.DeepEqual(ranges, want) {
		t.Errorf("ranges:\n got %v\nwant %v", ranges, want)
	}
}

// The traversals' maxSteps go up to the domain's MaxPathSteps, which the cost model's walks
// and the Neo4j store's planned queries count up to.
func TestMaxStepsIsTheDomains(t *testing.T) {
	for _, field := range []string{"Query.careerPaths", "Query.careerProgression"} {
		if got := ranges[field]["maxSteps"].max; got != career.MaxPathSteps {
			t.Errorf("%s(maxSteps) max = %d, want career.MaxPathSteps = %d", field, got, career.MaxPathSteps)
		}
	}
}

// The served descriptions state the ranges at the end of their first paragraph.
func TestDescriptionsStateTheRanges(t *testing.T) {
	for _, tc := range []struct{ typ, field, want string }{
		{"Query", "professions", "Professions, ordered by name (accent- and case-insensitive), then ID. first: 1..100, last: 1..100."},
		{"Skill", "professions", "Professions that require this skill, by name. first: 1..100, last: 1..100."},
		{"GraphStats", "topSkills", "Skills required by the most professions, then by name. first: 1..100."},
		{"Query", "careerPaths", "Career paths from one profession to another along next-career moves, shortest first. maxSteps: 1..6, first: 1..20.\n\n" +
			"Paths are simple (no profession twice) and follow moves of any kind. Paths of equal length are\n" +
			"ordered by the names of their steps, compared step by step. NOT_FOUND when from or to is not a\n" +
			"profession; BAD_USER_INPUT when they are the same.\n\n" +
			"Costs first × its selection (steps: maxSteps + 1 professions) plus its depth-first search,\n" +
			"which grows as the moves out of one profession to the power maxSteps (see the cost model)."},
	} {
		if got := apiSchema.Types[tc.typ].Fields.ForName(tc.field).Description; got != tc.want {
			t.Errorf("%s.%s:\n got %q\nwant %q", tc.typ, tc.field, got, tc.want)
		}
	}
	if d := apiSchema.Directives[rangeDirective]; d != nil {
		t.Errorf("the served schema lists @%s", d.Name)
	}
	first := apiSchema.Types["Query"].Fields.ForName("professions").Arguments.ForName("first").Description
	if want := "Page forward: the first `first` items after `after` (or of the whole list); its default applies when `last` is not given. Not with `last`. 1..100."; first != want {
		t.Errorf("Query.professions(first):\n got %q\nwant %q", first, want)
	}
}

// A served description states each range once: the schema's sources leave them to @range.
func TestDescriptionsStateEachRangeOnce(t *testing.T) {
	for field, args := range ranges {
		typ, name, _ := strings.Cut(field, ".")
		f := apiSchema.Types[typ].Fields.ForName(name)
		for arg, r := range args {
			stated := fmt.Sprintf("%s: %d..%d", arg, r.min, r.max)
			if n := strings.Count(f.Description, stated); n != 1 {
				t.Errorf("%s states %q %d times, want once:\n%s", field, stated, n, f.Description)
			}
			if d := f.Arguments.ForName(arg).Description; strings.Count(d, fmt.Sprintf("%d..%d", r.min, r.max)) != 1 {
				t.Errorf("%s(%s) does not state %d..%d once: %q", field, arg, r.min, r.max, d)
			}
		}
	}
}

// The caps that are not argument ranges are the ones the descriptions state.
func TestDescriptionsStateTheCaps(t *testing.T) {
	text := fmt.Sprintf("1..%d characters, 1..%d words.", maxSearchText, maxSearchWords)
	for _, tc := range []struct{ typ, field, want string }{
		{"Query", "nodes", fmt.Sprintf("At most %d IDs.", maxNodesIDs)},
		{"Query", "matchProfessions", fmt.Sprintf("skills: 1..%d IDs; tools: 0..%d IDs;", maxMatchSkills, maxMatchTools)},
		{"Query", "search", fmt.Sprintf("text: 1..%d characters with at least one letter or digit, and 1..%d words", maxSearchText, maxSearchWords)},
		{"ProfessionFilter", "text", text},
		{"SkillFilter", "text", text},
		{"ToolFilter", "text", text},
		{"TrainingFilter", "text", text},
	} {
		if got := apiSchema.Types[tc.typ].Fields.ForName(tc.field).Description; !contains(got, tc.want) {
			t.Errorf("%s.%s does not state %q:\n%s", tc.typ, tc.field, tc.want, got)
		}
	}
}

// contains reports whether s holds sub, with line breaks read as spaces.
func contains(s, sub string) bool {
	return strings.Contains(strings.ReplaceAll(s, "\n", " "), sub)
}

// Every file of graph/schema is a source of the executor (listed in gqlgen.yml), and no other.
func TestEverySchemaFileIsGenerated(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("schema", "*.graphqls"))
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, f := range files {
		want = append(want, filepath.Base(f))
	}
	seen := map[string]bool{}
	for _, def := range apiSchema.Types {
		if def.Position != nil && def.Position.Src != nil && !def.BuiltIn {
			seen[filepath.Base(def.Position.Src.Name)] = true
		}
	}
	// A file may only extend types: its fields say where they come from.
	for _, def := range apiSchema.Types {
		for _, f := range def.Fields {
			if f.Position != nil && f.Position.Src != nil && !f.Position.Src.BuiltIn {
				seen[filepath.Base(f.Position.Src.Name)] = true
			}
		}
	}
	for _, d := range apiSchema.Directives {
		if d.Position != nil && d.Position.Src != nil && !d.Position.Src.BuiltIn {
			seen[filepath.Base(d.Position.Src.Name)] = true
		}
	}
	seen["api.graphqls"] = true // it defines @range alone, which the served schema leaves out
	var got []string
	for name := range seen {
		got = append(got, name)
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("schema sources %v, want the files of graph/schema %v: list every file in gqlgen.yml and run go generate ./...", got, want)
	}
	// The executor's sources are the files as they are now (go generate ./... was run).
	for _, def := range apiSchema.Types {
		if def.Position == nil || def.Position.Src == nil || def.BuiltIn {
			continue
		}
		src := def.Position.Src
		name := filepath.Base(src.Name)
		disk, err := os.ReadFile(filepath.Join("schema", name))
		if err != nil {
			t.Fatal(err)
		}
		if string(disk) != src.Input {
			t.Errorf("graph/schema/%s changed since go generate ./... ran", name)
		}
	}
}

// A @range the package cannot read is refused with where and why.
func TestReadRangesRefuses(t *testing.T) {
	const directive = "directive @range(min: Int!, max: Int!) on ARGUMENT_DEFINITION\n"
	for _, tc := range []struct{ schema, want string }{
		{"type Query { f(s: String = \"a\" @range(min: 1, max: 2)): Int }", "Query.f(s): @range bounds an Int, not String"},
		{"type Query { f(n: Int @range(min: 2, max: 1)): Int }", "Query.f(n): min 2 must not exceed max 1"},
		{"type Query { f(n: Int = 3 @range(min: 1, max: 2)): Int }", "Query.f(n): default 3 must lie in 1..2"},
		{"type Query { f(n: Int = 1 @range(min: 2, max: 1)): Int }", "Query.f(n): min 2 must not exceed max 1"},
	} {
		s, err := gqlparser.LoadSchema(&ast.Source{Name: "test.graphqls", Input: directive + tc.schema})
		if err != nil {
			t.Fatalf("%s: %v", tc.schema, err)
		}
		_, gotErr := readRanges(s)
		if gotErr == nil || gotErr.Error() != tc.want {
			t.Errorf("%s: error %v, want %q", tc.schema, gotErr, tc.want)
		}
	}
}

// stateRanges appends the ranges, in the arguments' order, to the first paragraph.
func TestStateRanges(t *testing.T) {
	args := ast.ArgumentDefinitionList{{Name: "from"}, {Name: "maxSteps"}, {Name: "first"}}
	r := map[string]argRange{"first": {min: 1, max: 20, def: 5}, "maxSteps": {min: 1, max: 6, def: 4}}
	for _, tc := range []struct{ description, want string }{
		{"Paths.", "Paths. maxSteps: 1..6, first: 1..20."},
		{"Paths.\n\nMore.\n\nAnd more.", "Paths. maxSteps: 1..6, first: 1..20.\n\nMore.\n\nAnd more."},
		{"Paths,\nshortest first.\n\nMore.", "Paths,\nshortest first. maxSteps: 1..6, first: 1..20.\n\nMore."},
	} {
		if got := stateRanges(tc.description, args, r); got != tc.want {
			t.Errorf("stateRanges(%q) = %q, want %q", tc.description, got, tc.want)
		}
	}
}
