package neo4jstore

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// TraversalQueries are the texts of the traversals' level queries, by name, for tests.
var TraversalQueries = map[string]string{"next": nextCypher, "previous": previousCypher}

// Explain returns the operator names of Neo4j's plan of cypher (EXPLAIN: nothing runs), depth
// first from the root, without the database suffix Neo4j adds ("@neo4j").
func (s *Store) Explain(ctx context.Context, cypher string, params map[string]any) ([]string, error) {
	session := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.cfg.Database, AccessMode: neo4j.AccessModeRead})
	defer session.Close(ctx)
	res, err := session.Run(ctx, "EXPLAIN "+cypher, params)
	if err != nil {
		return nil, fmt.Errorf("neo4j: explain: %w", err)
	}
	sum, err := res.Consume(ctx)
	if err != nil {
		return nil, fmt.Errorf("neo4j: explain: %w", err)
	}
	var ops []string
	var walk func(p neo4j.Plan)
	walk = func(p neo4j.Plan) {
		op := p.Operator()
		for i := range len(op) {
			if op[i] == '@' {
				op = op[:i]
				break
			}
		}
		ops = append(ops, op)
		for _, c := range p.Children() {
			walk(c)
		}
	}
	walk(sum.Plan())
	return ops, nil
}
