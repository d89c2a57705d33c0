package neo4jstore

import (
	"context"
	"strconv"
	"strings"
	"sync"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/textsearch"
)

// anyProj projects a node of any label: the union of the labels' projections.
const anyProj = "{.id, .dataset, .code, .name, .altNames, .summary, .description, .sector, .tasks, .specializationOf, " +
	".language, .source, .kind, .category, .level, .durationYears, .broader, .sortKey, .otherNames}"

// listQuery is a filtered list of nodes of one label: conds are Cypher conditions on `n` that
// use parameters only.
type listQuery struct {
	what   string
	label  string
	conds  []string
	params map[string]any
	text   string
}

// filter adds a condition and its parameter when value is not empty.
func (q *listQuery) filter(value, param, cond string) {
	if value == "" {
		return
	}
	q.conds = append(q.conds, cond)
	q.params[param] = value
}

// cypher returns the query of the page of the list the window w asks for (see keyset: one
// item more than the page, to know whether more lie beyond it), each item returned as the
// expression item of `n` (such as a map projection), and sets the parameters it adds. It
// returns one record: the list's total and its items.
func (q *listQuery) cypher(w career.Window, item string) string {
	where := "true"
	if len(q.conds) > 0 {
		where = strings.Join(q.conds, " AND ")
	}
	within, order := keyset("n", w, q.params)
	// Two subquery expressions in one row: no cartesian product of two subqueries' rows.
	return `
RETURN COUNT { MATCH (n:` + q.label + `) WHERE ` + where + ` } AS total,
  COLLECT {
    MATCH (n:` + q.label + `) WHERE ` + where + ` AND ` + within + `
    WITH n ORDER BY ` + order + ` LIMIT $limit
    RETURN ` + item + `
  } AS items`
}

// run returns the page of the list that page asks for, as projected nodes.
//
// Without text, Neo4j filters, counts, and pages with the keyset (sortKey, id) between the
// cursors (see keyset), fetching one node more than the page to know whether more follow. With text, the full-text index gives
// the candidates that pass the other conditions, textsearch.MatchText keeps those the embedded store
// keeps, and the page is cut from them.
func (s *Store) list(ctx context.Context, q listQuery, page career.PageArgs) (career.Page[map[string]any], error) {
	win, err := page.Window()
	if err != nil {
		return career.Page[map[string]any]{}, err
	}
	if q.text != "" {
		return s.listText(ctx, q, win)
	}
	recs, err := s.read(ctx, q.what, q.cypher(win, "n "+projOf(q.label)), q.params)
	if err != nil {
		return career.Page[map[string]any]{}, err
	}
	if len(recs) != 1 {
		return career.Page[map[string]any]{}, nil
	}
	w := row{recs[0]}
	items, err := maps(w.list("items"))
	if err != nil {
		return career.Page[map[string]any]{}, err
	}
	return career.TrimPage(items, page, w.int("total")), nil
}

// listText pages through the nodes that pass the conditions and match q.text.
func (s *Store) listText(ctx context.Context, q listQuery, win career.Window) (career.Page[map[string]any], error) {
	tq, ok := textsearch.ParseQuery(q.text)
	if !ok {
		return career.Page[map[string]any]{Items: []map[string]any{}}, nil
	}
	var pg career.Page[map[string]any]
	items, err := s.textSearch(ctx, q.what, tq, []string{q.label}, q.conds, q.params, win.Page.Size(), func(cands []map[string]any) []map[string]any {
		var matched []map[string]any
		for _, m := range cands {
			if _, ok := tq.Match(s.texts.prepare(names(m))); ok {
				matched = append(matched, m)
			}
		}
		career.SortByKeys(matched, listKey)
		pg = career.CutPage(matched, listKey, win)
		return pg.Items
	})
	if err != nil {
		return career.Page[map[string]any]{}, err
	}
	pg.Items = items
	return pg, nil
}

