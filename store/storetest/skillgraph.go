package storetest

import (
	"context"
	"fmt"
	"testing"

	"github.com/careergraph/careergraph/career"
)

// SkillGraphDatasetName is the name of the dataset SkillGraphDataset makes.
const SkillGraphDatasetName = "sg"

// SkillGraphDataset is a small dataset with a skill graph whose answers are worked out by
// hand in runSkillGraph:
//
//	SQL → Développement (group) → Aptitudes (group)
//	SQL → Requêtes → Bases de données (group) → Développement
//	Algorithmique, Écrire du code → Développement
//
// SQL relates to Écrire du code (essential), Algorithmique and Requêtes (optional); four
// professions require SQL, Algorithmique and Écrire du code in overlapping sets.
func SkillGraphDataset() *career.Dataset {
	ds := SkillGraphDatasetName
	id := func(kind career.Kind, code string) string { return career.MakeID(kind, ds, code) }
	skill := func(code, name string) career.Skill {
		return career.Skill{ID: id(career.KindSkill, code), Dataset: ds, Code: code, Name: name, Kind: career.SkillKindSkill, Language: "fr"}
	}
	prof := func(code, name string) career.Profession {
		return career.Profession{ID: id(career.KindProfession, code), Dataset: ds, Code: code, Name: name, Language: "fr", Source: "generated"}
	}
	sk := func(code string) string { return id(career.KindSkill, code) }
	req := func(p, s string, imp career.Importance) career.Requirement {
		return career.Requirement{ProfessionID: id(career.KindProfession, p), SkillID: sk(s), Importance: imp}
	}
	return &career.Dataset{
		Info: career.DatasetInfo{Name: ds, Title: "Skill graph", Version: "1", Attribution: "careergraph storetest"},
		Professions: []career.Profession{
			prof("p1", "Analyste"), prof("p2", "Développeur"), prof("p3", "Intégrateur"), prof("p4", "Testeur"),
		},
		Skills: []career.Skill{
			skill("top", "Aptitudes"), skill("dev", "Développement"), skill("bdd", "Bases de données"),
			skill("sql", "SQL"), skill("req", "Requêtes"), skill("algo", "Algorithmique"), skill("code", "Écrire du code"),
		},
		Requirements: []career.Requirement{
			req("p1", "sql", career.Essential), req("p1", "algo", career.Essential), req("p1", "code", career.Optional),
			req("p2", "sql", career.Essential), req("p2", "algo", career.Optional),
			req("p3", "sql", career.Essential), req("p3", "code", career.Essential), req("p3", "code", career.Optional),
			req("p4", "req", career.Essential),
		},
		SkillGraph: career.SkillGraph{
			Groups: []string{sk("top"), sk("dev"), sk("bdd")},
			Broader: []career.SkillLink{
				{SkillID: sk("sql"), OtherID: sk("dev")}, {SkillID: sk("sql"), OtherID: sk("req")},
				{SkillID: sk("req"), OtherID: sk("bdd")}, {SkillID: sk("bdd"), OtherID: sk("dev")},
				{SkillID: sk("dev"), OtherID: sk("top")},
				{SkillID: sk("algo"), OtherID: sk("dev")}, {SkillID: sk("code"), OtherID: sk("dev")},
			},
			Relations: []career.SkillRelationLink{
				{SkillID: sk("sql"), RelatedID: sk("req"), Importance: career.Optional},
				{SkillID: sk("sql"), RelatedID: sk("code"), Importance: career.Essential},
				{SkillID: sk("sql"), RelatedID: sk("algo"), Importance: career.Optional},
			},
			Members: []career.SkillMember{
				{SkillID: sk("sql"), Collection: career.CollectionGreen}, {SkillID: sk("sql"), Collection: career.CollectionDigital},
				{SkillID: sk("algo"), Collection: career.CollectionTransversal}, {SkillID: sk("algo"), Collection: career.CollectionTransversal},
			},
		},
	}
}

