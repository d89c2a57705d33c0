package dataset_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/dataset"
	"github.com/careergraph/careergraph/internal/datafiles"
	"github.com/careergraph/careergraph/seed"
)

// cardsFS returns the files of testdata/cards/base, overlaid with those of testdata/cards/<dir>
// (a file of dir replaces the base file of the same name).
func cardsFS(t *testing.T, dir string) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, d := range []string{"base", dir} {
		if d == "" {
			continue
		}
		entries, err := os.ReadDir(filepath.Join("testdata", "cards", d))
		if err != nil {
			t.Fatalf("fixtures: %v", err)
		}
		for _, e := range entries {
			data, err := os.ReadFile(filepath.Join("testdata", "cards", d, e.Name()))
			if err != nil {
				t.Fatalf("fixtures: %v", err)
			}
			fsys[e.Name()] = &fstest.MapFile{Data: data}
		}
	}
	return fsys
}

func ptr(f float64) *float64 { return &f }

func TestReadCards(t *testing.T) {
	t.Run("reads every card and the catalogue into one dataset, in file order", func(t *testing.T) {
		got, warnings, err := dataset.ReadCards(cardsFS(t, ""), "test")
		if err != nil {
			t.Fatalf("ReadCards: %v", err)
		}
		if len(warnings) != 0 {
			t.Errorf("warnings = %v, want none", warnings)
		}
		want := &career.Dataset{
			Info: career.DatasetInfo{Name: "test", Title: "Jeu de test", Version: "2", Attribution: "Écrit pour les tests."},
			Professions: []career.Profession{
				{ID: "profession:test:alpha", Dataset: "test", Code: "alpha", Name: "Alpha", Summary: "Premier métier.",
					Sector: "Informatique", Tasks: []string{"Programmer", "Tester"}, Language: "fr", Source: "curated"},
				{ID: "profession:test:beta", Dataset: "test", Code: "beta", Name: "Beta", AlternativeNames: []string{"Bêta"},
					SpecializationOf: "profession:test:alpha", Language: "en", Source: "card"},
			},
			Skills: []career.Skill{
				{ID: "skill:test:rigueur", Dataset: "test", Code: "rigueur", Name: "Rigueur", Kind: career.SkillKindAttitude, Language: "fr"},
				{ID: "skill:test:programmer", Dataset: "test", Code: "programmer", Name: "Programmer", AlternativeNames: []string{"Coder"},
					Kind: career.SkillKindSkill, Language: "fr"},
				{ID: "skill:test:sql", Dataset: "test", Code: "sql", Name: "Connaître SQL", Kind: career.SkillKindKnowledge, Language: "fr",
					Description: "Écrire des requêtes et les optimiser.\n\nAdministrer une base."},
			},
			Tools: []career.Tool{
				{ID: "tool:test:git", Dataset: "test", Code: "git", Name: "Git", Category: "Outils de développement"},
			},
			Trainings: []career.Training{
				{ID: "training:test:bachelier", Dataset: "test", Code: "bachelier", Name: "Bachelier", Level: career.LevelHigherShort,
					DurationYears: ptr(3), Description: "Trois ans en Haute École."},
			},
			Requirements: []career.Requirement{
				{ProfessionID: "profession:test:alpha", SkillID: "skill:test:programmer", Importance: career.Essential},
				{ProfessionID: "profession:test:alpha", SkillID: "skill:test:sql", Importance: career.Optional},
				{ProfessionID: "profession:test:beta", SkillID: "skill:test:programmer", Importance: career.Essential},
			},
			Qualities:     []career.Link{{ProfessionID: "profession:test:alpha", TargetID: "skill:test:rigueur"}},
			ToolUses:      []career.Link{{ProfessionID: "profession:test:alpha", TargetID: "tool:test:git"}},
			TrainingLinks: []career.Link{{ProfessionID: "profession:test:alpha", TargetID: "training:test:bachelier"}},
			Moves: []career.Move{
				{FromID: "profession:test:alpha", ToID: "profession:test:beta", Kind: career.MoveProgression},
				{FromID: "profession:test:beta", ToID: "profession:test:alpha", Kind: career.MoveLateral},
			},
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("ReadCards:\n got %+v\nwant %+v", got, want)
		}
	})

	t.Run("fails when there is no YAML file", func(t *testing.T) {
		_, _, err := dataset.ReadCards(fstest.MapFS{"README.md": {Data: []byte("# x")}}, "test")
		if got, want := fmt.Sprint(err), "test: no *.yaml file to read"; got != want {
			t.Errorf("err = %q, want %q", got, want)
		}
	})
}

