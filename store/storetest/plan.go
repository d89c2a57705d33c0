package storetest

import (
	"context"
	"reflect"
	"testing"

	"github.com/careergraph/careergraph/career"
)

// This file is the conformance suite of read plans: a store's ReadPlan answers what the
// per-field methods of the same store answer (PlanByFields, the way the resolvers read today),
// exactly: the same nodes, selected properties, order, filters and page info.

// Plans of the suite, over the seed: the card (Q1), next careers and their skills (Q2), a page of
// professions with their essential skills (Q3), a skill's professions (Q4), and the rest.

// allProps selects every property of nodes of kind k, nested lists aside.
func allProps(k career.Kind, lists ...*career.ListPlan) *career.NodePlan {
	return &career.NodePlan{Props: career.Properties[k], Lists: lists}
}

// list is a relation list selecting every property of its items.
func list(key string, rel career.Relation, lists ...*career.ListPlan) *career.ListPlan {
	return &career.ListPlan{Key: key, Rel: rel, Node: allProps(rel.ItemKind(), lists...)}
}

// with sets filters on a list: fn changes it.
func with(l *career.ListPlan, fn func(l *career.ListPlan)) *career.ListPlan {
	fn(l)
	return l
}

// Q1 is the card of a profession: qualities, skills, tools, trainings, next careers.
func Q1(id string) *career.ReadPlan {
	return &career.ReadPlan{
		Root: career.PlanRoot{Kind: career.RootByID, NodeKind: career.KindProfession, IDs: []string{id}},
		Node: allProps(career.KindProfession,
			list("qualities", career.RelQualities), list("skills", career.RelSkills), list("tools", career.RelTools),
			list("trainings", career.RelTrainings), list("nextCareers", career.RelNextCareers)),
	}
}

// Q2 is a profession's next careers with their skills.
func Q2(id string) *career.ReadPlan {
	return &career.ReadPlan{
		Root: career.PlanRoot{Kind: career.RootByID, NodeKind: career.KindProfession, IDs: []string{id}},
		Node: &career.NodePlan{Props: []career.Property{career.PropName}, Lists: []*career.ListPlan{
			{Key: "nextCareers", Rel: career.RelNextCareers, Node: &career.NodePlan{Props: []career.Property{career.PropName}, Lists: []*career.ListPlan{
				{Key: "skills", Rel: career.RelSkills, Node: &career.NodePlan{Props: []career.Property{career.PropName}}},
			}}},
		}},
	}
}

// Q3 is a page of a dataset's professions by name with their essential skills.
func Q3(dataset string, first int, after string) *career.ReadPlan {
	return &career.ReadPlan{
		Root: career.PlanRoot{Kind: career.RootProfessions, NodeKind: career.KindProfession,
			Filter: career.ProfessionFilter{Dataset: dataset}, Page: career.PageArgs{First: first, After: after}},
		Node: &career.NodePlan{Props: []career.Property{career.PropName}, Lists: []*career.ListPlan{
			{Key: "skills", Rel: career.RelSkills, Importance: career.Essential, Node: &career.NodePlan{Props: []career.Property{career.PropName}}},
		}},
	}
}

// Q4 is a page of the professions requiring a skill, by name.
func Q4(skillID string, first int, after string) *career.ReadPlan {
	return &career.ReadPlan{
		Root: career.PlanRoot{Kind: career.RootByID, NodeKind: career.KindSkill, IDs: []string{skillID}},
		Node: &career.NodePlan{Props: []career.Property{career.PropName}, Lists: []*career.ListPlan{
			{Key: "professions", Rel: career.RelProfessions, Page: career.PageArgs{First: first, After: after},
				Node: &career.NodePlan{Props: []career.Property{career.PropName, career.PropCode}}},
		}},
	}
}

