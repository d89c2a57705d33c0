package graph_test

import (
	"encoding/json"
	"io"
	"log/slog"
	"slices"
	"testing"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/dataset/registry"
	"github.com/careergraph/careergraph/graph"
	"github.com/careergraph/careergraph/internal/datafiles"
	"github.com/careergraph/careergraph/internal/testbackend"
)

// excerptsWithCrosswalk reads the seed and the excerpts of ROME, ESCO and O*NET as the import
// does (registry.Read): ESCO with the excerpt of the ESCO → O*NET crosswalk beside it.
func excerptsWithCrosswalk(t *testing.T) []*career.Dataset {
	t.Helper()
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	ds := []*career.Dataset{testbackend.Seed(t)}
	for _, name := range []string{"rome", "esco", "onet"} {
		d, err := registry.Read(name, datafiles.Excerpt(t, name), logger)
		if err != nil {
			t.Fatal(err)
		}
		ds = append(ds, d)
	}
	return ds
}

// equivalentQueries select equivalents under planned root fields (profession, node) and
// under the loaders (search): plans leave equivalents to the loaders, so the answers with and
// without plans must be the same, and are the ones below.
var equivalentQueries = []struct{ name, query, want string }{
	{"the seed card reaches ROME, ESCO and O*NET", `{
		profession(id: "profession:seed:developpeur-web-back-end") { name
			equivalents { profession { id name } match source confidence } } }`,
		`{"data":{"profession":{"name":"Développeur·euse web back end","equivalents":[` +
			`{"profession":{"id":"profession:rome:M1855","name":"Développeur / Développeuse web"},"match":"BROAD","source":"curated","confidence":1},` +
			`{"profession":{"id":"profession:esco:c40a2919-48a9-40ea-b506-1f34f693496d","name":"développeur web/développeuse web"},"match":"BROAD","source":"curated","confidence":1},` +
			`{"profession":{"id":"profession:onet:15-1254.00","name":"Web Developers"},"match":"BROAD","source":"curated","confidence":1}]}}}`},
	// The crosswalk's rows 2838-2841 link web developer 2513.5 to 15-1251.00 (not in the O*NET
	// excerpt), 15-1254.00, 15-1255.00 and 15-1299.01: by name, Web Administrators, Web and
	// Digital Interface Designers, Web Developers.
	{"ESCO web developer's O*NET equivalents: the crosswalk, and the seed's link read back", `{
		node(id: "profession:esco:c40a2919-48a9-40ea-b506-1f34f693496d") { ... on Profession {
			onet: equivalents(dataset: "onet") { profession { code } match source }
			seed: equivalents(dataset: "seed") { profession { code } match } } } }`,
		`{"data":{"node":{"onet":[` +
			`{"profession":{"code":"15-1299.01"},"match":null,"source":"O*NET-SOC 2019 crosswalk"},` +
			`{"profession":{"code":"15-1255.00"},"match":null,"source":"O*NET-SOC 2019 crosswalk"},` +
			`{"profession":{"code":"15-1254.00"},"match":null,"source":"O*NET-SOC 2019 crosswalk"}],` +
			`"seed":[{"profession":{"code":"developpeur-web"},"match":"EXACT"},` +
			`{"profession":{"code":"developpeur-web-back-end"},"match":"NARROW"},` +
			`{"profession":{"code":"developpeur-web-front-end"},"match":"NARROW"}]}}}`},
	{"an unknown dataset", `{ profession(id: "profession:seed:developpeur-web") { equivalents(dataset: "nope") { source } } }`,
		`{"errors":[{"message":"dataset \"nope\" is not loaded; loaded: esco, onet, rome, seed","path":["profession","equivalents"],"locations":[{"line":1,"column":55}],"extensions":{"code":"BAD_USER_INPUT"}}],"data":{"profession":null}}`},
	// The seed's web developer stands in O*NET for 15-1254.00 itself (curated, EXACT): coverage
	// 1; the project lead has no O*NET equivalent loaded; within the seed, 3 of the architect's
	// 7 essential skills are the web developer's, as before.
	{"skill gap across datasets says what it compared", `{
		skillGap(from: "profession:seed:developpeur-web", to: "profession:onet:15-1254.00") { basis comparedThrough { id } coverage }
		none: skillGap(from: "profession:seed:chef-de-projet", to: "profession:onet:15-1254.00") { basis comparedThrough { id } }
		same: skillGap(from: "profession:seed:developpeur-web", to: "profession:seed:architecte-logiciel") { basis comparedThrough { id } coverage } }`,
		`{"data":{"skillGap":{"basis":"EQUIVALENTS","comparedThrough":[{"id":"profession:onet:15-1254.00"}],"coverage":1},` +
			`"none":{"basis":"NO_COMMON_BASIS","comparedThrough":[]},` +
			`"same":{"basis":"SAME_DATASET","comparedThrough":[],"coverage":0.42857142857142855}}}`},
	// The excerpts' links: 14 curated (seed/README.md), 8 computed ROME → ESCO, and 24 of the
	// crosswalk's 76 that reach an occupation of the O*NET excerpt (counted in its rows): ESCO
	// 24 + 8 + 6 curated, O*NET 24 + 3, ROME 8 + 5.
	{"stats and datasets count the equivalences by source", `{
		stats { equivalences equivalencesBySource { source count } }
		esco: stats(dataset: "esco") { equivalences }
		datasets { name equivalences } }`,
		`{"data":{"stats":{"equivalences":46,"equivalencesBySource":[{"source":"O*NET-SOC 2019 crosswalk","count":24},` +
			`{"source":"computed: same alternative title","count":3},{"source":"computed: same title","count":5},{"source":"curated","count":14}]},` +
			`"esco":{"equivalences":38},"datasets":[{"name":"esco","equivalences":38},{"name":"onet","equivalences":27},` +
			`{"name":"rome","equivalences":13},{"name":"seed","equivalences":14}]}}`},
	{"matchProfessions with skills of another dataset says why nothing matches", `{
		matchProfessions(skills: ["skill:seed:connaitre-bases-de-donnees"], dataset: "onet") { score } }`,
		`{"errors":[{"message":"matchProfessions compares skills and tools within one dataset: none of the skills and tools given is of dataset \"onet\" (they are of seed); give skills of onet, or leave out dataset","path":["matchProfessions"],"locations":[{"line":2,"column":3}],"extensions":{"code":"BAD_USER_INPUT"}}],"data":null}`},
}

