package storetest

import (
	"context"
	"testing"

	"github.com/careergraph/careergraph/career"
)

// Occupation groups of the conformance suite, added to the seed (which has none):
// Informatique › Développement › Développement web, Informatique › Direction et pilotage, and
// Autres, a top group with nothing in it.
const (
	groupInfo   = "group:seed:info"
	groupDev    = "group:seed:dev"
	groupWeb    = "group:seed:web"
	groupMgmt   = "group:seed:mgmt"
	groupOthers = "group:seed:autres"
)

// withGroups returns a copy of the seed with occupation groups. The back-end developer is in
// Développement web and in Développement (above it): it counts once in each. The architect is
// in two groups of the same level.
func withGroups(seed *career.Dataset) *career.Dataset {
	d := *seed
	group := func(id, name, level, broader string) career.OccupationGroup {
		_, _, code, _ := career.ParseID(id)
		return career.OccupationGroup{ID: id, Dataset: "seed", Code: code, Name: name, Level: level, BroaderID: broader}
	}
	d.Groups = []career.OccupationGroup{
		group(groupInfo, "Informatique", "domaine", ""),
		group(groupWeb, "Développement web", "métier", groupDev),
		group(groupDev, "Développement", "famille", groupInfo),
		group(groupMgmt, "Direction et pilotage", "famille", groupInfo),
		group(groupOthers, "Autres", "domaine", ""),
	}
	member := func(p, g string) career.Link { return career.Link{ProfessionID: p, TargetID: g} }
	d.GroupMembers = []career.Link{
		member(backEnd, groupWeb), member(backEnd, groupDev), member(frontEnd, groupWeb), member(web, groupWeb),
		member(software, groupDev), member(mobile, groupDev), member(architect, groupMgmt), member(architect, groupDev),
		member(manager, groupMgmt), member(director, groupMgmt),
	}
	return &d
}

// runGroups checks the group reads of a store holding withGroups(seed).
func runGroups(t *testing.T, s career.Store) {
	ctx := context.Background()

	t.Run("counts", func(t *testing.T) {
		equal(t, "stats", must(s.Stats(ctx, "seed"))(t).OccupationGroups, 5)
		ds := must(s.Datasets(ctx))(t)
		equal(t, "datasets", []any{len(ds), ds[0].OccupationGroups}, []any{1, 5})
		if r, ok := s.(career.BoundsReader); ok {
			b := must(r.Bounds(ctx))(t)
			// Three groups for the back end (web, dev, info); two under info.
			equal(t, "bounds", []any{b.MaxProfessionGroups, b.MaxNarrowerGroups}, []any{3, 2})
		}
	})

	t.Run("groups by ID", func(t *testing.T) {
		byID := must(s.GroupsByID(ctx, []string{groupDev, groupInfo, "group:seed:nope", "profession:seed:developpeur-web"}))(t)
		equal(t, "found", len(byID), 2)
		equal(t, "dev", *byID[groupDev], career.OccupationGroup{ID: groupDev, Dataset: "seed", Code: "dev", Name: "Développement", Level: "famille", BroaderID: groupInfo})
		equal(t, "info", *byID[groupInfo], career.OccupationGroup{ID: groupInfo, Dataset: "seed", Code: "info", Name: "Informatique", Level: "domaine"})
	})

	t.Run("groups of professions, narrowest first, then by name", func(t *testing.T) {
		of := must(s.GroupsOf(ctx, []string{backEnd, architect, "profession:seed:nope"}))(t)
		equal(t, "back end", codes(of[backEnd]), []string{"web", "dev", "info"})
		equal(t, "architect", codes(of[architect]), []string{"dev", "mgmt", "info"})
		_, found := of["profession:seed:nope"]
		equal(t, "unknown profession", found, false)
	})

	t.Run("narrower groups by name", func(t *testing.T) {
		n := must(s.NarrowerGroups(ctx, []string{groupInfo, groupDev, groupWeb, "group:seed:nope"}))(t)
		equal(t, "info", codes(n[groupInfo]), []string{"dev", "mgmt"})
		equal(t, "dev", codes(n[groupDev]), []string{"web"})
		equal(t, "web", len(n[groupWeb]), 0)
		_, found := n["group:seed:nope"]
		equal(t, "unknown group", found, false)
	})

	t.Run("professions of groups and their narrower groups, each once, by name", func(t *testing.T) {
		pages := must(s.GroupProfessions(ctx, []string{groupDev, groupMgmt, groupOthers, "group:seed:nope"}, career.PageArgs{First: 4}))(t)
		dev := pages[groupDev]
		equal(t, "dev", []any{codes(dev.Items), dev.HasNextPage, dev.TotalCount}, []any{[]string{
			"architecte-logiciel", "developpeur-applications-mobiles", "developpeur-logiciels", "developpeur-web"}, true, 6})
		mgmt := pages[groupMgmt]
		equal(t, "mgmt", []any{codes(mgmt.Items), mgmt.HasNextPage, mgmt.TotalCount}, []any{[]string{
			"architecte-logiciel", "chef-de-projet", "directeur-technique-informatique"}, false, 3})
		others := pages[groupOthers]
		equal(t, "empty group", []any{codes(others.Items), others.HasNextPage, others.TotalCount}, []any{[]string{}, false, 0})
		_, found := pages["group:seed:nope"]
		equal(t, "unknown group", found, false)

		last := dev.Items[len(dev.Items)-1]
		next := must(s.GroupProfessions(ctx, []string{groupDev}, career.PageArgs{First: 4, After: career.EncodeCursor(last.Name, last.ID)}))(t)[groupDev]
		equal(t, "dev, next page", []any{codes(next.Items), next.HasNextPage, next.TotalCount}, []any{[]string{
			"developpeur-web-back-end", "developpeur-web-front-end"}, false, 6})
		info := must(s.GroupProfessions(ctx, []string{groupInfo}, career.PageArgs{First: 10}))(t)[groupInfo]
		equal(t, "info: every profession once", []any{len(info.Items), info.TotalCount}, []any{8, 8})
		_, err := s.GroupProfessions(ctx, []string{groupDev}, career.PageArgs{First: 4, After: "bad!"})
		wantCode(t, err, career.EINVALID, `invalid cursor "bad!": use a cursor returned by this API`)
	})

	t.Run("backward pages of the professions of groups", func(t *testing.T) { backwardGroupPages(t, s) })
}
