package graph

import (
	"reflect"
	"testing"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/graph/model"
)

func TestProfessionConnection(t *testing.T) {
	a := &career.Profession{ID: "profession:rome:D1102", Name: "Boulangerie - viennoiserie"}
	b := &career.Profession{ID: "profession:rome:D1104", Name: "Pâtisserie, confiserie"}
	ca, cb := career.EncodeCursor(a.Name, a.ID), career.EncodeCursor(b.Name, b.ID)
	empty := &model.ProfessionConnection{Edges: []*model.ProfessionEdge{}, Nodes: []*career.Profession{}, PageInfo: &model.PageInfo{}}
	for _, c := range []struct {
		name string
		page *career.Page[*career.Profession]
		want *model.ProfessionConnection
	}{
		{"a nil page is an empty connection", nil, empty},
		{"a page past the end keeps the total, with empty lists and no end cursor",
			&career.Page[*career.Profession]{TotalCount: 2},
			&model.ProfessionConnection{Edges: []*model.ProfessionEdge{}, Nodes: []*career.Profession{}, PageInfo: &model.PageInfo{}, TotalCount: 2}},
		{"a page's edges carry their cursors; the start and end cursors are the first and last edges'",
			&career.Page[*career.Profession]{Items: []*career.Profession{a, b}, HasNextPage: true, TotalCount: 7},
			&model.ProfessionConnection{
				Edges:      []*model.ProfessionEdge{{Cursor: ca, Node: a}, {Cursor: cb, Node: b}},
				Nodes:      []*career.Profession{a, b},
				PageInfo:   &model.PageInfo{HasNextPage: true, StartCursor: &ca, EndCursor: &cb},
				TotalCount: 7,
			}},
		{"a backward page says whether items precede it",
			&career.Page[*career.Profession]{Items: []*career.Profession{b}, HasPreviousPage: true, TotalCount: 7},
			&model.ProfessionConnection{
				Edges:      []*model.ProfessionEdge{{Cursor: cb, Node: b}},
				Nodes:      []*career.Profession{b},
				PageInfo:   &model.PageInfo{HasPreviousPage: true, StartCursor: &cb, EndCursor: &cb},
				TotalCount: 7,
			}},
	} {
		same(t, c.name, professionConnection(c.page), c.want)
	}
}

// same reports got and want when they differ (by reflect.DeepEqual).
func same(t *testing.T, what string, got, want any) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s: got %#v, want %#v", what, got, want)
	}
}

func TestSkillToolTrainingConnections(t *testing.T) {
	s := &career.Skill{ID: "skill:rome:100007", Name: "Pétrir une pâte"}
	cs := career.EncodeCursor(s.Name, s.ID)
	same(t, "skillConnection", skillConnection(&career.Page[*career.Skill]{Items: []*career.Skill{s}, TotalCount: 1}),
		&model.SkillConnection{Edges: []*model.SkillEdge{{Cursor: cs, Node: s}}, Nodes: []*career.Skill{s},
			PageInfo: &model.PageInfo{StartCursor: &cs, EndCursor: &cs}, TotalCount: 1})

	tl := &career.Tool{ID: "tool:rome:200001", Name: "Four à sole"}
	ct := career.EncodeCursor(tl.Name, tl.ID)
	same(t, "toolConnection", toolConnection(&career.Page[*career.Tool]{Items: []*career.Tool{tl}, HasNextPage: true, TotalCount: 3}),
		&model.ToolConnection{Edges: []*model.ToolEdge{{Cursor: ct, Node: tl}}, Nodes: []*career.Tool{tl},
			PageInfo: &model.PageInfo{HasNextPage: true, StartCursor: &ct, EndCursor: &ct}, TotalCount: 3})

	tr := &career.Training{ID: "training:onet:rl-5", Name: "Associate's Degree"}
	cr := career.EncodeCursor(tr.Name, tr.ID)
	same(t, "trainingConnection", trainingConnection(&career.Page[*career.Training]{Items: []*career.Training{tr}, TotalCount: 12}),
		&model.TrainingConnection{Edges: []*model.TrainingEdge{{Cursor: cr, Node: tr}}, Nodes: []*career.Training{tr},
			PageInfo: &model.PageInfo{StartCursor: &cr, EndCursor: &cr}, TotalCount: 12})
	same(t, "trainingConnection(nil)", trainingConnection(nil),
		&model.TrainingConnection{Edges: []*model.TrainingEdge{}, Nodes: []*career.Training{}, PageInfo: &model.PageInfo{}})
}
