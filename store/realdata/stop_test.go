package realdata_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/store/memory"
)

// TestMemoryStoreStopsWhenTheRequestIsOver calls every method of the embedded store whose
// loops grow with the data, over ROME + ESCO + O*NET, with a context past its deadline: each
// must stop in its loops (the store has no check before them) and return an error wrapping
// context.DeadlineExceeded that names the operation.
func TestMemoryStoreStopsWhenTheRequestIsOver(t *testing.T) {
	s := memory.New(readAll(t)...)
	live := context.Background()
	top, err := s.TopSkills(live, "", 100)
	if err != nil {
		t.Fatal(err)
	}
	var topSkills []string
	for _, u := range top {
		topSkills = append(topSkills, u.Skill.ID)
	}
	const (
		hub         = "profession:rome:H3302"                                // 21 next careers, the most of any profession
		manySkills  = "profession:esco:547b304b-9a72-4717-9b24-b7046df5f64e" // 340 required skills, the most
		pathsTarget = "profession:rome:H2204"
	)
	page := career.PageArgs{First: 10}
	for _, tc := range []struct {
		name, op string
		call     func(ctx context.Context) error
	}{
		{"search", "search", func(ctx context.Context) error {
			_, err := s.Search(ctx, career.SearchQuery{Text: "d", First: 1})
			return err
		}},
		{"professions by text", "search", func(ctx context.Context) error {
			_, err := s.ListProfessions(ctx, career.ProfessionFilter{Text: "d"}, page)
			return err
		}},
		{"professions by sector", "professions", func(ctx context.Context) error {
			_, err := s.ListProfessions(ctx, career.ProfessionFilter{Sector: "none"}, page)
			return err
		}},
		{"skills by kind", "skills", func(ctx context.Context) error {
			_, err := s.ListSkills(ctx, career.SkillFilter{Kind: career.SkillKindLanguage}, page)
			return err
		}},
		{"tools by category", "tools", func(ctx context.Context) error {
			_, err := s.ListTools(ctx, career.ToolFilter{Category: "none"}, page)
			return err
		}},
		{"trainings by level", "trainings", func(ctx context.Context) error {
			_, err := s.ListTrainings(ctx, career.TrainingFilter{Level: career.LevelOther}, page)
			return err
		}},
		{"professions of skills", "professions", func(ctx context.Context) error {
			_, err := s.ProfessionsLinkedTo(ctx, topSkills, "", page)
			return err
		}},
		{"careerPaths", "careerPaths", func(ctx context.Context) error {
			_, err := s.CareerPaths(ctx, hub, pathsTarget, 6, 20)
			return err
		}},
		{"careerProgression", "careerProgression", func(ctx context.Context) error {
			_, err := s.CareerProgression(ctx, hub, 6, 200)
			return err
		}},
		{"matchProfessions", "matchProfessions", func(ctx context.Context) error {
			_, err := s.MatchProfessions(ctx, career.MatchQuery{SkillIDs: topSkills, First: 50})
			return err
		}},
		{"similarProfessions", "similarProfessions", func(ctx context.Context) error {
			_, err := s.SimilarProfessions(ctx, manySkills, 50)
			return err
		}},
		{"topSkills", "topSkills", func(ctx context.Context) error {
			_, err := s.TopSkills(ctx, "none", 10)
			return err
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := tc.call(live); err != nil {
				t.Fatalf("with a live context: %v", err)
			}
			ctx, cancel := context.WithDeadline(live, time.Unix(0, 0))
			defer cancel()
			err := tc.call(ctx)
			if want := tc.op + " stopped: context deadline exceeded"; !errors.Is(err, context.DeadlineExceeded) || err.Error() != want {
				t.Errorf("past the deadline: got %v, want %q", err, want)
			}
		})
	}
}
