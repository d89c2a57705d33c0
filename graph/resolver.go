// Package graph is the GraphQL API: the resolvers that answer gqlgen's generated executor
// (package graph/generated) from a career.Store through per-request loaders, argument checks,
// limits and the error presenter.
package graph

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/99designs/gqlgen/graphql"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/graph/model"
	"github.com/careergraph/careergraph/textsearch"
)

// Resolver is the root resolver: it answers every query from Store.
type Resolver struct {
	Store career.Store
	// noPlans answers every field with the loaders, even when Store reads plans.
	noPlans bool
}

// pageArgs checks the first, after, last and before of the connection being resolved. first
// counts as given when the query writes it (argGiven), not when it has its default.
func pageArgs(ctx context.Context, first *int, after *string, last *int, before *string) (career.PageArgs, error) {
	return fieldPageArgs(fieldName(ctx), first, after, last, before, argGiven(ctx, "first"))
}

// errFirstAndLast is the error of a connection given both first and last.
var errFirstAndLast = career.Errorf(career.EINVALID,
	"first and last cannot both be given: page forward with first (and after), or backward with last (and before)")

// fieldPageArgs checks the page arguments of a connection field ("Type.field"): with last (not
// null), a backward page, refused when the query also gives first (firstGiven); else a forward
// page of first items (its default when not given).
func fieldPageArgs(field string, first *int, after *string, last *int, before *string, firstGiven bool) (career.PageArgs, error) {
	p := career.PageArgs{After: str(after), Before: str(before)}
	var err error
	if last != nil {
		if firstGiven && first != nil {
			return career.PageArgs{}, errFirstAndLast
		}
		p.Last, err = fieldIntArg(field, "last", last)
	} else {
		p.First, err = fieldIntArg(field, "first", first)
	}
	if err != nil {
		return career.PageArgs{}, err
	}
	if _, err := p.Window(); err != nil {
		return career.PageArgs{}, err
	}
	return p, nil
}

// argGiven reports whether the query gives the argument name of the field being resolved a
// value other than null (a literal, or a variable the request sets), rather than leaving it to
// its default.
func argGiven(ctx context.Context, name string) bool {
	a := graphql.GetFieldContext(ctx).Field.Arguments.ForName(name)
	if a == nil {
		return false
	}
	var vars map[string]any
	if graphql.HasOperationContext(ctx) {
		vars = graphql.GetOperationContext(ctx).Variables
	}
	v, err := a.Value.Value(vars)
	return err == nil && v != nil
}

