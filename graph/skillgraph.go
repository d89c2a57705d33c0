package graph

import (
	"context"

	"github.com/careergraph/careergraph/career"
)

// skillPageKey asks for one page of the skills directly under a skill.
type skillPageKey struct {
	skillID string
	first   int
	after   string
	last    int
	before  string
}

// coRequiredKey asks for the first skills most often required with a skill.
type coRequiredKey struct {
	skillID string
	first   int
}

// fetchNarrower answers keys with the same page arguments with one store call.
func fetchNarrower(ctx context.Context, store career.Store, keys []skillPageKey) (map[skillPageKey]*career.Page[*career.Skill], error) {
	groups := make(map[career.PageArgs][]string)
	var order []career.PageArgs
	for _, k := range keys {
		p := career.PageArgs{First: k.first, After: k.after, Last: k.last, Before: k.before}
		if _, ok := groups[p]; !ok {
			order = append(order, p)
		}
		groups[p] = append(groups[p], k.skillID)
	}
	out := make(map[skillPageKey]*career.Page[*career.Skill], len(keys))
	for _, p := range order {
		pages, err := store.NarrowerSkills(ctx, groups[p], p)
		if err != nil {
			return nil, err
		}
		for id, pg := range pages {
			out[skillPageKey{id, p.First, p.After, p.Last, p.Before}] = pg
		}
	}
	return out, nil
}

// fetchCoRequired answers keys with the same first with one store call.
func fetchCoRequired(ctx context.Context, store career.Store, keys []coRequiredKey) (map[coRequiredKey][]career.SkillUsage, error) {
	groups := make(map[int][]string)
	var order []int
	for _, k := range keys {
		if _, ok := groups[k.first]; !ok {
			order = append(order, k.first)
		}
		groups[k.first] = append(groups[k.first], k.skillID)
	}
	out := make(map[coRequiredKey][]career.SkillUsage, len(keys))
	for _, first := range order {
		lists, err := store.CoRequiredSkills(ctx, groups[first], first)
		if err != nil {
			return nil, err
		}
		for id, l := range lists {
			out[coRequiredKey{id, first}] = l
		}
	}
	return out, nil
}
