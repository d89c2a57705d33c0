package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"math"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/internal/saturate"
	"github.com/careergraph/careergraph/textsearch"
)

// The cost model. An operation's cost bounds the work it asks for, in units of about one
// resolved field, before anything runs; operations costing more than Limits.Complexity are
// refused with COMPLEXITY_LIMIT_EXCEEDED, and every response says what its operation cost.
//
//   - A field costs 1 plus the cost of its selection. Lists of strings (tasks,
//     alternativeNames) are values of their object and cost 1.
//   - A field given an argument out of its range costs 1: it is refused when it runs (with the
//     allowed range), before anything under it runs.
//   - A list of objects costs 1 + n × (the cost of its selection), where n is the most elements
//     it can have: `first`, len(ids) for nodes, the number of datasets for datasets,
//     maxSteps+1 for the steps of careerPaths and the path of careerProgression, and for the
//     other lists the longest such list of the loaded data (career.Bounds, computed by the
//     store at each load): a profession's skills cost maxRequirements × (…), its nextCareers
//     maxNextCareers × (…), skillGap.missing and matchedSkills maxRequirements × (…),
//     missingTools maxTools × (…), a profession's groups maxProfessionGroups × (…), a
//     group's narrower groups maxNarrowerGroups × (…), and so on. A connection's edges and nodes cost its
//     `first` × (…).
//   - Links stay within a dataset, so under a field that names its datasets (an ID, a
//     dataset argument or filter: profession(id), careerPaths(from, to), professions(filter:
//     {dataset}), search(dataset), occupationGroup(id), …) the bounds are those of these datasets only.
//   - Traversals add what they can visit, one unit per visitsPerUnit nodes or links visited:
//     careerPaths its depth-first search, Σ (maxSteps−k+1) × walks_k for k = 1..maxSteps
//     (walks_k: the most walks of k moves from one profession); careerProgression its
//     breadth-first search, min(moves, Σ walks_k), and lists min(first, professions, Σ walks_k)
//     steps; similarProfessions the links it walks for the profession with the most
//     (maxSimilarPostings); matchProfessions min(postings, |skills| × maxSkillUse + |tools| ×
//     maxToolUse); skillGap the requirements, tools and trainings of two professions; list
//     filters other than dataset a scan of the nodes listed.
//   - search, and the text filter of lists, add for each word of each reading of the text the
//     (node, word) pairs whose word starts as it does (its first three letters: textPrefixes),
//     one unit per textPostingsPerUnit pairs.
//
// Sums and products saturate (internal/saturate): no argument can wrap a cost around. The
// walk visits at most Limits.Fields selections, which DocumentLimits checked before.
//
// The units were set so that they take about the same time on the embedded store holding
// ROME + ESCO + O*NET: on a busy two-core machine, a page of 100 professions (cost 602) took
// 2.6 ms, a 6-step careerProgression (336) 1.3 ms, similarProfessions (413) 1.2 ms, and a
// search for "e" (8,626: 43,120 postings) 41 ms, all about 4 µs per unit.
const (
	visitsPerUnit       = 100
	textPostingsPerUnit = 5
)

// CodeComplexityLimit is the code of operations that cost more than the limit.
const CodeComplexityLimit = "COMPLEXITY_LIMIT_EXCEEDED"

// costExtension is the name under which the cost is kept in the operation's stats and
// returned in the response's extensions.
const costExtension = "cost"

// Cost is what an operation costs, as the response's extensions.cost tells it.
type Cost struct {
	// RequestedQueryCost is the operation's cost (see the cost model).
	RequestedQueryCost int `json:"requestedQueryCost"`
	// MaximumAvailable is the most an operation may cost.
	MaximumAvailable int `json:"maximumAvailable"`
}

