// Package storetest is the conformance suite every career.Store backend passes: the same
// questions over the seed dataset, with the exact answers taken from the seed card and the
// curated cards (names, counts, orders, scores).
package storetest

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"testing"

	"github.com/careergraph/careergraph/career"
)

// Open returns a store holding exactly the given datasets.
type Open func(t *testing.T, datasets ...*career.Dataset) career.Store

// IDs of the seed, for readability.
const (
	backEnd    = "profession:seed:developpeur-web-back-end"
	frontEnd   = "profession:seed:developpeur-web-front-end"
	web        = "profession:seed:developpeur-web"
	architect  = "profession:seed:architecte-logiciel"
	manager    = "profession:seed:chef-de-projet"
	software   = "profession:seed:developpeur-logiciels"
	mobile     = "profession:seed:developpeur-applications-mobiles"
	director   = "profession:seed:directeur-technique-informatique"
	languages  = "skill:seed:maitriser-langages-programmation"
	databases  = "skill:seed:connaitre-bases-de-donnees"
	git        = "tool:seed:git"
	secondaire = "training:seed:secondaire"
)

// codes returns the codes of nodes (anything with a Code field), in order.
func codes[T any](nodes []T) []string {
	out := []string{}
	for _, n := range nodes {
		v := reflect.Indirect(reflect.ValueOf(n))
		out = append(out, v.FieldByName("Code").String())
	}
	return out
}

// equal fails the test when got and want differ, showing both as JSON.
func equal(t *testing.T, what string, got, want any) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		g, _ := json.Marshal(got)
		w, _ := json.Marshal(want)
		t.Errorf("%s:\ngot  %s\nwant %s", what, g, w)
	}
}

