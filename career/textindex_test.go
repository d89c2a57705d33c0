package career_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/careergraph/careergraph/career"
)

// cardNames are the professions of the seed card (its title and career perspectives).
var cardNames = []struct {
	id    string
	texts []string
}{
	{"p1", []string{"Développeur·euse web back end", "Développeur·euse web"}},
	{"p2", []string{"Développeur·euse web front end"}},
	{"p3", []string{"Développeur·euse web"}},
	{"p4", []string{"Architecte logiciel"}},
	{"p5", []string{"Chef·fe de projet"}},
	{"p6", []string{"Directeur·rice technique informatique"}},
	{"p7", []string{"Développeur·euse d’applications mobiles"}},
	{"p8", []string{"Développeur·euse de logiciels"}},
}

func cardIndex() *career.TextIndex {
	x := career.NewTextIndex()
	for _, n := range cardNames {
		x.Add(n.id, n.texts)
	}
	x.Build()
	return x
}

func TestTextIndexCandidates(t *testing.T) {
	x := cardIndex()
	tests := []struct {
		query string
		want  []string
	}{
		{"d", []string{"p1", "p2", "p3", "p5", "p6", "p7", "p8"}},
		{"développeuse", []string{"p1", "p2", "p3", "p7", "p8"}},
		{"developpeuse back end", []string{"p1"}},
		{"directrice tech", []string{"p6"}},
		{"cheffe de projet", []string{"p5"}},
		{"logiciel", []string{"p4", "p8"}},
		{"euse", []string{"p1", "p2", "p3", "p7", "p8"}}, // the plain fold's tokens are indexed too
		{"mobile web", nil},
		{"  ·  ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			if got := x.Candidates(tt.query); !slices.Equal(got, tt.want) {
				t.Errorf("Candidates(%q) = %q, want %q", tt.query, got, tt.want)
			}
		})
	}
}

func TestTextIndexMatch(t *testing.T) {
	x := cardIndex()
	tests := []struct {
		query string
		want  string
	}{
		{"développeur·euse web", "p3:1 p1:0.9 p2:0.878"},
		{"directrice technique", "p6:0.87"},
		{"cheffe de projet", "p5:1"},
		{"dévelop", "p3:0.254545 p1:0.229091 p8:0.216364 p7:0.197273 p2:0.197273"},
		{"architecte", "p4:0.77"},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			var got []string
			for _, h := range x.Match(tt.query) {
				got = append(got, fmt.Sprintf("%s:%v", h.ID, h.Score))
			}
			if strings.Join(got, " ") != tt.want {
				t.Errorf("Match(%q) = %q, want %q", tt.query, strings.Join(got, " "), tt.want)
			}
		})
	}
	t.Run("scores equal MatchText", func(t *testing.T) {
		for _, h := range x.Match("dév web") {
			for _, n := range cardNames {
				if n.id != h.ID {
					continue
				}
				if s, ok := career.MatchText("dév web", n.texts); !ok || s != h.Score {
					t.Errorf("%s: index %v, MatchText %v %v", h.ID, h.Score, s, ok)
				}
			}
		}
	})
}

func TestTextIndexLifecycle(t *testing.T) {
	t.Run("the zero index is empty", func(t *testing.T) {
		var x career.TextIndex
		if got := x.Candidates("chef"); got != nil {
			t.Errorf("Candidates = %q, want nil", got)
		}
		if got := x.Match("chef"); got != nil {
			t.Errorf("Match = %v, want nil", got)
		}
		x.Add("p1", []string{"Chef·fe de projet"})
		x.Build()
		if got := x.Candidates("chef"); !slices.Equal(got, []string{"p1"}) {
			t.Errorf("Candidates = %q, want [p1]", got)
		}
	})
	t.Run("querying before Build panics", func(t *testing.T) {
		x := career.NewTextIndex()
		x.Add("p1", []string{"Chef·fe de projet"})
		defer func() {
			if recover() == nil {
				t.Error("Candidates before Build did not panic")
			}
		}()
		x.Candidates("chef")
	})
	t.Run("nodes added after Build are found after another Build", func(t *testing.T) {
		x := cardIndex()
		x.Add("p9", []string{"Agent / Agente d'entretien d'ascenseurs"})
		x.Add("p10", []string{"Abatteur / Abatteuse de carrière"})
		x.Build()
		if got := x.Candidates("a"); !slices.Equal(got, []string{"p4", "p7", "p9", "p10"}) {
			t.Errorf("Candidates(a) = %q", got)
		}
		if got := x.Candidates("agente"); !slices.Equal(got, []string{"p9"}) {
			t.Errorf("Candidates(agente) = %q", got)
		}
		if x.Len() != 10 {
			t.Errorf("Len = %d, want 10", x.Len())
		}
	})
}