// listKey is the (sort key, ID) of a projected node, the keys of career.CompareKeys.
func listKey(m map[string]any) (sortKey, id string) { return str(m, "sortKey"), str(m, "id") }

// slimAbove is how many candidates, beyond those an answer shows, a full-text search sends
// with all their properties. With more, Neo4j sends only what scoring and ordering read (ID,
// names, sort key) and a second query fetches the properties of the nodes the answer shows:
// for a prefix matching thousands of names, that halves the work of Neo4j and of the driver.
const slimAbove = 100

// textSearch runs the full-text query for tq (see fullText), has pick choose among the
// candidates the nodes the answer shows (scoring every candidate: none is left out before),
// and returns them with all their properties: in one round trip when there are at most
// first+slimAbove candidates, else in two. Should a chosen node be gone by the second query (a
// load committed in between), the search runs again in one query.
func (s *Store) textSearch(ctx context.Context, what string, tq *textsearch.Query, labels, conds []string, params map[string]any, first int, pick func(cands []map[string]any) []map[string]any) ([]map[string]any, error) {
	fullMax := first + slimAbove
	for {
		cands, full, err := s.fullText(ctx, what, tq, labels, conds, params, fullMax)
		if err != nil {
			return nil, err
		}
		chosen := pick(cands)
		if full {
			return chosen, nil
		}
		found, err := s.complete(ctx, what, chosen)
		if err != nil || found {
			return chosen, err
		}
		fullMax = -1
	}
}

// slimProj is what a full-text search sends of each candidate when there are many: what
// scoring (names) and ordering (sortKey, id) read.
const slimProj = "{.id, .name, .altNames, .sortKey, .otherNames}"

// fullText returns the nodes of the given labels that the full-text index selects for tq (a
// superset of those textsearch.MatchText accepts) and that pass conds (conditions on `n`), projected with
// anyProj when there are at most fullMax of them (or fullMax < 0), else with slimProj; full says
// which.
func (s *Store) fullText(ctx context.Context, what string, tq *textsearch.Query, labels, conds []string, params map[string]any, fullMax int) (cands []map[string]any, full bool, err error) {
	p := make(map[string]any, len(params)+4)
	for k, v := range params {
		p[k] = v
	}
	p["index"] = FullTextIndex
	p["query"] = luceneQuery(tq)
	p["labels"] = labels
	p["fullMax"] = fullMax
	where := "any(l IN labels(n) WHERE l IN $labels)"
	if len(conds) > 0 {
		where += " AND " + strings.Join(conds, " AND ")
	}
	// One record holding every candidate: Neo4j and the driver handle one large record much
	// faster than many small ones.
	recs, err := s.read(ctx, what, `
CALL db.index.fulltext.queryNodes($index, $query) YIELD node AS n
WITH n WHERE `+where+`
WITH collect(n) AS ns
WITH ns, $fullMax < 0 OR size(ns) <= $fullMax AS full
RETURN full, CASE WHEN full THEN [n IN ns | n `+anyProj+`] ELSE [n IN ns | n `+slimProj+`] END AS ns`, p)
	if err != nil {
		return nil, false, err
	}
	w, err := one(recs)
	if err != nil {
		return nil, false, err
	}
	cands, err = maps(w.list("ns"))
	return cands, w.bool("full"), err
}

// completeCypher returns the nodes of any label with the given IDs, projected with anyProj.
const completeCypher = `
UNWIND $ids AS id
CALL (id) {
  MATCH (n:Profession {id: id}) RETURN n
  UNION
  MATCH (n:Skill {id: id}) RETURN n
  UNION
  MATCH (n:Tool {id: id}) RETURN n
  UNION
  MATCH (n:Training {id: id}) RETURN n
  UNION
  MATCH (n:OccupationGroup {id: id}) RETURN n
}
RETURN collect(n ` + anyProj + `) AS ns`

