package graph

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/graph/scalar"
)

// Planned reads. A root field that reads nodes by ID or code, or a page of professions, is
// answered with one career.ReadPlan when the store reads plans (career.PlanReader): the root
// resolver builds the plan of the field's whole selection (fragments, aliases, @skip and
// @include resolved), runs it, and keeps the answer's nodes in the request's plan table by
// response path; the resolvers of the relation fields below then read their lists from the
// table instead of calling loaders. A selection the plan cannot cover (an argument the
// resolvers refuse, a response key used for two different lists of one node) leaves the whole
// root field to the loaders, which answer it, errors included, as without plans.
//
// A node that a plan read is only sure to hold the properties its selection asked for (Neo4j
// reads no others), so it is only ever handed to the resolvers of that selection: every field
// under it is in its plan, and a relation resolver reads a node's planned lists only when the
// node it resolves is the very node the plan put at that path.

// errUnplanned says that a selection cannot be planned; the loaders answer it.
var errUnplanned = errors.New("graph: the selection is not planned")

// pathIndex stands for "each item's index" in an item path.
const pathIndex = ast.PathIndex(-1)

// typeNames are the GraphQL object types of the node kinds, as fragments name them with Node.
var typeNames = map[career.Kind][]string{
	career.KindProfession: {"Profession", "Node"},
	career.KindSkill:      {"Skill", "Node"},
	career.KindTool:       {"Tool", "Node"},
	career.KindTraining:   {"Training", "Node"},
}

// scalarProps are the properties the scalar fields of each node type read.
var scalarProps = map[career.Kind]map[string]career.Property{
	career.KindProfession: {"id": career.PropID, "dataset": career.PropDataset, "code": career.PropCode,
		"name": career.PropName, "alternativeNames": career.PropAlternativeNames, "summary": career.PropSummary,
		"description": career.PropDescription, "sector": career.PropSector, "tasks": career.PropTasks,
		"language": career.PropLanguage, "source": career.PropSource},
	career.KindSkill: {"id": career.PropID, "dataset": career.PropDataset, "code": career.PropCode,
		"name": career.PropName, "alternativeNames": career.PropAlternativeNames, "kind": career.PropSkillKind,
		"description": career.PropDescription, "language": career.PropLanguage},
	career.KindTool: {"id": career.PropID, "dataset": career.PropDataset, "code": career.PropCode,
		"name": career.PropName, "category": career.PropCategory},
	career.KindTraining: {"id": career.PropID, "dataset": career.PropDataset, "code": career.PropCode,
		"name": career.PropName, "level": career.PropLevel, "durationYears": career.PropDurationYears,
		"description": career.PropDescription},
}

// placement is a selection of nodes at some place of the response: at is the item path from
// the field that returns them (pathIndex for each item's index; empty for a field that
// returns one node), sel what is selected of each.
type placement struct {
	at  ast.Path
	sel ast.SelectionSet
}

// nodeShape is the plan of the nodes at one place of the tree, with the places of the items of
// each of its lists, by response key.
type nodeShape struct {
	plan  *career.NodePlan
	lists map[string]*listShape
}

// listShape is where the items of one planned list appear, relative to the list field's path.
type listShape struct {
	at   []ast.Path
	node *nodeShape
}

// planBuilder builds the plans of one operation.
type planBuilder struct {
	op *graphql.OperationContext
}

// node returns the plan of nodes of kind k selected at places: the union of their selections.
func (b planBuilder) node(k career.Kind, places []placement) (*nodeShape, error) {
	shape := &nodeShape{plan: &career.NodePlan{}, lists: map[string]*listShape{}}
	props := map[career.Property]bool{}
	for _, p := range places {
		for _, f := range graphql.CollectFields(b.op, p.sel, typeNames[k]) {
			if err := b.field(k, f, shape, props); err != nil {
				return nil, err
			}
		}
	}
	for _, p := range career.Properties[k] {
		if props[p] {
			shape.plan.Props = append(shape.plan.Props, p)
		}
	}
	return shape, nil
}

