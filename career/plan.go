package career

import (
	"context"
	"slices"
)

// This file holds the read plan: a backend-neutral description of everything one root field of
// a request reads (the root nodes, which of their properties, which relation lists with which
// filters and pages, nested to any depth), and the plan's answer, a tree the GraphQL layer reads
// without further store calls. The GraphQL layer builds plans from the selection set; a store
// that implements PlanReader answers a plan at once (one Cypher statement on Neo4j) instead of
// one call per field.

// PlanReader is a store that answers read plans. Answers equal what the per-field methods of
// Store answer: the same nodes, in the same order, with the same page cuts.
type PlanReader interface {
	ReadPlan(ctx context.Context, p *ReadPlan) (*PlanResult, error)
}

// RootKind says how a plan finds its root nodes.
type RootKind string

// The roots of a plan.
const (
	// RootByID reads the nodes of one kind with the given IDs (profession(id), skill(id),
	// node(id), …): the result has one entry per ID, in order, nil for an unknown ID.
	RootByID RootKind = "BY_ID"
	// RootByCode reads the profession with the given dataset and code (profession(dataset,
	// code)): the result has one entry, nil when none.
	RootByCode RootKind = "BY_CODE"
	// RootProfessions reads one page of the professions that pass a filter, by (SortKey(name),
	// ID), as ListProfessions does: the result has the page's professions and its page info.
	RootProfessions RootKind = "PROFESSIONS"
)

// PlanRoot is where a plan starts.
type PlanRoot struct {
	Kind RootKind
	// NodeKind is the kind of the root nodes: any kind for RootByID, KindProfession otherwise.
	NodeKind Kind
	// IDs are the IDs of RootByID.
	IDs []string
	// Dataset and Code are the profession of RootByCode.
	Dataset, Code string
	// Filter and Page are the list of RootProfessions. Filter.Text must be empty: lists
	// filtered by text are not planned (they stay with ListProfessions).
	Filter ProfessionFilter
	Page   PageArgs
}

// Property is a scalar property of a node that a plan selects, named after the field of the
// domain type that holds it.
type Property string

// The properties of nodes. A plan reads those its selection asks for, and ID and Name of the
// items of a page, whose cursors are made of both (NodePlan.Reads).
const (
	PropID               Property = "ID"
	PropDataset          Property = "Dataset"
	PropCode             Property = "Code"
	PropName             Property = "Name"
	PropAlternativeNames Property = "AlternativeNames"
	PropSummary          Property = "Summary"          // profession
	PropDescription      Property = "Description"      // profession, skill, training
	PropSector           Property = "Sector"           // profession
	PropTasks            Property = "Tasks"            // profession
	PropSpecializationOf Property = "SpecializationOf" // profession: the broader profession's ID
	PropLanguage         Property = "Language"         // profession, skill
	PropSource           Property = "Source"           // profession
	PropSkillKind        Property = "Kind"             // skill
	PropCategory         Property = "Category"         // tool
	PropLevel            Property = "Level"            // training
	PropDurationYears    Property = "DurationYears"    // training
)

// Properties lists the properties each kind of node has, in the order of its domain type.
var Properties = map[Kind][]Property{
	KindProfession: {PropID, PropDataset, PropCode, PropName, PropAlternativeNames, PropSummary, PropDescription,
		PropSector, PropTasks, PropSpecializationOf, PropLanguage, PropSource},
	KindSkill:    {PropID, PropDataset, PropCode, PropName, PropAlternativeNames, PropSkillKind, PropDescription, PropLanguage},
	KindTool:     {PropID, PropDataset, PropCode, PropName, PropCategory},
	KindTraining: {PropID, PropDataset, PropCode, PropName, PropLevel, PropDurationYears, PropDescription},
}

// Relation is a list of nodes linked to a node, the relation fields of the API.
type Relation string

