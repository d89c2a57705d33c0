package neo4jstore

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"unsafe"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/db"

	"github.com/careergraph/careergraph/career"
)

// TraversalQueries are the texts of the traversals' level queries, by name, for tests.
var TraversalQueries = map[string]string{"next": nextCypher, "previous": previousCypher}

// PlanText returns the statement a read plan compiles into and its parameters.
func PlanText(s *Store, p *career.ReadPlan) (string, map[string]any, error) {
	if err := p.Check(); err != nil {
		return "", nil, err
	}
	return s.compilePlan(p)
}

// ExplainPlan returns the operators of the plan Neo4j makes for the statement a read plan
// compiles into (see Explain).
func ExplainPlan(ctx context.Context, s *Store, p *career.ReadPlan) ([]string, error) {
	cypher, params, err := PlanText(s, p)
	if err != nil {
		return nil, err
	}
	return s.Explain(ctx, cypher, params)
}

// Explain returns the operator names of Neo4j's plan of cypher (EXPLAIN: nothing runs), depth
// first from the root, without the database suffix Neo4j adds ("@neo4j").
func (s *Store) Explain(ctx context.Context, cypher string, params map[string]any) ([]string, error) {
	res, err := neo4j.ExecuteQuery(ctx, s.driver, "EXPLAIN "+cypher, params, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(s.cfg.Database), neo4j.ExecuteQueryWithReadersRouting())
	if err != nil {
		return nil, fmt.Errorf("neo4j: explain: %w", err)
	}
	pl := res.Summary.Plan()
	if pl == nil {
		return nil, fmt.Errorf("neo4j: explain: no plan in the summary")
	}
	root, err := dbPlan(pl)
	if err != nil {
		return nil, err
	}
	var ops []string
	var walk func(p *db.Plan)
	walk = func(p *db.Plan) {
		op, _, _ := strings.Cut(p.Operator, "@")
		ops = append(ops, op)
		for i := range p.Children {
			walk(&p.Children[i])
		}
	}
	walk(root)
	return ops, nil
}

// dbPlan returns the driver's plan tree under pl. (neo4j.Plan's Children returns every child
// as the last one, the driver's loop variable being shared; the tree itself is right.)
func dbPlan(pl neo4j.Plan) (*db.Plan, error) {
	v := reflect.ValueOf(pl)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return nil, fmt.Errorf("neo4j: explain: unexpected plan type %T", pl)
	}
	f := v.Elem().FieldByName("plan")
	if !f.IsValid() || f.Type() != reflect.TypeOf((*db.Plan)(nil)) {
		return nil, fmt.Errorf("neo4j: explain: unexpected plan type %T", pl)
	}
	return reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem().Interface().(*db.Plan), nil
}