// field adds field f of a node of kind k to its shape: a property, or a relation list.
func (b planBuilder) field(k career.Kind, f graphql.CollectedField, shape *nodeShape, props map[career.Property]bool) error {
	if f.Name == "__typename" {
		return nil
	}
	if p, ok := scalarProps[k][f.Name]; ok {
		if len(f.Arguments) > 0 {
			return errUnplanned // name(lang:), summary(lang:), …: the resolvers pick the text
		}
		props[p] = true
		return nil
	}
	if _, repeated := shape.lists[f.Alias]; repeated {
		return errUnplanned // two places of one node use the key for different lists
	}
	args := f.ArgumentMap(b.op.Variables)
	l := &career.ListPlan{Key: f.Alias}
	var items []placement
	var err error
	object := typeNames[k][0]
	switch {
	case k == career.KindProfession && f.Name == "qualities":
		l.Rel, items = career.RelQualities, direct(f)
	case k == career.KindProfession && f.Name == "skills":
		l.Rel = career.RelSkills
		if l.SkillKind, err = enumArg[career.SkillKind](args, "kind"); err != nil {
			return err
		}
		if l.Importance, err = enumArg[career.Importance](args, "importance"); err != nil {
			return err
		}
		items, err = b.wrapped(f, "SkillRequirement", "skill", "importance")
	case k == career.KindProfession && f.Name == "tools":
		l.Rel, items = career.RelTools, direct(f)
		if category, given := optional(strArg(args, "category")); given {
			l.Category = &category
		}
	case k == career.KindProfession && f.Name == "trainings":
		l.Rel, items = career.RelTrainings, direct(f)
		l.Level, err = enumArg[career.TrainingLevel](args, "level")
	case k == career.KindProfession && f.Name == "nextCareers":
		l.Rel = career.RelNextCareers
		if l.MoveKind, err = enumArg[career.MoveKind](args, "kind"); err != nil {
			return err
		}
		l.Inferred = args["inferred"] == true
		items, err = b.wrapped(f, "CareerMove", "profession", careerMoveScalars...)
	case k == career.KindProfession && f.Name == "previousCareers":
		l.Rel = career.RelPreviousCareers
		items, err = b.wrapped(f, "CareerMove", "profession", careerMoveScalars...)
	case k == career.KindProfession && f.Name == "specializations":
		l.Rel, items = career.RelSpecializations, direct(f)
	case k == career.KindProfession && f.Name == "specializationOf":
		l.Rel, items = career.RelSpecializationOf, []placement{{sel: f.Selections}}
		props[career.PropSpecializationOf] = true // what the loaders' resolver reads, were it asked
	case k != career.KindProfession && f.Name == "professions":
		l.Rel = career.RelProfessions
		if k == career.KindSkill {
			if l.Importance, err = enumArg[career.Importance](args, "importance"); err != nil {
				return err
			}
		}
		if l.Page, err = planPage(object+"."+f.Name, args); err != nil {
			return err
		}
		items, err = b.connection(f)
	default:
		return errUnplanned
	}
	if err != nil {
		return err
	}
	child, err := b.node(l.Rel.ItemKind(), items)
	if err != nil {
		return err
	}
	l.Node = child.plan
	shape.plan.Lists = append(shape.plan.Lists, l)
	ls := &listShape{node: child}
	for _, p := range items {
		ls.at = append(ls.at, p.at)
	}
	shape.lists[f.Alias] = ls
	return nil
}

// direct places the items of a list field of nodes.
func direct(f graphql.CollectedField) []placement {
	return []placement{{at: ast.Path{pathIndex}, sel: f.Selections}}
}

// wrapped places the nodes of a list of links (SkillRequirement, CareerMove): each item's node
// field, under each of its response keys. The link's other fields are scalars (and
// __typename).
func (b planBuilder) wrapped(f graphql.CollectedField, link, node string, scalars ...string) ([]placement, error) {
	var out []placement
	for _, g := range graphql.CollectFields(b.op, f.Selections, []string{link}) {
		switch {
		case g.Name == node:
			out = append(out, placement{at: ast.Path{pathIndex, ast.PathName(g.Alias)}, sel: g.Selections})
		case g.Name != "__typename" && !slices.Contains(scalars, g.Name):
			return nil, errUnplanned
		}
	}
	return out, nil
}