// romeIndex indexes the ROME appellations under their codes, with their texts by code.
func romeIndex(tb testing.TB) (*career.TextIndex, map[string][]string) {
	tb.Helper()
	x := career.NewTextIndex()
	texts := make(map[string][]string)
	for _, a := range romeAppellations(tb) {
		x.Add(a.Code, a.Texts())
		texts[a.Code] = a.Texts()
	}
	x.Build()
	return x, texts
}

func TestTextIndexOnROME(t *testing.T) {
	x, texts := romeIndex(t)
	top := func(query string, n int) []string {
		var out []string
		for _, h := range x.Match(query) {
			if len(out) == n {
				break
			}
			out = append(out, fmt.Sprintf("%s %v", texts[h.ID][0], h.Score))
		}
		return out
	}
	tests := []struct {
		query       string
		wantMatches int
		wantTop     []string
	}{
		{"boulangère", 9, []string{
			"Boulanger / Boulangère 1",
			"Boulanger industriel / Boulangère industrielle 0.77",
			"Boulanger-pâtissier / Boulangère-pâtissière 0.77",
			"Boulanger-traiteur / Boulangère-traiteuse 0.77",
			"Boulanger-viennoisier / Boulangère-viennoisière 0.77",
			"Aide-boulanger / Aide-boulangère 0.725",
		}},
		{"cheffe de projet", 64, []string{
			"Chef / Cheffe de projet agencement 0.905",
			"Chef / Cheffe de projet agile 0.905",
			"Chef / Cheffe de projet bim 0.905",
		}},
		{"développeuse", 36, []string{
			"Développeur culturel / Développeuse culturelle 0.77",
			"Développeur / Développeuse blockchain 0.77",
			"Développeur / Développeuse data 0.77",
		}},
		{"directrice technique", 14, []string{
			"Directeur / Directrice technique cinéma 0.87",
			"Directeur / Directrice technique pédagogique 0.87",
			"Directeur / Directrice assistance technique 0.855",
			"Directeur / Directrice technique en actuariat 0.83",
		}},
		{"agent d'entretien", 36, []string{
			"Agent / Agente d'entretien d'ascenseurs 0.878",
			"Agent / Agente d'entretien de casernement 0.878",
		}},
		// The short label "Etalonneur(se)-filtreur(se) en dévelop photographique" has the
		// whole word "dévelop": it beats every name where "dévelop" is only a prefix.
		{"dévelop", 185, []string{
			"Etalonneur-filtreur / Etalonneuse-filtreuse en développement photographique 0.5553",
			"Développeur culturel / Développeuse culturelle 0.254545",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			if got := len(x.Match(tt.query)); got != tt.wantMatches {
				t.Errorf("Match(%q) has %d hits, want %d", tt.query, got, tt.wantMatches)
			}
			if got := top(tt.query, len(tt.wantTop)); !slices.Equal(got, tt.wantTop) {
				t.Errorf("Match(%q) starts\n  %q\nwant\n  %q", tt.query, got, tt.wantTop)
			}
		})
	}
	t.Run("a one-letter query", func(t *testing.T) {
		if c, m := len(x.Candidates("d")), len(x.Match("d")); c != 8214 || m != 8214 {
			t.Errorf("d: %d candidates, %d matches; want 8214, 8214", c, m)
		}
	})
}

