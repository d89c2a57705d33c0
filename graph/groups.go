package graph

import (
	"context"
	"time"

	"github.com/careergraph/careergraph/career"
)

// groupLoaders are the per-request loaders of occupation groups.
type groupLoaders struct {
	byID        loader[string, *career.OccupationGroup]
	of          loader[string, []*career.OccupationGroup]
	narrower    loader[string, []*career.OccupationGroup]
	professions loader[groupPageKey, *career.Page[*career.Profession]]
}

// groupPageKey asks for one page of the professions of a group.
type groupPageKey struct {
	groupID string
	first   int
	after   string
	last    int
	before  string
}

// newGroupLoaders returns the group loaders of one request (see NewLoaders).
func newGroupLoaders(store career.Store, wait time.Duration) groupLoaders {
	return groupLoaders{
		byID:     newLoader(wait, store.GroupsByID),
		of:       newLoader(wait, store.GroupsOf),
		narrower: newLoader(wait, store.NarrowerGroups),
		professions: newLoader(wait, func(ctx context.Context, keys []groupPageKey) (map[groupPageKey]*career.Page[*career.Profession], error) {
			byPage := map[career.PageArgs][]string{}
			var order []career.PageArgs
			for _, k := range keys {
				p := career.PageArgs{First: k.first, After: k.after, Last: k.last, Before: k.before}
				if _, ok := byPage[p]; !ok {
					order = append(order, p)
				}
				byPage[p] = append(byPage[p], k.groupID)
			}
			out := make(map[groupPageKey]*career.Page[*career.Profession], len(keys))
			for _, p := range order {
				pages, err := store.GroupProfessions(ctx, byPage[p], p)
				if err != nil {
					return nil, err
				}
				for id, pg := range pages {
					out[groupPageKey{id, p.First, p.After, p.Last, p.Before}] = pg
				}
			}
			return out, nil
		}),
	}
}

// unplannedIDs reports whether some of ids name nodes that read plans do not know (occupation
// groups): then the loaders answer nodes(ids) as a whole.
func unplannedIDs(ids []string) bool {
	for _, id := range ids {
		if k := career.KindOf(id); k != "" {
			if _, ok := typeNames[k]; !ok {
				return true
			}
		}
	}
	return false
}
