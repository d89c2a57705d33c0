package neo4jstore

import (
	"context"

	"github.com/careergraph/careergraph/career"
)

// Datasets lists the loaded datasets by name, each with its number of professions.
func (s *Store) Datasets(ctx context.Context) ([]career.DatasetInfo, error) {
	recs, err := s.read(ctx, "datasets", `
MATCH (d:Dataset)
RETURN d.name AS name, d.title AS title, d.version AS version, d.attribution AS attribution,
       COUNT { MATCH (p:Profession {dataset: d.name}) } AS professions,
       COUNT { MATCH (g:OccupationGroup {dataset: d.name}) } AS groups
ORDER BY name`, nil)
	if err != nil {
		return nil, err
	}
	out := make([]career.DatasetInfo, 0, len(recs))
	for _, r := range recs {
		w := row{r}
		out = append(out, career.DatasetInfo{
			Name: w.str("name"), Title: w.str("title"), Version: w.str("version"),
			Attribution: w.str("attribution"), Professions: w.int("professions"),
			OccupationGroups: w.int("groups"),
		})
	}
	return out, nil
}

// byID looks nodes of one label up by ID, in one query.
func byID[T any](ctx context.Context, s *Store, label string, ids []string, conv func(map[string]any) *T) (map[string]*T, error) {
	out := make(map[string]*T, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	recs, err := s.read(ctx, lower(label)+"s by ID",
		"UNWIND $ids AS id MATCH (n:"+label+" {id: id}) RETURN id, n "+projOf(label)+" AS n",
		map[string]any{"ids": uniq(ids)})
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		w := row{r}
		out[w.str("id")] = conv(w.m("n"))
	}
	return out, nil
}

// ProfessionsByID looks professions up by global ID.
func (s *Store) ProfessionsByID(ctx context.Context, ids []string) (map[string]*career.Profession, error) {
	return byID(ctx, s, "Profession", ids, toProfession)
}

// SkillsByID looks skills up by global ID.
func (s *Store) SkillsByID(ctx context.Context, ids []string) (map[string]*career.Skill, error) {
	return byID(ctx, s, "Skill", ids, toSkill)
}

// ToolsByID looks tools up by global ID.
func (s *Store) ToolsByID(ctx context.Context, ids []string) (map[string]*career.Tool, error) {
	return byID(ctx, s, "Tool", ids, toTool)
}

// TrainingsByID looks trainings up by global ID.
func (s *Store) TrainingsByID(ctx context.Context, ids []string) (map[string]*career.Training, error) {
	return byID(ctx, s, "Training", ids, toTraining)
}

// linked reads, for each known profession among ids, the nodes linked to it, in order: cypher
// (linkedCypher, previousCareersCypher, specializationsCypher) returns one record per known
// profession, its ID and the list (ts) of {t: the node's projection, rel: the link's property,
// when there is one}. Every known profession gets an entry, empty when it has no such link. fn
// receives each linked node's projection and the link's property ("" for none).
//
// One record per profession, holding a list sorted in Neo4j, rather than one per link: Neo4j
// and the driver spend much less per record than per row.
func (s *Store) linked(ctx context.Context, what string, ids []string, cypher string, fn func(id string, t map[string]any, rel string)) (map[string]bool, error) {
	known := make(map[string]bool, len(ids))
	if len(ids) == 0 {
		return known, nil
	}
	recs, err := s.read(ctx, what, cypher, map[string]any{"ids": uniq(ids)})
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		w := row{r}
		id := w.str("id")
		known[id] = true
		for _, x := range w.list("ts") {
			if m, ok := x.(map[string]any); ok {
				t, _ := m["t"].(map[string]any)
				fn(id, t, str(m, "rel"))
			}
		}
	}
	return known, nil
}

// linkedCypher is the query of linked for outgoing relationships of type rel to nodes of label,
// in dataset order (ord), with the relationship property relProp ("" for none) under "rel".
// (The node's projection stays a projection of the node alone, which Neo4j reads in one go.)
func linkedCypher(rel, label, relProp string) string {
	item := "{t: t " + projOf(label) + "}"
	if relProp != "" {
		item = "{t: t " + projOf(label) + ", rel: e." + relProp + "}"
	}
	return `UNWIND $ids AS id
MATCH (p:Profession {id: id})
RETURN id, COLLECT { MATCH (p)-[e:` + rel + `]->(t:` + label + `) WITH e, t ORDER BY e.ord RETURN ` + item + ` } AS ts`
}

// The queries of linked, built once.
var (
	qualitiesCypher    = linkedCypher("HAS_QUALITY", "Skill", "")
	requirementsCypher = linkedCypher("REQUIRES", "Skill", "importance")
	toolsOfCypher      = linkedCypher("USES", "Tool", "")
	trainingsOfCypher  = linkedCypher("TRAINED_BY", "Training", "")
	nextCareersCypher  = linkedCypher("NEXT", "Profession", "kind")
)

