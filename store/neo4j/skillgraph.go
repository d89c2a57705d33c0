package neo4jstore

import (
	"context"
	"fmt"
	"slices"

	"github.com/careergraph/careergraph/career"
)

// The skill graph (career.SkillGraph) in Neo4j:
//   - (:Skill)-[:BROADER]->(:Skill): a skill's direct broader skills or groups (narrower reads them);
//   - (:Skill)-[:RELATED {importance}]->(:Skill): the dataset's skill-to-skill relations;
//   - on each :Skill, computed at load: isGroup (true, or absent), collections (in the order of
//     career.SkillCollections), broaderIds (career.BroaderChain) and coRequiredIds with
//     coRequiredCounts (career.CoRequired, at most career.MaxCoRequired).
//
// Every relationship carries the load generation, so a reload replaces them; the node
// properties are rewritten by the node step of each load.

// skillGraphSteps are the load steps of d's skill graph, after its skill nodes, with the
// removal of the skill links an earlier version had.
func skillGraphSteps(d *career.Dataset, gen string) []loadStep {
	sg := &d.SkillGraph
	known := make(map[string]string, len(d.Skills)) // ID → sort key
	for _, s := range d.Skills {
		known[s.ID] = career.SortKey(s.Name)
	}
	props := make(map[string]map[string]any)
	prop := func(id string) map[string]any {
		if props[id] == nil {
			props[id] = map[string]any{"id": id}
		}
		return props[id]
	}
	for _, id := range sg.Groups {
		prop(id)["isGroup"] = true
	}
	collections := make(map[string][]string)
	for _, c := range career.SkillCollections {
		for _, m := range sg.Members {
			if m.Collection == c && !slices.Contains(collections[m.SkillID], string(c)) {
				collections[m.SkillID] = append(collections[m.SkillID], string(c))
			}
		}
	}
	for id, cs := range collections {
		prop(id)["collections"] = cs
	}
	direct := career.BroaderIndex(sg.Broader)
	var broaderRows []map[string]any
	for _, l := range sg.Broader {
		if l.SkillID != l.OtherID {
			broaderRows = append(broaderRows, map[string]any{"from": l.SkillID, "to": l.OtherID})
		}
	}
	keyOf := func(id string) string { return known[id] }
	for id := range direct {
		prop(id)["broaderIds"] = career.BroaderChain(id, direct, keyOf)
	}
	for id, co := range career.CoRequired(d, career.MaxCoRequired) {
		ids, counts := make([]string, len(co)), make([]int, len(co))
		for i, c := range co {
			ids[i], counts[i] = c.SkillID, c.Professions
		}
		p := prop(id)
		p["coRequiredIds"], p["coRequiredCounts"] = ids, counts
	}
	var propRows []map[string]any
	for _, s := range d.Skills {
		if p := props[s.ID]; p != nil {
			propRows = append(propRows, p)
		}
	}
	relRows := make([]map[string]any, 0, len(sg.Relations))
	for _, r := range sg.Relations {
		relRows = append(relRows, map[string]any{"from": r.SkillID, "to": r.RelatedID, "importance": string(r.Importance)})
	}

	var steps []loadStep
	add := func(name, cypher string, rows []map[string]any) {
		if len(rows) > 0 {
			steps = append(steps, loadStep{name: name, cypher: cypher, rows: rows, check: true})
		}
	}
	add("skill facets", "UNWIND $rows AS r MATCH (s:Skill {id: r.id}) "+
		"SET s.isGroup = r.isGroup, s.collections = r.collections, s.broaderIds = r.broaderIds, "+
		"s.coRequiredIds = r.coRequiredIds, s.coRequiredCounts = r.coRequiredCounts RETURN count(*) AS n", propRows)
	add("skill hierarchy", "UNWIND $rows AS r MATCH (s:Skill {id: r.from}) MATCH (b:Skill {id: r.to}) "+
		"MERGE (s)-[e:BROADER]->(b) SET e.loadGen = $gen RETURN count(*) AS n", broaderRows)
	// Relations are merged by their position, as requirements are, so that a pair listed twice
	// counts twice in both stores.
	for i := range relRows {
		relRows[i]["ord"] = i
	}
	add("skill relations", "UNWIND $rows AS r MATCH (s:Skill {id: r.from}) MATCH (t:Skill {id: r.to}) "+
		"MERGE (s)-[e:RELATED {ord: r.ord}]->(t) SET e.importance = r.importance, e.loadGen = $gen RETURN count(*) AS n", relRows)
	steps = append(steps, loadStep{
		name:   "stale skill links",
		cypher: "MATCH (s:Skill {dataset: $ds})-[e:BROADER|RELATED]->() WHERE e.loadGen <> $gen DELETE e",
	})
	return steps
}

