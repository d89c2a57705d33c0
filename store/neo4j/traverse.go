package neo4jstore

import (
	"context"
	"fmt"
	"slices"

	"github.com/careergraph/careergraph/career"
)

// The traversals (CareerPaths, CareerProgression) walk the graph one level of moves at a time:
// each level is one short query with a stable text (the level's professions as a parameter),
// which Neo4j plans once, in milliseconds, whatever the number of moves; the walk itself runs
// here, as the embedded store's does, so both visit the same professions in the same order.

// nextCypher returns the moves out of each profession of $ids: one record per profession that
// has any, with the IDs and sort keys of their targets, one per move (a move given twice comes
// twice).
const nextCypher = `UNWIND $ids AS id
MATCH (:Profession {id: id})-[:NEXT]->(y:Profession)
RETURN id, collect(y.id) AS ys, collect(y.sortKey) AS keys`

// nextInferredCypher is nextCypher over the dataset's own moves and the inferred ones.
const nextInferredCypher = `UNWIND $ids AS id
MATCH (:Profession {id: id})-[:NEXT|INFERRED]->(y:Profession)
RETURN id, collect(y.id) AS ys, collect(y.sortKey) AS keys`

// previousCypher returns, for each profession of $ids that has moves into it, the distinct IDs
// of their sources.
const previousCypher = `UNWIND $ids AS id
MATCH (:Profession {id: id})<-[:NEXT]-(y:Profession)
RETURN id, collect(DISTINCT y.id) AS ys`

// previousInferredCypher is previousCypher over the dataset's own moves and the inferred ones.
const previousInferredCypher = `UNWIND $ids AS id
MATCH (:Profession {id: id})<-[:NEXT|INFERRED]-(y:Profession)
RETURN id, collect(DISTINCT y.id) AS ys`

// traversalCyphers returns the level queries of a traversal: over the dataset's own moves, or
// with inferred over the inferred ones too.
func traversalCyphers(inferred bool) (next, previous string) {
	if inferred {
		return nextInferredCypher, previousInferredCypher
	}
	return nextCypher, previousCypher
}

// move is the target of a career move, with what orders it.
type move struct {
	id, sortKey string
}

