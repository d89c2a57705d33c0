package rome_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/dataset"
	"github.com/careergraph/careergraph/dataset/rome"
	"github.com/careergraph/careergraph/internal/datafiles"
)

// The real export is read once per test binary: it takes a few hundred milliseconds.
var (
	readOnce     sync.Once
	readDataset  *career.Dataset
	readWarnings []dataset.Warning
	readErr      error
)

// romeDir is the shared ROME folder.
func romeDir(t testing.TB) string {
	t.Helper()
	return datafiles.Full(t, "rome")
}

// realDataset reads the shared ROME export once.
func realDataset(t *testing.T) *career.Dataset {
	t.Helper()
	dir := romeDir(t)
	readOnce.Do(func() { readDataset, readWarnings, readErr = rome.Read(dir) })
	if readErr != nil {
		t.Fatalf("Read(real export): %v", readErr)
	}
	return readDataset
}

func profession(t *testing.T, d *career.Dataset, code string) career.Profession {
	t.Helper()
	for _, p := range d.Professions {
		if p.Code == code {
			return p
		}
	}
	t.Fatalf("no profession %s", code)
	return career.Profession{}
}

func requirementsOf(d *career.Dataset, pid string) []career.Requirement {
	var rs []career.Requirement
	for _, r := range d.Requirements {
		if r.ProfessionID == pid {
			rs = append(rs, r)
		}
	}
	return rs
}

func linkTargets(links []career.Link, pid string) []string {
	var ids []string
	for _, l := range links {
		if l.ProfessionID == pid {
			ids = append(ids, l.TargetID)
		}
	}
	return ids
}

func movesOf(d *career.Dataset, pid string) []career.Move {
	var ms []career.Move
	for _, m := range d.Moves {
		if m.FromID == pid {
			ms = append(ms, m)
		}
	}
	return ms
}

func ids(kind career.Kind, codes ...string) []string {
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = career.MakeID(kind, "rome", c)
	}
	return out
}

func TestRead(t *testing.T) {
	d := realDataset(t)
	checkInfo(t, d, romeDir(t))

	t.Run("real export reads without warnings", func(t *testing.T) {
		realDataset(t)
		if len(readWarnings) != 0 {
			t.Errorf("got %d warnings, want 0; first: %v", len(readWarnings), readWarnings[0])
		}
	})

	t.Run("counts match the raw files", func(t *testing.T) {
		got := countsOf(d)
		want := map[string]int{
			"professions":    1584,  // unix_referentiel_code_rome rows
			"skills":         31939, // 18317 compétences + 15354 savoirs - 1732 tools
			"tools":          1732,
			"trainings":      1584, // every fiche has an acces_metier text
			"requirements":   86786,
			"qualities":      5255, // liens bloc 5 rubrique 2 (savoir-être)
			"toolUses":       3770,
			"trainingLinks":  1584,
			"moves":          14912, // unix_rubrique_mobilite rows
			"essential":      18526, // coeur_metier "Principale" among non-tool links
			"progressions":   1822,  // emploi_cadre N → O
			"specialisation": 1052,  // code_rome_parent ≠ code_rome
		}
		for k, w := range want {
			if got[k] != w {
				t.Errorf("%s = %d, want %d", k, got[k], w)
			}
		}
	})

	t.Run("skill kinds and tool categories follow the referentials", func(t *testing.T) {
		kinds := map[career.SkillKind]int{}
		for _, s := range d.Skills {
			kinds[s.Kind]++
		}
		wantKinds := map[career.SkillKind]int{
			career.SkillKindSkill:     18301, // cat_comp Savoir-faire
			career.SkillKindAttitude:  16,    // cat_comp Savoir-être professionnel
			career.SkillKindLanguage:  82,    // savoirs of sous-catégorie Langues
			career.SkillKindKnowledge: 13540,
		}
		if !mapsEqual(kinds, wantKinds) {
			t.Errorf("skill kinds = %v, want %v", kinds, wantKinds)
		}
		cats := map[string]int{}
		for _, tl := range d.Tools {
			cats[tl.Category]++
		}
		wantCats := map[string]int{
			"Outils, machines, équipement matériel": 1010,
			"Logiciels, progiciels":                 515,
			"Véhicules":                             161,
			"Instruments de musique":                46,
		}
		if !mapsEqual(cats, wantCats) {
			t.Errorf("tool categories = %v, want %v", cats, wantCats)
		}
	})

	checkCards(t, d)

	t.Run("text defects of the export are repaired", func(t *testing.T) {
		for _, s := range d.Skills {
			if s.Code == "404707" && s.Name != "Chargé de mission de développement local en France et à l'étranger" {
				t.Errorf("savoir 404707 = %q (U+0092 + doubled apostrophe not repaired)", s.Name)
			}
		}
		for _, tr := range d.Trainings {
			if tr.Code == "F1703" && !strings.Contains(tr.Description, "construction bâtiment gros œuvre ou") {
				t.Errorf("F1703 access text = %q (U+009C not repaired)", tr.Description)
			}
		}
	})

	checkTexts(t, d)

	t.Run("training levels", func(t *testing.T) {
		levels := map[career.TrainingLevel]int{}
		for _, tr := range d.Trainings {
			levels[tr.Level]++
		}
		// Regression guard on the rules of TrainingLevel over the 1,584 real texts.
		want := map[career.TrainingLevel]int{
			career.LevelHigherLong:  510,
			career.LevelHigherShort: 251,
			career.LevelSecondary:   510,
			career.LevelVocational:  41,
			career.LevelOther:       272,
		}
		if !mapsEqual(levels, want) {
			t.Errorf("levels = %v, want %v", levels, want)
		}
	})

	t.Run("dataset is consistent", func(t *testing.T) {
		checkConsistent(t, d)
	})
}

