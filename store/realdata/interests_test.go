package realdata_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/careergraph/careergraph/career"
)

// checkInterestValues asserts interest codes, work contexts and English texts read from the raw
// files: M1805 "I","C" in unix_referentiel_code_rome_riasec and its seven bloc-6 links; O*NET
// 15-1254.00's high-points 6, 2, 0 in Interests.txt; ESCO's web developer in occupations_en.csv.
func checkInterestValues(t *testing.T, ctx context.Context, s career.Store) {
	const (
		m1805  = "profession:rome:M1805"
		webDev = "profession:onet:15-1254.00"
		esco   = "profession:esco:c40a2919-48a9-40ea-b506-1f34f693496d"
	)
	t.Run("interest codes, work contexts and English texts", func(t *testing.T) {
		codes, err := s.Interests(ctx, []string{m1805, webDev, esco})
		if err != nil {
			t.Fatal(err)
		}
		equal(t, "interests", codes, map[string]string{m1805: "IC", webDev: "CI"})
		contexts, err := s.WorkContexts(ctx, []string{m1805})
		if err != nil {
			t.Fatal(err)
		}
		equal(t, "work contexts", contexts[m1805], []string{"Possibilité de télétravail", "Travail en journée", "Station assise prolongée",
			"Salarié secteur privé (CDI, CDD)", "Salarié secteur public", "Travailleur indépendant", "Travail en mode projet"})
		texts, err := s.Texts(ctx, []string{esco, m1805})
		if err != nil {
			t.Fatal(err)
		}
		equal(t, "texts", []any{len(texts), texts[esco][0].Lang, texts[esco][0].Name}, []any{1, "en", "web developer"})
	})

	// O*NET's "Web Developers" holds the query as whole words (a plural), in its name and several
	// alternate titles (general professions first); ESCO's English name matches as an
	// alternative name (×0.9).
	t.Run("search finds ESCO's occupation by its English name, beside O*NET's", func(t *testing.T) {
		hits, err := s.Search(ctx, career.SearchQuery{Text: "web developer", Kinds: []career.Kind{career.KindProfession}, First: 3})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, h := range hits {
			got = append(got, fmt.Sprintf("%s %.3f", h.Node.(*career.Profession).ID, h.Score))
		}
		equal(t, "web developer", got, []string{"profession:onet:15-1254.00 1.000",
			"profession:esco:c40a2919-48a9-40ea-b506-1f34f693496d 0.900", "profession:onet:15-1255.00 0.870"})
		hits, err = s.Search(ctx, career.SearchQuery{Text: "développeur web", Kinds: []career.Kind{career.KindProfession}, First: 3})
		if err != nil {
			t.Fatal(err)
		}
		got = nil
		for _, h := range hits {
			got = append(got, fmt.Sprintf("%s %.3f", h.Node.(*career.Profession).ID, h.Score))
		}
		equal(t, "développeur web", got, []string{"profession:rome:M1855 1.000", "profession:seed:developpeur-web 1.000",
			"profession:esco:c40a2919-48a9-40ea-b506-1f34f693496d 1.000"})
	})

	// 109 fiches have "I","C": the first 50 all score 1, by name (M1849 "Administrateur /
	// Administratrice de messagerie", M1843 "… de serveurs", M1834 "… de site internet", …).
	t.Run("match interests", func(t *testing.T) {
		ms, err := s.MatchInterests(ctx, career.InterestQuery{Code: "IC", Dataset: "rome", First: 50})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, m := range ms[:3] {
			got = append(got, fmt.Sprintf("%s %.3f", m.Profession.Code, m.Score))
		}
		equal(t, "IC", []any{len(ms), got, ms[49].Score}, []any{50, []string{"M1849 1.000", "M1843 1.000", "M1834 1.000"}, 1.0})
	})
}

// compareInterests asks both stores for the sample's interest codes, work contexts and texts,
// and for matchInterests, with same (see compareBackends).
func compareInterests(t *testing.T, ctx context.Context, sample []string, same func(what string, f func(s career.Store) (any, error))) {
	same("interests", func(s career.Store) (any, error) { return s.Interests(ctx, sample) })
	same("work contexts", func(s career.Store) (any, error) { return s.WorkContexts(ctx, sample) })
	same("texts", func(s career.Store) (any, error) { return s.Texts(ctx, sample) })
	for _, code := range []string{"R", "IC", "SEA", "CRI"} {
		for _, ds := range []string{"", "rome", "onet"} {
			same("matchInterests "+code+" "+ds, func(s career.Store) (any, error) {
				return s.MatchInterests(ctx, career.InterestQuery{Code: code, Dataset: ds, First: 50})
			})
		}
	}
}
