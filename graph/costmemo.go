package graph

import (
	"encoding/json"
	"reflect"
	"sync"

	"github.com/vektah/gqlparser/v2/ast"

	"github.com/careergraph/careergraph/career"
)

// costMemo remembers the costs CostLimit computed, so that the requests of an application,
// which send the same few documents again and again, are costed once per document, variables
// and loaded data rather than walked each time. A cost depends on the operation (gqlgen keeps
// one parsed document per query text, so the operation's pointer names it), the values of its
// variables, and the bounds of the loaded data; the memo starts again empty when the bounds
// change (an import) or when it holds maxMemoCosts costs. Only costs are kept: an operation
// whose walk fails (an argument out of range) is walked again, for its error.
type costMemo struct {
	mu sync.Mutex
	// byDataset and text are the maps of the bounds the costs were computed with: the stores
	// keep their bounds until the data changes, so these maps name the loaded data, and being
	// held here they cannot be freed and their addresses reused by other bounds.
	byDataset map[string]career.Bounds
	text      map[string]int
	costs     map[costKey]int
}

// costKey names a memoized cost: the operation and its variables' values as JSON (json.Marshal
// writes a map's keys in order).
type costKey struct {
	op   *ast.OperationDefinition
	vars string
}

// maxMemoCosts is how many costs costMemo keeps: as many as gqlgen keeps parsed documents.
const maxMemoCosts = documentCacheSize

// key returns the key of op with vars under bounds b, and false when the cost cannot be
// memoized: bounds without the maps that name the data, or variables json.Marshal refuses.
func (m *costMemo) key(op *ast.OperationDefinition, vars map[string]any, b *career.Bounds) (costKey, bool) {
	if m == nil || b.ByDataset == nil || b.TextPrefixes == nil {
		return costKey{}, false
	}
	v, err := json.Marshal(vars)
	if err != nil {
		return costKey{}, false
	}
	return costKey{op, string(v)}, true
}

// get returns the cost memoized for k under b.
func (m *costMemo) get(k costKey, b *career.Bounds) (cost int, ok bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.sameBounds(b) {
		return 0, false
	}
	cost, ok = m.costs[k]
	return cost, ok
}

// put memoizes the cost of k under b.
func (m *costMemo) put(k costKey, b *career.Bounds, cost int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.sameBounds(b) || len(m.costs) >= maxMemoCosts {
		m.byDataset, m.text = b.ByDataset, b.TextPrefixes
		m.costs = make(map[costKey]int)
	}
	m.costs[k] = cost
}

// sameBounds reports whether b holds the maps of the bounds the memo's costs were computed with.
func (m *costMemo) sameBounds(b *career.Bounds) bool {
	return m.costs != nil && sameMap(m.byDataset, b.ByDataset) && sameMap(m.text, b.TextPrefixes)
}

// sameMap reports whether a and b are the same map (not maps with equal contents).
func sameMap[M ~map[K]V, K comparable, V any](a, b M) bool {
	return reflect.ValueOf(a).UnsafePointer() == reflect.ValueOf(b).UnsafePointer()
}
