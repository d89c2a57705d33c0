package graph

import (
	"slices"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
)

// TestShapeVariables checks which variables make a planned operation's shape: every variable
// but those only used in the arguments of root fields (fragments and inline fragments at the
// root included), and that their values make the key of the plans kept.
func TestShapeVariables(t *testing.T) {
	for _, c := range []struct {
		name  string
		query string
		want  []string
	}{
		{"root arguments only", `query($id: ID!, $ids: [ID!]!) { profession(id: $id) { name } nodes(ids: $ids) { id } }`, []string{}},
		{"a nested argument and a directive", `query($id: ID!, $imp: Importance, $yes: Boolean!) {
			profession(id: $id) @include(if: $yes) { skills(importance: $imp) { importance } } }`, []string{"imp", "yes"}},
		{"a root argument used below too", `query($n: Int) { professions(first: $n) { nodes { skill: skills { importance } } } skill(id: "x") { professions(first: $n) { totalCount } } }`, []string{"n"}},
		{"fragments at the root and below, their directives", `query($id: ID!, $a: Boolean!, $b: Boolean!, $first: Int, $code: String) {
			...root ... on Query @skip(if: $a) { profession(code: $code) { name } }
			skill(id: $id) { ...below @include(if: $b) } }
			fragment root on Query { profession(id: $id) { name } }
			fragment below on Skill { professions(first: $first) { totalCount } }`, []string{"a", "b", "first"}},
		{"a variable in a list and an object", `query($s: String, $t: ID) { professions(filter: {sector: $s}) { nodes { name } } tool(id: "x") { professions(after: $t) { totalCount } } }`, []string{"t"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			doc, err := parser.ParseQuery(&ast.Source{Input: c.query})
			if err != nil {
				t.Fatal(err)
			}
			if got := shapeVariables(doc, doc.Operations[0]); !slices.Equal(got, c.want) {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
	for _, c := range []struct {
		vars   []string
		values map[string]any
		want   string
	}{
		{nil, map[string]any{"id": "a"}, ""},
		{[]string{"b", "a"}, map[string]any{"a": true, "b": false, "id": "x"}, `{"a":true,"b":false}`},
		{[]string{"imp"}, map[string]any{"imp": nil}, `{"imp":null}`},
		{[]string{"imp"}, map[string]any{}, `{}`},
	} {
		if got := shapeKey(c.vars, c.values); got != c.want {
			t.Errorf("shapeKey(%q, %v) = %s, want %s", c.vars, c.values, got, c.want)
		}
	}
}
