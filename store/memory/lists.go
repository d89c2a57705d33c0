package memory

import (
	"context"
	"slices"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/textsearch"
)

// paginate returns the page of sorted (by key) items that page asks for (career.CutPage), as
// the values value gives.
func paginate[N any, T any](sorted []N, key func(N) (string, string), value func(N) T, page career.PageArgs) (*career.Page[T], error) {
	w, err := page.Window()
	if err != nil {
		return nil, err
	}
	cut := career.CutPage(sorted, key, w)
	out := &career.Page[T]{
		Items:           make([]T, 0, len(cut.Items)),
		HasNextPage:     cut.HasNextPage,
		HasPreviousPage: cut.HasPreviousPage,
		TotalCount:      cut.TotalCount,
	}
	for _, n := range cut.Items {
		out.Items = append(out.Items, value(n))
	}
	return out, nil
}

func professionKey(n *professionNode) (string, string)     { return n.sortKey, n.p.ID }
func professionValue(n *professionNode) *career.Profession { return n.p }

// textMatches returns the IDs whose names match text, as a set. It stops when ctx is done.
func (g *graph) textMatches(ctx context.Context, text string) (map[string]bool, error) {
	hits, err := g.text.MatchStopping(career.NewStopper(ctx, "search"), text)
	if err != nil {
		return nil, err
	}
	out := make(map[string]bool, len(hits))
	for _, h := range hits {
		out[h.ID] = true
	}
	return out, nil
}

