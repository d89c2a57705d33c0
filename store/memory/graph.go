package memory

import (
	"slices"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/textsearch"
)

// graph is an immutable, indexed snapshot of every loaded dataset. Loads build a new graph and
// swap it in, so readers never see a half-loaded dataset.
type graph struct {
	datasets    map[string]*datasetIndex
	professions map[string]*professionNode
	skills      map[string]*skillNode
	tools       map[string]*toolNode
	trainings   map[string]*trainingNode
	groups      map[string]*groupNode // groups.go

	// Every node of a kind, ordered by (sortKey, ID): the order of lists.
	sortedProfessions []*professionNode
	sortedSkills      []*skillNode
	sortedTools       []*toolNode
	sortedTrainings   []*trainingNode
	// skillsByUse orders skills by the number of professions requiring them (descending), then
	// (sortKey, ID); skills nobody requires are left out.
	skillsByUse []*skillNode

	// equivalences are the equivalences answered (both professions loaded); equivalents holds
	// each profession's, best first (see equivalents.go).
	equivalences []equivalenceEdge
	equivalents  map[*professionNode][]career.Equivalent

	text *textsearch.Index
	// interests holds interest codes, work contexts and texts in other languages.
	interests interestIndex
	// bounds are the bounds of the data, for the API's cost model.
	bounds career.Bounds
	// version is the data version (DataVersion), published with the graph.
	version string
}

// datasetIndex is what the graph keeps of one dataset.
type datasetIndex struct {
	info  career.DatasetInfo
	stats career.Stats
	// The dataset's nodes, ordered by (sortKey, ID).
	professions []*professionNode
	skills      []*skillNode
	tools       []*toolNode
	trainings   []*trainingNode
}

type professionNode struct {
	p       *career.Profession
	sortKey string

	requirements []requirementEdge // dataset order
	qualities    []*skillNode      // dataset order
	tools        []*toolNode       // dataset order
	trainings    []*trainingNode   // dataset order
	next         []moveEdge        // dataset order
	nextSorted   []*professionNode // the targets of next, by (sortKey, ID)
	previous     []moveEdge        // by the source's (sortKey, ID)
	broader      *professionNode
	narrower     []*professionNode // by (sortKey, ID)
	groups       []*groupNode      // narrowest first (groups.go)

	// inferred are the inferred moves out (ServedInferredMoves order), withInferred the targets
	// of next and inferred by (sortKey, ID), inferredPrevious the inferred moves in (inferred.go).
	inferred         []moveEdge
	withInferred     []*professionNode
	inferredPrevious []moveEdge

	// essentials is the number of its ESSENTIAL requirements (career.MatchCounts.Essential).
	essentials int
}

type requirementEdge struct {
	skill      *skillNode
	importance career.Importance
}

type moveEdge struct {
	profession *professionNode
	kind       career.MoveKind
	// inference is the score and basis of an inferred move; nil for the dataset's own.
	inference *career.Inference
}

type skillNode struct {
	s       *career.Skill
	sortKey string
	// requiredBy lists the professions requiring the skill, by (sortKey, ID).
	requiredBy []requiredByEdge
	// links are its hierarchy, relations and collections (skillgraph.go); nil when none.
	links *skillLinks
}

type requiredByEdge struct {
	profession *professionNode
	importance career.Importance
}

type toolNode struct {
	t       *career.Tool
	sortKey string
	usedBy  []*professionNode // by (sortKey, ID)
}

type trainingNode struct {
	t        *career.Training
	sortKey  string
	prepares []*professionNode // by (sortKey, ID)
}

// buildGraph indexes datasets (already validated: links point at nodes of the same dataset).
func buildGraph(datasets []*career.Dataset) *graph {
	g := &graph{
		datasets:    make(map[string]*datasetIndex),
		professions: make(map[string]*professionNode),
		skills:      make(map[string]*skillNode),
		tools:       make(map[string]*toolNode),
		trainings:   make(map[string]*trainingNode),
		text:        textsearch.NewIndex(),
	}
	for _, d := range datasets {
		g.add(d)
	}
	g.indexEquivalences(datasets)
	g.finish()
	return g
}

