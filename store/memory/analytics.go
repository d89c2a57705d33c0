package memory

import (
	"context"
	"slices"

	"github.com/careergraph/careergraph/career"
)

// profession returns the profession with this ID, or a NOT_FOUND error naming the argument.
func (g *graph) profession(arg, id string) (*professionNode, error) {
	if n := g.professions[id]; n != nil {
		return n, nil
	}
	return nil, career.ProfessionNotFound(arg, id)
}

// CareerPaths returns the first simple paths from one profession to another, shortest first,
// then by the names of their steps.
func (s *Store) CareerPaths(ctx context.Context, fromID, toID string, maxSteps, first int) ([][]*career.Profession, error) {
	return s.careerPaths(ctx, fromID, toID, maxSteps, first, false)
}

// careerPaths answers CareerPaths, and with inferred InferredCareerPaths.
func (s *Store) careerPaths(ctx context.Context, fromID, toID string, maxSteps, first int, inferred bool) ([][]*career.Profession, error) {
	g := s.graph()
	from, err := g.profession("from", fromID)
	if err != nil {
		return nil, err
	}
	to, err := g.profession("to", toID)
	if err != nil {
		return nil, err
	}
	if from == to {
		return nil, career.SameProfession()
	}
	return simplePaths(career.NewStopper(ctx, "careerPaths"), from, to, maxSteps, first, inferred)
}

// simplePaths enumerates simple paths from → to of 1..maxSteps moves: by length, and within a
// length in the order of their steps' (sortKey, ID), which a depth-first walk over neighbours
// sorted by (sortKey, ID) gives. Distances to `to` prune walks that cannot arrive in time. It
// stops when stop says the request is over. With inferred, inferred moves are followed too.
func simplePaths(stop *career.Stopper, from, to *professionNode, maxSteps, first int, inferred bool) ([][]*career.Profession, error) {
	distTo, err := distancesTo(stop, to, maxSteps, inferred)
	if err != nil {
		return nil, err
	}
	if _, ok := distTo[from]; !ok {
		return nil, nil
	}
	var out [][]*career.Profession
	onPath := map[*professionNode]bool{from: true}
	path := []*professionNode{from}
	var walk func(n *professionNode, left int)
	walk = func(n *professionNode, left int) {
		for _, next := range n.successors(inferred) {
			if len(out) == first || err != nil {
				return
			}
			if err = stop.Step(1); err != nil {
				return
			}
			if next == to {
				if left == 1 {
					out = append(out, professionsOf(append(path, to)))
				}
				continue
			}
			if d, ok := distTo[next]; !ok || d > left-1 || onPath[next] {
				continue
			}
			onPath[next] = true
			path = append(path, next)
			walk(next, left-1)
			path = path[:len(path)-1]
			delete(onPath, next)
		}
	}
	for length := 1; length <= maxSteps && len(out) < first && err == nil; length++ {
		walk(from, length)
	}
	if err != nil {
		return nil, err
	}
	return out, nil
}

// distancesTo returns the fewest moves from each profession to `to`, up to maxSteps, walking
// moves backwards (inferred ones too, with inferred). It stops when stop says the request is
// over.
func distancesTo(stop *career.Stopper, to *professionNode, maxSteps int, inferred bool) (map[*professionNode]int, error) {
	dist := map[*professionNode]int{to: 0}
	level := []*professionNode{to}
	for d := 1; d <= maxSteps && len(level) > 0; d++ {
		var next []*professionNode
		for _, n := range level {
			preds := [][]moveEdge{n.previous}
			if inferred {
				preds = append(preds, n.inferredPrevious)
			}
			for _, edges := range preds {
				if err := stop.Step(1 + len(edges)); err != nil {
					return nil, err
				}
				for _, m := range edges {
					if _, seen := dist[m.profession]; !seen {
						dist[m.profession] = d
						next = append(next, m.profession)
					}
				}
			}
		}
		level = next
	}
	return dist, nil
}

// CareerProgression returns the professions reachable in 1..maxSteps moves: by distance, then
// name, then ID; each with its name-wise smallest shortest path.
func (s *Store) CareerProgression(ctx context.Context, fromID string, maxSteps, first int) ([]career.CareerStep, error) {
	return s.careerProgression(ctx, fromID, maxSteps, first, false)
}

// careerProgression answers CareerProgression, and with inferred InferredCareerProgression.
func (s *Store) careerProgression(ctx context.Context, fromID string, maxSteps, first int, inferred bool) ([]career.CareerStep, error) {
	g := s.graph()
	from, err := g.profession("from", fromID)
	if err != nil {
		return nil, err
	}
	return progression(career.NewStopper(ctx, "careerProgression"), from, maxSteps, first, inferred)
}