// SkillFacets returns whether each skill is a group, and its collections.
func (s *Store) SkillFacets(ctx context.Context, ids []string) (map[string]career.SkillFacets, error) {
	out := make(map[string]career.SkillFacets, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	recs, err := s.read(ctx, "skill facets", `
UNWIND $ids AS id
MATCH (s:Skill {id: id})
RETURN id, coalesce(s.isGroup, false) AS isGroup, coalesce(s.collections, []) AS collections`,
		map[string]any{"ids": uniq(ids)})
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		w := row{r}
		f := career.SkillFacets{IsGroup: w.bool("isGroup"), Collections: []career.SkillCollection{}}
		for _, c := range w.list("collections") {
			f.Collections = append(f.Collections, career.SkillCollection(strOf(c)))
		}
		out[w.str("id")] = f
	}
	return out, nil
}

// skillLists reads, for each known skill among ids, the skills whose IDs its property listProp
// holds, in that order, at most limit: fn gets each one's projection and its position.
func (s *Store) skillLists(ctx context.Context, what string, ids []string, listProp string, limit int, fn func(id string, i int, t map[string]any)) (map[string]bool, error) {
	known := make(map[string]bool, len(ids))
	if len(ids) == 0 {
		return known, nil
	}
	recs, err := s.read(ctx, what, `
UNWIND $ids AS id
MATCH (s:Skill {id: id})
CALL (s) {
  WITH coalesce(s.`+listProp+`, [])[0..$limit] AS ids
  UNWIND range(0, size(ids) - 1) AS i
  MATCH (t:Skill {id: ids[i]})
  WITH i, t ORDER BY i
  RETURN collect({i: i, t: t `+skillProj+`}) AS ts
}
RETURN id, ts`, map[string]any{"ids": uniq(ids), "limit": limit})
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		w := row{r}
		id := w.str("id")
		known[id] = true
		ts, err := maps(w.list("ts"))
		if err != nil {
			return nil, err
		}
		for _, t := range ts {
			n, _ := t["i"].(int64)
			m, ok := t["t"].(map[string]any)
			if !ok {
				return nil, fmt.Errorf("neo4j: %s: want a map, got %T", what, t["t"])
			}
			fn(id, int(n), m)
		}
	}
	return known, nil
}

// wholeList is the limit of skillLists that reads a list whole.
const wholeList = 1 << 30

// BroaderSkills returns what lies above each skill, nearest first, then by name (the chain
// stored at load).
func (s *Store) BroaderSkills(ctx context.Context, ids []string) (map[string][]*career.Skill, error) {
	out := make(map[string][]*career.Skill, len(ids))
	known, err := s.skillLists(ctx, "broader skills", ids, "broaderIds", wholeList, func(id string, _ int, t map[string]any) {
		out[id] = append(out[id], toSkill(t))
	})
	if err != nil {
		return nil, err
	}
	for id := range known {
		if out[id] == nil {
			out[id] = []*career.Skill{}
		}
	}
	return out, nil
}