// countsOf counts the dataset's records, and its essential requirements, progressions and
// specialisations.
func countsOf(d *career.Dataset) map[string]int {
	got := map[string]int{
		"professions":    len(d.Professions),
		"skills":         len(d.Skills),
		"tools":          len(d.Tools),
		"trainings":      len(d.Trainings),
		"requirements":   len(d.Requirements),
		"qualities":      len(d.Qualities),
		"toolUses":       len(d.ToolUses),
		"trainingLinks":  len(d.TrainingLinks),
		"moves":          len(d.Moves),
		"essential":      0,
		"progressions":   0,
		"specialisation": 0,
	}
	for _, r := range d.Requirements {
		if r.Importance == career.Essential {
			got["essential"]++
		}
	}
	for _, m := range d.Moves {
		if m.Kind == career.MoveProgression {
			got["progressions"]++
		}
	}
	for _, p := range d.Professions {
		if p.SpecializationOf != "" {
			got["specialisation"]++
		}
	}
	return got
}

// checkInfo checks the dataset's info, and that dir's SOURCE.txt quotes its attribution.
func checkInfo(t *testing.T, d *career.Dataset, dir string) {
	t.Run("info names the dataset and its attribution", func(t *testing.T) {
		want := career.DatasetInfo{
			Name:        "rome",
			Title:       "ROME 4.0 — Répertoire Opérationnel des Métiers et des Emplois",
			Version:     "460",
			Attribution: "Source : France Travail – Répertoire Opérationnel des Métiers et des Emplois (ROME 4.0, version 460)",
		}
		if d.Info != want {
			t.Errorf("Info = %+v, want %+v", d.Info, want)
		}
	})

	t.Run("attribution is the line of SOURCE.txt", func(t *testing.T) {
		b, err := os.ReadFile(filepath.Join(dir, "SOURCE.txt"))
		if err != nil {
			t.Fatal(err)
		}
		source := strings.Join(strings.Fields(string(b)), " ")
		if !strings.Contains(source, `"`+rome.Attribution+`"`) {
			t.Errorf("SOURCE.txt does not quote the attribution %q", rome.Attribution)
		}
	})
}