// TestTextIndexAgreesWithMatchText checks on the ROME appellations that Candidates returns
// exactly the nodes a full-text search on SearchField selects, and that Match returns exactly
// the nodes MatchText accepts, with MatchText's scores.
func TestTextIndexAgreesWithMatchText(t *testing.T) {
	if testing.Short() {
		t.Skip("scores every name for every query; skipped with -short")
	}
	apps := romeAppellations(t)
	x, _ := romeIndex(t)
	fields := make([][]string, len(apps))
	prepared := make([]*career.PreparedTexts, len(apps))
	for i, a := range apps {
		fields[i] = strings.Fields(career.SearchField(a.Texts()))
		prepared[i] = career.PrepareTexts(a.Texts())
	}
	var names [][]string
	for _, a := range apps {
		names = append(names, a.Texts())
	}
	for _, query := range realQueries(names, 1601) {
		q, _ := career.ParseTextQuery(query)
		lucene, _ := career.FullTextQuery(query)
		clauses := parseLucene(t, lucene)
		var wantCandidates []string
		wantScores := make(map[string]float64)
		for i, a := range apps {
			if luceneSelects(clauses, fields[i]) {
				wantCandidates = append(wantCandidates, a.Code)
			}
			if s, ok := q.Match(prepared[i]); ok {
				wantScores[a.Code] = s
			}
		}
		if got := x.Candidates(query); !slices.Equal(got, wantCandidates) {
			t.Errorf("Candidates(%q): %d nodes, want %d", query, len(got), len(wantCandidates))
		}
		hits := x.Match(query)
		if len(hits) != len(wantScores) {
			t.Errorf("Match(%q): %d hits, want %d", query, len(hits), len(wantScores))
		}
		for _, h := range hits {
			if s, ok := wantScores[h.ID]; !ok || s != h.Score {
				t.Errorf("Match(%q): %s scores %v, MatchText %v %v", query, h.ID, h.Score, s, ok)
			}
		}
	}
}

// BenchmarkTextIndexROME indexes the 13,120 ROME appellations (long and short labels) and
// queries them.
func BenchmarkTextIndexROME(b *testing.B) {
	apps := romeAppellations(b)
	b.Run("Build", func(b *testing.B) {
		for b.Loop() {
			x := career.NewTextIndex()
			for _, a := range apps {
				x.Add(a.Code, a.Texts())
			}
			x.Build()
		}
	})
	x, _ := romeIndex(b)
	for _, query := range []string{"d", "dévelop", "boulangère", "cheffe de projet", "agent d'entretien"} {
		b.Run("Candidates/"+query, func(b *testing.B) {
			for b.Loop() {
				x.Candidates(query)
			}
		})
		b.Run("Match/"+query, func(b *testing.B) {
			for b.Loop() {
				x.Match(query)
			}
		})
	}
	b.Run("MatchTextScan/boulangère", func(b *testing.B) {
		for b.Loop() {
			for _, a := range apps {
				career.MatchText("boulangère", a.Texts())
			}
		}
	})
}

// BenchmarkTextIndexLarge indexes about 50,000 real French names: ROME appellations,
// compétences and savoirs, and ESCO occupations with their alternative labels.
func BenchmarkTextIndexLarge(b *testing.B) {
	var nodes [][]string
	for _, a := range romeAppellations(b) {
		nodes = append(nodes, a.Texts())
	}
	for _, row := range readCSV(b, "data", "rome", "unix_referentiel_competence_v460_utf8.csv") {
		nodes = append(nodes, []string{row["libelle_competence"]})
	}
	for _, row := range readCSV(b, "data", "rome", "unix_referentiel_savoir_v460_utf8.csv") {
		nodes = append(nodes, []string{row["libelle_savoir"]})
	}
	nodes = append(nodes, escoOccupations(b)...)
	names := 0
	for _, n := range nodes {
		names += len(n)
	}
	b.Logf("%d nodes, %d names", len(nodes), names)
	build := func() *career.TextIndex {
		x := career.NewTextIndex()
		for i, n := range nodes {
			x.Add(fmt.Sprint(i), n)
		}
		x.Build()
		return x
	}
	b.Run("Build", func(b *testing.B) {
		for b.Loop() {
			build()
		}
	})
	x := build()
	for _, query := range []string{"d", "dévelop", "gestion de projet", "boulangère"} {
		b.Run("Candidates/"+query, func(b *testing.B) {
			for b.Loop() {
				x.Candidates(query)
			}
		})
		b.Run("Match/"+query, func(b *testing.B) {
			for b.Loop() {
				x.Match(query)
			}
		})
	}
}