// Qualities returns each profession's personal qualities, in dataset order.
func (s *Store) Qualities(ctx context.Context, ids []string) (map[string][]*career.Skill, error) {
	out := make(map[string][]*career.Skill, len(ids))
	known, err := s.linked(ctx, "qualities", ids, qualitiesCypher, func(id string, t map[string]any, _ string) {
		out[id] = append(out[id], toSkill(t))
	})
	return fill(out, known), err
}

// Requirements returns each profession's required skills, in dataset order.
func (s *Store) Requirements(ctx context.Context, ids []string) (map[string][]career.SkillRequirement, error) {
	out := make(map[string][]career.SkillRequirement, len(ids))
	known, err := s.linked(ctx, "requirements", ids, requirementsCypher, func(id string, t map[string]any, rel string) {
		out[id] = append(out[id], career.SkillRequirement{Skill: toSkill(t), Importance: career.Importance(rel)})
	})
	return fill(out, known), err
}

// ToolsOf returns each profession's tools, in dataset order.
func (s *Store) ToolsOf(ctx context.Context, ids []string) (map[string][]*career.Tool, error) {
	out := make(map[string][]*career.Tool, len(ids))
	known, err := s.linked(ctx, "tools", ids, toolsOfCypher, func(id string, t map[string]any, _ string) {
		out[id] = append(out[id], toTool(t))
	})
	return fill(out, known), err
}

// TrainingsOf returns the trainings that prepare for each profession, in dataset order.
func (s *Store) TrainingsOf(ctx context.Context, ids []string) (map[string][]*career.Training, error) {
	out := make(map[string][]*career.Training, len(ids))
	known, err := s.linked(ctx, "trainings", ids, trainingsOfCypher, func(id string, t map[string]any, _ string) {
		out[id] = append(out[id], toTraining(t))
	})
	return fill(out, known), err
}

// NextCareers returns the moves out of each profession, in dataset order.
func (s *Store) NextCareers(ctx context.Context, ids []string) (map[string][]career.CareerMove, error) {
	out := make(map[string][]career.CareerMove, len(ids))
	known, err := s.linked(ctx, "next careers", ids, nextCareersCypher, func(id string, t map[string]any, rel string) {
		out[id] = append(out[id], career.CareerMove{Profession: toProfession(t), Kind: career.MoveKind(rel)})
	})
	return fill(out, known), err
}

// PreviousCareers returns the moves into each profession, by the source's (sortKey, ID).
func (s *Store) PreviousCareers(ctx context.Context, ids []string) (map[string][]career.CareerMove, error) {
	out := make(map[string][]career.CareerMove, len(ids))
	known, err := s.linked(ctx, "previous careers", ids, previousCareersCypher, func(id string, t map[string]any, rel string) {
		out[id] = append(out[id], career.CareerMove{Profession: toProfession(t), Kind: career.MoveKind(rel)})
	})
	return fill(out, known), err
}

// previousCareersCypher is the query of linked for the moves into each profession.
const previousCareersCypher = `UNWIND $ids AS id
MATCH (p:Profession {id: id})
RETURN id, COLLECT {
  MATCH (q:Profession)-[e:NEXT]->(p)
  WITH q, e ORDER BY q.sortKey, q.id, e.ord
  RETURN {t: q ` + professionProj + `, rel: e.kind}
} AS ts`

// Specializations returns the professions that specialise each profession, by (sortKey, ID).
func (s *Store) Specializations(ctx context.Context, ids []string) (map[string][]*career.Profession, error) {
	out := make(map[string][]*career.Profession, len(ids))
	known, err := s.linked(ctx, "specializations", ids, specializationsCypher, func(id string, t map[string]any, _ string) {
		out[id] = append(out[id], toProfession(t))
	})
	return fill(out, known), err
}

// specializationsCypher is the query of linked for the specialisations of each profession.
const specializationsCypher = `UNWIND $ids AS id
MATCH (p:Profession {id: id})
RETURN id, COLLECT {
  MATCH (q:Profession)-[:SPECIALIZES]->(p)
  WITH q ORDER BY q.sortKey, q.id
  RETURN {t: q ` + professionProj + `}
} AS ts`

// fill gives every known ID an entry, empty when nothing was linked.
func fill[T any](out map[string][]T, known map[string]bool) map[string][]T {
	for id := range known {
		if out[id] == nil {
			out[id] = []T{}
		}
	}
	return out
}

// ProfessionByCode finds a profession by dataset and code; nil when none.
func (s *Store) ProfessionByCode(ctx context.Context, dataset, code string) (*career.Profession, error) {
	recs, err := s.read(ctx, "profession by code",
		"MATCH (p:Profession {dataset: $dataset, code: $code}) RETURN p "+professionProj+" AS p LIMIT 1",
		map[string]any{"dataset": dataset, "code": code})
	if err != nil || len(recs) == 0 {
		return nil, err
	}
	return toProfession(row{recs[0]}.m("p")), nil
}

// uniq returns ids without repeats, in first-seen order.
func uniq(ids []string) []string {
	seen := make(map[string]bool, len(ids))
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}
