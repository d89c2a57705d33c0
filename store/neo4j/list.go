package neo4jstore

import (
	"context"
	"slices"
	"strings"

	"github.com/careergraph/careergraph/career"
)

// anyProj projects a node of any label: the union of the labels' projections.
const anyProj = "{.id, .dataset, .code, .name, .altNames, .summary, .description, .sector, .tasks, .specializationOf, " +
	".language, .source, .kind, .category, .level, .durationYears, .sortKey}"

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

// run returns the page of the list that page asks for, as projected nodes.
//
// Without text, Neo4j filters, counts, and pages with the keyset (sortKey, id) > cursor,
// fetching first+1 nodes to know whether a page follows. With text, the full-text index gives
// the candidates that pass the other conditions, career.MatchText keeps those the embedded store
// keeps, and the page is cut from them.
func (s *Store) list(ctx context.Context, q listQuery, page career.PageArgs) ([]map[string]any, bool, int, error) {
	cur, err := career.DecodeCursor(page.After)
	if err != nil {
		return nil, false, 0, err
	}
	first := max(page.First, 0)
	if q.text != "" {
		return s.listText(ctx, q, cur, first)
	}
	where := "true"
	if len(q.conds) > 0 {
		where = strings.Join(q.conds, " AND ")
	}
	after := "true"
	if cur != nil {
		q.params["sk"], q.params["cid"] = cur.SortKey, cur.ID
		after = "(n.sortKey > $sk OR (n.sortKey = $sk AND n.id > $cid))"
	}
	q.params["limit"] = first + 1
	recs, err := s.read(ctx, q.what, `
CALL () { MATCH (n:`+q.label+`) WHERE `+where+` RETURN count(n) AS total }
CALL () {
  MATCH (n:`+q.label+`) WHERE `+where+` AND `+after+`
  WITH n ORDER BY n.sortKey, n.id LIMIT $limit
  RETURN collect(n `+projOf(q.label)+`) AS items
}
RETURN total, items`, q.params)
	if err != nil {
		return nil, false, 0, err
	}
	if len(recs) != 1 {
		return nil, false, 0, nil
	}
	w := row{recs[0]}
	items, err := maps(w.list("items"))
	if err != nil {
		return nil, false, 0, err
	}
	more := len(items) > first
	if more {
		items = items[:first]
	}
	return items, more, w.int("total"), nil
}

// listText pages through the nodes that pass the conditions and match q.text.
func (s *Store) listText(ctx context.Context, q listQuery, cur *career.Cursor, first int) ([]map[string]any, bool, int, error) {
	tq, ok := career.ParseTextQuery(q.text)
	if !ok {
		return []map[string]any{}, false, 0, nil
	}
	cands, err := s.fullText(ctx, q.what, tq, []string{q.label}, q.conds, q.params)
	if err != nil {
		return nil, false, 0, err
	}
	var matched []map[string]any
	for _, m := range cands {
		if _, ok := tq.Match(career.PrepareTexts(names(m))); ok {
			matched = append(matched, m)
		}
	}
	slices.SortFunc(matched, func(a, b map[string]any) int {
		return compareKeys(str(a, "sortKey"), str(a, "id"), str(b, "sortKey"), str(b, "id"))
	})
	start := 0
	if cur != nil {
		start, _ = slices.BinarySearchFunc(matched, cur, func(m map[string]any, c *career.Cursor) int {
			if c.After(str(m, "sortKey"), str(m, "id")) {
				return 1
			}
			return -1
		})
	}
	end := min(start+first, len(matched))
	return matched[start:end], end < len(matched), len(matched), nil
}

// fullText returns the projected nodes of the given labels that the full-text index selects
// for tq (a superset of those MatchText accepts) and that pass conds (conditions on `n`).
func (s *Store) fullText(ctx context.Context, what string, tq *career.TextQuery, labels, conds []string, params map[string]any) ([]map[string]any, error) {
	p := make(map[string]any, len(params)+3)
	for k, v := range params {
		p[k] = v
	}
	p["index"] = FullTextIndex
	p["query"] = tq.FullText()
	p["labels"] = labels
	where := "any(l IN labels(n) WHERE l IN $labels)"
	if len(conds) > 0 {
		where += " AND " + strings.Join(conds, " AND ")
	}
	recs, err := s.read(ctx, what, `
CALL db.index.fulltext.queryNodes($index, $query) YIELD node AS n
WITH n WHERE `+where+`
RETURN n `+anyProj+` AS n`, p)
	if err != nil {
		return nil, err
	}
	out := make([]map[string]any, 0, len(recs))
	for _, r := range recs {
		out = append(out, row{r}.m("n"))
	}
	return out, nil
}

// names returns a projected node's name followed by its alternative names: what MatchText
// scores.
func names(m map[string]any) []string {
	return append([]string{str(m, "name")}, strs(m, "altNames")...)
}

