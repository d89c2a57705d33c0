package graph

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"time"

	"github.com/vikstrous/dataloadgen"

	"github.com/careergraph/careergraph/career"
)

// loader loads one value by key. Per request, batched loaders gather the keys that the
// concurrently running resolvers of one query level ask for into one store call.
type loader[K comparable, V any] interface {
	Load(ctx context.Context, key K) (V, error)
}

// directLoader calls the store for each key: for stores where a call costs no round trip.
type directLoader[K comparable, V any] struct {
	fetch func(ctx context.Context, keys []K) (map[K]V, error)
}

func (l directLoader[K, V]) Load(ctx context.Context, key K) (V, error) {
	m, err := l.fetch(ctx, []K{key})
	return m[key], err
}

// batchLoader wraps a dataloadgen loader; a key with no value loads as the zero value.
type batchLoader[K comparable, V any] struct {
	l *dataloadgen.Loader[K, V]
}

func (l batchLoader[K, V]) Load(ctx context.Context, key K) (V, error) {
	v, err := l.l.Load(ctx, key)
	if errors.Is(err, dataloadgen.ErrNotFound) {
		return v, nil
	}
	return v, err
}

func newLoader[K comparable, V any](wait time.Duration, fetch func(ctx context.Context, keys []K) (map[K]V, error)) loader[K, V] {
	if wait <= 0 {
		return directLoader[K, V]{fetch: fetch}
	}
	return batchLoader[K, V]{l: dataloadgen.NewMappedLoader(observedFetch(fetch), dataloadgen.WithWait(wait))}
}

// linkedKey asks for one page of the professions linked to a skill, tool or training.
type linkedKey struct {
	targetID   string
	importance career.Importance
	first      int
	after      string
	last       int
	before     string
}

// Loaders are the per-request loaders over the store's batch methods.
type Loaders struct {
	*loaderSet
	datasets datasetsOnce
	// plans holds what the request's plans read (see plan.go).
	plans planTable
}

// loaderSet are the loaders of the store's batch methods. Loaders that call the store once
// per key (no wait) keep nothing between calls, so that every request shares one set.
type loaderSet struct {
	professions     loader[string, *career.Profession]
	skills          loader[string, *career.Skill]
	tools           loader[string, *career.Tool]
	trainings       loader[string, *career.Training]
	qualities       loader[string, []*career.Skill]
	requirements    loader[string, []career.SkillRequirement]
	toolsOf         loader[string, []*career.Tool]
	trainingsOf     loader[string, []*career.Training]
	nextCareers     loader[string, []career.CareerMove]
	inferredCareers loader[string, []career.CareerMove]
	previousCareers loader[string, []career.CareerMove]
	specializations loader[string, []*career.Profession]
	linked          loader[linkedKey, *career.Page[*career.Profession]]
	equivalents     loader[string, []career.Equivalent]
	groups          groupLoaders // groups.go
	interests       loader[string, string]
	workContexts    loader[string, []string]
	texts           loader[string, []career.Text]
	// The skill graph (skillgraph.go).
	skillFacets   loader[string, career.SkillFacets]
	broaderSkills loader[string, []*career.Skill]
	relatedSkills loader[string, []career.SkillRelation]
	narrower      loader[skillPageKey, *career.Page[*career.Skill]]
	coRequired    loader[coRequiredKey, []career.SkillUsage]
}

// datasetsOnce asks the store for its datasets at most once per request, however many fields
// name a dataset or list them: on Neo4j each call is a round trip.
type datasetsOnce struct {
	store career.Store
	mu    sync.Mutex
	done  bool
	list  []career.DatasetInfo
	err   error
}

// load returns the store's datasets, from the first call of the request on.
func (d *datasetsOnce) load(ctx context.Context) ([]career.DatasetInfo, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if !d.done {
		d.list, d.err = d.store.Datasets(ctx)
		d.done = true
	}
	return d.list, d.err
}

// NewLoaders returns fresh loaders for one request. wait is how long a batch gathers keys
// before it is sent; 0 sends every key on its own (for the in-memory store).
func NewLoaders(store career.Store, wait time.Duration) *Loaders {
	return &Loaders{loaderSet: newLoaderSet(store, wait), datasets: datasetsOnce{store: store}}
}