// checkCards checks the cards of M1805, A1205 and M1855: the excerpt has every record of these
// fiches and of the fiches they move to, so the full export and the excerpt give the same.
func checkCards(t *testing.T, d *career.Dataset) {
	t.Run("M1805 has its name, sector, texts and appellations", func(t *testing.T) {
		p := profession(t, d, "M1805")
		if p.ID != "profession:rome:M1805" || p.Name != "Développeur / Développeuse informatique" ||
			p.Sector != "Systèmes d'information et de télécommunication" ||
			p.Language != "fr" || p.Source != "rome" || p.Dataset != "rome" || p.SpecializationOf != "" {
			t.Errorf("M1805 = %+v", p)
		}
		if want := "Le / La Développeur(se) informatique conçoit et améliore des systèmes informatiques."; p.Summary != want {
			t.Errorf("Summary = %q, want %q", p.Summary, want)
		}
		paras := strings.Split(p.Description, "\n\n")
		if len(paras) != 7 || paras[0] != p.Summary ||
			paras[2] != "Participe à l'analyse des besoins des clients et propose des solutions techniques adaptées" {
			t.Errorf("Description paragraphs = %q", paras)
		}
		if !slices.Equal(p.Tasks, paras[1:]) {
			t.Errorf("Tasks = %q, want the paragraphs after the first", p.Tasks)
		}
		wantAlt := []string{
			"Analyste développeur / Analyste développeuse",
			"Analyste-programmeur / Analyste-programmeuse gestion informatique",
			"Analyste-programmeur / Analyste-programmeuse informatique",
			"Analyste-programmeur / Analyste-programmeuse scientifique informatique",
			"Développeur / Développeuse de sécurité des systèmes d'information",
			"Développeur / Développeuse IOT",
			"Développeur / Développeuse systèmes embarqués",
			"Informaticien / Informaticienne",
			"Informaticien / Informaticienne de développement",
			"Programmeur industriel / Programmeuse industrielle",
			"Programmeur / Programmeuse d'études",
			"Programmeur / Programmeuse de maintenance informatique",
			"Programmeur / Programmeuse informatique",
			"Programmeur / Programmeuse logiciel de base informatique",
			"Technicien / Technicienne programmation",
		}
		if !slices.Equal(p.AlternativeNames, wantAlt) {
			t.Errorf("AlternativeNames =\n%q\nwant\n%q", p.AlternativeNames, wantAlt)
		}
	})

	t.Run("M1805 requirements are essential first then in file order", func(t *testing.T) {
		rs := requirementsOf(d, "profession:rome:M1805")
		var essential, optional []string
		for _, r := range rs {
			if r.Importance == career.Essential {
				if len(optional) > 0 {
					t.Fatalf("essential %s after an optional requirement", r.SkillID)
				}
				essential = append(essential, r.SkillID)
			} else {
				optional = append(optional, r.SkillID)
			}
		}
		if len(essential) != 10 || len(optional) != 41 {
			t.Errorf("essential/optional = %d/%d, want 10/41", len(essential), len(optional))
		}
		wantEssential := ids(career.KindSkill, "109846", "113317", "126535", "300587", "400192",
			"400199", "400261", "484402", "484405", "486495")
		if !slices.Equal(essential, wantEssential) {
			t.Errorf("essential = %v, want %v", essential, wantEssential)
		}
		if len(optional) > 0 && optional[0] != "skill:rome:113330" {
			t.Errorf("first optional = %s, want skill:rome:113330", optional[0])
		}
		if !slices.Contains(optional, "skill:rome:400759") {
			t.Errorf("the emerging (Émergente) skill 400759 is not an optional requirement")
		}
	})

	t.Run("M1805 qualities, tools, training and moves", func(t *testing.T) {
		pid := "profession:rome:M1805"
		if got, want := linkTargets(d.Qualities, pid), ids(career.KindSkill, "300460", "300490", "300497"); !slices.Equal(got, want) {
			t.Errorf("qualities = %v, want %v", got, want)
		}
		wantTools := ids(career.KindTool, "109854", "109862", "119711", "120803", "122793", "300688", "478664")
		if got := linkTargets(d.ToolUses, pid); !slices.Equal(got, wantTools) {
			t.Errorf("tools = %v, want %v", got, wantTools)
		}
		if got := linkTargets(d.TrainingLinks, pid); !slices.Equal(got, []string{"training:rome:M1805"}) {
			t.Errorf("trainings = %v", got)
		}
		var tr career.Training
		for _, x := range d.Trainings {
			if x.Code == "M1805" {
				tr = x
			}
		}
		want := career.Training{
			ID: "training:rome:M1805", Dataset: "rome", Code: "M1805",
			Name:        "Accès au métier : Développeur / Développeuse informatique",
			Level:       career.LevelHigherShort,
			Description: "Cet emploi est accessible avec un niveau Bac+2 à Bac+5 dans le domaine de l'informatique.",
		}
		if tr != want {
			t.Errorf("training = %+v, want %+v", tr, want)
		}
		var targets []string
		for _, m := range movesOf(d, pid) {
			targets = append(targets, strings.TrimPrefix(m.ToID, "profession:rome:"))
			if m.Kind != career.MoveLateral {
				t.Errorf("move to %s is %s, want LATERAL (both fiches are cadre)", m.ToID, m.Kind)
			}
		}
		wantTargets := []string{"M1802", "M1803", "M1810", "M1812", "M1818", "M1824", "M1831", "M1832", "M1842", "E1206"}
		if !slices.Equal(targets, wantTargets) {
			t.Errorf("moves = %v, want %v (numero_ordre order)", targets, wantTargets)
		}
	})

	t.Run("moves from a non-cadre to a cadre fiche are progressions", func(t *testing.T) {
		var got []string
		for _, m := range movesOf(d, "profession:rome:A1205") {
			got = append(got, strings.TrimPrefix(m.ToID, "profession:rome:")+" "+string(m.Kind))
		}
		want := []string{"A1207 LATERAL", "A1306 PROGRESSION", "A1313 PROGRESSION", "A1405 LATERAL",
			"D1418 LATERAL", "D1402 PROGRESSION", "F1133 PROGRESSION", "K1802 PROGRESSION", "H2204 LATERAL"}
		if !slices.Equal(got, want) {
			t.Errorf("A1205 moves = %v, want %v", got, want)
		}
	})

	t.Run("a child fiche specialises its parent", func(t *testing.T) {
		p := profession(t, d, "M1855")
		if p.Name != "Développeur / Développeuse web" || p.SpecializationOf != "profession:rome:M1805" {
			t.Errorf("M1855 = %q specialisation of %q, want Développeur / Développeuse web of profession:rome:M1805", p.Name, p.SpecializationOf)
		}
	})
}

