package graph_test

import (
	"encoding/json"
	"io"
	"log/slog"
	"testing"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/dataset/esco"
	"github.com/careergraph/careergraph/dataset/onet"
	"github.com/careergraph/careergraph/dataset/rome"
	"github.com/careergraph/careergraph/graph"
	"github.com/careergraph/careergraph/internal/datafiles"
	"github.com/careergraph/careergraph/internal/testbackend"
)

// excerptDatasets reads the seed and the committed excerpts of ROME, ESCO and O*NET.
func excerptDatasets(t *testing.T) []*career.Dataset {
	t.Helper()
	ds := []*career.Dataset{testbackend.Seed(t)}
	for _, r := range []struct {
		name string
		read func(dir string) (*career.Dataset, error)
	}{
		{"rome", func(dir string) (*career.Dataset, error) { d, _, err := rome.Read(dir); return d, err }},
		{"esco", func(dir string) (*career.Dataset, error) { d, _, err := esco.Read(dir); return d, err }},
		{"onet", func(dir string) (*career.Dataset, error) { d, _, err := onet.Read(dir); return d, err }},
	} {
		d, err := r.read(datafiles.Excerpt(t, r.name))
		if err != nil {
			t.Fatalf("read the %s excerpt: %v", r.name, err)
		}
		ds = append(ds, d)
	}
	return ds
}

// interestQueries are queries of interest codes, work contexts and languages with their exact
// answers on the excerpts, the values read from the raw files: M1805 "I","C" in
// unix_referentiel_code_rome_riasec and its bloc-6 links; ESCO's web developer in
// occupations_fr.csv and occupations_en.csv; O*NET's high-points in Interests.txt.
var interestQueries = []struct {
	name, query, want string
}{
	{"a ROME fiche: its code, its work contexts in order, one language",
		`{ profession(id: "profession:rome:M1805") { riasec workContexts languages en: name(lang: "en") } }`,
		`{"data":{"profession":{"riasec":"IC","workContexts":["Possibilité de télétravail","Travail en journée","Station assise prolongée",` +
			`"Salarié secteur privé (CDI, CDD)","Salarié secteur public","Travailleur indépendant","Travail en mode projet"],` +
			`"languages":["fr"],"en":"Développeur / Développeuse informatique"}}}`},
	{"ESCO's web developer in French and English",
		`{ profession(id: "profession:esco:c40a2919-48a9-40ea-b506-1f34f693496d") {
			name fr: name(lang: "fr") en: name(lang: "en") EN: name(lang: "EN") de: name(lang: "de")
			summary(lang: "en") riasec workContexts languages } }`,
		`{"data":{"profession":{"name":"développeur web/développeuse web","fr":"développeur web/développeuse web","en":"web developer",` +
			`"EN":"web developer","de":"développeur web/développeuse web","summary":"Web developers develop, implement and document ` +
			`web-accessible software based on the designs provided. They align the client's web presence with its business strategy, ` +
			`troubleshoot software problems and issues and look for ways to improve the application.","riasec":null,"workContexts":[],"languages":["fr","en"]}}}`},
	{"an ESCO skill in English, in a list the plans would answer",
		`{ nodes(ids: ["skill:esco:001115fb-569f-4ee6-8381-c6807ef2527f"]) { ... on Skill { name en: name(lang: "en") } } }`,
		`{"data":{"nodes":[{"name":"faire preuve d’initiative","en":"show initiative"}]}}`},
	{"O*NET Web Developers: its high-points",
		`{ profession(dataset: "onet", code: "15-1254.00") { name riasec languages } }`,
		`{"data":{"profession":{"name":"Web Developers","riasec":"CI","languages":["en"]}}}`},
	{"the seed has no code",
		`{ profession(id: "profession:seed:developpeur-web-back-end") { riasec workContexts } }`,
		`{"data":{"profession":{"riasec":null,"workContexts":[]}}}`},
	// The excerpt's eight codes that begin with C then I score 1, by title (Actuaries CIE, …);
	// then "C" first without I, 22/27: Desktop Publishers 6, 3, 0 and Interpreters and
	// Translators 6, 3, 4.
	{"matchInterests: best first, then by name",
		`{ matchInterests(riasec: "ci", dataset: "onet", first: 10) { score profession { code riasec } matchedSkills { name } missingSkills { name } } }`,
		`{"data":{"matchInterests":[` + match(1, "15-2011.00", "CIE") + "," + match(1, "15-1299.07", "CI") + "," +
			match(1, "15-1231.00", "CIR") + "," + match(1, "15-1243.01", "CI") + "," + match(1, "15-1299.03", "CI") + "," +
			match(1, "15-1299.05", "CIR") + "," + match(1, "15-1299.01", "CIE") + "," + match(1, "15-1254.00", "CI") + "," +
			match(0.8148148148148148, "43-9031.00", "CA") + "," + match(0.8148148148148148, "27-3091.00", "CAS") + `]}}`},
	{"matchInterests: a code that is not one",
		`{ matchInterests(riasec: "CIX") { score } }`,
		`{"errors":[{"message":"riasec \"CIX\": \"X\" is not a RIASEC letter; want 1 to 3 distinct letters of RIASEC (strongest first, e.g. \"IRC\")",` +
			`"path":["matchInterests"],"locations":[{"line":1,"column":3}],"extensions":{"code":"BAD_USER_INPUT"}}],"data":null}`},
	{"matchInterests: first out of range",
		`{ matchInterests(riasec: "R", first: 51) { score } }`,
		`{"errors":[{"message":"first must be between 1 and 50, got 51","path":["matchInterests"],"locations":[{"line":1,"column":3}],` +
			`"extensions":{"code":"BAD_USER_INPUT"}}],"data":null}`},
	{"search finds ESCO's web developer by its English name",
		`{ search(text: "web developer", dataset: "esco", first: 2) { score node { id ... on Profession { name } } } }`,
		`{"data":{"search":[{"score":0.9,"node":{"id":"profession:esco:c40a2919-48a9-40ea-b506-1f34f693496d","name":"développeur web/développeuse web"}}]}}`},
}

// match is one item of matchInterests' answer in interestQueries.
func match(score float64, code, riasec string) string {
	s, _ := json.Marshal(score)
	return `{"score":` + string(s) + `,"profession":{"code":"` + code + `","riasec":"` + riasec + `"},"matchedSkills":[],"missingSkills":[]}`
}

// TestInterestsAndLanguages runs interestQueries on both backends, with plans and without.
func TestInterestsAndLanguages(t *testing.T) {
	for _, b := range testbackend.Open(t, excerptDatasets(t)...) {
		t.Run(b.Name, func(t *testing.T) {
			logger := slog.New(slog.NewTextHandler(io.Discard, nil))
			planned := graph.NewHandler(b.Store, graph.Options{Logger: logger})
			unplanned := graph.NewHandler(b.Store, graph.Options{Logger: logger, NoPlans: true})
			for _, q := range interestQueries {
				t.Run(q.name, func(t *testing.T) {
					got := withoutExtensions(t, postQuery(t, planned, q.query, nil))
					if got != q.want {
						t.Errorf("got  %s\nwant %s", got, q.want)
					}
					if loaders := withoutExtensions(t, postQuery(t, unplanned, q.query, nil)); loaders != got {
						t.Errorf("without plans %s\nwith plans    %s", loaders, got)
					}
				})
			}
		})
	}
}
