package main

import (
	"net/http"
	"testing"
)

// An empty string given to an optional argument or filter field is the same as leaving it out,
// for every one of them.
func TestEmptyStringIsTheSameAsLeavingOut(t *testing.T) {
	forEachBackend(t, func(t *testing.T, h http.Handler) {
		for _, tc := range []struct{ name, empty, omitted string }{
			{"professions filter.skill", `professions(filter: {skill: ""}) { totalCount }`, `professions { totalCount }`},
			{"professions filter.tool", `professions(filter: {tool: ""}) { totalCount }`, `professions { totalCount }`},
			{"professions filter.sector", `professions(filter: {sector: ""}) { totalCount }`, `professions { totalCount }`},
			{"professions filter.dataset", `professions(filter: {dataset: ""}) { totalCount }`, `professions { totalCount }`},
			{"professions filter.text", `professions(filter: {text: ""}) { totalCount }`, `professions { totalCount }`},
			{"professions after", `professions(first: 2, after: "") { nodes { name } }`, `professions(first: 2) { nodes { name } }`},
			{"skills filter", `skills(filter: {text: "", dataset: ""}) { totalCount }`, `skills { totalCount }`},
			{"tools filter", `tools(filter: {text: "", dataset: "", category: ""}) { totalCount }`, `tools { totalCount }`},
			{"trainings filter", `trainings(filter: {text: "", dataset: ""}) { totalCount }`, `trainings { totalCount }`},
			{"Profession.tools category", `profession(id: "profession:seed:developpeur-web-back-end") { tools(category: "") { name } }`,
				`profession(id: "profession:seed:developpeur-web-back-end") { tools { name } }`},
			{"Skill.professions after", `skill(id: "skill:seed:connaitre-bases-de-donnees") { professions(after: "") { totalCount } }`,
				`skill(id: "skill:seed:connaitre-bases-de-donnees") { professions { totalCount } }`},
			{"profession dataset", `profession(dataset: "", code: "chef-de-projet") { id }`, `profession(code: "chef-de-projet") { id }`},
			{"profession id with a code", `profession(id: "", code: "chef-de-projet") { id }`, `profession(code: "chef-de-projet") { id }`},
			{"profession code with an id", `profession(id: "profession:seed:chef-de-projet", code: "") { id }`, `profession(id: "profession:seed:chef-de-projet") { id }`},
			{"search dataset", `search(text: "développeur", dataset: "") { node { id } }`, `search(text: "développeur") { node { id } }`},
			{"matchProfessions dataset", `matchProfessions(skills: ["skill:seed:connaitre-bases-de-donnees"], dataset: "") { profession { id } }`,
				`matchProfessions(skills: ["skill:seed:connaitre-bases-de-donnees"]) { profession { id } }`},
			{"stats dataset", `stats(dataset: "") { professions skills tools trainings careerMoves }`, `stats { professions skills tools trainings careerMoves }`},
		} {
			empty := post(t, h, "{ "+tc.empty+" }", nil)
			omitted := post(t, h, "{ "+tc.omitted+" }", nil)
			if len(empty.Errors) > 0 || len(omitted.Errors) > 0 || string(empty.Data) != string(omitted.Data) {
				t.Errorf("%s:\n\"\"      %s %+v\nomitted %s %+v", tc.name, empty.Data, empty.Errors, omitted.Data, omitted.Errors)
			}
		}

		t.Run("the values compared are the whole lists", func(t *testing.T) {
			var got struct {
				Professions struct{ TotalCount int }
				Profession  struct{ Tools []struct{ Name string } }
			}
			post(t, h, `{ professions(filter: {skill: ""}) { totalCount }
				profession(id: "profession:seed:developpeur-web-back-end") { tools(category: "") { name } } }`, nil).decode(t, &got)
			equal(t, "counts", []int{got.Professions.TotalCount, len(got.Profession.Tools)}, []int{8, 12})
		})

		t.Run("profession with only empty strings is the missing-argument error", func(t *testing.T) {
			r := post(t, h, `{ profession(id: "", code: "") { id } }`, nil)
			equal(t, "error", []any{r.codes(), r.Errors[0].Message}, []any{[]string{"BAD_USER_INPUT"}, "give either id or code (with dataset)"})
		})

		t.Run("a text without letters or digits is still refused", func(t *testing.T) {
			r := post(t, h, `{ professions(filter: {text: " "}) { totalCount } }`, nil)
			equal(t, "error", []any{r.codes(), r.Errors[0].Message},
				[]any{[]string{"BAD_USER_INPUT"}, "filter.text must contain at least one letter or digit (1 to 200 characters)"})
		})
	})
}
