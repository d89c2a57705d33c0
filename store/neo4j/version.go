package neo4jstore

import "context"

// DataVersion returns the version of the data Neo4j holds: career.DataVersion of the load
// generations on the :Dataset nodes (every load stamps its node with a fresh one; a drop
// deletes it). It is read with the bounds, in the same query, and kept as long as they are
// (see Bounds): a load or drop by this store reads it again when it commits, and an import by
// another process is seen once the copy is BoundsRefresh old (DefaultBoundsRefresh, 5 s), at
// the first call after that, which reads it again in the background. So it costs no round
// trip per request. When Neo4j has never been read, it returns the error.
func (s *Store) DataVersion(ctx context.Context) (string, error) {
	if _, err := s.Bounds(ctx); err != nil {
		return "", err
	}
	c := &s.boundsCache
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.version, nil
}
