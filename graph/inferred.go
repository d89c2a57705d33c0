package graph

import "github.com/careergraph/careergraph/career"

// isTrue reports whether an optional Boolean argument (inferred: …) is given and true.
func isTrue(b *bool) bool { return b != nil && *b }

// careerMoveScalars are the scalar fields of a CareerMove, which a read plan's items carry.
var careerMoveScalars = []string{"kind", "inferred", "basis", "score"}

// movesBounds returns the bounds the moves of a field can reach: c's, or with inferred: true
// those of the graph whose moves include the inferred ones (career.Bounds.WithInferred).
func movesBounds(c costCall) *career.Bounds {
	if c.args.values["inferred"] != true {
		return c.b
	}
	b := c.b.WithInferred()
	return &b
}
