package memory

import (
	"context"

	"github.com/careergraph/careergraph/career"
)

var _ career.PlanReader = (*Store)(nil)

// ReadPlan answers a read plan by walking the graph's indexes: the same nodes, orders, filters
// and page cuts as the per-field methods, in one call. Nodes carry all their properties.
func (s *Store) ReadPlan(ctx context.Context, p *career.ReadPlan) (*career.PlanResult, error) {
	if err := p.Check(); err != nil {
		return nil, err
	}
	g := s.graph()
	w := planWalk{g: g, stop: career.NewStopper(ctx, "read plan")}
	out := &career.PlanResult{}
	switch p.Root.Kind {
	case career.RootByID:
		out.Roots = make([]*career.PlanNode, len(p.Root.IDs))
		for i, id := range p.Root.IDs {
			node := g.nodeOfKind(p.Root.NodeKind, id)
			if node == nil {
				continue
			}
			n, err := w.node(node, p.Node)
			if err != nil {
				return nil, err
			}
			out.Roots[i] = n
		}
	case career.RootByCode:
		out.Roots = make([]*career.PlanNode, 1)
		if pn := g.professions[career.MakeID(career.KindProfession, p.Root.Dataset, p.Root.Code)]; pn != nil {
			n, err := w.node(pn, p.Node)
			if err != nil {
				return nil, err
			}
			out.Roots[0] = n
		}
	case career.RootProfessions:
		page, err := s.ListProfessions(ctx, p.Root.Filter, p.Root.Page)
		if err != nil {
			return nil, err
		}
		out.HasNextPage, out.TotalCount = page.HasNextPage, page.TotalCount
		out.Roots = make([]*career.PlanNode, len(page.Items))
		for i, prof := range page.Items {
			if out.Roots[i], err = w.node(g.professions[prof.ID], p.Node); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// nodeOfKind returns the graph's node of this kind and ID (a *professionNode, *skillNode,
// *toolNode or *trainingNode), nil when none.
func (g *graph) nodeOfKind(k career.Kind, id string) any {
	if career.KindOf(id) != k {
		return nil
	}
	switch k {
	case career.KindProfession:
		if n := g.professions[id]; n != nil {
			return n
		}
	case career.KindSkill:
		if n := g.skills[id]; n != nil {
			return n
		}
	case career.KindTool:
		if n := g.tools[id]; n != nil {
			return n
		}
	case career.KindTraining:
		if n := g.trainings[id]; n != nil {
			return n
		}
	}
	return nil
}

// planWalk answers the node plans of one read plan.
type planWalk struct {
	g    *graph
	stop *career.Stopper
}

// item is one item of a relation list before its own lists are read: the graph's node, and the
// requirement's importance or the move's kind.
type item struct {
	node       any
	importance career.Importance
	move       career.MoveKind
	inference  *career.Inference
}

// node answers np for one of the graph's nodes.
func (w planWalk) node(node any, np *career.NodePlan) (*career.PlanNode, error) {
	out := &career.PlanNode{}
	if err := w.fill(out, node, np); err != nil {
		return nil, err
	}
	return out, nil
}

// fill answers np for one of the graph's nodes into out.
func (w planWalk) fill(out *career.PlanNode, node any, np *career.NodePlan) error {
	out.Node = domainValue(node)
	if len(np.Lists) == 0 {
		return nil
	}
	out.Lists = make(map[string]*career.PlanList, len(np.Lists))
	for _, lp := range np.Lists {
		l, err := w.list(node, lp)
		if err != nil {
			return err
		}
		out.Lists[lp.Key] = l
	}
	return nil
}

// list answers one relation list of a node; its nodes are allocated at once.
func (w planWalk) list(node any, lp *career.ListPlan) (*career.PlanList, error) {
	items, page, err := w.items(node, lp)
	if err != nil {
		return nil, err
	}
	out := &career.PlanList{}
	if page != nil {
		out.HasNextPage, out.TotalCount = page.HasNextPage, page.TotalCount
	}
	nodes := make([]career.PlanNode, 0, len(items))
	for _, it := range items {
		if !lp.Keeps(domainValue(it.node), it.importance, it.move) {
			continue
		}
		if err := w.stop.Step(1); err != nil {
			return nil, err
		}
		nodes = append(nodes, career.PlanNode{Importance: it.importance, MoveKind: it.move, Inference: it.inference})
		if err := w.fill(&nodes[len(nodes)-1], it.node, lp.Node); err != nil {
			return nil, err
		}
	}
	out.Items = make([]*career.PlanNode, len(nodes))
	for i := range nodes {
		out.Items[i] = &nodes[i]
	}
	return out, nil
}

// items returns the items of a relation list of a node, in its order, before the list's
// filters; for RelProfessions, the page's items and the page.
func (w planWalk) items(node any, lp *career.ListPlan) ([]item, *career.Page[*professionNode], error) {
	var out []item
	if lp.Rel == career.RelProfessions {
		id := domainID(node)
		linked, _, err := w.g.linkedTo(w.stop, id, lp.Importance)
		if err != nil {
			return nil, nil, err
		}
		page, err := paginate(linked, professionKey, func(n *professionNode) *professionNode { return n }, lp.Page)
		if err != nil {
			return nil, nil, err
		}
		out = make([]item, 0, len(page.Items))
		for _, n := range page.Items {
			out = append(out, item{node: n})
		}
		return out, page, nil
	}
	p, ok := node.(*professionNode)
	if !ok {
		return nil, nil, nil
	}
	switch lp.Rel {
	case career.RelQualities:
		out = make([]item, 0, len(p.qualities))
		for _, s := range p.qualities {
			out = append(out, item{node: s})
		}
	case career.RelSkills:
		out = make([]item, 0, len(p.requirements))
		for _, r := range p.requirements {
			out = append(out, item{node: r.skill, importance: r.importance})
		}
	case career.RelTools:
		out = make([]item, 0, len(p.tools))
		for _, t := range p.tools {
			out = append(out, item{node: t})
		}
	case career.RelTrainings:
		out = make([]item, 0, len(p.trainings))
		for _, t := range p.trainings {
			out = append(out, item{node: t})
		}
	case career.RelNextCareers:
		out = make([]item, 0, len(p.next))
		for _, m := range p.next {
			out = append(out, item{node: m.profession, move: m.kind})
		}
		if lp.Inferred {
			for _, m := range p.inferred {
				out = append(out, item{node: m.profession, move: m.kind, inference: m.inference})
			}
		}
	case career.RelPreviousCareers:
		out = make([]item, 0, len(p.previous))
		for _, m := range p.previous {
			out = append(out, item{node: m.profession, move: m.kind})
		}
	case career.RelSpecializations:
		out = make([]item, 0, len(p.narrower))
		for _, n := range p.narrower {
			out = append(out, item{node: n})
		}
	case career.RelSpecializationOf:
		// As the specializationOf field reads it: the profession the ID names.
		if b := w.g.professions[p.p.SpecializationOf]; b != nil {
			out = append(out, item{node: b})
		}
	}
	return out, nil, nil
}

// domainValue returns the domain value a graph node holds.
func domainValue(node any) any {
	switch n := node.(type) {
	case *professionNode:
		return n.p
	case *skillNode:
		return n.s
	case *toolNode:
		return n.t
	case *trainingNode:
		return n.t
	}
	return nil
}

// domainID returns the ID of a graph node.
func domainID(node any) string {
	switch n := node.(type) {
	case *professionNode:
		return n.p.ID
	case *skillNode:
		return n.s.ID
	case *toolNode:
		return n.t.ID
	case *trainingNode:
		return n.t.ID
	}
	return ""
}
