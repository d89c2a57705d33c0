package neo4jstore_test

import (
	"reflect"
	"testing"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/internal/testbackend"
)

// ids returns the IDs of professions.
func ids(ps []*career.Profession) []string {
	out := []string{}
	for _, p := range ps {
		out = append(out, p.ID)
	}
	return out
}

func skillIDsOf(ss []*career.Skill) []string {
	out := []string{}
	for _, s := range ss {
		out = append(out, s.ID)
	}
	return out
}

func eq(t *testing.T, what string, got, want any) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s = %#v, want %#v", what, got, want)
	}
}

// TestMethods checks every Store method on the fixture against values worked out by hand.
func TestMethods(t *testing.T) {
	s := testbackend.OpenNeo4j(t)
	d := fixture()
	testbackend.LoadNeo4j(t, s, d)
	ctx := ctxT(t)
	unknown := fid(career.KindProfession, "nope")

	t.Run("Datasets lists the dataset with its profession count", func(t *testing.T) {
		got, err := s.Datasets(ctx)
		if err != nil {
			t.Fatal(err)
		}
		want := d.Info
		want.Professions = 6
		eq(t, "Datasets", got, []career.DatasetInfo{want})
	})
	t.Run("byID returns nodes exactly as loaded and leaves unknown IDs out", func(t *testing.T) {
		ps, err := s.ProfessionsByID(ctx, []string{pBack, pElec, unknown, sPHP, pBack})
		if err != nil {
			t.Fatal(err)
		}
		eq(t, "ProfessionsByID", ps, map[string]*career.Profession{pBack: &d.Professions[0], pElec: &d.Professions[5]})
		ss, err := s.SkillsByID(ctx, []string{sPHP, sDB, sRig})
		if err != nil {
			t.Fatal(err)
		}
		eq(t, "SkillsByID", ss, map[string]*career.Skill{sPHP: &d.Skills[0], sDB: &d.Skills[1], sRig: &d.Skills[2]})
		ts, err := s.ToolsByID(ctx, []string{tSlack})
		if err != nil {
			t.Fatal(err)
		}
		eq(t, "ToolsByID", ts, map[string]*career.Tool{tSlack: &d.Tools[1]})
		fs, err := s.TrainingsByID(ctx, []string{fBach, fPromo})
		if err != nil {
			t.Fatal(err)
		}
		eq(t, "TrainingsByID", fs, map[string]*career.Training{fBach: &d.Trainings[0], fPromo: &d.Trainings[2]})
		if *fs[fBach].DurationYears != 3 || fs[fPromo].DurationYears != nil {
			t.Errorf("durations %v, %v", fs[fBach].DurationYears, fs[fPromo].DurationYears)
		}
	})
	t.Run("per-profession lists keep dataset order", func(t *testing.T) {
		q, err := s.Qualities(ctx, []string{pBack, pWeb, unknown})
		if err != nil {
			t.Fatal(err)
		}
		eq(t, "Qualities", map[string][]string{pBack: skillIDsOf(q[pBack]), pWeb: skillIDsOf(q[pWeb])},
			map[string][]string{pBack: {sRig}, pWeb: {}})
		if _, ok := q[unknown]; ok || len(q) != 2 {
			t.Errorf("Qualities has %d entries", len(q))
		}
		r, err := s.Requirements(ctx, []string{pBack, pArch})
		if err != nil {
			t.Fatal(err)
		}
		eq(t, "Requirements(archi)", r[pArch], []career.SkillRequirement{
			{Skill: &d.Skills[3], Importance: career.Optional},
			{Skill: &d.Skills[1], Importance: career.Essential},
			{Skill: &d.Skills[0], Importance: career.Essential},
		})
		eq(t, "Requirements(back)", skillIDs(r[pBack]), []string{sPHP, sRig, sDB})
		tools, err := s.ToolsOf(ctx, []string{pFront})
		if err != nil {
			t.Fatal(err)
		}
		eq(t, "ToolsOf(front)", tools[pFront], []*career.Tool{&d.Tools[2], &d.Tools[0]})
		tr, err := s.TrainingsOf(ctx, []string{pBack, pElec})
		if err != nil {
			t.Fatal(err)
		}
		eq(t, "TrainingsOf(back)", tr[pBack], []*career.Training{&d.Trainings[0], &d.Trainings[2]})
		eq(t, "TrainingsOf(elec)", tr[pElec], []*career.Training{})
		next, err := s.NextCareers(ctx, []string{pBack, pFront})
		if err != nil {
			t.Fatal(err)
		}
		eq(t, "NextCareers(back)", next[pBack], []career.CareerMove{
			{Profession: &d.Professions[3], Kind: career.MoveProgression},
			{Profession: &d.Professions[2], Kind: career.MoveLateral},
		})
		eq(t, "NextCareers(front)", next[pFront], []career.CareerMove{
			{Profession: &d.Professions[3], Kind: career.MoveProgression},
			{Profession: &d.Professions[0], Kind: career.MoveLateral},
		})
	})
	t.Run("previous careers and specializations come by name", func(t *testing.T) {
		prev, err := s.PreviousCareers(ctx, []string{pArch, pCTO})
		if err != nil {
			t.Fatal(err)
		}
		eq(t, "PreviousCareers(archi)", prev[pArch], []career.CareerMove{
			{Profession: &d.Professions[0], Kind: career.MoveProgression},
			{Profession: &d.Professions[2], Kind: career.MoveProgression},
		})
		eq(t, "PreviousCareers(cto)", prev[pCTO], []career.CareerMove{{Profession: &d.Professions[3], Kind: career.MoveProgression}})
		spec, err := s.Specializations(ctx, []string{pWeb, pBack})
		if err != nil {
			t.Fatal(err)
		}
		eq(t, "Specializations", map[string][]string{pWeb: ids(spec[pWeb]), pBack: ids(spec[pBack])},
			map[string][]string{pWeb: {pBack, pFront}, pBack: {}})
	})
	t.Run("ProfessionsLinkedTo pages each target by name", func(t *testing.T) {
		got, err := s.ProfessionsLinkedTo(ctx, []string{sPHP, tGit, fMaster, unknown, fid(career.KindSkill, "nope")}, "", career.PageArgs{First: 2})
		if err != nil {
			t.Fatal(err)
		}
		type page struct {
			IDs   []string
			More  bool
			Total int
		}
		summary := func(m map[string]*career.Page[*career.Profession]) map[string]page {
			out := map[string]page{}
			for id, p := range m {
				out[id] = page{ids(p.Items), p.HasNextPage, p.TotalCount}
			}
			return out
		}
		eq(t, "first page", summary(got), map[string]page{
			sPHP:    {[]string{pArch, pBack}, true, 3},
			tGit:    {[]string{pArch, pBack}, true, 3},
			fMaster: {[]string{pArch, pCTO}, false, 2},
		})
		after := career.EncodeCursor(d.Professions[0].Name, pBack)
		got, err = s.ProfessionsLinkedTo(ctx, []string{sPHP, tGit}, "", career.PageArgs{First: 2, After: after})
		if err != nil {
			t.Fatal(err)
		}
		eq(t, "second page", summary(got), map[string]page{
			sPHP: {[]string{pFront}, false, 3},
			tGit: {[]string{pFront}, false, 3},
		})
		got, err = s.ProfessionsLinkedTo(ctx, []string{sPHP, tGit}, career.Optional, career.PageArgs{First: 2})
		if err != nil {
			t.Fatal(err)
		}
		eq(t, "optional only", summary(got), map[string]page{
			sPHP: {[]string{pFront}, false, 1},
			tGit: {[]string{pArch, pBack}, true, 3},
		})
		if _, err := s.ProfessionsLinkedTo(ctx, []string{sPHP}, "", career.PageArgs{First: 2, After: "garbage"}); career.ErrorCode(err) != career.EINVALID {
			t.Errorf("bad cursor: %v", err)
		}
	})
	t.Run("ProfessionByCode", func(t *testing.T) {
		p, err := s.ProfessionByCode(ctx, fixtureName, "cto")
		if err != nil || p == nil || p.ID != pCTO {
			t.Errorf("cto: %v, %v", p, err)
		}
		p, err = s.ProfessionByCode(ctx, fixtureName, "nope")
		if err != nil || p != nil {
			t.Errorf("nope: %v, %v", p, err)
		}
	})
	t.Run("lists filter and page by name", func(t *testing.T) {
		list := func(f career.ProfessionFilter, page career.PageArgs) ([]string, bool, int) {
			t.Helper()
			p, err := s.ListProfessions(ctx, f, page)
			if err != nil {
				t.Fatal(err)
			}
			return ids(p.Items), p.HasNextPage, p.TotalCount
		}
		type res struct {
			IDs   []string
			More  bool
			Total int
		}
		r := func(ids []string, more bool, total int) res { return res{ids, more, total} }
		eq(t, "all, first 2", r(list(career.ProfessionFilter{}, career.PageArgs{First: 2})), res{[]string{pArch, pWeb}, true, 6})
		eq(t, "all, after dev-web", r(list(career.ProfessionFilter{}, career.PageArgs{First: 3, After: career.EncodeCursor(d.Professions[1].Name, pWeb)})),
			res{[]string{pBack, pFront, pCTO}, true, 6})
		eq(t, "sector", r(list(career.ProfessionFilter{Sector: "Informatique", Dataset: fixtureName}, career.PageArgs{First: 10})),
			res{[]string{pArch, pWeb, pBack, pFront}, false, 4})
		eq(t, "skill", r(list(career.ProfessionFilter{SkillID: sDB}, career.PageArgs{First: 10})), res{[]string{pArch, pBack, pCTO}, false, 3})
		eq(t, "skill and tool", r(list(career.ProfessionFilter{SkillID: sDB, ToolID: tSlack}, career.PageArgs{First: 10})), res{[]string{pArch, pCTO}, false, 2})
		eq(t, "text", r(list(career.ProfessionFilter{Text: "développeuse"}, career.PageArgs{First: 2})), res{[]string{pWeb, pBack}, true, 3})
		eq(t, "text, page 2", r(list(career.ProfessionFilter{Text: "développeuse"}, career.PageArgs{First: 2, After: career.EncodeCursor(d.Professions[0].Name, pBack)})),
			res{[]string{pFront}, false, 3})
		eq(t, "inclusive form", r(list(career.ProfessionFilter{Text: "directrice"}, career.PageArgs{First: 10})), res{[]string{pCTO}, false, 1})
		eq(t, "other dataset", r(list(career.ProfessionFilter{Dataset: "other"}, career.PageArgs{First: 10})), res{[]string{}, false, 0})

		sk, err := s.ListSkills(ctx, career.SkillFilter{}, career.PageArgs{First: 10})
		if err != nil {
			t.Fatal(err)
		}
		eq(t, "skills", skillIDsOf(sk.Items), []string{sDB, sTeam, sJS, sPHP, sRig})
		sk, err = s.ListSkills(ctx, career.SkillFilter{Kind: career.SkillKindAttitude}, career.PageArgs{First: 10})
		if err != nil {
			t.Fatal(err)
		}
		eq(t, "attitudes", skillIDsOf(sk.Items), []string{sRig})
		tl, err := s.ListTools(ctx, career.ToolFilter{Category: "Communication"}, career.PageArgs{First: 10})
		if err != nil {
			t.Fatal(err)
		}
		eq(t, "tools", tl.Items, []*career.Tool{&d.Tools[1]})
		tr, err := s.ListTrainings(ctx, career.TrainingFilter{Text: "informatique"}, career.PageArgs{First: 1})
		if err != nil {
			t.Fatal(err)
		}
		eq(t, "trainings", []any{tr.Items, tr.HasNextPage, tr.TotalCount}, []any{[]*career.Training{&d.Trainings[0]}, true, 2})
	})
	t.Run("Search ranks by MatchText score, then name", func(t *testing.T) {
		type hit struct {
			ID    string
			Kind  career.Kind
			Score float64
		}
		search := func(q career.SearchQuery) []hit {
			t.Helper()
			hits, err := s.Search(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			out := []hit{}
			for _, h := range hits {
				var id string
				switch n := h.Node.(type) {
				case *career.Profession:
					id = n.ID
				case *career.Training:
					id = n.ID
				}
				out = append(out, hit{id, h.Kind, h.Score})
			}
			return out
		}
		eq(t, "développeuse web", search(career.SearchQuery{Text: "développeuse web", First: 10}), []hit{
			{pWeb, career.KindProfession, 1}, {pBack, career.KindProfession, 0.83}, {pFront, career.KindProfession, 0.83},
		})
		eq(t, "dev, professions, first 2", search(career.SearchQuery{Text: "dev", Kinds: []career.Kind{career.KindProfession}, First: 2}), []hit{
			{pWeb, career.KindProfession, 0.189091}, {pBack, career.KindProfession, 0.164545},
		})
		eq(t, "alternative name", search(career.SearchQuery{Text: "programmeuse", First: 10}), []hit{{pBack, career.KindProfession, 0.693}})
		eq(t, "in", search(career.SearchQuery{Text: "in", First: 10}), []hit{
			{fBach, career.KindTraining, 0.115}, {fMaster, career.KindTraining, 0.115},
		})
		eq(t, "kind filter", search(career.SearchQuery{Text: "in", Kinds: []career.Kind{career.KindProfession}, First: 10}), []hit{})
		eq(t, "punctuation only", search(career.SearchQuery{Text: "·(*", First: 10}), []hit{})
		eq(t, "Lucene syntax is literal", search(career.SearchQuery{Text: "dev* OR a:b", First: 10}), []hit{})
	})
	t.Run("CareerPaths: shortest first, then by the names of the steps", func(t *testing.T) {
		paths := func(from, to string, steps, first int) ([][]string, error) {
			ps, err := s.CareerPaths(ctx, from, to, steps, first)
			out := [][]string{}
			for _, p := range ps {
				out = append(out, ids(p))
			}
			return out, err
		}
		got, err := paths(pBack, pCTO, 4, 5)
		eq(t, "back→cto", got, [][]string{{pBack, pArch, pCTO}, {pBack, pFront, pArch, pCTO}})
		eq(t, "err", err, nil)
		got, _ = paths(pBack, pCTO, 2, 5)
		eq(t, "back→cto in 2", got, [][]string{{pBack, pArch, pCTO}})
		got, _ = paths(pFront, pCTO, 6, 1)
		eq(t, "front→cto first 1", got, [][]string{{pFront, pArch, pCTO}})
		got, _ = paths(pBack, pElec, 6, 5)
		eq(t, "back→elec", got, [][]string{})
		_, err = paths(pBack, pBack, 4, 5)
		eq(t, "same", career.ErrorCode(err), career.EINVALID)
		_, err = paths(unknown, pBack, 4, 5)
		eq(t, "unknown from", career.ErrorMessage(err), `from: no profession with ID "profession:neo4jtest:nope"`)
		_, err = paths(pBack, sPHP, 4, 5)
		eq(t, "skill as to", career.ErrorCode(err), career.ENOTFOUND)
	})
	t.Run("CareerProgression: nearest first, smallest shortest path", func(t *testing.T) {
		type step struct {
			ID   string
			D    int
			Path []string
		}
		prog := func(from string, steps, first int) []step {
			t.Helper()
			got, err := s.CareerProgression(ctx, from, steps, first)
			if err != nil {
				t.Fatal(err)
			}
			out := []step{}
			for _, st := range got {
				out = append(out, step{st.Profession.ID, st.Distance, ids(st.Path)})
			}
			return out
		}
		eq(t, "from back", prog(pBack, 3, 50), []step{
			{pArch, 1, []string{pBack, pArch}}, {pFront, 1, []string{pBack, pFront}}, {pCTO, 2, []string{pBack, pArch, pCTO}},
		})
		eq(t, "from front, first 2", prog(pFront, 3, 2), []step{
			{pArch, 1, []string{pFront, pArch}}, {pBack, 1, []string{pFront, pBack}},
		})
		eq(t, "from elec", prog(pElec, 6, 50), []step{})
		if _, err := s.CareerProgression(ctx, unknown, 3, 5); career.ErrorCode(err) != career.ENOTFOUND {
			t.Errorf("unknown: %v", err)
		}
	})
	t.Run("SkillGap", func(t *testing.T) {
		g, err := s.SkillGap(ctx, pFront, pBack)
		if err != nil {
			t.Fatal(err)
		}
		eq(t, "shared", skillIDsOf(g.Shared), []string{sPHP})
		eq(t, "missing", g.Missing, []career.SkillRequirement{
			{Skill: &d.Skills[1], Importance: career.Essential}, {Skill: &d.Skills[2], Importance: career.Optional},
		})
		eq(t, "missing tools", g.MissingTools, []*career.Tool{})
		eq(t, "coverage", g.Coverage, 0.5)
		eq(t, "trainings", g.Trainings, []*career.Training{&d.Trainings[0], &d.Trainings[2]})
		eq(t, "from, to", []string{g.From.ID, g.To.ID}, []string{pFront, pBack})
		g, err = s.SkillGap(ctx, pBack, pArch)
		if err != nil {
			t.Fatal(err)
		}
		eq(t, "back→archi", []any{skillIDsOf(g.Shared), skillIDs(g.Missing), g.MissingTools, g.Coverage},
			[]any{[]string{sDB, sPHP}, []string{sTeam}, []*career.Tool{&d.Tools[1]}, 1.0})
		g, err = s.SkillGap(ctx, pBack, pElec)
		if err != nil {
			t.Fatal(err)
		}
		eq(t, "to elec: nothing required", []any{len(g.Shared), len(g.Missing), g.Coverage}, []any{0, 0, 1.0})
		if _, err := s.SkillGap(ctx, pBack, unknown); career.ErrorMessage(err) != `to: no profession with ID "profession:neo4jtest:nope"` {
			t.Errorf("unknown to: %v", err)
		}
	})
	type match struct {
		ID      string
		Score   float64
		Matched []string
		Missing []string
	}
	matches := func(ms []career.ProfessionMatch) []match {
		out := []match{}
		for _, m := range ms {
			out = append(out, match{m.Profession.ID, m.Score, skillIDsOf(m.Matched), skillIDsOf(m.Missing)})
		}
		return out
	}
	t.Run("MatchProfessions", func(t *testing.T) {
		got, err := s.MatchProfessions(ctx, career.MatchQuery{SkillIDs: []string{sPHP, sDB}, ToolIDs: []string{tGit}, First: 10})
		if err != nil {
			t.Fatal(err)
		}
		eq(t, "php+db+git", matches(got), []match{
			// career.MatchCounts.Score: 0.75 × (given used / 3) + 0.25 × essential coverage.
			{pArch, 1, []string{sDB, sPHP}, []string{sTeam}},
			{pBack, 1, []string{sPHP, sDB}, []string{sRig}},
			{pFront, 0.5, []string{sPHP}, []string{sJS}},
			{pCTO, 0.25, []string{sDB}, []string{sTeam}},
		})
		got, err = s.MatchProfessions(ctx, career.MatchQuery{ToolIDs: []string{tSlack}, First: 1})
		if err != nil {
			t.Fatal(err)
		}
		// Both use slack (0.75 × 1) and hold none of their essentials: by name.
		eq(t, "slack, first 1", matches(got), []match{{pArch, 0.75, []string{}, []string{sDB, sPHP, sTeam}}})
		got, err = s.MatchProfessions(ctx, career.MatchQuery{SkillIDs: []string{sPHP}, Dataset: "other", First: 10})
		if err != nil {
			t.Fatal(err)
		}
		eq(t, "other dataset", matches(got), []match{})
		_, err = s.MatchProfessions(ctx, career.MatchQuery{SkillIDs: []string{sPHP, fid(career.KindSkill, "nope")}, First: 10})
		eq(t, "unknown skill", career.ErrorMessage(err), `skills: no skill with ID "skill:neo4jtest:nope"`)
		_, err = s.MatchProfessions(ctx, career.MatchQuery{ToolIDs: []string{sPHP}, First: 10})
		eq(t, "skill as tool", career.ErrorCode(err), career.ENOTFOUND)
	})
	t.Run("SimilarProfessions", func(t *testing.T) {
		got, err := s.SimilarProfessions(ctx, pBack, 10)
		if err != nil {
			t.Fatal(err)
		}
		eq(t, "like back", matches(got), []match{
			{pFront, 0.5, []string{sPHP}, []string{sJS}},
			{pArch, 3.0 / 7, []string{sDB, sPHP}, []string{sTeam}},
			{pCTO, 1.0 / 7, []string{sDB}, []string{sTeam}},
		})
		got, err = s.SimilarProfessions(ctx, pElec, 10)
		eq(t, "like elec", []any{matches(got), err}, []any{[]match{}, nil})
		_, err = s.SimilarProfessions(ctx, unknown, 10)
		eq(t, "unknown", career.ErrorCode(err), career.ENOTFOUND)
	})
	t.Run("Stats and TopSkills", func(t *testing.T) {
		noSources := []career.SourceCount{} // no equivalences: an empty list, not null
		st, err := s.Stats(ctx, fixtureName)
		if err != nil {
			t.Fatal(err)
		}
		eq(t, "stats", *st, career.Stats{Professions: 6, Skills: 5, Tools: 3, Trainings: 3, CareerMoves: 5, EquivalencesBySource: noSources})
		st, err = s.Stats(ctx, "")
		eq(t, "stats of all", []any{*st, err}, []any{career.Stats{Professions: 6, Skills: 5, Tools: 3, Trainings: 3, CareerMoves: 5, EquivalencesBySource: noSources}, nil})
		st, err = s.Stats(ctx, "other")
		eq(t, "stats of other", []any{*st, err}, []any{career.Stats{EquivalencesBySource: noSources}, nil})
		top, err := s.TopSkills(ctx, fixtureName, 10)
		if err != nil {
			t.Fatal(err)
		}
		type usage struct {
			ID string
			N  int
		}
		var got []usage
		for _, u := range top {
			got = append(got, usage{u.Skill.ID, u.Professions})
		}
		eq(t, "top skills", got, []usage{{sDB, 3}, {sPHP, 3}, {sTeam, 2}, {sJS, 1}, {sRig, 1}})
		top, err = s.TopSkills(ctx, "", 2)
		eq(t, "top 2", []any{len(top), top[0].Skill, top[1].Skill.ID, err}, []any{2, &d.Skills[1], sPHP, nil})
	})
}
