package neo4jstore

import (
	"context"

	"github.com/careergraph/careergraph/career"
)

// Occupation groups in Neo4j: (:OccupationGroup {id, dataset, code, name, level, broader,
// depth, sortKey, searchText}) nodes, (:OccupationGroup)-[:BROADER]->(:OccupationGroup) from a
// group to the group it is part of, and (:Profession)-[:IN_GROUP {ord}]->(:OccupationGroup)
// from a profession to its narrowest groups. Every node and relationship carries the load
// generation, like the rest of a load.

// groupLabel is the label of occupation groups.
const groupLabel = "OccupationGroup"

// groupProj is the map projection of an occupation group.
const groupProj = "{.id, .dataset, .code, .name, .level, .broader, .sortKey}"

// toGroup decodes a projected group (groupProj, or anyProj).
func toGroup(m map[string]any) *career.OccupationGroup {
	return &career.OccupationGroup{ID: str(m, "id"), Dataset: str(m, "dataset"), Code: str(m, "code"),
		Name: str(m, "name"), Level: str(m, "level"), BroaderID: str(m, "broader")}
}

// groupSteps are the load steps of d's groups: the nodes, their broader links and the
// profession memberships, then the removal of the groups' links an earlier load left.
func groupSteps(d *career.Dataset) []loadStep {
	if len(d.Groups) == 0 {
		return []loadStep{staleGroupLinks}
	}
	depths := career.GroupDepths(d.Groups)
	nodes := make([]map[string]any, 0, len(d.Groups))
	var broader []map[string]any
	for _, g := range d.Groups {
		nodes = append(nodes, compact(map[string]any{
			"id": g.ID, "dataset": g.Dataset, "code": g.Code, "name": g.Name, "level": g.Level,
			"broader": g.BroaderID, "depth": depths[g.ID],
			"sortKey": career.SortKey(g.Name), "searchText": SearchField([]string{g.Name}),
		}))
		if g.BroaderID != "" && g.BroaderID != g.ID {
			broader = append(broader, map[string]any{"from": g.ID, "to": g.BroaderID})
		}
	}
	steps := []loadStep{{
		name:   groupLabel + " nodes",
		cypher: "UNWIND $rows AS r MERGE (n:" + groupLabel + " {id: r.id}) SET n = r, n.loadGen = $gen",
		rows:   nodes,
	}}
	if len(broader) > 0 {
		steps = append(steps, loadStep{name: "broader groups", rows: broader, check: true,
			cypher: "UNWIND $rows AS r MATCH (g:OccupationGroup {id: r.from}) MATCH (b:OccupationGroup {id: r.to}) " +
				"MERGE (g)-[e:BROADER]->(b) SET e.loadGen = $gen RETURN count(*) AS n"})
	}
	if len(d.GroupMembers) > 0 {
		steps = append(steps, loadStep{name: "group members", rows: linkRows(d.GroupMembers), check: true,
			cypher: linkCypher("IN_GROUP", groupLabel)})
	}
	return append(steps, staleGroupLinks)
}

// staleGroupLinks removes the links between groups that the new version no longer has.
var staleGroupLinks = loadStep{
	name:   "stale group links",
	cypher: "MATCH (g:OccupationGroup {dataset: $ds})-[e]->() WHERE e.loadGen <> $gen DELETE e",
}

// GroupsByID looks occupation groups up by global ID.
func (s *Store) GroupsByID(ctx context.Context, ids []string) (map[string]*career.OccupationGroup, error) {
	return byID(ctx, s, groupLabel, ids, toGroup)
}

// groupLists runs a query that returns, per requested ID `id`, a list `gs` of projected groups.
func (s *Store) groupLists(ctx context.Context, what, cypher string, ids []string) (map[string][]*career.OccupationGroup, error) {
	out := make(map[string][]*career.OccupationGroup, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	recs, err := s.read(ctx, what, cypher, map[string]any{"ids": uniq(ids)})
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		w := row{r}
		ms, err := maps(w.list("gs"))
		if err != nil {
			return nil, err
		}
		gs := make([]*career.OccupationGroup, len(ms))
		for i, m := range ms {
			gs[i] = toGroup(m)
		}
		out[w.str("id")] = gs
	}
	return out, nil
}

// GroupsOf returns each profession's groups, narrowest first (career.CompareGroups: depth
// descending, then sortKey, then ID).
func (s *Store) GroupsOf(ctx context.Context, ids []string) (map[string][]*career.OccupationGroup, error) {
	return s.groupLists(ctx, "groups of professions", `
UNWIND $ids AS id
MATCH (p:Profession {id: id})
CALL (p) {
  OPTIONAL MATCH (p)-[:IN_GROUP]->(:OccupationGroup)-[:BROADER*0..]->(g:OccupationGroup)
  WITH DISTINCT g WHERE g IS NOT NULL
  ORDER BY g.depth DESC, g.sortKey, g.id
  RETURN collect(g `+groupProj+`) AS gs
}
RETURN id, gs`, ids)
}

// NarrowerGroups returns each group's narrower groups, by (sortKey, ID).
func (s *Store) NarrowerGroups(ctx context.Context, ids []string) (map[string][]*career.OccupationGroup, error) {
	return s.groupLists(ctx, "narrower groups", `
UNWIND $ids AS id
MATCH (b:OccupationGroup {id: id})
CALL (b) {
  OPTIONAL MATCH (g:OccupationGroup)-[:BROADER]->(b)
  WITH g WHERE g IS NOT NULL
  ORDER BY g.sortKey, g.id
  RETURN collect(g `+groupProj+`) AS gs
}
RETURN id, gs`, ids)
}

// GroupProfessions returns, for each group, one page of the professions in it or a narrower
// group, each once, by (sortKey, ID), in one query (as ProfessionsLinkedTo pages).
func (s *Store) GroupProfessions(ctx context.Context, ids []string, page career.PageArgs) (map[string]*career.Page[*career.Profession], error) {
	out := make(map[string]*career.Page[*career.Profession], len(ids))
	w, err := page.Window()
	if err != nil {
		return nil, err
	}
	if len(ids) == 0 {
		return out, nil
	}
	params := map[string]any{"ids": uniq(ids)}
	within, order := keyset("p", w, params)
	recs, err := s.read(ctx, "professions of groups", `
UNWIND $ids AS gid
MATCH (g:OccupationGroup {id: gid})
CALL (g) {
  OPTIONAL MATCH (p:Profession)-[:IN_GROUP]->(:OccupationGroup)-[:BROADER*0..]->(g)
  RETURN count(DISTINCT p) AS total
}
CALL (g) {
  OPTIONAL MATCH (p:Profession)-[:IN_GROUP]->(:OccupationGroup)-[:BROADER*0..]->(g)
  WITH DISTINCT p WHERE p IS NOT NULL AND `+within+`
  WITH p ORDER BY `+order+` LIMIT $limit
  RETURN collect(p `+professionProj+`) AS ps
}
RETURN gid, total, ps`, params)
	if err != nil {
		return nil, err
	}
	return pagesByID(recs, "gid", "ps", page, toProfession)
}