// OperationCost returns the computed cost of the current operation: ok is false before the
// cost is known (a document refused earlier, or no operation in ctx).
func OperationCost(ctx context.Context) (cost int, ok bool) {
	if c := operationCost(ctx); c != nil {
		return c.RequestedQueryCost, true
	}
	return 0, false
}

// operationCost returns the cost CostLimit kept in the operation's stats, or nil.
func operationCost(ctx context.Context) *Cost {
	if !graphql.HasOperationContext(ctx) {
		return nil
	}
	c, _ := graphql.GetOperationContext(ctx).Stats.GetExtension(costExtension).(*Cost)
	return c
}

// CostLimit computes each operation's cost from its selection and the store's bounds,
// refuses operations over Max, and adds the cost to every response's extensions.
type CostLimit struct {
	Max int
	// Bounds returns the bounds of the loaded data.
	Bounds func(ctx context.Context) career.Bounds
	// memo remembers computed costs (nil: every operation is walked).
	memo *costMemo
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
	graphql.ResponseInterceptor
} = CostLimit{}

// NewCostLimit returns the cost limit of a store: its bounds when it knows them
// (career.BoundsReader), career.DefaultBounds otherwise.
func NewCostLimit(store career.Store, limit int) CostLimit {
	reader, ok := store.(career.BoundsReader)
	return CostLimit{Max: limit, memo: &costMemo{}, Bounds: func(ctx context.Context) career.Bounds {
		if !ok {
			return career.DefaultBounds
		}
		b, _ := reader.Bounds(ctx) // on error: the last known bounds, or the defaults
		return b
	}}
}

// ExtensionName implements graphql.HandlerExtension.
func (CostLimit) ExtensionName() string { return "CostLimit" }

// Validate implements graphql.HandlerExtension.
func (CostLimit) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationContext implements graphql.OperationContextMutator.
func (c CostLimit) MutateOperationContext(ctx context.Context, opCtx *graphql.OperationContext) *gqlerror.Error {
	op := opCtx.Operation
	if op == nil {
		return nil
	}
	b := c.Bounds(ctx)
	key, memoized := c.memo.key(op, opCtx.Variables, &b)
	cost, known := 0, false
	if memoized {
		cost, known = c.memo.get(key, &b)
	}
	if !known {
		w := &costWalker{ctx: ctx, vars: opCtx.Variables, fragments: make(map[string]*ast.FragmentDefinition), all: &b}
		for _, f := range opCtx.Doc.Fragments {
			w.fragments[f.Name] = f
		}
		var err *gqlerror.Error
		if cost, err = w.set(op.SelectionSet, costScope{b: &b}); err != nil {
			return err
		}
		if memoized {
			c.memo.put(key, &b, cost)
		}
	}
	opCtx.Stats.SetExtension(costExtension, &Cost{RequestedQueryCost: cost, MaximumAvailable: c.Max})
	if cost > c.Max {
		err := gqlerror.Errorf("operation costs %d, which exceeds the limit of %d", cost, c.Max)
		errcode.Set(err, CodeComplexityLimit)
		return err
	}
	return nil
}

// InterceptResponse implements graphql.ResponseInterceptor: it adds extensions.cost.
func (c CostLimit) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	resp := next(ctx)
	if cost := operationCost(ctx); resp != nil && cost != nil {
		if resp.Extensions == nil {
			resp.Extensions = map[string]any{}
		}
		resp.Extensions[costExtension] = *cost
	}
	return resp
}

// costScope is what a field's cost needs from the fields above it.
type costScope struct {
	// b are the bounds of what the selection can reach (see costRule.datasets).
	b *career.Bounds
	// steps is the most professions of a path (maxSteps+1) under careerPaths and careerProgression.
	steps int
	// page is the `first` (or `last`) of the connection above.
	page int
}

// costWalker sums the cost of a selection.
type costWalker struct {
	ctx       context.Context
	vars      map[string]any
	fragments map[string]*ast.FragmentDefinition
	all       *career.Bounds // the bounds of all the data
	visits    int
}

