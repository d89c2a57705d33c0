package memory

import "context"

// DataVersion returns the version of the data the store holds: career.DataVersion of the load
// generations of its datasets (each dataset given to New, and each Load, gets a fresh one). It
// is computed when a load builds its graph and published with it, so a request that reads the
// version before its data never sees data older than the version.
func (s *Store) DataVersion(ctx context.Context) (string, error) {
	return s.graph().version, ctx.Err()
}
