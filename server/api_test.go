package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// The API answers every contract query over the seed with the card's exact values, on each
// backend, through the real HTTP handler.

func TestProfessionCard(t *testing.T) {
	forEachBackend(t, func(t *testing.T, h http.Handler) {
		r := post(t, h, `{ profession(id: "profession:seed:developpeur-web-back-end") {
			id dataset code name alternativeNames sector language source
			qualities { name kind }
			tasks
			skills { skill { name kind } importance }
			essential: skills(importance: ESSENTIAL, kind: ATTITUDE) { skill { name } }
			tools { name category }
			browsers: tools(category: "Navigateur web") { name }
			trainings { name level durationYears }
			higher: trainings(level: HIGHER_LONG) { name }
			nextCareers { profession { name } kind }
			lateral: nextCareers(kind: LATERAL) { profession { name } }
			previousCareers { profession { name } kind }
			specializationOf { name specializations { name } }
			specializations { name }
		} }`, nil)
		var got struct {
			Profession struct {
				ID, Dataset, Code, Name, Sector, Language, Source string
				AlternativeNames                                  []string
				Qualities                                         []struct{ Name, Kind string }
				Tasks                                             []string
				Skills                                            []struct {
					Skill      struct{ Name, Kind string }
					Importance string
				}
				Essential []struct{ Skill struct{ Name string } }
				Tools     []struct {
					Name     string
					Category *string
				}
				Browsers  []struct{ Name string }
				Trainings []struct {
					Name          string
					Level         string
					DurationYears *float64
				}
				Higher      []struct{ Name string }
				NextCareers []struct {
					Profession struct{ Name string }
					Kind       string
				}
				Lateral         []struct{ Profession struct{ Name string } }
				PreviousCareers []struct {
					Profession struct{ Name string }
					Kind       string
				}
				SpecializationOf struct {
					Name            string
					Specializations []struct{ Name string }
				}
				Specializations []struct{ Name string }
			}
		}
		r.decode(t, &got)
		p := got.Profession
		equal(t, "identity", []string{p.ID, p.Dataset, p.Code, p.Name, p.Sector, p.Language, p.Source},
			[]string{"profession:seed:developpeur-web-back-end", "seed", "developpeur-web-back-end", "Développeur·euse web back end", "Informatique", "fr", "card"})
		equal(t, "alternativeNames", p.AlternativeNames, []string{})
		equal(t, "qualities", p.Qualities, []struct{ Name, Kind string }{
			{"Mobilité", "ATTITUDE"}, {"Orienté solution", "ATTITUDE"}, {"Responsabilité", "ATTITUDE"}, {"Travail en équipe", "ATTITUDE"}, {"Réactivité", "ATTITUDE"}})
		equal(t, "tasks", len(p.Tasks), 9)
		equal(t, "first task", p.Tasks[0], "Analyser les demandes et concevoir des solutions")
		equal(t, "skills", len(p.Skills), 10)
		equal(t, "last skill", p.Skills[9].Skill.Name, "Mener une veille (évolutions technologiques, nouveaux risques, mise à jour des compétences numériques essentielles à son secteur etc.)")
		equal(t, "essential attitudes", p.Essential, []struct{ Skill struct{ Name string } }{
			{struct{ Name string }{"Avoir le souci du détail et faire preuve de rigueur"}}, {struct{ Name string }{"Faire preuve de créativité"}}})
		var tools []string
		for _, tl := range p.Tools {
			tools = append(tools, tl.Name)
		}
		equal(t, "tools", tools, []string{"Firefox", "Chrome", "Slack", "Google Drive", "Trello", "PhpStorm", "Visual Studio Code", "Git", "Photoshop", "PaintNet", "Casque", "Tasse de café"})
		equal(t, "browsers", p.Browsers, []struct{ Name string }{{"Firefox"}, {"Chrome"}})
		equal(t, "trainings", len(p.Trainings), 6)
		equal(t, "bachelor", []any{p.Trainings[1].Name, p.Trainings[1].Level, *p.Trainings[1].DurationYears}, []any{"Bachelier professionnalisant Haute École", "HIGHER_SHORT", 3.0})
		if p.Trainings[0].DurationYears != nil {
			t.Errorf("Secondaire has no duration: got %v", *p.Trainings[0].DurationYears)
		}
		equal(t, "higher long", p.Higher, []struct{ Name string }{{"Master en Haute École ou université"}})
		var next []string
		for _, m := range p.NextCareers {
			next = append(next, m.Profession.Name)
		}
		equal(t, "nextCareers", next, []string{"Architecte logiciel", "Développeur·euse d’applications mobiles", "Chef·fe de projet",
			"Développeur·euse de logiciels", "Directeur·rice technique informatique", "Développeur·euse web front end"})
		equal(t, "lateral", len(p.Lateral), 0)
		equal(t, "previousCareers", len(p.PreviousCareers), 2)
		equal(t, "specializationOf", p.SpecializationOf.Name, "Développeur·euse web")
		equal(t, "siblings", p.SpecializationOf.Specializations, []struct{ Name string }{{"Développeur·euse web back end"}, {"Développeur·euse web front end"}})
		equal(t, "specializations", p.Specializations, []struct{ Name string }{})
	})
}

