package career

import (
	"slices"
	"sort"
	"strings"

	"github.com/careergraph/careergraph/textsearch"
)

// This file holds the orders, rankings, page cuts and the gap and match arithmetic every store
// answers with (see Store). A store only fetches: it finds the nodes where the data is (index
// walks in memory, Cypher in Neo4j) and hands them to these functions, so that both stores
// answer alike by construction.

// SortKey is the key lists are ordered by: the folded name (textsearch.Fold).
func SortKey(name string) string { return textsearch.Fold(name) }

// CompareKeys orders two items by (SortKey(name), ID), the order of every list: it returns a
// negative number when a comes first, a positive one when b does, 0 when they are the same item.
func CompareKeys(sortKeyA, idA, sortKeyB, idB string) int {
	if c := strings.Compare(sortKeyA, sortKeyB); c != 0 {
		return c
	}
	return strings.Compare(idA, idB)
}

// SortByKeys sorts items by the (sort key, ID) that key returns: the order of CompareKeys.
func SortByKeys[T any](items []T, key func(T) (sortKey, id string)) {
	slices.SortFunc(items, func(a, b T) int {
		ka, ia := key(a)
		kb, ib := key(b)
		return CompareKeys(ka, ia, kb, ib)
	})
}

// Ranked is the position of a scored item: search hits, matches and similar professions are
// ordered by score descending, then SortKey(name), then ID (see CompareRanked).
type Ranked struct {
	Score   float64
	SortKey string
	ID      string
}

// CompareRanked orders two scored items: the higher score first, then CompareKeys.
func CompareRanked(a, b Ranked) int {
	if a.Score != b.Score {
		if a.Score > b.Score {
			return -1
		}
		return 1
	}
	return CompareKeys(a.SortKey, a.ID, b.SortKey, b.ID)
}

// SortRanked sorts items in the order of CompareRanked on the Ranked that rank returns.
func SortRanked[T any](items []T, rank func(T) Ranked) {
	slices.SortFunc(items, func(a, b T) int { return CompareRanked(rank(a), rank(b)) })
}

// EssentialFirst orders ESSENTIAL before OPTIONAL, for a stable sort that keeps the dataset
// order within an importance.
func EssentialFirst(a, b Importance) int {
	if a == b {
		return 0
	} else if a == Essential {
		return -1
	}
	return 1
}

// HeldRequirement is one of a profession's required skills, marked with whether the person (or
// the other profession) compared with it has the skill.
type HeldRequirement struct {
	Skill      *Skill
	Importance Importance
	Held       bool
}

// HeldTool is one of a profession's tools, marked with whether the other profession uses it.
type HeldTool struct {
	Tool *Tool
	Held bool
}

// Coverage is the share of the essential requirements that are held; 1 when none is essential.
func Coverage(reqs []HeldRequirement) float64 {
	essential, covered := 0, 0
	for _, r := range reqs {
		if r.Importance == Essential {
			essential++
			if r.Held {
				covered++
			}
		}
	}
	if essential == 0 {
		return 1
	}
	return float64(covered) / float64(essential)
}

// SplitRequirements splits a profession's required skills (in its order) into those held, in
// its order, and the others: essential first, then its order. Neither result is nil.
func SplitRequirements(reqs []HeldRequirement) (matched, missing []*Skill) {
	matched, missing = []*Skill{}, []*Skill{}
	var optional []*Skill
	for _, r := range reqs {
		switch {
		case r.Held:
			matched = append(matched, r.Skill)
		case r.Importance == Essential:
			missing = append(missing, r.Skill)
		default:
			optional = append(optional, r.Skill)
		}
	}
	return matched, append(missing, optional...)
}

// NewSkillGap builds the SkillGap from `from` to `to`: reqs are to's requirements and tools
// its tools, in its order, each marked with whether `from` has it; trainings prepare for to.
// Shared keeps to's order, Missing puts essential skills first (EssentialFirst), then to's
// order; Coverage is Coverage(reqs). No list of the result is nil.
func NewSkillGap(from, to *Profession, reqs []HeldRequirement, tools []HeldTool, trainings []*Training) *SkillGap {
	gap := &SkillGap{
		From:         from,
		To:           to,
		Shared:       []*Skill{},
		Missing:      []SkillRequirement{},
		MissingTools: []*Tool{},
		Coverage:     Coverage(reqs),
		Trainings:    trainings,
		// Stores compare professions of one dataset; CrossSkillGap says otherwise.
		Basis:           BasisSameDataset,
		ComparedThrough: []*Profession{},
	}
	if gap.Trainings == nil {
		gap.Trainings = []*Training{}
	}
	for _, r := range reqs {
		if r.Held {
			gap.Shared = append(gap.Shared, r.Skill)
		} else {
			gap.Missing = append(gap.Missing, SkillRequirement{Skill: r.Skill, Importance: r.Importance})
		}
	}
	slices.SortStableFunc(gap.Missing, func(a, b SkillRequirement) int {
		return EssentialFirst(a.Importance, b.Importance)
	})
	for _, t := range tools {
		if !t.Held {
			gap.MissingTools = append(gap.MissingTools, t.Tool)
		}
	}
	return gap
}

// CutPage returns the page of sorted (ordered by CompareKeys on the keys key returns) that the
// window w asks for: of the items after w.After and before w.Before (each nil for no bound),
// the first w.Page.First, or for a backward page the last w.Page.Last (none when the size is
// below 1). HasNextPage (forward) or HasPreviousPage (backward) tells whether more items of
// the window lie beyond the page; TotalCount is len(sorted). Items share sorted's array.
func CutPage[T any](sorted []T, key func(T) (sortKey, id string), w Window) Page[T] {
	start, end := 0, len(sorted)
	if w.After != nil {
		start = sort.Search(len(sorted), func(i int) bool {
			k, id := key(sorted[i])
			return w.After.After(k, id)
		})
	}
	if w.Before != nil {
		end = sort.Search(len(sorted), func(i int) bool {
			k, id := key(sorted[i])
			return !w.Before.Before(k, id)
		})
	}
	end = max(end, start)
	size := w.Page.Size()
	if w.Page.Backward() {
		from := max(end-size, start)
		return Page[T]{Items: sorted[from:end], HasPreviousPage: from > start, TotalCount: len(sorted)}
	}
	to := min(start+size, end)
	return Page[T]{Items: sorted[start:to], HasNextPage: to < end, TotalCount: len(sorted)}
}

// PageFetch is how many items a store fetches from a window's bound to cut a page of page.Size()
// items with TrimPage: one more than the page shows, to know whether more items lie beyond it.
func PageFetch(page PageArgs) int { return page.Size() + 1 }

// TrimPage cuts the page that page asks for from fetched, the PageFetch(page) (or fewer) items
// of its window nearest the page's start: the window's first items in order for a forward page,
// its last items in reverse order (last first) for a backward page, of a list of total items.
// Items are in list order, never nil, and share fetched's array (a backward page reverses them
// in place).
func TrimPage[T any](fetched []T, page PageArgs, total int) Page[T] {
	n := min(len(fetched), page.Size())
	items := fetched[:n:n]
	if items == nil {
		items = []T{}
	}
	more := len(fetched) > n
	if page.Backward() {
		slices.Reverse(items)
		return Page[T]{Items: items, HasPreviousPage: more, TotalCount: total}
	}
	return Page[T]{Items: items, HasNextPage: more, TotalCount: total}
}
