package esco_test

import (
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/dataset"
	"github.com/careergraph/careergraph/dataset/esco"
	"github.com/careergraph/careergraph/internal/datafiles"
)

// Concepts of the real export the tests look at.
const (
	webDeveloper   = "profession:esco:c40a2919-48a9-40ea-b506-1f34f693496d" // développeur web/développeuse web
	softwareTester = "profession:esco:106f79e4-6264-45f1-9e7a-297435cd684b" // testeur de logiciels/testeuse de logiciels
	eventManager   = "profession:esco:1b38a27d-ef98-4d9f-b1b2-8c109bf47e79" // responsable évènement
	missingOcc     = "http://data.europa.eu/esco/occupation/a9e54177-a185-404d-b6e6-15663d31137e"
	showInitiative = "skill:esco:001115fb-569f-4ee6-8381-c6807ef2527f"
	loyalty        = "skill:esco:72d1fa5d-1b7f-48e7-84e3-6e779841ddf1" // faire preuve de loyauté
	ruby           = "skill:esco:0ccdfe98-f845-4598-84a1-3dca66e9d9a3"
	debugSoftware  = "skill:esco:2522a6ce-3202-4ac8-9f5b-b9cb5a3a83a1" // déboguer un logiciel
	cloudSecurity  = "skill:esco:c13fb093-5ffb-491a-b8b7-fa2d42a57e2e" // empty skillType
	riskManagement = "skill:esco:00920055-eb50-4cb8-a23d-3deedbf3753e" // no French label anywhere
	hungarian      = "skill:esco:01f10952-cb59-4347-9aee-d4fbc51c870a" // écrire en hongrois
)

var (
	realOnce     sync.Once
	realData     *career.Dataset
	realWarnings []dataset.Warning
	realErr      error
)

// readReal reads the real export once per test binary.
func readReal(t *testing.T) (*career.Dataset, []dataset.Warning) {
	t.Helper()
	dir := escoDir(t)
	realOnce.Do(func() { realData, realWarnings, realErr = esco.Read(dir) })
	if realErr != nil {
		t.Fatalf("Read: %v", realErr)
	}
	return realData, realWarnings
}

func escoDir(t testing.TB) string {
	t.Helper()
	return datafiles.Full(t, "esco")
}

// index holds lookups over a dataset.
type index struct {
	professions map[string]*career.Profession
	skills      map[string]*career.Skill
	reqs        map[string][]career.Requirement
	qualities   map[string][]string
}

func indexOf(d *career.Dataset) *index {
	x := &index{
		professions: map[string]*career.Profession{},
		skills:      map[string]*career.Skill{},
		reqs:        map[string][]career.Requirement{},
		qualities:   map[string][]string{},
	}
	for i := range d.Professions {
		x.professions[d.Professions[i].ID] = &d.Professions[i]
	}
	for i := range d.Skills {
		x.skills[d.Skills[i].ID] = &d.Skills[i]
	}
	for _, r := range d.Requirements {
		x.reqs[r.ProfessionID] = append(x.reqs[r.ProfessionID], r)
	}
	for _, q := range d.Qualities {
		x.qualities[q.ProfessionID] = append(x.qualities[q.ProfessionID], q.TargetID)
	}
	return x
}

// names returns the names of a profession's required skills of one importance, in order.
func (x *index) names(professionID string, imp career.Importance) []string {
	var out []string
	for _, r := range x.reqs[professionID] {
		if r.Importance == imp {
			out = append(out, x.skills[r.SkillID].Name)
		}
	}
	return out
}

func TestReadInfo(t *testing.T) {
	d, _ := readReal(t)
	checkInfo(t, d, escoDir(t))
}

// checkInfo checks the dataset's info, and that dir's SOURCE.txt quotes its attribution.
func checkInfo(t *testing.T, d *career.Dataset, dir string) {
	t.Helper()
	want := career.DatasetInfo{
		Name:        "esco",
		Title:       "ESCO — European Skills, Competences, Qualifications and Occupations",
		Version:     "1.1.1",
		Attribution: "This service uses the ESCO classification of the European Commission.",
	}
	if d.Info != want {
		t.Errorf("Info = %+v, want %+v", d.Info, want)
	}
	t.Run("attribution is the line SOURCE.txt quotes", func(t *testing.T) {
		src, err := os.ReadFile(filepath.Join(dir, "SOURCE.txt"))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(src), `"`+d.Info.Attribution+`"`) {
			t.Errorf("SOURCE.txt does not quote %q", d.Info.Attribution)
		}
	})
}

