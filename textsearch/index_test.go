package textsearch_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/textsearch"
	"github.com/careergraph/careergraph/textsearch/textsearchtest"
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

// ranked orders hits as the stores rank search results (career.SortRanked: score descending,
// then sort key, then ID).
func ranked(hits []textsearch.Hit) []textsearch.Hit {
	career.SortRanked(hits, func(h textsearch.Hit) career.Ranked {
		return career.Ranked{Score: h.Score, SortKey: h.Folded, ID: h.ID}
	})
	return hits
}

func cardIndex() *textsearch.Index {
	x := textsearch.NewIndex()
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
		{"développeur·euse web", "p3:1 p1:0.925 p2:0.878"},
		{"directrice technique", "p6:0.87"},
		{"cheffe de projet", "p5:1"},
		{"dévelop", "p3:0.254545 p1:0.229091 p8:0.216364 p7:0.197273 p2:0.197273"},
		{"architecte", "p4:0.77"},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			var got []string
			for _, h := range ranked(x.Match(tt.query)) {
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
				if s, ok := textsearch.MatchText("dév web", n.texts); !ok || s != h.Score {
					t.Errorf("%s: index %v, MatchText %v %v", h.ID, h.Score, s, ok)
				}
			}
		}
	})
}

func TestTextIndexLifecycle(t *testing.T) {
	t.Run("the zero index is empty", func(t *testing.T) {
		var x textsearch.Index
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
		x := textsearch.NewIndex()
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
func romeIndex(tb testing.TB) (*textsearch.Index, map[string][]string) {
	tb.Helper()
	x := textsearch.NewIndex()
	texts := make(map[string][]string)
	for _, a := range textsearchtest.RomeAppellations(tb) {
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
		for _, h := range ranked(x.Match(query)) {
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
			// Two of its titles name "boulangère" as a whole word (textsearch's several-titles rule).
			"Boulanger-pâtissier-traiteur / Boulangère-pâtissière-traiteuse 0.7825",
			"Boulanger industriel / Boulangère industrielle 0.77",
			"Boulanger-pâtissier / Boulangère-pâtissière 0.77",
			"Boulanger-traiteur / Boulangère-traiteuse 0.77",
			"Boulanger-viennoisier / Boulangère-viennoisière 0.77",
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
			"Directeur / Directrice technique de l'administration pénitentiaire 0.8425",
		}},
		{"agent d'entretien", 36, []string{
			"Agent / Agente d'entretien des espaces verts 0.895",
			"Agent / Agente d'entretien des installations d'infrastructures 0.885357",
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

// BenchmarkTextIndexROME indexes the 13,120 ROME appellations (long and short labels) and
// queries them.
func BenchmarkTextIndexROME(b *testing.B) {
	apps := textsearchtest.RomeAppellations(b)
	b.Run("Build", func(b *testing.B) {
		for b.Loop() {
			x := textsearch.NewIndex()
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
				textsearch.MatchText("boulangère", a.Texts())
			}
		}
	})
}

// BenchmarkTextIndexLarge indexes about 50,000 real French names: ROME appellations,
// compétences and savoirs, and ESCO occupations with their alternative labels.
func BenchmarkTextIndexLarge(b *testing.B) {
	var nodes [][]string
	for _, a := range textsearchtest.RomeAppellations(b) {
		nodes = append(nodes, a.Texts())
	}
	for _, row := range textsearchtest.ReadCSV(b, "data", "rome", "unix_referentiel_competence_v460_utf8.csv") {
		nodes = append(nodes, []string{row["libelle_competence"]})
	}
	for _, row := range textsearchtest.ReadCSV(b, "data", "rome", "unix_referentiel_savoir_v460_utf8.csv") {
		nodes = append(nodes, []string{row["libelle_savoir"]})
	}
	nodes = append(nodes, textsearchtest.EscoOccupations(b)...)
	names := 0
	for _, n := range nodes {
		names += len(n)
	}
	b.Logf("%d nodes, %d names", len(nodes), names)
	build := func() *textsearch.Index {
		x := textsearch.NewIndex()
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
	// Search corrects typos: the query words of 5 letters or more scan the dictionary.
	for _, query := range []string{"dévelop", "boulangère", "developeur web", "boulangr", "electricain"} {
		b.Run("Search/"+query, func(b *testing.B) {
			for b.Loop() {
				if _, err := x.SearchStopping(career.NewStopper(context.Background(), "search"), query); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func TestTextIndexPrefixesAreThoseOfAPrefixCounter(t *testing.T) {
	x := textsearch.NewIndex()
	var c career.PrefixCounter
	for _, n := range cardNames {
		x.Add(n.id, n.texts)
		c.AddNode(textsearch.Words(n.texts))
	}
	x.Build()
	var fromIndex, fromCounter career.Bounds
	var words career.PrefixCounter
	x.EachWord(words.AddWord)
	words.SetText(&fromIndex)
	c.SetText(&fromCounter)
	if !reflect.DeepEqual(fromIndex, fromCounter) {
		t.Errorf("index %v\ncounter %v", fromIndex.TextPrefixes, fromCounter.TextPrefixes)
	}
	// Five names have "Développeur·euse": the words developpeur and developpeuse each.
	if got := fromIndex.WordPostings("developpeuse"); got != 10 {
		t.Errorf(`"developpeuse" reads %d postings, want 10`, got)
	}
}

// expired returns a context whose deadline has passed.
func expired(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := context.WithDeadline(context.Background(), time.Unix(0, 0))
	t.Cleanup(cancel)
	return ctx
}

func TestTextIndexMatchContext(t *testing.T) {
	x, texts := romeIndex(t)
	t.Run("stops when the request is over", func(t *testing.T) {
		hits, err := x.MatchStopping(career.NewStopper(expired(t), "search"), "d")
		if hits != nil || !errors.Is(err, context.DeadlineExceeded) || err.Error() != "search stopped: context deadline exceeded" {
			t.Errorf("got %d hits, %v; want none and search stopped: context deadline exceeded", len(hits), err)
		}
	})
	// A word repeated, or a prefix of another word of the query, adds nothing to the
	// candidates: the index skips it, and the scores stay MatchText's.
	for _, tc := range []struct {
		query, sameCandidatesAs string
		wantHits                int
	}{
		{"d d d d d d d d d d d d d d d d d d d d", "d", 8214},
		{"d dé dév dévelop développeuse", "développeuse", 36},
		{"agent a ag d'entretien e", "agent entretien", 36},
		{"chef c cheffe projet p", "cheffe projet", 64},
	} {
		t.Run(tc.query, func(t *testing.T) {
			if got, want := x.Candidates(tc.query), x.Candidates(tc.sameCandidatesAs); !slices.Equal(got, want) {
				t.Errorf("Candidates(%q): %d nodes, want those of %q: %d", tc.query, len(got), tc.sameCandidatesAs, len(want))
			}
			hits, err := x.MatchStopping(career.NewStopper(context.Background(), "search"), tc.query)
			if err != nil || len(hits) != tc.wantHits {
				t.Fatalf("MatchStopping(%q): %d hits, %v; want %d", tc.query, len(hits), err, tc.wantHits)
			}
			q, _ := textsearch.ParseQuery(tc.query)
			for _, h := range hits {
				if s, ok := q.Match(textsearch.PrepareTexts(texts[h.ID])); !ok || s != h.Score {
					t.Errorf("%s scores %v, MatchText %v %v", h.ID, h.Score, s, ok)
				}
			}
			matched := 0
			for _, tx := range texts {
				if _, ok := q.Match(textsearch.PrepareTexts(tx)); ok {
					matched++
				}
			}
			if matched != tc.wantHits {
				t.Errorf("MatchText accepts %d names, want %d", matched, tc.wantHits)
			}
		})
	}
}
