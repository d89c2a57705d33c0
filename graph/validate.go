package graph

import (
	"context"
	"strconv"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/parser"

	"github.com/careergraph/careergraph/internal/saturate"
)

// Codes of the document limits.
const (
	CodeDepthLimit     = "DEPTH_LIMIT_EXCEEDED"
	CodeFieldLimit     = "FIELD_LIMIT_EXCEEDED"
	CodeAliasLimit     = "ALIAS_LIMIT_EXCEEDED"
	CodeFragmentLimit  = "FRAGMENT_LIMIT_EXCEEDED"
	CodeDuplicateLimit = "DUPLICATE_FIELD_LIMIT_EXCEEDED"
)

// contextCheckEvery is how many fields the document and cost walks visit between two looks at
// the request's context.
const contextCheckEvery = 1024

// DocumentLimits checks a query document against Limits before gqlgen validates it, in time
// linear in the document: gqlgen's validation (its OverlappingFieldsCanBeMerged rule compares
// every pair of fields that share a response name, recursively) and the walks after it grow
// faster than the document, and run before any OperationContextMutator could stop them. It
// parses the query itself (gqlparser's parser is linear) and refuses, each with its code:
//
//   - more than Limits.Spreads fragment spreads in the document (FRAGMENT_LIMIT_EXCEEDED);
//   - a fragment that spreads itself, directly or not (GRAPHQL_VALIDATION_FAILED);
//   - more than Limits.Fields selections (fields, inline fragments and fragment spreads) once
//     every fragment spread is expanded, counting each operation and each fragment definition
//     (FIELD_LIMIT_EXCEEDED): fragments are counted once each (memoised), so a fragment bomb
//     is refused without being expanded;
//   - an operation to run that nests deeper than Limits.Depth (DEPTH_LIMIT_EXCEEDED);
//   - more than Limits.Aliases aliases, fragment spreads expanded (ALIAS_LIMIT_EXCEEDED);
//   - one response name selected more than Limits.Duplicates times at one place of the
//     result, fragments included (DUPLICATE_FIELD_LIMIT_EXCEEDED).
//
// Only after that count is known to be within Limits.Fields are fragments expanded, so the
// whole check visits at most the document's selections twice plus Limits.Fields selections. Documents that do
// not parse are left to gqlgen, which reports the parse error. Register it after the automatic
// persisted queries extension, which fills in the query text.
//
// Accepted, when set, remembers the documents (query text and operation name) that passed,
// so that a document sent again is not parsed and counted again; refused documents are checked
// each time they are sent.
type DocumentLimits struct {
	Limits   Limits
	Accepted graphql.Cache[struct{}]
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationParameterMutator
} = DocumentLimits{}

// ExtensionName implements graphql.HandlerExtension.
func (DocumentLimits) ExtensionName() string { return "DocumentLimits" }

// Validate implements graphql.HandlerExtension.
func (DocumentLimits) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationParameters implements graphql.OperationParameterMutator.
func (d DocumentLimits) MutateOperationParameters(ctx context.Context, params *graphql.RawParams) *gqlerror.Error {
	if params.Query == "" {
		return nil
	}
	key := acceptedKey(params)
	if d.Accepted != nil {
		if _, ok := d.Accepted.Get(ctx, key); ok {
			return nil
		}
	}
	limits := d.Limits.withDefaults()
	doc, err := parser.ParseQueryWithTokenLimit(&ast.Source{Input: params.Query}, limits.ParserTokens)
	if err != nil || doc == nil {
		return nil // gqlgen parses it again and reports the error
	}
	if err := checkDocument(ctx, doc, params.OperationName, limits); err != nil {
		return err
	}
	if d.Accepted != nil {
		d.Accepted.Add(ctx, key, struct{}{})
	}
	return nil
}

// acceptedKey is the key of a document in DocumentLimits.Accepted: the operation name, its
// length first so that no other name and text make the same key, and the query text.
func acceptedKey(params *graphql.RawParams) string {
	return strconv.Itoa(len(params.OperationName)) + ":" + params.OperationName + params.Query
}

// limitError returns an error with a code and a message.
func limitError(code, format string, args ...any) *gqlerror.Error {
	err := gqlerror.Errorf(format, args...)
	errcode.Set(err, code)
	return err
}

