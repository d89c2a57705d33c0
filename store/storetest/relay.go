package storetest

import (
	"context"
	"testing"

	"github.com/careergraph/careergraph/career"
)

// The conformance cases of backward pages (last and before, Relay's cursor connections) on
// every paged read. The seed's professions by name are architecte-logiciel, chef-de-projet,
// developpeur-applications-mobiles, developpeur-logiciels, developpeur-web,
// developpeur-web-back-end, developpeur-web-front-end, directeur-technique-informatique.

// pageView is what a page says: its items' codes, its two flags and its total.
type pageView struct {
	Codes           []string
	HasNextPage     bool
	HasPreviousPage bool
	TotalCount      int
}

// pageViewOf returns the view of a page.
func pageViewOf[T any](p *career.Page[T]) pageView {
	return pageView{Codes: codes(p.Items), HasNextPage: p.HasNextPage, HasPreviousPage: p.HasPreviousPage, TotalCount: p.TotalCount}
}

// cursorOf returns the cursor of a profession of the seed, as the API makes it.
func cursorOf(p *career.Profession) string { return career.EncodeCursor(p.Name, p.ID) }

// runBackwardPages checks last and before on the lists and the professions linked to nodes
// of a store holding the seed.
func runBackwardPages(t *testing.T, s career.Store) {
	ctx := context.Background()
	list := func(f career.ProfessionFilter, page career.PageArgs) *career.Page[*career.Profession] {
		t.Helper()
		return must(s.ListProfessions(ctx, f, page))(t)
	}
	all := []string{"architecte-logiciel", "chef-de-projet", "developpeur-applications-mobiles", "developpeur-logiciels",
		"developpeur-web", "developpeur-web-back-end", "developpeur-web-front-end", "directeur-technique-informatique"}
	byCode := map[string]*career.Profession{}
	for _, p := range list(career.ProfessionFilter{}, career.PageArgs{First: 8}).Items {
		byCode[p.Code] = p
	}
	before := func(code string) string { return cursorOf(byCode[code]) }

	t.Run("walking back from the end gives every profession, last page first", func(t *testing.T) {
		var got [][]string
		cursor := ""
		for range len(all) {
			p := list(career.ProfessionFilter{}, career.PageArgs{Last: 3, Before: cursor})
			equal(t, "totalCount and hasNextPage", []any{p.TotalCount, p.HasNextPage}, []any{8, false})
			got = append(got, codes(p.Items))
			if !p.HasPreviousPage {
				break
			}
			cursor = cursorOf(p.Items[0])
		}
		equal(t, "pages", got, [][]string{all[5:], all[2:5], all[:2]})
	})

	t.Run("boundaries", func(t *testing.T) {
		equal(t, "before the first", pageViewOf(list(career.ProfessionFilter{}, career.PageArgs{Last: 3, Before: before("architecte-logiciel")})),
			pageView{Codes: []string{}, TotalCount: 8})
		equal(t, "last larger than the list", pageViewOf(list(career.ProfessionFilter{}, career.PageArgs{Last: 20})),
			pageView{Codes: all, TotalCount: 8})
		equal(t, "last 1 before the second", pageViewOf(list(career.ProfessionFilter{}, career.PageArgs{Last: 1, Before: before("chef-de-projet")})),
			pageView{Codes: all[:1], TotalCount: 8})
		equal(t, "an unknown dataset", pageViewOf(list(career.ProfessionFilter{Dataset: "nope"}, career.PageArgs{Last: 3})),
			pageView{Codes: []string{}, TotalCount: 0})
		_, err := s.ListProfessions(ctx, career.ProfessionFilter{}, career.PageArgs{Last: 2, Before: "bad!"})
		wantCode(t, err, career.EINVALID, `invalid cursor "bad!": use a cursor returned by this API`)
	})

	t.Run("both cursors bound the window, in both directions", func(t *testing.T) {
		equal(t, "last 2 between", pageViewOf(list(career.ProfessionFilter{}, career.PageArgs{Last: 2,
			After: before("architecte-logiciel"), Before: before("developpeur-web")})),
			pageView{Codes: all[2:4], HasPreviousPage: true, TotalCount: 8})
		equal(t, "first 2 before", pageViewOf(list(career.ProfessionFilter{}, career.PageArgs{First: 2, Before: before("developpeur-logiciels")})),
			pageView{Codes: all[:2], HasNextPage: true, TotalCount: 8})
		equal(t, "first 5 before", pageViewOf(list(career.ProfessionFilter{}, career.PageArgs{First: 5, Before: before("developpeur-logiciels")})),
			pageView{Codes: all[:3], TotalCount: 8})
		equal(t, "after the before", pageViewOf(list(career.ProfessionFilter{}, career.PageArgs{Last: 2,
			After: before("developpeur-web"), Before: before("chef-de-projet")})),
			pageView{Codes: []string{}, TotalCount: 8})
	})

	t.Run("a backward page's cursors round-trip forward", func(t *testing.T) {
		back := list(career.ProfessionFilter{}, career.PageArgs{Last: 2, Before: before("developpeur-web")})
		equal(t, "back", pageViewOf(back), pageView{Codes: all[2:4], HasPreviousPage: true, TotalCount: 8})
		next := list(career.ProfessionFilter{}, career.PageArgs{First: 2, After: cursorOf(back.Items[1])})
		equal(t, "forward after its end", pageViewOf(next), pageView{Codes: all[4:6], HasNextPage: true, TotalCount: 8})
		prev := list(career.ProfessionFilter{}, career.PageArgs{Last: 5, Before: cursorOf(back.Items[0])})
		equal(t, "backward before its start", pageViewOf(prev), pageView{Codes: all[:2], TotalCount: 8})
	})

	t.Run("filtered lists", func(t *testing.T) {
		equal(t, "by text", pageViewOf(list(career.ProfessionFilter{Text: "développeuse web"}, career.PageArgs{Last: 2})),
			pageView{Codes: []string{"developpeur-web-back-end", "developpeur-web-front-end"}, HasPreviousPage: true, TotalCount: 3})
		equal(t, "by text, before", pageViewOf(list(career.ProfessionFilter{Text: "développeuse web"}, career.PageArgs{Last: 2, Before: before("developpeur-web-back-end")})),
			pageView{Codes: []string{"developpeur-web"}, TotalCount: 3})
		equal(t, "by skill", pageViewOf(list(career.ProfessionFilter{SkillID: databases}, career.PageArgs{Last: 2})),
			pageView{Codes: []string{"developpeur-web", "developpeur-web-back-end"}, HasPreviousPage: true, TotalCount: 4})
		sk := must(s.ListSkills(ctx, career.SkillFilter{Kind: career.SkillKindKnowledge}, career.PageArgs{Last: 2}))(t)
		equal(t, "skills", pageViewOf(sk), pageView{Codes: []string{"connaitre-architecture-logicielle", "connaitre-magasins-applications"}, HasPreviousPage: true, TotalCount: 5})
		tl := must(s.ListTools(ctx, career.ToolFilter{Category: "Navigateur web"}, career.PageArgs{Last: 1}))(t)
		equal(t, "tools", pageViewOf(tl), pageView{Codes: []string{"firefox"}, HasPreviousPage: true, TotalCount: 2})
		tr := must(s.ListTrainings(ctx, career.TrainingFilter{Dataset: "seed"}, career.PageArgs{Last: 2}))(t)
		equal(t, "trainings", pageViewOf(tr), pageView{Codes: []string{"promotion-sociale", "secondaire"}, HasPreviousPage: true, TotalCount: 7})
	})

	t.Run("professions linked to nodes", func(t *testing.T) {
		pages := must(s.ProfessionsLinkedTo(ctx, []string{languages, secondaire, "skill:seed:nope"}, "", career.PageArgs{Last: 2}))(t)
		equal(t, "found", len(pages), 2)
		equal(t, "skill", pageViewOf(pages[languages]),
			pageView{Codes: []string{"developpeur-web-back-end", "developpeur-web-front-end"}, HasPreviousPage: true, TotalCount: 6})
		equal(t, "training", pageViewOf(pages[secondaire]),
			pageView{Codes: []string{"developpeur-web-back-end", "developpeur-web-front-end"}, HasPreviousPage: true, TotalCount: 3})
		back := must(s.ProfessionsLinkedTo(ctx, []string{languages}, "", career.PageArgs{Last: 3, Before: before("developpeur-web-back-end")}))(t)
		equal(t, "skill, before", pageViewOf(back[languages]),
			pageView{Codes: []string{"developpeur-applications-mobiles", "developpeur-logiciels", "developpeur-web"}, HasPreviousPage: true, TotalCount: 6})
		_, err := s.ProfessionsLinkedTo(ctx, []string{languages}, "", career.PageArgs{Last: 2, Before: "bad!"})
		wantCode(t, err, career.EINVALID, `invalid cursor "bad!": use a cursor returned by this API`)
	})
}

