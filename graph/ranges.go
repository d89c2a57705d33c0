package graph

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/graph/generated"
)

// Argument ranges are written once, in the schema: a bounded Int argument carries
// `@range(min: …, max: …)` and its default value (graph/schema/api.graphqls defines the
// directive). At start the package reads them into argRanges, which feeds
//   - the resolvers' checks (intArg, pageArgs): BAD_USER_INPUT naming the range;
//   - the cost model (fieldArgs.count): the most elements a list can have;
//   - the schema's descriptions (stateRanges): "first: 1..100." at the end of the first
//     paragraph of the field's description, and "1..100." at the end of the argument's, as
//     the served schema (apiSchema) gives them.

// Caps that are not ranges of Int arguments: list lengths and search texts. Validation (the
// resolvers), the cost model and the schema's descriptions (TestDescriptionsStateTheCaps)
// use these.
const (
	maxNodesIDs    = 100 // nodes(ids)
	maxMatchSkills = 100 // matchProfessions(skills): 1..maxMatchSkills IDs
	maxMatchTools  = 100 // matchProfessions(tools): 0..maxMatchTools IDs
	maxSearchText  = 200 // search(text) and filter.text: characters
	maxSearchWords = 20  // search(text) and filter.text: words
)

// rangeDirective is the schema's directive that bounds an Int argument.
const rangeDirective = "range"

// argRange is the range and the default of a bounded Int argument; def is 0 for an argument
// without a default value (a connection's last), which is not given when null.
type argRange struct {
	min, max, def int
}

// argRanges are the ranges of a schema's bounded arguments: "Type.field" → argument → range.
type argRanges map[string]map[string]argRange

// apiSchema is the schema the API serves, and ranges the ranges of its bounded arguments.
var apiSchema, ranges = mustServe(generated.NewExecutableSchema(generated.Config{}).Schema())

// mustServe readies the schema gqlgen parsed for serving (see serve); the schema is compiled
// in, so an error is a bug in it (TestArgumentRanges fails on it first).
func mustServe(s *ast.Schema) (*ast.Schema, argRanges) {
	r, err := serve(s)
	if err != nil {
		panic(fmt.Sprintf("graph: the schema's argument ranges: %v", err))
	}
	return s, r
}

// serve reads the ranges of a schema's bounded arguments, states them in their fields' and
// their own descriptions, and leaves @range out of the schema's directives: it is the schema source's
// notation, whose meaning the descriptions and the errors carry. It changes s, and is run
// once on it.
func serve(s *ast.Schema) (argRanges, error) {
	r, err := readRanges(s)
	if err != nil {
		return nil, err
	}
	for _, def := range s.Types {
		for _, f := range def.Fields {
			if args := r[def.Name+"."+f.Name]; args != nil {
				f.Description = stateRanges(f.Description, f.Arguments, args)
				for _, a := range f.Arguments {
					if ar, ok := args[a.Name]; ok {
						a.Description = stateRange(a.Description, ar)
					}
				}
			}
		}
	}
	delete(s.Directives, rangeDirective)
	return r, nil
}

// readRanges returns the ranges the @range directives of a schema give.
func readRanges(s *ast.Schema) (argRanges, error) {
	out := argRanges{}
	for _, def := range s.Types {
		for _, f := range def.Fields {
			for _, a := range f.Arguments {
				d := a.Directives.ForName(rangeDirective)
				if d == nil {
					continue
				}
				field := def.Name + "." + f.Name
				r, err := readRange(d, a)
				if err != nil {
					return nil, fmt.Errorf("%s(%s): %w", field, a.Name, err)
				}
				if out[field] == nil {
					out[field] = map[string]argRange{}
				}
				out[field][a.Name] = r
			}
		}
	}
	return out, nil
}

// readRange returns the range one @range directive gives its argument a.
func readRange(d *ast.Directive, a *ast.ArgumentDefinition) (argRange, error) {
	if a.Type.Name() != "Int" || a.Type.Elem != nil {
		return argRange{}, fmt.Errorf("@%s bounds an Int, not %s", rangeDirective, a.Type)
	}
	type bound struct {
		what  string
		value *ast.Value
		to    *int
	}
	var r argRange
	bounds := []bound{{"min", d.Arguments.ForName("min").Value, &r.min}, {"max", d.Arguments.ForName("max").Value, &r.max}}
	if a.DefaultValue != nil {
		bounds = append(bounds, bound{"default", a.DefaultValue, &r.def})
	}
	for _, v := range bounds {
		n, err := strconv.Atoi(v.value.Raw)
		if err != nil || v.value.Kind != ast.IntValue {
			return argRange{}, fmt.Errorf("%s %s is not an integer", v.what, v.value)
		}
		*v.to = n
	}
	if r.min > r.max {
		return argRange{}, fmt.Errorf("min %d must not exceed max %d", r.min, r.max)
	}
	if a.DefaultValue != nil && (r.def < r.min || r.def > r.max) {
		return argRange{}, fmt.Errorf("default %d must lie in %d..%d", r.def, r.min, r.max)
	}
	return r, nil
}

// stateRanges returns a field's description with the ranges of its bounded arguments, in
// their order, stated at the end of its first paragraph: "… then ID. first: 1..100."
func stateRanges(description string, args ast.ArgumentDefinitionList, ranges map[string]argRange) string {
	var stated []string
	for _, a := range args {
		if r, ok := ranges[a.Name]; ok {
			stated = append(stated, fmt.Sprintf("%s: %d..%d", a.Name, r.min, r.max))
		}
	}
	sentence := " " + strings.Join(stated, ", ") + "."
	if end := strings.Index(description, "\n\n"); end >= 0 {
		return description[:end] + sentence + description[end:]
	}
	return description + sentence
}

// stateRange returns an argument's description with its range at the end: "… Not with
// `first`. 1..100."
func stateRange(description string, r argRange) string {
	sentence := fmt.Sprintf("%d..%d.", r.min, r.max)
	if description == "" {
		return sentence
	}
	return description + " " + sentence
}

// rangeOf returns the range of a bounded argument of field ("Type.field"). Asking for an
// argument without @range is a bug.
func rangeOf(field, name string) argRange {
	r, ok := ranges[field][name]
	if !ok {
		panic(fmt.Sprintf("graph: %s(%s) has no @%s in the schema", field, name, rangeDirective))
	}
	return r
}

// fieldName returns the "Type.field" of the field being resolved.
func fieldName(ctx context.Context) string {
	fc := graphql.GetFieldContext(ctx)
	return fc.Object + "." + fc.Field.Name
}

// intArg returns the value of a bounded argument of the field being resolved (see fieldIntArg).
func intArg(ctx context.Context, name string, v *int) (int, error) {
	return fieldIntArg(fieldName(ctx), name, v)
}

// fieldIntArg returns the value of a bounded argument of field ("Type.field"): its default when
// null (0 for an argument without one), or a BAD_USER_INPUT error naming the allowed range.
func fieldIntArg(field, name string, v *int) (int, error) {
	r := rangeOf(field, name)
	if v == nil {
		return r.def, nil
	}
	if *v < r.min || *v > r.max {
		return 0, career.Errorf(career.EINVALID, "%s must be between %d and %d, got %d", name, r.min, r.max, *v)
	}
	return *v, nil
}
