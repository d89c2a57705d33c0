package neo4jstore_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/internal/testbackend"
	neo4jstore "github.com/careergraph/careergraph/store/neo4j"
)

// cypher runs a read query on the test database through a driver of its own, to look at the
// graph as it is stored.
func cypher(t *testing.T, query string, params map[string]any) []map[string]any {
	t.Helper()
	cfg := testbackend.Neo4jConfig()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	driver, err := neo4j.NewDriverWithContext(cfg.URI, neo4j.BasicAuth(cfg.User, cfg.Password, ""))
	if err != nil {
		t.Fatalf("driver: %v", err)
	}
	defer driver.Close(ctx)
	res, err := neo4j.ExecuteQuery(ctx, driver, query, params, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(cfg.Database), neo4j.ExecuteQueryWithReadersRouting())
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	out := make([]map[string]any, len(res.Records))
	for i, r := range res.Records {
		out[i] = r.AsMap()
	}
	return out
}

// graphCounts counts a dataset's nodes by label and its professions' relationships by type.
func graphCounts(t *testing.T, dataset string) map[string]int64 {
	t.Helper()
	out := make(map[string]int64)
	for _, r := range cypher(t, "MATCH (n {dataset: $ds}) UNWIND labels(n) AS l RETURN l AS k, count(*) AS n", map[string]any{"ds": dataset}) {
		out[r["k"].(string)] = r["n"].(int64)
	}
	for _, r := range cypher(t, "MATCH (:Profession {dataset: $ds})-[e]->() RETURN type(e) AS k, count(*) AS n", map[string]any{"ds": dataset}) {
		out[r["k"].(string)] = r["n"].(int64)
	}
	for _, r := range cypher(t, "MATCH (d:Dataset {name: $ds}) RETURN count(d) AS n", map[string]any{"ds": dataset}) {
		out["Dataset"] = r["n"].(int64)
	}
	return out
}

// fixtureCounts are graphCounts of the fixture.
var fixtureCounts = map[string]int64{
	"Profession": 6, "Skill": 5, "Tool": 3, "Training": 3, "Dataset": 1,
	"REQUIRES": 10, "HAS_QUALITY": 1, "USES": 7, "TRAINED_BY": 4, "NEXT": 5, "SPECIALIZES": 2,
}

func ctxT(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	return ctx
}

func TestOpenWhenNeo4jIsDown(t *testing.T) {
	ctx := ctxT(t)
	s, err := neo4jstore.Open(ctx, neo4jstore.Config{
		URI: "bolt://127.0.0.1:1", Password: "secret-password", MaxRetryTime: 500 * time.Millisecond,
	})
	if err != nil {
		t.Fatalf("Open with Neo4j down: %v, want success (the driver is lazy)", err)
	}
	t.Cleanup(func() { s.Close(ctx) })
	calls := map[string]func() error{
		"Ping": func() error { return s.Ping(ctx) },
		"ProfessionsByID": func() error {
			_, err := s.ProfessionsByID(ctx, []string{pBack})
			return err
		},
		"Search": func() error {
			_, err := s.Search(ctx, career.SearchQuery{Text: "dev", First: 5})
			return err
		},
		"Load":         func() error { return s.Load(ctx, fixture()) },
		"EnsureSchema": func() error { return s.EnsureSchema(ctx) },
	}
	for name, call := range calls {
		t.Run(name+" is UNAVAILABLE", func(t *testing.T) {
			t.Parallel()
			start := time.Now()
			err := call()
			if got := career.ErrorCode(err); got != career.EUNAVAILABLE {
				t.Fatalf("error %v has code %q, want %q", err, got, career.EUNAVAILABLE)
			}
			if msg := career.ErrorMessage(err); msg != "the database is unavailable; try again later" {
				t.Errorf("message %q", msg)
			}
			if strings.Contains(err.Error(), "secret-password") {
				t.Errorf("error %q shows the password", err)
			}
			if d := time.Since(start); d > 10*time.Second {
				t.Errorf("took %v to report a closed port", d)
			}
		})
	}
	t.Run("config masks the password", func(t *testing.T) {
		got := neo4jstore.Config{URI: "bolt://h:1", User: "neo4j", Password: "secret-password", Database: "neo4j"}.String()
		if want := "neo4j uri=bolt://h:1 user=neo4j password=*** database=neo4j"; got != want {
			t.Errorf("String() = %q, want %q", got, want)
		}
	})
}