func TestLookups(t *testing.T) {
	forEachBackend(t, func(t *testing.T, h http.Handler) {
		r := post(t, h, `{
			byCode: profession(code: "chef-de-projet") { id name }
			byDataset: profession(dataset: "seed", code: "architecte-logiciel") { name }
			missing: profession(id: "profession:seed:nope") { name }
			skill(id: "skill:seed:connaitre-bases-de-donnees") { name kind professions(first: 2) { totalCount nodes { name } pageInfo { hasNextPage } } }
			tool(id: "tool:seed:git") { name category professions(first: 1) { totalCount } }
			training(id: "training:seed:secondaire") { name level professions { nodes { name } } }
			node(id: "tool:seed:figma") { id ... on Tool { name } }
			badNode: node(id: "garbage") { id }
			nodes(ids: ["skill:seed:mobilite", "profession:seed:nope", "training:seed:promotion-sociale"]) { id }
		}`, nil)
		var got struct {
			ByCode    struct{ ID, Name string }
			ByDataset struct{ Name string }
			Missing   *struct{ Name string }
			Skill     struct {
				Name, Kind  string
				Professions struct {
					TotalCount int
					Nodes      []struct{ Name string }
					PageInfo   struct{ HasNextPage bool }
				}
			}
			Tool struct {
				Name, Category string
				Professions    struct{ TotalCount int }
			}
			Training struct {
				Name, Level string
				Professions struct{ Nodes []struct{ Name string } }
			}
			Node    struct{ ID, Name string }
			BadNode *struct{ ID string }
			Nodes   []*struct{ ID string }
		}
		r.decode(t, &got)
		equal(t, "byCode", got.ByCode, struct{ ID, Name string }{"profession:seed:chef-de-projet", "Chef·fe de projet"})
		equal(t, "byDataset", got.ByDataset.Name, "Architecte logiciel")
		equal(t, "missing", got.Missing == nil, true)
		equal(t, "skill", []any{got.Skill.Name, got.Skill.Kind, got.Skill.Professions.TotalCount, got.Skill.Professions.PageInfo.HasNextPage},
			[]any{"Avoir une connaissance des systèmes de gestion de bases de données", "KNOWLEDGE", 4, true})
		equal(t, "tool", []any{got.Tool.Name, got.Tool.Category, got.Tool.Professions.TotalCount}, []any{"Git", "Outils de développement", 6})
		equal(t, "training", len(got.Training.Professions.Nodes), 3)
		equal(t, "node", got.Node, struct{ ID, Name string }{"tool:seed:figma", "Figma"})
		equal(t, "badNode", got.BadNode == nil, true)
		equal(t, "nodes", []bool{got.Nodes[0] != nil, got.Nodes[1] == nil, got.Nodes[2] != nil}, []bool{true, true, true})
	})
}