// filterNodes returns the nodes of base that keep accepts, in order. It stops when stop says
// the request is over.
func filterNodes[N any](stop *career.Stopper, base []N, keep func(N) bool) ([]N, error) {
	out := make([]N, 0)
	for _, n := range base {
		if keep(n) {
			out = append(out, n)
		}
		if err := stop.Step(1); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// ListProfessions pages through the professions that pass the filter, by name.
func (s *Store) ListProfessions(ctx context.Context, f career.ProfessionFilter, page career.PageArgs) (*career.Page[*career.Profession], error) {
	g := s.graph()
	// Start from the smallest list an index gives, then check the other conditions.
	var base []*professionNode
	switch {
	case f.SkillID != "":
		if sk := g.skills[f.SkillID]; sk != nil {
			for _, e := range sk.requiredBy {
				base = append(base, e.profession)
			}
		}
	case f.ToolID != "":
		if t := g.tools[f.ToolID]; t != nil {
			base = t.usedBy
		}
	case f.Dataset != "":
		if d := g.datasets[f.Dataset]; d != nil {
			base = d.professions
		}
	default:
		base = g.sortedProfessions
	}
	// The base list already holds what its index selects; check the other conditions.
	var keep func(*professionNode) bool
	if f.Sector != "" || (f.Dataset != "" && (f.SkillID != "" || f.ToolID != "")) || (f.SkillID != "" && f.ToolID != "") {
		keep = func(n *professionNode) bool {
			return (f.Dataset == "" || n.p.Dataset == f.Dataset) &&
				(f.Sector == "" || n.p.Sector == f.Sector) &&
				(f.SkillID == "" || requires(n, f.SkillID)) &&
				(f.ToolID == "" || uses(n, f.ToolID))
		}
	}
	return listNodes(ctx, g, "professions", base, f.Text, keep, professionKey, professionValue, page)
}

func requires(n *professionNode, skillID string) bool {
	return slices.ContainsFunc(n.requirements, func(r requirementEdge) bool { return r.skill.s.ID == skillID })
}

func uses(n *professionNode, toolID string) bool {
	return slices.ContainsFunc(n.tools, func(t *toolNode) bool { return t.t.ID == toolID })
}

// ListSkills pages through the skills that pass the filter, by name.
func (s *Store) ListSkills(ctx context.Context, f career.SkillFilter, page career.PageArgs) (*career.Page[*career.Skill], error) {
	g := s.graph()
	var keep func(*skillNode) bool
	if f.Kind != "" {
		keep = func(n *skillNode) bool { return n.s.Kind == f.Kind }
	}
	return listNodes(ctx, g, "skills", inDataset(g, f.Dataset, g.sortedSkills, func(d *datasetIndex) []*skillNode { return d.skills }),
		f.Text, keep, func(n *skillNode) (string, string) { return n.sortKey, n.s.ID }, func(n *skillNode) *career.Skill { return n.s }, page)
}

// ListTools pages through the tools that pass the filter, by name.
func (s *Store) ListTools(ctx context.Context, f career.ToolFilter, page career.PageArgs) (*career.Page[*career.Tool], error) {
	g := s.graph()
	var keep func(*toolNode) bool
	if f.Category != "" {
		keep = func(n *toolNode) bool { return n.t.Category == f.Category }
	}
	return listNodes(ctx, g, "tools", inDataset(g, f.Dataset, g.sortedTools, func(d *datasetIndex) []*toolNode { return d.tools }),
		f.Text, keep, func(n *toolNode) (string, string) { return n.sortKey, n.t.ID }, func(n *toolNode) *career.Tool { return n.t }, page)
}

// ListTrainings pages through the trainings that pass the filter, by name.
func (s *Store) ListTrainings(ctx context.Context, f career.TrainingFilter, page career.PageArgs) (*career.Page[*career.Training], error) {
	g := s.graph()
	var keep func(*trainingNode) bool
	if f.Level != "" {
		keep = func(n *trainingNode) bool { return n.t.Level == f.Level }
	}
	return listNodes(ctx, g, "trainings", inDataset(g, f.Dataset, g.sortedTrainings, func(d *datasetIndex) []*trainingNode { return d.trainings }),
		f.Text, keep, func(n *trainingNode) (string, string) { return n.sortKey, n.t.ID }, func(n *trainingNode) *career.Training { return n.t }, page)
}

// inDataset returns all (sorted by name) when dataset is "", else the dataset's own sorted
// list of that kind (none for an unknown dataset).
func inDataset[N any](g *graph, dataset string, all []N, of func(*datasetIndex) []N) []N {
	if dataset == "" {
		return all
	}
	if d := g.datasets[dataset]; d != nil {
		return of(d)
	}
	return nil
}

// listNodes pages through base (sorted by name) by the (sort key, ID) that key returns,
// keeping the nodes whose names match text (when not "") and that keep accepts (when not nil).
// what names the list in context errors.
func listNodes[N, T any](ctx context.Context, g *graph, what string, base []N, text string, keep func(N) bool,
	key func(N) (sortKey, id string), value func(N) T, page career.PageArgs) (*career.Page[T], error) {
	if text == "" && keep == nil {
		return paginate(base, key, value, page)
	}
	var matches map[string]bool
	if text != "" {
		var err error
		if matches, err = g.textMatches(ctx, text); err != nil {
			return nil, err
		}
	}
	filtered, err := filterNodes(career.NewStopper(ctx, what), base, func(n N) bool {
		if matches != nil {
			if _, id := key(n); !matches[id] {
				return false
			}
		}
		return keep == nil || keep(n)
	})
	if err != nil {
		return nil, err
	}
	return paginate(filtered, key, value, page)
}

// ProfessionsLinkedTo pages, for each skill, tool or training, through the professions linked
// to it, by name. Unknown IDs are left out of the result.
func (s *Store) ProfessionsLinkedTo(ctx context.Context, targetIDs []string, importance career.Importance, page career.PageArgs) (map[string]*career.Page[*career.Profession], error) {
	g := s.graph()
	stop := career.NewStopper(ctx, "professions")
	out := make(map[string]*career.Page[*career.Profession], len(targetIDs))
	for _, id := range targetIDs {
		if err := stop.Step(1); err != nil {
			return nil, err
		}
		linked, ok, err := g.linkedTo(stop, id, importance)
		if err != nil {
			return nil, err
		}
		if !ok {
			continue
		}
		p, err := paginate(linked, professionKey, professionValue, page)
		if err != nil {
			return nil, err
		}
		out[id] = p
	}
	return out, nil
}

// linkedTo returns the professions that require the skill (with this importance, "" for any),
// use the tool or are prepared by the training with this ID, by (sortKey, ID); ok is false
// when there is no such node.
func (g *graph) linkedTo(stop *career.Stopper, id string, importance career.Importance) (linked []*professionNode, ok bool, err error) {
	switch career.KindOf(id) {
	case career.KindSkill:
		sk := g.skills[id]
		if sk == nil {
			return nil, false, nil
		}
		for _, e := range sk.requiredBy {
			if importance == "" || e.importance == importance {
				linked = append(linked, e.profession)
			}
		}
		return linked, true, stop.Step(len(sk.requiredBy))
	case career.KindTool:
		if t := g.tools[id]; t != nil {
			return t.usedBy, true, nil
		}
	case career.KindTraining:
		if t := g.trainings[id]; t != nil {
			return t.prepares, true, nil
		}
	}
	return nil, false, nil
}

// Search ranks the nodes whose names match q.Text: score descending, then name, then ID. It
// stops when ctx is done. Typos are corrected (textsearch.Index.SearchStopping) only when the
// query as typed finds nothing after the filters, as textsearch.TyposIfNone keeps: the
// dictionary scan that corrections need is spent only then.
func (s *Store) Search(ctx context.Context, q career.SearchQuery) ([]career.SearchHit, error) {
	g := s.graph()
	stop := career.NewStopper(ctx, "search")
	out, err := g.search(stop, q, g.text.MatchStopping)
	if err != nil || len(out) > 0 {
		return out, err
	}
	return g.search(stop, q, g.text.SearchStopping)
}

// search ranks the hits that match finds for q.Text and keeps the first q.First that pass
// q's filters.
func (g *graph) search(stop *career.Stopper, q career.SearchQuery, match func(textsearch.Stopper, string) ([]textsearch.Hit, error)) ([]career.SearchHit, error) {
	hits, err := match(stop, q.Text)
	if err != nil {
		return nil, err
	}
	career.SortRanked(hits, func(h textsearch.Hit) career.Ranked {
		return career.Ranked{Score: h.Score, SortKey: h.Folded, ID: h.ID}
	})
	type kept struct {
		hit  career.SearchHit
		typo bool
	}
	var found []kept
	for _, h := range hits {
		if len(found) == q.First {
			break // hits needing a typo corrected rank last (TyposIfNone keeps the page whole)
		}
		if err := stop.Step(1); err != nil {
			return nil, err
		}
		kind := career.KindOf(h.ID)
		if len(q.Kinds) > 0 && !slices.Contains(q.Kinds, kind) {
			continue
		}
		node, dataset, _ := g.node(h.ID)
		if node == nil || (q.Dataset != "" && dataset != q.Dataset) {
			continue
		}
		found = append(found, kept{career.SearchHit{Node: node, Kind: kind, Score: h.Score}, h.Typo})
	}
	out := []career.SearchHit{}
	for _, k := range textsearch.TyposIfNone(found, func(k kept) bool { return k.typo }) {
		out = append(out, k.hit)
	}
	return out, nil
}

// node returns the node with this ID, its dataset and its name; nil when none.
func (g *graph) node(id string) (node any, dataset, name string) {
	switch career.KindOf(id) {
	case career.KindProfession:
		if n := g.professions[id]; n != nil {
			return n.p, n.p.Dataset, n.p.Name
		}
	case career.KindSkill:
		if n := g.skills[id]; n != nil {
			return n.s, n.s.Dataset, n.s.Name
		}
	case career.KindTool:
		if n := g.tools[id]; n != nil {
			return n.t, n.t.Dataset, n.t.Name
		}
	case career.KindTraining:
		if n := g.trainings[id]; n != nil {
			return n.t, n.t.Dataset, n.t.Name
		}
	case career.KindGroup:
		if n := g.groups[id]; n != nil {
			return n.g, n.g.Dataset, n.g.Name
		}
	}
	return nil, "", ""
}