// PlanByFields answers a plan as the resolvers do without plans: with the per-field methods of
// s, one call per node and field.
func PlanByFields(ctx context.Context, s career.Store, p *career.ReadPlan) (*career.PlanResult, error) {
	out := &career.PlanResult{}
	var roots []any
	switch p.Root.Kind {
	case career.RootByID:
		for _, id := range p.Root.IDs {
			n, err := nodeByID(ctx, s, p.Root.NodeKind, id)
			if err != nil {
				return nil, err
			}
			roots = append(roots, n)
		}
	case career.RootByCode:
		n, err := s.ProfessionByCode(ctx, p.Root.Dataset, p.Root.Code)
		if err != nil {
			return nil, err
		}
		roots = append(roots, nilIfNone(n))
	case career.RootProfessions:
		page, err := s.ListProfessions(ctx, p.Root.Filter, p.Root.Page)
		if err != nil {
			return nil, err
		}
		out.HasNextPage, out.TotalCount = page.HasNextPage, page.TotalCount
		for _, n := range page.Items {
			roots = append(roots, n)
		}
	}
	out.Roots = make([]*career.PlanNode, len(roots))
	for i, n := range roots {
		if n == nil {
			continue
		}
		pn, err := nodeByFields(ctx, s, &career.PlanNode{Node: n}, p.Node)
		if err != nil {
			return nil, err
		}
		out.Roots[i] = pn
	}
	return out, nil
}

// nilIfNone turns a nil profession into a nil interface.
func nilIfNone(p *career.Profession) any {
	if p == nil {
		return nil
	}
	return p
}

// nodeByID looks a node of a kind up by ID with the store's batch methods; nil when none.
func nodeByID(ctx context.Context, s career.Store, k career.Kind, id string) (any, error) {
	ids := []string{id}
	switch k {
	case career.KindProfession:
		m, err := s.ProfessionsByID(ctx, ids)
		if n := m[id]; n != nil {
			return n, err
		}
		return nil, err
	case career.KindSkill:
		m, err := s.SkillsByID(ctx, ids)
		if n := m[id]; n != nil {
			return n, err
		}
		return nil, err
	case career.KindTool:
		m, err := s.ToolsByID(ctx, ids)
		if n := m[id]; n != nil {
			return n, err
		}
		return nil, err
	default:
		m, err := s.TrainingsByID(ctx, ids)
		if n := m[id]; n != nil {
			return n, err
		}
		return nil, err
	}
}

