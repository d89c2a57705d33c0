package neo4jstore_test

import (
	"slices"
	"strings"
	"testing"

	neo4jstore "github.com/careergraph/careergraph/store/neo4j"
	"github.com/careergraph/careergraph/textsearch"
	"github.com/careergraph/careergraph/textsearch/textsearchtest"
)

func TestSearchField(t *testing.T) {
	tests := []struct {
		name  string
		texts []string
		want  string
	}{
		{"inclusive name", []string{"Développeur·euse web back end"}, "developpeur web back end developpeuse euse"},
		{"paired name and short name", []string{"Chef / Cheffe de projet BTP", "Chef(fe) de projet BTP"}, "chef de projet btp cheffe fe"},
		{"plain name", []string{"Architecte logiciel"}, "architecte logiciel"},
		{"no texts", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := neo4jstore.SearchField(tt.texts); got != tt.want {
				t.Errorf("SearchField(%q) = %q, want %q", tt.texts, got, tt.want)
			}
		})
	}
}

func TestFullTextQuery(t *testing.T) {
	tests := []struct {
		query, want string
	}{
		{"développeuse back", "(+developpeuse* +back*)"},
		{"Développeur·euse", "(+developpeur*) (+developpeuse*)"},
		{"Chef / Cheffe de projet", "(+chef* +de* +projet*)"},
		{"Directeur·rice technique", "(+directeur* +technique*) (+directrice* +technique*)"},
		{"Boulanger / Boulangère", "(+boulanger*)"},
		{"C++ AND (java)", "(+c* +and* +java*)"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			got, ok := neo4jstore.FullTextQuery(tt.query)
			if !ok || got != tt.want {
				t.Errorf("FullTextQuery(%q) = %q %v, want %q true", tt.query, got, ok, tt.want)
			}
		})
	}
	t.Run("a blank query has no full-text query", func(t *testing.T) {
		if got, ok := neo4jstore.FullTextQuery(" ·/ "); ok || got != "" {
			t.Errorf("FullTextQuery = %q %v, want \"\" false", got, ok)
		}
	})
}

