package memory

import (
	"context"

	"github.com/careergraph/careergraph/career"
)

// equivalenceEdge is an equivalence answered by the graph: both professions are loaded.
type equivalenceEdge struct {
	e        *career.Equivalence
	from, to *professionNode
}

// indexEquivalences indexes the equivalences of every loaded dataset by both of their
// professions, sorted best first (career.SortEquivalents); those naming a profession that is
// not loaded are left out. It runs once every dataset is in.
func (g *graph) indexEquivalences(datasets []*career.Dataset) {
	g.equivalents = make(map[*professionNode][]career.Equivalent)
	for _, d := range datasets {
		for i := range d.Equivalences {
			e := &d.Equivalences[i]
			from, to := g.professions[e.FromID], g.professions[e.ToID]
			if from == nil || to == nil || from.p.Dataset == to.p.Dataset {
				continue
			}
			g.equivalences = append(g.equivalences, equivalenceEdge{e: e, from: from, to: to})
			g.equivalents[from] = append(g.equivalents[from], e.Seen(true, to.p))
			g.equivalents[to] = append(g.equivalents[to], e.Seen(false, from.p))
		}
	}
	for n, eqs := range g.equivalents {
		g.equivalents[n] = career.SortEquivalents(eqs)
	}
}

// Equivalents returns each profession's equivalents, best first.
func (s *Store) Equivalents(ctx context.Context, ids []string) (map[string][]career.Equivalent, error) {
	g := s.graph()
	out := make(map[string][]career.Equivalent, len(ids))
	eachProfession(g, ids, func(id string, n *professionNode) {
		if eqs := g.equivalents[n]; len(eqs) > 0 {
			out[id] = eqs
		}
	})
	return out, nil
}

// equivalenceStats counts the answered equivalences with a profession in dataset ("" for all).
func (g *graph) equivalenceStats(dataset string) (int, []career.SourceCount) {
	var sources []string
	for _, e := range g.equivalences {
		if dataset == "" || e.from.p.Dataset == dataset || e.to.p.Dataset == dataset {
			sources = append(sources, e.e.Source)
		}
	}
	return len(sources), career.CountSources(sources)
}
