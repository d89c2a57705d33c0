package memory

import (
	"context"

	"github.com/careergraph/careergraph/career"
)

// groupNode is an occupation group with its links.
type groupNode struct {
	g       *career.OccupationGroup
	sortKey string
	depth   int
	broader *groupNode
	// narrower are the groups directly under this one, by (sortKey, ID).
	narrower []*groupNode
	// members are the professions in this group or a narrower one, each once, by (sortKey, ID).
	members []*professionNode
}

func groupKey(n *groupNode) (string, string) { return n.sortKey, n.g.ID }

// addGroups indexes the occupation groups of one dataset and their members (after its
// professions), and makes groups searchable by name.
func (g *graph) addGroups(d *career.Dataset, di *datasetIndex) {
	if g.groups == nil {
		g.groups = make(map[string]*groupNode)
	}
	depths := career.GroupDepths(d.Groups)
	for i := range d.Groups {
		gr := &d.Groups[i]
		g.groups[gr.ID] = &groupNode{g: gr, sortKey: career.SortKey(gr.Name), depth: depths[gr.ID]}
		g.text.Add(gr.ID, []string{gr.Name})
	}
	for i := range d.Groups {
		n := g.groups[d.Groups[i].ID]
		if b := g.groups[n.g.BroaderID]; b != nil && b != n {
			n.broader = b
			b.narrower = append(b.narrower, n)
		}
	}
	for _, m := range d.GroupMembers {
		p, gr := g.professions[m.ProfessionID], g.groups[m.TargetID]
		if p == nil || gr == nil {
			continue
		}
		for a := gr; a != nil; a = a.broader {
			p.groups = appendGroup(p.groups, a)
			a.members = append(a.members, p)
		}
	}
	di.stats.OccupationGroups = len(d.Groups)
	di.info.OccupationGroups = len(d.Groups)
}

// appendGroup appends n to list unless it is there.
func appendGroup(list []*groupNode, n *groupNode) []*groupNode {
	for _, x := range list {
		if x == n {
			return list
		}
	}
	return append(list, n)
}

// finishGroups sorts what the groups' reads serve.
func (g *graph) finishGroups() {
	for _, n := range g.groups {
		career.SortByKeys(n.narrower, groupKey)
		career.SortByKeys(n.members, professionKey)
		n.members = dedupSorted(n.members)
	}
	for _, p := range g.professions {
		sortGroups(p.groups)
	}
}

// dedupSorted drops repeats from a sorted list of professions.
func dedupSorted(list []*professionNode) []*professionNode {
	out := list[:0]
	for i, p := range list {
		if i == 0 || p != list[i-1] {
			out = append(out, p)
		}
	}
	return out
}

// sortGroups orders a profession's groups narrowest first (career.CompareGroups).
func sortGroups(list []*groupNode) {
	for i := 1; i < len(list); i++ {
		for j := i; j > 0 && career.CompareGroups(list[j].depth, list[j].sortKey, list[j].g.ID, list[j-1].depth, list[j-1].sortKey, list[j-1].g.ID) < 0; j-- {
			list[j], list[j-1] = list[j-1], list[j]
		}
	}
}

func groupsOf(nodes []*groupNode) []*career.OccupationGroup {
	out := make([]*career.OccupationGroup, len(nodes))
	for i, n := range nodes {
		out[i] = n.g
	}
	return out
}

// GroupsByID looks occupation groups up by ID.
func (s *Store) GroupsByID(ctx context.Context, ids []string) (map[string]*career.OccupationGroup, error) {
	g := s.graph()
	out := make(map[string]*career.OccupationGroup, len(ids))
	for _, id := range ids {
		if n := g.groups[id]; n != nil {
			out[id] = n.g
		}
	}
	return out, nil
}

// GroupsOf returns each profession's groups, narrowest first.
func (s *Store) GroupsOf(ctx context.Context, ids []string) (map[string][]*career.OccupationGroup, error) {
	out := make(map[string][]*career.OccupationGroup, len(ids))
	eachProfession(s.graph(), ids, func(id string, n *professionNode) {
		out[id] = groupsOf(n.groups)
	})
	return out, nil
}

// NarrowerGroups returns each group's narrower groups, by name.
func (s *Store) NarrowerGroups(ctx context.Context, ids []string) (map[string][]*career.OccupationGroup, error) {
	g := s.graph()
	out := make(map[string][]*career.OccupationGroup, len(ids))
	for _, id := range ids {
		if n := g.groups[id]; n != nil {
			out[id] = groupsOf(n.narrower)
		}
	}
	return out, nil
}

// GroupProfessions pages, for each group, through the professions in it or a narrower group.
func (s *Store) GroupProfessions(ctx context.Context, ids []string, page career.PageArgs) (map[string]*career.Page[*career.Profession], error) {
	g := s.graph()
	out := make(map[string]*career.Page[*career.Profession], len(ids))
	for _, id := range ids {
		n := g.groups[id]
		if n == nil {
			continue
		}
		p, err := paginate(n.members, professionKey, professionValue, page)
		if err != nil {
			return nil, err
		}
		out[id] = p
	}
	return out, nil
}