// textArg checks a search text: 1..maxSearchText characters, at least one letter or digit,
// and at most maxSearchWords words (runs of letters and digits, as Fold splits them). Scoring
// a candidate costs in proportion to the words of the query, so the word cap bounds a search's
// work: the longest names of the data have more words (41), but 99.7% have 20 or fewer.
func textArg(name, text string) error {
	if n := utf8.RuneCountInString(text); n > maxSearchText {
		return career.Errorf(career.EINVALID, "%s must be 1 to %d characters long, got %d", name, maxSearchText, n)
	}
	folded := textsearch.Fold(text)
	if folded == "" {
		return career.Errorf(career.EINVALID, "%s must contain at least one letter or digit (1 to %d characters)", name, maxSearchText)
	}
	if n := len(textsearch.Tokens(folded)); n > maxSearchWords {
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

// professionFilter checks the filter of professions and returns it as the stores read it (the
// zero filter when it is null).
func professionFilter(ctx context.Context, filter *model.ProfessionFilter) (career.ProfessionFilter, error) {
	var f career.ProfessionFilter
	if filter == nil {
		return f, nil
	}
	var err error
	if f.Text, err = optionalText("filter.text", filter.Text); err != nil {
		return f, err
	}
	if f.Dataset, err = datasetArg(ctx, filter.Dataset); err != nil {
		return f, err
	}
	f.Sector, f.SkillID, f.ToolID = str(filter.Sector), str(filter.Skill), str(filter.Tool)
	return f, nil
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
	case career.KindGroup:
		return model.NodeKindGroup
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
	case model.NodeKindGroup:
		return career.KindGroup
	}
	return career.KindProfession
}

// connection turns a page of nodes into one of the API's connection types, which gqlgen
// generates apart: key gives a node's name and ID, from which its cursor is made
// (career.EncodeCursor), edge makes the edge of a node with its cursor, and build assembles the
// connection. The lists are never null, the start and end cursors are the first and last
// edges' (null on an empty page), and a nil page is an empty one.
func connection[N, E, C any](p *career.Page[N], key func(N) (name, id string), edge func(cursor string, n N) E,
	build func(edges []E, nodes []N, info *model.PageInfo, total int) C) C {
	if p == nil {
		p = &career.Page[N]{}
	}
	edges := make([]E, 0, len(p.Items))
	info := &model.PageInfo{HasNextPage: p.HasNextPage, HasPreviousPage: p.HasPreviousPage}
	for _, n := range p.Items {
		cursor := career.EncodeCursor(key(n))
		edges = append(edges, edge(cursor, n))
		if info.StartCursor == nil {
			info.StartCursor = &cursor
		}
		info.EndCursor = &cursor
	}
	return build(edges, nonNil(p.Items), info, p.TotalCount)
}

// professionConnection turns a page of professions into the API's connection (see connection).
func professionConnection(p *career.Page[*career.Profession]) *model.ProfessionConnection {
	return connection(p, func(n *career.Profession) (string, string) { return n.Name, n.ID },
		func(cursor string, n *career.Profession) *model.ProfessionEdge {
			return &model.ProfessionEdge{Cursor: cursor, Node: n}
		},
		func(edges []*model.ProfessionEdge, nodes []*career.Profession, info *model.PageInfo, total int) *model.ProfessionConnection {
			return &model.ProfessionConnection{Edges: edges, Nodes: nodes, PageInfo: info, TotalCount: total}
		})
}

// skillConnection turns a page of skills into the API's connection (see connection).
func skillConnection(p *career.Page[*career.Skill]) *model.SkillConnection {
	return connection(p, func(n *career.Skill) (string, string) { return n.Name, n.ID },
		func(cursor string, n *career.Skill) *model.SkillEdge {
			return &model.SkillEdge{Cursor: cursor, Node: n}
		},
		func(edges []*model.SkillEdge, nodes []*career.Skill, info *model.PageInfo, total int) *model.SkillConnection {
			return &model.SkillConnection{Edges: edges, Nodes: nodes, PageInfo: info, TotalCount: total}
		})
}

// toolConnection turns a page of tools into the API's connection (see connection).
func toolConnection(p *career.Page[*career.Tool]) *model.ToolConnection {
	return connection(p, func(n *career.Tool) (string, string) { return n.Name, n.ID },
		func(cursor string, n *career.Tool) *model.ToolEdge { return &model.ToolEdge{Cursor: cursor, Node: n} },
		func(edges []*model.ToolEdge, nodes []*career.Tool, info *model.PageInfo, total int) *model.ToolConnection {
			return &model.ToolConnection{Edges: edges, Nodes: nodes, PageInfo: info, TotalCount: total}
		})
}

// trainingConnection turns a page of trainings into the API's connection (see connection).
func trainingConnection(p *career.Page[*career.Training]) *model.TrainingConnection {
	return connection(p, func(n *career.Training) (string, string) { return n.Name, n.ID },
		func(cursor string, n *career.Training) *model.TrainingEdge {
			return &model.TrainingEdge{Cursor: cursor, Node: n}
		},
		func(edges []*model.TrainingEdge, nodes []*career.Training, info *model.PageInfo, total int) *model.TrainingConnection {
			return &model.TrainingConnection{Edges: edges, Nodes: nodes, PageInfo: info, TotalCount: total}
		})
}

// nonNil returns s, or an empty slice for nil (non-null lists must not be null).
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
