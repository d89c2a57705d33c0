package storetest

import (
	"context"
	"fmt"
	"testing"

	"github.com/careergraph/careergraph/career"
)

// interestsDataset is a hand-made dataset of five professions with interest codes, work
// contexts and English texts, and one skill with an English name.
func interestsDataset() *career.Dataset {
	id := func(code string) string { return career.MakeID(career.KindProfession, "mini", code) }
	p := func(code, name string) career.Profession {
		return career.Profession{ID: id(code), Dataset: "mini", Code: code, Name: name, Language: "fr", Source: "mini"}
	}
	d := &career.Dataset{
		Info: career.DatasetInfo{Name: "mini", Title: "Mini", Version: "1"},
		Professions: []career.Profession{
			p("dev", "Développeuse"), p("analyste", "Analyste"), p("archi", "Architecte"),
			p("comptable", "Comptable"), p("peintre", "Peintre"),
		},
		Skills: []career.Skill{{ID: "skill:mini:rigueur", Dataset: "mini", Code: "rigueur", Name: "Rigueur",
			Kind: career.SkillKindAttitude, Language: "fr"}},
		Interests: []career.Interest{
			{ProfessionID: id("dev"), Code: "IC"}, {ProfessionID: id("analyste"), Code: "ICR"},
			{ProfessionID: id("archi"), Code: "IR"}, {ProfessionID: id("comptable"), Code: "CE"},
		},
		WorkContexts: []career.WorkContext{
			{ProfessionID: id("dev"), Text: "Travail en équipe"}, {ProfessionID: id("dev"), Text: "Horaires réguliers"},
			{ProfessionID: id("peintre"), Text: "Travail en hauteur"},
		},
		Texts: []career.Text{
			{NodeID: id("dev"), Lang: "en", Name: "Developer", Summary: "Writes software."},
			{NodeID: "skill:mini:rigueur", Lang: "en", Name: "Thoroughness"},
		},
	}
	return d
}

// RunInterests checks interest codes, work contexts, texts in other languages and
// matchInterests on a store that open returns, holding interestsDataset.
func RunInterests(t *testing.T, open Open) {
	d := interestsDataset()
	s := open(t, d)
	ctx := context.Background()
	id := func(code string) string { return career.MakeID(career.KindProfession, "mini", code) }

	t.Run("batch lookups", func(t *testing.T) {
		ids := []string{id("dev"), id("analyste"), id("peintre"), "profession:mini:nope"}
		equal(t, "interests", must(s.Interests(ctx, ids))(t), map[string]string{id("dev"): "IC", id("analyste"): "ICR"})
		equal(t, "work contexts", must(s.WorkContexts(ctx, ids))(t), map[string][]string{
			id("dev"): {"Travail en équipe", "Horaires réguliers"}, id("peintre"): {"Travail en hauteur"}})
		equal(t, "texts", must(s.Texts(ctx, append(ids, "skill:mini:rigueur")))(t), map[string][]career.Text{
			id("dev"):            {{NodeID: id("dev"), Lang: "en", Name: "Developer", Summary: "Writes software."}},
			"skill:mini:rigueur": {{NodeID: "skill:mini:rigueur", Lang: "en", Name: "Thoroughness"}},
		})
		equal(t, "stats", *must(s.Stats(ctx, "mini"))(t), career.Stats{Professions: 5, Skills: 1, EquivalencesBySource: []career.SourceCount{}, Interests: 4, WorkContexts: 3, Texts: 2})
	})

	t.Run("match interests: by score, then name", func(t *testing.T) {
		ranked := func(q career.InterestQuery) []string {
			var out []string
			for _, m := range must(s.MatchInterests(ctx, q))(t) {
				out = append(out, fmt.Sprintf("%s %.4f %d %d", m.Profession.Code, m.Score, len(m.Matched), len(m.Missing)))
				if m.SkillsUsed != nil || m.EssentialCoverage != nil {
					t.Errorf("%s: skillsUsed %v and essentialCoverage %v, want nil: no person's skills are compared", m.Profession.Code, m.SkillsUsed, m.EssentialCoverage)
				}
			}
			return out
		}
		// IC: analyste ICR and dev IC score 27/27; archi IR 22/27; comptable CE 10/27.
		equal(t, "IC", ranked(career.InterestQuery{Code: "IC", First: 10}),
			[]string{"analyste 1.0000 0 0", "dev 1.0000 0 0", "archi 0.8148 0 0", "comptable 0.3704 0 0"})
		equal(t, "IC, first 3", ranked(career.InterestQuery{Code: "IC", First: 3}),
			[]string{"analyste 1.0000 0 0", "dev 1.0000 0 0", "archi 0.8148 0 0"})
		equal(t, "S", ranked(career.InterestQuery{Code: "S", First: 10}), []string(nil))
		equal(t, "another dataset", ranked(career.InterestQuery{Code: "IC", Dataset: "seed", First: 10}), []string(nil))
	})

	t.Run("search matches names in other languages as alternative names", func(t *testing.T) {
		var got []string
		for _, h := range must(s.Search(ctx, career.SearchQuery{Text: "developer", First: 5}))(t) {
			got = append(got, fmt.Sprintf("%s %.2f", h.Node.(*career.Profession).Code, h.Score))
		}
		equal(t, "search", got, []string{"dev 0.90"})
	})

	t.Run("a reload replaces them", func(t *testing.T) {
		l, ok := s.(career.Loader)
		if !ok {
			t.Skipf("%T does not load datasets", s)
		}
		d2 := interestsDataset()
		d2.Interests, d2.WorkContexts, d2.Texts = d2.Interests[:1], nil, nil
		if err := l.Load(ctx, d2); err != nil {
			t.Fatal(err)
		}
		equal(t, "interests", must(s.Interests(ctx, []string{id("dev"), id("analyste")}))(t), map[string]string{id("dev"): "IC"})
		equal(t, "work contexts", len(must(s.WorkContexts(ctx, []string{id("dev")}))(t)), 0)
		equal(t, "texts", len(must(s.Texts(ctx, []string{id("dev")}))(t)), 0)
		equal(t, "search", len(must(s.Search(ctx, career.SearchQuery{Text: "developer", First: 5}))(t)), 0)
	})
}