func TestEnsureSchemaIsIdempotent(t *testing.T) {
	s := testbackend.OpenNeo4j(t) // applies the schema once
	indexes := func() []string {
		var names []string
		for _, r := range cypher(t, "SHOW INDEXES YIELD name, state, type WHERE type <> 'LOOKUP' RETURN name, state ORDER BY name", nil) {
			names = append(names, fmt.Sprintf("%s:%s", r["name"], r["state"]))
		}
		return names
	}
	before := indexes()
	if err := s.EnsureSchema(ctxT(t)); err != nil {
		t.Fatalf("second EnsureSchema: %v", err)
	}
	after := indexes()
	if !reflect.DeepEqual(before, after) {
		t.Errorf("indexes changed:\n before %v\n after %v", before, after)
	}
	// Five labels (OccupationGroup among them) × (id constraint, dataset, sortKey,
	// dataset+sortKey), the dataset name constraint, six filter indexes (riasec among them),
	// the three equivalence indexes (from, to, dataset) and the full-text index, every one
	// online.
	if len(after) != 31 {
		t.Errorf("%d indexes, want 31: %v", len(after), after)
	}
	for _, ix := range after {
		if !strings.HasSuffix(ix, ":ONLINE") {
			t.Errorf("index %s is not online", ix)
		}
	}
	ft := cypher(t, "SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties, options RETURN name, labelsOrTypes, properties, options.indexConfig['fulltext.analyzer'] AS analyzer", nil)
	if len(ft) != 1 || ft[0]["name"] != neo4jstore.FullTextIndex || ft[0]["analyzer"] != "whitespace" ||
		!reflect.DeepEqual(ft[0]["labelsOrTypes"], []any{"Profession", "Skill", "Tool", "Training", "OccupationGroup"}) ||
		!reflect.DeepEqual(ft[0]["properties"], []any{"searchText"}) {
		t.Errorf("full-text indexes: %v", ft)
	}
}

func TestLoad(t *testing.T) {
	s := testbackend.OpenNeo4j(t)
	ctx := ctxT(t)
	testbackend.LoadNeo4j(t, s)

	t.Run("first load stores every node and link", func(t *testing.T) {
		if err := s.Load(ctx, fixture()); err != nil {
			t.Fatal(err)
		}
		if got := graphCounts(t, fixtureName); !reflect.DeepEqual(got, fixtureCounts) {
			t.Errorf("counts %v, want %v", got, fixtureCounts)
		}
	})
	t.Run("second load changes nothing", func(t *testing.T) {
		if err := s.Load(ctx, fixture()); err != nil {
			t.Fatal(err)
		}
		if got := graphCounts(t, fixtureName); !reflect.DeepEqual(got, fixtureCounts) {
			t.Errorf("counts %v, want %v", got, fixtureCounts)
		}
		got, err := s.Requirements(ctx, []string{pBack})
		if err != nil {
			t.Fatal(err)
		}
		if ids := skillIDs(got[pBack]); !reflect.DeepEqual(ids, []string{sPHP, sRig, sDB}) {
			t.Errorf("requirements %v", ids)
		}
	})
	t.Run("stores searchText and sortKey", func(t *testing.T) {
		rows := cypher(t, "MATCH (p:Profession {id: $id}) RETURN p.searchText AS st, p.sortKey AS sk", map[string]any{"id": pCTO})
		if len(rows) != 1 || rows[0]["st"] != "directeur technique directrice rice" || rows[0]["sk"] != "directeur rice technique" {
			t.Errorf("got %v", rows)
		}
	})
	t.Run("reload with less removes what is gone", func(t *testing.T) {
		d := fixture()
		d.Professions = d.Professions[:4] // without cto and elec
		d.Skills = d.Skills[:3]           // without team and js
		d.Requirements = []career.Requirement{
			{ProfessionID: pBack, SkillID: sDB, Importance: career.Essential},
			{ProfessionID: pArch, SkillID: sPHP, Importance: career.Optional},
		}
		d.ToolUses = d.ToolUses[:2]
		d.TrainingLinks = nil
		d.Moves = d.Moves[:1]
		d.Professions[0].SpecializationOf = ""
		d.Professions[0].AlternativeNames = nil
		d.Professions[0].Name = "Développeur·euse back end"
		if err := s.Load(ctx, d); err != nil {
			t.Fatal(err)
		}
		want := map[string]int64{
			"Profession": 4, "Skill": 3, "Tool": 3, "Training": 3, "Dataset": 1,
			"REQUIRES": 2, "HAS_QUALITY": 1, "USES": 2, "NEXT": 1, "SPECIALIZES": 1,
		}
		if got := graphCounts(t, fixtureName); !reflect.DeepEqual(got, want) {
			t.Errorf("counts %v, want %v", got, want)
		}
		ps, err := s.ProfessionsByID(ctx, []string{pBack, pCTO})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(ps, map[string]*career.Profession{pBack: &d.Professions[0]}) {
			t.Errorf("ProfessionsByID = %v", ps)
		}
		if hits, err := s.Search(ctx, career.SearchQuery{Text: "programmeuse", First: 5}); err != nil || len(hits) != 0 {
			t.Errorf("search for a removed alternative name: %v, %v", hits, err)
		}
	})
	t.Run("restores the full fixture", func(t *testing.T) {
		if err := s.Load(ctx, fixture()); err != nil {
			t.Fatal(err)
		}
		if got := graphCounts(t, fixtureName); !reflect.DeepEqual(got, fixtureCounts) {
			t.Errorf("counts %v, want %v", got, fixtureCounts)
		}
	})
}