func TestReadCardsErrors(t *testing.T) {
	tests := []struct {
		dir  string
		want string
	}{
		// The format.
		{"syntax-error", "alpha.yaml:3: invalid YAML: mapping values are not allowed in this context"},
		{"empty-file", "beta.yaml: the file is empty"},
		{"two-documents", `beta.yaml:15: a second YAML document ("---"): write one card per file`},
		{"not-a-mapping", `beta.yaml:1: want a card (with a "profession" section) or a catalogue (with "dataset", "skills", "tools" or "trainings" sections), got a list`},
		{"unknown-field", `alpha.yaml:5: unknown field "secteur" in the profession section (want code, name, alternativeNames, source, language, sector, specializationOf, summary, description)`},
		{"unknown-section", `alpha.yaml:10: unknown field "taches" in a card (want profession, qualities, tasks, skills, tools, trainings, nextCareers, equivalents)`},
		{"unknown-catalogue-field", `dataset.yaml:26: unknown field "categorie" in a tool (want code, name, category)`},
		{"field-twice", `beta.yaml:4: field "name" given twice (first at line 3)`},
		{"wrong-type-list", `alpha.yaml:10: field "tasks": want a list, got "Programmer"`},
		{"wrong-type-text", `dataset.yaml:25: field "name": want a text, got a list`},
		{"wrong-type-number", `dataset.yaml:31: field "durationYears": want a number, got "trois"`},
		{"two-paragraphs", `alpha.yaml:12: field "tasks": want a single paragraph, got 2`},
		{"invalid-code", `dataset.yaml:15: field "code": invalid code "SQL": use lowercase letters a-z, digits and single hyphens, e.g. "developpeur-web"`},
		{"invalid-reference", `alpha.yaml:19: field "tools": invalid code "Git": use lowercase letters a-z, digits and single hyphens, e.g. "developpeur-web"`},
		{"empty-reference", `alpha.yaml:19: field "tools": an empty entry`},
		{"file-name", `alpha.yaml:2: the card of profession "alpha-2" must be in a file named "alpha-2.yaml"`},
		{"unknown-source", `beta.yaml:6: unknown source "fiche" (want card or curated)`},
		{"missing-source", `beta.yaml:1: the profession has no "source" (want card or curated)`},
		{"missing-importance", `alpha.yaml:16: missing field "importance"`},
		{"missing-move-kind", `beta.yaml:13: missing field "kind"`},
		{"no-dataset-section", `test: no file has a "dataset" section (the dataset's title, version and attribution); add one to dataset.yaml`},
		{"second-dataset-section", `more.yaml:1: a second "dataset" section (the first is at dataset.yaml:1)`},
		{"dataset-name", `dataset.yaml:2: the dataset is named "essai" here but is read as "test"`},
		{"no-title", `dataset.yaml:1: dataset "test" has no title`},
		// Validation, located in the cards.
		{"duplicate-skill", `dataset.yaml:23: skill "skill:test:programmer" is defined twice (first at dataset.yaml:11)`},
		{"missing-name", `dataset.yaml:15: skill "skill:test:sql" has no name`},
		{"empty-name", `beta.yaml:3: profession "profession:test:beta" has no name`},
		{"missing-code", `dataset.yaml:24: tool named "Git" has no code`},
		{"bad-skill-kind", `dataset.yaml:17: skill "skill:test:sql": unknown kind "SAVOIR" (want KNOWLEDGE, SKILL, ATTITUDE or LANGUAGE)`},
		{"bad-level", `dataset.yaml:30: training "training:test:bachelier": unknown level "BACHELOR" (want SECONDARY, HIGHER_SHORT, HIGHER_LONG, ADULT_EDUCATION, VOCATIONAL or OTHER)`},
		{"negative-duration", `dataset.yaml:31: training "training:test:bachelier": invalid duration -3 years (want 0 or more)`},
		{"empty-task", `alpha.yaml:12: profession "profession:test:alpha": task 2 is empty`},
		{"bad-importance", `alpha.yaml:17: profession "profession:test:alpha": skill "skill:test:sql": unknown importance "optional" (want ESSENTIAL or OPTIONAL)`},
		{"bad-move-kind", `beta.yaml:14: profession "profession:test:beta": next career "profession:test:alpha": unknown kind "SIDEWAYS" (want PROGRESSION or LATERAL)`},
		{"unknown-skill", `alpha.yaml:16: profession "profession:test:alpha": requires unknown skill "skill:test:nosql"`},
		{"unknown-quality", `alpha.yaml:9: profession "profession:test:alpha": unknown quality "skill:test:patience"`},
		{"quality-not-attitude", `alpha.yaml:9: profession "profession:test:alpha": quality "skill:test:programmer" is a skill of kind SKILL, want ATTITUDE`},
		{"unknown-tool", `alpha.yaml:19: profession "profession:test:alpha": uses unknown tool "tool:test:svn"`},
		{"unknown-training", `alpha.yaml:21: profession "profession:test:alpha": unknown training "training:test:master"`},
		{"unknown-next-career", `beta.yaml:13: profession "profession:test:beta": next career to unknown profession "profession:test:gamma"`},
		{"unknown-specialization", `beta.yaml:8: profession "profession:test:beta": specializationOf names unknown profession "profession:test:omega"`},
		{"duplicate-requirement", `alpha.yaml:16: profession "profession:test:alpha": skill "skill:test:programmer" is required twice`},
		{"duplicate-quality", `alpha.yaml:10: profession "profession:test:alpha": quality "skill:test:rigueur" is listed twice`},
		{"duplicate-tool", `alpha.yaml:20: profession "profession:test:alpha": tool "tool:test:git" is listed twice`},
		{"duplicate-training", `alpha.yaml:22: profession "profession:test:alpha": training "training:test:bachelier" is listed twice`},
		{"duplicate-move", `beta.yaml:15: profession "profession:test:beta": next career "profession:test:alpha" is listed twice`},
	}
	for _, tt := range tests {
		t.Run(tt.dir, func(t *testing.T) {
			d, warnings, err := dataset.ReadCards(cardsFS(t, tt.dir), "test")
			if err == nil {
				t.Fatalf("ReadCards = %v, %v, nil; want error %q", d, warnings, tt.want)
			}
			var pe *dataset.ParseError
			if !errors.As(err, &pe) {
				t.Errorf("err = %T %v, want a *dataset.ParseError", err, err)
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("err =\n %s\nwant\n %s", got, tt.want)
			}
		})
	}
}