// set returns the cost of a selection set.
func (w *costWalker) set(set ast.SelectionSet, scope costScope) (int, *gqlerror.Error) {
	total := 0
	for _, sel := range set {
		w.visits++
		if w.visits%contextCheckEvery == 0 {
			if err := w.ctx.Err(); err != nil {
				return 0, gqlerror.WrapIfUnwrapped(err)
			}
		}
		var cost int
		var err *gqlerror.Error
		switch s := sel.(type) {
		case *ast.Field:
			cost, err = w.field(s, scope)
		case *ast.InlineFragment:
			cost, err = w.set(s.SelectionSet, scope)
		case *ast.FragmentSpread:
			if f := w.fragments[s.Name]; f != nil {
				cost, err = w.set(f.SelectionSet, scope)
			}
		}
		if err != nil {
			return 0, err
		}
		total = saturate.Add(total, cost)
	}
	return total, nil
}

// field returns the cost of one field with its selection.
func (w *costWalker) field(f *ast.Field, scope costScope) (int, *gqlerror.Error) {
	var rule costRule
	var args fieldArgs
	if f.ObjectDefinition != nil {
		key := f.ObjectDefinition.Name + "." + f.Name
		var ok bool
		if rule, ok = costRules[key]; ok {
			args = fieldArgs{values: f.ArgumentMap(w.vars), ranges: ranges[key]}
		}
	}
	outer := scope
	if rule.acrossDatasets {
		scope.b = w.all
	}
	if rule.datasets != nil {
		if names, ok := rule.datasets(args); ok {
			b := scope.b.Of(names...)
			scope.b = &b
		}
	}
	if rule.scope != nil {
		scope = rule.scope(args, scope)
	}
	child, err := w.set(f.SelectionSet, scope)
	if err != nil {
		return 0, err
	}
	if rule.cost == nil {
		return saturate.Add(1, child), nil
	}
	return rule.cost(costCall{args: args, child: child, b: scope.b, outer: outer.b, all: w.all, scope: scope}), nil
}

// costRule is how a field costs more than 1 plus its selection. Every part is optional.
type costRule struct {
	// datasets names the datasets the field's selection lies in (ok false: those of the
	// field's own scope).
	datasets func(args fieldArgs) (names []string, ok bool)
	// scope returns the scope of the field's selection.
	scope func(args fieldArgs, outer costScope) costScope
	// acrossDatasets: the field links to other datasets (equivalents), so its selection lies in
	// all the data, or in the datasets that datasets names.
	acrossDatasets bool
	// cost returns the field's cost.
	cost func(c costCall) int
}

// costCall is what a cost rule reads.
type costCall struct {
	args  fieldArgs
	child int // the cost of the field's selection
	// b are the bounds of the field's selection (its datasets'); outer those of the field's
	// own scope; all those of all the data.
	b, outer, all *career.Bounds
	scope         costScope // the scope of the field's selection
}

// list is the cost of a list of n elements: 1 + n × child.
func (c costCall) list(n int) int { return saturate.Add(1, saturate.Mul(n, c.child)) }

// plus adds work to a cost.
func plus(cost int, work ...int) int { return saturate.Add(cost, saturate.Sum(work...)) }

// visits is the cost of visiting n nodes or links.
func visits(n int) int { return saturate.DivCeil(n, visitsPerUnit) }

// fieldArgs are a field's arguments as gqlparser gives them (defaults applied), with the
// ranges of its bounded arguments (see argRanges).
type fieldArgs struct {
	values map[string]any
	ranges map[string]argRange
}