// connection places the professions of a ProfessionConnection: its nodes and its edges' nodes.
func (b planBuilder) connection(f graphql.CollectedField) ([]placement, error) {
	var out []placement
	for _, g := range graphql.CollectFields(b.op, f.Selections, []string{"ProfessionConnection"}) {
		switch g.Name {
		case "nodes":
			out = append(out, placement{at: ast.Path{ast.PathName(g.Alias), pathIndex}, sel: g.Selections})
		case "edges":
			for _, h := range graphql.CollectFields(b.op, g.Selections, []string{"ProfessionEdge"}) {
				switch h.Name {
				case "node":
					out = append(out, placement{at: ast.Path{ast.PathName(g.Alias), pathIndex, ast.PathName(h.Alias)}, sel: h.Selections})
				case "cursor", "__typename":
				default:
					return nil, errUnplanned
				}
			}
		case "pageInfo", "totalCount", "__typename":
		default:
			return nil, errUnplanned
		}
	}
	return out, nil
}

// strArg returns a String argument, nil when null.
func strArg(args map[string]any, name string) *string {
	if s, ok := args[name].(string); ok {
		return &s
	}
	return nil
}

// enumArg returns an enum argument, "" when null; a value the enum lacks (which validation
// refuses first) is not planned.
func enumArg[E ~string](args map[string]any, name string) (E, error) {
	v := args[name]
	if v == nil {
		return "", nil
	}
	s, ok := v.(string)
	if !ok {
		return "", errUnplanned
	}
	e := E(s)
	if valid, ok := any(e).(interface{ Valid() bool }); ok && !valid.Valid() {
		return "", errUnplanned
	}
	return e, nil
}

// plannedPage reports whether read plans answer page p: forward pages not bounded by before
// (backward and bounded pages stay with the resolvers and loaders).
func plannedPage(p career.PageArgs) bool { return !p.Backward() && p.Before == "" }

// planPage checks the first and after of connection field ("Type.field") as its resolver does
// (fieldPageArgs): an argument the resolver refuses is not planned, so that it refuses it, and
// neither is a page given last or before.
func planPage(field string, args map[string]any) (career.PageArgs, error) {
	var first *int
	if v := args["first"]; v != nil {
		n, ok := scalar.CoerceInt(v)
		if !ok {
			return career.PageArgs{}, errUnplanned
		}
		first = &n
	}
	var last *int
	if args["last"] != nil {
		last = new(int) // any: only whether it is given matters to plannedPage
	}
	page, err := fieldPageArgs(field, first, strArg(args, "after"), last, strArg(args, "before"), false)
	if err != nil || !plannedPage(page) {
		return career.PageArgs{}, errUnplanned
	}
	return page, nil
}

// planTable holds the nodes that the plans of one request read, by response path.
type planTable struct {
	mu    sync.RWMutex
	nodes map[string]*career.PlanNode
}

// put keeps the nodes that the field at path returns, planned by shape, at each of their item
// paths at (see placement), and the items of their lists at theirs.
func (t *planTable) put(path string, at []ast.Path, nodes []*career.PlanNode, shape *nodeShape) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.nodes == nil {
		t.nodes = map[string]*career.PlanNode{}
	}
	t.putLocked(path, at, nodes, shape)
}

// putLocked is put, t.mu held.
func (t *planTable) putLocked(path string, at []ast.Path, nodes []*career.PlanNode, shape *nodeShape) {
	for _, p := range at {
		for i, n := range nodes {
			if n == nil {
				continue
			}
			np := itemPath(path, p, i)
			t.nodes[np] = n
			for key, ls := range shape.lists {
				t.putLocked(np+"."+key, ls.at, n.List(key).Items, ls.node)
			}
		}
	}
}