func TestReadCardsWarnings(t *testing.T) {
	t.Run("a profession among its own next careers is dropped with a warning at its line", func(t *testing.T) {
		d, warnings, err := dataset.ReadCards(cardsFS(t, "self-move"), "test")
		if err != nil {
			t.Fatalf("ReadCards: %v", err)
		}
		wantWarnings := []dataset.Warning{{File: "beta.yaml", Line: 15,
			Reason: `profession "profession:test:beta": next career to the profession itself; dropped`}}
		if !reflect.DeepEqual(warnings, wantWarnings) {
			t.Errorf("warnings = %v, want %v", warnings, wantWarnings)
		}
		wantMoves := []career.Move{
			{FromID: "profession:test:alpha", ToID: "profession:test:beta", Kind: career.MoveProgression},
			{FromID: "profession:test:beta", ToID: "profession:test:alpha", Kind: career.MoveLateral},
		}
		if !reflect.DeepEqual(d.Moves, wantMoves) {
			t.Errorf("moves = %v, want %v", d.Moves, wantMoves)
		}
	})
	t.Run("a profession that specialises itself loses its specializationOf with a warning", func(t *testing.T) {
		d, warnings, err := dataset.ReadCards(cardsFS(t, "self-specialization"), "test")
		if err != nil {
			t.Fatalf("ReadCards: %v", err)
		}
		wantWarnings := []dataset.Warning{{File: "beta.yaml", Line: 8,
			Reason: `profession "profession:test:beta": specializationOf names the profession itself; dropped`}}
		if !reflect.DeepEqual(warnings, wantWarnings) {
			t.Errorf("warnings = %v, want %v", warnings, wantWarnings)
		}
		if got := d.Professions[1].SpecializationOf; got != "" {
			t.Errorf("beta's specializationOf = %q, want none", got)
		}
	})
}