func TestReadCounts(t *testing.T) {
	d, _ := readReal(t)
	essential, optional := 0, 0
	for _, r := range d.Requirements {
		if r.Importance == career.Essential {
			essential++
		} else {
			optional++
		}
	}
	specializations := 0
	for _, p := range d.Professions {
		if p.SpecializationOf != "" {
			specializations++
		}
	}
	for _, c := range []struct {
		what      string
		got, want int
	}{
		{"professions (every occupation of occupations_fr.csv)", len(d.Professions), 3007},
		{"skills (every row of skills_en.csv) and groups (every row of skillGroups_fr.csv)", len(d.Skills), 13896 + 640},
		{"requirements (123,855 relations minus 67 of the missing occupation)", len(d.Requirements), 123788},
		{"essential requirements (64,946 minus 55)", essential, 64891},
		{"optional requirements (58,909 minus 12)", optional, 58897},
		{"specializations (1,248 occupation→occupation rows minus 1)", specializations, 1247},
		{"qualities (no occupation requires an attitude in v1.1.1)", len(d.Qualities), 0},
		{"tools", len(d.Tools), 0},
		{"trainings", len(d.Trainings), 0},
		{"tool uses", len(d.ToolUses), 0},
		{"training links", len(d.TrainingLinks), 0},
		{"moves", len(d.Moves), 0},
	} {
		if c.got != c.want {
			t.Errorf("%s: got %d, want %d", c.what, c.got, c.want)
		}
	}
}

func TestReadProfessions(t *testing.T) {
	d, _ := readReal(t)
	checkProfessions(t, d)
}