// must returns v, failing the test on err: must(s.Stats(ctx, ""))(t).
func must[T any](v T, err error) func(t *testing.T) T {
	return func(t *testing.T) T {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
}

// wantCode fails the test unless err carries the code.
func wantCode(t *testing.T, err error, code, message string) {
	t.Helper()
	if got := career.ErrorCode(err); got != code {
		t.Fatalf("error %v: code %q, want %q", err, got, code)
	}
	if message != "" && career.ErrorMessage(err) != message {
		t.Errorf("message %q, want %q", career.ErrorMessage(err), message)
	}
}

// Run runs the conformance suite against stores that open returns.
func Run(t *testing.T, seedDataset *career.Dataset, open Open) {
	s := open(t, seedDataset)
	ctx := context.Background()

	t.Run("datasets and stats", func(t *testing.T) {
		ds := must(s.Datasets(ctx))(t)
		if len(ds) != 1 {
			t.Fatalf("datasets: got %d, want 1", len(ds))
		}
		equal(t, "dataset", []any{ds[0].Name, ds[0].Title, ds[0].Version, ds[0].Professions},
			[]any{"seed", "Fiches métiers du développement informatique", "1", 8})
		equal(t, "stats", *must(s.Stats(ctx, ""))(t), career.Stats{Professions: 8, Skills: 35, Tools: 19, Trainings: 7, CareerMoves: 21, EquivalencesBySource: []career.SourceCount{}})
		equal(t, "stats(seed)", *must(s.Stats(ctx, "seed"))(t), career.Stats{Professions: 8, Skills: 35, Tools: 19, Trainings: 7, CareerMoves: 21, EquivalencesBySource: []career.SourceCount{}})
		equal(t, "stats(unknown)", *must(s.Stats(ctx, "nope"))(t), career.Stats{EquivalencesBySource: []career.SourceCount{}})
		top := must(s.TopSkills(ctx, "", 5))(t)
		var got []string
		for _, u := range top {
			got = append(got, fmt.Sprintf("%d %s", u.Professions, u.Skill.Code))
		}
		equal(t, "topSkills", got, []string{"8 anglais-technique-informatique", "6 maitriser-langages-programmation",
			"6 mettre-en-place-tests", "5 maitriser-environnement-client-serveur", "5 mener-une-veille"})
		equal(t, "topSkills(unknown)", len(must(s.TopSkills(ctx, "nope", 5))(t)), 0)
	})

	t.Run("the card profession is complete and in card order", func(t *testing.T) {
		ps := must(s.ProfessionsByID(ctx, []string{backEnd, "profession:seed:nope"}))(t)
		equal(t, "found", len(ps), 1)
		p := ps[backEnd]
		equal(t, "name", p.Name, "Développeur·euse web back end")
		equal(t, "specializationOf", p.SpecializationOf, web)
		equal(t, "source", p.Source, "card")
		equal(t, "tasks", p.Tasks, []string{
			"Analyser les demandes et concevoir des solutions",
			"Développer les différentes fonctionnalités et les tester",
			"Intégrer les éléments dynamiques dans les modèles de page",
			"Structurer la base de données",
			"Développer le code permettant la communication entre « le client » et « le serveur »",
			"Réaliser une série de tests pour vérifier le bon fonctionnement du site",
			"Assurer la maintenance du site",
			"Corriger les problèmes techniques quand ils surviennent",
			"Rédiger les notices techniques pour le·la client·e",
		})
		equal(t, "summary", p.Summary, "Aujourd’hui, le métier de développeur·euse web se sépare en deux grandes spécialités : le développement back end et le développement front end.")
		q := must(s.Qualities(ctx, []string{backEnd}))(t)
		var qn []string
		for _, s := range q[backEnd] {
			qn = append(qn, s.Name)
		}
		equal(t, "qualities", qn, []string{"Mobilité", "Orienté solution", "Responsabilité", "Travail en équipe", "Réactivité"})
		reqs := must(s.Requirements(ctx, []string{backEnd}))(t)[backEnd]
		var rn []string
		for _, r := range reqs {
			rn = append(rn, fmt.Sprintf("%s %s %s", r.Importance, r.Skill.Kind, r.Skill.Name))
		}
		equal(t, "skills", rn, []string{
			"ESSENTIAL SKILL Maîtriser des langages de programmation spécifiques",
			"ESSENTIAL SKILL Maîtriser l'environnement client-serveur",
			"ESSENTIAL SKILL Connaître et savoir utiliser des outils comme les CMS et les Frameworks",
			"ESSENTIAL SKILL Mettre en place des méthodologies de test et des phases de tests",
			"ESSENTIAL SKILL Être capable d’identifier les besoins et de proposer une solution technologique adaptée",
			"ESSENTIAL KNOWLEDGE Avoir une connaissance des systèmes de gestion de bases de données",
			"ESSENTIAL ATTITUDE Avoir le souci du détail et faire preuve de rigueur",
			"ESSENTIAL ATTITUDE Faire preuve de créativité",
			"ESSENTIAL LANGUAGE Connaitre l’anglais technique informatique",
			"ESSENTIAL SKILL Mener une veille (évolutions technologiques, nouveaux risques, mise à jour des compétences numériques essentielles à son secteur etc.)",
		})
		tools := must(s.ToolsOf(ctx, []string{backEnd}))(t)[backEnd]
		var tn []string
		for _, tl := range tools {
			tn = append(tn, tl.Name+" / "+tl.Category)
		}
		equal(t, "tools", tn, []string{
			"Firefox / Navigateur web", "Chrome / Navigateur web",
			"Slack / Outils pour s’organiser et communiquer", "Google Drive / Outils pour s’organiser et communiquer", "Trello / Outils pour s’organiser et communiquer",
			"PhpStorm / Outils de développement", "Visual Studio Code / Outils de développement", "Git / Outils de développement",
			"Photoshop / Éditeur d’images", "PaintNet / Éditeur d’images",
			"Casque / Confort de travail", "Tasse de café / Confort de travail",
		})
		trainings := must(s.TrainingsOf(ctx, []string{backEnd}))(t)[backEnd]
		var trn []string
		for _, tr := range trainings {
			d := "-"
			if tr.DurationYears != nil {
				d = fmt.Sprint(*tr.DurationYears)
			}
			trn = append(trn, fmt.Sprintf("%s %s %s", tr.Name, tr.Level, d))
		}
		equal(t, "trainings", trn, []string{
			"Secondaire SECONDARY -",
			"Bachelier professionnalisant Haute École HIGHER_SHORT 3",
			"Master en Haute École ou université HIGHER_LONG 5",
			"Promotion sociale ADULT_EDUCATION -",
			"Centres de compétence TIC VOCATIONAL -",
			"Autres organismes de formation OTHER -",
		})
		next := must(s.NextCareers(ctx, []string{backEnd}))(t)[backEnd]
		var nn []string
		for _, m := range next {
			nn = append(nn, string(m.Kind)+" "+m.Profession.Name)
		}
		equal(t, "nextCareers (the card's self-reference dropped)", nn, []string{
			"PROGRESSION Architecte logiciel",
			"PROGRESSION Développeur·euse d’applications mobiles",
			"PROGRESSION Chef·fe de projet",
			"PROGRESSION Développeur·euse de logiciels",
			"PROGRESSION Directeur·rice technique informatique",
			"PROGRESSION Développeur·euse web front end",
		})
	})

	t.Run("reverse links are ordered by name", func(t *testing.T) {
		prev := must(s.PreviousCareers(ctx, []string{backEnd, director}))(t)
		var got []string
		for _, m := range prev[backEnd] {
			got = append(got, string(m.Kind)+" "+m.Profession.Code)
		}
		equal(t, "previousCareers(back end)", got, []string{"LATERAL developpeur-web", "LATERAL developpeur-web-front-end"})
		got = nil
		for _, m := range prev[director] {
			got = append(got, string(m.Kind)+" "+m.Profession.Code)
		}
		equal(t, "previousCareers(director)", got, []string{"PROGRESSION architecte-logiciel", "PROGRESSION chef-de-projet", "PROGRESSION developpeur-web-back-end"})
		specs := must(s.Specializations(ctx, []string{web, backEnd}))(t)
		equal(t, "specializations(web)", codes(specs[web]), []string{"developpeur-web-back-end", "developpeur-web-front-end"})
		equal(t, "specializations(back end)", codes(specs[backEnd]), []string{})
	})

	t.Run("lookups by ID and code", func(t *testing.T) {
		equal(t, "skills", len(must(s.SkillsByID(ctx, []string{languages, databases, "skill:seed:nope"}))(t)), 2)
		equal(t, "tools", must(s.ToolsByID(ctx, []string{git}))(t)[git].Name, "Git")
		equal(t, "trainings", must(s.TrainingsByID(ctx, []string{secondaire}))(t)[secondaire].Level, career.LevelSecondary)
		p := must(s.ProfessionByCode(ctx, "seed", "chef-de-projet"))(t)
		if p == nil || p.Name != "Chef·fe de projet" {
			t.Errorf("ProfessionByCode: got %+v", p)
		}
		if p := must(s.ProfessionByCode(ctx, "seed", "nope"))(t); p != nil {
			t.Errorf("ProfessionByCode(nope): got %+v, want nil", p)
		}
	})

	t.Run("lists page by name with keyset cursors", func(t *testing.T) {
		all := []string{"architecte-logiciel", "chef-de-projet", "developpeur-applications-mobiles", "developpeur-logiciels",
			"developpeur-web", "developpeur-web-back-end", "developpeur-web-front-end", "directeur-technique-informatique"}
		var got []string
		after := ""
		for pages := 0; ; pages++ {
			p := must(s.ListProfessions(ctx, career.ProfessionFilter{}, career.PageArgs{First: 3, After: after}))(t)
			equal(t, "totalCount", p.TotalCount, 8)
			got = append(got, codes(p.Items)...)
			if !p.HasNextPage {
				equal(t, "pages", pages, 2)
				equal(t, "last page size", len(p.Items), 2)
				break
			}
			last := p.Items[len(p.Items)-1]
			after = career.EncodeCursor(last.Name, last.ID)
		}
		equal(t, "all pages", got, all)

		last := must(s.ListProfessions(ctx, career.ProfessionFilter{}, career.PageArgs{First: 5,
			After: career.EncodeCursor("Directeur·rice technique informatique", director)}))(t)
		equal(t, "after the last item", []any{len(last.Items), last.HasNextPage, last.TotalCount}, []any{0, false, 8})
		_, err := s.ListProfessions(ctx, career.ProfessionFilter{}, career.PageArgs{First: 5, After: "bad!"})
		wantCode(t, err, career.EINVALID, `invalid cursor "bad!": use a cursor returned by this API`)

		empty := must(s.ListProfessions(ctx, career.ProfessionFilter{Dataset: "nope"}, career.PageArgs{First: 5}))(t)
		equal(t, "unknown dataset", []any{len(empty.Items), empty.HasNextPage, empty.TotalCount}, []any{0, false, 0})
		if empty.Items == nil {
			t.Error("an empty page's Items must be an empty slice, not nil")
		}
	})

	t.Run("profession filters combine", func(t *testing.T) {
		for _, tc := range []struct {
			name   string
			filter career.ProfessionFilter
			want   []string
		}{
			{"skill", career.ProfessionFilter{SkillID: languages}, []string{"architecte-logiciel", "developpeur-applications-mobiles", "developpeur-logiciels", "developpeur-web", "developpeur-web-back-end", "developpeur-web-front-end"}},
			{"tool", career.ProfessionFilter{ToolID: "tool:seed:figma"}, []string{"developpeur-applications-mobiles", "developpeur-web-front-end"}},
			{"skill and tool", career.ProfessionFilter{SkillID: languages, ToolID: "tool:seed:xcode"}, []string{"developpeur-applications-mobiles"}},
			{"text", career.ProfessionFilter{Text: "développeuse web"}, []string{"developpeur-web", "developpeur-web-back-end", "developpeur-web-front-end"}},
			{"text and skill", career.ProfessionFilter{Text: "developpeur", SkillID: databases}, []string{"developpeur-logiciels", "developpeur-web", "developpeur-web-back-end"}},
			{"sector", career.ProfessionFilter{Sector: "Informatique", Dataset: "seed"}, []string{"architecte-logiciel", "chef-de-projet", "developpeur-applications-mobiles", "developpeur-logiciels", "developpeur-web", "developpeur-web-back-end", "developpeur-web-front-end", "directeur-technique-informatique"}},
			{"unknown skill", career.ProfessionFilter{SkillID: "skill:seed:nope"}, []string{}},
		} {
			p := must(s.ListProfessions(ctx, tc.filter, career.PageArgs{First: 20}))(t)
			equal(t, tc.name, codes(p.Items), tc.want)
			equal(t, tc.name+" totalCount", p.TotalCount, len(tc.want))
		}
	})

	t.Run("skill, tool and training lists filter", func(t *testing.T) {
		sk := must(s.ListSkills(ctx, career.SkillFilter{Kind: career.SkillKindKnowledge}, career.PageArgs{First: 3}))(t)
		equal(t, "knowledge", []any{codes(sk.Items), sk.TotalCount, sk.HasNextPage},
			[]any{[]string{"connaitre-bases-de-donnees", "connaitre-securite-informatique", "connaitre-methodes-agiles"}, 5, true})
		sk = must(s.ListSkills(ctx, career.SkillFilter{Text: "maitriser"}, career.PageArgs{First: 10}))(t)
		equal(t, "skills text", codes(sk.Items), []string{"maitriser-langages-programmation", "maitriser-javascript", "maitriser-environnement-client-serveur"})
		tl := must(s.ListTools(ctx, career.ToolFilter{Category: "Navigateur web"}, career.PageArgs{First: 10}))(t)
		equal(t, "browsers", codes(tl.Items), []string{"chrome", "firefox"})
		tl = must(s.ListTools(ctx, career.ToolFilter{Text: "visual"}, career.PageArgs{First: 10}))(t)
		equal(t, "tools text", codes(tl.Items), []string{"visual-studio-code"})
		tr := must(s.ListTrainings(ctx, career.TrainingFilter{Level: career.LevelOther}, career.PageArgs{First: 10}))(t)
		equal(t, "trainings OTHER", codes(tr.Items), []string{"autres-organismes-de-formation", "certification-gestion-de-projet"})
		tr = must(s.ListTrainings(ctx, career.TrainingFilter{Dataset: "seed"}, career.PageArgs{First: 2}))(t)
		equal(t, "trainings", []any{codes(tr.Items), tr.TotalCount, tr.HasNextPage},
			[]any{[]string{"autres-organismes-de-formation", "bachelier-professionnalisant-haute-ecole"}, 7, true})
	})

	t.Run("professions linked to skills, tools and trainings page in one call", func(t *testing.T) {
		pages := must(s.ProfessionsLinkedTo(ctx, []string{languages, git, secondaire, "skill:seed:nope"}, "", career.PageArgs{First: 3}))(t)
		equal(t, "found", len(pages), 3)
		equal(t, "skill", []any{codes(pages[languages].Items), pages[languages].TotalCount, pages[languages].HasNextPage},
			[]any{[]string{"architecte-logiciel", "developpeur-applications-mobiles", "developpeur-logiciels"}, 6, true})
		equal(t, "tool", []any{codes(pages[git].Items), pages[git].TotalCount},
			[]any{[]string{"architecte-logiciel", "developpeur-applications-mobiles", "developpeur-logiciels"}, 6})
		equal(t, "training", []any{codes(pages[secondaire].Items), pages[secondaire].TotalCount, pages[secondaire].HasNextPage},
			[]any{[]string{"developpeur-web", "developpeur-web-back-end", "developpeur-web-front-end"}, 3, false})
		second := must(s.ProfessionsLinkedTo(ctx, []string{languages}, "", career.PageArgs{First: 3,
			After: career.EncodeCursor("Développeur·euse de logiciels", software)}))(t)
		equal(t, "second page", codes(second[languages].Items), []string{"developpeur-web", "developpeur-web-back-end", "developpeur-web-front-end"})
		optional := must(s.ProfessionsLinkedTo(ctx, []string{languages}, career.Optional, career.PageArgs{First: 3}))(t)
		equal(t, "optional only", optional[languages].TotalCount, 0)
	})

	t.Run("search ranks French inclusive forms", func(t *testing.T) {
		first := func(text string, kinds ...career.Kind) string {
			hits := must(s.Search(ctx, career.SearchQuery{Text: text, Kinds: kinds, First: 10}))(t)
			if len(hits) == 0 {
				t.Fatalf("search %q: no hits", text)
			}
			return hits[0].Node.(*career.Profession).Name
		}
		equal(t, "directrice technique", first("directrice technique"), "Directeur·rice technique informatique")
		equal(t, "cheffe de projet", first("cheffe de projet"), "Chef·fe de projet")
		equal(t, "developpeuse back end", first("developpeuse back end"), "Développeur·euse web back end")
		for _, q := range []string{"développeuse", "developpeur", "Développeur·euse"} {
			hits := must(s.Search(ctx, career.SearchQuery{Text: q, Kinds: []career.Kind{career.KindProfession}, First: 50}))(t)
			found := false
			for _, h := range hits {
				found = found || h.Node.(*career.Profession).ID == backEnd
			}
			if !found {
				t.Errorf("search %q does not find the back-end card", q)
			}
		}
		hits := must(s.Search(ctx, career.SearchQuery{Text: "git", First: 10}))(t)
		var got []string
		for _, h := range hits {
			got = append(got, fmt.Sprintf("%s %v", h.Kind, h.Score))
		}
		equal(t, "git", got, []string{"tool 1"})
		equal(t, "kinds filter", len(must(s.Search(ctx, career.SearchQuery{Text: "git", Kinds: []career.Kind{career.KindSkill}, First: 10}))(t)), 0)
		equal(t, "dataset filter", len(must(s.Search(ctx, career.SearchQuery{Text: "git", Dataset: "rome", First: 10}))(t)), 0)
		equal(t, "first", len(must(s.Search(ctx, career.SearchQuery{Text: "dévelop", First: 2}))(t)), 2)
	})

	t.Run("career paths: shortest first, then by step names", func(t *testing.T) {
		paths := must(s.CareerPaths(ctx, backEnd, director, 3, 10))(t)
		var got []string
		for _, p := range paths {
			got = append(got, fmt.Sprint(codes(p)))
		}
		equal(t, "paths", got, []string{
			"[developpeur-web-back-end directeur-technique-informatique]",
			"[developpeur-web-back-end architecte-logiciel directeur-technique-informatique]",
			"[developpeur-web-back-end chef-de-projet directeur-technique-informatique]",
			"[developpeur-web-back-end developpeur-applications-mobiles architecte-logiciel directeur-technique-informatique]",
			"[developpeur-web-back-end developpeur-applications-mobiles chef-de-projet directeur-technique-informatique]",
			"[developpeur-web-back-end developpeur-logiciels architecte-logiciel directeur-technique-informatique]",
			"[developpeur-web-back-end developpeur-logiciels chef-de-projet directeur-technique-informatique]",
			"[developpeur-web-back-end developpeur-web-front-end chef-de-projet directeur-technique-informatique]",
		})
		equal(t, "maxSteps 4 finds 14", len(must(s.CareerPaths(ctx, backEnd, director, 4, 20))(t)), 14)
		equal(t, "first 2", len(must(s.CareerPaths(ctx, backEnd, director, 4, 2))(t)), 2)
		equal(t, "no way back", len(must(s.CareerPaths(ctx, director, backEnd, 6, 5))(t)), 0)
		_, err := s.CareerPaths(ctx, backEnd, backEnd, 3, 5)
		wantCode(t, err, career.EINVALID, "")
		_, err = s.CareerPaths(ctx, "profession:seed:nope", director, 3, 5)
		wantCode(t, err, career.ENOTFOUND, `from: no profession with ID "profession:seed:nope"`)
		_, err = s.CareerPaths(ctx, backEnd, languages, 3, 5)
		wantCode(t, err, career.ENOTFOUND, `to: no profession with ID "skill:seed:maitriser-langages-programmation"`)
	})

	t.Run("career progression: breadth first, smallest shortest path", func(t *testing.T) {
		steps := must(s.CareerProgression(ctx, web, 3, 50))(t)
		var got []string
		for _, st := range steps {
			got = append(got, fmt.Sprint(st.Distance, " ", codes(st.Path)))
		}
		equal(t, "progression", got, []string{
			"1 [developpeur-web chef-de-projet]",
			"1 [developpeur-web developpeur-logiciels]",
			"1 [developpeur-web developpeur-web-back-end]",
			"1 [developpeur-web developpeur-web-front-end]",
			"2 [developpeur-web developpeur-logiciels architecte-logiciel]",
			"2 [developpeur-web developpeur-logiciels developpeur-applications-mobiles]",
			"2 [developpeur-web chef-de-projet directeur-technique-informatique]",
		})
		equal(t, "maxSteps 1", len(must(s.CareerProgression(ctx, web, 1, 50))(t)), 4)
		equal(t, "first 5", len(must(s.CareerProgression(ctx, web, 3, 5))(t)), 5)
		equal(t, "top role", len(must(s.CareerProgression(ctx, director, 3, 50))(t)), 0)
		_, err := s.CareerProgression(ctx, "profession:seed:nope", 3, 5)
		wantCode(t, err, career.ENOTFOUND, "")
	})

	t.Run("skill gap", func(t *testing.T) {
		g := must(s.SkillGap(ctx, backEnd, architect))(t)
		equal(t, "coverage", g.Coverage, 4.0/7.0)
		equal(t, "shared", codes(g.Shared), []string{"maitriser-langages-programmation", "maitriser-environnement-client-serveur",
			"identifier-besoins-proposer-solution", "anglais-technique-informatique", "connaitre-bases-de-donnees", "mener-une-veille"})
		var missing []string
		for _, r := range g.Missing {
			missing = append(missing, string(r.Importance)+" "+r.Skill.Code)
		}
		equal(t, "missing", missing, []string{"ESSENTIAL connaitre-architecture-logicielle", "ESSENTIAL modeliser-systeme",
			"ESSENTIAL connaitre-securite-informatique", "OPTIONAL animer-equipe"})
		equal(t, "missingTools", codes(g.MissingTools), []string{"intellij-idea", "docker", "confluence", "jira"})
		equal(t, "from/to", []string{g.From.ID, g.To.ID}, []string{backEnd, architect})
		same := must(s.SkillGap(ctx, backEnd, backEnd))(t)
		equal(t, "same profession", []any{same.Coverage, len(same.Missing), len(same.MissingTools), len(same.Shared)}, []any{1.0, 0, 0, 10})
		_, err := s.SkillGap(ctx, backEnd, "profession:seed:nope")
		wantCode(t, err, career.ENOTFOUND, `to: no profession with ID "profession:seed:nope"`)
	})

	t.Run("match professions: skills used and essential coverage, ties by name", func(t *testing.T) {
		ms := must(s.MatchProfessions(ctx, career.MatchQuery{SkillIDs: []string{languages, databases}, ToolIDs: []string{git}, First: 10}))(t)
		var got []string
		for _, m := range ms {
			got = append(got, fmt.Sprintf("%s %.6f used %.6f coverage %.6f %d %d", m.Profession.Code, m.Score, *m.SkillsUsed, *m.EssentialCoverage, len(m.Matched), len(m.Missing)))
		}
		equal(t, "matches", got, []string{
			"developpeur-web-back-end 0.800000 used 1.000000 coverage 0.200000 2 8",
			"developpeur-logiciels 0.791667 used 1.000000 coverage 0.166667 2 7",
			"developpeur-web 0.791667 used 1.000000 coverage 0.166667 2 7",
			"architecte-logiciel 0.785714 used 1.000000 coverage 0.142857 2 8",
			"developpeur-applications-mobiles 0.550000 used 0.666667 coverage 0.200000 1 7",
			"developpeur-web-front-end 0.541667 used 0.666667 coverage 0.166667 1 9",
		})
		// The back-end developer uses the 3 given and requires 10 essential skills, 2 of them given.
		equal(t, "score is exact", []float64{ms[0].Score, *ms[0].SkillsUsed, *ms[0].EssentialCoverage}, []float64{0.75*1 + 0.25*2.0/10.0, 1, 0.2})
		equal(t, "matched in the profession's order", codes(ms[0].Matched), []string{"maitriser-langages-programmation", "connaitre-bases-de-donnees"})
		equal(t, "first", len(must(s.MatchProfessions(ctx, career.MatchQuery{SkillIDs: []string{languages}, First: 2}))(t)), 2)
		equal(t, "dataset", len(must(s.MatchProfessions(ctx, career.MatchQuery{SkillIDs: []string{languages}, Dataset: "rome", First: 2}))(t)), 0)
		_, err := s.MatchProfessions(ctx, career.MatchQuery{SkillIDs: []string{"skill:seed:nope"}, First: 2})
		wantCode(t, err, career.ENOTFOUND, `skills: no skill with ID "skill:seed:nope"`)
		_, err = s.MatchProfessions(ctx, career.MatchQuery{SkillIDs: []string{languages}, ToolIDs: []string{"tool:seed:nope"}, First: 2})
		wantCode(t, err, career.ENOTFOUND, `tools: no tool with ID "tool:seed:nope"`)
	})

	t.Run("similar professions: Jaccard over skills and tools", func(t *testing.T) {
		ms := must(s.SimilarProfessions(ctx, backEnd, 10))(t)
		var got []string
		for _, m := range ms {
			got = append(got, fmt.Sprintf("%s %.6f %d %d", m.Profession.Code, m.Score, len(m.Matched), len(m.Missing)))
		}
		equal(t, "similar", got, []string{
			"developpeur-web 0.782609 8 1",
			"developpeur-web-front-end 0.615385 7 3",
			"developpeur-logiciels 0.370370 7 2",
			"architecte-logiciel 0.266667 6 4",
			"developpeur-applications-mobiles 0.241379 4 4",
			"chef-de-projet 0.214286 3 4",
			"directeur-technique-informatique 0.096774 1 7",
		})
		equal(t, "score is exact", ms[0].Score, 18.0/23.0)
		equal(t, "no person's skills to compare", []any{ms[0].SkillsUsed, ms[0].EssentialCoverage}, []any{(*float64)(nil), (*float64)(nil)})
		_, err := s.SimilarProfessions(ctx, "profession:seed:nope", 5)
		wantCode(t, err, career.ENOTFOUND, "")
	})

	t.Run("bounds of the data, for the cost model", func(t *testing.T) {
		r, ok := s.(career.BoundsReader)
		if !ok {
			t.Fatalf("%T does not implement career.BoundsReader", s)
		}
		b := must(r.Bounds(ctx))(t)
		prefixes := map[string]int{}
		for _, p := range []string{"d", "de", "dev", "web", "c", "con", "zzz"} {
			prefixes[p] = b.TextPrefixes[p]
		}
		equal(t, "text prefixes", []any{len(b.TextPrefixes), b.MaxWordPostings, prefixes},
			[]any{256, 52, map[string]int{"d": 52, "de": 39, "dev": 11, "web": 3, "c": 34, "con": 9, "zzz": 0}})
		if names := slices.Sorted(maps.Keys(b.ByDataset)); !slices.Equal(names, []string{"seed"}) {
			t.Errorf("bounds by dataset: %v, want [seed]", names)
		}
		seedOnly := b.Of("seed")
		seedOnly.TextPrefixes = nil
		b.TextPrefixes, b.ByDataset = nil, nil
		equal(t, "the seed's own bounds", seedOnly, b)
		equal(t, "bounds", b, career.Bounds{
			Datasets: 1, Professions: 8, Skills: 35, Tools: 19, Trainings: 7, Moves: 21, Postings: 130,
			MaxQualities: 5, MaxRequirements: 10, MaxTools: 12, MaxTrainings: 6,
			// The front-end developer's 4 curated equivalents.
			MaxEquivalents: 4,
			MaxNextCareers: 6, MaxPreviousCareers: 5, MaxSpecializations: 2,
			MaxSkillUse: 8, MaxToolUse: 7, MaxSimilarPostings: 90,
			Walks:           [career.WalkSteps]int{6, 13, 26, 41, 56, 71},
			InferredWalks:   [career.WalkSteps]int{6, 13, 26, 41, 56, 71}, // the seed has no inferred moves
			MaxWordPostings: 52,
		})
	})

	t.Run("backward pages", func(t *testing.T) { runBackwardPages(t, s) }) // before the opens below replace s's data
	t.Run("occupation groups", func(t *testing.T) { runGroups(t, open(t, withGroups(seedDataset))) })
	t.Run("skill graph", func(t *testing.T) { runSkillGraph(t, open) })
	t.Run("inferred moves", func(t *testing.T) { runInferred(t, open(t, WithInferredMoves(seedDataset))) })
	t.Run("search rules", func(t *testing.T) { runSearchRules(t, open) })
}
