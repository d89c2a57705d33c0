package neo4jstore

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/careergraph/careergraph/career"
)

// MaxSteps is the longest traversal the store runs: the API's (career.MaxPathSteps).
const MaxSteps = career.MaxPathSteps

// checkSteps refuses a traversal the store does not run (1..MaxSteps).
func checkSteps(maxSteps int) error {
	if maxSteps < 1 || maxSteps > MaxSteps {
		return career.Errorf(career.EINVALID, "maxSteps must be between 1 and %d, got %d", MaxSteps, maxSteps)
	}
	return nil
}

// one returns the single row of a query that always returns one.
func one(recs []*neo4j.Record) (row, error) {
	if len(recs) != 1 {
		return row{}, fmt.Errorf("neo4j: want 1 row, got %d", len(recs))
	}
	return row{recs[0]}, nil
}

// SkillGap tells what someone in one profession must add to work in another. Neo4j returns
// `to`'s requirements and tools, each marked with whether `from` has it (membership in the
// list of `from`'s skills and tools, rather than a relationship lookup per item); the split is
// made here.
func (s *Store) SkillGap(ctx context.Context, fromID, toID string) (*career.SkillGap, error) {
	recs, err := s.read(ctx, "skill gap", `
OPTIONAL MATCH (f:Profession {id: $from})
OPTIONAL MATCH (t:Profession {id: $to})
CALL (f) {
  OPTIONAL MATCH (f)-[:REQUIRES|USES]->(y)
  RETURN collect(y) AS fHas
}
CALL (t, fHas) {
  MATCH (t)-[e:REQUIRES]->(s:Skill)
  WITH fHas, e, s ORDER BY e.ord
  RETURN collect({s: s `+skillProj+`, imp: e.importance, has: s IN fHas}) AS reqs
}
CALL (t, fHas) {
  MATCH (t)-[e:USES]->(x:Tool)
  WITH fHas, e, x ORDER BY e.ord
  RETURN collect({x: x `+toolProj+`, has: x IN fHas}) AS tools
}
CALL (t) {
  MATCH (t)-[e:TRAINED_BY]->(x:Training)
  WITH e, x ORDER BY e.ord
  RETURN collect(x `+trainingProj+`) AS trainings
}
RETURN f `+professionProj+` AS f, t `+professionProj+` AS t, reqs, tools, trainings`,
		map[string]any{"from": fromID, "to": toID})
	if err != nil {
		return nil, err
	}
	w, err := one(recs)
	if err != nil {
		return nil, err
	}
	switch {
	case w.val("f") == nil:
		return nil, career.ProfessionNotFound("from", fromID)
	case w.val("t") == nil:
		return nil, career.ProfessionNotFound("to", toID)
	}
	reqs, err := heldRequirements(w.list("reqs"))
	if err != nil {
		return nil, err
	}
	toolRows, err := maps(w.list("tools"))
	if err != nil {
		return nil, err
	}
	tools := make([]career.HeldTool, len(toolRows))
	for i, t := range toolRows {
		m, _ := t["x"].(map[string]any)
		has, _ := t["has"].(bool)
		tools[i] = career.HeldTool{Tool: toTool(m), Held: has}
	}
	trainingRows, err := maps(w.list("trainings"))
	if err != nil {
		return nil, err
	}
	trainings := make([]*career.Training, len(trainingRows))
	for i, t := range trainingRows {
		trainings[i] = toTraining(t)
	}
	return career.NewSkillGap(toProfession(w.m("f")), toProfession(w.m("t")), reqs, tools, trainings), nil
}

// heldRequirements decodes a profession's requirements, each projected as {s, imp, has}: the
// skill, its importance and whether it is held.
func heldRequirements(l []any) ([]career.HeldRequirement, error) {
	rows, err := maps(l)
	if err != nil {
		return nil, err
	}
	out := make([]career.HeldRequirement, len(rows))
	for i, r := range rows {
		sk, _ := r["s"].(map[string]any)
		imp, _ := r["imp"].(string)
		has, _ := r["has"].(bool)
		out[i] = career.HeldRequirement{Skill: toSkill(sk), Importance: career.Importance(imp), Held: has}
	}
	return out, nil
}

// matchRows decodes ranked professions (ordered by Neo4j) with their requirements, each marked
// with whether it matched, into matches whose skills career.SplitRequirements splits.
func matchRows(l []any) ([]career.ProfessionMatch, error) {
	rows, err := maps(l)
	if err != nil {
		return nil, err
	}
	out := make([]career.ProfessionMatch, 0, len(rows))
	for _, r := range rows {
		p, _ := r["p"].(map[string]any)
		score, _ := r["score"].(float64)
		reqs, err := heldRequirements(asList(r["reqs"]))
		if err != nil {
			return nil, err
		}
		m := career.ProfessionMatch{Profession: toProfession(p), Score: score}
		m.Matched, m.Missing = career.SplitRequirements(reqs)
		out = append(out, m)
	}
	return out, nil
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}

