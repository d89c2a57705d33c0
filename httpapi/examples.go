package httpapi

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/careergraph/careergraph/graphiql"
)

// exampleGlob matches the GraphiQL examples: one GraphQL document per tab, named
// NN-Operation.graphql, where NN orders the tabs and Operation is the operation the tab runs
// (GraphiQL titles the tab with it).
const exampleGlob = "examples/*.graphql"

//go:embed examples/*.graphql
var exampleFiles embed.FS

// examples are the queries GraphiQL opens with, one tab each, in the order of their file names.
var examples = mustReadExamples(exampleFiles)

// Examples returns GraphiQL's tabs, the embedded files of examples/, in the order of their names.
func Examples() []graphiql.Example { return slices.Clone(examples) }

// readExamples reads the GraphiQL examples of fsys (the files matching exampleGlob), in the
// order of their names. A file that is empty, or whose name does not say which operation it
// holds, is an error.
func readExamples(fsys fs.FS) ([]graphiql.Example, error) {
	names, err := fs.Glob(fsys, exampleGlob)
	if err != nil {
		return nil, fmt.Errorf("list the GraphiQL examples %s: %w", exampleGlob, err)
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("no GraphiQL example matches %s", exampleGlob)
	}
	out := make([]graphiql.Example, 0, len(names))
	for _, name := range names {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("read the GraphiQL example %s: %w", name, err)
		}
		query := string(b)
		if strings.TrimSpace(query) == "" {
			return nil, fmt.Errorf("the GraphiQL example %s is empty", name)
		}
		if op := exampleOperation(name); op == "" || !holdsOperation(query, op) {
			return nil, fmt.Errorf("the GraphiQL example %s does not hold the operation its name says (want NN-Operation.graphql with \"query Operation\" in it)", name)
		}
		out = append(out, graphiql.Example{Query: query})
	}
	return out, nil
}

// exampleOperation is the operation an example file's name says it holds: "Search" for
// "examples/04-Search.graphql".
func exampleOperation(name string) string {
	base := strings.TrimSuffix(path.Base(name), path.Ext(name))
	_, op, _ := strings.Cut(base, "-")
	return op
}

// holdsOperation reports whether query declares the query operation op.
func holdsOperation(query, op string) bool {
	return regexp.MustCompile(`(?m)^query\s+` + regexp.QuoteMeta(op) + `\b`).MatchString(query)
}

// mustReadExamples reads the embedded examples; they are part of the binary, so a bad file is a
// programming error caught by the first test run.
func mustReadExamples(fsys fs.FS) []graphiql.Example {
	e, err := readExamples(fsys)
	if err != nil {
		panic(err)
	}
	return e
}