// progression walks breadth first. Each level is kept in the order of its nodes' best paths, so
// the first parent to reach a node gives it the smallest of its shortest paths. It stops when
// stop says the request is over. With inferred, inferred moves are followed too.
func progression(stop *career.Stopper, from *professionNode, maxSteps, first int, inferred bool) ([]career.CareerStep, error) {
	type reached struct {
		n        *professionNode
		distance int
	}
	parent := map[*professionNode]*professionNode{from: nil}
	var all []reached
	level := []*professionNode{from}
	for d := 1; d <= maxSteps && len(level) > 0; d++ {
		var next []*professionNode
		for _, n := range level {
			succ := n.successors(inferred)
			if err := stop.Step(1 + len(succ)); err != nil {
				return nil, err
			}
			for _, m := range succ {
				if _, seen := parent[m]; !seen {
					parent[m] = n
					next = append(next, m)
					all = append(all, reached{m, d})
				}
			}
		}
		level = next
	}
	slices.SortFunc(all, func(a, b reached) int {
		if a.distance != b.distance {
			return a.distance - b.distance
		}
		return career.CompareKeys(a.n.sortKey, a.n.p.ID, b.n.sortKey, b.n.p.ID)
	})
	steps := make([]career.CareerStep, 0, min(first, len(all)))
	for _, r := range all[:min(first, len(all))] {
		path := make([]*career.Profession, r.distance+1)
		for i, p := r.distance, r.n; p != nil; i, p = i-1, parent[p] {
			path[i] = p.p
		}
		steps = append(steps, career.CareerStep{Profession: r.n.p, Distance: r.distance, Path: path})
	}
	return steps, nil
}

// SkillGap tells what someone in `from` must add to work as `to`.
func (s *Store) SkillGap(ctx context.Context, fromID, toID string) (*career.SkillGap, error) {
	g := s.graph()
	from, err := g.profession("from", fromID)
	if err != nil {
		return nil, err
	}
	to, err := g.profession("to", toID)
	if err != nil {
		return nil, err
	}
	return skillGap(from, to), nil
}

// skillGap compares two professions' requirements and tools (see career.NewSkillGap).
func skillGap(from, to *professionNode) *career.SkillGap {
	has := make(map[*skillNode]bool, len(from.requirements))
	for _, r := range from.requirements {
		has[r.skill] = true
	}
	tools := make([]career.HeldTool, len(to.tools))
	for i, t := range to.tools {
		tools[i] = career.HeldTool{Tool: t.t, Held: slices.Contains(from.tools, t)}
	}
	return career.NewSkillGap(from.p, to.p, heldRequirements(to, func(s *skillNode) bool { return has[s] }), tools, trainingsOf(to.trainings))
}

// heldRequirements returns p's requirements in its order, each marked with whether has accepts
// its skill.
func heldRequirements(p *professionNode, has func(*skillNode) bool) []career.HeldRequirement {
	out := make([]career.HeldRequirement, len(p.requirements))
	for i, r := range p.requirements {
		out[i] = career.HeldRequirement{Skill: r.skill.s, Importance: r.importance, Held: has(r.skill)}
	}
	return out
}

// MatchProfessions ranks the professions linked to the given skills and tools by
// career.MatchCounts.Score (career.RankMatches).
func (s *Store) MatchProfessions(ctx context.Context, q career.MatchQuery) ([]career.ProfessionMatch, error) {
	g := s.graph()
	skills := make(map[*skillNode]bool, len(q.SkillIDs))
	for _, id := range q.SkillIDs {
		n := g.skills[id]
		if n == nil {
			return nil, career.SkillNotFound("skills", id)
		}
		skills[n] = true
	}
	tools := make(map[*toolNode]bool, len(q.ToolIDs))
	for _, id := range q.ToolIDs {
		n := g.tools[id]
		if n == nil {
			return nil, career.ToolNotFound("tools", id)
		}
		tools[n] = true
	}
	// Only professions linked to a given skill or tool can score above 0.
	stop := career.NewStopper(ctx, "matchProfessions")
	counts := make(map[*professionNode]*career.MatchCounts)
	countsOf := func(p *professionNode) *career.MatchCounts {
		c := counts[p]
		if c == nil {
			c = &career.MatchCounts{Required: len(p.requirements), Essential: p.essentials}
			counts[p] = c
		}
		return c
	}
	for n := range skills {
		for _, e := range n.requiredBy {
			c := countsOf(e.profession)
			c.Used++
			c.Held++
			if e.importance == career.Essential {
				c.EssentialHeld++
			}
		}
		if err := stop.Step(1 + len(n.requiredBy)); err != nil {
			return nil, err
		}
	}
	for n := range tools {
		for _, p := range n.usedBy {
			countsOf(p).Used++
		}
		if err := stop.Step(1 + len(n.usedBy)); err != nil {
			return nil, err
		}
	}
	given := career.GivenPerDataset(q.SkillIDs, q.ToolIDs)
	candidates := make([]career.MatchCandidate[*professionNode], 0, len(counts))
	for p, c := range counts {
		if q.Dataset == "" || p.p.Dataset == q.Dataset {
			c.Given = given[p.p.Dataset]
			candidates = append(candidates, career.MatchCandidate[*professionNode]{Item: p, SortKey: p.sortKey, ID: p.p.ID, Counts: *c})
		}
	}
	if err := stop.Step(len(counts)); err != nil {
		return nil, err
	}
	ranked := career.RankMatches(candidates, q.First)
	out := make([]career.ProfessionMatch, len(ranked))
	for i, r := range ranked {
		out[i] = career.NewProfessionMatch(r.Item.p, r.Counts, heldRequirements(r.Item, func(s *skillNode) bool { return skills[s] }))
	}
	return out, nil
}