// nodeByFields reads the lists of np for node n, one store call per list.
func nodeByFields(ctx context.Context, s career.Store, n *career.PlanNode, np *career.NodePlan) (*career.PlanNode, error) {
	if len(np.Lists) == 0 {
		return n, nil
	}
	n.Lists = map[string]*career.PlanList{}
	id := reflect.Indirect(reflect.ValueOf(n.Node)).FieldByName("ID").String()
	ids := []string{id}
	for _, l := range np.Lists {
		var items []*career.PlanNode
		pl := &career.PlanList{}
		add := func(node any, imp career.Importance, move career.MoveKind) {
			if l.Keeps(node, imp, move) {
				items = append(items, &career.PlanNode{Node: node, Importance: imp, MoveKind: move})
			}
		}
		var err error
		switch l.Rel {
		case career.RelQualities:
			var m map[string][]*career.Skill
			m, err = s.Qualities(ctx, ids)
			for _, x := range m[id] {
				add(x, "", "")
			}
		case career.RelSkills:
			var m map[string][]career.SkillRequirement
			m, err = s.Requirements(ctx, ids)
			for _, x := range m[id] {
				add(x.Skill, x.Importance, "")
			}
		case career.RelTools:
			var m map[string][]*career.Tool
			m, err = s.ToolsOf(ctx, ids)
			for _, x := range m[id] {
				add(x, "", "")
			}
		case career.RelTrainings:
			var m map[string][]*career.Training
			m, err = s.TrainingsOf(ctx, ids)
			for _, x := range m[id] {
				add(x, "", "")
			}
		case career.RelNextCareers, career.RelPreviousCareers:
			var m map[string][]career.CareerMove
			if l.Rel == career.RelNextCareers {
				m, err = s.NextCareers(ctx, ids)
			} else {
				m, err = s.PreviousCareers(ctx, ids)
			}
			if err == nil && l.Inferred {
				var more map[string][]career.CareerMove
				more, err = s.InferredCareers(ctx, ids)
				m[id] = append(m[id], more[id]...)
			}
			for _, x := range m[id] {
				if l.Keeps(x.Profession, "", x.Kind) {
					items = append(items, &career.PlanNode{Node: x.Profession, MoveKind: x.Kind, Inference: x.Inference})
				}
			}
		case career.RelSpecializations:
			var m map[string][]*career.Profession
			m, err = s.Specializations(ctx, ids)
			for _, x := range m[id] {
				add(x, "", "")
			}
		case career.RelSpecializationOf:
			if b := n.Profession().SpecializationOf; b != "" {
				var m map[string]*career.Profession
				m, err = s.ProfessionsByID(ctx, []string{b})
				if m[b] != nil {
					add(m[b], "", "")
				}
			}
		case career.RelProfessions:
			var m map[string]*career.Page[*career.Profession]
			m, err = s.ProfessionsLinkedTo(ctx, ids, l.Importance, l.Page)
			if pg := m[id]; pg != nil {
				pl.HasNextPage, pl.TotalCount = pg.HasNextPage, pg.TotalCount
				for _, x := range pg.Items {
					add(x, "", "")
				}
			}
		}
		if err != nil {
			return nil, err
		}
		for _, it := range items {
			if _, err := nodeByFields(ctx, s, it, l.Node); err != nil {
				return nil, err
			}
		}
		pl.Items = items
		n.Lists[l.Key] = pl
	}
	return n, nil
}

// nodeView is what a plan's answer shows of a node: its selected properties (and ID and Name),
// the link's property of an item, and its lists.
type nodeView struct {
	Props      map[career.Property]any
	Importance career.Importance   `json:",omitempty"`
	MoveKind   career.MoveKind     `json:",omitempty"`
	Inference  *career.Inference   `json:",omitempty"`
	Lists      map[string]listView `json:",omitempty"`
}

type listView struct {
	Items       []*nodeView
	HasNextPage bool
	TotalCount  int
}

type resultView struct {
	Roots       []*nodeView
	HasNextPage bool
	TotalCount  int
}

// viewOf returns what r shows of plan p's selection.
func viewOf(p *career.ReadPlan, r *career.PlanResult) resultView {
	out := resultView{HasNextPage: r.HasNextPage, TotalCount: r.TotalCount}
	for _, n := range r.Roots {
		out.Roots = append(out.Roots, viewOfNode(n, p.Node, p.Root.Kind == career.RootProfessions))
	}
	return out
}

// viewOfNode returns what n shows of node plan np: the properties a store must set
// (career.NodePlan.Reads), the link's and the lists'.
func viewOfNode(n *career.PlanNode, np *career.NodePlan, paged bool) *nodeView {
	if n == nil {
		return nil
	}
	v := reflect.Indirect(reflect.ValueOf(n.Node))
	out := &nodeView{Props: map[career.Property]any{}, Importance: n.Importance, MoveKind: n.MoveKind, Inference: n.Inference}
	for _, p := range np.Reads(paged) {
		f := v.FieldByName(string(p))
		if f.Kind() == reflect.Pointer && !f.IsNil() {
			out.Props[p] = f.Elem().Interface()
		} else if f.Kind() != reflect.Pointer {
			out.Props[p] = f.Interface()
		}
	}
	for _, l := range np.Lists {
		if out.Lists == nil {
			out.Lists = map[string]listView{}
		}
		pl := n.List(l.Key)
		lv := listView{Items: []*nodeView{}, HasNextPage: pl.HasNextPage, TotalCount: pl.TotalCount}
		for _, it := range pl.Items {
			lv.Items = append(lv.Items, viewOfNode(it, l.Node, l.Rel.Paged()))
		}
		out.Lists[l.Key] = lv
	}
	return out
}

