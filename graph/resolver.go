// Package graph is the GraphQL API: gqlgen's generated executor (generated.go), the resolvers
// that answer it from a career.Store through per-request loaders, argument checks, limits and
// the error presenter.
package graph

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/graph/model"
)

// Resolver is the root resolver: it answers every query from Store.
type Resolver struct {
	Store career.Store
}

// Argument ranges. The schema's descriptions state the same numbers.
const (
	maxNodesIDs        = 100
	maxListFirst       = 100
	maxSearchFirst     = 50
	maxSearchText      = 200
	maxSearchWords     = 20
	maxPathSteps       = career.MaxPathSteps
	maxPathsFirst      = 20
	maxProgressionStep = career.MaxPathSteps
	maxProgression     = 200
	maxMatchFirst      = 50
	maxMatchSkills     = 100
	maxMatchTools      = 100
	maxTopSkills       = 100
)

// intArg returns v (or def when v is null), or a BAD_USER_INPUT error naming the allowed range.
func intArg(name string, v *int, def, lo, hi int) (int, error) {
	if v == nil {
		return def, nil
	}
	if *v < lo || *v > hi {
		return 0, career.Errorf(career.EINVALID, "%s must be between %d and %d, got %d", name, lo, hi, *v)
	}
	return *v, nil
}

// pageArgs checks a connection's first and after.
func pageArgs(first *int, after *string) (career.PageArgs, error) {
	n, err := intArg("first", first, 20, 1, maxListFirst)
	if err != nil {
		return career.PageArgs{}, err
	}
	p := career.PageArgs{First: n, After: str(after)}
	if _, err := career.DecodeCursor(p.After); err != nil {
		return career.PageArgs{}, err
	}
	return p, nil
}

// textArg checks a search text: 1..maxSearchText characters, at least one letter or digit,
// and at most maxSearchWords words (runs of letters and digits, as Fold splits them). Scoring
// a candidate costs in proportion to the words of the query, so the word cap bounds a search's
// work: the longest names of the data have more words (41), but 99.7% have 20 or fewer.
func textArg(name, text string) error {
	if n := utf8.RuneCountInString(text); n > maxSearchText {
		return career.Errorf(career.EINVALID, "%s must be 1 to %d characters long, got %d", name, maxSearchText, n)
	}
	folded := career.Fold(text)
	if folded == "" {
		return career.Errorf(career.EINVALID, "%s must contain at least one letter or digit (1 to %d characters)", name, maxSearchText)
	}
	if n := len(career.Tokens(folded)); n > maxSearchWords {
		return career.Errorf(career.EINVALID, "%s must have 1 to %d words, got %d", name, maxSearchWords, n)
	}
	return nil
}

// optionalText checks a filter's text when given (see optional).
func optionalText(name string, text *string) (string, error) {
	t, given := optional(text)
	if !given {
		return "", nil
	}
	return t, textArg(name, t)
}

// optional is the API's one rule for optional string arguments and filter fields (dataset,
// sector, skill, tool, category, text, id, code, after, …): an empty string is the same as
// leaving the argument out. It returns the value and whether one was given.
func optional(s *string) (string, bool) {
	if s == nil || *s == "" {
		return "", false
	}
	return *s, true
}

// datasetArg checks an optional dataset argument or filter field (dataset, filter.dataset; see
// optional): when given, it must name a loaded dataset. It returns the name, "" when not given.
func datasetArg(ctx context.Context, s *string) (string, error) {
	name, given := optional(s)
	if !given {
		return "", nil
	}
	return name, loadedDataset(ctx, name)
}

// loadedDataset is the API's one rule for a dataset named by an argument: it must be loaded,
// else BAD_USER_INPUT lists the loaded ones, e.g. `dataset "rome" is not loaded; loaded:
// seed`. The store is asked for its datasets once per request (see datasetsOnce).
func loadedDataset(ctx context.Context, name string) error {
	list, err := loadersFor(ctx).datasets.load(ctx)
	if err != nil {
		return fmt.Errorf("check that dataset %q is loaded: %w", name, err)
	}
	loaded := make([]string, len(list))
	for i, d := range list {
		if d.Name == name {
			return nil
		}
		loaded[i] = d.Name
	}
	if len(loaded) == 0 {
		return career.Errorf(career.EINVALID, "dataset %q is not loaded; no dataset is loaded", name)
	}
	return career.Errorf(career.EINVALID, "dataset %q is not loaded; loaded: %s", name, strings.Join(loaded, ", "))
}