// CoRequiredSkills returns, for each skill, the first skills most often required by the same
// professions (the lists stored at load).
func (s *Store) CoRequiredSkills(ctx context.Context, ids []string, first int) (map[string][]career.SkillUsage, error) {
	counts, err := s.coRequiredCounts(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make(map[string][]career.SkillUsage, len(ids))
	known, err := s.skillLists(ctx, "co-required skills", ids, "coRequiredIds", first, func(id string, i int, t map[string]any) {
		out[id] = append(out[id], career.SkillUsage{Skill: toSkill(t), Professions: counts[id][i]})
	})
	if err != nil {
		return nil, err
	}
	for id := range known {
		if out[id] == nil {
			out[id] = []career.SkillUsage{}
		}
	}
	return out, nil
}

// coRequiredCounts reads each skill's stored co-requirement counts.
func (s *Store) coRequiredCounts(ctx context.Context, ids []string) (map[string][]int, error) {
	out := make(map[string][]int, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	recs, err := s.read(ctx, "co-required counts", `
UNWIND $ids AS id
MATCH (s:Skill {id: id})
RETURN id, coalesce(s.coRequiredCounts, []) AS counts`, map[string]any{"ids": uniq(ids)})
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		w := row{r}
		for _, c := range w.list("counts") {
			n, _ := c.(int64)
			out[w.str("id")] = append(out[w.str("id")], int(n))
		}
	}
	return out, nil
}

// NarrowerSkills returns one page of the skills directly under each skill, by name.
func (s *Store) NarrowerSkills(ctx context.Context, ids []string, page career.PageArgs) (map[string]*career.Page[*career.Skill], error) {
	out := make(map[string]*career.Page[*career.Skill], len(ids))
	w, err := page.Window()
	if err != nil {
		return nil, err
	}
	if len(ids) == 0 {
		return out, nil
	}
	params := map[string]any{"ids": uniq(ids)}
	within, order := keyset("n", w, params)
	recs, err := s.read(ctx, "narrower skills", `
UNWIND $ids AS id
MATCH (s:Skill {id: id})
CALL (s) {
  OPTIONAL MATCH (n:Skill)-[:BROADER]->(s)
  RETURN count(n) AS total
}
CALL (s) {
  OPTIONAL MATCH (n:Skill)-[:BROADER]->(s)
  WHERE `+within+`
  WITH n ORDER BY `+order+` LIMIT $limit
  RETURN collect(n `+skillProj+`) AS ns
}
RETURN id, total, ns`, params)
	if err != nil {
		return nil, err
	}
	return pagesByID(recs, "id", "ns", page, toSkill)
}

// RelatedSkills returns each skill's related skills: essential first, then by name.
func (s *Store) RelatedSkills(ctx context.Context, ids []string) (map[string][]career.SkillRelation, error) {
	out := make(map[string][]career.SkillRelation, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	recs, err := s.read(ctx, "related skills", `
UNWIND $ids AS id
MATCH (s:Skill {id: id})
CALL (s) {
  OPTIONAL MATCH (s)-[e:RELATED]->(t:Skill)
  WITH e, t ORDER BY CASE e.importance WHEN 'ESSENTIAL' THEN 0 ELSE 1 END, t.sortKey, t.id
  RETURN collect({imp: e.importance, t: t `+skillProj+`}) AS ts
}
RETURN id, ts`, map[string]any{"ids": uniq(ids)})
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		w := row{r}
		ts, err := maps(w.list("ts"))
		if err != nil {
			return nil, err
		}
		list := make([]career.SkillRelation, 0, len(ts))
		for _, t := range ts {
			m, ok := t["t"].(map[string]any)
			if !ok {
				continue // the OPTIONAL MATCH found none
			}
			list = append(list, career.SkillRelation{Skill: toSkill(m), Importance: career.Importance(strOf(t["imp"]))})
		}
		out[w.str("id")] = list
	}
	return out, nil
}