// The relations a plan reads, with the kind of node they start from and the order of their
// items (the orders of Store).
const (
	// RelQualities: a profession's qualities (skills), in dataset order.
	RelQualities Relation = "qualities"
	// RelSkills: a profession's requirements (skills, each with its Importance), in dataset
	// order; filtered by Importance and SkillKind.
	RelSkills Relation = "skills"
	// RelTools: a profession's tools, in dataset order; filtered by Category.
	RelTools Relation = "tools"
	// RelTrainings: the trainings that prepare for a profession, in dataset order; filtered by
	// Level.
	RelTrainings Relation = "trainings"
	// RelNextCareers: the moves out of a profession (professions, each with its MoveKind), in
	// dataset order; filtered by MoveKind. With ListPlan.Inferred, the inferred moves follow
	// (each with its Inference), best score first (InferredCareers).
	RelNextCareers Relation = "nextCareers"
	// RelPreviousCareers: the moves into a profession, by the source's (SortKey(name), ID).
	RelPreviousCareers Relation = "previousCareers"
	// RelSpecializations: the professions that specialise a profession, by (SortKey(name), ID).
	RelSpecializations Relation = "specializations"
	// RelSpecializationOf: the broader profession of a profession, a list of none or one.
	RelSpecializationOf Relation = "specializationOf"
	// RelProfessions: one page (Page) of the professions that require a skill (filtered by
	// Importance), use a tool or are prepared by a training, by (SortKey(name), ID), as
	// ProfessionsLinkedTo answers.
	RelProfessions Relation = "professions"
)

// relationKinds are the kind of node each relation starts from ("" for RelProfessions, which
// starts from a skill, tool or training) and the kind of its items.
var relationKinds = map[Relation][2]Kind{
	RelQualities:        {KindProfession, KindSkill},
	RelSkills:           {KindProfession, KindSkill},
	RelTools:            {KindProfession, KindTool},
	RelTrainings:        {KindProfession, KindTraining},
	RelNextCareers:      {KindProfession, KindProfession},
	RelPreviousCareers:  {KindProfession, KindProfession},
	RelSpecializations:  {KindProfession, KindProfession},
	RelSpecializationOf: {KindProfession, KindProfession},
	RelProfessions:      {"", KindProfession},
}

// Paged reports whether the lists of relation r are pages (RelProfessions), whose items carry
// cursors: their IDs and names are read (NodePlan.Reads).
func (r Relation) Paged() bool { return r == RelProfessions }

// ItemKind returns the kind of the nodes of relation r.
func (r Relation) ItemKind() Kind { return relationKinds[r][1] }

// NodePlan is what a plan reads of each node at one place of the tree.
type NodePlan struct {
	// Props are the selected properties (see Reads).
	Props []Property
	// Lists are the relation lists read from each node, each under its response key.
	Lists []*ListPlan
}

// Reads returns the properties a store sets on each node np reads, in order: ID and Name when
// they are selected or when the nodes are the items of a page (paged: a page of professions
// at the root, or a RelProfessions list; their cursors are made of both), then the other
// selected properties in the order of Props. A store may set more (the embedded store hands
// out whole nodes); nothing else may rely on an ID or a name that Reads leaves out: a node's
// lists are read with it, and the API finds them by the node's place in the response.
func (np *NodePlan) Reads(paged bool) []Property {
	out := make([]Property, 0, len(np.Props)+2)
	for _, p := range []Property{PropID, PropName} {
		if paged || slices.Contains(np.Props, p) {
			out = append(out, p)
		}
	}
	for _, p := range np.Props {
		if p != PropID && p != PropName {
			out = append(out, p)
		}
	}
	return out
}

// ListPlan is one relation list of a node: a field of the request, under its response key (its
// alias, or its name), with its arguments.
type ListPlan struct {
	// Key is the response key; keys are unique within a NodePlan.
	Key string
	Rel Relation
	// Importance filters RelSkills and RelProfessions (of a skill); "" for all.
	Importance Importance
	// SkillKind filters RelSkills by the skill's kind; "" for all.
	SkillKind SkillKind
	// Category filters RelTools by the tool's category; nil for all.
	Category *string
	// Level filters RelTrainings by the training's level; "" for all.
	Level TrainingLevel
	// MoveKind filters RelNextCareers by the move's kind; "" for all.
	MoveKind MoveKind
	// Inferred adds the inferred moves to RelNextCareers, after the dataset's own.
	Inferred bool
	// Page is the page of RelProfessions.
	Page PageArgs
	// Node is what is read of each item.
	Node *NodePlan
}