// newVersion is the fixture renamed, with one more profession: what a failed load must not show.
func newVersion() *career.Dataset {
	d := fixture()
	d.Info.Version = "2"
	d.Professions[4].Name = "Directeur·rice technique (v2)"
	d.Professions = append(d.Professions, career.Profession{
		ID: fid(career.KindProfession, "new"), Dataset: fixtureName, Code: "new", Name: "Nouveau métier",
	})
	return d
}

// assertFixtureIntact checks that Neo4j holds the fixture's first version, untouched.
func assertFixtureIntact(t *testing.T, s *neo4jstore.Store) {
	t.Helper()
	ctx := ctxT(t)
	if got := graphCounts(t, fixtureName); !reflect.DeepEqual(got, fixtureCounts) {
		t.Errorf("counts %v, want %v", got, fixtureCounts)
	}
	infos, err := s.Datasets(ctx)
	if err != nil || len(infos) != 1 || infos[0].Version != "1" || infos[0].Professions != 6 {
		t.Errorf("Datasets() = %+v, %v", infos, err)
	}
	p, err := s.ProfessionByCode(ctx, fixtureName, "cto")
	if err != nil || p == nil || p.Name != "Directeur·rice technique" {
		t.Errorf("cto = %+v, %v", p, err)
	}
}

func TestFailedLoadKeepsThePreviousVersion(t *testing.T) {
	shared := testbackend.OpenNeo4j(t)
	testbackend.LoadNeo4j(t, shared, fixture())
	cfg := testbackend.Neo4jConfig()
	cfg.BatchSize = 2 // many batches, so that the failure comes after some were written

	t.Run("a link to a missing node fails the load after valid batches", func(t *testing.T) {
		var queries atomic.Int64
		cfg := cfg
		cfg.OnQuery = func() { queries.Add(1) }
		s, err := neo4jstore.Open(ctxT(t), cfg)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close(context.Background())
		d := newVersion()
		d.Requirements = append(d.Requirements, career.Requirement{
			ProfessionID: pCTO, SkillID: fid(career.KindSkill, "missing"), Importance: career.Essential,
		})
		err = s.Load(ctxT(t), d)
		if err == nil || !strings.Contains(err.Error(), "1 of 1 requirements point at nodes missing from dataset") {
			t.Fatalf("Load = %v, want a missing-node error", err)
		}
		// dataset 1 + nodes 4+3+2+2 + requirements 6 (the 6th batch fails) = 18 queries
		if n := queries.Load(); n != 18 {
			t.Errorf("%d queries up to the failure, want 18", n)
		}
		assertFixtureIntact(t, shared)
	})
	t.Run("a cancelled load leaves the previous version", func(t *testing.T) {
		ctx, cancel := context.WithCancel(ctxT(t))
		var queries atomic.Int64
		cfg := cfg
		cfg.OnQuery = func() {
			if queries.Add(1) == 8 {
				cancel()
			}
		}
		s, err := neo4jstore.Open(ctx, cfg)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close(context.Background())
		err = s.Load(ctx, newVersion())
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("Load = %v, want context.Canceled", err)
		}
		assertFixtureIntact(t, shared)
	})
	t.Run("a load past its deadline leaves the previous version", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), time.Nanosecond)
		defer cancel()
		<-ctx.Done()
		err := shared.Load(ctx, newVersion())
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("Load = %v, want context.DeadlineExceeded", err)
		}
		assertFixtureIntact(t, shared)
	})
	t.Run("a node of another dataset is refused", func(t *testing.T) {
		d := newVersion()
		d.Tools[0].Dataset = "other"
		if err := shared.Load(ctxT(t), d); err == nil || !strings.Contains(err.Error(), `belongs to dataset "other"`) {
			t.Fatalf("Load = %v", err)
		}
		assertFixtureIntact(t, shared)
	})
}

