package memory

import (
	"context"

	"github.com/careergraph/careergraph/career"
)

// interestIndex holds the professions' interest codes and work contexts and the texts of
// professions and skills in their other languages.
type interestIndex struct {
	codes    map[string]string            // profession ID → interest code
	contexts map[string][]string          // profession ID → work contexts, dataset order
	texts    map[string][]career.Text     // node ID → texts in other languages
	byCode   map[string][]*professionNode // interest code → professions, by (sortKey, ID)
}

// textsByNode groups a dataset's texts by node.
func textsByNode(texts []career.Text) map[string][]career.Text {
	out := make(map[string][]career.Text, len(texts))
	for _, t := range texts {
		out[t.NodeID] = append(out[t.NodeID], t)
	}
	return out
}

// addInterests indexes a dataset's interest codes, work contexts and texts (texts as
// textsByNode grouped them), and counts them in its stats.
func (g *graph) addInterests(d *career.Dataset, di *datasetIndex, texts map[string][]career.Text) {
	x := &g.interests
	if x.codes == nil {
		x.codes = map[string]string{}
		x.contexts = map[string][]string{}
		x.texts = map[string][]career.Text{}
		x.byCode = map[string][]*professionNode{}
	}
	for _, in := range d.Interests {
		n := g.professions[in.ProfessionID]
		if n == nil {
			continue
		}
		x.codes[in.ProfessionID] = in.Code
		x.byCode[in.Code] = append(x.byCode[in.Code], n)
		di.stats.Interests++
	}
	for _, c := range d.WorkContexts {
		if g.professions[c.ProfessionID] == nil {
			continue
		}
		x.contexts[c.ProfessionID] = append(x.contexts[c.ProfessionID], c.Text)
		di.stats.WorkContexts++
	}
	for id, ts := range texts {
		if g.professions[id] == nil && g.skills[id] == nil {
			continue
		}
		x.texts[id] = ts
		di.stats.Texts += len(ts)
	}
}

// finishInterests sorts the professions of each interest code, once every dataset is in.
func (g *graph) finishInterests() {
	for _, ps := range g.interests.byCode {
		career.SortByKeys(ps, func(n *professionNode) (string, string) { return n.sortKey, n.p.ID })
	}
}

// Interests returns each profession's interest code.
func (s *Store) Interests(ctx context.Context, professionIDs []string) (map[string]string, error) {
	g := s.graph()
	out := make(map[string]string, len(professionIDs))
	for _, id := range professionIDs {
		if c, ok := g.interests.codes[id]; ok {
			out[id] = c
		}
	}
	return out, nil
}

// WorkContexts returns each profession's work contexts, in dataset order.
func (s *Store) WorkContexts(ctx context.Context, professionIDs []string) (map[string][]string, error) {
	g := s.graph()
	out := make(map[string][]string, len(professionIDs))
	for _, id := range professionIDs {
		if cs, ok := g.interests.contexts[id]; ok {
			out[id] = cs
		}
	}
	return out, nil
}

// Texts returns each node's texts in its other languages.
func (s *Store) Texts(ctx context.Context, ids []string) (map[string][]career.Text, error) {
	g := s.graph()
	out := make(map[string][]career.Text, len(ids))
	for _, id := range ids {
		if ts, ok := g.interests.texts[id]; ok {
			out[id] = ts
		}
	}
	return out, nil
}

// MatchInterests ranks professions by career.RiasecScore, reading the professions of each
// career.InterestLevels level (already in (sortKey, ID) order per code) until it has enough.
func (s *Store) MatchInterests(ctx context.Context, q career.InterestQuery) ([]career.ProfessionMatch, error) {
	g := s.graph()
	stop := career.NewStopper(ctx, "matchInterests")
	out := []career.ProfessionMatch{}
	for _, level := range career.InterestLevels(q.Code) {
		var ps []*professionNode
		for _, code := range level.Codes {
			for _, n := range g.interests.byCode[code] {
				if q.Dataset == "" || n.p.Dataset == q.Dataset {
					ps = append(ps, n)
				}
			}
		}
		if err := stop.Step(1 + len(ps)); err != nil {
			return nil, err
		}
		career.SortByKeys(ps, func(n *professionNode) (string, string) { return n.sortKey, n.p.ID })
		for _, n := range ps {
			if len(out) == q.First {
				return out, nil
			}
			out = append(out, career.ProfessionMatch{Profession: n.p, Score: level.Score, Matched: []*career.Skill{}, Missing: []*career.Skill{}})
		}
	}
	return out, nil
}
