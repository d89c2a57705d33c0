package textsearch_test

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/textsearch"
	"github.com/careergraph/careergraph/textsearch/textsearchtest"
)

// rank scores every candidate name against the query with MatchText and returns the names that
// match, best first (ties by SortKey), with their scores.
func rank(query string, names []string) (ranked []string, scores []float64) {
	type hit struct {
		name  string
		score float64
	}
	var hits []hit
	for _, n := range names {
		if s, ok := textsearch.MatchText(query, []string{n}); ok {
			hits = append(hits, hit{n, s})
		}
	}
	slices.SortStableFunc(hits, func(a, b hit) int {
		if a.score != b.score {
			if a.score > b.score {
				return -1
			}
			return 1
		}
		return strings.Compare(career.SortKey(a.name), career.SortKey(b.name))
	})
	for _, h := range hits {
		ranked = append(ranked, h.name)
		scores = append(scores, h.score)
	}
	return ranked, scores
}

func TestMatchTextRanking(t *testing.T) {
	tests := []struct {
		name       string
		query      string
		candidates []string
		want       []string
		wantScores []float64
	}{
		{
			name:  "a feminine query finds the inclusive name before a name with the words apart",
			query: "directrice technique",
			candidates: []string{
				"Développeur·euse web",
				"Technicien·ne support technique auprès de la directrice",
				"Directeur·rice technique informatique",
				"Technicien / Technicienne de direction technique",
				"Directeur / Directrice technique en informatique",
			},
			want: []string{
				"Directeur·rice technique informatique",
				"Directeur / Directrice technique en informatique",
				"Technicien·ne support technique auprès de la directrice",
			},
			wantScores: []float64{0.87, 0.83, 0.718571},
		},
		{
			name:  "a whole name beats a longer one",
			query: "cheffe de projet",
			candidates: []string{
				"Chef·fe de projet informatique senior",
				"Chef / Cheffe de projet BTP",
				"Chef·fe de projet",
				"Assistant / Assistante chef de projet",
				"Cheffe",
			},
			want:       []string{"Chef·fe de projet", "Chef / Cheffe de projet BTP", "Chef·fe de projet informatique senior"},
			wantScores: []float64{1, 0.905, 0.878},
		},
		{
			name:  "every query word must be there",
			query: "developpeuse back end",
			candidates: []string{
				"Développeur·euse web front end",
				"Développeur·euse web",
				"Développeur·euse web back end",
			},
			want:       []string{"Développeur·euse web back end"},
			wantScores: []float64{0.89375},
		},
		{
			name:  "a feminine finds the ROME pair first",
			query: "boulangère",
			candidates: []string{
				"Vendeur / Vendeuse en boulangerie-pâtisserie",
				"Boulanger-pâtissier / Boulangère-pâtissière",
				"Chef boulanger / Cheffe boulangère",
				"Boulanger / Boulangère",
				"Aide-boulanger / Aide-boulangère",
				"Chef / Cheffe de rayon boulangerie",
			},
			want: []string{
				"Boulanger / Boulangère",
				"Boulanger-pâtissier / Boulangère-pâtissière",
				"Aide-boulanger / Aide-boulangère",
				"Chef boulanger / Cheffe boulangère",
			},
			wantScores: []float64{1, 0.77, 0.725, 0.725},
		},
		{
			name:  "a prefix finds developers, shorter names first",
			query: "dévelop",
			candidates: []string{
				"Chef·fe de projet",
				"Développeur·euse web back end",
				"Développeur / Développeuse informatique",
				"Chef·fe de projet développement",
			},
			want: []string{
				"Développeur / Développeuse informatique",
				"Développeur·euse web back end",
				"Chef·fe de projet développement",
			},
			wantScores: []float64{0.254545, 0.197273, 0.143462},
		},
		{
			name:  "a whole word beats a prefix of a longer word",
			query: "chef",
			candidates: []string{
				"Cheffe",
				"Chef / Cheffe de projet BTP",
				"Chefferie",
			},
			want:       []string{"Chef / Cheffe de projet BTP", "Cheffe", "Chefferie"},
			wantScores: []float64{0.68, 0.38, 0.3},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, scores := rank(tt.query, tt.candidates)
			if !slices.Equal(got, tt.want) {
				t.Errorf("rank(%q) =\n  %q\nwant\n  %q", tt.query, got, tt.want)
			}
			if !slices.Equal(scores, tt.wantScores) {
				t.Errorf("scores of %q = %v, want %v", tt.query, scores, tt.wantScores)
			}
		})
	}
}