func TestConnectionsPage(t *testing.T) {
	forEachBackend(t, func(t *testing.T, h http.Handler) {
		type page struct {
			Professions struct {
				TotalCount int
				Edges      []struct {
					Cursor string
					Node   struct{ Name string }
				}
				Nodes    []struct{ Name string }
				PageInfo struct {
					HasNextPage bool
					EndCursor   *string
				}
			}
		}
		query := `query($after: String) { professions(first: 3, after: $after) {
			totalCount edges { cursor node { name } } nodes { name } pageInfo { hasNextPage endCursor } } }`
		var all []string
		var after any
		for i := 0; i < 3; i++ {
			var p page
			post(t, h, query, map[string]any{"after": after}).decode(t, &p)
			equal(t, "totalCount", p.Professions.TotalCount, 8)
			for j, e := range p.Professions.Edges {
				all = append(all, e.Node.Name)
				equal(t, "nodes = edges", p.Professions.Nodes[j].Name, e.Node.Name)
			}
			equal(t, "endCursor is the last edge's", *p.Professions.PageInfo.EndCursor, p.Professions.Edges[len(p.Professions.Edges)-1].Cursor)
			equal(t, "hasNextPage", p.Professions.PageInfo.HasNextPage, i < 2)
			after = *p.Professions.PageInfo.EndCursor
		}
		equal(t, "all professions by name", all, []string{"Architecte logiciel", "Chef·fe de projet", "Développeur·euse d’applications mobiles",
			"Développeur·euse de logiciels", "Développeur·euse web", "Développeur·euse web back end", "Développeur·euse web front end",
			"Directeur·rice technique informatique"})
		var empty page
		post(t, h, query, map[string]any{"after": after}).decode(t, &empty)
		equal(t, "after the last page", []any{len(empty.Professions.Edges), empty.Professions.PageInfo.HasNextPage, empty.Professions.PageInfo.EndCursor == nil},
			[]any{0, false, true})

		var lists struct {
			Skills struct {
				TotalCount int
				Nodes      []struct{ Name string }
			}
			Tools     struct{ TotalCount int }
			Trainings struct{ Nodes []struct{ Name string } }
		}
		post(t, h, `{ skills(filter: {kind: LANGUAGE}) { totalCount nodes { name } }
			tools(filter: {category: "Éditeur d’images"}) { totalCount }
			trainings(filter: {level: VOCATIONAL, dataset: "seed"}) { nodes { name } } }`, nil).decode(t, &lists)
		equal(t, "skills", []any{lists.Skills.TotalCount, lists.Skills.Nodes[0].Name}, []any{1, "Connaitre l’anglais technique informatique"})
		equal(t, "tools", lists.Tools.TotalCount, 2)
		equal(t, "trainings", lists.Trainings.Nodes[0].Name, "Centres de compétence TIC")
	})
}

func TestSearch(t *testing.T) {
	forEachBackend(t, func(t *testing.T, h http.Handler) {
		first := func(text string) string {
			t.Helper()
			var got struct {
				Search []struct {
					Kind  string
					Score float64
					Node  struct{ ID, Name string }
				}
			}
			post(t, h, `query($text: String!) { search(text: $text, kinds: [PROFESSION]) { kind score node { id ... on Profession { name } } } }`,
				map[string]any{"text": text}).decode(t, &got)
			if len(got.Search) == 0 {
				t.Fatalf("search %q: no hits", text)
			}
			return got.Search[0].Node.Name
		}
		equal(t, "directrice technique", first("directrice technique"), "Directeur·rice technique informatique")
		equal(t, "cheffe de projet", first("cheffe de projet"), "Chef·fe de projet")
		equal(t, "developpeuse back end", first("developpeuse back end"), "Développeur·euse web back end")

		var got struct {
			Search []struct {
				Kind string
				Node struct{ ID string }
			}
		}
		post(t, h, `{ search(text: "Développeur·euse web", first: 3) { kind node { id } } }`, nil).decode(t, &got)
		var ids []string
		for _, h := range got.Search {
			ids = append(ids, h.Kind+" "+h.Node.ID)
		}
		equal(t, "Développeur·euse web", ids, []string{"PROFESSION profession:seed:developpeur-web",
			"PROFESSION profession:seed:developpeur-web-back-end", "PROFESSION profession:seed:developpeur-web-front-end"})

		var filtered struct {
			Professions struct{ Nodes []struct{ Name string } }
		}
		post(t, h, `{ professions(filter: {text: "developpeuse web"}) { nodes { name } } }`, nil).decode(t, &filtered)
		equal(t, "filter.text keeps name order", names(t, mustJSON(filtered.Professions.Nodes)),
			[]string{"Développeur·euse web", "Développeur·euse web back end", "Développeur·euse web front end"})
	})
}