// TestEquivalents runs equivalentQueries and matchScoreQueries on both backends holding the
// seed and the excerpts, with plans and without.
func TestEquivalents(t *testing.T) {
	for _, b := range testbackend.Open(t, excerptsWithCrosswalk(t)...) {
		t.Run(b.Name, func(t *testing.T) {
			logger := slog.New(slog.NewTextHandler(io.Discard, nil))
			planned := graph.NewHandler(b.Store, graph.Options{Logger: logger})
			unplanned := graph.NewHandler(b.Store, graph.Options{Logger: logger, NoPlans: true})
			for _, q := range slices.Concat(equivalentQueries, matchScoreQueries) {
				t.Run(q.name, func(t *testing.T) {
					got := withoutExtensions(t, postQuery(t, planned, q.query, nil))
					if got != q.want {
						t.Errorf("with plans:\n%s\nwant:\n%s", got, q.want)
					}
					if got := withoutExtensions(t, postQuery(t, unplanned, q.query, nil)); got != q.want {
						t.Errorf("without plans:\n%s\nwant:\n%s", got, q.want)
					}
				})
			}
		})
	}
}

// withoutExtensions drops the extensions (the cost) of a response postQuery returned.
func withoutExtensions(t *testing.T, body string) string {
	t.Helper()
	var resp struct {
		Errors []json.RawMessage `json:"errors,omitempty"`
		Data   json.RawMessage   `json:"data"`
	}
	if err := json.Unmarshal([]byte(body), &resp); err != nil {
		t.Fatal(err)
	}
	out, err := json.Marshal(resp)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}
