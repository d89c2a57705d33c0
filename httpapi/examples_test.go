package httpapi

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"testing/fstest"
)

// The GraphiQL tabs are the files of examples/, in the order of their names (that each runs on
// the seed without an error is tested with the server's configuration, in server/).
func TestExamples(t *testing.T) {
	t.Run("one tab per file, in order", func(t *testing.T) {
		var ops []string
		for _, e := range examples {
			first, _, _ := strings.Cut(e.Query, "\n")
			ops = append(ops, first)
		}
		equal(t, "first lines", ops, []string{
			`# A profession's full card (the seed card "Développeur·euse web back end").`,
			"# Career paths from back-end web developer to technical director.",
			"# What a back-end web developer must add to become a software architect.",
			"# Search, aware of French inclusive forms.",
		})
		for i, op := range []string{"ProfessionCard", "CareerPath", "SkillGap", "Search"} {
			if !holdsOperation(examples[i].Query, op) {
				t.Errorf("tab %d does not hold query %s:\n%s", i, op, examples[i].Query)
			}
		}
	})
	t.Run("a bad file is refused with its name", func(t *testing.T) {
		for _, c := range []struct {
			name  string
			files fstest.MapFS
			want  string
		}{
			{"none", fstest.MapFS{}, "no GraphiQL example matches examples/*.graphql"},
			{"empty", fstest.MapFS{"examples/01-Search.graphql": {Data: []byte(" \n")}},
				"the GraphiQL example examples/01-Search.graphql is empty"},
			{"wrong operation", fstest.MapFS{"examples/01-Search.graphql": {Data: []byte("query Card { __typename }\n")}},
				`the GraphiQL example examples/01-Search.graphql does not hold the operation its name says (want NN-Operation.graphql with "query Operation" in it)`},
			{"no operation in the name", fstest.MapFS{"examples/Search.graphql": {Data: []byte("query Search { __typename }\n")}},
				`the GraphiQL example examples/Search.graphql does not hold the operation its name says (want NN-Operation.graphql with "query Operation" in it)`},
		} {
			_, err := readExamples(c.files)
			if err == nil || err.Error() != c.want {
				t.Errorf("%s: err = %v, want %q", c.name, err, c.want)
			}
		}
	})
}

// equal fails when got and want differ, showing both as JSON.
func equal(t *testing.T, what string, got, want any) {
	t.Helper()
	g, _ := json.MarshalIndent(got, "", "  ")
	w, _ := json.MarshalIndent(want, "", "  ")
	if !bytes.Equal(g, w) {
		t.Errorf("%s:\ngot  %s\nwant %s", what, g, w)
	}
}
