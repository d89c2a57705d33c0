package neo4jstore

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/careergraph/careergraph/career"
)

// This file compiles a career.ReadPlan into one Cypher statement: the root nodes found by their
// indexed ID (or code, or the list's keyset page), and for each relation list a COLLECT (or,
// for a page, COUNT and COLLECT) subquery nested in the node's map projection, ordered as the
// per-field methods order (by the link's ord, or by sortKey then id), with every filter in the
// statement as a parameter. Each node is returned as a list of values, in the order the node
// plan gives (the properties it reads, see nodeReads: its ID and name only when selected or
// when a page's cursor needs them; the link's property; the lists): no keys to send and to
// hydrate into a map per node, as a hand-written statement returns. A read
// by ID or by code returns one record per node found, streamed as Neo4j finds them (a root
// collect() would be an EagerAggregation holding the whole answer before its first byte goes
// out); a page of professions one record of its total and its items. The text depends only on
// the plan's shape, never on its values, and is cached by shape, so that Neo4j's plan cache
// stays warm too.

var _ career.PlanReader = (*Store)(nil)

// planProps are the stored names of the plan's properties.
var planProps = map[career.Property]string{
	career.PropID:               "id",
	career.PropDataset:          "dataset",
	career.PropCode:             "code",
	career.PropName:             "name",
	career.PropAlternativeNames: "altNames",
	career.PropSummary:          "summary",
	career.PropDescription:      "description",
	career.PropSector:           "sector",
	career.PropTasks:            "tasks",
	career.PropSpecializationOf: "specializationOf",
	career.PropLanguage:         "language",
	career.PropSource:           "source",
	career.PropSkillKind:        "kind",
	career.PropCategory:         "category",
	career.PropLevel:            "level",
	career.PropDurationYears:    "durationYears",
}

// professionsRel is the relationship from a profession to the skill, tool or training of
// RelProfessions.
var professionsRel = map[career.Kind]string{
	career.KindSkill:    "REQUIRES",
	career.KindTool:     "USES",
	career.KindTraining: "TRAINED_BY",
}

// linkProps are the link's property an item of a relation carries (a requirement's
// importance, a move's kind), for the relations that have one.
var linkProps = map[career.Relation]string{
	career.RelSkills:          "importance",
	career.RelNextCareers:     "kind",
	career.RelPreviousCareers: "kind",
}

