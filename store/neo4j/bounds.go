package neo4jstore

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"time"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/textsearch"
)

// DefaultBoundsRefresh is how old the bounds a store serves may get before it reads them again:
// how soon a dataset imported by another process costs queries with its own bounds.
const DefaultBoundsRefresh = 5 * time.Second

// boundsReadTimeout bounds a background read of the bounds.
const boundsReadTimeout = 10 * time.Second

var _ career.BoundsReader = (*Store)(nil)

// boundsCache keeps the bounds last read from Neo4j.
type boundsCache struct {
	mu         sync.Mutex
	bounds     career.Bounds
	version    string // the data version read with the bounds (see DataVersion)
	known      bool
	read       time.Time
	generation int // incremented by each load and drop, so that reads begun before are not kept
	refreshing bool
}

// Bounds returns the bounds of the loaded data. Each load stores its dataset's bounds on the
// dataset's :Dataset node (property `bounds`, JSON); the store reads them all in one query
// and keeps them for BoundsRefresh, then serves the last bounds read while it reads them again
// in the background. A load or drop by this store reads them again when it commits. When
// Neo4j cannot be read, it returns the last bounds read, or career.DefaultBounds, with the error.
func (s *Store) Bounds(ctx context.Context) (career.Bounds, error) {
	c := &s.boundsCache
	c.mu.Lock()
	if c.known {
		b := c.bounds
		if time.Since(c.read) >= s.cfg.BoundsRefresh && !c.refreshing {
			c.refreshing = true
			go s.refreshBounds(c.generation)
		}
		c.mu.Unlock()
		return b, nil
	}
	gen := c.generation
	c.mu.Unlock()

	b, version, err := s.readBounds(ctx)
	if err != nil {
		return career.DefaultBounds, err
	}
	s.keepBounds(b, version, gen)
	return b, nil
}

// refreshBounds reads the bounds again, in the background.
func (s *Store) refreshBounds(gen int) {
	ctx, cancel := context.WithTimeout(context.Background(), boundsReadTimeout)
	defer cancel()
	b, version, err := s.readBounds(ctx)
	c := &s.boundsCache
	if err != nil {
		c.mu.Lock()
		c.refreshing = false
		c.mu.Unlock()
		return // keep serving the last bounds read
	}
	s.keepBounds(b, version, gen)
}

// keepBounds keeps bounds and the data version read at generation gen, unless a load or drop
// came since.
func (s *Store) keepBounds(b career.Bounds, version string, gen int) {
	c := &s.boundsCache
	c.mu.Lock()
	defer c.mu.Unlock()
	c.refreshing = false
	if gen != c.generation {
		return
	}
	c.bounds, c.version, c.known, c.read = b, version, true, time.Now()
}

// reloadBounds reads the bounds again after a load or a drop committed, so that queries are
// costed by the new data from then on (and pay no read for it). When the read fails, the next
// call to Bounds reads them.
func (s *Store) reloadBounds(ctx context.Context) {
	c := &s.boundsCache
	c.mu.Lock()
	c.generation++
	c.known = false
	gen := c.generation
	c.mu.Unlock()
	if b, version, err := s.readBounds(ctx); err == nil {
		s.keepBounds(b, version, gen)
	}
}

// readBounds reads and merges the bounds stored on every :Dataset node. A dataset loaded
// without them (by an earlier version) counts as career.DefaultBounds. It also reads the
// nodes' load generations, and returns the data version they make (career.DataVersion).
func (s *Store) readBounds(ctx context.Context) (career.Bounds, string, error) {
	recs, err := s.read(ctx, "bounds", "MATCH (d:Dataset) RETURN d.name AS name, d.bounds AS bounds, d.loadGen AS gen", nil)
	if err != nil {
		return career.Bounds{}, "", err
	}
	list := make([]career.Bounds, 0, len(recs))
	generations := make(map[string]string, len(recs))
	for _, r := range recs {
		w := row{r}
		generations[w.str("name")] = w.str("gen")
		var b career.Bounds
		if raw := w.str("bounds"); raw == "" || json.Unmarshal([]byte(raw), &b) != nil {
			b = career.DefaultBounds
			b.Datasets = 1
		}
		list = append(list, b.Named(w.str("name")))
	}
	return career.MergeBounds(list...), career.DataVersion(generations), nil
}

// storeBounds computes the bounds of the dataset a load writes and puts them (as JSON) among
// the properties its dataset step sets. Search postings are counted from the folded words the
// load stores (searchText), as search reads them.
func storeBounds(steps []loadStep, d *career.Dataset) error {
	b := career.DatasetBounds(d)
	var words career.PrefixCounter
	var info map[string]any
	for _, st := range steps {
		if st.name == "dataset" {
			info, _ = st.params["info"].(map[string]any)
		}
		for _, r := range st.rows {
			if text, ok := r["searchText"].(string); ok { // rows of nodes

				words.AddNode(textsearch.Tokens(text))
			}
		}
	}
	words.SetText(&b)
	if info == nil {
		return fmt.Errorf("neo4j: load %s: no dataset step to store bounds on", d.Info.Name)
	}
	raw, err := json.Marshal(b)
	if err != nil {
		return fmt.Errorf("neo4j: load %s: bounds: %w", d.Info.Name, err)
	}
	info["bounds"] = string(raw)
	return nil
}
