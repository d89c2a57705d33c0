package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/graph/model"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// Complexity returns the cost model of the API: a field costs 1 plus its children; a list
// field with a `first` argument costs `first` times its children (the default when `first` is
// omitted), so that a query's cost bounds the work it can ask for. Lists without `first`
// (a profession's skills, tools…) are bounded by the data and cost their children once.
func Complexity() ComplexityRoot {
	var c ComplexityRoot
	times := func(first *int, def int) func(int) int {
		n := def
		if first != nil && *first > 0 {
			n = *first
		}
		return func(child int) int { return 1 + n*child }
	}
	c.Query.Professions = func(child int, _ *model.ProfessionFilter, first *int, _ *string) int { return times(first, 20)(child) }
	c.Query.Skills = func(child int, _ *model.SkillFilter, first *int, _ *string) int { return times(first, 20)(child) }
	c.Query.Tools = func(child int, _ *model.ToolFilter, first *int, _ *string) int { return times(first, 20)(child) }
	c.Query.Trainings = func(child int, _ *model.TrainingFilter, first *int, _ *string) int { return times(first, 20)(child) }
	c.Query.Search = func(child int, _ string, _ []model.NodeKind, _ *string, first *int) int {
		return times(first, 10)(child)
	}
	c.Query.CareerPaths = func(child int, _, _ string, _ *int, first *int) int { return times(first, 5)(child) }
	c.Query.CareerProgression = func(child int, _ string, _ *int, first *int) int { return times(first, 50)(child) }
	c.Query.MatchProfessions = func(child int, _ []string, _ []string, _ *string, first *int) int { return times(first, 10)(child) }
	c.Query.SimilarProfessions = func(child int, _ string, first *int) int { return times(first, 10)(child) }
	c.GraphStats.TopSkills = func(child int, first *int) int { return times(first, 10)(child) }
	c.Skill.Professions = func(child int, _ *career.Importance, first *int, _ *string) int { return times(first, 20)(child) }
	c.Tool.Professions = func(child int, first *int, _ *string) int { return times(first, 20)(child) }
	c.Training.Professions = func(child int, first *int, _ *string) int { return times(first, 20)(child) }
	return c
}

// DepthLimit rejects operations whose selections nest deeper than Max (fragments included),
// before anything is resolved. gqlgen has no such limit of its own.
type DepthLimit struct {
	Max int
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = DepthLimit{}

// ExtensionName implements graphql.HandlerExtension.
func (DepthLimit) ExtensionName() string { return "DepthLimit" }

// Validate implements graphql.HandlerExtension.
func (DepthLimit) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationContext implements graphql.OperationContextMutator.
func (d DepthLimit) MutateOperationContext(ctx context.Context, opCtx *graphql.OperationContext) *gqlerror.Error {
	op := opCtx.Doc.Operations.ForName(opCtx.OperationName)
	if op == nil {
		return nil
	}
	if depth := selectionDepth(op.SelectionSet, opCtx.Doc.Fragments, 0, d.Max); depth > d.Max {
		err := gqlerror.Errorf("operation nests %d levels or more, which exceeds the limit of %d", depth, d.Max)
		errcode.Set(err, "DEPTH_LIMIT_EXCEEDED")
		return err
	}
	return nil
}

// selectionDepth returns the depth of the deepest field under set; it stops counting once it
// passes limit, so that fragment cycles and huge documents cost little.
func selectionDepth(set ast.SelectionSet, fragments ast.FragmentDefinitionList, depth, limit int) int {
	if depth > limit {
		return depth
	}
	deepest := depth
	for _, sel := range set {
		var d int
		switch s := sel.(type) {
		case *ast.Field:
			if len(s.SelectionSet) == 0 {
				d = depth + 1
			} else {
				d = selectionDepth(s.SelectionSet, fragments, depth+1, limit)
			}
		case *ast.InlineFragment:
			d = selectionDepth(s.SelectionSet, fragments, depth, limit)
		case *ast.FragmentSpread:
			if f := fragments.ForName(s.Name); f != nil {
				d = selectionDepth(f.SelectionSet, fragments, depth, limit)
			}
		}
		deepest = max(deepest, d)
	}
	return deepest
}