// itemPath is the response path (as ast.Path.String writes it) of item i at item path at, under
// the field at path.
func itemPath(path string, at ast.Path, i int) string {
	for _, e := range at {
		switch e := e.(type) {
		case ast.PathIndex:
			if e == pathIndex {
				e = ast.PathIndex(i)
			}
			path += "[" + strconv.Itoa(int(e)) + "]"
		case ast.PathName:
			path += "." + string(e)
		}
	}
	return path
}

// lookup returns the node a plan read at a response path, nil when none.
func (t *planTable) lookup(path ast.Path) *career.PlanNode {
	t.mu.RLock()
	defer t.mu.RUnlock()
	if len(t.nodes) == 0 {
		return nil
	}
	return t.nodes[path.String()]
}

// plannedList returns the planned answer of the relation field being resolved on obj, or nil
// when no plan read obj at its path (the resolver then uses its loader).
func plannedList(ctx context.Context, obj any) *career.PlanList {
	fc := graphql.GetFieldContext(ctx)
	n := loadersFor(ctx).plans.lookup(fc.Parent.Path())
	if n == nil || n.Node != obj {
		return nil
	}
	return n.List(fc.Field.Alias)
}

// planRoot answers the root field being resolved, whose nodes are of kind k and which places
// them at places, with one plan from root, when plans are on, the store reads plans and the
// selection is planned; it returns the answer and its shape, or a nil answer when the loaders
// must answer the field.
func (r *Resolver) planRoot(ctx context.Context, root career.PlanRoot, places []placement) (*career.PlanResult, *nodeShape, error) {
	pr, ok := r.Store.(career.PlanReader)
	if !ok || r.noPlans {
		return nil, nil, nil
	}
	plan, shape, err := planBuilder{op: graphql.GetOperationContext(ctx)}.plan(root, places)
	if errors.Is(err, errUnplanned) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	res, err := pr.ReadPlan(ctx, plan)
	if err != nil {
		return nil, nil, err
	}
	return res, shape, nil
}

// plan builds the plan from root of the nodes selected at places, and its shape: errUnplanned
// when the selection is not planned.
func (b planBuilder) plan(root career.PlanRoot, places []placement) (*career.ReadPlan, *nodeShape, error) {
	shape, err := b.node(root.NodeKind, places)
	if err != nil {
		return nil, nil, err
	}
	return &career.ReadPlan{Root: root, Node: shape.plan}, shape, nil
}

// fieldPlaces are the places of the node that a root field returns.
func fieldPlaces(ctx context.Context) []placement {
	return []placement{{sel: graphql.GetFieldContext(ctx).Field.Selections}}
}

// planByID answers a root field that returns the node of kind k with an ID (profession(id),
// skill(id), tool(id), training(id), node(id)) with a plan: planned is false when the loaders
// must answer it.
func (r *Resolver) planByID(ctx context.Context, k career.Kind, id string) (n *career.PlanNode, planned bool, err error) {
	if _, ok := typeNames[k]; !ok || career.KindOf(id) != k {
		return nil, false, nil
	}
	return r.planOne(ctx, career.PlanRoot{Kind: career.RootByID, NodeKind: k, IDs: []string{id}})
}

// planOne answers a root field that returns one node with a plan from root (see planByID).
func (r *Resolver) planOne(ctx context.Context, root career.PlanRoot) (n *career.PlanNode, planned bool, err error) {
	res, shape, err := r.planRoot(ctx, root, fieldPlaces(ctx))
	if err != nil || res == nil {
		return nil, false, err
	}
	if len(res.Roots) != 1 || res.Roots[0] == nil {
		return nil, true, nil
	}
	loadersFor(ctx).plans.put(graphql.GetFieldContext(ctx).Path().String(), []ast.Path{nil}, res.Roots[:1], shape)
	return res.Roots[0], true, nil
}

