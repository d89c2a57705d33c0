package infer

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/textsearch"
)

// handMade is a dataset of four professions whose names have no word of minWordLen letters, so
// that only their skills count: a needs s1 and s2 (essential), b s1 (essential) and s2, c s3
// (essential), d s1 and s3.
func handMade() *career.Dataset {
	d := &career.Dataset{Info: career.DatasetInfo{Name: "t"}}
	for _, c := range []string{"a", "b", "c", "d"} {
		d.Professions = append(d.Professions, career.Profession{ID: career.MakeID(career.KindProfession, "t", c), Dataset: "t", Code: c, Name: strings.ToUpper(c)})
	}
	for _, c := range []string{"s1", "s2", "s3"} {
		d.Skills = append(d.Skills, career.Skill{ID: career.MakeID(career.KindSkill, "t", c), Name: c})
	}
	req := func(p, s string, i career.Importance) {
		d.Requirements = append(d.Requirements, career.Requirement{ProfessionID: "profession:t:" + p, SkillID: "skill:t:" + s, Importance: i})
	}
	req("a", "s1", career.Essential)
	req("a", "s2", career.Essential)
	req("b", "s1", career.Essential)
	req("b", "s2", career.Optional)
	req("c", "s3", career.Essential)
	req("d", "s1", career.Optional)
	req("d", "s3", career.Optional)
	return d
}

// describe writes moves as "from -> to KIND score: basis", codes only.
func describe(moves []career.InferredMove) []string {
	out := []string{}
	for _, m := range moves {
		out = append(out, fmt.Sprintf("%s -> %s %s %v: %s", strings.TrimPrefix(m.FromID, "profession:t:"), strings.TrimPrefix(m.ToID, "profession:t:"), m.Kind, m.Score, m.Basis))
	}
	return out
}

// TestMovesBySkills checks the content signal alone (no moves, groups nor interests): the
// cosine of the IDF-weighted skill vectors, essential weighing 2. By hand, idf(s1) = ln(1+4/3),
// idf(s2) = idf(s3) = ln 3: cos(a, b) = 0.943, cos(a, d) = 0.373, cos(b, d) = 0.512, cos(c, d)
// = 0.792; a and c share nothing.
func TestMovesBySkills(t *testing.T) {
	got, err := Moves(context.Background(), handMade(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"a -> b LATERAL 0.943: shares 1 of its 1 essential skills",
		"a -> d LATERAL 0.373: shares 1 of its 2 skills",
		"b -> a LATERAL 0.943: shares 2 of its 2 essential skills",
		"b -> d LATERAL 0.512: shares 1 of its 2 skills",
		"c -> d LATERAL 0.792: shares 1 of its 2 skills",
		"d -> c LATERAL 0.792: shares 1 of its 1 essential skills",
		"d -> b LATERAL 0.512: shares 1 of its 1 essential skills",
		"d -> a LATERAL 0.373: shares 1 of its 2 essential skills",
	}
	if d := describe(got); !slices.Equal(d, want) {
		t.Errorf("moves:\n%s\nwant:\n%s", strings.Join(d, "\n"), strings.Join(want, "\n"))
	}
	one, err := Moves(context.Background(), handMade(), Options{PerProfession: 1})
	if err != nil {
		t.Fatal(err)
	}
	if d := describe(one); !slices.Equal(d, []string{want[0], want[2], want[4], want[5]}) {
		t.Errorf("one move per profession: %q", d)
	}
}

// TestMovesSkipOwnMoves adds the curated move a → b: a's inferred moves leave b out, and d
// scores (0.3 × 0.373 + 0.05 × 0.512) / 1.35 = 0.102 (content, and its closeness to b, a's own
// move, the signals of a dataset with moves weighing 0.3, 0.4, 0.1, 0.05 and 0.5). b scores a
// with the reverse move: (0.3 × 0.943 + 0.1) / 1.35 = 0.284. d's neighbours are c (0.792), b
// (0.512) and a (0.373): a's move to b gives b (0.3 × 0.512 + 0.4 × 0.373/1.677) / 1.35 = 0.18,
// the move a → b read from b gives a (0.3 × 0.373 + 0.4 × 0.5 × 0.512/1.677) / 1.35 = 0.128.
func TestMovesSkipOwnMoves(t *testing.T) {
	d := handMade()
	d.Moves = []career.Move{{FromID: "profession:t:a", ToID: "profession:t:b", Kind: career.MoveLateral}}
	got, err := Moves(context.Background(), d, Options{Label: "T"})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"a -> d LATERAL 0.102: shares 1 of its 2 skills",
		"b -> a LATERAL 0.284: shares 2 of its 2 essential skills; T lists the reverse move",
		"b -> d LATERAL 0.114: shares 1 of its 2 skills",
		"c -> d LATERAL 0.176: shares 1 of its 2 skills",
		"d -> b LATERAL 0.18: shares 1 of its 1 essential skills; T links it to 1 of the 3 most similar professions",
		"d -> c LATERAL 0.176: shares 1 of its 1 essential skills",
		"d -> a LATERAL 0.128: shares 1 of its 2 essential skills; T links it to 1 of the 3 most similar professions",
	}
	if g := describe(got); !slices.Equal(g, want) {
		t.Errorf("moves:\n%s\nwant:\n%s", strings.Join(g, "\n"), strings.Join(want, "\n"))
	}
}

// TestMovesPerProfessionRange checks the range of Options.PerProfession.
func TestMovesPerProfessionRange(t *testing.T) {
	for _, n := range []int{-1, MaxPerProfession + 1} {
		_, err := Moves(context.Background(), handMade(), Options{PerProfession: n})
		var e *career.Error
		want := fmt.Sprintf("inferred moves per profession %d: want 1 to 50", n)
		if !errors.As(err, &e) || e.Code != career.EINVALID || e.Message != want {
			t.Errorf("PerProfession %d: %v, want %s %q", n, err, career.EINVALID, want)
		}
	}
}

// TestMovesHonoursContext stops on a cancelled context.
func TestMovesHonoursContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Moves(ctx, handMade(), Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v, want context.Canceled", err)
	}
}

// TestAddWordsFoldsAsTextsearch checks that the words addWords folds itself (ASCII and Latin
// letters) are those textsearch.Fold gives, in the same order.
func TestAddWordsFoldsAsTextsearch(t *testing.T) {
	for _, text := range []string{
		"Développeur·euse web  back-end (H/F)",
		"Infirmier / Infirmière en soins généraux (IDE)",
		"Chef d’équipe — œnologie, cœur de métier…",
		"STRAßE Ærø Łódź naïve façade",
		"co\u00adordinateur", // a soft hyphen, dropped within the word
		"e\u0301cole",        // a combining accent: folded by textsearch.Fold
		"Data Scientists 3D",
	} {
		got, want := newFeatures(1), newFeatures(1)
		got.addWords(0, text)
		for _, w := range textsearch.Tokens(textsearch.Fold(text)) {
			if utf8.RuneCountInString(w) >= minWordLen {
				want.add(0, w, 1)
			}
		}
		if !maps.Equal(got.id, want.id) || !slices.Equal(got.of[0], want.of[0]) {
			t.Errorf("%q: words %v, want %v", text, got.id, want.id)
		}
	}
}
