package infer

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/careergraph/careergraph/career"
)

// Held is a profession whose curated moves the evaluation hides, and the targets its inferred
// moves are measured against.
type Held struct {
	ProfessionID string
	// Targets are the IDs of its hidden moves' targets, in the dataset's order.
	Targets []string
}

// Hide returns a copy of d without the moves of a seeded random share (0..1) of the
// professions that have moves, and those professions with their hidden moves' targets: the
// first maxTargets of them (0: all), in d's order of professions. The same d, share and seed
// always hide the same professions. Everything else of d is shared with the copy, not copied.
func Hide(d *career.Dataset, share float64, seed uint64, maxTargets int) (*career.Dataset, []Held, error) {
	if !(share > 0 && share <= 1) {
		return nil, nil, career.Errorf(career.EINVALID, "share %v: want a number in (0, 1]", share)
	}
	if maxTargets < 0 {
		return nil, nil, career.Errorf(career.EINVALID, "targets per profession %d: want 0 (all) or more", maxTargets)
	}
	targets := map[string][]string{}
	var with []string
	for _, m := range d.Moves {
		if len(targets[m.FromID]) == 0 {
			with = append(with, m.FromID)
		}
		targets[m.FromID] = append(targets[m.FromID], m.ToID)
	}
	rng := rand.New(rand.NewPCG(seed, 0))
	rng.Shuffle(len(with), func(i, j int) { with[i], with[j] = with[j], with[i] })
	hidden := map[string]bool{}
	for _, id := range with[:int(math.Round(share*float64(len(with))))] {
		hidden[id] = true
	}
	visible := *d
	visible.Moves = nil
	for _, m := range d.Moves {
		if !hidden[m.FromID] {
			visible.Moves = append(visible.Moves, m)
		}
	}
	var held []Held
	for _, p := range d.Professions {
		if hidden[p.ID] {
			t := targets[p.ID]
			if maxTargets > 0 {
				t = t[:min(len(t), maxTargets)]
			}
			held = append(held, Held{ProfessionID: p.ID, Targets: t})
		}
	}
	return &visible, held, nil
}

// Metrics are the scores of ranked lists of moves against the held-out targets.
type Metrics struct {
	// Professions and Targets count the held-out professions and their targets.
	Professions, Targets int
	// RecallAt5 and RecallAt10 are the share of all targets found in the first 5 (10) moves of
	// their profession.
	RecallAt5, RecallAt10 float64
	// MRR is the mean over professions of 1/rank of the first target found (0 when none is).
	MRR float64
	// NDCG10 is the mean over professions of the normalized discounted cumulative gain of the
	// first 10 moves, each target found at rank r gaining 1/log2(r+1).
	NDCG10 float64
}

// Measure scores ranked lists (the target IDs of each profession's moves, best first) against
// the held-out professions.
func Measure(ranked map[string][]string, held []Held) Metrics {
	var m Metrics
	var hits5, hits10 int
	for _, h := range held {
		if len(h.Targets) == 0 {
			continue
		}
		m.Professions++
		m.Targets += len(h.Targets)
		var dcg, ideal float64
		first := 0
		for i, id := range ranked[h.ProfessionID] {
			if !slices.Contains(h.Targets, id) {
				continue
			}
			if first == 0 {
				first = i + 1
			}
			if i < 5 {
				hits5++
			}
			if i < 10 {
				hits10++
				dcg += 1 / math.Log2(float64(i+2))
			}
		}
		for i := range min(len(h.Targets), 10) {
			ideal += 1 / math.Log2(float64(i+2))
		}
		if first > 0 {
			m.MRR += 1 / float64(first)
		}
		m.NDCG10 += dcg / ideal
	}
	if m.Professions > 0 {
		m.RecallAt5 = float64(hits5) / float64(m.Targets)
		m.RecallAt10 = float64(hits10) / float64(m.Targets)
		m.MRR /= float64(m.Professions)
		m.NDCG10 /= float64(m.Professions)
	}
	return m
}

// Ranked returns the targets of inferred moves by profession, best first.
func Ranked(moves []career.InferredMove) map[string][]string {
	out := map[string][]string{}
	for _, m := range moves {
		out[m.FromID] = append(out[m.FromID], m.ToID)
	}
	return out
}

// Jaccard is the baseline: for each of the professions named, the k other professions of d
// whose sets of required skills have the highest Jaccard index with its own (ties by
// career.CompareRanked), those with no skill in common left out.
func Jaccard(ctx context.Context, d *career.Dataset, ids []string, k int) (map[string][]string, error) {
	skills := map[string][]string{}
	holders := map[string][]string{}
	for _, r := range d.Requirements {
		if !slices.Contains(skills[r.ProfessionID], r.SkillID) {
			skills[r.ProfessionID] = append(skills[r.ProfessionID], r.SkillID)
			holders[r.SkillID] = append(holders[r.SkillID], r.ProfessionID)
		}
	}
	sortKey := make(map[string]string, len(d.Professions))
	for _, p := range d.Professions {
		sortKey[p.ID] = career.SortKey(p.Name)
	}
	out := make(map[string][]string, len(ids))
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("jaccard baseline: %w", err)
		}
		shared := map[string]int{}
		for _, s := range skills[id] {
			for _, q := range holders[s] {
				if q != id {
					shared[q]++
				}
			}
		}
		ranked := make([]career.Ranked, 0, len(shared))
		for q, n := range shared {
			j := float64(n) / float64(len(skills[id])+len(skills[q])-n)
			ranked = append(ranked, career.Ranked{Score: j, SortKey: sortKey[q], ID: q})
		}
		slices.SortFunc(ranked, career.CompareRanked)
		for _, r := range ranked[:min(k, len(ranked))] {
			out[id] = append(out[id], r.ID)
		}
	}
	return out, nil
}

