package storetest

import (
	"context"
	"fmt"
	"testing"

	"github.com/careergraph/careergraph/career"
)

// WithInferredMoves returns a copy of the seed with hand-made inferred moves: two out of the
// director (who has no moves of its own), given worst first, and one out of the web developer;
// and moves no store serves (career.ServedInferredMoves): a self-move, one the back-end
// developer's own moves already make, a second director → web developer, one from an unknown
// profession.
func WithInferredMoves(seed *career.Dataset) *career.Dataset {
	d := *seed
	inferred := func(from, to string, kind career.MoveKind, score float64, basis string) career.InferredMove {
		return career.InferredMove{FromID: from, ToID: to, Kind: kind, Score: score, Basis: basis}
	}
	d.InferredMoves = []career.InferredMove{
		inferred(backEnd, architect, career.MoveProgression, 0.9, "already a move of the seed"),
		inferred(web, mobile, career.MoveProgression, 0.5, "shares 6 of its 8 essential skills"),
		inferred(director, web, career.MoveLateral, 0.4, "moves of similar professions"),
		inferred(director, director, career.MoveLateral, 1, "itself"),
		inferred(director, architect, career.MoveLateral, 0.7, "the reverse of a move of the seed"),
		inferred(director, web, career.MoveProgression, 0.3, "given twice"),
		inferred("profession:seed:nope", web, career.MoveLateral, 0.2, "unknown profession"),
	}
	return &d
}

// moveStrings writes moves as "KIND code score basis" (score and basis "-" for the dataset's
// own moves).
func moveStrings(moves []career.CareerMove) []string {
	out := []string{}
	for _, m := range moves {
		s := fmt.Sprint(m.Kind, " ", m.Profession.Code, " - -")
		if m.Inference != nil {
			s = fmt.Sprint(m.Kind, " ", m.Profession.Code, " ", m.Inference.Score, " ", m.Inference.Basis)
		}
		out = append(out, s)
	}
	return out
}