// ReadPlan is everything one root field reads.
type ReadPlan struct {
	Root PlanRoot
	// Node is what is read of each root node.
	Node *NodePlan
}

// Check reports the first thing that makes p unanswerable, as an EINVALID error: a root without
// what it needs, a relation read from a kind of node that has none, a repeated key, a property
// or a filter that does not belong to its node.
func (p *ReadPlan) Check() error {
	switch p.Root.Kind {
	case RootByID:
		if _, ok := Properties[p.Root.NodeKind]; !ok {
			return Errorf(EINVALID, "plan: root kind %q is not a node kind", p.Root.NodeKind)
		}
	case RootByCode:
		if p.Root.NodeKind != KindProfession {
			return Errorf(EINVALID, "plan: a root by code reads professions, not %q", p.Root.NodeKind)
		}
	case RootProfessions:
		if p.Root.NodeKind != KindProfession {
			return Errorf(EINVALID, "plan: a list root reads professions, not %q", p.Root.NodeKind)
		}
		if p.Root.Filter.Text != "" {
			return Errorf(EINVALID, "plan: lists filtered by text are not planned")
		}
	default:
		return Errorf(EINVALID, "plan: unknown root %q", p.Root.Kind)
	}
	return p.Node.check(p.Root.NodeKind, "")
}

// check checks a node plan for nodes of kind k, at path (for messages).
func (n *NodePlan) check(k Kind, path string) error {
	if n == nil {
		return Errorf(EINVALID, "plan: no node plan at %q", path)
	}
	for _, prop := range n.Props {
		if !hasProperty(k, prop) {
			return Errorf(EINVALID, "plan: a %s has no property %q (at %q)", k, prop, path)
		}
	}
	keys := make(map[string]bool, len(n.Lists))
	for _, l := range n.Lists {
		at := path + "/" + l.Key
		if keys[l.Key] {
			return Errorf(EINVALID, "plan: key %q repeated (at %q)", l.Key, at)
		}
		keys[l.Key] = true
		kinds, ok := relationKinds[l.Rel]
		switch {
		case !ok:
			return Errorf(EINVALID, "plan: unknown relation %q (at %q)", l.Rel, at)
		case kinds[0] != "" && kinds[0] != k, kinds[0] == "" && k == KindProfession:
			return Errorf(EINVALID, "plan: a %s has no relation %q (at %q)", k, l.Rel, at)
		case l.Importance != "" && !(l.Rel == RelSkills || l.Rel == RelProfessions && k == KindSkill):
			return Errorf(EINVALID, "plan: importance does not filter %q of a %s (at %q)", l.Rel, k, at)
		case l.SkillKind != "" && l.Rel != RelSkills, l.Category != nil && l.Rel != RelTools,
			l.Level != "" && l.Rel != RelTrainings, l.MoveKind != "" && l.Rel != RelNextCareers,
			l.Inferred && l.Rel != RelNextCareers:
			return Errorf(EINVALID, "plan: a filter that %q does not take (at %q)", l.Rel, at)
		}
		if err := l.Node.check(l.Rel.ItemKind(), at); err != nil {
			return err
		}
	}
	return nil
}

// hasProperty reports whether nodes of kind k have the property.
func hasProperty(k Kind, prop Property) bool {
	for _, p := range Properties[k] {
		if p == prop {
			return true
		}
	}
	return false
}

// PlanResult is a plan's answer.
type PlanResult struct {
	// Roots are the root nodes: for RootByID one per ID (nil for an unknown one), for RootByCode
	// one (nil when none), for RootProfessions the page's professions.
	Roots []*PlanNode
	// HasNextPage and TotalCount are the page info of RootProfessions.
	HasNextPage bool
	TotalCount  int
}

