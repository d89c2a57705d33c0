package main

import (
	"strings"
	"testing"

	"github.com/careergraph/careergraph/internal/testbackend"
	"github.com/careergraph/careergraph/store/memory"
)

func TestSearchTextsHaveAtMost20Words(t *testing.T) {
	h := newTestHandler(t, memory.New(testbackend.Seed(t)), nil)
	words := func(n int) string { return strings.TrimSpace(strings.Repeat("e ", n)) }
	for _, tc := range []struct{ query, message string }{
		{`{ search(text: "` + words(100) + `", first: 1) { score } }`, "text must have 1 to 20 words, got 100"},
		{`{ search(text: "` + words(21) + `") { score } }`, "text must have 1 to 20 words, got 21"},
		{`{ search(text: "` + strings.Repeat("l'agent·e ", 7) + `") { score } }`, "text must have 1 to 20 words, got 21"},
		{`{ professions(filter: {text: "` + words(21) + `"}) { totalCount } }`, "filter.text must have 1 to 20 words, got 21"},
		{`{ skills(filter: {text: "` + words(21) + `"}) { totalCount } }`, "filter.text must have 1 to 20 words, got 21"},
	} {
		r := post(t, h, tc.query, nil)
		if len(r.Errors) != 1 || r.codes()[0] != "BAD_USER_INPUT" || r.Errors[0].Message != tc.message {
			t.Errorf("%.60s…:\ngot  %+v\nwant one BAD_USER_INPUT error %q", tc.query, r.Errors, tc.message)
		}
	}
	var got struct{ Search []struct{ Score float64 } }
	post(t, h, `{ search(text: "`+words(20)+`", first: 1) { score } }`, nil).decode(t, &got)
	equal(t, "20 words", got.Search, []struct{ Score float64 }{{0.869429}})
}
