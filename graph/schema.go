package graph

import (
	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/careergraph/careergraph/graph/generated"
)

// Schema returns the API's schema, as the handler serves it: the schema of graph/schema, with
// the argument ranges stated in the descriptions (see argRanges).
func Schema() *ast.Schema {
	return apiSchema
}

// newExecutableSchema returns gqlgen's executor of the API over the resolvers r.
func newExecutableSchema(r *Resolver) graphql.ExecutableSchema {
	return generated.NewExecutableSchema(generated.Config{Resolvers: r, Schema: apiSchema})
}