// nextOf reads the moves out of each profession of ids (cypher: nextCypher or
// nextInferredCypher), each list by its targets' (sortKey, ID), as career.CompareKeys orders
// them. Professions without moves are absent.
func (s *Store) nextOf(ctx context.Context, what, cypher string, ids []string) (map[string][]move, error) {
	recs, err := s.read(ctx, what, cypher, map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	out := make(map[string][]move, len(recs))
	for _, r := range recs {
		w := row{r}
		ys, keys := w.list("ys"), w.list("keys")
		moves := make([]move, len(ys))
		for i := range ys {
			id, _ := ys[i].(string)
			key, _ := keys[i].(string)
			moves[i] = move{id, key}
		}
		slices.SortStableFunc(moves, func(a, b move) int { return career.CompareKeys(a.sortKey, a.id, b.sortKey, b.id) })
		out[w.str("id")] = moves
	}
	return out, nil
}

// previousOf reads the distinct sources of the moves into each profession of ids (cypher:
// previousCypher or previousInferredCypher).
func (s *Store) previousOf(ctx context.Context, what, cypher string, ids []string) (map[string][]string, error) {
	recs, err := s.read(ctx, what, cypher, map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	out := make(map[string][]string, len(recs))
	for _, r := range recs {
		w := row{r}
		ys := w.list("ys")
		l := make([]string, len(ys))
		for i, y := range ys {
			l[i], _ = y.(string)
		}
		out[w.str("id")] = l
	}
	return out, nil
}

// CareerPaths returns simple paths (no profession twice) of 1..maxSteps moves from one
// profession to another: shortest first, then by the (sortKey, ID) of their steps, at most
// first.
//
// It reads both professions, then walks back from `to`, one query per level, to find how few
// moves each profession needs to reach it (up to maxSteps-1). Then it reads, one query per
// level, the moves out of the professions a path from `from` can pass through: after k moves,
// those that reach `to` in the maxSteps-k moves left. The paths are then enumerated as the
// embedded store does (a depth-first walk per length, pruned by those distances), and their
// professions read in one query. At most 2 × maxSteps + 1 queries.
func (s *Store) CareerPaths(ctx context.Context, fromID, toID string, maxSteps, first int) ([][]*career.Profession, error) {
	return s.careerPaths(ctx, fromID, toID, maxSteps, first, false)
}

// careerPaths answers CareerPaths, and with inferred InferredCareerPaths.
func (s *Store) careerPaths(ctx context.Context, fromID, toID string, maxSteps, first int, inferred bool) ([][]*career.Profession, error) {
	nextQ, previousQ := traversalCyphers(inferred)
	if err := checkSteps(maxSteps); err != nil {
		return nil, err
	}
	ends, err := s.ProfessionsByID(ctx, []string{fromID, toID})
	if err != nil {
		return nil, err
	}
	switch {
	case ends[fromID] == nil:
		return nil, career.ProfessionNotFound("from", fromID)
	case ends[toID] == nil:
		return nil, career.ProfessionNotFound("to", toID)
	case fromID == toID:
		return nil, career.SameProfession()
	}
	if maxSteps < 1 || first < 1 {
		return nil, nil
	}
	distTo, err := s.distancesTo(ctx, previousQ, toID, maxSteps-1)
	if err != nil {
		return nil, err
	}
	next, err := s.pathMoves(ctx, nextQ, fromID, toID, distTo, maxSteps)
	if err != nil {
		return nil, err
	}
	found, err := simplePaths(career.NewStopper(ctx, "careerPaths"), next, distTo, fromID, toID, maxSteps, first)
	if err != nil || len(found) == 0 {
		return nil, err
	}
	return s.professionPaths(ctx, "career paths", found)
}

// distancesTo returns the fewest moves (up to most) from each profession to `to`, walking
// moves backwards one level per query (previousQ); `to` is at 0.
func (s *Store) distancesTo(ctx context.Context, previousQ, toID string, most int) (map[string]int, error) {
	dist := map[string]int{toID: 0}
	level := []string{toID}
	for d := 1; d <= most && len(level) > 0; d++ {
		prev, err := s.previousOf(ctx, "career paths", previousQ, level)
		if err != nil {
			return nil, err
		}
		var next []string
		for _, id := range level {
			for _, p := range prev[id] {
				if _, seen := dist[p]; !seen {
					dist[p] = d
					next = append(next, p)
				}
			}
		}
		level = next
	}
	return dist, nil
}

// pathMoves reads the moves out of every profession a simple path from `from` to `to` of at
// most maxSteps moves can leave from: `from`, then, level by level, the professions k moves
// away (first reached there) that are not `to` and reach it in maxSteps-k moves (distTo). The
// moves are read with nextQ.
func (s *Store) pathMoves(ctx context.Context, nextQ, fromID, toID string, distTo map[string]int, maxSteps int) (map[string][]move, error) {
	next := map[string][]move{}
	level := []string{fromID}
	read := map[string]bool{fromID: true}
	for k := 1; len(level) > 0; k++ {
		moves, err := s.nextOf(ctx, "career paths", nextQ, level)
		if err != nil {
			return nil, err
		}
		var more []string
		for _, id := range level {
			next[id] = moves[id]
			for _, m := range moves[id] {
				if d, ok := distTo[m.id]; ok && m.id != toID && d <= maxSteps-k && !read[m.id] {
					read[m.id] = true
					more = append(more, m.id)
				}
			}
		}
		level = more
	}
	return next, nil
}

// simplePaths enumerates the simple paths from → to of 1..maxSteps moves over the moves read
// (next): by length, and within a length by their steps' (sortKey, ID), which a depth-first
// walk over moves in that order gives; distances to `to` prune walks that cannot arrive in
// time. It is the embedded store's walk, over IDs.
func simplePaths(stop *career.Stopper, next map[string][]move, distTo map[string]int, from, to string, maxSteps, first int) ([][]string, error) {
	var out [][]string
	var err error
	onPath := map[string]bool{from: true}
	path := []string{from}
	var walk func(n string, left int)
	walk = func(n string, left int) {
		for _, m := range next[n] {
			if len(out) == first || err != nil {
				return
			}
			if err = stop.Step(1); err != nil {
				return
			}
			if m.id == to {
				if left == 1 {
					out = append(out, append(slices.Clone(path), to))
				}
				continue
			}
			if d, ok := distTo[m.id]; !ok || d > left-1 || onPath[m.id] {
				continue
			}
			onPath[m.id] = true
			path = append(path, m.id)
			walk(m.id, left-1)
			path = path[:len(path)-1]
			delete(onPath, m.id)
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

// professionPaths reads the professions of paths of IDs in one query.
func (s *Store) professionPaths(ctx context.Context, what string, paths [][]string) ([][]*career.Profession, error) {
	var ids []string
	seen := map[string]bool{}
	for _, p := range paths {
		for _, id := range p {
			if !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	byID, err := s.ProfessionsByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([][]*career.Profession, len(paths))
	for i, p := range paths {
		out[i] = make([]*career.Profession, len(p))
		for j, id := range p {
			if out[i][j] = byID[id]; out[i][j] == nil {
				return nil, fmt.Errorf("neo4j: %s: profession %s went away during the walk", what, id)
			}
		}
	}
	return out, nil
}

// CareerProgression returns the professions reachable from a profession in 1..maxSteps moves:
// by distance (fewest moves), then (sortKey, ID), at most first; each with the smallest of its
// shortest paths by the (sortKey, ID) of its steps.
//
// It walks breadth first from `from`, one query per level (the moves out of the level's
// professions), as the embedded store does: each level is kept in the order of its
// professions' best paths, so the first parent to reach a profession gives it the smallest of
// its shortest paths. The professions kept and those on their paths are read in one query. At
// most maxSteps + 2 queries.
func (s *Store) CareerProgression(ctx context.Context, fromID string, maxSteps, first int) ([]career.CareerStep, error) {
	return s.careerProgression(ctx, fromID, maxSteps, first, false)
}

// careerProgression answers CareerProgression, and with inferred InferredCareerProgression.
func (s *Store) careerProgression(ctx context.Context, fromID string, maxSteps, first int, inferred bool) ([]career.CareerStep, error) {
	nextQ, _ := traversalCyphers(inferred)
	if err := checkSteps(maxSteps); err != nil {
		return nil, err
	}
	start, err := s.ProfessionsByID(ctx, []string{fromID})
	if err != nil {
		return nil, err
	}
	if start[fromID] == nil {
		return nil, career.ProfessionNotFound("from", fromID)
	}
	if maxSteps < 1 || first < 1 {
		return []career.CareerStep{}, nil
	}
	type reached struct {
		m        move
		distance int
	}
	stop := career.NewStopper(ctx, "careerProgression")
	parent := map[string]string{fromID: ""}
	var all []reached
	level := []string{fromID}
	for d := 1; d <= maxSteps && len(level) > 0; d++ {
		moves, err := s.nextOf(ctx, "career progression", nextQ, level)
		if err != nil {
			return nil, err
		}
		var next []string
		for _, id := range level {
			if err := stop.Step(1 + len(moves[id])); err != nil {
				return nil, err
			}
			for _, m := range moves[id] {
				if _, seen := parent[m.id]; !seen {
					parent[m.id] = id
					next = append(next, m.id)
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
		return career.CompareKeys(a.m.sortKey, a.m.id, b.m.sortKey, b.m.id)
	})
	all = all[:min(first, len(all))]
	paths := make([][]string, len(all))
	for i, r := range all {
		path := make([]string, r.distance+1)
		for j, id := r.distance, r.m.id; id != ""; j, id = j-1, parent[id] {
			path[j] = id
		}
		paths[i] = path
	}
	profs, err := s.professionPaths(ctx, "career progression", paths)
	if err != nil {
		return nil, err
	}
	steps := make([]career.CareerStep, len(all))
	for i, r := range all {
		steps[i] = career.CareerStep{Profession: profs[i][r.distance], Distance: r.distance, Path: profs[i]}
	}
	return steps, nil
}

// Warm has Neo4j plan the queries of the traversals ahead of the first request that needs
// them: the two level queries, over the dataset's own moves and over own and inferred moves,
// and the lookup of professions by ID. They are short, and Neo4j
// plans each in milliseconds. Nothing is read (they run with nothing to find).
func (s *Store) Warm(ctx context.Context) error {
	if _, err := s.ProfessionsByID(ctx, []string{""}); err != nil {
		return err
	}
	for _, inferred := range []bool{false, true} {
		nextQ, previousQ := traversalCyphers(inferred)
		if _, err := s.nextOf(ctx, "warm career traversals", nextQ, []string{}); err != nil {
			return err
		}
		if _, err := s.previousOf(ctx, "warm career traversals", previousQ, []string{}); err != nil {
			return err
		}
	}
	return nil
}