// Evaluation is the result of Evaluate on one dataset.
type Evaluation struct {
	Inferred, Baseline Metrics
}

// Evaluate hides the moves of a seeded share of d's professions (Hide, the first maxTargets
// of each kept as targets), infers moves from what is left with opts, and measures them and the
// Jaccard baseline (as many moves per profession) against the hidden targets.
func Evaluate(ctx context.Context, d *career.Dataset, opts Options, share float64, seed uint64, maxTargets int) (Evaluation, error) {
	k, err := opts.perProfession()
	if err != nil {
		return Evaluation{}, err
	}
	visible, held, err := Hide(d, share, seed, maxTargets)
	if err != nil {
		return Evaluation{}, err
	}
	moves, err := Moves(ctx, visible, opts)
	if err != nil {
		return Evaluation{}, fmt.Errorf("evaluate %s: %w", d.Info.Name, err)
	}
	ids := make([]string, len(held))
	for i, h := range held {
		ids[i] = h.ProfessionID
	}
	base, err := Jaccard(ctx, visible, ids, k)
	if err != nil {
		return Evaluation{}, fmt.Errorf("evaluate %s: %w", d.Info.Name, err)
	}
	return Evaluation{Inferred: Measure(Ranked(moves), held), Baseline: Measure(base, held)}, nil
}

// The seeds the evaluation runs on.
const (
	// TuningFirstSeed and TuningSeeds are the seeds on which the signals' weights and tuning
	// constants were chosen (cmd/evaluate -seed 101 -seeds 5): 101 to 105. The figures the
	// project reports are measured on other seeds (DefaultFirstSeed on), never on these.
	TuningFirstSeed, TuningSeeds = 101, 5
	// DefaultFirstSeed and DefaultSeeds are the seeds the evaluation reports by default: 1 to 5.
	DefaultFirstSeed, DefaultSeeds = 1, 5
	// MaxSeeds is the most seeds one evaluation runs.
	MaxSeeds = 100
)

// Seeds returns the n seeds first, first+1, ..., or an error saying the range of n.
func Seeds(first uint64, n int) ([]uint64, error) {
	if n < 1 || n > MaxSeeds {
		return nil, career.Errorf(career.EINVALID, "seeds %d: want 1 to %d", n, MaxSeeds)
	}
	seeds := make([]uint64, n)
	for i := range seeds {
		seeds[i] = first + uint64(i)
	}
	return seeds, nil
}

// Tuned says whether one of seeds is a tuning seed (TuningFirstSeed on): figures measured on
// it are optimistic.
func Tuned(seeds []uint64) bool {
	return slices.ContainsFunc(seeds, func(s uint64) bool { return s >= TuningFirstSeed && s < TuningFirstSeed+TuningSeeds })
}

// Summary is the result of EvaluateSeeds: the mean and the least of each figure over the
// seeds, of the inferred moves and of the baseline.
type Summary struct {
	// Seeds are the seeds evaluated.
	Seeds []uint64
	// Mean and Min are the means and the least values over the seeds (see MeanMetrics and
	// MinMetrics).
	Mean, Min Evaluation
}

// EvaluateSeeds runs Evaluate once per seed and summarises the runs.
func EvaluateSeeds(ctx context.Context, d *career.Dataset, opts Options, share float64, seeds []uint64, maxTargets int) (Summary, error) {
	if len(seeds) == 0 {
		return Summary{}, career.Errorf(career.EINVALID, "seeds 0: want 1 to %d", MaxSeeds)
	}
	var inferred, baseline []Metrics
	for _, seed := range seeds {
		e, err := Evaluate(ctx, d, opts, share, seed, maxTargets)
		if err != nil {
			return Summary{}, fmt.Errorf("seed %d: %w", seed, err)
		}
		inferred = append(inferred, e.Inferred)
		baseline = append(baseline, e.Baseline)
	}
	return Summary{
		Seeds: seeds,
		Mean:  Evaluation{Inferred: MeanMetrics(inferred), Baseline: MeanMetrics(baseline)},
		Min:   Evaluation{Inferred: MinMetrics(inferred), Baseline: MinMetrics(baseline)},
	}, nil
}

// MeanMetrics is the mean of each figure of ms (the counts rounded to the nearest integer); the
// zero Metrics when ms is empty.
func MeanMetrics(ms []Metrics) Metrics {
	var sum Metrics
	if len(ms) == 0 {
		return sum
	}
	var professions, targets int
	for _, m := range ms {
		professions += m.Professions
		targets += m.Targets
		sum.RecallAt5 += m.RecallAt5
		sum.RecallAt10 += m.RecallAt10
		sum.MRR += m.MRR
		sum.NDCG10 += m.NDCG10
	}
	n := float64(len(ms))
	return Metrics{
		Professions: int(math.Round(float64(professions) / n)), Targets: int(math.Round(float64(targets) / n)),
		RecallAt5: sum.RecallAt5 / n, RecallAt10: sum.RecallAt10 / n, MRR: sum.MRR / n, NDCG10: sum.NDCG10 / n,
	}
}

// MinMetrics is the least value of each figure of ms, each taken on its own; the zero Metrics
// when ms is empty.
func MinMetrics(ms []Metrics) Metrics {
	if len(ms) == 0 {
		return Metrics{}
	}
	low := ms[0]
	for _, m := range ms[1:] {
		low.Professions, low.Targets = min(low.Professions, m.Professions), min(low.Targets, m.Targets)
		low.RecallAt5, low.RecallAt10 = min(low.RecallAt5, m.RecallAt5), min(low.RecallAt10, m.RecallAt10)
		low.MRR, low.NDCG10 = min(low.MRR, m.MRR), min(low.NDCG10, m.NDCG10)
	}
	return low
}
