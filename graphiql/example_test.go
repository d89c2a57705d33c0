package graphiql_test

import (
	"net/http"

	"github.com/careergraph/careergraph/graphiql"
)

// The playground at "/" next to the GraphQL endpoint at "/query"; the more specific pattern wins.
func ExampleHandler() {
	var graphqlHandler http.Handler = http.NotFoundHandler() // the gqlgen server in the real wiring

	mux := http.NewServeMux()
	mux.Handle("/query", graphqlHandler)
	mux.Handle("/", graphiql.Handler("careergraph", "/query", []graphiql.Example{
		{Query: `query Search { search(text: "développeuse") { score node { id ... on Profession { name } } } }`},
	}))
	_ = mux
}
