package memory

import (
	"context"
	"slices"

	"github.com/careergraph/careergraph/career"
)

// skillLinks are what a skill has of its dataset's skill graph (career.SkillGraph).
type skillLinks struct {
	isGroup     bool
	collections []career.SkillCollection // in the order of career.SkillCollections
	broader     []*skillNode             // career.BroaderChain: nearest first, then (sortKey, ID)
	narrower    []*skillNode             // the skills directly under it, by (sortKey, ID)
	related     []relatedEdge            // career.CompareRelations order
	coRequired  []career.CoCount         // career.CoRequired, at most career.MaxCoRequired
}

type relatedEdge struct {
	skill      *skillNode
	importance career.Importance
}

// linksOf returns the skill's links, creating them.
func (n *skillNode) linksOf() *skillLinks {
	if n.links == nil {
		n.links = &skillLinks{}
	}
	return n.links
}

func skillKey(n *skillNode) (string, string) { return n.sortKey, n.s.ID }
func skillValue(n *skillNode) *career.Skill  { return n.s }

// addSkillGraph indexes the skill graph of one dataset, whose skills are indexed already.
// Links to skills the dataset does not hold are left out, as Neo4j's load refuses them.
func (g *graph) addSkillGraph(d *career.Dataset, di *datasetIndex) {
	sg := &d.SkillGraph
	for _, id := range sg.Groups {
		if n := g.skills[id]; n != nil && !n.linksOf().isGroup {
			n.links.isGroup = true
			di.stats.SkillGroups++
		}
	}
	for _, m := range sg.Members {
		if n := g.skills[m.SkillID]; n != nil && !slices.Contains(n.linksOf().collections, m.Collection) {
			n.links.collections = append(n.links.collections, m.Collection)
		}
	}
	direct := make(map[string][]string)
	for id, broader := range career.BroaderIndex(sg.Broader) {
		n := g.skills[id]
		if n == nil {
			continue
		}
		for _, b := range broader {
			if bn := g.skills[b]; bn != nil {
				direct[id] = append(direct[id], b)
				bn.linksOf().narrower = append(bn.links.narrower, n)
				di.stats.SkillBroaderLinks++
			}
		}
	}
	keyOf := func(id string) string { return g.skills[id].sortKey }
	for id := range direct {
		n := g.skills[id]
		for _, b := range career.BroaderChain(id, direct, keyOf) {
			n.linksOf().broader = append(n.links.broader, g.skills[b])
		}
	}
	for _, r := range sg.Relations {
		n, o := g.skills[r.SkillID], g.skills[r.RelatedID]
		if n == nil || o == nil {
			continue
		}
		n.linksOf().related = append(n.links.related, relatedEdge{skill: o, importance: r.Importance})
		di.stats.SkillRelations++
	}
	for id, co := range career.CoRequired(d, career.MaxCoRequired) {
		g.skills[id].linksOf().coRequired = co
	}
	for _, n := range di.skills {
		l := n.links
		if l == nil {
			continue
		}
		slices.SortFunc(l.collections, func(a, b career.SkillCollection) int {
			return slices.Index(career.SkillCollections, a) - slices.Index(career.SkillCollections, b)
		})
		career.SortByKeys(l.narrower, skillKey)
		slices.SortFunc(l.related, func(a, b relatedEdge) int {
			return career.CompareRelations(a.importance, a.skill.sortKey, a.skill.s.ID, b.importance, b.skill.sortKey, b.skill.s.ID)
		})
	}
}

// eachSkillLinks calls fn for every known skill among ids, with its links (nil for none).
func eachSkillLinks(g *graph, ids []string, fn func(id string, l *skillLinks)) {
	for _, id := range ids {
		if n := g.skills[id]; n != nil {
			fn(id, n.links)
		}
	}
}

// SkillFacets returns whether each skill is a group, and its collections.
func (s *Store) SkillFacets(ctx context.Context, ids []string) (map[string]career.SkillFacets, error) {
	out := make(map[string]career.SkillFacets, len(ids))
	eachSkillLinks(s.graph(), ids, func(id string, l *skillLinks) {
		f := career.SkillFacets{Collections: []career.SkillCollection{}}
		if l != nil {
			f.IsGroup = l.isGroup
			f.Collections = append(f.Collections, l.collections...)
		}
		out[id] = f
	})
	return out, nil
}

// BroaderSkills returns what lies above each skill, nearest first, then by name.
func (s *Store) BroaderSkills(ctx context.Context, ids []string) (map[string][]*career.Skill, error) {
	out := make(map[string][]*career.Skill, len(ids))
	eachSkillLinks(s.graph(), ids, func(id string, l *skillLinks) {
		list := []*career.Skill{}
		if l != nil {
			for _, n := range l.broader {
				list = append(list, n.s)
			}
		}
		out[id] = list
	})
	return out, nil
}

// NarrowerSkills returns one page of the skills directly under each skill, by name.
func (s *Store) NarrowerSkills(ctx context.Context, ids []string, page career.PageArgs) (map[string]*career.Page[*career.Skill], error) {
	if _, err := page.Window(); err != nil {
		return nil, err
	}
	out := make(map[string]*career.Page[*career.Skill], len(ids))
	var err error
	eachSkillLinks(s.graph(), ids, func(id string, l *skillLinks) {
		var narrower []*skillNode
		if l != nil {
			narrower = l.narrower
		}
		out[id], err = paginate(narrower, skillKey, skillValue, page)
	})
	return out, err
}

// RelatedSkills returns each skill's related skills: essential first, then by name.
func (s *Store) RelatedSkills(ctx context.Context, ids []string) (map[string][]career.SkillRelation, error) {
	out := make(map[string][]career.SkillRelation, len(ids))
	eachSkillLinks(s.graph(), ids, func(id string, l *skillLinks) {
		list := []career.SkillRelation{}
		if l != nil {
			for _, e := range l.related {
				list = append(list, career.SkillRelation{Skill: e.skill.s, Importance: e.importance})
			}
		}
		out[id] = list
	})
	return out, nil
}

// CoRequiredSkills returns, for each skill, the first skills most often required by the same
// professions, from the lists computed at load.
func (s *Store) CoRequiredSkills(ctx context.Context, ids []string, first int) (map[string][]career.SkillUsage, error) {
	g := s.graph()
	out := make(map[string][]career.SkillUsage, len(ids))
	eachSkillLinks(g, ids, func(id string, l *skillLinks) {
		list := []career.SkillUsage{}
		if l != nil {
			for _, c := range l.coRequired[:min(first, len(l.coRequired))] {
				list = append(list, career.SkillUsage{Skill: g.skills[c.SkillID].s, Professions: c.Professions})
			}
		}
		out[id] = list
	})
	return out, nil
}