// MatchProfessions ranks the professions linked to the given skills and tools by
// career.MatchCounts.Score (career.RankMatches): Neo4j counts, for every candidate, what
// MatchCounts holds (matchCypher); the candidates are ranked here and the first read with their
// requirements (matchRowsCypher). Unknown skill or tool IDs are NOT_FOUND.
func (s *Store) MatchProfessions(ctx context.Context, q career.MatchQuery) ([]career.ProfessionMatch, error) {
	skills := uniq(nonNil(q.SkillIDs))
	params := map[string]any{"skills": skills, "tools": uniq(nonNil(q.ToolIDs)), "dataset": nil}
	if q.Dataset != "" {
		params["dataset"] = q.Dataset
	}
	recs, err := s.read(ctx, "match professions", matchCypher, params)
	if err != nil {
		return nil, err
	}
	w, err := one(recs)
	if err != nil {
		return nil, err
	}
	if l := w.list("unknownSkills"); len(l) > 0 {
		return nil, career.SkillNotFound("skills", fmt.Sprint(l[0]))
	}
	if l := w.list("unknownTools"); len(l) > 0 {
		return nil, career.ToolNotFound("tools", fmt.Sprint(l[0]))
	}
	rows, err := maps(w.list("candidates"))
	if err != nil {
		return nil, err
	}
	given := career.GivenPerDataset(q.SkillIDs, q.ToolIDs)
	candidates := make([]career.MatchCandidate[string], len(rows))
	for i, r := range rows {
		id, _ := r["id"].(string)
		sortKey, _ := r["sortKey"].(string)
		ds, _ := r["dataset"].(string)
		candidates[i] = career.MatchCandidate[string]{Item: id, SortKey: sortKey, ID: id, Counts: career.MatchCounts{
			Given: given[ds], Used: intOf(r["used"]), Required: intOf(r["required"]), Held: intOf(r["held"]),
			Essential: intOf(r["essential"]), EssentialHeld: intOf(r["essentialHeld"]),
		}}
	}
	ranked := career.RankMatches(candidates, q.First)
	if len(ranked) == 0 {
		return []career.ProfessionMatch{}, nil
	}
	ids := make([]string, len(ranked))
	for i, r := range ranked {
		ids[i] = r.ID
	}
	recs, err = s.read(ctx, "match professions", matchRowsCypher, map[string]any{"ids": ids, "skills": skills})
	if err != nil {
		return nil, err
	}
	w, err = one(recs)
	if err != nil {
		return nil, err
	}
	read, err := maps(w.list("rows"))
	if err != nil {
		return nil, err
	}
	byID := make(map[string]map[string]any, len(read))
	for _, r := range read {
		p, _ := r["p"].(map[string]any)
		id, _ := p["id"].(string)
		byID[id] = r
	}
	out := make([]career.ProfessionMatch, 0, len(ranked))
	for _, c := range ranked {
		r := byID[c.ID]
		if r == nil {
			return nil, fmt.Errorf("neo4j: match professions: profession %q went away while it was read", c.ID)
		}
		p, _ := r["p"].(map[string]any)
		reqs, err := heldRequirements(asList(r["reqs"]))
		if err != nil {
			return nil, err
		}
		out = append(out, career.NewProfessionMatch(toProfession(p), c.Counts, reqs))
	}
	return out, nil
}

// intOf reads an integer Neo4j returned (an int64); 0 for anything else.
func intOf(v any) int {
	n, _ := v.(int64)
	return int(n)
}

// matchCypher is the first query of MatchProfessions; $skills and $tools hold no repeats (a
// skill given twice counts once).
//
// Neo4j starts from the given skills and tools: each REQUIRES (USES) relationship into one of
// them is one skill (tool) the profession it comes from uses, so only the candidates' covered
// requirements are read. Their number of requirements is their REQUIRES degree (no relationship
// is read) and their number of ESSENTIAL requirements the `essentials` property Load sets
// (counted from their requirements for a dataset loaded before it was).
const matchCypher = `
CALL () {
  UNWIND $skills AS id
  OPTIONAL MATCH (s:Skill {id: id})
  WITH id, s WHERE s IS NULL
  RETURN collect(id) AS unknownSkills
}
CALL () {
  UNWIND $tools AS id
  OPTIONAL MATCH (t:Tool {id: id})
  WITH id, t WHERE t IS NULL
  RETURN collect(id) AS unknownTools
}
CALL () {
  CALL () {
    UNWIND $skills AS id
    MATCH (:Skill {id: id})<-[e:REQUIRES]-(p:Profession)
    RETURN p, 1 AS held, CASE e.importance WHEN 'ESSENTIAL' THEN 1 ELSE 0 END AS essentialHeld
    UNION ALL
    UNWIND $tools AS id
    MATCH (:Tool {id: id})<-[:USES]-(p:Profession)
    RETURN p, 0 AS held, 0 AS essentialHeld
  }
  WITH p, count(*) AS used, sum(held) AS held, sum(essentialHeld) AS essentialHeld
  WHERE $dataset IS NULL OR p.dataset = $dataset
  RETURN collect({id: p.id, sortKey: p.sortKey, dataset: p.dataset, used: used, held: held, essentialHeld: essentialHeld,
    required: COUNT { (p)-[:REQUIRES]->() },
    essential: coalesce(p.essentials, COUNT { (p)-[e:REQUIRES]->() WHERE e.importance = 'ESSENTIAL' })}) AS candidates
}
RETURN unknownSkills, unknownTools, candidates`