// str returns an optional string argument's value, "" when it is left out or empty (see
// optional); the stores read "" as "no filter".
func str(s *string) string {
	v, _ := optional(s)
	return v
}

// nullable returns nil for "", so that unknown texts are null in the API.
func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// pointers returns pointers to the elements of a slice, as gqlgen's list fields want them.
func pointers[T any](s []T) []*T {
	out := make([]*T, len(s))
	for i := range s {
		out[i] = &s[i]
	}
	return out
}

// nodeKind maps a domain kind to the API's NodeKind.
func nodeKind(k career.Kind) model.NodeKind {
	switch k {
	case career.KindSkill:
		return model.NodeKindSkill
	case career.KindTool:
		return model.NodeKindTool
	case career.KindTraining:
		return model.NodeKindTraining
	}
	return model.NodeKindProfession
}

// domainKind maps the API's NodeKind to a domain kind.
func domainKind(k model.NodeKind) career.Kind {
	switch k {
	case model.NodeKindSkill:
		return career.KindSkill
	case model.NodeKindTool:
		return career.KindTool
	case model.NodeKindTraining:
		return career.KindTraining
	}
	return career.KindProfession
}

// professionConnection turns a page into the API's connection.
func professionConnection(p *career.Page[*career.Profession]) *model.ProfessionConnection {
	c := &model.ProfessionConnection{Edges: []*model.ProfessionEdge{}, Nodes: []*career.Profession{}, PageInfo: &model.PageInfo{}}
	if p == nil {
		return c
	}
	c.Nodes = nonNil(p.Items)
	for _, n := range p.Items {
		c.Edges = append(c.Edges, &model.ProfessionEdge{Cursor: career.EncodeCursor(n.Name, n.ID), Node: n})
	}
	c.PageInfo = pageInfo(len(p.Items), p.HasNextPage, c.Edges, func(e *model.ProfessionEdge) string { return e.Cursor })
	c.TotalCount = p.TotalCount
	return c
}

func skillConnection(p *career.Page[*career.Skill]) *model.SkillConnection {
	c := &model.SkillConnection{Edges: []*model.SkillEdge{}, Nodes: nonNil(p.Items), TotalCount: p.TotalCount}
	for _, n := range p.Items {
		c.Edges = append(c.Edges, &model.SkillEdge{Cursor: career.EncodeCursor(n.Name, n.ID), Node: n})
	}
	c.PageInfo = pageInfo(len(p.Items), p.HasNextPage, c.Edges, func(e *model.SkillEdge) string { return e.Cursor })
	return c
}

func toolConnection(p *career.Page[*career.Tool]) *model.ToolConnection {
	c := &model.ToolConnection{Edges: []*model.ToolEdge{}, Nodes: nonNil(p.Items), TotalCount: p.TotalCount}
	for _, n := range p.Items {
		c.Edges = append(c.Edges, &model.ToolEdge{Cursor: career.EncodeCursor(n.Name, n.ID), Node: n})
	}
	c.PageInfo = pageInfo(len(p.Items), p.HasNextPage, c.Edges, func(e *model.ToolEdge) string { return e.Cursor })
	return c
}

func trainingConnection(p *career.Page[*career.Training]) *model.TrainingConnection {
	c := &model.TrainingConnection{Edges: []*model.TrainingEdge{}, Nodes: nonNil(p.Items), TotalCount: p.TotalCount}
	for _, n := range p.Items {
		c.Edges = append(c.Edges, &model.TrainingEdge{Cursor: career.EncodeCursor(n.Name, n.ID), Node: n})
	}
	c.PageInfo = pageInfo(len(p.Items), p.HasNextPage, c.Edges, func(e *model.TrainingEdge) string { return e.Cursor })
	return c
}

// pageInfo gives the page's end cursor (null on an empty page).
func pageInfo[E any](n int, hasNext bool, edges []E, cursor func(E) string) *model.PageInfo {
	info := &model.PageInfo{HasNextPage: hasNext}
	if n > 0 {
		c := cursor(edges[n-1])
		info.EndCursor = &c
	}
	return info
}

// nonNil returns s, or an empty slice for nil (non-null lists must not be null).
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
