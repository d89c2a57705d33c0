package neo4jstore

import (
	"context"

	"github.com/careergraph/careergraph/career"
)

// Interest codes, work contexts and texts in other languages are properties of the nodes they
// belong to, set by the nodes' own load step (so a reload replaces them with the nodes):
//   - riasec (Profession): the interest code, indexed for matchInterests;
//   - workContexts (Profession): the work contexts, in dataset order;
//   - textLangs, textNames, textSummaries, textDescriptions (Profession, Skill): the texts in
//     other languages, one item per language in the dataset's order ("" where a text is
//     missing);
//   - otherNames (Profession, Skill): career.SearchNames of those texts, which search scores
//     as alternative names (see names) and searchText holds.

// nodeExtras are the properties above, by node ID, for a dataset's load.
type nodeExtras struct {
	codes    map[string]string
	contexts map[string][]string
	texts    map[string][]career.Text
}

// newNodeExtras gathers a dataset's interest codes, work contexts and texts by node.
func newNodeExtras(d *career.Dataset) nodeExtras {
	x := nodeExtras{codes: map[string]string{}, contexts: map[string][]string{}, texts: map[string][]career.Text{}}
	for _, in := range d.Interests {
		x.codes[in.ProfessionID] = in.Code
	}
	for _, c := range d.WorkContexts {
		x.contexts[c.ProfessionID] = append(x.contexts[c.ProfessionID], c.Text)
	}
	for _, t := range d.Texts {
		x.texts[t.NodeID] = append(x.texts[t.NodeID], t)
	}
	return x
}

// searchNames returns the names search matches for a node: its name, its alternative names,
// then its names in other languages.
func (x nodeExtras) searchNames(id, name string, alts []string) []string {
	return append(append([]string{name}, alts...), career.SearchNames(x.texts[id])...)
}

// set adds the node's extra properties to its load row m.
func (x nodeExtras) set(m map[string]any, id string) {
	if c, ok := x.codes[id]; ok {
		m["riasec"] = c
	}
	if cs, ok := x.contexts[id]; ok {
		m["workContexts"] = cs
	}
	ts := x.texts[id]
	if len(ts) == 0 {
		return
	}
	langs, names, summaries, descs := make([]string, len(ts)), make([]string, len(ts)), make([]string, len(ts)), make([]string, len(ts))
	for i, t := range ts {
		langs[i], names[i], summaries[i], descs[i] = t.Lang, t.Name, t.Summary, t.Description
	}
	m["textLangs"], m["textNames"], m["textSummaries"], m["textDescriptions"] = langs, names, summaries, descs
	if other := career.SearchNames(ts); len(other) > 0 {
		m["otherNames"] = other
	}
}

// Interests returns each profession's interest code.
func (s *Store) Interests(ctx context.Context, professionIDs []string) (map[string]string, error) {
	out := make(map[string]string, len(professionIDs))
	if len(professionIDs) == 0 {
		return out, nil
	}
	recs, err := s.read(ctx, "interests",
		"UNWIND $ids AS id MATCH (n:Profession {id: id}) WHERE n.riasec IS NOT NULL RETURN id, n.riasec AS code",
		map[string]any{"ids": uniq(professionIDs)})
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		w := row{r}
		out[w.str("id")] = w.str("code")
	}
	return out, nil
}

// WorkContexts returns each profession's work contexts, in dataset order.
func (s *Store) WorkContexts(ctx context.Context, professionIDs []string) (map[string][]string, error) {
	out := make(map[string][]string, len(professionIDs))
	if len(professionIDs) == 0 {
		return out, nil
	}
	recs, err := s.read(ctx, "work contexts",
		"UNWIND $ids AS id MATCH (n:Profession {id: id}) WHERE n.workContexts IS NOT NULL RETURN id, n.workContexts AS cs",
		map[string]any{"ids": uniq(professionIDs)})
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		w := row{r}
		out[w.str("id")] = strsOf(w.val("cs"))
	}
	return out, nil
}