// add indexes the nodes and links of one dataset.
func (g *graph) add(d *career.Dataset) {
	di := &datasetIndex{info: d.Info}
	g.datasets[d.Info.Name] = di
	texts := textsByNode(d.Texts)
	for i := range d.Professions {
		p := &d.Professions[i]
		n := &professionNode{p: p, sortKey: career.SortKey(p.Name)}
		g.professions[p.ID] = n
		di.professions = append(di.professions, n)
		g.text.Add(p.ID, append(append([]string{p.Name}, p.AlternativeNames...), career.SearchNames(texts[p.ID])...))
	}
	for i := range d.Skills {
		s := &d.Skills[i]
		n := &skillNode{s: s, sortKey: career.SortKey(s.Name)}
		g.skills[s.ID] = n
		di.skills = append(di.skills, n)
		g.text.Add(s.ID, append(append([]string{s.Name}, s.AlternativeNames...), career.SearchNames(texts[s.ID])...))
	}
	for i := range d.Tools {
		t := &d.Tools[i]
		n := &toolNode{t: t, sortKey: career.SortKey(t.Name)}
		g.tools[t.ID] = n
		di.tools = append(di.tools, n)
		g.text.Add(t.ID, []string{t.Name})
	}
	for i := range d.Trainings {
		t := &d.Trainings[i]
		n := &trainingNode{t: t, sortKey: career.SortKey(t.Name)}
		g.trainings[t.ID] = n
		di.trainings = append(di.trainings, n)
		g.text.Add(t.ID, []string{t.Name})
	}

	for _, r := range d.Requirements {
		p, s := g.professions[r.ProfessionID], g.skills[r.SkillID]
		if p == nil || s == nil {
			continue
		}
		p.requirements = append(p.requirements, requirementEdge{skill: s, importance: r.Importance})
		if r.Importance == career.Essential {
			p.essentials++
		}
		s.requiredBy = append(s.requiredBy, requiredByEdge{profession: p, importance: r.Importance})
	}
	for _, l := range d.Qualities {
		if p, s := g.professions[l.ProfessionID], g.skills[l.TargetID]; p != nil && s != nil {
			p.qualities = append(p.qualities, s)
		}
	}
	for _, l := range d.ToolUses {
		if p, t := g.professions[l.ProfessionID], g.tools[l.TargetID]; p != nil && t != nil {
			p.tools = append(p.tools, t)
			t.usedBy = append(t.usedBy, p)
		}
	}
	for _, l := range d.TrainingLinks {
		if p, t := g.professions[l.ProfessionID], g.trainings[l.TargetID]; p != nil && t != nil {
			p.trainings = append(p.trainings, t)
			t.prepares = append(t.prepares, p)
		}
	}
	for _, m := range d.Moves {
		from, to := g.professions[m.FromID], g.professions[m.ToID]
		if from == nil || to == nil || from == to {
			continue
		}
		from.next = append(from.next, moveEdge{profession: to, kind: m.Kind})
		to.previous = append(to.previous, moveEdge{profession: from, kind: m.Kind})
		di.stats.CareerMoves++
	}
	for _, n := range di.professions {
		if b := g.professions[n.p.SpecializationOf]; b != nil && b != n {
			n.broader = b
			b.narrower = append(b.narrower, n)
		}
	}

	g.addInferred(d, di)
	g.addGroups(d, di)
	g.addInterests(d, di, texts)

	career.SortByKeys(di.professions, func(n *professionNode) (string, string) { return n.sortKey, n.p.ID })
	career.SortByKeys(di.skills, func(n *skillNode) (string, string) { return n.sortKey, n.s.ID })
	career.SortByKeys(di.tools, func(n *toolNode) (string, string) { return n.sortKey, n.t.ID })
	career.SortByKeys(di.trainings, func(n *trainingNode) (string, string) { return n.sortKey, n.t.ID })
	di.stats.Professions = len(di.professions)
	di.stats.Skills = len(di.skills)
	di.stats.Tools = len(di.tools)
	di.stats.Trainings = len(di.trainings)
	di.info.Professions = len(di.professions)
	g.addSkillGraph(d, di)
}

// finish sorts what lists and traversals read, once every dataset is in.
func (g *graph) finish() {
	professionKey := func(n *professionNode) (string, string) { return n.sortKey, n.p.ID }
	for _, n := range g.professions {
		g.sortedProfessions = append(g.sortedProfessions, n)
		n.nextSorted = make([]*professionNode, len(n.next))
		for i, m := range n.next {
			n.nextSorted[i] = m.profession
		}
		career.SortByKeys(n.nextSorted, professionKey)
		n.finishInferred(professionKey)
		slices.SortFunc(n.previous, func(a, b moveEdge) int {
			return career.CompareKeys(a.profession.sortKey, a.profession.p.ID, b.profession.sortKey, b.profession.p.ID)
		})
		career.SortByKeys(n.narrower, professionKey)
	}
	for _, n := range g.skills {
		g.sortedSkills = append(g.sortedSkills, n)
		slices.SortFunc(n.requiredBy, func(a, b requiredByEdge) int {
			return career.CompareKeys(a.profession.sortKey, a.profession.p.ID, b.profession.sortKey, b.profession.p.ID)
		})
		if len(n.requiredBy) > 0 {
			g.skillsByUse = append(g.skillsByUse, n)
		}
	}
	for _, n := range g.tools {
		g.sortedTools = append(g.sortedTools, n)
		career.SortByKeys(n.usedBy, professionKey)
	}
	for _, n := range g.trainings {
		g.sortedTrainings = append(g.sortedTrainings, n)
		career.SortByKeys(n.prepares, professionKey)
	}
	career.SortByKeys(g.sortedProfessions, professionKey)
	career.SortByKeys(g.sortedSkills, func(n *skillNode) (string, string) { return n.sortKey, n.s.ID })
	career.SortByKeys(g.sortedTools, func(n *toolNode) (string, string) { return n.sortKey, n.t.ID })
	career.SortByKeys(g.sortedTrainings, func(n *trainingNode) (string, string) { return n.sortKey, n.t.ID })
	slices.SortFunc(g.skillsByUse, func(a, b *skillNode) int {
		if len(a.requiredBy) != len(b.requiredBy) {
			return len(b.requiredBy) - len(a.requiredBy)
		}
		return career.CompareKeys(a.sortKey, a.s.ID, b.sortKey, b.s.ID)
	})
	g.finishGroups()
	g.finishInterests()
	g.text.Build()
}