func TestAnalytics(t *testing.T) {
	forEachBackend(t, func(t *testing.T, h http.Handler) {
		var got struct {
			CareerPaths []struct {
				Length int
				Steps  []struct{ Name string }
			}
			CareerProgression []struct {
				Distance   int
				Profession struct{ Name string }
				Path       []struct{ Name string }
			}
			SkillGap struct {
				Coverage float64
				From, To struct{ Name string }
				Shared   []struct{ Name string }
				Missing  []struct {
					Skill      struct{ Name string }
					Importance string
				}
				MissingTools []struct{ Name string }
				Trainings    []struct{ Name string }
			}
			MatchProfessions []struct {
				Score         float64
				Profession    struct{ Name string }
				MatchedSkills []struct{ Name string }
				MissingSkills []struct{ Name string }
			}
			SimilarProfessions []struct {
				Score      float64
				Profession struct{ Name string }
			}
			Stats struct {
				Professions, Skills, Tools, Trainings, CareerMoves int
				TopSkills                                          []struct {
					Skill       struct{ Name string }
					Professions int
				}
			}
			Datasets []struct {
				Name, Title, Version, Attribution string
				Professions                       int
			}
		}
		post(t, h, `{
			careerPaths(from: "profession:seed:developpeur-web-back-end", to: "profession:seed:directeur-technique-informatique", maxSteps: 2) { length steps { name } }
			careerProgression(from: "profession:seed:developpeur-web", maxSteps: 2, first: 5) { distance profession { name } path { name } }
			skillGap(from: "profession:seed:developpeur-web-back-end", to: "profession:seed:architecte-logiciel") {
				coverage from { name } to { name } shared { name } missing { skill { name } importance } missingTools { name } trainings { name } }
			matchProfessions(skills: ["skill:seed:maitriser-langages-programmation", "skill:seed:connaitre-bases-de-donnees"], tools: ["tool:seed:git"], first: 2) {
				score profession { name } matchedSkills { name } missingSkills { name } }
			similarProfessions(to: "profession:seed:developpeur-web-back-end", first: 2) { score profession { name } }
			stats(dataset: "seed") { professions skills tools trainings careerMoves topSkills(first: 2) { skill { name } professions } }
			datasets { name title version attribution professions }
		}`, nil).decode(t, &got)
		var paths []string
		for _, p := range got.CareerPaths {
			var steps []string
			for _, s := range p.Steps {
				steps = append(steps, s.Name)
			}
			paths = append(paths, strings.Join(steps, " → "))
			equal(t, "length", p.Length, len(p.Steps)-1)
		}
		equal(t, "careerPaths", paths, []string{
			"Développeur·euse web back end → Directeur·rice technique informatique",
			"Développeur·euse web back end → Architecte logiciel → Directeur·rice technique informatique",
			"Développeur·euse web back end → Chef·fe de projet → Directeur·rice technique informatique",
		})
		var prog []string
		for _, s := range got.CareerProgression {
			prog = append(prog, s.Profession.Name)
			equal(t, "path ends at the profession", s.Path[len(s.Path)-1].Name, s.Profession.Name)
			equal(t, "path length", len(s.Path), s.Distance+1)
		}
		equal(t, "careerProgression", prog, []string{"Chef·fe de projet", "Développeur·euse de logiciels", "Développeur·euse web back end",
			"Développeur·euse web front end", "Architecte logiciel"})
		g := got.SkillGap
		equal(t, "gap", []any{g.Coverage, g.From.Name, g.To.Name, len(g.Shared), len(g.Missing), g.Missing[0].Importance, g.Missing[3].Importance, len(g.MissingTools), len(g.Trainings)},
			[]any{4.0 / 7.0, "Développeur·euse web back end", "Architecte logiciel", 6, 4, "ESSENTIAL", "OPTIONAL", 4, 3})
		equal(t, "match", []any{got.MatchProfessions[0].Profession.Name, got.MatchProfessions[0].Score, len(got.MatchProfessions[0].MatchedSkills), len(got.MatchProfessions[0].MissingSkills), got.MatchProfessions[1].Profession.Name},
			[]any{"Développeur·euse web back end", 0.75*1 + 0.25*2.0/10.0, 2, 8, "Développeur·euse de logiciels"})
		equal(t, "similar", []any{got.SimilarProfessions[0].Profession.Name, got.SimilarProfessions[0].Score, got.SimilarProfessions[1].Profession.Name},
			[]any{"Développeur·euse web", 18.0 / 23.0, "Développeur·euse web front end"})
		st := got.Stats
		equal(t, "stats", []int{st.Professions, st.Skills, st.Tools, st.Trainings, st.CareerMoves}, []int{8, 35, 19, 7, 21})
		equal(t, "topSkills", []any{st.TopSkills[0].Skill.Name, st.TopSkills[0].Professions, st.TopSkills[1].Professions},
			[]any{"Connaitre l’anglais technique informatique", 8, 6})
		equal(t, "datasets", []any{len(got.Datasets), got.Datasets[0].Name, got.Datasets[0].Version, got.Datasets[0].Professions}, []any{1, "seed", "1", 8})
		if !strings.Contains(got.Datasets[0].Attribution, "belge") {
			t.Errorf("attribution %q does not name the card's origin", got.Datasets[0].Attribution)
		}
	})
}