// checkProfessions checks the texts of every profession, and of the web developer, the event
// manager and the software tester's specialisations: the excerpt has every record of these
// occupations, so the full export and the excerpt give the same.
func checkProfessions(t *testing.T, d *career.Dataset) {
	t.Helper()
	x := indexOf(d)

	t.Run("every profession is French, with a sector and a description", func(t *testing.T) {
		for _, p := range d.Professions {
			if p.Language != "fr" || p.Sector == "" || p.Summary == "" || p.Description == "" || p.Source != "esco" {
				t.Fatalf("profession %s: language %q, sector %q, source %q, summary %d bytes, description %d bytes",
					p.ID, p.Language, p.Sector, p.Source, len(p.Summary), len(p.Description))
			}
		}
	})
	t.Run("web developer has its French texts and uuid code", func(t *testing.T) {
		p := x.professions[webDeveloper]
		if p == nil {
			t.Fatalf("no profession %s", webDeveloper)
		}
		want := career.Profession{
			ID:      webDeveloper,
			Dataset: "esco",
			Code:    "c40a2919-48a9-40ea-b506-1f34f693496d",
			Name:    "développeur web/développeuse web",
			AlternativeNames: []string{"développeur Internet", "développeur web", "créatrice de contenus web",
				"développeuse Internet", "conceptrice web", "développeuse web", "concepteur web", "créateur de contenus web"},
			Summary: "Les développeurs de sites web développent, mettent en œuvre et documentent le logiciel accessible en ligne " +
				"sur la base des dessins ou modèles fournis. Ils alignent la présence de l’internet du client sur sa " +
				"stratégie commerciale, sur les problèmes et problèmes liés aux logiciels et cherchent des moyens " +
				"d’améliorer l’application.",
			Sector:   "Concepteurs de sites internet et de multimédia",
			Language: "fr",
			Source:   "esco",
		}
		want.Description = want.Summary
		if !equalProfession(*p, want) {
			t.Errorf("got  %#v\nwant %#v", *p, want)
		}
	})
	t.Run("multi-line descriptions become paragraphs without stray backslashes", func(t *testing.T) {
		p := x.professions[eventManager]
		if p.Name != "responsable évènement" {
			t.Errorf("name = %q", p.Name)
		}
		wantSummary := "Les responsables d’événements planifient et supervisent des événements tels que des festivals, " +
			"des conférences, des cérémonies, des manifestations culturelles, des expositions, des fêtes officielles, " +
			"des concerts ou des conventions."
		if p.Summary != wantSummary {
			t.Errorf("summary = %q, want %q", p.Summary, wantSummary)
		}
		paras := strings.Split(p.Description, "\n\n")
		if len(paras) != 2 || paras[0] != wantSummary || !strings.HasPrefix(paras[1], "Ils organisent toutes les étapes") {
			t.Errorf("description paragraphs = %q", paras)
		}
		// The raw cell has "satisfaites.  Ils collaborent": white space runs collapse.
		if strings.Contains(p.Description, `\`) || strings.Contains(p.Description, "  ") {
			t.Errorf("description keeps a backslash or a double space: %q", p.Description)
		}
	})
	t.Run("software tester has five specializations", func(t *testing.T) {
		var got []string
		for _, p := range d.Professions {
			if p.SpecializationOf == softwareTester {
				got = append(got, p.Name)
			}
		}
		slices.Sort(got)
		want := []string{
			"responsable des tests d’intégration",
			"testeur de jeux numériques/testeuse de jeux numériques",
			"testeur de systèmes informatiques/testeuse de systèmes informatiques",
			"testeur d’accessibilité/testeuse d’accessibilité",
			"testeur d’utilisabilité/testeuse d’utilisabilité",
		}
		if !slices.Equal(got, want) {
			t.Errorf("specializations = %q, want %q", got, want)
		}
		if s := x.professions[webDeveloper].SpecializationOf; s != "" {
			t.Errorf("web developer specializes %q, want none (its broader concept is an ISCO group)", s)
		}
	})
}

func equalProfession(a, b career.Profession) bool {
	return a.ID == b.ID && a.Dataset == b.Dataset && a.Code == b.Code && a.Name == b.Name &&
		slices.Equal(a.AlternativeNames, b.AlternativeNames) && a.Summary == b.Summary &&
		a.Description == b.Description && a.Sector == b.Sector && slices.Equal(a.Tasks, b.Tasks) &&
		a.SpecializationOf == b.SpecializationOf && a.Language == b.Language && a.Source == b.Source
}

func TestReadRequirements(t *testing.T) {
	d, _ := readReal(t)
	checkRequirements(t, d)
}

// checkRequirements checks the web developer's requirements and the order of every
// profession's requirements.
func checkRequirements(t *testing.T, d *career.Dataset) {
	t.Helper()
	x := indexOf(d)

	t.Run("web developer: 21 essential then 77 optional, each by folded name", func(t *testing.T) {
		ess, opt := x.names(webDeveloper, career.Essential), x.names(webDeveloper, career.Optional)
		if len(ess) != 21 || len(opt) != 77 {
			t.Fatalf("essential %d, optional %d; want 21, 77", len(ess), len(opt))
		}
		wantEss := []string{
			"analyser les spécifications du logiciel",
			"créer un organigramme de programmation",
			"déboguer un logiciel",
			"développer un prototype de logiciel",
			"environnement de développement intégré",
		}
		if !slices.Equal(ess[:5], wantEss) {
			t.Errorf("first essential = %q, want %q", ess[:5], wantEss)
		}
		if ess[20] != "utiliser une interface spécifique à une application" {
			t.Errorf("last essential = %q", ess[20])
		}
		wantOpt := []string{"ABAP", "AJAX", "anomalies logicielles", "Ansible", "Apache Maven", "APL"}
		if !slices.Equal(opt[:6], wantOpt) {
			t.Errorf("first optional = %q, want %q", opt[:6], wantOpt)
		}
		if !slices.Contains(opt, "PHP") || !slices.Contains(opt, "JavaScript") || !slices.Contains(ess, "programmation web") {
			t.Errorf("PHP, JavaScript (optional) or programmation web (essential) missing")
		}
		if opt[76] != "Xcode" {
			t.Errorf("last optional = %q", opt[76])
		}
		if n := len(x.qualities[webDeveloper]); n != 0 {
			t.Errorf("web developer has %d qualities, want 0", n)
		}
	})
	t.Run("every profession lists essential before optional, by folded name", func(t *testing.T) {
		pos := map[string]int{}
		for i, p := range d.Professions {
			pos[p.ID] = i
		}
		for i := 1; i < len(d.Requirements); i++ {
			a, b := d.Requirements[i-1], d.Requirements[i]
			if a.ProfessionID != b.ProfessionID {
				if pos[a.ProfessionID] > pos[b.ProfessionID] {
					t.Fatalf("requirements of %s come after those of %s", a.ProfessionID, b.ProfessionID)
				}
				continue
			}
			if a.Importance != b.Importance {
				if a.Importance != career.Essential {
					t.Fatalf("%s: optional %s before essential %s", a.ProfessionID, a.SkillID, b.SkillID)
				}
				continue
			}
			ka, kb := career.SortKey(x.skills[a.SkillID].Name), career.SortKey(x.skills[b.SkillID].Name)
			if career.CompareKeys(ka, a.SkillID, kb, b.SkillID) >= 0 {
				t.Fatalf("%s: %q before %q", a.ProfessionID, x.skills[a.SkillID].Name, x.skills[b.SkillID].Name)
			}
		}
	})
}

func TestReadSkills(t *testing.T) {
	d, _ := readReal(t)
	x := indexOf(d)

	t.Run("kinds", func(t *testing.T) {
		got := map[career.SkillKind]int{}
		for _, s := range d.Skills {
			got[s.Kind]++
		}
		want := map[career.SkillKind]int{
			// Skill groups (skillGroups_fr.csv) add 416, 221 (ISCED-F fields, codes K…) and 3 (codes L…).
			career.SkillKindSkill:     10529 + 416,
			career.SkillKindKnowledge: 2993 + 221,
			career.SkillKindLanguage:  346 + 3, // languageSkillsCollection_en.csv
			career.SkillKindAttitude:  28,      // transversal skills of T3.* and T4.5
		}
		for k, n := range want {
			if got[k] != n {
				t.Errorf("%s skills: got %d, want %d", k, got[k], n)
			}
		}
	})
	t.Run("the attitudes are the self-management and ethics transversal skills", func(t *testing.T) {
		var got []string
		for _, s := range d.Skills {
			if s.Kind == career.SkillKindAttitude {
				got = append(got, s.Name)
			}
		}
		slices.SortFunc(got, func(a, b string) int { return strings.Compare(career.SortKey(a), career.SortKey(b)) })
		want := []string{
			"aborder les défis de manière positive", "accepter les critiques et les directives",
			"démontrer une volonté d’apprendre (savoir-être)", "être fiable", "faire preuve d’engagement",
			"faire preuve d’initiative", "faire preuve de confiance", "faire preuve de curiosité",
			"faire preuve de détermination", "faire preuve de loyauté", "garder un esprit ouvert",
			"gérer l’incertitude", "gérer la frustration", "gérer la progression personnelle", "gérer la qualité",
			"gérer le temps", "prendre des décisions", "respecter les obligations de confidentialité",
			"respecter ses engagements", "rester concentré pendant de longues périodes", "s'adapter au changement",
			"s’auto-évaluer", "se conformer aux réglementations", "se montrer responsable", "supporter la pression",
			"travailler de manière autonome", "travailler de manière efficace (savoir-être)", "veiller aux détails",
		}
		// Two of them share their name with a skill of another kind, so both carry their kind
		// (dataset.DisambiguateSkillNames).
		if !slices.Equal(got, want) {
			t.Errorf("attitudes = %q,\nwant %q", got, want)
		}
		if s := x.skills[loyalty]; s == nil || s.Name != "faire preuve de loyauté" {
			t.Errorf("skill %s = %+v, want faire preuve de loyauté", loyalty, s)
		}
	})
	t.Run("French names: 13,695; English fallback: 201", func(t *testing.T) {
		fr, en := 0, 0
		for _, s := range d.Skills {
			switch s.Language {
			case "fr":
				fr++
			case "en":
				en++
			default:
				t.Fatalf("skill %s: language %q", s.ID, s.Language)
			}
		}
		if fr != 13695+640 || en != 201 { // the 640 skill groups are named in French
			t.Errorf("fr %d, en %d; want 14335 (13,695 skills, 640 groups), 201", fr, en)
		}
	})
	t.Run("of the 512 skills the fr-skill-labels files miss, the official collections name 311 in French", func(t *testing.T) {
		labelled := map[string]bool{}
		for _, f := range []string{"skills_fr_api_2026.csv", "skills_fr_v1.0.csv"} {
			for _, row := range readRaw(t, filepath.Join(escoDir(t), "fr-skill-labels", f)) {
				if strings.TrimSpace(row["preferredLabel"]) != "" {
					labelled["skill:esco:"+row["conceptUri"][strings.LastIndexByte(row["conceptUri"], '/')+1:]] = true
				}
			}
		}
		missing := map[string]int{}
		for _, s := range d.Skills {
			if !labelled[s.ID] {
				missing[s.Language]++
			}
		}
		// The 640 skill groups, named by skillGroups_fr.csv, are not in the label files either.
		if missing["fr"]+missing["en"] != 512+640 || missing["fr"] != 311+640 || missing["en"] != 201 {
			t.Errorf("skills without a fr-skill-labels label by language: %v; want fr 951 (311 skills, 640 groups), en 201", missing)
		}
	})
	checkSkills(t, x)
}

// checkSkills checks skills that show how the reader names skills, describes them and gives
// them a kind.
func checkSkills(t *testing.T, x *index) {
	t.Helper()
	for _, c := range []struct {
		behaviour string
		want      career.Skill
		descStart string
	}{
		{"label from the 2026 API, older labels and all altLabels as alternatives, French description from a collection",
			career.Skill{ID: ruby, Name: "Ruby (programmation informatique)", Kind: career.SkillKindKnowledge, Language: "fr",
				AlternativeNames: []string{"Ruby lang", "Ruby-gnome2", "Ruby prog", "Ruby"}},
			"Techniques et principes de développement de logiciels"},
		{"label from the official transversal collection when the label files have none",
			career.Skill{ID: showInitiative, Name: "faire preuve d’initiative", Kind: career.SkillKindAttitude, Language: "fr",
				AlternativeNames: []string{}},
			"Être proactif et prendre les premières mesures d’une action"},
		{"English name, English alternatives without the name itself, when no French label exists",
			career.Skill{ID: riskManagement, Name: "enterprise risk management", Kind: career.SkillKindKnowledge, Language: "en",
				AlternativeNames: []string{"ERM"}},
			"A plan-based business strategy"},
		{"empty skillType gives kind SKILL",
			career.Skill{ID: cloudSecurity, Kind: career.SkillKindSkill, Language: "fr", AlternativeNames: []string{},
				Name: "mettre en œuvre la sécurité et le respect des règles en matière d’informatique en nuage"},
			"Mettre en œuvre et gérer des politiques de sécurité"},
		{"language collection gives kind LANGUAGE",
			career.Skill{ID: hungarian, Name: "écrire en hongrois", Kind: career.SkillKindLanguage, Language: "fr",
				AlternativeNames: []string{}},
			"Rédiger des textes écrits en hongrois."},
		{"skill/competence gives kind SKILL",
			career.Skill{ID: debugSoftware, Name: "déboguer un logiciel", Kind: career.SkillKindSkill, Language: "fr",
				AlternativeNames: []string{}},
			"Réparer un code informatique par l’analyse des résultats de tests"},
	} {
		t.Run(c.behaviour, func(t *testing.T) {
			s := x.skills[c.want.ID]
			if s == nil {
				t.Fatalf("no skill %s", c.want.ID)
			}
			_, _, code, _ := career.ParseID(c.want.ID)
			if s.Dataset != "esco" || s.Code != code || s.Name != c.want.Name || s.Kind != c.want.Kind ||
				s.Language != c.want.Language || !slices.Equal(s.AlternativeNames, c.want.AlternativeNames) {
				t.Errorf("got  %+v\nwant %+v", *s, c.want)
			}
			if !strings.HasPrefix(s.Description, c.descStart) {
				t.Errorf("description = %q, want it to start with %q", s.Description, c.descStart)
			}
		})
	}
}

func TestReadWarnings(t *testing.T) {
	_, ws := readReal(t)
	want := []string{
		"skills_en.csv.gz:29768: skill http://data.europa.eu/esco/skill/426ceaba-6867-481c-bb6b-aee3933da7d2 has an empty skillType: kind SKILL assumed",
		"skills_en.csv.gz:39387: skill http://data.europa.eu/esco/skill/574257ea-7b64-4100-b7b6-e27c233fe143 has an empty skillType: kind SKILL assumed",
		"skills_en.csv.gz:44622: skill http://data.europa.eu/esco/skill/629685b8-5f9e-4522-8cff-b3e2c4ec625a has an empty skillType: kind SKILL assumed",
		"skills_en.csv.gz:57101: skill http://data.europa.eu/esco/skill/7e5147d1-60b1-4a68-804b-1f5cb0396b91 has an empty skillType: kind SKILL assumed",
		"skills_en.csv.gz:86562: skill http://data.europa.eu/esco/skill/c13fb093-5ffb-491a-b8b7-fa2d42a57e2e has an empty skillType: kind SKILL assumed",
		"skills_en.csv.gz:109660: skill http://data.europa.eu/esco/skill/f5369f2f-e52b-43d8-8d31-79a6c11188d8 has an empty skillType: kind SKILL assumed",
		"skills_fr_v1.0.csv:26: 106 rows name skills that are not in skills_en.csv: ignored",
		// The 7 rows of broaderRelationsSkillPillar.csv whose concept is in neither skills_en.csv
		// nor skillGroups_fr.csv (counted with a CSV reader).
		"broaderRelationsSkillPillar.csv:231: unknown concept in http://data.europa.eu/esco/skill/0526c9cb-c8a4-498e-8498-d0e2d14ac626 → http://data.europa.eu/esco/skill/1e924921-b7ff-4326-a698-c8275bbcf60d: skipped",
		"broaderRelationsSkillPillar.csv:238: unknown concept in http://data.europa.eu/esco/skill/09d763a0-cc22-4ea7-9c36-3d9dd500d050 → http://data.europa.eu/esco/skill/18da3b88-1cd5-4ef3-83d6-664e52afdaba: skipped",
		"broaderRelationsSkillPillar.csv:278: unknown concept in http://data.europa.eu/esco/skill/1e924921-b7ff-4326-a698-c8275bbcf60d → http://data.europa.eu/esco/skill/03e0b95b-67d1-457a-b3f7-06c407cf6bec: skipped",
		"broaderRelationsSkillPillar.csv:472: unknown concept in http://data.europa.eu/esco/skill/966246a4-6e72-4c60-be46-7cd61ba46942 → http://data.europa.eu/esco/skill/f306bf2a-271d-4059-ba7b-e83849cb8960: skipped",
		"broaderRelationsSkillPillar.csv:477: unknown concept in http://data.europa.eu/esco/skill/998d0ed8-21ee-4f1d-8906-f141136db5d9 → http://data.europa.eu/esco/skill/e1746275-6d4e-4b02-b526-eeebf3052b6d: skipped",
		"broaderRelationsSkillPillar.csv:553: unknown concept in http://data.europa.eu/esco/skill/ca8723d6-d9fe-42fd-ac14-ba6bb5b0f6c2 → http://data.europa.eu/esco/skill/1e924921-b7ff-4326-a698-c8275bbcf60d: skipped",
		"broaderRelationsSkillPillar.csv:607: unknown concept in http://data.europa.eu/esco/skill/e747e5ec-c0be-4662-b62f-43e0ae344e50 → http://data.europa.eu/esco/skill/1e924921-b7ff-4326-a698-c8275bbcf60d: skipped",
		"occupationSkillRelations.csv.gz:2301: empty skillType for skill http://data.europa.eu/esco/skill/c13fb093-5ffb-491a-b8b7-fa2d42a57e2e, which has none either: kind SKILL",
		"occupationSkillRelations.csv.gz:19534: empty skillType for skill http://data.europa.eu/esco/skill/c13fb093-5ffb-491a-b8b7-fa2d42a57e2e, which has none either: kind SKILL",
		"occupationSkillRelations.csv.gz:25641: empty skillType for skill http://data.europa.eu/esco/skill/c13fb093-5ffb-491a-b8b7-fa2d42a57e2e, which has none either: kind SKILL",
		"occupationSkillRelations.csv.gz:59792: empty skillType for skill http://data.europa.eu/esco/skill/c13fb093-5ffb-491a-b8b7-fa2d42a57e2e, which has none either: kind SKILL",
		"occupationSkillRelations.csv.gz:81450: empty skillType for skill http://data.europa.eu/esco/skill/c13fb093-5ffb-491a-b8b7-fa2d42a57e2e, which has none either: kind SKILL",
		"occupationSkillRelations.csv.gz:84425: 67 rows link occupation " + missingOcc + ", which is in neither occupations_fr.csv nor occupations_en.csv: skipped",
		"broaderRelationsOccPillar.csv:3205: occupation " + missingOcc + " is in neither occupations_fr.csv nor occupations_en.csv: its broader relation is skipped",
	}
	var got []string
	for _, w := range ws {
		got = append(got, w.String())
	}
	if !slices.Equal(got, want) {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// readRaw reads a CSV file of the export as maps keyed by the header's names.
func readRaw(t *testing.T, path string) []map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	header, err := r.Read()
	if err != nil {
		t.Fatal(err)
	}
	var rows []map[string]string
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return rows
		} else if err != nil {
			t.Fatal(err)
		}
		row := make(map[string]string, len(header))
		for i, h := range header {
			row[h] = rec[i]
		}
		rows = append(rows, row)
	}
}

// workDir returns a temporary copy of the real export: symbolic links to the real files, which
// a test replaces one by one with edited copies (never editing the originals).
func workDir(t *testing.T) string {
	t.Helper()
	src, dst := escoDir(t), t.TempDir()
	err := filepath.WalkDir(src, func(path string, e os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		if e.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		return os.Symlink(path, filepath.Join(dst, rel))
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// content returns the uncompressed content of a file of the export (rel or rel.gz).
func content(t *testing.T, rel string) string {
	t.Helper()
	path := filepath.Join(escoDir(t), filepath.FromSlash(rel))
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		b, err = os.ReadFile(path + ".gz")
		if err == nil {
			var zr *gzip.Reader
			if zr, err = gzip.NewReader(bytes.NewReader(b)); err == nil {
				b, err = io.ReadAll(zr)
			}
		}
	}
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// edit replaces the file rel of a work dir (removing rel.gz) with the real content changed by
// fn, written uncompressed.
func edit(t *testing.T, dir, rel string, fn func(string) string) {
	t.Helper()
	s := content(t, rel)
	changed := fn(s)
	if changed == s {
		t.Fatalf("edit of %s changed nothing", rel)
	}
	path := filepath.Join(dir, filepath.FromSlash(rel))
	for _, p := range []string{path, path + ".gz"} {
		if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(path, []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
}

// replaceLine replaces line n (1-based) of s by fn(line).
func replaceLine(t *testing.T, s string, n int, fn func(string) string) string {
	t.Helper()
	lines := strings.SplitAfter(s, "\n")
	if n < 1 || n > len(lines) {
		t.Fatalf("no line %d", n)
	}
	lines[n-1] = fn(lines[n-1])
	return strings.Join(lines, "")
}

func TestReadMalformed(t *testing.T) {
	for _, c := range []struct {
		behaviour string
		prepare   func(t *testing.T, dir string)
		want      dataset.ParseError
	}{
		{"a missing required file is named",
			func(t *testing.T, dir string) {
				if err := os.Remove(filepath.Join(dir, "occupationSkillRelations.csv.gz")); err != nil {
					t.Fatal(err)
				}
			},
			dataset.ParseError{File: "occupationSkillRelations.csv", Reason: "missing required file (also looked for occupationSkillRelations.csv.gz)"}},
		{"a missing column is reported on line 1",
			func(t *testing.T, dir string) {
				edit(t, dir, "occupations_fr.csv", func(s string) string {
					return replaceLine(t, s, 1, func(l string) string { return strings.Replace(l, ",preferredLabel,", ",prefLabel,", 1) })
				})
			},
			dataset.ParseError{File: "occupations_fr.csv", Line: 1, Reason: `missing column "preferredLabel"`}},
		{"a record with a field too few is reported on its first physical line",
			func(t *testing.T, dir string) {
				// The web developer's record spans lines 12665-12673 (newlines in quoted cells).
				edit(t, dir, "occupations_fr.csv", func(s string) string {
					return replaceLine(t, s, 12673, func(l string) string { return strings.Replace(l, ",2513.5\n", "\n", 1) })
				})
			},
			dataset.ParseError{File: "occupations_fr.csv", Line: 12665, Reason: "wrong number of fields: want 14 as in the header"}},
		{"an unknown skillType in a plain skills_en.csv (read before skills_en.csv.gz)",
			func(t *testing.T, dir string) {
				edit(t, dir, "skills_en.csv", func(s string) string {
					return replaceLine(t, s, 5592, func(l string) string { return strings.Replace(l, ",knowledge,", ",attitude,", 1) })
				})
			},
			dataset.ParseError{File: "skills_en.csv", Line: 5592, Reason: `unknown skillType "attitude": want "knowledge" or "skill/competence"`}},
		{"an unknown relationType",
			func(t *testing.T, dir string) {
				edit(t, dir, "occupationSkillRelations.csv", func(s string) string {
					return replaceLine(t, s, 100000, func(l string) string { return strings.Replace(l, ",optional,", ",mandatory,", 1) })
				})
			},
			dataset.ParseError{File: "occupationSkillRelations.csv", Line: 100000, Reason: `unknown relationType "mandatory": want "essential" or "optional"`}},
		{"a stray quote",
			func(t *testing.T, dir string) {
				edit(t, dir, "broaderRelationsOccPillar.csv", func(s string) string {
					return replaceLine(t, s, 3000, func(l string) string { return strings.Replace(l, "Occupation,", `Occ"upation,`, 1) })
				})
			},
			dataset.ParseError{File: "broaderRelationsOccPillar.csv", Line: 3000, Reason: `bare " in non-quoted-field (column 4)`}},
		{"an unknown concept type",
			func(t *testing.T, dir string) {
				edit(t, dir, "broaderRelationsOccPillar.csv", func(s string) string {
					return replaceLine(t, s, 3000, func(l string) string { return strings.Replace(l, ",Occupation,", ",Skill,", 1) })
				})
			},
			dataset.ParseError{File: "broaderRelationsOccPillar.csv", Line: 3000, Reason: `unknown concept type "Skill": want "Occupation" or "ISCOGroup"`}},
		{"a duplicate occupation",
			func(t *testing.T, dir string) {
				// occupations_en.csv has 36,315 lines; the web developer's record starts on line 28868.
				edit(t, dir, "occupations_en.csv", func(s string) string {
					return s + "Occupation,http://data.europa.eu/esco/occupation/c40a2919-48a9-40ea-b506-1f34f693496d,2513,web developer,,,released,,,,,,,2513.5\r\n"
				})
			},
			dataset.ParseError{File: "occupations_en.csv", Line: 36316,
				Reason: "duplicate conceptUri http://data.europa.eu/esco/occupation/c40a2919-48a9-40ea-b506-1f34f693496d (first at line 28868)"}},
		{"a file that is not gzip",
			func(t *testing.T, dir string) {
				path := filepath.Join(dir, "skills_en.csv.gz")
				if err := os.Remove(path); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte("conceptType,conceptUri\n"), 0o644); err != nil {
					t.Fatal(err)
				}
			},
			dataset.ParseError{File: "skills_en.csv.gz", Reason: "not a gzip file: gzip: invalid header"}},
	} {
		t.Run(c.behaviour, func(t *testing.T) {
			dir := workDir(t)
			c.prepare(t, dir)
			d, _, err := esco.Read(dir)
			var pe *dataset.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("Read = %v, %v; want a *dataset.ParseError", d, err)
			}
			if *pe != c.want {
				t.Errorf("error = %#v,\nwant    %#v", *pe, c.want)
			}
		})
	}
}

