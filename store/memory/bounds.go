package memory

import (
	"context"

	"github.com/careergraph/careergraph/career"
)

var _ career.BoundsReader = (*Store)(nil)

// Bounds returns the bounds of the loaded data, computed when it was loaded.
func (s *Store) Bounds(ctx context.Context) (career.Bounds, error) {
	return s.graph().bounds, ctx.Err()
}

// boundsOf computes the bounds of datasets indexed in g: each dataset's, merged, with the
// search postings of g's text index.
func boundsOf(datasets []*career.Dataset, g *graph) career.Bounds {
	list := make([]career.Bounds, len(datasets))
	for i, d := range datasets {
		list[i] = career.DatasetBounds(d)
	}
	b := career.MergeBounds(list...)
	var words career.PrefixCounter
	g.text.EachWord(words.AddWord)
	words.SetText(&b)
	return b
}