// complete replaces the slim projections ms (by slimProj) with full ones (by anyProj), in
// place, in one query. It reports false when a node is no longer there.
func (s *Store) complete(ctx context.Context, what string, ms []map[string]any) (bool, error) {
	if len(ms) == 0 {
		return true, nil
	}
	ids := make([]string, len(ms))
	for i, m := range ms {
		ids[i] = str(m, "id")
	}
	recs, err := s.read(ctx, what, completeCypher, map[string]any{"ids": uniq(ids)})
	if err != nil {
		return false, err
	}
	w, err := one(recs)
	if err != nil {
		return false, err
	}
	nodes, err := maps(w.list("ns"))
	if err != nil {
		return false, err
	}
	byID := make(map[string]map[string]any, len(nodes))
	for _, n := range nodes {
		byID[str(n, "id")] = n
	}
	for _, m := range ms {
		n, ok := byID[str(m, "id")]
		if !ok {
			return false, nil
		}
		clear(m)
		for k, v := range n {
			m[k] = v
		}
	}
	return true, nil
}

// names returns a projected node's name followed by its alternative names and its names in
// other languages (otherNames): what textsearch.MatchText scores.
func names(m map[string]any) []string {
	return append(append([]string{str(m, "name")}, strs(m, "altNames")...), strs(m, "otherNames")...)
}

// maxPreparedTexts bounds the entries of a preparedTexts (all the nodes of the four real
// datasets, about 82,000, take about 30 MB).
const maxPreparedTexts = 1 << 17

// preparedTexts caches textsearch.PrepareTexts by the texts themselves (a node's name and
// alternative names): folding and expanding the names of every candidate of a search costs far
// more than matching them, and a prefix search can have thousands of candidates. Keyed by
// content, an entry is never stale: a renamed node has another key. When full, the cache starts
// afresh. Safe for concurrent use; the zero value is ready.
type preparedTexts struct {
	mu sync.RWMutex
	m  map[string]*textsearch.PreparedTexts
}

// prepare returns textsearch.PrepareTexts(texts), from the cache when it holds it.
func (c *preparedTexts) prepare(texts []string) *textsearch.PreparedTexts {
	n := 0
	for _, t := range texts {
		n += len(t) + 8
	}
	key := make([]byte, 0, n)
	for _, t := range texts {
		// Length-prefixed, so that different lists never share a key.
		key = strconv.AppendInt(key, int64(len(t)), 10)
		key = append(key, ':')
		key = append(key, t...)
	}
	c.mu.RLock()
	p, ok := c.m[string(key)] // no copy of key for a lookup
	c.mu.RUnlock()
	if ok {
		return p
	}
	p = textsearch.PrepareTexts(texts)
	c.mu.Lock()
	if c.m == nil || len(c.m) >= maxPreparedTexts {
		c.m = make(map[string]*textsearch.PreparedTexts)
	}
	c.m[string(key)] = p
	c.mu.Unlock()
	return p
}

// ListProfessions pages through the professions that pass the filter, by name.
func (s *Store) ListProfessions(ctx context.Context, f career.ProfessionFilter, page career.PageArgs) (*career.Page[*career.Profession], error) {
	pg, err := s.list(ctx, professionList(f), page)
	return pageOf(pg, err, toProfession)
}

// professionList is the list query of the professions that pass the filter: conditions on `n`.
func professionList(f career.ProfessionFilter) listQuery {
	q := listQuery{what: "list professions", label: "Profession", params: map[string]any{}, text: f.Text}
	q.filter(f.Dataset, "dataset", "n.dataset = $dataset")
	q.filter(f.Sector, "sector", "n.sector = $sector")
	q.filter(f.SkillID, "skill", "EXISTS { (n)-[:REQUIRES]->(:Skill {id: $skill}) }")
	q.filter(f.ToolID, "tool", "EXISTS { (n)-[:USES]->(:Tool {id: $tool}) }")
	return q
}