func TestMatchTextFindsTheCardTitle(t *testing.T) {
	for _, q := range []string{"développeuse", "developpeur", "Développeur·euse", "DEVELOPPEUR WEB BACK", "web back end", "dév"} {
		t.Run(q, func(t *testing.T) {
			if _, ok := textsearch.MatchText(q, []string{"Développeur·euse web back end"}); !ok {
				t.Errorf("MatchText(%q, card title) did not match", q)
			}
		})
	}
}

func TestMatchText(t *testing.T) {
	t.Run("an exact name scores 1", func(t *testing.T) {
		if s, ok := textsearch.MatchText("Boulangère", []string{"Boulanger / Boulangère"}); !ok || s != 1 {
			t.Errorf("score %v %v, want 1 true", s, ok)
		}
	})
	t.Run("an exact alternative name scores 0.9", func(t *testing.T) {
		s, ok := textsearch.MatchText("développeuse web", []string{"Intégrateur / Intégratrice web", "développeur web/développeuse web"})
		if !ok || s != 0.9 {
			t.Errorf("score %v %v, want 0.9 true", s, ok)
		}
	})
	t.Run("the name beats the same match on an alternative name", func(t *testing.T) {
		onName, _ := textsearch.MatchText("développeuse", []string{"Développeur / Développeuse web", "programmeur"})
		onAlt, _ := textsearch.MatchText("développeuse", []string{"programmeur", "Développeur / Développeuse web"})
		if onName != 0.77 || onAlt != 0.693 {
			t.Errorf("on name %v, on alternative name %v; want 0.77, 0.693", onName, onAlt)
		}
	})
	t.Run("a blank query matches nothing", func(t *testing.T) {
		for _, q := range []string{"", "  ", "·", "'/()'"} {
			if s, ok := textsearch.MatchText(q, []string{"Chef·fe de projet"}); ok || s != 0 {
				t.Errorf("MatchText(%q) = %v %v, want 0 false", q, s, ok)
			}
		}
	})
	t.Run("a missing word matches nothing", func(t *testing.T) {
		if _, ok := textsearch.MatchText("développeur mobile", []string{"Développeur·euse web back end"}); ok {
			t.Error("matched without the word mobile")
		}
	})
	t.Run("query words must start text words", func(t *testing.T) {
		if _, ok := textsearch.MatchText("loppeur", []string{"Développeur·euse web back end"}); ok {
			t.Error("matched the middle of a word")
		}
	})
	t.Run("long queries match long texts", func(t *testing.T) {
		text := "a b c d e f g h i j k l m n o p q r s t"
		s, ok := textsearch.MatchText("a b c d e f g h i j k l m n o p q r", []string{text})
		if !ok || s != 0.946211 {
			t.Errorf("score %v %v, want 0.946211 true", s, ok)
		}
	})
	t.Run("no texts match nothing", func(t *testing.T) {
		if _, ok := textsearch.MatchText("chef", nil); ok {
			t.Error("matched no texts")
		}
	})
	t.Run("scores are in (0, 1] with six decimals", func(t *testing.T) {
		for _, q := range []string{"d", "de", "chef", "technique", "a b c d e f g h i j k l m n o p q r"} {
			for _, a := range []string{"Directeur / Directrice technique en informatique", "Chef·fe de projet", "de"} {
				s, ok := textsearch.MatchText(q, []string{a})
				if !ok {
					continue
				}
				if s <= 0 || s > 1 || math.Round(s*1e6)/1e6 != s {
					t.Errorf("MatchText(%q, %q) = %v", q, a, s)
				}
			}
		}
	})
}

func TestMatchTextEqualsPreparedMatch(t *testing.T) {
	apps := textsearchtest.RomeAppellations(t)
	for _, query := range []string{"chef de projet", "boulangère", "dév", "agent(e) d'entretien"} {
		t.Run(query, func(t *testing.T) {
			q, _ := textsearch.ParseQuery(query)
			for i := 0; i < len(apps); i += 7 {
				texts := apps[i].Texts()
				s1, ok1 := textsearch.MatchText(query, texts)
				s2, ok2 := q.Match(textsearch.PrepareTexts(texts))
				if s1 != s2 || ok1 != ok2 {
					t.Fatalf("%q on %q: MatchText %v %v, prepared %v %v", query, texts, s1, ok1, s2, ok2)
				}
			}
		})
	}
}