// matchRowsCypher reads the ranked professions of MatchProfessions, each with its requirements
// in its order, marked with whether the person has them.
const matchRowsCypher = `
UNWIND $ids AS id
MATCH (p:Profession {id: id})
CALL (p) {
  MATCH (p)-[e:REQUIRES]->(s:Skill)
  WITH e, s ORDER BY e.ord
  RETURN collect({s: s ` + skillProj + `, imp: e.importance, has: s.id IN $skills}) AS reqs
}
RETURN collect({p: p ` + professionProj + `, reqs: reqs}) AS rows`

// essentialCounts counts each profession's ESSENTIAL requirements, stored on it as `essentials`
// (see matchCypher).
func essentialCounts(d *career.Dataset) map[string]int {
	out := make(map[string]int, len(d.Professions))
	for _, r := range d.Requirements {
		if r.Importance == career.Essential {
			out[r.ProfessionID]++
		}
	}
	return out
}

// maxPrunedFirst is the largest `first` for which SimilarProfessions first looks for a score
// $first candidates reach (see similarCypher).
const maxPrunedFirst = "1000"

// nonNil turns a nil list into an empty one (UNWIND null gives no rows, but IN null is null).
func nonNil(l []string) []string {
	if l == nil {
		return []string{}
	}
	return l
}

// SimilarProfessions ranks professions by the Jaccard index of their sets of required skills
// and tools with those of `to`: score descending, then (sortKey, ID); `to` itself and
// professions sharing nothing are left out.
func (s *Store) SimilarProfessions(ctx context.Context, toID string, first int) ([]career.ProfessionMatch, error) {
	recs, err := s.read(ctx, "similar professions", similarCypher, map[string]any{"to": toID, "first": max(first, 0)})
	if err != nil {
		return nil, err
	}
	w, err := one(recs)
	if err != nil {
		return nil, err
	}
	if !w.bool("found") {
		return nil, career.ProfessionNotFound("to", toID)
	}
	return matchRows(w.list("rows"))
}

// similarCypher is the query of SimilarProfessions. The professions sharing a skill or tool
// with `to` are reached through `to`'s skills and tools; inter counts the shared ones. A
// candidate's score is inter / (sizeT + deg - inter), deg its REQUIRES and USES degree (which
// Neo4j counts by walking its relationships). When `to` links no skill or tool twice, deg ≥
// inter, so inter/sizeT bounds the score from above. A first pass scores the $first candidates
// sharing the most: the lowest of those scores, reached, is one that at least $first candidates
// reach. The second pass counts the degree only of candidates whose bound reaches it: the others
// cannot rank. (Division rounds monotonically, so the bound holds in floating point. The passes
// share no list of candidates: Neo4j would count such a list in every row it sorts, and run out
// of memory for large $first; for $first above maxPrunedFirst, where pruning gains little, the
// first pass is skipped.) Whether `to` requires a skill of a ranked
// profession is membership in xs (a skill is in xs only through REQUIRES), which costs Neo4j no
// reads.
const similarCypher = `
OPTIONAL MATCH (t:Profession {id: $to})
CALL (t) {
  MATCH (t)-[:REQUIRES|USES]->(x)
  RETURN collect(x) AS xs, count(x) AS sizeT, count(DISTINCT x) = count(x) AS distinctXs
}
CALL (t, sizeT) {
  UNWIND CASE WHEN $first <= ` + maxPrunedFirst + ` THEN [1] ELSE [] END AS prune
  MATCH (t)-[:REQUIRES|USES]->()<-[:REQUIRES|USES]-(p:Profession)
  WHERE p <> t
  WITH p, count(*) AS inter
  ORDER BY inter DESC
  LIMIT $first
  RETURN min(toFloat(inter) / toFloat(sizeT + COUNT { (p)-[:REQUIRES|USES]->() } - inter)) AS reached
}
CALL (t, xs, sizeT, distinctXs, reached) {
  MATCH (t)-[:REQUIRES|USES]->()<-[:REQUIRES|USES]-(p:Profession)
  WHERE p <> t
  WITH p, count(*) AS inter
  WHERE NOT distinctXs OR reached IS NULL OR toFloat(inter) / toFloat(sizeT) >= reached
  WITH p, toFloat(inter) / toFloat(sizeT + COUNT { (p)-[:REQUIRES|USES]->() } - inter) AS score
  ORDER BY score DESC, p.sortKey, p.id
  LIMIT $first
  CALL (p, xs) {
    MATCH (p)-[e:REQUIRES]->(s:Skill)
    WITH e, s ORDER BY e.ord
    RETURN collect({s: s ` + skillProj + `, imp: e.importance, has: s IN xs}) AS reqs
  }
  RETURN collect({p: p ` + professionProj + `, score: score, reqs: reqs}) AS rows
}
RETURN t IS NOT NULL AS found, rows`