// PlanNode is one node of the answer, with the lists its NodePlan reads.
type PlanNode struct {
	// Node is a *Profession, *Skill, *Tool or *Training. Only the selected properties (and ID
	// and Name) are sure to be set; a store may set more.
	Node any
	// Importance is the importance of the requirement of an item of RelSkills.
	Importance Importance
	// MoveKind is the kind of the move of an item of RelNextCareers and RelPreviousCareers.
	MoveKind MoveKind
	// Inference is the score and basis of an inferred move of RelNextCareers; nil otherwise.
	Inference *Inference
	// Lists are the node's relation lists, by response key.
	Lists map[string]*PlanList
}

// PlanList is one relation list of the answer.
type PlanList struct {
	Items []*PlanNode
	// HasNextPage and TotalCount are the page info of RelProfessions.
	HasNextPage bool
	TotalCount  int
}

// Profession returns the node as a profession (nil when it is not one).
func (n *PlanNode) Profession() *Profession { p, _ := n.Node.(*Profession); return p }

// Skill returns the node as a skill (nil when it is not one).
func (n *PlanNode) Skill() *Skill { s, _ := n.Node.(*Skill); return s }

// Tool returns the node as a tool (nil when it is not one).
func (n *PlanNode) Tool() *Tool { t, _ := n.Node.(*Tool); return t }

// Training returns the node as a training (nil when it is not one).
func (n *PlanNode) Training() *Training { t, _ := n.Node.(*Training); return t }

// Requirement returns an item of RelSkills as the requirement it is.
func (n *PlanNode) Requirement() SkillRequirement {
	return SkillRequirement{Skill: n.Skill(), Importance: n.Importance}
}

// Move returns an item of RelNextCareers or RelPreviousCareers as the move it is.
func (n *PlanNode) Move() CareerMove {
	return CareerMove{Profession: n.Profession(), Kind: n.MoveKind, Inference: n.Inference}
}

// List returns the list under a response key: an empty list when the node has none.
func (n *PlanNode) List(key string) *PlanList {
	if l := n.Lists[key]; l != nil {
		return l
	}
	return &PlanList{Items: []*PlanNode{}}
}

// ProfessionPage returns a list of professions (RelProfessions) as the page it is.
func (l *PlanList) ProfessionPage() *Page[*Profession] {
	return &Page[*Profession]{Items: itemsOf(l.Items, (*PlanNode).Profession), HasNextPage: l.HasNextPage, TotalCount: l.TotalCount}
}

// ProfessionPage returns the roots of RootProfessions as the page they are.
func (r *PlanResult) ProfessionPage() *Page[*Profession] {
	return &Page[*Profession]{Items: itemsOf(r.Roots, (*PlanNode).Profession), HasNextPage: r.HasNextPage, TotalCount: r.TotalCount}
}

// itemsOf returns the values value gives of nodes, never nil.
func itemsOf[T any](nodes []*PlanNode, value func(*PlanNode) T) []T {
	out := make([]T, len(nodes))
	for i, n := range nodes {
		out[i] = value(n)
	}
	return out
}

// Keeps reports whether a list with l's filters keeps a requirement of a skill of this kind and
// importance, a tool of this category, a training of this level or a move of this kind (the
// filters of the relation fields, written once for every store that filters after reading).
func (l *ListPlan) Keeps(node any, importance Importance, move MoveKind) bool {
	switch l.Rel {
	case RelSkills:
		s, _ := node.(*Skill)
		return (l.Importance == "" || importance == l.Importance) && (l.SkillKind == "" || s != nil && s.Kind == l.SkillKind)
	case RelTools:
		t, _ := node.(*Tool)
		return l.Category == nil || t != nil && t.Category == *l.Category
	case RelTrainings:
		t, _ := node.(*Training)
		return l.Level == "" || t != nil && t.Level == l.Level
	case RelNextCareers:
		return l.MoveKind == "" || move == l.MoveKind
	}
	return true
}