// seedDataset reads the embedded seed.
func seedDataset(t *testing.T) (*career.Dataset, []dataset.Warning) {
	t.Helper()
	d, warnings, err := dataset.ReadCards(seed.FS, "seed")
	if err != nil {
		t.Fatalf("ReadCards(seed.FS): %v", err)
	}
	return d, warnings
}

// seedIndex looks the seed's nodes up by ID.
type seedIndex struct {
	d           *career.Dataset
	professions map[string]career.Profession
	skills      map[string]career.Skill
	tools       map[string]career.Tool
	trainings   map[string]career.Training
}

func newSeedIndex(d *career.Dataset) *seedIndex {
	x := &seedIndex{d: d, professions: map[string]career.Profession{}, skills: map[string]career.Skill{},
		tools: map[string]career.Tool{}, trainings: map[string]career.Training{}}
	for _, p := range d.Professions {
		x.professions[p.ID] = p
	}
	for _, s := range d.Skills {
		x.skills[s.ID] = s
	}
	for _, t := range d.Tools {
		x.tools[t.ID] = t
	}
	for _, t := range d.Trainings {
		x.trainings[t.ID] = t
	}
	return x
}

// links returns the targets of a profession's links, in dataset order.
func linksOf(links []career.Link, professionID string) []string {
	var ids []string
	for _, l := range links {
		if l.ProfessionID == professionID {
			ids = append(ids, l.TargetID)
		}
	}
	return ids
}

func (x *seedIndex) qualities(professionID string) []string {
	var names []string
	for _, id := range linksOf(x.d.Qualities, professionID) {
		names = append(names, x.skills[id].Name)
	}
	return names
}

// requirements formats a profession's requirements as "kind importance name".
func (x *seedIndex) requirements(professionID string) []string {
	var out []string
	for _, r := range x.d.Requirements {
		if r.ProfessionID == professionID {
			s := x.skills[r.SkillID]
			out = append(out, fmt.Sprintf("%s %s %s", s.Kind, r.Importance, s.Name))
		}
	}
	return out
}

// tools formats a profession's tools as "category: name".
func (x *seedIndex) toolsOf(professionID string) []string {
	var out []string
	for _, id := range linksOf(x.d.ToolUses, professionID) {
		t := x.tools[id]
		out = append(out, t.Category+": "+t.Name)
	}
	return out
}

// trainingsOf formats a profession's trainings as "level duration name".
func (x *seedIndex) trainingsOf(professionID string) []string {
	var out []string
	for _, id := range linksOf(x.d.TrainingLinks, professionID) {
		t := x.trainings[id]
		years := "-"
		if t.DurationYears != nil {
			years = fmt.Sprint(*t.DurationYears)
		}
		out = append(out, fmt.Sprintf("%s %s %s", t.Level, years, t.Name))
	}
	return out
}

// moves formats a profession's next careers as "kind code".
func (x *seedIndex) moves(professionID string) []string {
	var out []string
	for _, m := range x.d.Moves {
		if m.FromID == professionID {
			out = append(out, fmt.Sprintf("%s %s", m.Kind, x.professions[m.ToID].Code))
		}
	}
	return out
}

func assertStrings(t *testing.T, what string, got, want []string) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s:\n got %q\nwant %q", what, got, want)
	}
}

const backEnd = "profession:seed:developpeur-web-back-end"