// checkDocument applies the limits to a parsed document whose operation operationName is to run.
func checkDocument(ctx context.Context, doc *ast.QueryDocument, operationName string, limits Limits) *gqlerror.Error {
	c := &documentCounter{ctx: ctx, fragments: make(map[string]*ast.FragmentDefinition, len(doc.Fragments))}
	for _, f := range doc.Fragments {
		if _, dup := c.fragments[f.Name]; !dup {
			c.fragments[f.Name] = f // a second definition is gqlgen's validation error
		}
	}
	if err := c.count(doc); err != nil {
		return err
	}
	if c.spreads > limits.Spreads {
		return limitError(CodeFragmentLimit, "the document has %d fragment spreads, which exceeds the limit of %d", c.spreads, limits.Spreads)
	}
	if c.selections > limits.Fields {
		return limitError(CodeFieldLimit, "the document makes %d selections (fields and fragments) once its fragments are expanded, which exceeds the limit of %d", c.selections, limits.Fields)
	}

	// Expanding fragments now visits at most limits.Fields selections.
	e := &expansion{documentCounter: c, groups: make(map[groupKey]int), limits: limits}
	run := doc.Operations.ForName(operationName)
	for _, op := range doc.Operations {
		depth, err := e.walk(op.SelectionSet, e.newGroup(), 0)
		if err != nil {
			return err
		}
		if op == run && depth > limits.Depth {
			return limitError(CodeDepthLimit, "operation nests %d levels, which exceeds the limit of %d", depth, limits.Depth)
		}
	}
	for _, f := range doc.Fragments {
		if _, err := e.walk(f.SelectionSet, e.newGroup(), 0); err != nil {
			return err
		}
	}
	if e.aliases > limits.Aliases {
		return limitError(CodeAliasLimit, "the document has %d aliases once its fragments are expanded, which exceeds the limit of %d", e.aliases, limits.Aliases)
	}
	if e.duplicate != nil {
		return limitError(CodeDuplicateLimit, "%q is selected %d times at %s, which exceeds the limit of %d",
			e.duplicate.name, e.duplicate.count, e.duplicate.path, limits.Duplicates)
	}
	return nil
}

// documentCounter counts a document's fragment spreads (as written) and its selections with
// every spread expanded, each fragment's count computed once.
type documentCounter struct {
	ctx       context.Context
	fragments map[string]*ast.FragmentDefinition
	visits    int

	spreads    int // fragment spreads, as written
	selections int // fields, inline fragments and spreads, every spread expanded (saturating)

	// expanded is each fragment's selection count, spreads expanded; active marks the
	// fragments being counted, to find cycles.
	expanded map[string]int
	active   map[string]bool
	stack    []string
}

// count counts every operation and fragment definition of doc, reading each once.
func (c *documentCounter) count(doc *ast.QueryDocument) *gqlerror.Error {
	c.expanded = make(map[string]int, len(c.fragments))
	c.active = make(map[string]bool)
	for _, op := range doc.Operations {
		n, err := c.set(op.SelectionSet)
		if err != nil {
			return err
		}
		c.selections = saturate.Add(c.selections, n)
	}
	for _, f := range doc.Fragments {
		var n int
		var err *gqlerror.Error
		if c.fragments[f.Name] == f {
			n, err = c.fragment(f.Name)
		} else {
			// A second definition of a name, which gqlgen's validation refuses: counted as
			// written, as it will be read.
			n, err = c.set(f.SelectionSet)
		}
		if err != nil {
			return err
		}
		c.selections = saturate.Add(c.selections, n)
	}
	return nil
}

// visit notes one visited selection and looks at the context now and then.
func (c *documentCounter) visit() *gqlerror.Error {
	c.visits++
	if c.visits%contextCheckEvery == 0 {
		if err := c.ctx.Err(); err != nil {
			return gqlerror.WrapIfUnwrapped(err)
		}
	}
	return nil
}