// count returns a bounded Int argument (see argRanges). ok is false when it lies out of its
// range: the field is refused when it runs, with the allowed range, before anything under it
// runs, and costs refused. Null counts as the range's max. An argument without @range is a
// bug.
func (a fieldArgs) count(name string) (n int, ok bool) {
	r, bounded := a.ranges[name]
	if !bounded {
		panic(fmt.Sprintf("graph: the cost model reads argument %s, which has no @%s in the schema", name, rangeDirective))
	}
	lo, hi := r.min, r.max
	var v float64
	switch x := a.values[name].(type) {
	case nil:
		return hi, true
	case int:
		v = float64(x)
	case int32:
		v = float64(x)
	case int64:
		v = float64(x)
	case float64:
		v = x
	case json.Number:
		f, err := x.Float64()
		if err != nil {
			return 0, false
		}
		v = f
	default:
		return 0, false
	}
	if v < float64(lo) || v > float64(hi) || v != math.Trunc(v) {
		return 0, false
	}
	return int(v), true
}

// length returns the length of a list argument that must hold lo..hi elements, as count does.
func (a fieldArgs) length(name string, lo, hi int) (n int, ok bool) {
	l, _ := a.values[name].([]any)
	if len(l) < lo || len(l) > hi {
		return 0, false
	}
	return len(l), true
}

// str returns a String argument ("" when null or absent).
func (a fieldArgs) str(name string) string {
	s, _ := a.values[name].(string)
	return s
}