// Stats counts the nodes of one dataset ("" for all) and the moves out of its professions.
func (s *Store) Stats(ctx context.Context, dataset string) (*career.Stats, error) {
	cond := ""
	if dataset != "" {
		cond = " WHERE n.dataset = $dataset"
	}
	count := func(pattern string) string { return "COUNT { MATCH " + pattern + cond + " }" }
	// The moves are the professions' NEXT degrees (Load links NEXT between professions only),
	// which Neo4j reads without visiting every move.
	recs, err := s.read(ctx, "stats", "CALL () { MATCH (n:Profession)"+cond+" RETURN sum(COUNT { (n)-[:NEXT]->() }) AS moves, sum(COUNT { (n)-[:INFERRED]->() }) AS inferred }\nRETURN "+
		count("(n:Profession)")+" AS professions, "+
		count("(n:Skill)")+" AS skills, "+
		count("(n:Tool)")+" AS tools, "+
		count("(n:Training)")+" AS trainings, "+
		count("(n:OccupationGroup)")+" AS groups, moves, inferred, "+
		count("(n:Skill {isGroup: true})")+" AS skillGroups, "+
		count("(n:Skill)-[:BROADER]->()")+" AS skillBroader, "+
		count("(n:Skill)-[:RELATED]->()")+" AS skillRelations",
		map[string]any{"dataset": dataset})
	if err != nil {
		return nil, err
	}
	w, err := one(recs)
	if err != nil {
		return nil, err
	}
	st := &career.Stats{
		Professions:       w.int("professions"),
		Skills:            w.int("skills"),
		Tools:             w.int("tools"),
		Trainings:         w.int("trainings"),
		CareerMoves:       w.int("moves"),
		InferredMoves:     w.int("inferred"),
		OccupationGroups:  w.int("groups"),
		SkillGroups:       w.int("skillGroups"),
		SkillBroaderLinks: w.int("skillBroader"),
		SkillRelations:    w.int("skillRelations"),
	}
	if st.Equivalences, st.EquivalencesBySource, err = s.equivalenceStats(ctx, dataset); err != nil {
		return nil, err
	}
	if err := s.interestStats(ctx, dataset, st); err != nil {
		return nil, err
	}
	return st, nil
}

// TopSkills ranks the skills of one dataset ("" for all) by the number of professions that
// require them, then (sortKey, ID); skills nobody requires are left out. That number is the
// skill's incoming REQUIRES degree (Load links REQUIRES from professions only), which Neo4j
// reads without visiting the requirements. A first pass finds how many professions require the
// $first-th most required skill; only the skills required at least that often are then
// ordered by name (reading the names of every skill is what a plain ORDER BY … LIMIT costs).
// The passes share no list of skills: see matchCypher.
func (s *Store) TopSkills(ctx context.Context, dataset string, first int) ([]career.SkillUsage, error) {
	cond := ""
	if dataset != "" {
		cond = "WHERE s.dataset = $dataset "
	}
	recs, err := s.read(ctx, "top skills", `
CALL () {
  MATCH (s:Skill) `+cond+`
  WITH COUNT { (s)<-[:REQUIRES]-() } AS n
  WHERE n > 0
  WITH n ORDER BY n DESC LIMIT $first
  RETURN min(n) AS least
}
MATCH (s:Skill) `+cond+`
WITH s, COUNT { (s)<-[:REQUIRES]-() } AS n, least
WHERE n > 0 AND n >= least
RETURN s `+skillProj+` AS s, n
ORDER BY n DESC, s.sortKey, s.id
LIMIT $first`, map[string]any{"dataset": dataset, "first": max(first, 0)})
	if err != nil {
		return nil, err
	}
	out := make([]career.SkillUsage, 0, len(recs))
	for _, r := range recs {
		w := row{r}
		out = append(out, career.SkillUsage{Skill: toSkill(w.m("s")), Professions: w.int("n")})
	}
	return out, nil
}