// set returns the number of selections in set, spreads expanded, and counts its spreads as
// written (each operation and fragment definition is read once).
func (c *documentCounter) set(set ast.SelectionSet) (int, *gqlerror.Error) {
	n := 0
	for _, sel := range set {
		if err := c.visit(); err != nil {
			return 0, err
		}
		switch s := sel.(type) {
		case *ast.Field:
			sub, err := c.set(s.SelectionSet)
			if err != nil {
				return 0, err
			}
			n = saturate.Sum(n, 1, sub)
		case *ast.InlineFragment:
			sub, err := c.set(s.SelectionSet)
			if err != nil {
				return 0, err
			}
			n = saturate.Sum(n, 1, sub)
		case *ast.FragmentSpread:
			c.spreads++
			sub, err := c.fragment(s.Name)
			if err != nil {
				return 0, err
			}
			n = saturate.Sum(n, 1, sub)
		}
	}
	return n, nil
}

// fragment returns the number of selections a spread of the named fragment brings, counting
// the fragment once. Unknown fragments bring none (gqlgen's validation refuses them).
func (c *documentCounter) fragment(name string) (int, *gqlerror.Error) {
	if n, ok := c.expanded[name]; ok {
		return n, nil
	}
	f := c.fragments[name]
	if f == nil {
		return 0, nil
	}
	if c.active[name] {
		cycle := append(c.stack[indexOf(c.stack, name):], name)
		err := gqlerror.Errorf("fragment %s spreads itself (%s)", name, strings.Join(cycle, " → "))
		errcode.Set(err, errcode.ValidationFailed)
		return 0, err
	}
	c.active[name] = true
	c.stack = append(c.stack, name)
	n, err := c.set(f.SelectionSet)
	c.stack = c.stack[:len(c.stack)-1]
	delete(c.active, name)
	if err != nil {
		return 0, err
	}
	c.expanded[name] = n
	return n, nil
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return 0
}

// expansion walks a document with its fragments expanded (known to be small by then): depth,
// aliases, and how many times each response name is selected at each place of the result.
type expansion struct {
	*documentCounter
	limits  Limits
	aliases int
	// groups numbers each place of the result: a response name under a parent place. counts
	// is how many fields each place merges; paths tells where it is, for messages.
	groups    map[groupKey]int
	counts    []int
	paths     []string
	duplicate *duplicateField
}

type groupKey struct {
	parent int
	name   string
}

type duplicateField struct {
	name, path string
	count      int
}

// newGroup returns a new root place (an operation's or a fragment's result).
func (e *expansion) newGroup() int {
	e.counts = append(e.counts, 0)
	e.paths = append(e.paths, "")
	return len(e.counts) - 1
}

// walk visits set under the place parent at depth, and returns the deepest depth reached.
func (e *expansion) walk(set ast.SelectionSet, parent, depth int) (int, *gqlerror.Error) {
	deepest := depth
	for _, sel := range set {
		if err := e.visit(); err != nil {
			return 0, err
		}
		var d int
		var err *gqlerror.Error
		switch s := sel.(type) {
		case *ast.Field:
			if s.Alias != "" && s.Alias != s.Name {
				e.aliases++
			}
			d, err = e.walk(s.SelectionSet, e.place(parent, s), depth+1)
		case *ast.InlineFragment:
			d, err = e.walk(s.SelectionSet, parent, depth)
		case *ast.FragmentSpread:
			if f := e.fragments[s.Name]; f != nil {
				d, err = e.walk(f.SelectionSet, parent, depth)
			}
		}
		if err != nil {
			return 0, err
		}
		deepest = max(deepest, d)
	}
	return deepest, nil
}

// place returns the place of field f under parent, counting f there.
func (e *expansion) place(parent int, f *ast.Field) int {
	name := f.Alias
	if name == "" {
		name = f.Name
	}
	key := groupKey{parent, name}
	g, ok := e.groups[key]
	if !ok {
		g = len(e.counts)
		e.groups[key] = g
		e.counts = append(e.counts, 0)
		path := name
		if p := e.paths[parent]; p != "" {
			path = p + "." + name
		}
		e.paths = append(e.paths, path)
	}
	e.counts[g]++
	if e.counts[g] > e.limits.Duplicates && (e.duplicate == nil || e.duplicate.path == e.paths[g]) {
		e.duplicate = &duplicateField{name: name, path: e.paths[g], count: e.counts[g]}
	}
	return g
}
