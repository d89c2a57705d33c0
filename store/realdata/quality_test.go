package realdata_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/internal/datafiles"
)

// Search-quality goals on textsearch/testdata/quality.tsv: the expected profession first, and
// among the first three.
const (
	qualityTop1Goal = 0.75
	qualityTop3Goal = 0.90
)

// qualityQuery is one line of quality.tsv: a query, its dataset and the profession expected.
type qualityQuery struct{ text, dataset, want string }

// qualityQueries reads textsearch/testdata/quality.tsv.
func qualityQueries(t *testing.T) []qualityQuery {
	root, err := datafiles.ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(filepath.Join(root, "textsearch", "testdata", "quality.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []qualityQuery
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 3 {
			t.Fatalf("quality.tsv: %q: want 3 tab-separated columns", line)
		}
		out = append(out, qualityQuery{cols[0], cols[1], cols[2]})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// qualitySearch is the search each quality query runs: its dataset's first 3 professions.
func qualitySearch(q qualityQuery) career.SearchQuery {
	return career.SearchQuery{Text: q.text, Dataset: q.dataset, Kinds: []career.Kind{career.KindProfession}, First: 3}
}

// checkSearchQuality searches each query of quality.tsv among professions, prints the top-1
// and top-3 rates and fails below the goals.
func checkSearchQuality(t *testing.T, ctx context.Context, s career.Store) {
	var queries, top1, top3 int
	for _, q := range qualityQueries(t) {
		hits, err := s.Search(ctx, qualitySearch(q))
		if err != nil {
			t.Fatalf("search %q: %v", q.text, err)
		}
		queries++
		rank := -1
		var got []string
		for i, h := range hits {
			p := h.Node.(*career.Profession)
			got = append(got, p.ID)
			if p.ID == q.want && rank < 0 {
				rank = i
			}
		}
		switch {
		case rank == 0:
			top1++
			top3++
		case rank > 0:
			top3++
			t.Logf("%q [%s]: %s is #%d", q.text, q.dataset, q.want, rank+1)
		default:
			t.Logf("%q [%s]: %s not in the top 3 %v", q.text, q.dataset, q.want, got)
		}
	}
	r1, r3 := float64(top1)/float64(queries), float64(top3)/float64(queries)
	t.Logf("search quality: %d queries, top-1 %d (%.1f%%), top-3 %d (%.1f%%)", queries, top1, 100*r1, top3, 100*r3)
	if r1 < qualityTop1Goal || r3 < qualityTop3Goal {
		t.Errorf("search quality below the goals: top-1 %.3f (goal %.2f), top-3 %.3f (goal %.2f)", r1, qualityTop1Goal, r3, qualityTop3Goal)
	}
}

// compareSearchQuality checks that two stores give every quality query the same hits and
// scores: typo corrections included (a word with more than 50 words of the index within its
// edits could differ, see neo4jstore.luceneQuery).
func compareSearchQuality(t *testing.T, ctx context.Context, a, b career.Store) {
	hits := func(s career.Store, q qualityQuery) []string {
		hs, err := s.Search(ctx, qualitySearch(q))
		if err != nil {
			t.Fatalf("search %q: %v", q.text, err)
		}
		out := []string{}
		for _, h := range hs {
			out = append(out, fmt.Sprintf("%s %v", h.Node.(*career.Profession).ID, h.Score))
		}
		return out
	}
	for _, q := range qualityQueries(t) {
		equal(t, q.text+" ["+q.dataset+"]", hits(b, q), hits(a, q))
	}
}
