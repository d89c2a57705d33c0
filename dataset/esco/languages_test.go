package esco_test

import (
	"strings"
	"testing"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/dataset/esco"
	"github.com/careergraph/careergraph/internal/datafiles"
)

// textCounts counts d's English texts of professions and of skills, and the nodes whose default
// language is French.
// Skill groups (read from skillGroups_fr.csv, whose English labels are not read) are left out
// of the French skills counted.
func textCounts(d *career.Dataset) (professions, skills, frProfessions, frSkills int) {
	for _, t := range d.Texts {
		if t.Lang != "en" {
			continue
		}
		switch career.KindOf(t.NodeID) {
		case career.KindProfession:
			professions++
		case career.KindSkill:
			skills++
		}
	}
	for _, p := range d.Professions {
		if p.Language == "fr" {
			frProfessions++
		}
	}
	group := map[string]bool{}
	for _, id := range d.SkillGraph.Groups {
		group[id] = true
	}
	for _, s := range d.Skills {
		if s.Language == "fr" && !group[s.ID] {
			frSkills++
		}
	}
	return
}

// checkWebDeveloperEnglish checks the English text of the web developer (code 2513.5) against
// its row of occupations_en.csv.
func checkWebDeveloperEnglish(t *testing.T, d *career.Dataset) {
	t.Helper()
	var en *career.Text
	for i := range d.Texts {
		if d.Texts[i].NodeID == webDeveloper {
			en = &d.Texts[i]
		}
	}
	if en == nil {
		t.Fatalf("no text of %s", webDeveloper)
	}
	const summary = "Web developers develop, implement and document web-accessible software based on the designs provided."
	if en.Lang != "en" || en.Name != "web developer" || !strings.HasPrefix(en.Summary, summary) {
		t.Errorf("English text %q %q %q, want en, web developer, %q…", en.Lang, en.Name, en.Summary, summary)
	}
}

// TestReadEnglishExcerpt: the excerpt's 21 occupations are in both occupation files, so each has
// its French default and an English text; so has every skill with a French name.
func TestReadEnglishExcerpt(t *testing.T) {
	d, _, err := esco.Read(datafiles.Excerpt(t, "esco"))
	if err != nil {
		t.Fatal(err)
	}
	professions, skills, frProfessions, frSkills := textCounts(d)
	if professions != 21 || frProfessions != 21 || skills != frSkills {
		t.Errorf("English texts: %d of professions (%d French), %d of skills (%d French); want 21 (21), equal", professions, frProfessions, skills, frSkills)
	}
	checkWebDeveloperEnglish(t, d)
}

// TestReadEnglishFull: all 3,007 occupations are in occupations_fr.csv and occupations_en.csv.
func TestReadEnglishFull(t *testing.T) {
	d, _ := readReal(t)
	professions, skills, frProfessions, frSkills := textCounts(d)
	if professions != 3007 || frProfessions != 3007 || skills != frSkills {
		t.Errorf("English texts: %d of professions (%d French), %d of skills (%d French); want 3007 (3007), equal", professions, frProfessions, skills, frSkills)
	}
	checkWebDeveloperEnglish(t, d)
}
