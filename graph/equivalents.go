package graph

import (
	"context"

	"github.com/careergraph/careergraph/career"
)

// skillGap answers skillGap: the store's comparison within one dataset, and
// career.CrossSkillGap (through from's equivalents) between professions of two datasets. A
// malformed ID is left to the store, which reports it as for one dataset.
func skillGap(ctx context.Context, store career.Store, fromID, toID string) (*career.SkillGap, error) {
	_, fromDS, _, errFrom := career.ParseID(fromID)
	_, toDS, _, errTo := career.ParseID(toID)
	if errFrom != nil || errTo != nil || fromDS == toDS {
		return store.SkillGap(ctx, fromID, toID)
	}
	found, err := loadersFor(ctx).professions.Load(ctx, fromID)
	if err != nil {
		return nil, err
	}
	if found == nil {
		return nil, career.ProfessionNotFound("from", fromID)
	}
	target, err := loadersFor(ctx).professions.Load(ctx, toID)
	if err != nil {
		return nil, err
	}
	if target == nil {
		return nil, career.ProfessionNotFound("to", toID)
	}
	return career.CrossSkillGap(ctx, store, found, target)
}