// checkTexts checks that every text was cleaned: no doubled apostrophes, control characters or
// stray spaces.
func checkTexts(t *testing.T, d *career.Dataset) {
	t.Run("no text has doubled apostrophes, control characters or stray spaces", func(t *testing.T) {
		check := func(what, s string, paragraphs bool) {
			t.Helper()
			bad := strings.Contains(s, "''") || strings.Contains(s, "  ") || strings.TrimSpace(s) != s ||
				strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 && r != '\n' || 0x7F <= r && r < 0xA0 })
			if !paragraphs && strings.Contains(s, "\n") {
				bad = true
			}
			if paragraphs && (strings.Contains(s, "\n\n\n") || strings.Contains(s, " \n") || strings.Contains(s, "\n ")) {
				bad = true
			}
			if bad {
				t.Errorf("%s: %q", what, s)
			}
		}
		for _, p := range d.Professions {
			check(p.ID+" name", p.Name, false)
			check(p.ID+" summary", p.Summary, false)
			check(p.ID+" description", p.Description, true)
			check(p.ID+" sector", p.Sector, false)
			for _, a := range p.AlternativeNames {
				check(p.ID+" alternative name", a, false)
			}
			for _, x := range p.Tasks {
				check(p.ID+" task", x, false)
			}
		}
		for _, s := range d.Skills {
			check(s.ID+" name", s.Name, false)
			check(s.ID+" description", s.Description, false)
		}
		for _, x := range d.Tools {
			check(x.ID+" name", x.Name, false)
		}
		for _, x := range d.Trainings {
			check(x.ID+" name", x.Name, false)
			check(x.ID+" description", x.Description, true)
		}
	})
}