// compareKeys orders by sort key, then ID: the order of every list.
func compareKeys(sortKeyA, idA, sortKeyB, idB string) int {
	if c := strings.Compare(sortKeyA, sortKeyB); c != 0 {
		return c
	}
	return strings.Compare(idA, idB)
}

// ListProfessions pages through the professions that pass the filter, by name.
func (s *Store) ListProfessions(ctx context.Context, f career.ProfessionFilter, page career.PageArgs) (*career.Page[*career.Profession], error) {
	q := listQuery{what: "list professions", label: "Profession", params: map[string]any{}, text: f.Text}
	q.filter(f.Dataset, "dataset", "n.dataset = $dataset")
	q.filter(f.Sector, "sector", "n.sector = $sector")
	q.filter(f.SkillID, "skill", "EXISTS { (n)-[:REQUIRES]->(:Skill {id: $skill}) }")
	q.filter(f.ToolID, "tool", "EXISTS { (n)-[:USES]->(:Tool {id: $tool}) }")
	items, more, total, err := s.list(ctx, q, page)
	return pageOf(items, more, total, err, toProfession)
}

// ListSkills pages through the skills that pass the filter, by name.
func (s *Store) ListSkills(ctx context.Context, f career.SkillFilter, page career.PageArgs) (*career.Page[*career.Skill], error) {
	q := listQuery{what: "list skills", label: "Skill", params: map[string]any{}, text: f.Text}
	q.filter(f.Dataset, "dataset", "n.dataset = $dataset")
	q.filter(string(f.Kind), "kind", "n.kind = $kind")
	items, more, total, err := s.list(ctx, q, page)
	return pageOf(items, more, total, err, toSkill)
}

// ListTools pages through the tools that pass the filter, by name.
func (s *Store) ListTools(ctx context.Context, f career.ToolFilter, page career.PageArgs) (*career.Page[*career.Tool], error) {
	q := listQuery{what: "list tools", label: "Tool", params: map[string]any{}, text: f.Text}
	q.filter(f.Dataset, "dataset", "n.dataset = $dataset")
	q.filter(f.Category, "category", "n.category = $category")
	items, more, total, err := s.list(ctx, q, page)
	return pageOf(items, more, total, err, toTool)
}

// ListTrainings pages through the trainings that pass the filter, by name.
func (s *Store) ListTrainings(ctx context.Context, f career.TrainingFilter, page career.PageArgs) (*career.Page[*career.Training], error) {
	q := listQuery{what: "list trainings", label: "Training", params: map[string]any{}, text: f.Text}
	q.filter(f.Dataset, "dataset", "n.dataset = $dataset")
	q.filter(string(f.Level), "level", "n.level = $level")
	items, more, total, err := s.list(ctx, q, page)
	return pageOf(items, more, total, err, toTraining)
}

// pageOf converts list's results into a page of domain values.
func pageOf[T any](items []map[string]any, more bool, total int, err error, conv func(map[string]any) *T) (*career.Page[*T], error) {
	if err != nil {
		return nil, err
	}
	p := &career.Page[*T]{Items: make([]*T, 0, len(items)), HasNextPage: more, TotalCount: total}
	for _, m := range items {
		p.Items = append(p.Items, conv(m))
	}
	return p, nil
}

// kindLabels maps the API's node kinds to labels.
var kindLabels = map[career.Kind]string{
	career.KindProfession: "Profession",
	career.KindSkill:      "Skill",
	career.KindTool:       "Tool",
	career.KindTraining:   "Training",
}

// Search ranks the nodes whose names match q.Text: score descending, then name, then ID. The
// full-text index selects candidates in Neo4j; career.MatchText scores them, as in the
// embedded store.
func (s *Store) Search(ctx context.Context, q career.SearchQuery) ([]career.SearchHit, error) {
	out := []career.SearchHit{}
	tq, ok := career.ParseTextQuery(q.Text)
	if !ok {
		return out, nil
	}
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
	cands, err := s.fullText(ctx, "search", tq, labels, conds, params)
	if err != nil {
		return nil, err
	}
	type scored struct {
		hit     career.SearchHit
		sortKey string
		id      string
	}
	hits := make([]scored, 0, len(cands))
	for _, m := range cands {
		score, ok := tq.Match(career.PrepareTexts(names(m)))
		if !ok {
			continue
		}
		node, kind := toNode(m)
		if node == nil {
			continue
		}
		hits = append(hits, scored{career.SearchHit{Node: node, Kind: kind, Score: score}, str(m, "sortKey"), str(m, "id")})
	}
	slices.SortFunc(hits, func(a, b scored) int {
		if a.hit.Score != b.hit.Score {
			if a.hit.Score > b.hit.Score {
				return -1
			}
			return 1
		}
		return compareKeys(a.sortKey, a.id, b.sortKey, b.id)
	})
	for i := 0; i < len(hits) && i < q.First; i++ {
		out = append(out, hits[i].hit)
	}
	return out, nil
}
