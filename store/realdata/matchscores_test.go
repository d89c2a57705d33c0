package realdata_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/careergraph/careergraph/career"
)

// fiveWebSkills are ESCO's JavaScript, SQL, CSS, web programming and Python (computer
// programming), from skills_en.csv.
var fiveWebSkills = []string{
	"skill:esco:3cd569a2-4f88-4c1e-9995-8dce8c5e51a7", "skill:esco:598de5b0-5b58-4ea7-8058-a4bc4d18c742",
	"skill:esco:e5d1f825-60ed-4bdd-872a-e748c387f777", "skill:esco:69bbd53f-fbb0-4476-b4b2-ef7844464e28",
	"skill:esco:ccd0a1d9-afda-43d9-b901-96344886e14d"}

// onetWebDevelopers is O*NET's Web Developers, which requires a knowledge and a skill that
// O*NET both names "Mathematics".
const onetWebDevelopers = "profession:onet:15-1254.00"

// checkMatchScores asks matchProfessions for the professions that fit the five web skills and
// wants these lines (ESCO code, score, skillsUsed, essentialCoverage, matched and missing
// skills), and O*NET's two "Mathematics" told apart in Web Developers' requirements.
func checkMatchScores(t *testing.T, ctx context.Context, s career.Store, want []string) {
	t.Run("match scores a person can read", func(t *testing.T) {
		ms, err := s.MatchProfessions(ctx, career.MatchQuery{SkillIDs: fiveWebSkills, First: len(want)})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, m := range ms {
			got = append(got, fmt.Sprintf("%s %.6f used %.2f coverage %.6f %d %d", m.Profession.Code, m.Score, *m.SkillsUsed, *m.EssentialCoverage, len(m.Matched), len(m.Missing)))
		}
		equal(t, "matches", got, want)
	})
	t.Run("one name per requirement", func(t *testing.T) {
		reqs, err := s.Requirements(ctx, []string{onetWebDevelopers})
		if err != nil {
			t.Fatal(err)
		}
		var maths []string
		for _, r := range reqs[onetWebDevelopers] {
			if r.Skill.Code == "2.C.4.a" || r.Skill.Code == "2.A.1.e" {
				maths = append(maths, fmt.Sprintf("%s %s %s", r.Skill.Name, r.Skill.Kind, r.Importance))
			}
		}
		equal(t, "Web Developers' mathematics", maths, []string{"Mathematics (knowledge) KNOWLEDGE OPTIONAL", "Mathematics (skill) SKILL OPTIONAL"})
	})
}

// checkDistinctNames wants no profession of the datasets to require two skills of one name.
func checkDistinctNames(t *testing.T, ds []*career.Dataset) {
	for _, d := range ds {
		names := make(map[string]string, len(d.Skills))
		for _, s := range d.Skills {
			names[s.ID] = s.Name
		}
		seen := map[[2]string]bool{}
		repeats := 0
		for _, r := range d.Requirements {
			key := [2]string{r.ProfessionID, names[r.SkillID]}
			if seen[key] {
				repeats++
			}
			seen[key] = true
		}
		equal(t, d.Info.Name+": requirements of one name in a profession", repeats, 0)
	}
}