func mapsEqual[K comparable](a, b map[K]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// checkConsistent checks what dataset.Validate checks: unique IDs, known link targets, no
// duplicate links, valid enums, no self-loops.
func checkConsistent(t *testing.T, d *career.Dataset) {
	t.Helper()
	kinds := map[string]career.Kind{}
	add := func(id string, k career.Kind) {
		if _, dup := kinds[id]; dup {
			t.Errorf("duplicate ID %s", id)
		}
		if career.KindOf(id) != k {
			t.Errorf("ID %s is not of kind %s", id, k)
		}
		kinds[id] = k
	}
	for _, p := range d.Professions {
		add(p.ID, career.KindProfession)
	}
	for _, s := range d.Skills {
		add(s.ID, career.KindSkill)
		if !s.Kind.Valid() {
			t.Errorf("%s: bad kind %q", s.ID, s.Kind)
		}
	}
	for _, x := range d.Tools {
		add(x.ID, career.KindTool)
	}
	for _, x := range d.Trainings {
		add(x.ID, career.KindTraining)
		if !x.Level.Valid() {
			t.Errorf("%s: bad level %q", x.ID, x.Level)
		}
	}
	for _, p := range d.Professions {
		if p.SpecializationOf != "" && kinds[p.SpecializationOf] != career.KindProfession {
			t.Errorf("%s: unknown specialisation target %s", p.ID, p.SpecializationOf)
		}
	}
	seen := map[[3]string]bool{}
	link := func(rel, from, to string, k career.Kind) {
		if kinds[from] != career.KindProfession || kinds[to] != k {
			t.Errorf("%s %s → %s: unknown end", rel, from, to)
		}
		key := [3]string{rel, from, to}
		if seen[key] {
			t.Errorf("duplicate %s %s → %s", rel, from, to)
		}
		seen[key] = true
	}
	for _, r := range d.Requirements {
		link("requires", r.ProfessionID, r.SkillID, career.KindSkill)
		if !r.Importance.Valid() {
			t.Errorf("bad importance %q", r.Importance)
		}
	}
	for _, l := range d.Qualities {
		link("quality", l.ProfessionID, l.TargetID, career.KindSkill)
	}
	for _, l := range d.ToolUses {
		link("uses", l.ProfessionID, l.TargetID, career.KindTool)
	}
	for _, l := range d.TrainingLinks {
		link("trained by", l.ProfessionID, l.TargetID, career.KindTraining)
	}
	for _, m := range d.Moves {
		link("moves to", m.FromID, m.ToID, career.KindProfession)
		if m.FromID == m.ToID {
			t.Errorf("self-loop %s", m.FromID)
		}
		if !m.Kind.Valid() {
			t.Errorf("bad move kind %q", m.Kind)
		}
	}
}

func TestReadMissingDirectory(t *testing.T) {
	_, _, err := rome.Read(t.TempDir())
	var pe *dataset.ParseError
	if !errors.As(err, &pe) || pe.File != rome.FileDomaines || pe.Line != 0 {
		t.Fatalf("err = %v, want a ParseError naming %s", err, rome.FileDomaines)
	}
}

func BenchmarkRead(b *testing.B) {
	dir := romeDir(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := rome.Read(dir); err != nil {
			b.Fatal(err)
		}
	}
}