func TestSeed(t *testing.T) {
	d, warnings := seedDataset(t)
	x := newSeedIndex(d)

	t.Run("the dataset info names the card's origin", func(t *testing.T) {
		want := career.DatasetInfo{
			Name:    "seed",
			Title:   "Fiches métiers du développement informatique",
			Version: "1",
			Attribution: "La fiche « Développeur·euse web back end » reprend mot pour mot une fiche métier " +
				"d’orientation professionnelle belge. Les autres fiches sont rédigées par careergraph.",
		}
		if d.Info != want {
			t.Errorf("info = %+v, want %+v", d.Info, want)
		}
	})

	t.Run("the seed reads without warnings", func(t *testing.T) {
		if len(warnings) != 0 {
			t.Errorf("warnings = %v, want none", warnings)
		}
	})

	t.Run("the dataset has 8 professions and their links", func(t *testing.T) {
		got := []int{len(d.Professions), len(d.Skills), len(d.Tools), len(d.Trainings),
			len(d.Requirements), len(d.Qualities), len(d.ToolUses), len(d.TrainingLinks), len(d.Moves)}
		want := []int{8, 35, 19, 7, 71, 34, 59, 36, 21}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("professions, skills, tools, trainings, requirements, qualities, tool uses, training links, moves = %v, want %v", got, want)
		}
		var names []string
		for _, p := range d.Professions {
			names = append(names, p.Code+" "+p.Source+" "+p.Language+" "+p.Name)
		}
		assertStrings(t, "professions", names, []string{
			"architecte-logiciel curated fr Architecte logiciel",
			"chef-de-projet curated fr Chef·fe de projet",
			"developpeur-applications-mobiles curated fr Développeur·euse d’applications mobiles",
			"developpeur-logiciels curated fr Développeur·euse de logiciels",
			"developpeur-web-back-end card fr Développeur·euse web back end",
			"developpeur-web-front-end curated fr Développeur·euse web front end",
			"developpeur-web curated fr Développeur·euse web",
			"directeur-technique-informatique curated fr Directeur·rice technique informatique",
		})
	})

	t.Run("the card profession is captured as the card writes it", func(t *testing.T) {
		p := x.professions[backEnd]
		if p.Name != "Développeur·euse web back end" || p.Source != "card" || p.Language != "fr" ||
			p.SpecializationOf != "profession:seed:developpeur-web" || p.Sector != "Informatique" || len(p.AlternativeNames) != 0 {
			t.Errorf("profession = %+v", p)
		}
		wantSummary := "Aujourd’hui, le métier de développeur·euse web se sépare en deux grandes spécialités : " +
			"le développement back end et le développement front end."
		if p.Summary != wantSummary {
			t.Errorf("summary = %q, want %q", p.Summary, wantSummary)
		}
		paras := strings.Split(p.Description, "\n\n")
		if len(paras) != 4 || paras[0] != wantSummary ||
			!strings.HasPrefix(paras[1], "Pour illustrer la différence entre ces deux métiers, comparons") ||
			!strings.HasPrefix(paras[2], "Tu travailles sur la partie d’un site web dite « invisible » pour les internautes.") ||
			paras[3] != "Tu réalises une série de tests pour vérifier le bon fonctionnement du site. Tu assures également "+
				"sa maintenance et corriges les problèmes techniques quand ils surviennent. Tu rédiges les notices techniques pour le·la client·e." {
			t.Errorf("description paragraphs = %q", paras)
		}
		assertStrings(t, "tasks", p.Tasks, []string{
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
		assertStrings(t, "qualities", x.qualities(backEnd), []string{
			"Mobilité", "Orienté solution", "Responsabilité", "Travail en équipe", "Réactivité"})
		assertStrings(t, "skills", x.requirements(backEnd), []string{
			"SKILL ESSENTIAL Maîtriser des langages de programmation spécifiques",
			"SKILL ESSENTIAL Maîtriser l'environnement client-serveur",
			"SKILL ESSENTIAL Connaître et savoir utiliser des outils comme les CMS et les Frameworks",
			"SKILL ESSENTIAL Mettre en place des méthodologies de test et des phases de tests",
			"SKILL ESSENTIAL Être capable d’identifier les besoins et de proposer une solution technologique adaptée",
			"KNOWLEDGE ESSENTIAL Avoir une connaissance des systèmes de gestion de bases de données",
			"ATTITUDE ESSENTIAL Avoir le souci du détail et faire preuve de rigueur",
			"ATTITUDE ESSENTIAL Faire preuve de créativité",
			"LANGUAGE ESSENTIAL Connaitre l’anglais technique informatique",
			"SKILL ESSENTIAL Mener une veille (évolutions technologiques, nouveaux risques, mise à jour des compétences numériques essentielles à son secteur etc.)",
		})
		assertStrings(t, "tools", x.toolsOf(backEnd), []string{
			"Navigateur web: Firefox",
			"Navigateur web: Chrome",
			"Outils pour s’organiser et communiquer: Slack",
			"Outils pour s’organiser et communiquer: Google Drive",
			"Outils pour s’organiser et communiquer: Trello",
			"Outils de développement: PhpStorm",
			"Outils de développement: Visual Studio Code",
			"Outils de développement: Git",
			"Éditeur d’images: Photoshop",
			"Éditeur d’images: PaintNet",
			"Confort de travail: Casque",
			"Confort de travail: Tasse de café",
		})
		assertStrings(t, "trainings", x.trainingsOf(backEnd), []string{
			"SECONDARY - Secondaire",
			"HIGHER_SHORT 3 Bachelier professionnalisant Haute École",
			"HIGHER_LONG 5 Master en Haute École ou université",
			"ADULT_EDUCATION - Promotion sociale",
			"VOCATIONAL - Centres de compétence TIC",
			"OTHER - Autres organismes de formation",
		})
		assertStrings(t, "next careers", x.moves(backEnd), []string{
			"PROGRESSION architecte-logiciel",
			"PROGRESSION developpeur-applications-mobiles",
			"PROGRESSION chef-de-projet",
			"PROGRESSION developpeur-logiciels",
			"PROGRESSION directeur-technique-informatique",
			"PROGRESSION developpeur-web-front-end",
		})
	})

	t.Run("web development specialises into back end and front end", func(t *testing.T) {
		var got []string
		for _, p := range d.Professions {
			if p.SpecializationOf != "" {
				got = append(got, p.Code+" → "+x.professions[p.SpecializationOf].Code)
			}
		}
		assertStrings(t, "specializations", got, []string{
			"developpeur-web-back-end → developpeur-web",
			"developpeur-web-front-end → developpeur-web",
		})
	})

	t.Run("curated cards have moves forming chains, alternatives and cycles", func(t *testing.T) {
		got := map[string][]string{}
		for _, p := range d.Professions {
			got[p.Code] = x.moves(p.ID)
		}
		want := map[string][]string{
			"architecte-logiciel": {"PROGRESSION directeur-technique-informatique"},
			"chef-de-projet":      {"PROGRESSION directeur-technique-informatique"},
			"developpeur-applications-mobiles": {"LATERAL developpeur-logiciels", "PROGRESSION architecte-logiciel",
				"PROGRESSION chef-de-projet"},
			"developpeur-logiciels": {"PROGRESSION architecte-logiciel", "PROGRESSION chef-de-projet",
				"LATERAL developpeur-applications-mobiles"},
			"developpeur-web-back-end": x.moves(backEnd),
			"developpeur-web-front-end": {"LATERAL developpeur-web-back-end", "LATERAL developpeur-applications-mobiles",
				"PROGRESSION chef-de-projet"},
			"developpeur-web": {"LATERAL developpeur-web-back-end", "LATERAL developpeur-web-front-end",
				"LATERAL developpeur-logiciels", "PROGRESSION chef-de-projet"},
			"directeur-technique-informatique": nil,
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("moves:\n got %q\nwant %q", got, want)
		}
	})

	t.Run("curated cards have 3 to 5 qualities and 6 to 10 skills, mixing importances", func(t *testing.T) {
		for _, p := range d.Professions {
			q, reqs := x.qualities(p.ID), x.requirements(p.ID)
			optional := 0
			for _, r := range reqs {
				if strings.Contains(r, " OPTIONAL ") {
					optional++
				}
			}
			if p.Source == "curated" && (len(q) < 3 || len(q) > 5 || len(reqs) < 6 || len(reqs) > 10 || optional == 0 || optional == len(reqs)) {
				t.Errorf("%s: %d qualities, %d skills of which %d optional", p.Code, len(q), len(reqs), optional)
			}
			if p.Summary == "" || !strings.HasPrefix(p.Description, p.Summary+"\n\n") || len(p.Tasks) < 5 {
				t.Errorf("%s: summary %q, description %q, %d tasks", p.Code, p.Summary, p.Description, len(p.Tasks))
			}
		}
	})

	t.Run("skills are shared across cards", func(t *testing.T) {
		uses := map[string]int{}
		for _, r := range d.Requirements {
			uses[x.skills[r.SkillID].Code]++
		}
		got := []int{uses["maitriser-langages-programmation"], uses["anglais-technique-informatique"],
			uses["mettre-en-place-tests"], uses["connaitre-architecture-logicielle"]}
		if want := []int{6, 8, 6, 3}; !reflect.DeepEqual(got, want) {
			t.Errorf("professions requiring programming, English, tests, architecture = %v, want %v", got, want)
		}
	})

	t.Run("seed.Dataset reads the same dataset", func(t *testing.T) {
		d2, w2, err := seed.Dataset()
		if err != nil {
			t.Fatalf("seed.Dataset: %v", err)
		}
		if !reflect.DeepEqual(d2, d) || !reflect.DeepEqual(w2, warnings) {
			t.Errorf("seed.Dataset differs from ReadCards(seed.FS, \"seed\")")
		}
	})
}

// lowerFirst lowercases the first letter of s.
func lowerFirst(s string) string {
	for i, r := range s {
		return strings.ToLower(string(r)) + s[i+len(string(r)):]
	}
	return s
}

func TestSeedMatchesCard(t *testing.T) {
	raw, err := os.ReadFile(datafiles.SeedCard(t))
	if err != nil {
		t.Fatalf("read the card: %v", err)
	}
	// The card with its line breaks joined: every run of spaces and line breaks becomes one space.
	card := strings.Join(strings.Fields(string(raw)), " ")
	d, _ := seedDataset(t)
	x := newSeedIndex(d)
	p := x.professions[backEnd]
	onCard := func(t *testing.T, what, s string) {
		t.Helper()
		if !strings.Contains(card, s) {
			t.Errorf("%s %q is not on the card", what, s)
		}
	}

	t.Run("the title and the broader profession are the card's (in capitals there)", func(t *testing.T) {
		onCard(t, "title", strings.ToUpper(p.Name)+" ("+strings.ToUpper(x.professions[p.SpecializationOf].Name)+")")
	})
	t.Run("every quality is on the card (in capitals there)", func(t *testing.T) {
		for _, q := range x.qualities(backEnd) {
			onCard(t, "quality", strings.ToUpper(q))
		}
	})
	t.Run("every description paragraph is on the card, word for word", func(t *testing.T) {
		for _, para := range strings.Split(p.Description, "\n\n") {
			onCard(t, "paragraph", para)
		}
	})
	t.Run("every required skill is on the card, word for word", func(t *testing.T) {
		for _, r := range d.Requirements {
			if r.ProfessionID == backEnd {
				onCard(t, "skill", x.skills[r.SkillID].Name)
			}
		}
	})
	t.Run("the main tasks are on the card word for word, the others restate its sentences", func(t *testing.T) {
		for _, task := range p.Tasks[:4] {
			onCard(t, "task", task)
		}
		restated := map[string]string{
			"Développer le code permettant la communication entre « le client » et « le serveur »": "Ton job consiste à développer le code permettant la communication entre « le client » (",
			"Réaliser une série de tests pour vérifier le bon fonctionnement du site":              "Tu réalises une série de tests pour vérifier le bon fonctionnement du site.",
			"Assurer la maintenance du site":                          "Tu assures également sa maintenance",
			"Corriger les problèmes techniques quand ils surviennent": "et corriges les problèmes techniques quand ils surviennent.",
			"Rédiger les notices techniques pour le·la client·e":      "Tu rédiges les notices techniques pour le·la client·e.",
		}
		for _, task := range p.Tasks[4:] {
			phrase, ok := restated[task]
			if !ok {
				t.Errorf("task %q restates no sentence of the card", task)
				continue
			}
			onCard(t, "sentence", phrase)
		}
	})
	t.Run("every tool and its category are on the card", func(t *testing.T) {
		for _, id := range linksOf(d.ToolUses, backEnd) {
			tool := x.tools[id]
			if !strings.Contains(card, tool.Name) {
				onCard(t, "tool", lowerFirst(tool.Name)) // "un bon casque… et une tasse de café"
			}
			if tool.Category != "Confort de travail" { // the card names no category for these two
				onCard(t, "category", lowerFirst(tool.Category))
			}
		}
	})
	t.Run("every training is on the card", func(t *testing.T) {
		cardWords := map[string]string{
			"Master en Haute École ou université":      "Type Long : Master (en Haute École ou université, bachelier + 2 ans)",
			"Bachelier professionnalisant Haute École": "Type Court : Bachelier professionnalisant Haute École (3 ans)",
		}
		for _, id := range linksOf(d.TrainingLinks, backEnd) {
			name := x.trainings[id].Name
			if words, ok := cardWords[name]; ok {
				name = words
			}
			onCard(t, "training", name)
		}
	})
	t.Run("every next career is on the card, and so is the profession itself", func(t *testing.T) {
		for _, m := range d.Moves {
			if m.FromID == backEnd {
				onCard(t, "next career", x.professions[m.ToID].Name)
			}
		}
		onCard(t, "next career", "Développeur·euse web front end Développeur·euse web back end")
	})
}