// ListSkills pages through the skills that pass the filter, by name.
func (s *Store) ListSkills(ctx context.Context, f career.SkillFilter, page career.PageArgs) (*career.Page[*career.Skill], error) {
	q := listQuery{what: "list skills", label: "Skill", params: map[string]any{}, text: f.Text}
	q.filter(f.Dataset, "dataset", "n.dataset = $dataset")
	q.filter(string(f.Kind), "kind", "n.kind = $kind")
	pg, err := s.list(ctx, q, page)
	return pageOf(pg, err, toSkill)
}

// ListTools pages through the tools that pass the filter, by name.
func (s *Store) ListTools(ctx context.Context, f career.ToolFilter, page career.PageArgs) (*career.Page[*career.Tool], error) {
	q := listQuery{what: "list tools", label: "Tool", params: map[string]any{}, text: f.Text}
	q.filter(f.Dataset, "dataset", "n.dataset = $dataset")
	q.filter(f.Category, "category", "n.category = $category")
	pg, err := s.list(ctx, q, page)
	return pageOf(pg, err, toTool)
}

// ListTrainings pages through the trainings that pass the filter, by name.
func (s *Store) ListTrainings(ctx context.Context, f career.TrainingFilter, page career.PageArgs) (*career.Page[*career.Training], error) {
	q := listQuery{what: "list trainings", label: "Training", params: map[string]any{}, text: f.Text}
	q.filter(f.Dataset, "dataset", "n.dataset = $dataset")
	q.filter(string(f.Level), "level", "n.level = $level")
	pg, err := s.list(ctx, q, page)
	return pageOf(pg, err, toTraining)
}

// pageOf converts list's results into a page of domain values.
func pageOf[T any](pg career.Page[map[string]any], err error, conv func(map[string]any) *T) (*career.Page[*T], error) {
	if err != nil {
		return nil, err
	}
	p := &career.Page[*T]{Items: make([]*T, 0, len(pg.Items)), HasNextPage: pg.HasNextPage, HasPreviousPage: pg.HasPreviousPage,
		TotalCount: pg.TotalCount}
	for _, m := range pg.Items {
		p.Items = append(p.Items, conv(m))
	}
	return p, nil
}

// ProfessionsLinkedTo returns, for each skill, tool or training ID, one page of the professions
// that require, use or are prepared by it, by (sortKey, ID), in one query: each target's
// professions are counted, and the page is those after the cursor, first+1 fetched to know
// whether another page follows. Unknown IDs are left out.
func (s *Store) ProfessionsLinkedTo(ctx context.Context, targetIDs []string, importance career.Importance, page career.PageArgs) (map[string]*career.Page[*career.Profession], error) {
	out := make(map[string]*career.Page[*career.Profession], len(targetIDs))
	w, err := page.Window()
	if err != nil {
		return nil, err
	}
	if len(targetIDs) == 0 {
		return out, nil
	}
	params := map[string]any{"ids": uniq(targetIDs), "imp": nil}
	if importance != "" {
		params["imp"] = string(importance)
	}
	within, order := keyset("p", w, params)
	recs, err := s.read(ctx, "professions linked to", `
UNWIND $ids AS tid
CALL (tid) {
  MATCH (t:Skill {id: tid}) RETURN t
  UNION
  MATCH (t:Tool {id: tid}) RETURN t
  UNION
  MATCH (t:Training {id: tid}) RETURN t
}
CALL (t) {
  OPTIONAL MATCH (p:Profession)-[e:REQUIRES|USES|TRAINED_BY]->(t)
  WHERE $imp IS NULL OR NOT t:Skill OR e.importance = $imp
  RETURN count(p) AS total
}
CALL (t) {
  OPTIONAL MATCH (p:Profession)-[e:REQUIRES|USES|TRAINED_BY]->(t)
  WHERE ($imp IS NULL OR NOT t:Skill OR e.importance = $imp) AND `+within+`
  WITH p ORDER BY `+order+` LIMIT $limit
  RETURN collect(p `+professionProj+`) AS ps
}
RETURN tid, total, ps`, params)
	if err != nil {
		return nil, err
	}
	return pagesByID(recs, "tid", "ps", page, toProfession)
}

