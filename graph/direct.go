package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/graph/model"
)

// The direct writer. A query whose every root field plans reads (see plan.go) is answered
// without gqlgen's execution: once gqlgen has parsed, validated, costed and admitted the
// operation, the root fields' plans run, one after the other, and the response's data is
// written from their answers and the collected selection sets, in selection order, by one
// writer per object type of the planned tree (objectType), with no goroutine, resolver or
// loader per field. The bytes are those gqlgen writes: the same marshallers write the scalars,
// and the field values are the resolvers' (nullable, professionConnection).
//
// Anything the writer does not answer exactly as the resolvers would goes to gqlgen, before a
// byte of it is written: a mutation, a root field that plans do not cover, an introspection
// field, @defer, a field under a planned node that the writer does not know, an argument a
// resolver refuses (the plan builder does not plan it), an unknown ID (null, or NOT_FOUND), a
// store error, a request already over. An expensive request is admitted (Admission) before it
// gets here, like any other. gqlgen then answers as if the writer did not exist, errors included.

// errIndirect says that the direct writer leaves an operation to gqlgen.
var errIndirect = errors.New("graph: the operation is not answered directly")

// directAnswers counts the operations the direct writer answered (see DirectAnswers).
var directAnswers atomic.Int64

// DirectAnswers returns how many operations the direct writer has answered since the process
// started.
func DirectAnswers() int64 { return directAnswers.Load() }

// directSchema is gqlgen's executable schema with the direct writer in front of its execution.
type directSchema struct {
	graphql.ExecutableSchema
	r     *Resolver
	plans *directPlans
}

// Exec implements graphql.ExecutableSchema: a query the direct writer answers is answered at
// the first call of the response handler; anything else, or any query it leaves, by gqlgen.
func (s directSchema) Exec(ctx context.Context) graphql.ResponseHandler {
	next := s.ExecutableSchema.Exec(ctx)
	op := graphql.GetOperationContext(ctx)
	if _, reads := s.r.Store.(career.PlanReader); !reads || s.r.noPlans || op.Operation.Operation != ast.Query {
		return next
	}
	first, answered := true, false
	return func(ctx context.Context) *graphql.Response {
		if answered {
			return nil // a query has one response
		}
		if first {
			first = false
			if data, err := s.r.writeDirect(ctx, op, s.plans); err == nil {
				answered = true
				directAnswers.Add(1)
				return &graphql.Response{Data: data}
			}
		}
		return next(ctx)
	}
}

// plannedByID reports whether the direct writer answers the query in ctx from read plans whose
// roots are all nodes by ID or code (see plannedWeight): it plans the root fields as writeDirect
// does, with the plans kept for the request's document and shape variables.
func (s directSchema) plannedByID(ctx context.Context) bool {
	op := graphql.GetOperationContext(ctx)
	if _, reads := s.r.Store.(career.PlanReader); !reads || s.r.noPlans || op.Operation == nil || op.Operation.Operation != ast.Query {
		return false
	}
	planned := s.plans.get(op)
	for i, f := range planned.fields {
		if f.IsDeferred() {
			return false
		}
		root, err := s.r.directRoot(ctx, op, planned, i, f)
		if err != nil {
			return false
		}
		for _, p := range root.plans {
			if p.Root.Kind != career.RootByID && p.Root.Kind != career.RootByCode {
				return false
			}
		}
	}
	return true
}

// writeDirect answers the query op with its plans and returns the response's data, or an error
// (errIndirect, a store's) when gqlgen must answer it. Every root field is planned before any
// plan runs, so that a query left to gqlgen reads nothing twice, but for a store error. What
// the plans read of each node is built once per document and values of its shape variables,
// and kept in plans; the roots' arguments are bound to each request's variables (see
// directOp).
func (r *Resolver) writeDirect(ctx context.Context, op *graphql.OperationContext, plans *directPlans) (data []byte, err error) {
	defer func() {
		if p := recover(); p != nil {
			data, err = nil, fmt.Errorf("direct writer: %v: %w", p, errIndirect)
		}
	}()
	pr, _ := r.Store.(career.PlanReader)
	// An expensive request is answered here too: admission control admitted it before its
	// execution, and the planned root fields scan nothing, so they need no turns (takeTurns).
	if ctx.Err() != nil || pr == nil {
		return nil, errIndirect
	}
	planned := plans.get(op)
	roots := make([]directField, len(planned.fields))
	for i, f := range planned.fields {
		if f.IsDeferred() {
			return nil, errIndirect
		}
		if roots[i], err = r.directRoot(ctx, op, planned, i, f); err != nil {
			return nil, err
		}
	}
	answers := make([][]*career.PlanResult, len(planned.fields))
	for i, root := range roots {
		for _, p := range root.plans {
			res, err := pr.ReadPlan(ctx, p)
			if err != nil {
				return nil, fmt.Errorf("direct writer: %w", err)
			}
			answers[i] = append(answers[i], res)
		}
	}
	if ctx.Err() != nil {
		return nil, errIndirect
	}
	w := &directWriter{ctx: ctx, op: op, buf: responseBuffer(ctx), collected: planned.collected}
	w.buf.Grow(int(directSizeHint.Load()))
	w.buf.WriteByte('{')
	for i, f := range planned.fields {
		w.key(i, f.Alias)
		if err := roots[i].write(w, f, answers[i]); err != nil {
			return nil, err
		}
	}
	w.buf.WriteByte('}')
	directSizeHint.Store(int64(min(w.buf.Len(), maxDirectSizeHint)))
	return w.buf.Bytes(), nil
}

