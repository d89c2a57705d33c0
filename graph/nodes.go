package graph

import (
	"context"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/graph/model"
)

// plannedItems returns the items of a planned list as value gives them, never nil.
func plannedItems[T any](l *career.PlanList, value func(*career.PlanNode) T) []T {
	out := make([]T, len(l.Items))
	for i, n := range l.Items {
		out[i] = value(n)
	}
	return out
}

// plannedMove returns an item of a planned list of moves as the API's move.
func plannedMove(n *career.PlanNode) *career.CareerMove {
	m := n.Move()
	return &m
}

// plannedNode returns a planned root node as value gives it, nil for none.
func plannedNode[T any](n *career.PlanNode, value func(*career.PlanNode) *T) *T {
	if n == nil {
		return nil
	}
	return value(n)
}

// asNode returns a planned node as the API's Node, nil for none.
func asNode(n *career.PlanNode) model.Node {
	if n == nil {
		return nil
	}
	return n.Node.(model.Node)
}

// loadNode loads any node by global ID; nil (not an error) when none exists or the ID is
// malformed, as `node` promises.
func loadNode(ctx context.Context, id string) (model.Node, error) {
	l := loadersFor(ctx)
	switch career.KindOf(id) {
	case career.KindProfession:
		return nilIfAbsent(l.professions.Load(ctx, id))
	case career.KindSkill:
		return nilIfAbsent(l.skills.Load(ctx, id))
	case career.KindTool:
		return nilIfAbsent(l.tools.Load(ctx, id))
	case career.KindTraining:
		return nilIfAbsent(l.trainings.Load(ctx, id))
	case career.KindGroup:
		return nilIfAbsent(l.groups.byID.Load(ctx, id))
	}
	return nil, nil
}

// nilIfAbsent turns a typed nil pointer into a nil interface, so that GraphQL answers null.
func nilIfAbsent[T any](v *T, err error) (model.Node, error) {
	if err != nil || v == nil {
		return nil, err
	}
	return v, nil
}

// linkedProfessions answers Skill.professions, Tool.professions and Training.professions.
func linkedProfessions(ctx context.Context, obj any, targetID string, importance career.Importance, first *int, after *string, last *int, before *string) (*model.ProfessionConnection, error) {
	if l := plannedList(ctx, obj); l != nil {
		return professionConnection(l.ProfessionPage()), nil
	}
	page, err := pageArgs(ctx, first, after, last, before)
	if err != nil {
		return nil, err
	}
	p, err := loadersFor(ctx).linked.Load(ctx, linkedKey{targetID, importance, page.First, page.After, page.Last, page.Before})
	if err != nil {
		return nil, err
	}
	return professionConnection(p), nil
}