// planCase is one plan of the suite.
type planCase struct {
	name string
	plan *career.ReadPlan
}

// CheckPlan fails the test unless s (a career.PlanReader) answers the plan as its per-field
// methods do (PlanByFields): the same nodes, selected properties, order and page info.
func CheckPlan(t *testing.T, s career.Store, p *career.ReadPlan) {
	t.Helper()
	pr, ok := s.(career.PlanReader)
	if !ok {
		t.Fatalf("%T does not read plans", s)
	}
	ctx := context.Background()
	got := must(pr.ReadPlan(ctx, p))(t)
	want := must(PlanByFields(ctx, s, p))(t)
	equal(t, "plan answer", viewOf(p, got), viewOf(p, want))
}

// RunRealPlans checks Q1–Q4 on the real data (seed, ROME, ESCO, O*NET): the card and next
// careers of ROME's M1805, 20 ROME professions with their essential skills (two pages), and the
// first 20 professions of ESCO's most required skill (two pages).
func RunRealPlans(t *testing.T, s career.Store) {
	ctx := context.Background()
	m1805 := career.MakeID(career.KindProfession, "rome", "M1805")
	top := must(s.TopSkills(ctx, "esco", 1))(t)
	if len(top) != 1 {
		t.Fatalf("esco top skills: got %d, want 1", len(top))
	}
	skill := top[0].Skill.ID
	q3 := must(s.ListProfessions(ctx, career.ProfessionFilter{Dataset: "rome"}, career.PageArgs{First: 20}))(t)
	q4 := must(s.ProfessionsLinkedTo(ctx, []string{skill}, "", career.PageArgs{First: 20}))(t)[skill]
	last := func(p *career.Page[*career.Profession]) string {
		n := p.Items[len(p.Items)-1]
		return career.EncodeCursor(n.Name, n.ID)
	}
	for name, p := range map[string]*career.ReadPlan{
		"Q1": Q1(m1805), "Q2": Q2(m1805),
		"Q3": Q3("rome", 20, ""), "Q3 page 2": Q3("rome", 20, last(q3)),
		"Q4": Q4(skill, 20, ""), "Q4 page 2": Q4(skill, 20, last(q4)),
	} {
		t.Run(name, func(t *testing.T) { CheckPlan(t, s, p) })
	}
}

