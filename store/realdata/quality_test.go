package realdata_test

import (
	"bufio"
	"context"
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

// checkSearchQuality searches each query of quality.tsv among professions, prints the top-1
// and top-3 rates and fails below the goals.
func checkSearchQuality(t *testing.T, ctx context.Context, s career.Store) {
	root, err := datafiles.ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(filepath.Join(root, "textsearch", "testdata", "quality.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var queries, top1, top3 int
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
		hits, err := s.Search(ctx, career.SearchQuery{Text: cols[0], Dataset: cols[1], Kinds: []career.Kind{career.KindProfession}, First: 3})
		if err != nil {
			t.Fatalf("search %q: %v", cols[0], err)
		}
		queries++
		rank := -1
		var got []string
		for i, h := range hits {
			p := h.Node.(*career.Profession)
			got = append(got, p.ID)
			if p.ID == cols[2] && rank < 0 {
				rank = i
			}
		}
		switch {
		case rank == 0:
			top1++
			top3++
		case rank > 0:
			top3++
			t.Logf("%q [%s]: %s is #%d", cols[0], cols[1], cols[2], rank+1)
		default:
			t.Logf("%q [%s]: %s not in the top 3 %v", cols[0], cols[1], cols[2], got)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	r1, r3 := float64(top1)/float64(queries), float64(top3)/float64(queries)
	t.Logf("search quality: %d queries, top-1 %d (%.1f%%), top-3 %d (%.1f%%)", queries, top1, 100*r1, top3, 100*r3)
	if r1 < qualityTop1Goal || r3 < qualityTop3Goal {
		t.Errorf("search quality below the goals: top-1 %.3f (goal %.2f), top-3 %.3f (goal %.2f)", r1, qualityTop1Goal, r3, qualityTop3Goal)
	}
}
