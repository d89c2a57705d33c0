package memory

import (
	"context"
	"slices"

	"github.com/careergraph/careergraph/career"
)

// Datasets lists the loaded datasets by name.
func (s *Store) Datasets(ctx context.Context) ([]career.DatasetInfo, error) {
	g := s.graph()
	out := make([]career.DatasetInfo, 0, len(g.datasets))
	for _, d := range g.datasets {
		out = append(out, d.info)
	}
	slices.SortFunc(out, func(a, b career.DatasetInfo) int { return career.CompareKeys(a.Name, "", b.Name, "") })
	return out, nil
}

// ProfessionsByID looks professions up by ID.
func (s *Store) ProfessionsByID(ctx context.Context, ids []string) (map[string]*career.Profession, error) {
	g := s.graph()
	out := make(map[string]*career.Profession, len(ids))
	for _, id := range ids {
		if n := g.professions[id]; n != nil {
			out[id] = n.p
		}
	}
	return out, nil
}

// SkillsByID looks skills up by ID.
func (s *Store) SkillsByID(ctx context.Context, ids []string) (map[string]*career.Skill, error) {
	g := s.graph()
	out := make(map[string]*career.Skill, len(ids))
	for _, id := range ids {
		if n := g.skills[id]; n != nil {
			out[id] = n.s
		}
	}
	return out, nil
}

// ToolsByID looks tools up by ID.
func (s *Store) ToolsByID(ctx context.Context, ids []string) (map[string]*career.Tool, error) {
	g := s.graph()
	out := make(map[string]*career.Tool, len(ids))
	for _, id := range ids {
		if n := g.tools[id]; n != nil {
			out[id] = n.t
		}
	}
	return out, nil
}

// TrainingsByID looks trainings up by ID.
func (s *Store) TrainingsByID(ctx context.Context, ids []string) (map[string]*career.Training, error) {
	g := s.graph()
	out := make(map[string]*career.Training, len(ids))
	for _, id := range ids {
		if n := g.trainings[id]; n != nil {
			out[id] = n.t
		}
	}
	return out, nil
}

// eachProfession calls fn for every known profession among ids.
func eachProfession(g *graph, ids []string, fn func(id string, n *professionNode)) {
	for _, id := range ids {
		if n := g.professions[id]; n != nil {
			fn(id, n)
		}
	}
}

// Qualities returns each profession's qualities in dataset order.
func (s *Store) Qualities(ctx context.Context, ids []string) (map[string][]*career.Skill, error) {
	out := make(map[string][]*career.Skill, len(ids))
	eachProfession(s.graph(), ids, func(id string, n *professionNode) {
		out[id] = skillsOf(n.qualities)
	})
	return out, nil
}

// Requirements returns each profession's required skills in dataset order.
func (s *Store) Requirements(ctx context.Context, ids []string) (map[string][]career.SkillRequirement, error) {
	out := make(map[string][]career.SkillRequirement, len(ids))
	eachProfession(s.graph(), ids, func(id string, n *professionNode) {
		reqs := make([]career.SkillRequirement, len(n.requirements))
		for i, r := range n.requirements {
			reqs[i] = career.SkillRequirement{Skill: r.skill.s, Importance: r.importance}
		}
		out[id] = reqs
	})
	return out, nil
}

// ToolsOf returns each profession's tools in dataset order.
func (s *Store) ToolsOf(ctx context.Context, ids []string) (map[string][]*career.Tool, error) {
	out := make(map[string][]*career.Tool, len(ids))
	eachProfession(s.graph(), ids, func(id string, n *professionNode) {
		out[id] = toolsOf(n.tools)
	})
	return out, nil
}

// TrainingsOf returns each profession's trainings in dataset order.
func (s *Store) TrainingsOf(ctx context.Context, ids []string) (map[string][]*career.Training, error) {
	out := make(map[string][]*career.Training, len(ids))
	eachProfession(s.graph(), ids, func(id string, n *professionNode) {
		out[id] = trainingsOf(n.trainings)
	})
	return out, nil
}

// NextCareers returns each profession's outgoing moves in dataset order.
func (s *Store) NextCareers(ctx context.Context, ids []string) (map[string][]career.CareerMove, error) {
	out := make(map[string][]career.CareerMove, len(ids))
	eachProfession(s.graph(), ids, func(id string, n *professionNode) {
		out[id] = movesOf(n.next)
	})
	return out, nil
}

// PreviousCareers returns each profession's incoming moves, by the source's name.
func (s *Store) PreviousCareers(ctx context.Context, ids []string) (map[string][]career.CareerMove, error) {
	out := make(map[string][]career.CareerMove, len(ids))
	eachProfession(s.graph(), ids, func(id string, n *professionNode) {
		out[id] = movesOf(n.previous)
	})
	return out, nil
}

// Specializations returns each profession's narrower professions, by name.
func (s *Store) Specializations(ctx context.Context, ids []string) (map[string][]*career.Profession, error) {
	out := make(map[string][]*career.Profession, len(ids))
	eachProfession(s.graph(), ids, func(id string, n *professionNode) {
		out[id] = professionsOf(n.narrower)
	})
	return out, nil
}

// ProfessionByCode finds a profession by dataset and code.
func (s *Store) ProfessionByCode(ctx context.Context, dataset, code string) (*career.Profession, error) {
	if n := s.graph().professions[career.MakeID(career.KindProfession, dataset, code)]; n != nil {
		return n.p, nil
	}
	return nil, nil
}

// Datasets' and nodes' conversions.

func skillsOf(nodes []*skillNode) []*career.Skill {
	out := make([]*career.Skill, len(nodes))
	for i, n := range nodes {
		out[i] = n.s
	}
	return out
}

func toolsOf(nodes []*toolNode) []*career.Tool {
	out := make([]*career.Tool, len(nodes))
	for i, n := range nodes {
		out[i] = n.t
	}
	return out
}

func trainingsOf(nodes []*trainingNode) []*career.Training {
	out := make([]*career.Training, len(nodes))
	for i, n := range nodes {
		out[i] = n.t
	}
	return out
}

func professionsOf(nodes []*professionNode) []*career.Profession {
	out := make([]*career.Profession, len(nodes))
	for i, n := range nodes {
		out[i] = n.p
	}
	return out
}

func movesOf(edges []moveEdge) []career.CareerMove {
	out := make([]career.CareerMove, len(edges))
	for i, e := range edges {
		out[i] = career.CareerMove{Profession: e.profession.p, Kind: e.kind, Inference: e.inference}
	}
	return out
}
