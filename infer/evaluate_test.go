package infer

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"testing"

	"github.com/careergraph/careergraph/career"
)

// TestMeasure checks the metrics on a hand-made case: A's targets x and y ranked 1st and 3rd,
// B's target w not found.
func TestMeasure(t *testing.T) {
	ranked := map[string][]string{"A": {"x", "z", "y"}, "B": {"z", "q"}}
	held := []Held{{ProfessionID: "A", Targets: []string{"x", "y"}}, {ProfessionID: "B", Targets: []string{"w"}}}
	got := Measure(ranked, held)
	// nDCG of A: (1/log2 2 + 1/log2 4) / (1/log2 2 + 1/log2 3); of B: 0.
	ndcg := (1 + 0.5) / (1 + 1/math.Log2(3)) / 2
	want := Metrics{Professions: 2, Targets: 3, RecallAt5: 2.0 / 3, RecallAt10: 2.0 / 3, MRR: 0.5, NDCG10: ndcg}
	if got != want {
		t.Errorf("Measure: %+v, want %+v", got, want)
	}
	if math.Abs(ndcg-0.45986) > 1e-5 {
		t.Errorf("nDCG@10 %v, want 0.45986", ndcg)
	}
}

// movesDataset has five professions, four with moves.
func movesDataset() *career.Dataset {
	d := &career.Dataset{Info: career.DatasetInfo{Name: "t"}}
	for _, c := range []string{"a", "b", "c", "d", "e"} {
		d.Professions = append(d.Professions, career.Profession{ID: "profession:t:" + c, Name: c})
	}
	mv := func(f, to string) {
		d.Moves = append(d.Moves, career.Move{FromID: "profession:t:" + f, ToID: "profession:t:" + to, Kind: career.MoveLateral})
	}
	mv("a", "b")
	mv("a", "c")
	mv("a", "d")
	mv("b", "a")
	mv("c", "d")
	mv("d", "e")
	return d
}

