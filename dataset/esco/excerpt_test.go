package esco_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/dataset/esco"
	"github.com/careergraph/careergraph/internal/datafiles"
)

// TestReadExcerpt reads the committed excerpt of the export (testdata/excerpt/esco), which
// every checkout has: the values below were counted in its raw files.
func TestReadExcerpt(t *testing.T) {
	dir := datafiles.Excerpt(t, "esco")
	d, ws, err := esco.Read(dir)
	if err != nil {
		t.Fatalf("Read(excerpt): %v", err)
	}
	checkInfo(t, d, dir)

	t.Run("counts match the raw files", func(t *testing.T) {
		essential, specializations := 0, 0
		for _, r := range d.Requirements {
			if r.Importance == career.Essential {
				essential++
			}
		}
		for _, p := range d.Professions {
			if p.SpecializationOf != "" {
				specializations++
			}
		}
		got := []int{len(d.Professions), len(d.Skills), len(d.Requirements), essential, specializations,
			len(d.Qualities), len(d.Tools), len(d.Trainings), len(d.ToolUses), len(d.TrainingLinks), len(d.Moves)}
		// 21 occupations; 690 skills (686 required, 4 chosen) and 280 skill groups; 1,335
		// relations (456 essential); 5 occupation→occupation broader rows; no attitude required.
		want := []int{21, 690 + 280, 1335, 456, 5, 0, 0, 0, 0, 0, 0}
		if !slices.Equal(got, want) {
			t.Errorf("professions, skills, requirements, essential, specializations, qualities, tools, trainings, tool uses, training links, moves = %v,\nwant %v", got, want)
		}
	})

	t.Run("professions in the order of occupations_fr.csv", func(t *testing.T) {
		var got []string
		for _, p := range d.Professions {
			got = append(got, p.Code[:8])
		}
		want := []string{"04ba4d6c", "05f321f8", "068c2787", "106f79e4", "1a07bd7d", "1aadb308", "1b38a27d", "2ed56c3f",
			"33da5532", "33e4f026", "349ee6f6", "50af07f0", "52d5edc9", "5f50290d", "731f38f1", "866c7813", "96e20037",
			"a74f6c51", "c40a2919", "f04eaeff", "f2b15a0e"}
		if !slices.Equal(got, want) {
			t.Errorf("professions (UUID starts) = %q,\nwant %q", got, want)
		}
	})

	t.Run("skill kinds and name languages", func(t *testing.T) {
		kinds := map[career.SkillKind]int{}
		languages := map[string]int{}
		for _, s := range d.Skills {
			kinds[s.Kind]++
			languages[s.Language]++
		}
		wantKinds := map[career.SkillKind]int{
			career.SkillKindSkill:     422 + 211, // skill groups: 211 neither ISCED-F nor of code K… or L…
			career.SkillKindKnowledge: 265 + 69,  // 69 ISCED-F fields or of code K…
			career.SkillKindAttitude:  2,         // the two chosen transversal skills
			career.SkillKindLanguage:  1,         // the chosen language skill
		}
		if len(kinds) != len(wantKinds) {
			t.Errorf("kinds = %v, want %v", kinds, wantKinds)
		}
		for k, n := range wantKinds {
			if kinds[k] != n {
				t.Errorf("%s skills: got %d, want %d", k, kinds[k], n)
			}
		}
		if len(languages) != 2 || languages["fr"] != 686+280 || languages["en"] != 4 {
			t.Errorf("name languages = %v, want fr 966 (686 skills, 280 groups), en 4", languages)
		}
	})

	t.Run("warnings: the skill without a skillType, as in the full export", func(t *testing.T) {
		want := []string{
			"skills_en.csv.gz:4010: skill " + skillURI + "c13fb093-5ffb-491a-b8b7-fa2d42a57e2e has an empty skillType: kind SKILL assumed",
			"occupationSkillRelations.csv.gz:639: empty skillType for skill " + skillURI + "c13fb093-5ffb-491a-b8b7-fa2d42a57e2e, which has none either: kind SKILL",
		}
		var got []string
		for _, w := range ws {
			got = append(got, w.String())
		}
		if !slices.Equal(got, want) {
			t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	})

	checkProfessions(t, d)
	checkRequirements(t, d)
	checkSkills(t, indexOf(d))
}
