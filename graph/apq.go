package graph

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/careergraph/careergraph/graph/scalar"
)

// Codes of automatic persisted queries. On PERSISTED_QUERY_NOT_FOUND Apollo clients send the
// query again with its text; the two others answer HTTP 400, on which they stop sending hashes
// and send the query (see requestErrorStatus).
const (
	// CodePersistedQueryNotFound: the server does not know the hash (yet): send the query with it.
	CodePersistedQueryNotFound = "PERSISTED_QUERY_NOT_FOUND"
	// CodePersistedQueryHashMismatch: the hash sent with a query is not the query's SHA-256.
	CodePersistedQueryHashMismatch = "PERSISTED_QUERY_HASH_MISMATCH"
	// CodePersistedQueryUnsupportedVersion: a version of the persisted-query protocol other
	// than 1.
	CodePersistedQueryUnsupportedVersion = "PERSISTED_QUERY_UNSUPPORTED_VERSION"
)

// persistedQueryVersion is the only version of Apollo's persisted-query protocol there is.
const persistedQueryVersion = 1

// persistedQueries implements automatic persisted queries (APQ): a request whose extensions
// hold {"persistedQuery": {"version": 1, "sha256Hash": "<hex>"}} may leave out the query; the
// server answers PERSISTED_QUERY_NOT_FOUND until the client has sent the query once with its
// hash. Every refusal has a code: a hash that is not the query's SHA-256 is
// PERSISTED_QUERY_HASH_MISMATCH, another version PERSISTED_QUERY_UNSUPPORTED_VERSION, an
// extension of another shape BAD_REQUEST.
type persistedQueries struct {
	cache graphql.Cache[string]
}

var _ interface {
	graphql.OperationParameterMutator
	graphql.HandlerExtension
} = persistedQueries{}

// ExtensionName implements graphql.HandlerExtension.
func (persistedQueries) ExtensionName() string { return "PersistedQueries" }

// Validate implements graphql.HandlerExtension.
func (p persistedQueries) Validate(graphql.ExecutableSchema) error {
	if p.cache == nil {
		return errors.New("persisted queries need a cache")
	}
	return nil
}

// MutateOperationParameters implements graphql.OperationParameterMutator: it fills in the
// query of a hash the server knows, and remembers the query of a hash sent with its query.
func (p persistedQueries) MutateOperationParameters(ctx context.Context, params *graphql.RawParams) *gqlerror.Error {
	ext, given := params.Extensions["persistedQuery"]
	if !given || ext == nil {
		return nil
	}
	hash, err := persistedQueryHash(ext)
	if err != nil {
		return err
	}
	if params.Query == "" {
		query, ok := p.cache.Get(ctx, hash)
		if !ok {
			// The message is the one Apollo clients look for.
			return codedError(CodePersistedQueryNotFound, "PersistedQueryNotFound")
		}
		params.Query = query
		return nil
	}
	if queryHash(params.Query) != hash {
		return codedError(CodePersistedQueryHashMismatch,
			"extensions.persistedQuery.sha256Hash is not the SHA-256 of the query: send the hash of the query text, in lowercase hex")
	}
	p.cache.Add(ctx, hash, params.Query)
	return nil
}

// persistedQueryHash reads {"version": 1, "sha256Hash": "<hex>"} and returns the hash.
func persistedQueryHash(ext any) (string, *gqlerror.Error) {
	const shape = `extensions.persistedQuery must be an object {"version": 1, "sha256Hash": "<SHA-256 of the query, lowercase hex>"}`
	m, ok := ext.(map[string]any)
	if !ok || m["version"] == nil {
		return "", codedError(CodeBadRequest, "%s", shape)
	}
	if v, ok := scalar.CoerceInt(m["version"]); !ok || v != persistedQueryVersion {
		return "", codedError(CodePersistedQueryUnsupportedVersion,
			"persisted query version %s is not supported: use version 1, or send the query without extensions.persistedQuery",
			scalar.ShowJSON(m["version"]))
	}
	hash, ok := m["sha256Hash"].(string)
	if !ok || hash == "" {
		return "", codedError(CodeBadRequest, "%s", shape)
	}
	return hash, nil
}

// queryHash is the hex SHA-256 of a query's text.
func queryHash(query string) string {
	sum := sha256.Sum256([]byte(query))
	return hex.EncodeToString(sum[:])
}

// codedError returns a GraphQL error with a message and an extensions.code.
func codedError(code, format string, args ...any) *gqlerror.Error {
	err := gqlerror.Errorf(format, args...)
	errcode.Set(err, code)
	return err
}