// editRecords rewrites the CSV file rel of a work dir (uncompressed), passing every record
// after the header, with the header, to fn.
func editRecords(t *testing.T, dir, rel string, fn func(header, rec []string)) {
	t.Helper()
	edit(t, dir, rel, func(s string) string {
		records, err := csv.NewReader(strings.NewReader(s)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		for _, rec := range records[1:] {
			fn(records[0], rec)
		}
		var b strings.Builder
		w := csv.NewWriter(&b)
		if err := w.WriteAll(records); err != nil {
			t.Fatal(err)
		}
		return b.String()
	})
}

const (
	webDeveloperURI   = "http://data.europa.eu/esco/occupation/c40a2919-48a9-40ea-b506-1f34f693496d"
	softwareTesterURI = "http://data.europa.eu/esco/occupation/106f79e4-6264-45f1-9e7a-297435cd684b"
	softwareDevURI    = "http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1"
	skillURI          = "http://data.europa.eu/esco/skill/"
)

// TestReadEditedExport reads the real export with a few records changed, to show how Read
// handles cases the real data does not have (or no longer has).
func TestReadEditedExport(t *testing.T) {
	dir := workDir(t)
	// The web developer loses its French texts.
	editRecords(t, dir, "occupations_fr.csv", func(header, rec []string) {
		if rec[1] == webDeveloperURI {
			for i, h := range header {
				if h == "preferredLabel" || h == "altLabels" || h == "description" {
					rec[i] = ""
				}
			}
		}
	})
	// It requires two attitudes, and two skills a second time.
	edit(t, dir, "occupationSkillRelations.csv", func(s string) string {
		return s + webDeveloperURI + ",essential,skill/competence," + skillURI + "001115fb-569f-4ee6-8381-c6807ef2527f\n" + // line 123857: show initiative
			webDeveloperURI + ",optional,skill/competence," + skillURI + "72d1fa5d-1b7f-48e7-84e3-6e779841ddf1\n" + // 123858: demonstrate loyalty
			webDeveloperURI + ",optional,skill/competence," + skillURI + "2522a6ce-3202-4ac8-9f5b-b9cb5a3a83a1\n" + // 123859: debug software, essential at 98432
			webDeveloperURI + ",essential,," + skillURI + "0ccdfe98-f845-4598-84a1-3dca66e9d9a3\n" // 123860: Ruby, optional at 98446
	})
	// It gets two broader occupations, and the software tester itself.
	edit(t, dir, "broaderRelationsOccPillar.csv", func(s string) string {
		return s + "Occupation," + webDeveloperURI + ",Occupation," + softwareTesterURI + "\n" + // line 3619
			"Occupation," + webDeveloperURI + ",Occupation," + softwareDevURI + "\n" + // 3620
			"Occupation," + softwareTesterURI + ",Occupation," + softwareTesterURI + "\n" // 3621
	})
	d, ws, err := esco.Read(dir)
	if err != nil {
		t.Fatal(err)
	}
	x := indexOf(d)
	web := x.professions[webDeveloper]

	t.Run("an occupation without French texts falls back to English", func(t *testing.T) {
		wantAlt := []string{"web developers", "web engineer", "web application developer", "web programmer", "web specialist"}
		wantSummary := "Web developers develop, implement and document web-accessible software based on the designs provided. " +
			"They align the client's web presence with its business strategy, troubleshoot software problems and issues " +
			"and look for ways to improve the application."
		if web.Name != "web developer" || web.Language != "en" || !slices.Equal(web.AlternativeNames, wantAlt) ||
			web.Summary != wantSummary || web.Description != wantSummary {
			t.Errorf("got %+v", *web)
		}
		if web.Sector != "Concepteurs de sites internet et de multimédia" {
			t.Errorf("sector = %q, want the French ISCO label", web.Sector)
		}
	})
	t.Run("qualities are the required attitudes, in requirement order", func(t *testing.T) {
		if got, want := x.qualities[webDeveloper], []string{showInitiative, loyalty}; !slices.Equal(got, want) {
			t.Errorf("qualities = %q, want %q", got, want)
		}
		if len(d.Qualities) != 2 {
			t.Errorf("%d qualities in all, want 2", len(d.Qualities))
		}
	})
	t.Run("a relation given twice is kept once, essential wins", func(t *testing.T) {
		ess, opt := x.names(webDeveloper, career.Essential), x.names(webDeveloper, career.Optional)
		if len(ess) != 23 || len(opt) != 77 || len(d.Requirements) != 123790 {
			t.Fatalf("essential %d, optional %d, requirements %d; want 23, 77, 123790", len(ess), len(opt), len(d.Requirements))
		}
		if ess[5] != "faire preuve d’initiative" || ess[16] != "Ruby (programmation informatique)" || ess[2] != "déboguer un logiciel" {
			t.Errorf("essential = %q", ess)
		}
		if !slices.Contains(opt, "faire preuve de loyauté") || slices.Contains(opt, "déboguer un logiciel") {
			t.Errorf("optional = %q", opt)
		}
	})
	t.Run("several broader occupations: the first is kept", func(t *testing.T) {
		if web.SpecializationOf != softwareTester {
			t.Errorf("web developer specializes %q, want %q", web.SpecializationOf, softwareTester)
		}
		if s := x.professions[softwareTester].SpecializationOf; s != "" {
			t.Errorf("software tester specializes %q, want none", s)
		}
	})
	t.Run("the edits are reported", func(t *testing.T) {
		want := []string{
			"occupationSkillRelations.csv:123859: duplicate relation of occupation " + webDeveloperURI + " to skill " + skillURI +
				"2522a6ce-3202-4ac8-9f5b-b9cb5a3a83a1 (first at line 98432): kept once, as ESSENTIAL",
			"occupationSkillRelations.csv:123860: empty skillType: the skill's own type \"knowledge\" used",
			"occupationSkillRelations.csv:123860: duplicate relation of occupation " + webDeveloperURI + " to skill " + skillURI +
				"0ccdfe98-f845-4598-84a1-3dca66e9d9a3 (first at line 98446): kept once, as ESSENTIAL",
			"broaderRelationsOccPillar.csv:3620: occupation " + webDeveloperURI + " has several broader occupations: kept the first (line 3619), skipped " + softwareDevURI,
			"broaderRelationsOccPillar.csv:3621: occupation " + softwareTesterURI + " is its own broader occupation: relation skipped",
		}
		var got []string
		for _, w := range ws {
			got = append(got, w.String())
		}
		for _, w := range want {
			if !slices.Contains(got, w) {
				t.Errorf("missing warning %q", w)
			}
		}
		if len(got) != 21+len(want) { // the 21 warnings of the export as published (TestReadWarnings)
			t.Errorf("%d warnings, want %d:\n%s", len(got), 21+len(want), strings.Join(got, "\n"))
		}
	})
}

func BenchmarkRead(b *testing.B) {
	dir := escoDir(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := esco.Read(dir); err != nil {
			b.Fatal(err)
		}
	}
}