// newLoaderSet returns fresh loaders of the store's batch methods (see NewLoaders).
func newLoaderSet(store career.Store, wait time.Duration) *loaderSet {
	return &loaderSet{
		professions:     newLoader(wait, store.ProfessionsByID),
		skills:          newLoader(wait, store.SkillsByID),
		tools:           newLoader(wait, store.ToolsByID),
		trainings:       newLoader(wait, store.TrainingsByID),
		qualities:       newLoader(wait, store.Qualities),
		requirements:    newLoader(wait, store.Requirements),
		toolsOf:         newLoader(wait, store.ToolsOf),
		trainingsOf:     newLoader(wait, store.TrainingsOf),
		nextCareers:     newLoader(wait, store.NextCareers),
		inferredCareers: newLoader(wait, store.InferredCareers),
		previousCareers: newLoader(wait, store.PreviousCareers),
		specializations: newLoader(wait, store.Specializations),
		linked: newLoader(wait, func(ctx context.Context, keys []linkedKey) (map[linkedKey]*career.Page[*career.Profession], error) {
			return fetchLinked(ctx, store, keys)
		}),
		equivalents:   newLoader(wait, store.Equivalents),
		groups:        newGroupLoaders(store, wait),
		interests:     newLoader(wait, store.Interests),
		workContexts:  newLoader(wait, store.WorkContexts),
		texts:         newLoader(wait, store.Texts),
		skillFacets:   newLoader(wait, store.SkillFacets),
		broaderSkills: newLoader(wait, store.BroaderSkills),
		relatedSkills: newLoader(wait, store.RelatedSkills),
		narrower: newLoader(wait, func(ctx context.Context, keys []skillPageKey) (map[skillPageKey]*career.Page[*career.Skill], error) {
			return fetchNarrower(ctx, store, keys)
		}),
		coRequired: newLoader(wait, func(ctx context.Context, keys []coRequiredKey) (map[coRequiredKey][]career.SkillUsage, error) {
			return fetchCoRequired(ctx, store, keys)
		}),
	}
}

// fetchLinked answers keys with the same importance and page arguments with one store call.
func fetchLinked(ctx context.Context, store career.Store, keys []linkedKey) (map[linkedKey]*career.Page[*career.Profession], error) {
	type group struct {
		importance career.Importance
		page       career.PageArgs
	}
	groups := make(map[group][]string)
	var order []group
	for _, k := range keys {
		g := group{k.importance, career.PageArgs{First: k.first, After: k.after, Last: k.last, Before: k.before}}
		if _, ok := groups[g]; !ok {
			order = append(order, g)
		}
		groups[g] = append(groups[g], k.targetID)
	}
	out := make(map[linkedKey]*career.Page[*career.Profession], len(keys))
	for _, g := range order {
		pages, err := store.ProfessionsLinkedTo(ctx, groups[g], g.importance, g.page)
		if err != nil {
			return nil, err
		}
		for id, p := range pages {
			out[linkedKey{id, g.importance, g.page.First, g.page.After, g.page.Last, g.page.Before}] = p
		}
	}
	return out, nil
}

type loadersKey struct{}

// WithLoaders returns a context that carries loaders.
func WithLoaders(ctx context.Context, l *Loaders) context.Context {
	return context.WithValue(ctx, loadersKey{}, l)
}

// loadersFor returns the request's loaders.
func loadersFor(ctx context.Context) *Loaders {
	l, _ := ctx.Value(loadersKey{}).(*Loaders)
	if l == nil {
		panic("graph: no loaders in context; wrap the handler with LoaderMiddleware")
	}
	return l
}

// LoaderMiddleware gives every request its own loaders; without a wait, the loaders of the
// store's batch methods, which then keep nothing between calls, are made once and shared.
func LoaderMiddleware(store career.Store, wait time.Duration, next http.Handler) http.Handler {
	var shared *loaderSet
	if wait <= 0 {
		shared = newLoaderSet(store, wait)
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		l := &Loaders{loaderSet: shared, datasets: datasetsOnce{store: store}}
		if shared == nil {
			l.loaderSet = newLoaderSet(store, wait)
		}
		next.ServeHTTP(w, r.WithContext(WithLoaders(r.Context(), l)))
	})
}