// directOp is what the direct writer keeps of an operation for one set of values of its shape
// variables (see shapeVariables), which every request with those values shares: the root
// fields, the selection sets compiled so far (see compiled) and the node plans of
// the root fields (see nodePlan). The roots' own arguments (an ID, a code, a page, a filter)
// are read from each request's variables: they pick which nodes a plan reads, never what it
// reads of them.
type directOp struct {
	fields    []graphql.CollectedField
	collected *collectedFields
	mu        sync.Mutex
	nodes     map[nodePlanKey]nodePlanOf
}

// nodePlanKey names the node plan of a root field (by its index) for the nodes of one kind.
type nodePlanKey struct {
	field int
	kind  career.Kind
}

// nodePlanOf is a node plan built for a directOp, or why it is not planned.
type nodePlanOf struct {
	plan *career.NodePlan
	err  error
}

// nodePlan returns the plan of what root field i reads of its nodes of kind k, selected at
// the places that places returns, built at its first request: errIndirect when the selection
// is not planned.
func (o *directOp) nodePlan(b planBuilder, i int, k career.Kind, places func() ([]placement, error)) (*career.NodePlan, error) {
	key := nodePlanKey{i, k}
	o.mu.Lock()
	got, ok := o.nodes[key]
	o.mu.Unlock()
	if ok {
		return got.plan, got.err
	}
	got.err = errIndirect
	if at, err := places(); err == nil {
		if shape, err := b.node(k, at); err == nil {
			got = nodePlanOf{plan: shape.plan}
		}
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.nodes == nil {
		o.nodes = map[nodePlanKey]nodePlanOf{}
	}
	o.nodes[key] = got
	return got.plan, got.err
}

// directPlans keeps the directOps of the operations the direct writer has seen, by their
// definition in gqlgen's cached document and the values of their shape variables, up to
// maxDirectPlans.
type directPlans struct {
	mu     sync.Mutex
	ops    map[directOpKey]*directOp
	shapes map[*ast.OperationDefinition][]string
}

// directOpKey names a directOp: an operation and the values of its shape variables (see
// shapeKey).
type directOpKey struct {
	op    *ast.OperationDefinition
	shape string
}

// maxDirectPlans is how many directOps directPlans keeps: as many as gqlgen keeps parsed
// documents. When full, it starts again empty.
const maxDirectPlans = documentCacheSize

// get returns the directOp of op with its request's variables, made at the first request
// that has these values of its shape variables. Without plans (nil) every request gets its own.
func (p *directPlans) get(op *graphql.OperationContext) *directOp {
	if p == nil {
		return newDirectOp(op)
	}
	p.mu.Lock()
	vars, known := p.shapes[op.Operation]
	p.mu.Unlock()
	if !known {
		vars = shapeVariables(op.Doc, op.Operation)
	}
	key := directOpKey{op.Operation, shapeKey(vars, op.Variables)}
	p.mu.Lock()
	got := p.ops[key]
	p.mu.Unlock()
	if got != nil {
		return got
	}
	got = newDirectOp(op)
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.ops == nil || len(p.ops) >= maxDirectPlans || len(p.shapes) >= maxDirectPlans {
		p.ops = make(map[directOpKey]*directOp)
		p.shapes = make(map[*ast.OperationDefinition][]string)
	}
	p.ops[key] = got
	p.shapes[op.Operation] = vars
	return got
}

// newDirectOp collects the root fields of op.
func newDirectOp(op *graphql.OperationContext) *directOp {
	return &directOp{fields: graphql.CollectFields(op, op.Operation.SelectionSet, queryNames), collected: &collectedFields{}}
}

// shapeKey encodes the values of the shape variables vars among a request's variables, so that
// two requests have the same key exactly when they give these variables the same values
// (json.Marshal writes maps in the order of their keys): "" when there are none.
func shapeKey(vars []string, values map[string]any) string {
	if len(vars) == 0 {
		return ""
	}
	given := make(map[string]any, len(vars))
	for _, v := range vars {
		if value, ok := values[v]; ok {
			given[v] = value
		}
	}
	b, err := json.Marshal(given)
	if err != nil {
		return fmt.Sprint(given) // values json.Marshal refuses are not what coerced variables hold
	}
	return string(b)
}

// shapeVariables returns, sorted, the variables of op that can change what its plans read of
// their nodes or which fields its response has: every variable used other than in an argument
// of a root field (in a directive, @skip or @include, anywhere; in an argument of a field
// below the root, a list's filter or page).
func shapeVariables(doc *ast.QueryDocument, op *ast.OperationDefinition) []string {
	s := shapeWalk{doc: doc, vars: map[string]bool{}, seen: map[shapeFragment]bool{}}
	s.set(op.SelectionSet, true)
	return slices.Sorted(maps.Keys(s.vars))
}

// shapeWalk collects the shape variables of an operation.
type shapeWalk struct {
	doc  *ast.QueryDocument
	vars map[string]bool
	// seen are the fragments walked, at the root or below it: each is walked once in each.
	seen map[shapeFragment]bool
}

// shapeFragment is a fragment, at the root or below it.
type shapeFragment struct {
	name string
	root bool
}

// set walks a selection set; root says that its fields are root fields.
func (s *shapeWalk) set(set ast.SelectionSet, root bool) {
	for _, sel := range set {
		switch sel := sel.(type) {
		case *ast.Field:
			s.directives(sel.Directives)
			if !root {
				for _, a := range sel.Arguments {
					s.value(a.Value)
				}
			}
			s.set(sel.SelectionSet, false)
		case *ast.InlineFragment:
			s.directives(sel.Directives)
			s.set(sel.SelectionSet, root)
		case *ast.FragmentSpread:
			s.directives(sel.Directives)
			key := shapeFragment{sel.Name, root}
			if f := s.doc.Fragments.ForName(sel.Name); f != nil && !s.seen[key] {
				s.seen[key] = true
				s.directives(f.Directives)
				s.set(f.SelectionSet, root)
			}
		}
	}
}

// directives adds the variables of directives' arguments.
func (s *shapeWalk) directives(list ast.DirectiveList) {
	for _, d := range list {
		for _, a := range d.Arguments {
			s.value(a.Value)
		}
	}
}

// value adds the variables a value uses.
func (s *shapeWalk) value(v *ast.Value) {
	if v == nil {
		return
	}
	if v.Kind == ast.Variable {
		s.vars[v.Raw] = true
	}
	for _, c := range v.Children {
		s.value(c.Value)
	}
}

// directSizeHint is the size of the last response's data the direct writer wrote, up to
// maxDirectSizeHint: the next writer's buffer starts at that size, so that writing a response
// like the last one never grows it.
var directSizeHint atomic.Int64

// maxDirectSizeHint bounds directSizeHint, so that one large response does not make every
// following one reserve as much.
const maxDirectSizeHint = 64 << 10

// queryNames are the types a fragment on the root may name.
var queryNames = []string{"Query"}

// directField is a root field the direct writer answers: the plans it reads, and how its value
// is written from their answers, one per plan.
type directField struct {
	plans []*career.ReadPlan
	write func(w *directWriter, f graphql.CollectedField, res []*career.PlanResult) error
}

// rootKinds are the root fields that read one node by ID, with its kind ("" for node, any).
var rootKinds = map[string]career.Kind{"skill": career.KindSkill, "tool": career.KindTool,
	"training": career.KindTraining, "node": ""}

// directRoot plans root field f, the i-th of planned, as its resolver does
// (professions.resolvers.go, relay.resolvers.go, skills…): errIndirect where the resolver would
// answer an error or use its loaders. Its arguments are read from op's variables; what it reads
// of its nodes is planned once per directOp.
func (r *Resolver) directRoot(ctx context.Context, op *graphql.OperationContext, planned *directOp, i int, f graphql.CollectedField) (directField, error) {
	if f.Name == "__typename" {
		return directField{write: func(w *directWriter, _ graphql.CollectedField, _ []*career.PlanResult) error {
			w.string(queryNames[0])
			return nil
		}}, nil
	}
	b := planBuilder{op: op}
	args := f.ArgumentMap(op.Variables)
	// node plans what the root field reads of its nodes of kind k, selected as f selects them.
	node := func(k career.Kind) (*career.NodePlan, error) {
		return planned.nodePlan(b, i, k, func() ([]placement, error) { return []placement{{sel: f.Selections}}, nil })
	}
	if k, ok := rootKinds[f.Name]; ok {
		id, _ := args["id"].(string)
		if k == "" {
			k = career.KindOf(id)
		}
		return directOne(node, career.PlanRoot{Kind: career.RootByID, NodeKind: k, IDs: []string{id}})
	}
	switch f.Name {
	case "profession":
		id, hasID := optional(strArg(args, "id"))
		code, hasCode := optional(strArg(args, "code"))
		switch {
		case hasID && !hasCode && career.KindOf(id) == career.KindProfession:
			return directOne(node, career.PlanRoot{Kind: career.RootByID, NodeKind: career.KindProfession, IDs: []string{id}})
		case hasCode && !hasID:
			ds, given := optional(strArg(args, "dataset"))
			if !given {
				ds = "seed"
			}
			if err := loadedDataset(ctx, ds); err != nil { // checked at each request: datasets come and go
				return directField{}, errIndirect
			}
			return directOne(node, career.PlanRoot{Kind: career.RootByCode, NodeKind: career.KindProfession, Dataset: ds, Code: code})
		}
	case "nodes":
		return directNodes(node, args)
	case "professions":
		return directProfessions(ctx, func() (*career.NodePlan, error) {
			return planned.nodePlan(b, i, career.KindProfession, func() ([]placement, error) { return b.connection(f) })
		}, args)
	}
	return directField{}, errIndirect
}

// directOne plans a root field that returns the one node root reads (profession, skill, tool,
// training, node), what it reads of it planned by node: null when there is none, as the
// resolvers answer.
func directOne(node func(career.Kind) (*career.NodePlan, error), root career.PlanRoot) (directField, error) {
	if _, ok := typeNames[root.NodeKind]; !ok {
		return directField{}, errIndirect
	}
	np, err := node(root.NodeKind)
	if err != nil {
		return directField{}, errIndirect
	}
	return directField{plans: []*career.ReadPlan{{Root: root, Node: np}}, write: func(w *directWriter, f graphql.CollectedField, res []*career.PlanResult) error {
		if len(res[0].Roots) != 1 || res[0].Roots[0] == nil {
			w.null()
			return nil
		}
		return w.node(res[0].Roots[0], f.Selections)
	}}, nil
}

// directNodes plans nodes(ids): one plan per kind of node, null for an ID that names no node,
// as the resolver answers.
func directNodes(node func(career.Kind) (*career.NodePlan, error), args map[string]any) (directField, error) {
	list, ok := args["ids"].([]any)
	if !ok || len(list) > maxNodesIDs {
		return directField{}, errIndirect
	}
	ids := make([]string, len(list))
	for i, v := range list {
		if ids[i], ok = v.(string); !ok {
			return directField{}, errIndirect
		}
	}
	if unplannedIDs(ids) {
		return directField{}, errIndirect
	}
	kinds, byKind := nodesByKind(ids)
	plans := make([]*career.ReadPlan, len(kinds))
	for j, k := range kinds {
		np, err := node(k)
		if err != nil {
			return directField{}, errIndirect
		}
		plans[j] = &career.ReadPlan{Root: nodesRoot(k, ids, byKind[k]), Node: np}
	}
	return directField{plans: plans, write: func(w *directWriter, f graphql.CollectedField, res []*career.PlanResult) error {
		nodes := make([]*career.PlanNode, len(ids))
		for j, k := range kinds {
			placeNodes(nodes, byKind[k], res[j].Roots)
		}
		return writeList(w, nodes, func(w *directWriter, n *career.PlanNode) error {
			if n == nil {
				w.null()
				return nil
			}
			return w.node(n, f.Selections)
		})
	}}, nil
}

// directProfessions plans professions(filter, first, after), when its filter has no text, what
// it reads of each profession planned by node.
func directProfessions(ctx context.Context, node func() (*career.NodePlan, error), args map[string]any) (directField, error) {
	page, err := planPage("Query.professions", args)
	if err != nil {
		return directField{}, errIndirect
	}
	var filter *model.ProfessionFilter
	if v := args["filter"]; v != nil {
		m, ok := v.(map[string]any)
		if !ok {
			return directField{}, errIndirect
		}
		filter = &model.ProfessionFilter{Text: strArg(m, "text"), Dataset: strArg(m, "dataset"),
			Sector: strArg(m, "sector"), Skill: strArg(m, "skill"), Tool: strArg(m, "tool")}
	}
	pf, err := professionFilter(ctx, filter) // checked at each request: datasets come and go
	if err != nil || pf.Text != "" {
		return directField{}, errIndirect
	}
	np, err := node()
	if err != nil {
		return directField{}, errIndirect
	}
	root := career.PlanRoot{Kind: career.RootProfessions, NodeKind: career.KindProfession, Filter: pf, Page: page}
	return directField{plans: []*career.ReadPlan{{Root: root, Node: np}}, write: func(w *directWriter, f graphql.CollectedField, res []*career.PlanResult) error {
		c := professionPage{professionConnection(res[0].ProfessionPage()), res[0].Roots}
		return writeObject(w, professionConnectionType, c, f.Selections)
	}}, nil
}

// directWriter writes a response's data.
type directWriter struct {
	ctx context.Context
	op  *graphql.OperationContext
	buf *bytes.Buffer
	// collected are the selection sets compiled so far (see compiled), so that the items of
	// a list, and the responses to one operation, collect a selection set once.
	collected *collectedFields
}

// collectedKey names a selection set of the operation (by its first selection and length)
// collected for an object type (by its name).
type collectedKey struct {
	first *ast.Selection
	n     int
	typ   string
}

// collectedFields are the selection sets of an operation compiled for their object types
// (*objectFields), by collectedKey; responses to one operation share them (see directOp).
type collectedFields struct {
	mu     sync.RWMutex
	fields map[collectedKey]any
}

// objectFields is a selection set compiled for an object type: its fields, collected as
// graphql.CollectFields does, in selection order, each with its key as written and its writer.
type objectFields[T any] struct {
	fields []objectField[T]
	// indirect says that a field is left to gqlgen (deferred, or unknown to the writer).
	indirect bool
}

// objectField is a field of objectFields.
type objectField[T any] struct {
	f graphql.CollectedField
	// key is the field's key, quoted, with the comma before it and the colon after it; for
	// __typename, its value too.
	key string
	// write writes the field's value; nil for __typename.
	write fieldWriter[T]
}

// compiled returns sel compiled for the object type t, once per selection set and type of an
// operation, so that the items of a list and the responses to one operation share it.
func compiled[T any](w *directWriter, t *objectType[T], sel ast.SelectionSet) *objectFields[T] {
	if len(sel) == 0 {
		return &objectFields[T]{}
	}
	key := collectedKey{&sel[0], len(sel), t.names[0]}
	c := w.collected
	c.mu.RLock()
	o, ok := c.fields[key].(*objectFields[T])
	c.mu.RUnlock()
	if ok {
		return o
	}
	o = &objectFields[T]{}
	var b bytes.Buffer
	for i, f := range graphql.CollectFields(w.op, sel, t.names) {
		b.Reset()
		if i > 0 {
			b.WriteByte(',')
		}
		writeQuoted(&b, f.Alias)
		b.WriteByte(':')
		field := objectField[T]{f: f}
		write, known := t.fields[f.Name]
		switch {
		case f.IsDeferred():
			o.indirect = true
		case f.Name == "__typename":
			writeQuoted(&b, t.names[0])
		case !known:
			o.indirect = true
		default:
			field.write = write
		}
		field.key = b.String()
		o.fields = append(o.fields, field)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.fields == nil {
		c.fields = map[collectedKey]any{}
	}
	c.fields[key] = o
	return o
}

// write writes v as an object with these fields.
func (o *objectFields[T]) write(w *directWriter, v T) error {
	if o.indirect {
		return errIndirect
	}
	w.buf.WriteByte('{')
	for i := range o.fields {
		f := &o.fields[i]
		w.buf.WriteString(f.key)
		if f.write != nil {
			if err := f.write(w, v, f.f); err != nil {
				return err
			}
		}
	}
	w.buf.WriteByte('}')
	return nil
}

// key writes the key of the i-th field of an object, with the comma before it.
func (w *directWriter) key(i int, key string) {
	if i > 0 {
		w.buf.WriteByte(',')
	}
	w.string(key)
	w.buf.WriteByte(':')
}

func (w *directWriter) null()           { w.buf.WriteString("null") }
func (w *directWriter) string(s string) { writeQuoted(w.buf, s) }
func (w *directWriter) id(s string)     { writeQuoted(w.buf, s) } // gqlgen's MarshalID is MarshalString
func (w *directWriter) int(n int) {
	w.buf.Write(strconv.AppendInt(w.buf.AvailableBuffer(), int64(n), 10))
}
func (w *directWriter) bool(b bool) { w.buf.Write(strconv.AppendBool(w.buf.AvailableBuffer(), b)) }

// writeQuoted writes s as a JSON string, the bytes gqlgen's MarshalString writes (see
// TestWriteQuotedWritesGqlgensBytes): '"', '\\' and the control characters below U+0020
// escaped (\t, \r, \n, or \u00XX), every other byte as it is, in runs rather than a call per
// character.
func writeQuoted(buf *bytes.Buffer, s string) {
	buf.WriteByte('"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '\\' && c != '"' {
			continue
		}
		buf.WriteString(s[start:i])
		switch c {
		case '\t':
			buf.WriteString(`\t`)
		case '\r':
			buf.WriteString(`\r`)
		case '\n':
			buf.WriteString(`\n`)
		case '\\':
			buf.WriteString(`\\`)
		case '"':
			buf.WriteString(`\"`)
		default:
			buf.WriteString(`\u00`)
			buf.WriteByte(hexDigits[c>>4])
			buf.WriteByte(hexDigits[c&0xf])
		}
		start = i + 1
	}
	buf.WriteString(s[start:])
	buf.WriteByte('"')
}

// hexDigits are the digits of the \u00XX escapes, upper case as gqlgen writes them.
const hexDigits = "0123456789ABCDEF"

// optString writes a nullable String.
func (w *directWriter) optString(s *string) {
	if s == nil {
		w.null()
		return
	}
	w.string(*s)
}

// nullableString writes the nullable String the resolvers answer for s, nullable(s), without
// keeping a pointer to s.
func (w *directWriter) nullableString(s string) {
	if nullable(s) == nil {
		w.null()
		return
	}
	w.string(s)
}

// strings writes a [String!]!.
func (w *directWriter) strings(list []string) {
	w.buf.WriteByte('[')
	for i, s := range list {
		if i > 0 {
			w.buf.WriteByte(',')
		}
		w.string(s)
	}
	w.buf.WriteByte(']')
}

// optFloat writes a nullable Float; gqlgen answers an error for NaN and infinities.
func (w *directWriter) optFloat(f *float64) error {
	if f == nil {
		w.null()
		return nil
	}
	if math.IsNaN(*f) || math.IsInf(*f, 0) {
		return errIndirect
	}
	w.float(*f)
	return nil
}

// float writes a finite Float in the bytes gqlgen's MarshalFloatContext writes, fmt's %g,
// which is strconv's shortest 'g' form (see TestFloatWritesGqlgensBytes).
func (w *directWriter) float(f float64) {
	w.buf.Write(strconv.AppendFloat(w.buf.AvailableBuffer(), f, 'g', -1, 64))
}

// enum writes a value of an enum whose Go values are its GraphQL names (see gqlgen.yml); gqlgen
// writes "" for a value the enum lacks, which the writer leaves to it.
func enum[E interface {
	~string
	Valid() bool
}](w *directWriter, e E) error {
	if !e.Valid() {
		return errIndirect
	}
	w.string(string(e))
	return nil
}

// node writes a planned node as the object type of its kind.
func (w *directWriter) node(n *career.PlanNode, sel ast.SelectionSet) error {
	switch n.Node.(type) {
	case *career.Profession:
		return writeObject(w, professionType, n, sel)
	case *career.Skill:
		return writeObject(w, skillType, n, sel)
	case *career.Tool:
		return writeObject(w, toolType, n, sel)
	case *career.Training:
		return writeObject(w, trainingType, n, sel)
	}
	return errIndirect
}

// writeList writes a list, each item with item.
func writeList[T any](w *directWriter, items []T, item func(*directWriter, T) error) error {
	w.buf.WriteByte('[')
	for i, v := range items {
		if i > 0 {
			w.buf.WriteByte(',')
		}
		if err := item(w, v); err != nil {
			return err
		}
	}
	w.buf.WriteByte(']')
	return nil
}

// fieldWriter writes the value of one field of an object of Go value T.
type fieldWriter[T any] func(w *directWriter, v T, f graphql.CollectedField) error

// objectType is the direct writer of one GraphQL object type: the names a fragment on it may
// use (its name first, then its interfaces, as gqlgen's implementors) and a writer per field.
type objectType[T any] struct {
	names  []string
	fields map[string]fieldWriter[T]
}

// writeObject writes v as an object of type t with the fields of sel, in selection order.
func writeObject[T any](w *directWriter, t *objectType[T], v T, sel ast.SelectionSet) error {
	return compiled(w, t, sel).write(w, v)
}

// professionPage is a page of planned professions: the connection the resolvers make of it,
// and its nodes (the connection's nodes and edges' nodes, in order).
type professionPage struct {
	c     *model.ProfessionConnection
	nodes []*career.PlanNode
}

// professionEdge is an edge of a professionPage, with its planned node.
type professionEdge struct {
	e    *model.ProfessionEdge
	node *career.PlanNode
}

// The object types of the planned tree; their fields are set in init, as they refer to each
// other.
var (
	professionType           = &objectType[*career.PlanNode]{names: typeNames[career.KindProfession]}
	skillType                = &objectType[*career.PlanNode]{names: typeNames[career.KindSkill]}
	toolType                 = &objectType[*career.PlanNode]{names: typeNames[career.KindTool]}
	trainingType             = &objectType[*career.PlanNode]{names: typeNames[career.KindTraining]}
	skillRequirementType     = &objectType[*career.PlanNode]{names: []string{"SkillRequirement"}}
	careerMoveType           = &objectType[*career.PlanNode]{names: []string{"CareerMove"}}
	professionConnectionType = &objectType[professionPage]{names: []string{"ProfessionConnection"}}
	professionEdgeType       = &objectType[professionEdge]{names: []string{"ProfessionEdge"}}
	pageInfoType             = &objectType[*model.PageInfo]{names: []string{"PageInfo"}}
)

// nodeField is a field of a planned node whose value is a domain node N (a *career.Profession, …).
func nodeField[N any](as func(*career.PlanNode) N, write func(w *directWriter, n N) error) fieldWriter[*career.PlanNode] {
	return func(w *directWriter, n *career.PlanNode, _ graphql.CollectedField) error { return write(w, as(n)) }
}

// text is a String! field of a domain node N.
func text[N any](as func(*career.PlanNode) N, get func(N) string) fieldWriter[*career.PlanNode] {
	return nodeField(as, func(w *directWriter, n N) error { w.string(get(n)); return nil })
}

// optText is a nullable String field of a domain node N, null for "" (see nullable).
func optText[N any](as func(*career.PlanNode) N, get func(N) string) fieldWriter[*career.PlanNode] {
	return nodeField(as, func(w *directWriter, n N) error { w.nullableString(get(n)); return nil })
}

// plannedListField is a relation field of a planned node: the list the plan read under the
// field's response key, each item written as an object of type t.
func plannedListField(t *objectType[*career.PlanNode]) fieldWriter[*career.PlanNode] {
	return func(w *directWriter, n *career.PlanNode, f graphql.CollectedField) error {
		item := compiled(w, t, f.Selections)
		return writeList(w, n.List(f.Alias).Items, func(w *directWriter, it *career.PlanNode) error {
			if it == nil {
				return errIndirect
			}
			return item.write(w, it)
		})
	}
}

// professionsField is the professions connection of a skill, tool or training.
func professionsField(w *directWriter, n *career.PlanNode, f graphql.CollectedField) error {
	l := n.List(f.Alias)
	return writeObject(w, professionConnectionType, professionPage{professionConnection(l.ProfessionPage()), l.Items}, f.Selections)
}

func init() {
	prof := (*career.PlanNode).Profession
	professionType.fields = map[string]fieldWriter[*career.PlanNode]{
		"id":               nodeField(prof, func(w *directWriter, p *career.Profession) error { w.id(p.ID); return nil }),
		"dataset":          text(prof, func(p *career.Profession) string { return p.Dataset }),
		"code":             text(prof, func(p *career.Profession) string { return p.Code }),
		"name":             text(prof, func(p *career.Profession) string { return p.Name }),
		"alternativeNames": nodeField(prof, func(w *directWriter, p *career.Profession) error { w.strings(p.AlternativeNames); return nil }),
		"summary":          optText(prof, func(p *career.Profession) string { return p.Summary }),
		"description":      optText(prof, func(p *career.Profession) string { return p.Description }),
		"sector":           optText(prof, func(p *career.Profession) string { return p.Sector }),
		"tasks":            nodeField(prof, func(w *directWriter, p *career.Profession) error { w.strings(p.Tasks); return nil }),
		"language":         optText(prof, func(p *career.Profession) string { return p.Language }),
		"source":           optText(prof, func(p *career.Profession) string { return p.Source }),
		"qualities":        plannedListField(skillType),
		"skills":           plannedListField(skillRequirementType),
		"tools":            plannedListField(toolType),
		"trainings":        plannedListField(trainingType),
		"nextCareers":      plannedListField(careerMoveType),
		"previousCareers":  plannedListField(careerMoveType),
		"specializations":  plannedListField(professionType),
		"specializationOf": func(w *directWriter, n *career.PlanNode, f graphql.CollectedField) error {
			items := n.List(f.Alias).Items
			if len(items) == 0 || items[0] == nil {
				w.null()
				return nil
			}
			return writeObject(w, professionType, items[0], f.Selections)
		},
	}
	skill := (*career.PlanNode).Skill
	skillType.fields = map[string]fieldWriter[*career.PlanNode]{
		"id":               nodeField(skill, func(w *directWriter, s *career.Skill) error { w.id(s.ID); return nil }),
		"dataset":          text(skill, func(s *career.Skill) string { return s.Dataset }),
		"code":             text(skill, func(s *career.Skill) string { return s.Code }),
		"name":             text(skill, func(s *career.Skill) string { return s.Name }),
		"alternativeNames": nodeField(skill, func(w *directWriter, s *career.Skill) error { w.strings(s.AlternativeNames); return nil }),
		"kind":             nodeField(skill, func(w *directWriter, s *career.Skill) error { return enum(w, s.Kind) }),
		"description":      optText(skill, func(s *career.Skill) string { return s.Description }),
		"language":         optText(skill, func(s *career.Skill) string { return s.Language }),
		"professions":      professionsField,
	}
	tool := (*career.PlanNode).Tool
	toolType.fields = map[string]fieldWriter[*career.PlanNode]{
		"id":          nodeField(tool, func(w *directWriter, t *career.Tool) error { w.id(t.ID); return nil }),
		"dataset":     text(tool, func(t *career.Tool) string { return t.Dataset }),
		"code":        text(tool, func(t *career.Tool) string { return t.Code }),
		"name":        text(tool, func(t *career.Tool) string { return t.Name }),
		"category":    optText(tool, func(t *career.Tool) string { return t.Category }),
		"professions": professionsField,
	}
	training := (*career.PlanNode).Training
	trainingType.fields = map[string]fieldWriter[*career.PlanNode]{
		"id":            nodeField(training, func(w *directWriter, t *career.Training) error { w.id(t.ID); return nil }),
		"dataset":       text(training, func(t *career.Training) string { return t.Dataset }),
		"code":          text(training, func(t *career.Training) string { return t.Code }),
		"name":          text(training, func(t *career.Training) string { return t.Name }),
		"level":         nodeField(training, func(w *directWriter, t *career.Training) error { return enum(w, t.Level) }),
		"durationYears": nodeField(training, func(w *directWriter, t *career.Training) error { return w.optFloat(t.DurationYears) }),
		"description":   optText(training, func(t *career.Training) string { return t.Description }),
		"professions":   professionsField,
	}
	skillRequirementType.fields = map[string]fieldWriter[*career.PlanNode]{
		"skill": func(w *directWriter, n *career.PlanNode, f graphql.CollectedField) error {
			return writeObject(w, skillType, n, f.Selections)
		},
		"importance": func(w *directWriter, n *career.PlanNode, _ graphql.CollectedField) error {
			return enum(w, n.Importance)
		},
	}
	careerMoveType.fields = map[string]fieldWriter[*career.PlanNode]{
		"profession": func(w *directWriter, n *career.PlanNode, f graphql.CollectedField) error {
			return writeObject(w, professionType, n, f.Selections)
		},
		"kind": func(w *directWriter, n *career.PlanNode, _ graphql.CollectedField) error { return enum(w, n.MoveKind) },
		"inferred": func(w *directWriter, n *career.PlanNode, _ graphql.CollectedField) error {
			w.bool(n.Inference != nil)
			return nil
		},
		"basis": func(w *directWriter, n *career.PlanNode, _ graphql.CollectedField) error {
			w.optString(n.Move().Basis())
			return nil
		},
		"score": func(w *directWriter, n *career.PlanNode, _ graphql.CollectedField) error {
			return w.optFloat(n.Move().Score())
		},
	}
	professionConnectionType.fields = map[string]fieldWriter[professionPage]{
		"edges": func(w *directWriter, p professionPage, f graphql.CollectedField) error {
			if len(p.c.Edges) != len(p.nodes) {
				return errIndirect
			}
			edges := make([]professionEdge, len(p.c.Edges))
			for i, e := range p.c.Edges {
				edges[i] = professionEdge{e, p.nodes[i]}
			}
			return writeList(w, edges, func(w *directWriter, e professionEdge) error {
				return writeObject(w, professionEdgeType, e, f.Selections)
			})
		},
		"nodes": func(w *directWriter, p professionPage, f graphql.CollectedField) error {
			return writeList(w, p.nodes, func(w *directWriter, n *career.PlanNode) error {
				if n == nil {
					return errIndirect
				}
				return writeObject(w, professionType, n, f.Selections)
			})
		},
		"pageInfo": func(w *directWriter, p professionPage, f graphql.CollectedField) error {
			return writeObject(w, pageInfoType, p.c.PageInfo, f.Selections)
		},
		"totalCount": func(w *directWriter, p professionPage, _ graphql.CollectedField) error {
			w.int(p.c.TotalCount)
			return nil
		},
	}
	professionEdgeType.fields = map[string]fieldWriter[professionEdge]{
		"cursor": func(w *directWriter, e professionEdge, _ graphql.CollectedField) error {
			w.string(e.e.Cursor)
			return nil
		},
		"node": func(w *directWriter, e professionEdge, f graphql.CollectedField) error {
			if e.node == nil {
				return errIndirect
			}
			return writeObject(w, professionType, e.node, f.Selections)
		},
	}
	pageInfoType.fields = map[string]fieldWriter[*model.PageInfo]{
		"hasNextPage": func(w *directWriter, p *model.PageInfo, _ graphql.CollectedField) error {
			w.bool(p.HasNextPage)
			return nil
		},
		"endCursor": func(w *directWriter, p *model.PageInfo, _ graphql.CollectedField) error {
			w.optString(p.EndCursor)
			return nil
		},
		"hasPreviousPage": func(w *directWriter, p *model.PageInfo, _ graphql.CollectedField) error {
			w.bool(p.HasPreviousPage)
			return nil
		},
		"startCursor": func(w *directWriter, p *model.PageInfo, _ graphql.CollectedField) error {
			w.optString(p.StartCursor)
			return nil
		},
	}
}