// TestHide checks that the hiding is seeded and deterministic: half of the four professions
// with moves (b and c for seed 1), the same ones for the same seed, their moves absent from the
// copy, their targets cut to maxTargets, and the dataset itself untouched.
func TestHide(t *testing.T) {
	d := movesDataset()
	visible, held, err := Hide(d, 0.5, 1, 2)
	if err != nil {
		t.Fatal(err)
	}
	want := []Held{
		{ProfessionID: "profession:t:b", Targets: []string{"profession:t:a"}},
		{ProfessionID: "profession:t:c", Targets: []string{"profession:t:d"}},
	}
	if !slices.EqualFunc(held, want, func(a, b Held) bool { return a.ProfessionID == b.ProfessionID && slices.Equal(a.Targets, b.Targets) }) {
		t.Errorf("held: %+v, want %+v", held, want)
	}
	wantVisible := []career.Move{d.Moves[0], d.Moves[1], d.Moves[2], d.Moves[5]}
	if !slices.Equal(visible.Moves, wantVisible) {
		t.Errorf("visible moves: %+v, want %+v", visible.Moves, wantVisible)
	}
	if len(d.Moves) != 6 {
		t.Errorf("the dataset has %d moves after Hide, want its 6", len(d.Moves))
	}
	_, again, err := Hide(d, 0.5, 1, 2)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.EqualFunc(again, held, func(a, b Held) bool { return a.ProfessionID == b.ProfessionID }) {
		t.Errorf("the same seed hides %+v, then %+v", held, again)
	}
	_, all, err := Hide(d, 1, 1, 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 4 || !slices.Equal(all[0].Targets, []string{"profession:t:b", "profession:t:c"}) {
		t.Errorf("share 1, 2 targets: %+v, want a's first 2 targets b and c among 4", all)
	}
	for share, want := range map[float64]string{0: "share 0: want a number in (0, 1]", 1.5: "share 1.5: want a number in (0, 1]"} {
		_, _, err := Hide(d, share, 1, 0)
		var e *career.Error
		if !errors.As(err, &e) || e.Code != career.EINVALID || e.Message != want {
			t.Errorf("share %v: %v, want %q", share, err, want)
		}
	}
}

// TestEvaluateMechanics evaluates the hand-made skills dataset with curated moves: the hidden
// professions are measured against their hidden moves, the baseline against the same.
func TestEvaluateMechanics(t *testing.T) {
	d := handMade()
	d.Moves = []career.Move{
		{FromID: "profession:t:a", ToID: "profession:t:b", Kind: career.MoveLateral},
		{FromID: "profession:t:c", ToID: "profession:t:d", Kind: career.MoveLateral},
	}
	got, err := Evaluate(context.Background(), d, Options{}, 1, 1, 0)
	if err != nil {
		t.Fatal(err)
	}
	// Both moves hidden: a's best inferred move is b (0.943), c's is d (0.792); the Jaccard
	// baseline ranks b first for a (2 of 2 skills) and d first for c (1 of 2).
	perfect := Metrics{Professions: 2, Targets: 2, RecallAt5: 1, RecallAt10: 1, MRR: 1, NDCG10: 1}
	if got.Inferred != perfect || got.Baseline != perfect {
		t.Errorf("Evaluate: %+v, want both %+v", got, perfect)
	}
}

// TestMeanAndMinMetrics checks the summary of three runs: the means (counts rounded) and the
// least value of each figure, each taken on its own.
func TestMeanAndMinMetrics(t *testing.T) {
	ms := []Metrics{
		{Professions: 4, Targets: 10, RecallAt5: 0.5, RecallAt10: 0.75, MRR: 1, NDCG10: 0.25},
		{Professions: 4, Targets: 11, RecallAt5: 0.25, RecallAt10: 1, MRR: 0.5, NDCG10: 0.5},
		{Professions: 4, Targets: 12, RecallAt5: 0.75, RecallAt10: 0.5, MRR: 0.75, NDCG10: 1},
	}
	mean := Metrics{Professions: 4, Targets: 11, RecallAt5: 0.5, RecallAt10: 0.75, MRR: 0.75, NDCG10: 1.75 / 3}
	if got := MeanMetrics(ms); got != mean {
		t.Errorf("MeanMetrics: %+v, want %+v", got, mean)
	}
	low := Metrics{Professions: 4, Targets: 10, RecallAt5: 0.25, RecallAt10: 0.5, MRR: 0.5, NDCG10: 0.25}
	if got := MinMetrics(ms); got != low {
		t.Errorf("MinMetrics: %+v, want %+v", got, low)
	}
	if got := MeanMetrics(nil); got != (Metrics{}) {
		t.Errorf("MeanMetrics(nil): %+v, want the zero Metrics", got)
	}
}

// TestSeeds checks the seeds of an evaluation, their range, and which overlap the tuning ones.
func TestSeeds(t *testing.T) {
	got, err := Seeds(DefaultFirstSeed, DefaultSeeds)
	if err != nil || !slices.Equal(got, []uint64{1, 2, 3, 4, 5}) {
		t.Errorf("default seeds: %v, %v, want 1 to 5", got, err)
	}
	if Tuned(got) {
		t.Errorf("the default seeds %v overlap the tuning seeds", got)
	}
	if tuning, _ := Seeds(TuningFirstSeed, TuningSeeds); !slices.Equal(tuning, []uint64{101, 102, 103, 104, 105}) || !Tuned(tuning) {
		t.Errorf("tuning seeds: %v, want 101 to 105, tuned", tuning)
	}
	if !Tuned([]uint64{99, 100, 101}) || Tuned([]uint64{106}) {
		t.Errorf("Tuned: 99..101 should overlap 101..105, 106 should not")
	}
	for _, n := range []int{0, MaxSeeds + 1} {
		_, err := Seeds(1, n)
		var e *career.Error
		want := fmt.Sprintf("seeds %d: want 1 to 100", n)
		if !errors.As(err, &e) || e.Code != career.EINVALID || e.Message != want {
			t.Errorf("Seeds(1, %d): %v, want %q", n, err, want)
		}
	}
}

// TestEvaluateSeeds evaluates the hand-made dataset on three seeds: hiding every profession's
// moves, each seed finds both targets first, and so do the mean and the least.
func TestEvaluateSeeds(t *testing.T) {
	d := handMade()
	d.Moves = []career.Move{
		{FromID: "profession:t:a", ToID: "profession:t:b", Kind: career.MoveLateral},
		{FromID: "profession:t:c", ToID: "profession:t:d", Kind: career.MoveLateral},
	}
	got, err := EvaluateSeeds(context.Background(), d, Options{}, 1, []uint64{1, 2, 3}, 0)
	if err != nil {
		t.Fatal(err)
	}
	perfect := Metrics{Professions: 2, Targets: 2, RecallAt5: 1, RecallAt10: 1, MRR: 1, NDCG10: 1}
	want := Evaluation{Inferred: perfect, Baseline: perfect}
	if !slices.Equal(got.Seeds, []uint64{1, 2, 3}) || got.Mean != want || got.Min != want {
		t.Errorf("EvaluateSeeds: %+v, want seeds 1 to 3, mean and min %+v", got, want)
	}
	_, err = EvaluateSeeds(context.Background(), d, Options{}, 1, nil, 0)
	var e *career.Error
	if !errors.As(err, &e) || e.Code != career.EINVALID || e.Message != "seeds 0: want 1 to 100" {
		t.Errorf("no seeds: %v, want %s \"seeds 0: want 1 to 100\"", err, career.EINVALID)
	}
}