// textsCypher returns the texts in other languages of the professions and skills with the
// given IDs.
const textsCypher = `
UNWIND $ids AS id
CALL (id) {
  MATCH (n:Profession {id: id}) RETURN n
  UNION
  MATCH (n:Skill {id: id}) RETURN n
}
WITH id, n WHERE n.textLangs IS NOT NULL
RETURN id, n.textLangs AS langs, n.textNames AS names, n.textSummaries AS summaries, n.textDescriptions AS descs`

// Texts returns each node's texts in its other languages.
func (s *Store) Texts(ctx context.Context, ids []string) (map[string][]career.Text, error) {
	out := make(map[string][]career.Text, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	recs, err := s.read(ctx, "texts", textsCypher, map[string]any{"ids": uniq(ids)})
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		w := row{r}
		id := w.str("id")
		langs, names, summaries, descs := strsOf(w.val("langs")), strsOf(w.val("names")), strsOf(w.val("summaries")), strsOf(w.val("descs"))
		ts := make([]career.Text, len(langs))
		for i, l := range langs {
			ts[i] = career.Text{NodeID: id, Lang: l, Name: at(names, i), Summary: at(summaries, i), Description: at(descs, i)}
		}
		out[id] = ts
	}
	return out, nil
}

// at returns l[i], "" when l is shorter.
func at(l []string, i int) string {
	if i < len(l) {
		return l[i]
	}
	return ""
}

// matchInterestsCypher reads, in (sortKey, ID) order, at most $limit professions whose interest
// code is one of $codes (an index seek on riasec), of one dataset or all ("").
const matchInterestsCypher = `
MATCH (n:Profession) WHERE n.riasec IN $codes AND ($dataset = '' OR n.dataset = $dataset)
WITH n ORDER BY n.sortKey, n.id LIMIT $limit
RETURN n ` + professionProj + ` AS n`

// MatchInterests ranks professions by career.RiasecScore: one query per career.InterestLevels
// level, best first, until it has enough professions.
func (s *Store) MatchInterests(ctx context.Context, q career.InterestQuery) ([]career.ProfessionMatch, error) {
	out := []career.ProfessionMatch{}
	for _, level := range career.InterestLevels(q.Code) {
		if len(out) == q.First {
			break
		}
		recs, err := s.read(ctx, "matchInterests", matchInterestsCypher,
			map[string]any{"codes": level.Codes, "dataset": q.Dataset, "limit": q.First - len(out)})
		if err != nil {
			return nil, err
		}
		ps := make([]*career.Profession, 0, len(recs))
		keys := map[*career.Profession]string{}
		for _, r := range recs {
			m := row{r}.m("n")
			p := toProfession(m)
			keys[p] = str(m, "sortKey")
			ps = append(ps, p)
		}
		// Cypher orders strings by code point as CompareKeys does; sorted again so that the
		// order is career's by construction.
		career.SortByKeys(ps, func(p *career.Profession) (string, string) { return keys[p], p.ID })
		for _, p := range ps {
			out = append(out, career.ProfessionMatch{Profession: p, Score: level.Score, Matched: []*career.Skill{}, Missing: []*career.Skill{}})
		}
	}
	return out, nil
}

// interestStats counts the interest codes, work contexts and texts of one dataset ("" for all).
func (s *Store) interestStats(ctx context.Context, dataset string, st *career.Stats) error {
	recs, err := s.read(ctx, "stats", `
MATCH (n) WHERE (n:Profession OR n:Skill) AND ($dataset = '' OR n.dataset = $dataset)
  AND (n.riasec IS NOT NULL OR n.workContexts IS NOT NULL OR n.textLangs IS NOT NULL)
RETURN count(n.riasec) AS interests, sum(size(coalesce(n.workContexts, []))) AS contexts,
       sum(size(coalesce(n.textLangs, []))) AS texts`, map[string]any{"dataset": dataset})
	if err != nil {
		return err
	}
	w, err := one(recs)
	if err != nil {
		return err
	}
	st.Interests, st.WorkContexts, st.Texts = w.int("interests"), w.int("contexts"), w.int("texts")
	return nil
}