// backwardGroupPages checks last and before on the professions of groups, in a store holding
// withGroups(seed) (see runGroups).
func backwardGroupPages(t *testing.T, s career.Store) {
	ctx := context.Background()
	pages := must(s.GroupProfessions(ctx, []string{groupDev, groupOthers}, career.PageArgs{Last: 4}))(t)
	equal(t, "dev", pageViewOf(pages[groupDev]), pageView{Codes: []string{"developpeur-logiciels", "developpeur-web", "developpeur-web-back-end", "developpeur-web-front-end"}, HasPreviousPage: true, TotalCount: 6})
	equal(t, "empty group", pageViewOf(pages[groupOthers]), pageView{Codes: []string{}, TotalCount: 0})
	dev := pages[groupDev]
	back := must(s.GroupProfessions(ctx, []string{groupDev}, career.PageArgs{Last: 4, Before: cursorOf(dev.Items[0])}))(t)[groupDev]
	equal(t, "dev, the page before", pageViewOf(back), pageView{Codes: []string{"architecte-logiciel", "developpeur-applications-mobiles"}, TotalCount: 6})
	_, err := s.GroupProfessions(ctx, []string{groupDev}, career.PageArgs{Last: 4, Before: "bad!"})
	wantCode(t, err, career.EINVALID, `invalid cursor "bad!": use a cursor returned by this API`)
}