// planNodes answers nodes(ids) with one plan per kind of node the IDs name: planned is false
// when the loaders must answer it. The result has one entry per ID, nil for none.
func (r *Resolver) planNodes(ctx context.Context, ids []string) (nodes []*career.PlanNode, planned bool, err error) {
	nodes, shapes, planned, err := r.readNodes(ctx, ids, fieldPlaces(ctx))
	if !planned || err != nil {
		return nil, planned, err
	}
	path := graphql.GetFieldContext(ctx).Path().String()
	t := &loadersFor(ctx).plans
	for i, n := range nodes {
		if n != nil {
			t.put(path+"["+strconv.Itoa(i)+"]", []ast.Path{nil}, nodes[i:i+1], shapes[i])
		}
	}
	return nodes, true, nil
}

// readNodes reads the nodes with ids, each selected at places, with one plan per kind of node
// the IDs name: planned is false when the loaders must answer them. The results have one entry
// per ID, nil for none: the node and the shape of its plan.
func (r *Resolver) readNodes(ctx context.Context, ids []string, places []placement) (nodes []*career.PlanNode, shapes []*nodeShape, planned bool, err error) {
	if unplannedIDs(ids) {
		return nil, nil, false, nil
	}
	kinds, byKind := nodesByKind(ids)
	nodes = make([]*career.PlanNode, len(ids))
	shapes = make([]*nodeShape, len(ids))
	for _, k := range kinds {
		res, shape, err := r.planRoot(ctx, nodesRoot(k, ids, byKind[k]), places)
		if err != nil || res == nil {
			return nil, nil, false, err
		}
		for _, i := range placeNodes(nodes, byKind[k], res.Roots) {
			shapes[i] = shape
		}
	}
	return nodes, shapes, true, nil
}

// nodesByKind groups the indexes of ids by the kind of node each names, kinds in the order of
// their first ID; a malformed ID names no node and is in no group.
func nodesByKind(ids []string) (kinds []career.Kind, byKind map[career.Kind][]int) {
	byKind = map[career.Kind][]int{}
	for i, id := range ids {
		k := career.KindOf(id)
		if _, ok := typeNames[k]; !ok {
			continue
		}
		if byKind[k] == nil {
			kinds = append(kinds, k)
		}
		byKind[k] = append(byKind[k], i)
	}
	return kinds, byKind
}

// nodesRoot is the root of the plan that reads the nodes of kind k with the IDs at indexes at.
func nodesRoot(k career.Kind, ids []string, at []int) career.PlanRoot {
	root := career.PlanRoot{Kind: career.RootByID, NodeKind: k}
	for _, i := range at {
		root.IDs = append(root.IDs, ids[i])
	}
	return root
}

// placeNodes puts the roots a plan of nodesRoot read at their indexes of nodes, and returns the
// indexes it filled (an unknown ID's stays nil).
func placeNodes(nodes []*career.PlanNode, at []int, roots []*career.PlanNode) (filled []int) {
	for j, i := range at {
		if j < len(roots) && roots[j] != nil {
			nodes[i] = roots[j]
			filled = append(filled, i)
		}
	}
	return filled
}

// planProfessions answers professions(filter, first, after) with a plan of the page, when its
// filter has no text (lists filtered by text are not planned): page is nil when the loaders
// must answer it.
func (r *Resolver) planProfessions(ctx context.Context, f career.ProfessionFilter, p career.PageArgs) (*career.Page[*career.Profession], error) {
	if f.Text != "" || !plannedPage(p) {
		return nil, nil
	}
	fc := graphql.GetFieldContext(ctx)
	places, err := planBuilder{op: graphql.GetOperationContext(ctx)}.connection(fc.Field)
	if err != nil {
		return nil, nil
	}
	res, shape, err := r.planRoot(ctx, career.PlanRoot{Kind: career.RootProfessions, NodeKind: career.KindProfession, Filter: f, Page: p}, places)
	if err != nil || res == nil {
		return nil, err
	}
	at := make([]ast.Path, len(places))
	for i, pl := range places {
		at[i] = pl.at
	}
	loadersFor(ctx).plans.put(fc.Path().String(), at, res.Roots, shape)
	return res.ProfessionPage(), nil
}
