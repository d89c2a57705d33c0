package realdata_test

import (
	"context"
	"testing"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/internal/testbackend"
)

// escoWebDeveloper is ESCO's "développeur web/développeuse web" (iscoGroup 2513).
const escoWebDeveloper = "profession:esco:c40a2919-48a9-40ea-b506-1f34f693496d"

// groupNames returns "<code> <name>" of each group, in order.
func groupNames(gs []*career.OccupationGroup) []string {
	out := make([]string, len(gs))
	for i, g := range gs {
		out[i] = g.Code + " " + g.Name
	}
	return out
}

// checkGroups asserts the occupation groups both the excerpts and the full data hold: M1805's
// domaine and grand domaine (names from unix_domaine_professionnel and unix_grand_domaine), the
// ESCO web developer's four ISCO-08 groups (ISCOGroups_fr.csv), O*NET 15-1254.00's SOC major group,
// and the narrower groups of ISCO 251.
func checkGroups(t *testing.T, ctx context.Context, s career.Store) {
	const m1805, onetWeb = "profession:rome:M1805", "profession:onet:15-1254.00"
	of, err := s.GroupsOf(ctx, []string{m1805, escoWebDeveloper, onetWeb})
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "M1805", groupNames(of[m1805]), []string{"M18 Systèmes d'information et de télécommunication", "M Support à l'entreprise"})
	equal(t, "ESCO web developer", groupNames(of[escoWebDeveloper]), []string{
		"2513 Concepteurs de sites internet et de multimédia",
		"251 Concepteurs et analystes de logiciels et de multimédia",
		"25 Spécialistes des technologies de l’information et des communications",
		"2 Professions intellectuelles et scientifiques"})
	equal(t, "O*NET 15-1254.00", groupNames(of[onetWeb]), []string{"15-0000 Computer and Mathematical Occupations"})
	levels := []string{}
	for _, g := range of[escoWebDeveloper] {
		levels = append(levels, g.Level)
	}
	equal(t, "ISCO levels", levels, []string{"ISCO-08 unit group", "ISCO-08 minor group", "ISCO-08 sub-major group", "ISCO-08 major group"})

	byID, err := s.GroupsByID(ctx, []string{"group:rome:M18", "group:rome:nope"})
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "group:rome:M18", *byID["group:rome:M18"], career.OccupationGroup{ID: "group:rome:M18", Dataset: "rome", Code: "M18",
		Name: "Systèmes d'information et de télécommunication", Level: "ROME domaine professionnel", BroaderID: "group:rome:M"})
	equal(t, "unknown group", len(byID), 1)
}

// TestExcerptGroups checks the occupation groups of the excerpts on every backend: the
// excerpts keep the groups of their professions (ISCO 251 holds 2512, 2513, 2514 and 2519 there, by
// name: "Concepteurs et…" before "Programmeurs…").
func TestExcerptGroups(t *testing.T) {
	ctx := context.Background()
	for _, b := range testbackend.Open(t, readExcerpts(t)...) {
		t.Run(b.Name, func(t *testing.T) {
			checkGroups(t, ctx, b.Store)
			narrower, err := b.Store.NarrowerGroups(ctx, []string{"group:esco:251"})
			if err != nil {
				t.Fatal(err)
			}
			equal(t, "narrower of 251", groupNames(narrower["group:esco:251"]), []string{
				"2512 Concepteurs de logiciels",
				"2513 Concepteurs de sites internet et de multimédia",
				"2519 Concepteurs et analystes de logiciels, et concepteurs de multimédia non classés ailleurs",
				"2514 Programmeurs d’applications"})
		})
	}
}

// TestRealDataGroups checks the occupation groups of the full data on every backend: counts
// per dataset (ISCOGroups_fr.csv: 10 major, 43 sub-major, 130 minor, 436 unit groups; ROME: 14
// grands domaines, 110 domaines; O*NET: the 23 major groups the codes of Occupation Data.txt
// start with), and the professions of grand domaine M (208 fiches in unix_cr_gd_dp)
// and of ISCO 25 (69 occupations whose iscoGroup starts with 25), each with its narrower groups,
// and of SOC 15-0000 (38 codes 15-…).
func TestRealDataGroups(t *testing.T) {
	ctx := context.Background()
	for _, b := range testbackend.Open(t, readAll(t)...) {
		t.Run(b.Name, func(t *testing.T) {
			checkGroups(t, ctx, b.Store)
			for ds, want := range map[string]int{"esco": 619, "rome": 124, "onet": 23, "seed": 0} {
				st, err := b.Store.Stats(ctx, ds)
				if err != nil {
					t.Fatal(err)
				}
				equal(t, ds+" groups", st.OccupationGroups, want)
			}
			pages, err := b.Store.GroupProfessions(ctx, []string{"group:rome:M", "group:esco:25", "group:rome:M18", "group:onet:15-0000"}, career.PageArgs{First: 2})
			if err != nil {
				t.Fatal(err)
			}
			equal(t, "M total", pages["group:rome:M"].TotalCount, 208)
			equal(t, "M18 total", pages["group:rome:M18"].TotalCount, 94)
			equal(t, "ISCO 25 total", pages["group:esco:25"].TotalCount, 69)
			equal(t, "SOC 15-0000 total", pages["group:onet:15-0000"].TotalCount, 38)
		})
	}
}