// ReadPlan answers a read plan with one Cypher statement, in one auto-commit read.
func (s *Store) ReadPlan(ctx context.Context, p *career.ReadPlan) (*career.PlanResult, error) {
	if err := p.Check(); err != nil {
		return nil, err
	}
	cypher, params, err := s.compilePlan(p)
	if err != nil {
		return nil, err
	}
	recs, err := s.read(ctx, "read plan", cypher, params)
	if err != nil {
		return nil, err
	}
	out := &career.PlanResult{}
	if p.Root.Kind != career.RootProfessions {
		return out, decodeRoots(out, recs, p)
	}
	w, err := one(recs)
	if err != nil {
		return nil, err
	}
	items := w.list("items")
	pg := career.TrimPage(items, p.Root.Page, w.int("total"))
	out.HasNextPage, out.TotalCount = pg.HasNextPage, pg.TotalCount
	out.Roots = make([]*career.PlanNode, len(pg.Items))
	for i, v := range pg.Items {
		if out.Roots[i], err = decodePlanNode(v, p.Node, p.Root.NodeKind, "", nodeReads(p.Node, true)); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// decodeRoots sets the roots of out, the answer of a plan by ID or by code, from its records:
// one per node found, its projection the record's only value, or for a plan by ID the ID it
// was found by and its projection (see compilePlan).
func decodeRoots(out *career.PlanResult, recs []*neo4j.Record, p *career.ReadPlan) error {
	if p.Root.Kind == career.RootByCode {
		out.Roots = make([]*career.PlanNode, 1)
		if len(recs) == 0 {
			return nil
		}
		n, err := decodePlanNode(recs[0].Values[0], p.Node, p.Root.NodeKind, "", nodeReads(p.Node, false))
		out.Roots[0] = n
		return err
	}
	reads := withoutID(nodeReads(p.Node, false))
	byID := make(map[string]*career.PlanNode, len(recs))
	for _, rec := range recs {
		if len(rec.Values) != 2 {
			return fmt.Errorf("neo4j: read plan: want an ID and a node, got %d values", len(rec.Values))
		}
		id := strOf(rec.Values[0])
		n, err := decodePlanNode(rec.Values[1], p.Node, p.Root.NodeKind, "", reads)
		if err != nil {
			return err
		}
		setID(n.Node, id)
		byID[id] = n
	}
	out.Roots = make([]*career.PlanNode, len(p.Root.IDs))
	for i, id := range p.Root.IDs {
		out.Roots[i] = byID[id]
	}
	return nil
}

// planCache holds the compiled text of each plan shape.
type planCache struct {
	mu sync.RWMutex
	m  map[string]string
}

// maxPlanShapes bounds the shapes a planCache keeps; when full, it starts afresh.
const maxPlanShapes = 1024

// plans is the compiled text of every plan shape seen, shared by the stores of the process (the
// text depends on the shape alone).
var plans planCache

// text returns the compiled text of the shape, compiling it with compile on a miss.
func (c *planCache) text(shape string, compile func() string) string {
	c.mu.RLock()
	t, ok := c.m[shape]
	c.mu.RUnlock()
	if ok {
		return t
	}
	t = compile()
	c.mu.Lock()
	if c.m == nil || len(c.m) >= maxPlanShapes {
		c.m = make(map[string]string)
	}
	c.m[shape] = t
	c.mu.Unlock()
	return t
}

// compilePlan returns the statement of a checked plan and its parameters.
func (s *Store) compilePlan(p *career.ReadPlan) (string, map[string]any, error) {
	params := map[string]any{}
	if err := planParams(p.Node, p.Root.NodeKind, "p", params); err != nil {
		return "", nil, err
	}
	label := kindLabels[p.Root.NodeKind]
	var shape strings.Builder
	shape.WriteString(string(p.Root.Kind) + " " + label + " ")
	writeShape(&shape, p.Node)
	switch p.Root.Kind {
	case career.RootByID:
		params["ids"] = uniq(p.Root.IDs)
		return plans.text(shape.String(), func() string {
			reads := withoutID(nodeReads(p.Node, false))
			return "UNWIND $ids AS id\nMATCH (n:" + label + " {id: id})\nRETURN id, " + projection(p.Node, p.Root.NodeKind, 0, "p", "", reads) + " AS item"
		}), params, nil
	case career.RootByCode:
		params["dataset"], params["code"] = p.Root.Dataset, p.Root.Code
		return plans.text(shape.String(), func() string {
			return "MATCH (n:Profession {dataset: $dataset, code: $code})\nWITH n LIMIT 1\nRETURN " + projection(p.Node, p.Root.NodeKind, 0, "p", "", nodeReads(p.Node, false)) + " AS item"
		}), params, nil
	}
	win, err := p.Root.Page.Window()
	if err != nil {
		return "", nil, err
	}
	q := professionList(p.Root.Filter)
	text := q.cypher(win, projection(p.Node, p.Root.NodeKind, 0, "p", "", nodeReads(p.Node, true)))
	for k, v := range q.params {
		params[k] = v
	}
	// The text of a list root is built each time (its conditions and keyset are part of it):
	// still one text per shape, for Neo4j's plan cache.
	return text, params, nil
}

// nodeVar is the variable of the nodes at a depth of the plan.
func nodeVar(depth int) string {
	if depth == 0 {
		return "n"
	}
	return "n" + strconv.Itoa(depth)
}

// writeShape writes what the text of a node plan depends on: its properties and its relation
// lists, nested.
func writeShape(b *strings.Builder, np *career.NodePlan) {
	b.WriteByte('{')
	for _, p := range np.Props {
		b.WriteString(string(p) + ",")
	}
	for _, l := range np.Lists {
		b.WriteString(string(l.Rel))
		b.WriteString(listFilters(l))
		writeShape(b, l.Node)
	}
	b.WriteByte('}')
}

// projection returns the list `[n.<read>, …, <link>, <lists>…]` of a node of kind k at depth (of
// variable n := nodeVar(depth)), for node plan np whose parameters are named after path: the
// properties reads (see nodeReads) in order, the link's property when rel (the link's
// expression) is not "", then its lists in the order of np.Lists. decodePlanNode reads it in
// the same order.
func projection(np *career.NodePlan, k career.Kind, depth int, path, rel string, reads []career.Property) string {
	n := nodeVar(depth)
	parts := make([]string, 0, len(reads)+1+len(np.Lists))
	for _, p := range reads {
		parts = append(parts, n+"."+planProps[p])
	}
	if rel != "" {
		parts = append(parts, rel)
	}
	for i, l := range np.Lists {
		parts = append(parts, listExpr(l, k, depth, path+"_"+strconv.Itoa(i)))
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// nodeReads are the properties the projection of a node of node plan np reads, in order: those
// a store must set (career.NodePlan.Reads), paged for the items of a page of professions.
func nodeReads(np *career.NodePlan, paged bool) []career.Property { return np.Reads(paged) }

// withoutID returns reads without the ID: the reads of a root found by ID, whose record carries
// the ID it was found by (a parameter, no read of the node).
func withoutID(reads []career.Property) []career.Property {
	return slices.DeleteFunc(slices.Clone(reads), func(p career.Property) bool { return p == career.PropID })
}

// listExpr returns the expression of one relation list of the nodes at depth (of kind k):
// a COLLECT subquery, or for RelProfessions a list of its total and its page.
func listExpr(l *career.ListPlan, k career.Kind, depth int, path string) string {
	a, b, e := nodeVar(depth), nodeVar(depth+1), "e"+strconv.Itoa(depth+1)
	item := func() string {
		rel := ""
		if p, ok := linkProps[l.Rel]; ok {
			rel = e + "." + p
		}
		return projection(l.Node, l.Rel.ItemKind(), depth+1, path, rel, nodeReads(l.Node, l.Rel.Paged()))
	}
	param := func(name string) string { return "$" + path + name }
	ordered := func(match, where string) string {
		return "COLLECT { MATCH " + match + " WHERE " + where + " WITH " + e + ", " + b + " ORDER BY " + orderOf(l.Rel, b, e) + " RETURN " + item() + " }"
	}
	// Only the filters the plan gives are written (listFilters makes them part of the shape), so
	// that an unfiltered list tests nothing per item.
	filters := func(conds ...string) string {
		var given []string
		for i := 0; i+1 < len(conds); i += 2 {
			if conds[i] != "" {
				given = append(given, conds[i+1])
			}
		}
		if len(given) == 0 {
			return "true"
		}
		return strings.Join(given, " AND ")
	}
	category := ""
	if l.Category != nil {
		category = "cat"
	}
	switch l.Rel {
	case career.RelQualities:
		return ordered("("+a+")-["+e+":HAS_QUALITY]->("+b+":Skill)", "true")
	case career.RelSkills:
		return ordered("("+a+")-["+e+":REQUIRES]->("+b+":Skill)", filters(
			string(l.Importance), e+".importance = "+param("imp"),
			string(l.SkillKind), "coalesce("+b+".kind, '') = "+param("kind")))
	case career.RelTools:
		return ordered("("+a+")-["+e+":USES]->("+b+":Tool)", filters(
			category, "coalesce("+b+".category, '') = "+param("cat")))
	case career.RelTrainings:
		return ordered("("+a+")-["+e+":TRAINED_BY]->("+b+":Training)", filters(
			string(l.Level), "coalesce("+b+".level, '') = "+param("level")))
	case career.RelNextCareers:
		where := filters(string(l.MoveKind), e+".kind = "+param("move"))
		own := ordered("("+a+")-["+e+":NEXT]->("+b+":Profession)", where)
		if !l.Inferred {
			return own
		}
		// The inferred moves follow, each carrying [kind, score, basis] as its link's value.
		inferred := projection(l.Node, career.KindProfession, depth+1, path, "["+e+".kind, "+e+".score, "+e+".basis]", nodeReads(l.Node, false))
		return own + " + COLLECT { MATCH (" + a + ")-[" + e + ":INFERRED]->(" + b + ":Profession) WHERE " + where +
			" WITH " + e + ", " + b + " ORDER BY " + e + ".ord RETURN " + inferred + " }"
	case career.RelPreviousCareers:
		return ordered("("+b+":Profession)-["+e+":NEXT]->("+a+")", "true")
	case career.RelSpecializations:
		return ordered("("+b+":Profession)-["+e+":SPECIALIZES]->("+a+")", "true")
	case career.RelSpecializationOf:
		// As the specializationOf field reads it: the profession the property names.
		return "COLLECT { MATCH (" + b + ":Profession {id: " + a + ".specializationOf}) RETURN " + item() + " }"
	}
	// RelProfessions.
	match := "(" + b + ":Profession)-[" + e + ":" + professionsRel[k] + "]->(" + a + ")"
	imp := "(" + param("imp") + " IS NULL OR " + e + ".importance = " + param("imp") + ")"
	after := "(" + param("sk") + " IS NULL OR " + b + ".sortKey > " + param("sk") + " OR (" + b + ".sortKey = " + param("sk") + " AND " + b + ".id > " + param("cid") + "))"
	return "[COUNT { MATCH " + match + " WHERE " + imp + " }, COLLECT { MATCH " + match + " WHERE " + imp + " AND " + after +
		" WITH " + b + " ORDER BY " + b + ".sortKey, " + b + ".id LIMIT " + param("limit") + " RETURN " + item() + " }]"
}

// listFilters names the filters a list plan gives (not their values), for the shape its text
// is cached by: a list's statement tests only the filters given.
func listFilters(l *career.ListPlan) string {
	f := "("
	if l.Rel != career.RelProfessions { // a page of professions always tests its importance parameter
		if l.Importance != "" {
			f += "i"
		}
		if l.SkillKind != "" {
			f += "k"
		}
		if l.Category != nil {
			f += "c"
		}
		if l.Level != "" {
			f += "l"
		}
		if l.MoveKind != "" {
			f += "m"
		}
		if l.Inferred {
			f += "n"
		}
	}
	return f + ")"
}

// orderOf is the order of a relation's items, as the per-field methods order them.
func orderOf(r career.Relation, b, e string) string {
	switch r {
	case career.RelPreviousCareers:
		return b + ".sortKey, " + b + ".id, " + e + ".ord"
	case career.RelSpecializations:
		return b + ".sortKey, " + b + ".id"
	}
	return e + ".ord"
}

// planParams sets the parameters of node plan np (of nodes of kind k) and of its lists, named
// after path as projection names them.
func planParams(np *career.NodePlan, k career.Kind, path string, params map[string]any) error {
	for i, l := range np.Lists {
		p := path + "_" + strconv.Itoa(i)
		set := func(name string, value string) {
			params[p+name] = nil
			if value != "" {
				params[p+name] = value
			}
		}
		switch l.Rel {
		case career.RelSkills:
			set("imp", string(l.Importance))
			set("kind", string(l.SkillKind))
		case career.RelTools:
			params[p+"cat"] = nil
			if l.Category != nil {
				params[p+"cat"] = *l.Category
			}
		case career.RelTrainings:
			set("level", string(l.Level))
		case career.RelNextCareers:
			set("move", string(l.MoveKind))
		case career.RelProfessions:
			cur, err := career.DecodeCursor(l.Page.After)
			if err != nil {
				return err
			}
			set("imp", string(l.Importance))
			set("sk", "")
			set("cid", "")
			if cur != nil {
				params[p+"sk"], params[p+"cid"] = cur.SortKey, cur.ID
			}
			params[p+"limit"] = career.PageFetch(l.Page)
		}
		if err := planParams(l.Node, l.Rel.ItemKind(), p, params); err != nil {
			return err
		}
	}
	return nil
}

// decodePlanNode decodes the projection v (see projection) of a node of kind k read by node
// plan np, reached by relation rel ("" for a root), its properties reads.
func decodePlanNode(v any, np *career.NodePlan, k career.Kind, rel career.Relation, reads []career.Property) (*career.PlanNode, error) {
	vals, ok := v.([]any)
	_, linked := linkProps[rel]
	want := len(reads) + len(np.Lists)
	if linked {
		want++
	}
	if !ok || len(vals) != want {
		return nil, fmt.Errorf("neo4j: read plan: want a list of %d values, got %T", want, v)
	}
	out := &career.PlanNode{Node: newNode(k, "", "")}
	for i, p := range reads {
		switch p {
		case career.PropID:
			setID(out.Node, strOf(vals[i]))
		case career.PropName:
			setName(out.Node, strOf(vals[i]))
		default:
			setProp(out.Node, p, vals[i])
		}
	}
	next := len(reads)
	if linked {
		switch rel {
		case career.RelSkills:
			out.Importance = career.Importance(strOf(vals[next]))
		case career.RelNextCareers:
			if inf := listOf(vals[next]); len(inf) == 3 { // an inferred move: [kind, score, basis]
				out.MoveKind, out.Inference = career.MoveKind(strOf(inf[0])), inferenceOf(inf[1], inf[2])
			} else {
				out.MoveKind = career.MoveKind(strOf(vals[next]))
			}
		default:
			out.MoveKind = career.MoveKind(strOf(vals[next]))
		}
		next++
	}
	if len(np.Lists) == 0 {
		return out, nil
	}
	out.Lists = make(map[string]*career.PlanList, len(np.Lists))
	for i, l := range np.Lists {
		v := vals[next+i]
		pl := &career.PlanList{}
		if l.Rel == career.RelProfessions {
			pair := listOf(v)
			if len(pair) != 2 {
				return nil, fmt.Errorf("neo4j: read plan %s: want a total and a page, got %T", l.Key, v)
			}
			total, _ := pair[0].(int64)
			pg := career.TrimPage(listOf(pair[1]), l.Page, int(total))
			pl.HasNextPage, pl.TotalCount = pg.HasNextPage, pg.TotalCount
			v = pg.Items
		}
		items := listOf(v)
		reads := nodeReads(l.Node, l.Rel.Paged())
		pl.Items = make([]*career.PlanNode, len(items))
		for j, item := range items {
			var err error
			if pl.Items[j], err = decodePlanNode(item, l.Node, l.Rel.ItemKind(), l.Rel, reads); err != nil {
				return nil, fmt.Errorf("read plan %s: %w", l.Key, err)
			}
		}
		out.Lists[l.Key] = pl
	}
	return out, nil
}

// newNode returns a node of kind k with its ID and name.
func newNode(k career.Kind, id, name string) any {
	switch k {
	case career.KindProfession:
		return &career.Profession{ID: id, Name: name}
	case career.KindSkill:
		return &career.Skill{ID: id, Name: name}
	case career.KindTool:
		return &career.Tool{ID: id, Name: name}
	}
	return &career.Training{ID: id, Name: name}
}

// setID sets the ID of a node newNode made.
func setID(n any, id string) {
	switch n := n.(type) {
	case *career.Profession:
		n.ID = id
	case *career.Skill:
		n.ID = id
	case *career.Tool:
		n.ID = id
	case *career.Training:
		n.ID = id
	}
}

// setName sets the name of a node newNode made.
func setName(n any, name string) {
	switch n := n.(type) {
	case *career.Profession:
		n.Name = name
	case *career.Skill:
		n.Name = name
	case *career.Tool:
		n.Name = name
	case *career.Training:
		n.Name = name
	}
}

// setProp sets the property p (other than ID and Name) of a node newNode made to the value v
// Neo4j returned for it: the one mapping of stored properties onto the domain's fields
// (fromMap decodes the per-field reads' maps with it too).
func setProp(n any, p career.Property, v any) {
	s := strOf(v)
	switch n := n.(type) {
	case *career.Profession:
		switch p {
		case career.PropDataset:
			n.Dataset = s
		case career.PropCode:
			n.Code = s
		case career.PropAlternativeNames:
			n.AlternativeNames = strsOf(v)
		case career.PropSummary:
			n.Summary = s
		case career.PropDescription:
			n.Description = s
		case career.PropSector:
			n.Sector = s
		case career.PropTasks:
			n.Tasks = strsOf(v)
		case career.PropSpecializationOf:
			n.SpecializationOf = s
		case career.PropLanguage:
			n.Language = s
		case career.PropSource:
			n.Source = s
		}
	case *career.Skill:
		switch p {
		case career.PropDataset:
			n.Dataset = s
		case career.PropCode:
			n.Code = s
		case career.PropAlternativeNames:
			n.AlternativeNames = strsOf(v)
		case career.PropSkillKind:
			n.Kind = career.SkillKind(s)
		case career.PropDescription:
			n.Description = s
		case career.PropLanguage:
			n.Language = s
		}
	case *career.Tool:
		switch p {
		case career.PropDataset:
			n.Dataset = s
		case career.PropCode:
			n.Code = s
		case career.PropCategory:
			n.Category = s
		}
	case *career.Training:
		switch p {
		case career.PropDataset:
			n.Dataset = s
		case career.PropCode:
			n.Code = s
		case career.PropLevel:
			n.Level = career.TrainingLevel(s)
		case career.PropDurationYears:
			n.DurationYears = floatOf(v)
		case career.PropDescription:
			n.Description = s
		}
	}
}

// listOf returns v as a list, nil when it is none.
func listOf(v any) []any {
	l, _ := v.([]any)
	return l
}