// backwardNarrowerPages checks last and before on narrower skills, in a store holding
// SkillGraphDataset (see runSkillGraph).
func backwardNarrowerPages(t *testing.T, s career.Store) {
	ctx := context.Background()
	sk := func(code string) string { return career.MakeID(career.KindSkill, SkillGraphDatasetName, code) }
	pages := must(s.NarrowerSkills(ctx, []string{sk("dev"), sk("sql")}, career.PageArgs{Last: 3}))(t)
	equal(t, "dev", pageViewOf(pages[sk("dev")]), pageView{Codes: []string{"bdd", "code", "sql"}, HasPreviousPage: true, TotalCount: 4})
	equal(t, "a skill with nothing under it", pageViewOf(pages[sk("sql")]), pageView{Codes: []string{}, TotalCount: 0})
	first := pages[sk("dev")].Items[0]
	back := must(s.NarrowerSkills(ctx, []string{sk("dev")}, career.PageArgs{Last: 3, Before: career.EncodeCursor(first.Name, first.ID)}))(t)[sk("dev")]
	equal(t, "dev, the page before", pageViewOf(back), pageView{Codes: []string{"algo"}, TotalCount: 4})
	_, err := s.NarrowerSkills(ctx, []string{sk("dev")}, career.PageArgs{Last: 2, Before: "bad!"})
	wantCode(t, err, career.EINVALID, `invalid cursor "bad!": use a cursor returned by this API`)
}