// runInferred checks the inferred moves of a store holding WithInferredMoves(seed).
func runInferred(t *testing.T, s career.Store) {
	ctx := context.Background()
	t.Run("served best first, after none of the dataset's own", func(t *testing.T) {
		got := must(s.InferredCareers(ctx, []string{director, web, backEnd, "profession:seed:nope"}))(t)
		equal(t, "director", moveStrings(got[director]), []string{
			"LATERAL architecte-logiciel 0.7 the reverse of a move of the seed",
			"LATERAL developpeur-web 0.4 moves of similar professions",
		})
		equal(t, "web developer", moveStrings(got[web]), []string{"PROGRESSION developpeur-applications-mobiles 0.5 shares 6 of its 8 essential skills"})
		equal(t, "back-end developer (its inferred move is one of its own)", moveStrings(got[backEnd]), []string{})
		equal(t, "unknown profession", got["profession:seed:nope"] == nil, true)
		equal(t, "own moves unchanged", moveStrings(must(s.NextCareers(ctx, []string{director}))(t)[director]), []string{})
		equal(t, "previous careers unchanged", len(must(s.PreviousCareers(ctx, []string{mobile}))(t)[mobile]), 3)
	})
	t.Run("counted", func(t *testing.T) {
		for _, ds := range []string{"", "seed"} {
			st := must(s.Stats(ctx, ds))(t)
			equal(t, "stats("+ds+")", []int{st.CareerMoves, st.InferredMoves}, []int{21, 3})
		}
	})
	t.Run("paths follow them with inferred only", func(t *testing.T) {
		paths := func(p [][]*career.Profession) []string {
			out := []string{}
			for _, steps := range p {
				out = append(out, fmt.Sprint(codes(steps)))
			}
			return out
		}
		equal(t, "own moves", paths(must(s.CareerPaths(ctx, director, backEnd, 6, 5))(t)), []string{})
		equal(t, "own moves to the mobile developer", paths(must(s.CareerPaths(ctx, director, mobile, 3, 5))(t)), []string{})
		// The first through the web developer's inferred move, then through its own moves.
		equal(t, "with inferred", paths(must(s.InferredCareerPaths(ctx, director, mobile, 3, 5))(t)), []string{
			"[directeur-technique-informatique developpeur-web developpeur-applications-mobiles]",
			"[directeur-technique-informatique developpeur-web developpeur-logiciels developpeur-applications-mobiles]",
			"[directeur-technique-informatique developpeur-web developpeur-web-back-end developpeur-applications-mobiles]",
			"[directeur-technique-informatique developpeur-web developpeur-web-front-end developpeur-applications-mobiles]",
		})
		equal(t, "with inferred, first 1 and 2 steps", paths(must(s.InferredCareerPaths(ctx, director, mobile, 2, 1))(t)), []string{
			"[directeur-technique-informatique developpeur-web developpeur-applications-mobiles]",
		})
	})
	t.Run("progression follows them with inferred only", func(t *testing.T) {
		progression := func(steps []career.CareerStep) []string {
			out := []string{}
			for _, st := range steps {
				out = append(out, fmt.Sprint(st.Distance, " ", codes(st.Path)))
			}
			return out
		}
		equal(t, "own moves", progression(must(s.CareerProgression(ctx, director, 3, 50))(t)), []string{})
		equal(t, "with inferred", progression(must(s.InferredCareerProgression(ctx, director, 2, 50))(t)), []string{
			"1 [directeur-technique-informatique architecte-logiciel]",
			"1 [directeur-technique-informatique developpeur-web]",
			"2 [directeur-technique-informatique developpeur-web chef-de-projet]",
			"2 [directeur-technique-informatique developpeur-web developpeur-applications-mobiles]",
			"2 [directeur-technique-informatique developpeur-web developpeur-logiciels]",
			"2 [directeur-technique-informatique developpeur-web developpeur-web-back-end]",
			"2 [directeur-technique-informatique developpeur-web developpeur-web-front-end]",
		})
		equal(t, "with inferred, first 3", len(must(s.InferredCareerProgression(ctx, director, 2, 3))(t)), 3)
	})
	t.Run("bounds", func(t *testing.T) {
		br, ok := s.(career.BoundsReader)
		if !ok {
			t.Skip("the store has no bounds")
		}
		b := must(br.Bounds(ctx))(t)
		equal(t, "inferred bounds", []any{b.Moves, b.InferredMoves, b.MaxInferredCareers, b.Walks, b.InferredWalks},
			// walks_1: the back-end developer's 6 own moves stay the most; walks_2 grows from 13.
			[]any{21, 3, 2, [career.WalkSteps]int{6, 13, 26, 41, 56, 71}, [career.WalkSteps]int{6, 16, 35, 74, 173, 426}})
	})
	t.Run("read plans answer as the per-field methods", func(t *testing.T) {
		inferred := func(l *career.ListPlan) { l.Inferred = true }
		lateral := func(l *career.ListPlan) { l.Inferred, l.MoveKind = true, career.MoveLateral }
		up := func(l *career.ListPlan) { l.Inferred, l.MoveKind = true, career.MoveProgression }
		byID := career.PlanRoot{Kind: career.RootByID, NodeKind: career.KindProfession, IDs: []string{director, web, backEnd, "profession:seed:nope"}}
		name := []career.Property{career.PropName}
		for _, c := range []planCase{
			{"the card", &career.ReadPlan{Root: byID, Node: &career.NodePlan{Props: name, Lists: []*career.ListPlan{
				{Key: "nextCareers", Rel: career.RelNextCareers, Inferred: true, Node: &career.NodePlan{Props: name}},
			}}}},
			{"own and inferred, by kind", &career.ReadPlan{Root: byID, Node: allProps(career.KindProfession,
				list("own", career.RelNextCareers), with(list("all", career.RelNextCareers), inferred),
				with(list("lateral", career.RelNextCareers), lateral), with(list("up", career.RelNextCareers), up),
				list("previous", career.RelPreviousCareers))}},
			{"nested", &career.ReadPlan{Root: byID, Node: allProps(career.KindProfession,
				with(list("next", career.RelNextCareers, with(list("next", career.RelNextCareers, list("skills", career.RelSkills)), inferred)), inferred))}},
			{"a list root", &career.ReadPlan{
				Root: career.PlanRoot{Kind: career.RootProfessions, NodeKind: career.KindProfession, Filter: career.ProfessionFilter{Dataset: "seed"}, Page: career.PageArgs{First: 20}},
				Node: allProps(career.KindProfession, with(list("nextCareers", career.RelNextCareers), inferred))}},
		} {
			t.Run(c.name, func(t *testing.T) { CheckPlan(t, s, c.plan) })
		}
		p := &career.ReadPlan{Root: byID, Node: &career.NodePlan{Props: name, Lists: []*career.ListPlan{
			{Key: "up", Rel: career.RelNextCareers, Inferred: true, MoveKind: career.MoveProgression, Node: &career.NodePlan{Props: name}},
		}}}
		r := must(s.(career.PlanReader).ReadPlan(ctx, p))(t)
		var moves []career.CareerMove
		for _, n := range r.Roots[1].List("up").Items {
			moves = append(moves, n.Move())
		}
		// Codes are not read (the plan selects names): the names stand for them.
		got := []string{}
		for _, m := range moves {
			m.Profession.Code = m.Profession.Name
			got = append(got, moveStrings([]career.CareerMove{m})...)
		}
		equal(t, "the web developer's progressions, own then inferred", got, []string{
			"PROGRESSION Chef·fe de projet - -", // its other moves are lateral
			"PROGRESSION Développeur·euse d’applications mobiles 0.5 shares 6 of its 8 essential skills",
		})
	})
}