// strs returns the strings of a list argument.
func (a fieldArgs) strs(name string) []string {
	l, _ := a.values[name].([]any)
	out := make([]string, 0, len(l))
	for _, v := range l {
		if s, ok := v.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// object returns the fields of an input object argument (none when null or absent).
func (a fieldArgs) object(name string) fieldArgs {
	m, _ := a.values[name].(map[string]any)
	return fieldArgs{values: m}
}

// given reports whether an argument has a non-null value.
func (a fieldArgs) given(name string) bool { return a.values[name] != nil }

// datasetOf returns the dataset a global ID names ("" for a malformed ID, which names no node:
// no dataset has that name).
func datasetOf(id string) string {
	_, dataset, _, err := career.ParseID(id)
	if err != nil {
		return ""
	}
	return dataset
}

// idDatasets returns a rule's datasets: those of the IDs in the named arguments (ID or list).
func idDatasets(names ...string) func(fieldArgs) ([]string, bool) {
	return func(a fieldArgs) ([]string, bool) {
		var out []string
		for _, name := range names {
			if id := a.str(name); id != "" {
				out = append(out, datasetOf(id))
			}
			for _, id := range a.strs(name) {
				out = append(out, datasetOf(id))
			}
		}
		return out, len(out) > 0
	}
}

// filterDataset returns a list's datasets: its filter's dataset, or the dataset of the node
// its filter names.
func filterDataset(ids ...string) func(fieldArgs) ([]string, bool) {
	return func(a fieldArgs) ([]string, bool) {
		f := a.object("filter")
		if ds := f.str("dataset"); ds != "" {
			return []string{ds}, true
		}
		return idDatasets(ids...)(f)
	}
}

// textCost is what matching a search text costs: for every word of every reading of the
// text, the postings of the words that start as it does. Every search reads the words of all
// datasets, so b are the bounds of all the data. ok is false for a text the API refuses (see
// textArg).
func textCost(text string, b *career.Bounds) (cost int, ok bool) {
	if textArg("text", text) != nil {
		return 0, false
	}
	q, ok := textsearch.ParseQuery(text)
	if !ok {
		return 0, false
	}
	postings := 0
	for _, words := range q.Variants() {
		for _, word := range words {
			postings = saturate.Add(postings, b.WordPostings(word))
		}
	}
	return saturate.DivCeil(postings, textPostingsPerUnit), true
}

// walksUpTo returns Σ walks_k for k = 1..steps. Beyond the walks the bounds count, each step
// multiplies by the largest out-degree.
func walksUpTo(b *career.Bounds, steps int) int {
	total, w := 0, 1
	for k := 1; k <= steps; k++ {
		if k <= len(b.Walks) {
			w = b.Walks[k-1]
		} else {
			w = saturate.Mul(w, b.MaxNextCareers)
		}
		total = saturate.Add(total, w)
	}
	return total
}

// pathSearch is what careerPaths' depth-first search can visit: each length 1..steps is
// searched in turn, and the search of length L visits at most walks_k links k moves out.
func pathSearch(b *career.Bounds, steps int) int {
	total := 0
	for length := 1; length <= steps; length++ {
		total = saturate.Add(total, walksUpTo(b, length))
	}
	return total
}

// refused is the cost of a field refused for its arguments: nothing under it runs.
const refused = 1

// stepsScope sets the path length of careerPaths and careerProgression.
func stepsScope(args fieldArgs, outer costScope) costScope {
	steps, _ := args.count("maxSteps")
	outer.steps = steps + 1
	return outer
}

// pageScope sets the page size of a connection.
func pageScope(args fieldArgs, outer costScope) costScope {
	outer.page, _ = pageSize(args)
	return outer
}

// pageSize returns the most items a page of a connection holds: its last when given (a
// backward page), else its first.
func pageSize(args fieldArgs) (int, bool) {
	if args.values["last"] != nil {
		return args.count("last")
	}
	return args.count("first")
}

// connectionCost is the cost of a connection field: 1 + its selection (whose edges and nodes
// cost the page) + what its filter costs.
func connectionCost(filter func(c costCall) (int, bool)) func(costCall) int {
	return func(c costCall) int {
		if _, ok := pageSize(c.args); !ok {
			return refused
		}
		work, ok := 0, true
		if filter != nil {
			work, ok = filter(c)
		}
		if !ok {
			return refused
		}
		return plus(saturate.Add(1, c.child), work)
	}
}

// filterCost is what a list filter costs: its text's matching, and a scan of the n listed
// nodes (of the filter's dataset, when it names one) when a filter other than dataset is given.
func filterCost(n func(b *career.Bounds) int, scanned ...string) func(c costCall) (int, bool) {
	return func(c costCall) (int, bool) {
		filter := c.args.object("filter")
		work := 0
		if filter.given("text") {
			text, ok := textCost(filter.str("text"), c.all)
			if !ok {
				return 0, false
			}
			work = text
		}
		for _, name := range scanned {
			if filter.given(name) {
				return plus(work, visits(n(c.b))), true
			}
		}
		return work, true
	}
}

// listOf returns a rule for a list field whose length is bounded by the data.
func listOf(n func(b *career.Bounds) int) costRule {
	return costRule{cost: func(c costCall) int { return c.list(n(c.b)) }}
}

// firstList returns the cost function of a list field of at most `first` elements that does
// work besides: 1 + first × its selection + work.
func firstList(work func(c costCall) (int, bool)) func(costCall) int {
	return func(c costCall) int {
		first, ok := c.args.count("first")
		if !ok {
			return refused
		}
		w, ok := work(c)
		if !ok {
			return refused
		}
		return plus(c.list(first), w)
	}
}

// costRules are the fields that cost more than 1 plus their selection, or whose selection
// lies in datasets they name, by "Type.field".
var costRules = map[string]costRule{
	"Query.node": {datasets: idDatasets("id")},
	"Query.nodes": {datasets: idDatasets("ids"), cost: func(c costCall) int {
		n, ok := c.args.length("ids", 0, maxNodesIDs)
		if !ok {
			return refused
		}
		return c.list(n)
	}},
	"Query.profession": {datasets: func(a fieldArgs) ([]string, bool) {
		if id := a.str("id"); id != "" {
			return []string{datasetOf(id)}, true
		}
		return []string{a.str("dataset")}, a.given("code")
	}},
	"Query.skill":           {datasets: idDatasets("id")},
	"Query.tool":            {datasets: idDatasets("id")},
	"Query.training":        {datasets: idDatasets("id")},
	"Query.occupationGroup": {datasets: idDatasets("id")},
	"Query.datasets":        listOf(func(b *career.Bounds) int { return b.Datasets }),
	"Query.professions": {datasets: filterDataset("skill", "tool"), scope: pageScope, cost: connectionCost(filterCost(
		func(b *career.Bounds) int { return b.Professions }, "text", "sector", "skill", "tool"))},
	"Query.skills": {datasets: filterDataset(), scope: pageScope, cost: connectionCost(filterCost(
		func(b *career.Bounds) int { return b.Skills }, "text", "kind"))},
	"Query.tools": {datasets: filterDataset(), scope: pageScope, cost: connectionCost(filterCost(
		func(b *career.Bounds) int { return b.Tools }, "text", "category"))},
	"Query.trainings": {datasets: filterDataset(), scope: pageScope, cost: connectionCost(filterCost(
		func(b *career.Bounds) int { return b.Trainings }, "text", "level"))},
	"Query.search": {
		datasets: func(a fieldArgs) ([]string, bool) { return []string{a.str("dataset")}, a.given("dataset") },
		cost: firstList(func(c costCall) (int, bool) {
			return textCost(c.args.str("text"), c.all)
		}),
	},
	"Query.careerPaths": {datasets: idDatasets("from", "to"), scope: stepsScope,
		cost: firstList(func(c costCall) (int, bool) {
			steps, ok := c.args.count("maxSteps")
			return visits(pathSearch(movesBounds(c), steps)), ok
		})},
	"Query.careerProgression": {datasets: idDatasets("from"), scope: stepsScope, cost: func(c costCall) int {
		first, ok1 := c.args.count("first")
		steps, ok2 := c.args.count("maxSteps")
		if !ok1 || !ok2 {
			return refused
		}
		b := movesBounds(c)
		reach := walksUpTo(b, steps)
		return plus(c.list(min(first, b.Professions, reach)), visits(min(reach, b.Moves)))
	}},
	"Query.skillGap": {datasets: idDatasets("from", "to"), cost: func(c costCall) int {
		return plus(saturate.Add(1, c.child), visits(saturate.Sum(
			saturate.Mul(2, c.b.MaxRequirements), saturate.Mul(2, c.b.MaxTools), c.b.MaxTrainings)))
	}},
	// The professions matched are those linked to the skills and tools given.
	"Query.matchProfessions": {datasets: idDatasets("skills", "tools"),
		cost: firstList(func(c costCall) (int, bool) {
			skills, ok1 := c.args.length("skills", 1, maxMatchSkills)
			tools, ok2 := c.args.length("tools", 0, maxMatchTools)
			walked := saturate.Add(saturate.Mul(skills, c.b.MaxSkillUse), saturate.Mul(tools, c.b.MaxToolUse))
			return visits(min(walked, c.b.Postings)), ok1 && ok2
		})},
	"Query.similarProfessions": {datasets: idDatasets("to"),
		cost: firstList(func(c costCall) (int, bool) {
			return visits(c.b.MaxSimilarPostings), true
		})},
	// The professions matched are read from an index by interest code, at most first of them.
	"Query.matchInterests": {
		datasets: func(a fieldArgs) ([]string, bool) { return []string{a.str("dataset")}, a.given("dataset") },
		cost:     firstList(func(costCall) (int, bool) { return 0, true }),
	},

	// topSkills skips the skills of other datasets, so its work is over all of them.
	"GraphStats.topSkills": {cost: firstList(func(c costCall) (int, bool) {
		if c.args.given("dataset") {
			return visits(c.all.Skills), true
		}
		return 0, true
	})},

	"Profession.qualities":        listOf(func(b *career.Bounds) int { return b.MaxQualities }),
	"Profession.skills":           listOf(func(b *career.Bounds) int { return b.MaxRequirements }),
	"Profession.tools":            listOf(func(b *career.Bounds) int { return b.MaxTools }),
	"Profession.trainings":        listOf(func(b *career.Bounds) int { return b.MaxTrainings }),
	"Profession.nextCareers":      {cost: func(c costCall) int { return c.list(movesBounds(c).MaxNextCareers) }},
	"Profession.previousCareers":  listOf(func(b *career.Bounds) int { return b.MaxPreviousCareers }),
	"Profession.specializations":  listOf(func(b *career.Bounds) int { return b.MaxSpecializations }),
	"Skill.professions":           {scope: pageScope, cost: connectionCost(nil)},
	"Tool.professions":            {scope: pageScope, cost: connectionCost(nil)},
	"Training.professions":        {scope: pageScope, cost: connectionCost(nil)},
	"Profession.groups":           listOf(func(b *career.Bounds) int { return b.MaxProfessionGroups }),
	"OccupationGroup.narrower":    listOf(func(b *career.Bounds) int { return b.MaxNarrowerGroups }),
	"OccupationGroup.professions": {scope: pageScope, cost: connectionCost(nil)},
	"Profession.equivalents":      equivalentsCost,

	// The skill graph (skillgraph.graphqls).
	"Skill.broader":       listOf(func(b *career.Bounds) int { return b.MaxBroaderSkills }),
	"Skill.relatedSkills": listOf(func(b *career.Bounds) int { return b.MaxRelatedSkills }),
	"Skill.collections":   listOf(func(*career.Bounds) int { return len(career.SkillCollections) }),
	"Skill.narrower":      {scope: pageScope, cost: connectionCost(nil)},
	"Skill.coRequired":    {cost: firstList(func(costCall) (int, bool) { return 0, true })},

	"CareerPath.steps": {cost: func(c costCall) int { return c.list(c.scope.steps) }},
	"CareerStep.path":  {cost: func(c costCall) int { return c.list(c.scope.steps) }},

	"SkillGap.shared":       listOf(func(b *career.Bounds) int { return b.MaxRequirements }),
	"SkillGap.missing":      listOf(func(b *career.Bounds) int { return b.MaxRequirements }),
	"SkillGap.missingTools": listOf(func(b *career.Bounds) int { return b.MaxTools }),
	"SkillGap.trainings":    listOf(func(b *career.Bounds) int { return b.MaxTrainings }),
	// comparedThrough lists from's equivalents, in to's dataset (the field's own scope).
	"SkillGap.comparedThrough": {cost: func(c costCall) int { return c.list(c.all.MaxEquivalents) }},

	"ProfessionMatch.matchedSkills": listOf(func(b *career.Bounds) int { return b.MaxRequirements }),
	"ProfessionMatch.missingSkills": listOf(func(b *career.Bounds) int { return b.MaxRequirements }),

	"ProfessionConnection.edges": {cost: pageCost},
	"ProfessionConnection.nodes": {cost: pageCost},
	"SkillConnection.edges":      {cost: pageCost},
	"SkillConnection.nodes":      {cost: pageCost},
	"ToolConnection.edges":       {cost: pageCost},
	"ToolConnection.nodes":       {cost: pageCost},
	"TrainingConnection.edges":   {cost: pageCost},
	"TrainingConnection.nodes":   {cost: pageCost},
}

// equivalentsCost is the rule of Profession.equivalents: a list of at most the most
// equivalents of one profession in all the data (links of several datasets meet on one
// profession), whose selection lies in the datasets its dataset argument names, or in all.
var equivalentsCost = costRule{
	acrossDatasets: true,
	datasets: func(a fieldArgs) ([]string, bool) {
		if ds := a.str("dataset"); ds != "" {
			return []string{ds}, true
		}
		return nil, false
	},
	cost: func(c costCall) int { return c.list(c.all.MaxEquivalents) },
}

// pageCost is the cost of a connection's edges or nodes: a list of the connection's `first`.
func pageCost(c costCall) int { return c.list(c.scope.page) }