func TestEscapeLucene(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"developpeur", "developpeur"},
		{`a+b-c&&d||e!f(g)h{i}j[k]l^m"n~o*p?q:r\s/t`, `a\+b\-c\&\&d\|\|e\!f\(g\)h\{i\}j\[k\]l\^m\"n\~o\*p\?q\:r\\s\/t`},
		{"μηχανικος", "μηχανικος"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := neo4jstore.EscapeLucene(tt.in); got != tt.want {
				t.Errorf("EscapeLucene(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// parseLucene reads a query made by FullTextQuery: its clauses, each a list of required
// prefixes.
func parseLucene(t *testing.T, query string) [][]string {
	t.Helper()
	if !strings.HasPrefix(query, "(") || !strings.HasSuffix(query, ")") {
		t.Fatalf("query %q is not a list of clauses", query)
	}
	var clauses [][]string
	for _, clause := range strings.Split(query[1:len(query)-1], ") (") {
		var prefixes []string
		for _, term := range strings.Fields(clause) {
			if !strings.HasPrefix(term, "+") || !strings.HasSuffix(term, "*") {
				t.Fatalf("term %q of %q is not a required prefix", term, query)
			}
			prefixes = append(prefixes, unescapeLucene(term[1:len(term)-1]))
		}
		clauses = append(clauses, prefixes)
	}
	return clauses
}

// luceneSelects evaluates a parsed full-text query on the tokens of a field made by
// SearchField as Neo4j's full-text index with a whitespace analyzer does: some clause has
// every one of its prefixes on some token of the field.
func luceneSelects(clauses [][]string, tokens []string) bool {
	for _, prefixes := range clauses {
		all := true
		for _, prefix := range prefixes {
			if !slices.ContainsFunc(tokens, func(tok string) bool { return strings.HasPrefix(tok, prefix) }) {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

// unescapeLucene removes the backslashes EscapeLucene adds.
func unescapeLucene(s string) string {
	var b strings.Builder
	escaped := false
	for _, r := range s {
		if r == '\\' && !escaped {
			escaped = true
			continue
		}
		escaped = false
		b.WriteRune(r)
	}
	return b.String()
}

func TestFullTextQuerySelectsEveryMatch(t *testing.T) {
	if testing.Short() {
		t.Skip("scores every name for every query; skipped with -short")
	}
	var names [][]string
	for _, a := range textsearchtest.RomeAppellations(t) {
		names = append(names, a.Texts())
	}
	names = append(names, textsearchtest.EscoOccupations(t)...)
	fields := make([][]string, len(names))
	prepared := make([]*textsearch.PreparedTexts, len(names))
	for i, texts := range names {
		fields[i] = strings.Fields(neo4jstore.SearchField(texts))
		prepared[i] = textsearch.PrepareTexts(texts)
	}
	queries := textsearchtest.RealQueries(names, 1601)
	matches, selected := 0, 0
	for _, query := range queries {
		q, ok := textsearch.ParseQuery(query)
		if !ok {
			t.Fatalf("query %q has no tokens", query)
		}
		lucene, _ := neo4jstore.FullTextQuery(query)
		clauses := parseLucene(t, lucene)
		for i := range names {
			_, ok := q.Match(prepared[i])
			sel := luceneSelects(clauses, fields[i])
			if ok && !sel {
				t.Errorf("%q matches %q but %q does not select %q", query, names[i][0], lucene, fields[i])
			}
			if ok {
				matches++
			}
			if sel {
				selected++
			}
		}
	}
	// 16,127 names: 13,120 ROME appellations and 3,007 ESCO occupations.
	if len(names) != 16127 || len(queries) != 74 || matches != 31738 || selected != 31794 {
		t.Errorf("%d names, %d queries: %d matches, %d selected; want 16127, 74, 31738, 31794", len(names), len(queries), matches, selected)
	}
}

// TestTextIndexAgreesWithMatchText checks on the ROME appellations that Candidates returns
// exactly the nodes a full-text search on SearchField selects, and that Match returns exactly
// the nodes MatchText accepts, with MatchText's scores.
func TestTextIndexAgreesWithMatchText(t *testing.T) {
	if testing.Short() {
		t.Skip("scores every name for every query; skipped with -short")
	}
	apps := textsearchtest.RomeAppellations(t)
	x := textsearch.NewIndex()
	for _, a := range apps {
		x.Add(a.Code, a.Texts())
	}
	x.Build()
	fields := make([][]string, len(apps))
	prepared := make([]*textsearch.PreparedTexts, len(apps))
	for i, a := range apps {
		fields[i] = strings.Fields(neo4jstore.SearchField(a.Texts()))
		prepared[i] = textsearch.PrepareTexts(a.Texts())
	}
	var names [][]string
	for _, a := range apps {
		names = append(names, a.Texts())
	}
	for _, query := range textsearchtest.RealQueries(names, 1601) {
		q, _ := textsearch.ParseQuery(query)
		lucene, _ := neo4jstore.FullTextQuery(query)
		clauses := parseLucene(t, lucene)
		var wantCandidates []string
		wantScores := make(map[string]float64)
		for i, a := range apps {
			if luceneSelects(clauses, fields[i]) {
				wantCandidates = append(wantCandidates, a.Code)
			}
			if s, ok := q.Match(prepared[i]); ok {
				wantScores[a.Code] = s
			}
		}
		if got := x.Candidates(query); !slices.Equal(got, wantCandidates) {
			t.Errorf("Candidates(%q): %d nodes, want %d", query, len(got), len(wantCandidates))
		}
		hits := x.Match(query)
		if len(hits) != len(wantScores) {
			t.Errorf("Match(%q): %d hits, want %d", query, len(hits), len(wantScores))
		}
		for _, h := range hits {
			if s, ok := wantScores[h.ID]; !ok || s != h.Score {
				t.Errorf("Match(%q): %s scores %v, MatchText %v %v", query, h.ID, h.Score, s, ok)
			}
		}
	}
}