// rankedProfession is a profession with its score, before the details of a match are built.
type rankedProfession struct {
	p     *professionNode
	score float64
}

// matches sorts by score descending, then name, then ID (career.SortRanked), keeps the first,
// and lists each one's matched and missing skills (career.SplitRequirements; has tells which
// skills count as matched).
func matches(ranked []rankedProfession, first int, has func(*skillNode) bool) []career.ProfessionMatch {
	career.SortRanked(ranked, func(r rankedProfession) career.Ranked {
		return career.Ranked{Score: r.score, SortKey: r.p.sortKey, ID: r.p.p.ID}
	})
	out := make([]career.ProfessionMatch, 0, min(first, len(ranked)))
	for _, r := range ranked[:min(first, len(ranked))] {
		m := career.ProfessionMatch{Profession: r.p.p, Score: r.score}
		m.Matched, m.Missing = career.SplitRequirements(heldRequirements(r.p, has))
		out = append(out, m)
	}
	return out
}

// SimilarProfessions ranks professions by the Jaccard index of their skill and tool sets.
func (s *Store) SimilarProfessions(ctx context.Context, toID string, first int) ([]career.ProfessionMatch, error) {
	g := s.graph()
	to, err := g.profession("to", toID)
	if err != nil {
		return nil, err
	}
	stop := career.NewStopper(ctx, "similarProfessions")
	shared := make(map[*professionNode]int)
	toSkills := make(map[*skillNode]bool, len(to.requirements))
	for _, r := range to.requirements {
		toSkills[r.skill] = true
		for _, e := range r.skill.requiredBy {
			shared[e.profession]++
		}
		if err := stop.Step(1 + len(r.skill.requiredBy)); err != nil {
			return nil, err
		}
	}
	for _, t := range to.tools {
		for _, p := range t.usedBy {
			shared[p]++
		}
		if err := stop.Step(1 + len(t.usedBy)); err != nil {
			return nil, err
		}
	}
	delete(shared, to)
	size := func(p *professionNode) int { return len(p.requirements) + len(p.tools) }
	ranked := make([]rankedProfession, 0, len(shared))
	for p, n := range shared {
		ranked = append(ranked, rankedProfession{p, float64(n) / float64(size(to)+size(p)-n)})
	}
	if err := stop.Step(len(shared)); err != nil {
		return nil, err
	}
	return matches(ranked, first, func(s *skillNode) bool { return toSkills[s] }), nil
}

// Stats counts the nodes and moves of one dataset, or of all ("").
func (s *Store) Stats(ctx context.Context, dataset string) (*career.Stats, error) {
	g := s.graph()
	var st career.Stats
	for name, d := range g.datasets {
		if dataset == "" || name == dataset {
			st.Professions += d.stats.Professions
			st.Skills += d.stats.Skills
			st.Tools += d.stats.Tools
			st.Trainings += d.stats.Trainings
			st.CareerMoves += d.stats.CareerMoves
			st.InferredMoves += d.stats.InferredMoves
			st.OccupationGroups += d.stats.OccupationGroups
			st.Interests += d.stats.Interests
			st.WorkContexts += d.stats.WorkContexts
			st.Texts += d.stats.Texts
			st.SkillGroups += d.stats.SkillGroups
			st.SkillBroaderLinks += d.stats.SkillBroaderLinks
			st.SkillRelations += d.stats.SkillRelations
		}
	}
	st.Equivalences, st.EquivalencesBySource = g.equivalenceStats(dataset)
	return &st, nil
}

// TopSkills ranks skills by the number of professions requiring them, then name, then ID.
func (s *Store) TopSkills(ctx context.Context, dataset string, first int) ([]career.SkillUsage, error) {
	stop := career.NewStopper(ctx, "topSkills")
	out := []career.SkillUsage{}
	for _, n := range s.graph().skillsByUse {
		if len(out) == first {
			break
		}
		if err := stop.Step(1); err != nil {
			return nil, err
		}
		if dataset == "" || n.s.Dataset == dataset {
			out = append(out, career.SkillUsage{Skill: n.s, Professions: len(n.requiredBy)})
		}
	}
	return out, nil
}
