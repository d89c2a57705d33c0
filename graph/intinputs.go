package graph

import (
	"context"
	"strconv"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/validator/core"
	"github.com/vektah/gqlparser/v2/validator/rules"

	"github.com/careergraph/careergraph/graph/scalar"
)

// Int inputs are checked before anything runs, by the rule of scalar.CoerceInt, and refused
// with GRAPHQL_VALIDATION_FAILED and scalar.IntMessage: literals in the document by
// ValidationRules (once per document: validated documents are cached), variables by
// IntVariables (every request, before the depth and cost checks).

// ValidationRules are gqlparser's validation rules, with Int literals checked by
// scalar.CoerceInt: `first: 1106804644422572897`, `first: 1e3` or `first: "10"` is refused with
// the value and the range, before the cost of the operation is computed.
func ValidationRules() *rules.Rules {
	r := rules.NewDefaultRules()
	r.RemoveRule(rules.ValuesOfCorrectTypeRule.Name)
	r.AddRule(rules.ValuesOfCorrectTypeRule.Name, valuesOfCorrectType)
	return r
}

// gqlparserIntMessage starts the messages gqlparser gives literals at Int positions; they say
// neither the range nor what to give, and valuesOfCorrectType says both instead.
const gqlparserIntMessage = "Int cannot represent non"

// valuesOfCorrectType is gqlparser's ValuesOfCorrectType rule, except that it checks Int
// literals itself.
func valuesOfCorrectType(observers *core.Events, addError core.AddErrFunc) {
	observers.OnValue(func(_ *core.Walker, v *ast.Value) {
		if !isIntPosition(v) || v.Kind == ast.Variable || v.Kind == ast.NullValue {
			return // variables are checked with their values; gqlparser refuses null for Int!
		}
		if v.Kind == ast.IntValue {
			if n, err := strconv.ParseInt(v.Raw, 10, 64); err == nil {
				if _, ok := scalar.CoerceInt(n); ok {
					return
				}
			}
		}
		addError(core.Message("%s", scalar.IntMessage(scalar.Show(v.String()))), core.At(v.Position))
	})
	rules.ValuesOfCorrectTypeRule.RuleFunc(observers, func(options ...core.ErrorOption) {
		var err gqlerror.Error
		for _, o := range options {
			o(&err)
		}
		if strings.HasPrefix(err.Message, gqlparserIntMessage) {
			return
		}
		addError(options...)
	})
}

// isIntPosition reports whether a literal stands where the schema expects an Int (a list of
// Ints is checked element by element; one Int given for a list is checked itself).
func isIntPosition(v *ast.Value) bool {
	return v.ExpectedType != nil && v.Definition != nil && v.Definition.Kind == ast.Scalar && v.Definition.Name == "Int" &&
		(v.ExpectedType.Elem == nil || v.Kind != ast.ListValue)
}

// IntVariables is a handler extension that refuses variables whose values at Int positions
// are not Ints (`"10"`, `10.5`, `1e100`, `2147483648`, `true`), with the variable, the value
// and the range. Register it before the depth and complexity limits, so that no cost is
// computed from a value that is not an Int.
type IntVariables struct {
	Schema *ast.Schema
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = IntVariables{}

// ExtensionName implements graphql.HandlerExtension.
func (IntVariables) ExtensionName() string { return "IntVariables" }

// Validate implements graphql.HandlerExtension.
func (IntVariables) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationContext implements graphql.OperationContextMutator.
func (iv IntVariables) MutateOperationContext(_ context.Context, opCtx *graphql.OperationContext) *gqlerror.Error {
	return intVariableError(iv.Schema, opCtx.Operation, opCtx.Variables, "")
}

// intVariableError returns the error of the first variable of op (or of the variable named
// only, when not "") whose value holds something other than an Int at an Int position; nil
// when there is none. vars are the values as the client sent them (json.Number for numbers)
// or as gqlparser coerced them (int64).
func intVariableError(schema *ast.Schema, op *ast.OperationDefinition, vars map[string]any, only string) *gqlerror.Error {
	if op == nil {
		return nil
	}
	for _, def := range op.VariableDefinitions {
		if only != "" && def.Variable != only {
			continue
		}
		v, given := vars[def.Variable]
		if !given {
			continue // the default, checked with the document, or gqlparser's "must be defined"
		}
		if err := intValueError(schema, def.Type, v, ast.Path{ast.PathName("variable"), ast.PathName(def.Variable)}); err != nil {
			return err
		}
	}
	return nil
}

// intValueError checks the Int positions of a value of type typ, through lists and input
// objects.
func intValueError(schema *ast.Schema, typ *ast.Type, v any, path ast.Path) *gqlerror.Error {
	if typ.Elem != nil {
		list, ok := v.([]any)
		if !ok {
			return intValueError(schema, typ.Elem, v, path) // one value given for a list
		}
		for i, e := range list {
			if err := intValueError(schema, typ.Elem, e, append(path[:len(path):len(path)], ast.PathIndex(i))); err != nil {
				return err
			}
		}
		return nil
	}
	def := schema.Types[typ.NamedType]
	switch {
	case def == nil:
		return nil
	case def.Kind == ast.Scalar && def.Name == "Int":
		if v == nil && !typ.NonNull {
			return nil
		}
		if _, ok := scalar.CoerceInt(v); ok {
			return nil
		}
		err := scalar.IntError(scalar.ShowJSON(v))
		err.Message = "variable $" + strings.TrimPrefix(path.String(), "variable.") + ": " + err.Message
		err.Path = path
		return err
	case def.Kind == ast.InputObject:
		fields, ok := v.(map[string]any)
		if !ok {
			return nil // gqlparser refuses it
		}
		for _, f := range def.Fields {
			if fv, given := fields[f.Name]; given {
				if err := intValueError(schema, f.Type, fv, append(path[:len(path):len(path)], ast.PathName(f.Name))); err != nil {
					return err
				}
			}
		}
	}
	return nil
}