// runSkillGraph checks the skill graph reads on SkillGraphDataset.
func runSkillGraph(t *testing.T, open Open) {
	s := open(t, SkillGraphDataset())
	ctx := context.Background()
	sk := func(code string) string { return career.MakeID(career.KindSkill, SkillGraphDatasetName, code) }
	unknown := sk("nope")

	t.Run("stats count groups, broader links and relations", func(t *testing.T) {
		equal(t, "stats", *must(s.Stats(ctx, SkillGraphDatasetName))(t),
			career.Stats{Professions: 4, Skills: 7, EquivalencesBySource: []career.SourceCount{}, SkillGroups: 3, SkillBroaderLinks: 7, SkillRelations: 3})
	})

	t.Run("broader: nearest first, then by name, each once at its shortest distance", func(t *testing.T) {
		got := must(s.BroaderSkills(ctx, []string{sk("sql"), sk("algo"), sk("top"), unknown}))(t)
		// Level 1: Développement, Requêtes; level 2: Aptitudes (above Développement), Bases de
		// données (above Requêtes); Développement again at level 3 is not repeated.
		equal(t, "sql", codes(got[sk("sql")]), []string{"dev", "req", "top", "bdd"})
		equal(t, "algo", codes(got[sk("algo")]), []string{"dev", "top"})
		equal(t, "top (nothing above)", codes(got[sk("top")]), []string{})
		if _, ok := got[unknown]; ok || len(got) != 3 {
			t.Errorf("keys: got %d, want the 3 known skills", len(got))
		}
	})

	t.Run("narrower pages by name with totalCount", func(t *testing.T) {
		first := must(s.NarrowerSkills(ctx, []string{sk("dev"), sk("sql"), unknown}, career.PageArgs{First: 2}))(t)
		p := first[sk("dev")]
		equal(t, "page 1", []any{codes(p.Items), p.HasNextPage, p.TotalCount}, []any{[]string{"algo", "bdd"}, true, 4})
		leaf := first[sk("sql")]
		equal(t, "a skill with nothing under it", []any{codes(leaf.Items), leaf.HasNextPage, leaf.TotalCount}, []any{[]string{}, false, 0})
		if _, ok := first[unknown]; ok {
			t.Error("an unknown skill has a page")
		}
		last := p.Items[len(p.Items)-1]
		next := must(s.NarrowerSkills(ctx, []string{sk("dev")}, career.PageArgs{First: 2, After: career.EncodeCursor(last.Name, last.ID)}))(t)[sk("dev")]
		equal(t, "page 2", []any{codes(next.Items), next.HasNextPage, next.TotalCount}, []any{[]string{"code", "sql"}, false, 4})
		_, err := s.NarrowerSkills(ctx, []string{sk("dev")}, career.PageArgs{First: 2, After: "bad!"})
		wantCode(t, err, career.EINVALID, `invalid cursor "bad!": use a cursor returned by this API`)
	})

	t.Run("backward pages of narrower skills", func(t *testing.T) { backwardNarrowerPages(t, s) })

	t.Run("related skills: essential first, then by name", func(t *testing.T) {
		got := must(s.RelatedSkills(ctx, []string{sk("sql"), sk("req"), unknown}))(t)
		var rel []string
		for _, r := range got[sk("sql")] {
			rel = append(rel, fmt.Sprintf("%s %s", r.Importance, r.Skill.Code))
		}
		equal(t, "sql", rel, []string{"ESSENTIAL code", "OPTIONAL algo", "OPTIONAL req"})
		equal(t, "req (none)", len(got[sk("req")]), 0)
		if got[sk("req")] == nil {
			t.Error("a skill without relations must have an empty list, not nil")
		}
		if _, ok := got[unknown]; ok {
			t.Error("an unknown skill has relations")
		}
	})

	t.Run("co-required: by professions requiring both, then by name", func(t *testing.T) {
		usage := func(first int, ids ...string) map[string][]string {
			out := map[string][]string{}
			for id, list := range must(s.CoRequiredSkills(ctx, ids, first))(t) {
				out[id] = []string{}
				for _, u := range list {
					out[id] = append(out[id], fmt.Sprintf("%d %s", u.Professions, u.Skill.Code))
				}
			}
			return out
		}
		// sql: Algorithmique (p1, p2) and Écrire du code (p1, p3; p3 lists it twice) tie at 2.
		equal(t, "first 10", usage(10, sk("sql"), sk("code"), sk("req"), unknown), map[string][]string{
			sk("sql"):  {"2 algo", "2 code"},
			sk("code"): {"2 sql", "1 algo"},
			sk("req"):  {},
		})
		equal(t, "first 1", usage(1, sk("sql")), map[string][]string{sk("sql"): {"2 algo"}})
	})

	t.Run("groups and collections", func(t *testing.T) {
		got := must(s.SkillFacets(ctx, []string{sk("dev"), sk("sql"), sk("algo"), sk("req"), unknown}))(t)
		equal(t, "facets", got, map[string]career.SkillFacets{
			sk("dev"):  {IsGroup: true, Collections: []career.SkillCollection{}},
			sk("sql"):  {Collections: []career.SkillCollection{career.CollectionDigital, career.CollectionGreen}},
			sk("algo"): {Collections: []career.SkillCollection{career.CollectionTransversal}},
			sk("req"):  {Collections: []career.SkillCollection{}},
		})
	})
}