// RunPlans runs the conformance suite of read plans against the store that open returns (which
// must implement career.PlanReader), holding the seed.
func RunPlans(t *testing.T, seedDataset *career.Dataset, open Open) {
	s := open(t, seedDataset)
	pr, ok := s.(career.PlanReader)
	if !ok {
		t.Fatalf("%T does not read plans", s)
	}
	ctx := context.Background()
	cursor := func(name, id string) string { return career.EncodeCursor(name, id) }
	category := "Outils de développement"
	none := ""
	cases := []planCase{
		{"Q1 the card", Q1(backEnd)},
		{"Q2 next careers and their skills", Q2(backEnd)},
		{"Q3 professions by name with essential skills", Q3("seed", 20, "")},
		{"Q3 second page", Q3("seed", 3, cursor("Développeur·euse de logiciels", software))},
		{"Q3 empty page", Q3("seed", 0, "")},
		{"Q3 unknown dataset", Q3("nope", 20, "")},
		{"Q4 a skill's professions", Q4(languages, 3, "")},
		{"Q4 second page", Q4(languages, 3, cursor("Développeur·euse de logiciels", software))},
		{"Q4 past the end", Q4(languages, 3, cursor("Zz", "profession:seed:zz"))},
		{"aliases with other filters", &career.ReadPlan{
			Root: career.PlanRoot{Kind: career.RootByID, NodeKind: career.KindProfession, IDs: []string{backEnd}},
			Node: allProps(career.KindProfession,
				with(list("essential", career.RelSkills), func(l *career.ListPlan) { l.Importance = career.Essential }),
				with(list("knowledge", career.RelSkills), func(l *career.ListPlan) { l.SkillKind = career.SkillKindKnowledge }),
				with(list("optionalAttitudes", career.RelSkills), func(l *career.ListPlan) {
					l.Importance, l.SkillKind = career.Optional, career.SkillKindAttitude
				}),
				list("skills", career.RelSkills),
				with(list("devTools", career.RelTools), func(l *career.ListPlan) { l.Category = &category }),
				with(list("uncategorised", career.RelTools), func(l *career.ListPlan) { l.Category = &none }),
				with(list("higher", career.RelTrainings), func(l *career.ListPlan) { l.Level = career.LevelHigherLong }),
				with(list("lateral", career.RelNextCareers), func(l *career.ListPlan) { l.MoveKind = career.MoveLateral }),
				with(list("up", career.RelNextCareers), func(l *career.ListPlan) { l.MoveKind = career.MoveProgression }),
			),
		}},
		{"previous careers, specializations and specializationOf, nested", &career.ReadPlan{
			Root: career.PlanRoot{Kind: career.RootByID, NodeKind: career.KindProfession, IDs: []string{web, backEnd, "profession:seed:nope", web}},
			Node: allProps(career.KindProfession,
				list("previousCareers", career.RelPreviousCareers, list("specializationOf", career.RelSpecializationOf)),
				list("specializations", career.RelSpecializations, list("specializationOf", career.RelSpecializationOf,
					list("specializations", career.RelSpecializations))),
				list("specializationOf", career.RelSpecializationOf),
			),
		}},
		{"nested pages with after", &career.ReadPlan{
			Root: career.PlanRoot{Kind: career.RootByID, NodeKind: career.KindSkill, IDs: []string{languages, databases}},
			Node: allProps(career.KindSkill,
				with(list("first", career.RelProfessions, with(list("optional", career.RelSkills, with(list("professions", career.RelProfessions),
					func(l *career.ListPlan) {
						l.Page = career.PageArgs{First: 2, After: cursor("Chef·fe de projet", manager)}
					})),
					func(l *career.ListPlan) { l.Importance = career.Optional })),
					func(l *career.ListPlan) { l.Page = career.PageArgs{First: 2} }),
				with(list("essential", career.RelProfessions), func(l *career.ListPlan) {
					l.Importance, l.Page = career.Essential, career.PageArgs{First: 10, After: cursor("Chef·fe de projet", manager)}
				}),
			),
		}},
		{"a tool's and a training's professions", &career.ReadPlan{
			Root: career.PlanRoot{Kind: career.RootByID, NodeKind: career.KindTool, IDs: []string{git}},
			Node: allProps(career.KindTool, with(list("professions", career.RelProfessions, list("trainings", career.RelTrainings,
				with(list("professions", career.RelProfessions), func(l *career.ListPlan) { l.Page = career.PageArgs{First: 2} }))),
				func(l *career.ListPlan) { l.Page = career.PageArgs{First: 4} })),
		}},
		{"a profession by code", &career.ReadPlan{
			Root: career.PlanRoot{Kind: career.RootByCode, NodeKind: career.KindProfession, Dataset: "seed", Code: "architecte-logiciel"},
			Node: allProps(career.KindProfession, list("nextCareers", career.RelNextCareers, list("nextCareers", career.RelNextCareers))),
		}},
		{"an unknown code", &career.ReadPlan{
			Root: career.PlanRoot{Kind: career.RootByCode, NodeKind: career.KindProfession, Dataset: "seed", Code: "nope"},
			Node: allProps(career.KindProfession, list("skills", career.RelSkills)),
		}},
		{"a list root filtered by skill and sector", &career.ReadPlan{
			Root: career.PlanRoot{Kind: career.RootProfessions, NodeKind: career.KindProfession,
				Filter: career.ProfessionFilter{SkillID: databases, Sector: "Informatique"}, Page: career.PageArgs{First: 2}},
			Node: allProps(career.KindProfession, list("tools", career.RelTools)),
		}},
		{"nodes of another kind by ID", &career.ReadPlan{
			Root: career.PlanRoot{Kind: career.RootByID, NodeKind: career.KindTraining, IDs: []string{secondaire, git}},
			Node: allProps(career.KindTraining),
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) { CheckPlan(t, s, tc.plan) })
	}

	t.Run("exact answers", func(t *testing.T) {
		card := must(pr.ReadPlan(ctx, Q1(backEnd)))(t).Roots[0]
		equal(t, "name", card.Profession().Name, "Développeur·euse web back end")
		var qn []string
		for _, q := range card.List("qualities").Items {
			qn = append(qn, q.Skill().Name)
		}
		equal(t, "qualities", qn, []string{"Mobilité", "Orienté solution", "Responsabilité", "Travail en équipe", "Réactivité"})
		equal(t, "counts", []int{len(card.List("skills").Items), len(card.List("tools").Items), len(card.List("trainings").Items)}, []int{10, 12, 6})
		first := card.List("skills").Items[0].Requirement()
		equal(t, "first skill", []any{first.Importance, first.Skill.Name}, []any{career.Essential, "Maîtriser des langages de programmation spécifiques"})
		q4 := must(pr.ReadPlan(ctx, Q4(languages, 3, "")))(t).Roots[0].List("professions")
		pg := q4.ProfessionPage()
		equal(t, "Q4", []any{codes(pg.Items), pg.TotalCount, pg.HasNextPage},
			[]any{[]string{"architecte-logiciel", "developpeur-applications-mobiles", "developpeur-logiciels"}, 6, true})
		q3 := must(pr.ReadPlan(ctx, Q3("seed", 3, "")))(t)
		pg = q3.ProfessionPage()
		var names []string
		for _, p := range pg.Items {
			names = append(names, p.Name)
		}
		equal(t, "Q3", []any{names, pg.TotalCount, pg.HasNextPage},
			[]any{[]string{"Architecte logiciel", "Chef·fe de projet", "Développeur·euse d’applications mobiles"}, 8, true})
		equal(t, "missing list", len(q3.Roots[0].List("nope").Items), 0)
	})

	t.Run("refused plans", func(t *testing.T) {
		bad := Q4(languages, 3, "nope")
		_, err := pr.ReadPlan(ctx, bad)
		wantCode(t, err, career.EINVALID, `invalid cursor "nope": use a cursor returned by this API`)
		wrongRel := Q1(backEnd)
		wrongRel.Root.NodeKind = career.KindSkill
		_, err = pr.ReadPlan(ctx, wrongRel)
		wantCode(t, err, career.EINVALID, `plan: a skill has no property "Summary" (at "")`)
		text := Q3("seed", 3, "")
		text.Root.Filter.Text = "web"
		_, err = pr.ReadPlan(ctx, text)
		wantCode(t, err, career.EINVALID, "plan: lists filtered by text are not planned")
		repeated := Q2(backEnd)
		repeated.Node.Lists = append(repeated.Node.Lists, repeated.Node.Lists[0])
		_, err = pr.ReadPlan(ctx, repeated)
		wantCode(t, err, career.EINVALID, `plan: key "nextCareers" repeated (at "/nextCareers")`)
		toolImportance := &career.ReadPlan{
			Root: career.PlanRoot{Kind: career.RootByID, NodeKind: career.KindTool, IDs: []string{git}},
			Node: &career.NodePlan{Lists: []*career.ListPlan{{Key: "professions", Rel: career.RelProfessions, Importance: career.Essential, Node: &career.NodePlan{}}}},
		}
		_, err = pr.ReadPlan(ctx, toolImportance)
		wantCode(t, err, career.EINVALID, `plan: importance does not filter "professions" of a tool (at "/professions")`)
	})
}