func TestContextReachesQueries(t *testing.T) {
	s := testbackend.OpenNeo4j(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.ProfessionsByID(ctx, []string{pBack}); !errors.Is(err, context.Canceled) || career.ErrorCode(err) != career.EINTERNAL {
		t.Errorf("cancelled: %v (code %s), want context.Canceled", err, career.ErrorCode(err))
	}
	ctx, cancel = context.WithTimeout(context.Background(), time.Nanosecond)
	defer cancel()
	<-ctx.Done()
	if _, err := s.CareerPaths(ctx, pBack, pCTO, 4, 5); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("past deadline: %v, want context.DeadlineExceeded", err)
	}
}

func TestRoundTrips(t *testing.T) {
	shared := testbackend.OpenNeo4j(t)
	testbackend.LoadNeo4j(t, shared, fixture())
	var hook atomic.Int64
	cfg := testbackend.Neo4jConfig()
	cfg.OnQuery = func() { hook.Add(1) }
	s, err := neo4jstore.Open(ctxT(t), cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close(context.Background())
	ctx := ctxT(t)
	all := []string{pBack, pWeb, pFront, pArch, pCTO, pElec}
	calls := []struct {
		name string
		call func() error
		want int64
	}{
		{"ProfessionsByID of 6", func() error { _, err := s.ProfessionsByID(ctx, all); return err }, 1},
		{"Requirements of 6", func() error { _, err := s.Requirements(ctx, all); return err }, 1},
		{"NextCareers of 6", func() error { _, err := s.NextCareers(ctx, all); return err }, 1},
		{"PreviousCareers of 6", func() error { _, err := s.PreviousCareers(ctx, all); return err }, 1},
		{"ProfessionsLinkedTo of 4", func() error {
			_, err := s.ProfessionsLinkedTo(ctx, []string{sPHP, sDB, tGit, fMaster}, "", career.PageArgs{First: 2})
			return err
		}, 1},
		{"ListProfessions with text", func() error {
			_, err := s.ListProfessions(ctx, career.ProfessionFilter{Text: "dev"}, career.PageArgs{First: 2})
			return err
		}, 1},
		{"Search", func() error { _, err := s.Search(ctx, career.SearchQuery{Text: "dev", First: 2}); return err }, 1},
		// Traversals send one short query per level of their walk: the ends, the levels back from
		// `to` and forward from `from` that the fixture has, and the professions found.
		{"CareerPaths", func() error { _, err := s.CareerPaths(ctx, pBack, pCTO, 6, 5); return err }, 7},
		{"CareerProgression", func() error { _, err := s.CareerProgression(ctx, pBack, 6, 5); return err }, 5},
		// MatchProfessions counts the candidates, ranks them with career.RankMatches and reads
		// the first with their requirements.
		{"MatchProfessions", func() error {
			_, err := s.MatchProfessions(ctx, career.MatchQuery{SkillIDs: []string{sPHP}, First: 5})
			return err
		}, 2},
		// Load and Drop end with one read of the bounds of the data. The fixture's skill graph
		// is its co-required skills (skill facets) and the removal of stale skill links; the
		// load also removes stale group links, equivalences and group nodes (it has none), and
		// Drop deletes the dataset's equivalences and groups.
		{"Load of the fixture", func() error { return s.Load(ctx, fixture()) }, 22},
		{"Drop of an absent dataset", func() error { return s.Drop(ctx, "absent") }, 8},
		// Warm plans the lookup by ID and the two level queries over the dataset's own moves,
		// then over own and inferred moves.
		{"Warm", func() error { return s.Warm(ctx) }, 5},
	}
	for _, c := range calls {
		t.Run(c.name, func(t *testing.T) {
			before, hookBefore := s.QueryCount(), hook.Load()
			if err := c.call(); err != nil {
				t.Fatal(err)
			}
			if got := s.QueryCount() - before; got != c.want {
				t.Errorf("%d round trips, want %d", got, c.want)
			}
			if got := hook.Load() - hookBefore; got != c.want {
				t.Errorf("OnQuery called %d times, want %d", got, c.want)
			}
		})
	}
}

func skillIDs(reqs []career.SkillRequirement) []string {
	out := []string{}
	for _, r := range reqs {
		out = append(out, r.Skill.ID)
	}
	return out
}