func TestAnalyticsErrors(t *testing.T) {
	forEachBackend(t, func(t *testing.T, h http.Handler) {
		for _, tc := range []struct{ query, code, message string }{
			{`{ careerPaths(from: "profession:seed:nope", to: "profession:seed:chef-de-projet") { length } }`, "NOT_FOUND", `from: no profession with ID "profession:seed:nope"`},
			{`{ careerPaths(from: "profession:seed:chef-de-projet", to: "profession:seed:chef-de-projet") { length } }`, "BAD_USER_INPUT", "from and to are the same profession; give two different professions"},
			{`{ careerProgression(from: "skill:seed:mobilite") { distance } }`, "NOT_FOUND", `from: no profession with ID "skill:seed:mobilite"`},
			{`{ skillGap(from: "profession:seed:chef-de-projet", to: "x") { coverage } }`, "NOT_FOUND", `to: no profession with ID "x"`},
			{`{ matchProfessions(skills: ["skill:seed:nope"]) { score } }`, "NOT_FOUND", `skills: no skill with ID "skill:seed:nope"`},
			{`{ similarProfessions(to: "profession:rome:M1805") { score } }`, "NOT_FOUND", `to: no profession with ID "profession:rome:M1805"`},
		} {
			r := post(t, h, tc.query, nil)
			if len(r.Errors) != 1 || r.codes()[0] != tc.code || r.Errors[0].Message != tc.message {
				t.Errorf("%s:\ngot  %+v\nwant %s %q", tc.query, r.Errors, tc.code, tc.message)
			}
		}
	})
}

func TestTransports(t *testing.T) {
	forEachBackend(t, func(t *testing.T, h http.Handler) {
		t.Run("GET runs queries", func(t *testing.T) {
			var got struct{ Datasets []struct{ Name string } }
			get(t, h, `{ datasets { name } }`).decode(t, &got)
			equal(t, "datasets", got.Datasets, []struct{ Name string }{{"seed"}})
		})
		t.Run("automatic persisted queries", func(t *testing.T) {
			const hash = "a5ba3a3d8ee28c1dc1b3a1e8f6e3b1d1b5f2e0a0b3b2e6f1e9f0b1a2c3d4e5f6"
			req := httptest.NewRequest(http.MethodGet, `/query?extensions={"persistedQuery":{"version":1,"sha256Hash":"`+hash+`"}}`, nil)
			r := do(t, h, req)
			equal(t, "unknown hash", r.codes(), []string{"PERSISTED_QUERY_NOT_FOUND"})
		})
		t.Run("CORS preflight allows any origin without credentials", func(t *testing.T) {
			req := httptest.NewRequest(http.MethodOptions, "/query", nil)
			req.Header.Set("Origin", "https://app.example")
			req.Header.Set("Access-Control-Request-Method", "POST")
			req.Header.Set("Access-Control-Request-Headers", "content-type")
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			equal(t, "allow origin", rec.Header().Get("Access-Control-Allow-Origin"), "*")
			equal(t, "credentials", rec.Header().Get("Access-Control-Allow-Credentials"), "")
		})
		t.Run("health and readiness", func(t *testing.T) {
			for _, path := range []string{"/healthz", "/readyz"} {
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
				equal(t, path, rec.Code, http.StatusOK)
			}
		})
		t.Run("GraphiQL is served at /", func(t *testing.T) {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
			if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "ProfessionCard") {
				t.Errorf("got %d, want the GraphiQL page with the examples", rec.Code)
			}
		})
	})
}

func mustJSON(v any) json.RawMessage {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}