// kindLabels maps the API's node kinds to labels.
var kindLabels = map[career.Kind]string{
	career.KindProfession: "Profession",
	career.KindSkill:      "Skill",
	career.KindTool:       "Tool",
	career.KindTraining:   "Training",
	career.KindGroup:      groupLabel,
}

// Search ranks the nodes whose names match q.Text: score descending, then name, then ID. The
// full-text index selects candidates in Neo4j; textsearch.MatchText scores them, as in the
// embedded store.
func (s *Store) Search(ctx context.Context, q career.SearchQuery) ([]career.SearchHit, error) {
	out := []career.SearchHit{}
	tq, ok := textsearch.ParseQuery(q.Text)
	if !ok {
		return out, nil
	}
	tq = tq.WithTypos()
	labels := nodeLabels
	if len(q.Kinds) > 0 {
		labels = nil
		for _, k := range q.Kinds {
			if l, ok := kindLabels[k]; ok {
				labels = append(labels, l)
			}
		}
	}
	var conds []string
	params := map[string]any{}
	if q.Dataset != "" {
		conds = append(conds, "n.dataset = $dataset")
		params["dataset"] = q.Dataset
	}
	type scored struct {
		m    map[string]any
		rank career.Ranked
		typo bool
	}
	var top []scored
	chosen, err := s.textSearch(ctx, "search", tq, labels, conds, params, max(q.First, 0), func(cands []map[string]any) []map[string]any {
		hits := make([]scored, 0, len(cands))
		for _, m := range cands {
			if _, ok := kindLabels[career.KindOf(str(m, "id"))]; !ok {
				continue // not a node of the graph (toNode knows none other)
			}
			if score, typo, ok := tq.MatchTypo(s.texts.prepare(names(m))); ok {
				hits = append(hits, scored{m, career.Ranked{Score: score, SortKey: str(m, "sortKey"), ID: str(m, "id")}, typo})
			}
		}
		hits = textsearch.TyposIfNone(hits, func(h scored) bool { return h.typo })
		career.SortRanked(hits, func(h scored) career.Ranked { return h.rank })
		top = hits[:max(min(q.First, len(hits)), 0)]
		out := make([]map[string]any, len(top))
		for i, h := range top {
			out[i] = h.m
		}
		return out
	})
	if err != nil {
		return nil, err
	}
	for i, m := range chosen {
		node, kind := toNode(m)
		out = append(out, career.SearchHit{Node: node, Kind: kind, Score: top[i].rank.Score})
	}
	return out, nil
}

// pagesByID decodes records of `<idKey>, total, <listKey>` (one page of nodes per ID, read with
// one node more than the page, as keyset orders them) into the pages career.TrimPage cuts for
// page, each node turned by conv.
func pagesByID[T any](recs []*neo4j.Record, idKey, listKey string, page career.PageArgs, conv func(map[string]any) T) (map[string]*career.Page[T], error) {
	out := make(map[string]*career.Page[T], len(recs))
	for _, r := range recs {
		w := row{r}
		ms, err := maps(w.list(listKey))
		if err != nil {
			return nil, err
		}
		cut := career.TrimPage(ms, page, w.int("total"))
		pg := &career.Page[T]{Items: make([]T, len(cut.Items)), HasNextPage: cut.HasNextPage, HasPreviousPage: cut.HasPreviousPage,
			TotalCount: cut.TotalCount}
		for i, m := range cut.Items {
			pg.Items[i] = conv(m)
		}
		out[w.str(idKey)] = pg
	}
	return out, nil
}
