package storetest

import (
	"context"
	"fmt"
	"testing"

	"github.com/careergraph/careergraph/career"
)

// searchDataset is a hand-made dataset for the search rules: a general nurse carrying several
// titles beside two specialisations, a plural name, and words a typo away from others.
func searchDataset() *career.Dataset {
	p := func(code, name string, alts ...string) career.Profession {
		return career.Profession{ID: career.MakeID(career.KindProfession, "qs", code), Dataset: "qs", Code: code, Name: name,
			AlternativeNames: alts, Language: "fr", Source: "qs"}
	}
	return &career.Dataset{
		Info: career.DatasetInfo{Name: "qs", Title: "Search rules", Version: "1"},
		Professions: []career.Profession{
			p("ide", "Infirmier / Infirmière en soins généraux", "Infirmier / Infirmière", "Infirmier diplômé d'État / Infirmière diplômée d'État"),
			p("scolaire", "Infirmier / Infirmière scolaire"),
			p("anesth", "Infirmier / Infirmière anesthésiste"),
			p("data", "Data Scientists"),
			p("junior", "Data scientist junior"),
			p("elec", "Électricien / Électricienne du bâtiment"),
			p("ouvreur", "Ouvreur / Ouvreuse de salle"),
			p("couvreur", "Couvreur / Couvreuse"),
		},
	}
}

// runSearchRules checks the rules that make search find what a person means (textsearch's
// plurals, general professions first, typos) on a store holding searchDataset.
func runSearchRules(t *testing.T, open Open) {
	s := open(t, searchDataset())
	ctx := context.Background()
	search := func(text string) []string {
		out := []string{}
		for _, h := range must(s.Search(ctx, career.SearchQuery{Text: text, Kinds: []career.Kind{career.KindProfession}, First: 10}))(t) {
			out = append(out, fmt.Sprintf("%s %v", h.Node.(*career.Profession).Code, h.Score))
		}
		return out
	}
	t.Run("a plural counts as the whole word", func(t *testing.T) {
		equal(t, "data scientist", search("data scientist"), []string{"data 1", "junior 0.87"})
	})
	t.Run("the general profession, with several titles holding the word, first", func(t *testing.T) {
		equal(t, "infirmière", search("infirmière"), []string{"ide 0.933333", "anesth 0.77", "scolaire 0.77"})
	})
	t.Run("a typo is corrected when nothing matches as typed, scoring below every other match", func(t *testing.T) {
		// 0.04 × the score of the word typed right: "electricien" 0.71, "infirmiere" as above.
		equal(t, "electricien", search("electricien"), []string{"elec 0.71"})
		equal(t, "electricain (2 edits, 11 letters)", search("electricain"), []string{"elec 0.0284"})
		equal(t, "infirmeire (a swap)", search("infirmeire"), []string{"ide 0.037333", "anesth 0.0308", "scolaire 0.0308"})
		equal(t, "ouvreurs (1 edit, 8 letters)", search("ouvreurs"), []string{"ouvreur 0.0284"})
		equal(t, "ouvrer (1 edit, 6 letters)", search("ouvrer"), []string{"ouvreur 0.0284"})
		equal(t, "cuvreu (too short to correct twice)", search("cuvreu"), []string{})
	})
	t.Run("no typo corrected when the query matches as typed", func(t *testing.T) {
		// "ouvreur" is one edit from "couvreur", "couvreu" a prefix of it.
		equal(t, "ouvreur", search("ouvreur"), []string{"ouvreur 0.71"})
		equal(t, "couvreu", search("couvreu"), []string{"couvreur 0.455"})
	})
}
