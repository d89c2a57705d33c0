// Package career holds the domain of careergraph: professions and the skills, tools, trainings
// and career moves that link them, the Store interface every backend implements, the normalized
// Dataset that every source is read into, and the errors (with codes) the API reports.
//
// Nothing here depends on GraphQL or on a database.
package career

import (
	"fmt"
	"strings"
)

// Kind is the kind of a node, the first part of its global ID.
type Kind string

// The node kinds.
const (
	KindProfession Kind = "profession"
	KindSkill      Kind = "skill"
	KindTool       Kind = "tool"
	KindTraining   Kind = "training"
	KindGroup      Kind = "group"
)

// Kinds lists every node kind, in the order the API documents them.
var Kinds = []Kind{KindProfession, KindSkill, KindTool, KindTraining, KindGroup}

// MakeID builds a global ID "<kind>:<dataset>:<code>".
func MakeID(kind Kind, dataset, code string) string {
	return string(kind) + ":" + dataset + ":" + code
}

// ParseID splits a global ID into its kind, dataset and code. The code may itself contain colons.
func ParseID(id string) (kind Kind, dataset, code string, err error) {
	parts := strings.SplitN(id, ":", 3)
	if len(parts) != 3 || parts[1] == "" || parts[2] == "" {
		return "", "", "", Errorf(EINVALID, "invalid ID %q: want \"<kind>:<dataset>:<code>\"", id)
	}
	k := Kind(parts[0])
	switch k {
	case KindProfession, KindSkill, KindTool, KindTraining, KindGroup:
	default:
		return "", "", "", Errorf(EINVALID, "invalid ID %q: unknown kind %q", id, parts[0])
	}
	return k, parts[1], parts[2], nil
}

// KindOf returns the kind named by a global ID's prefix, or "" when the ID is malformed.
func KindOf(id string) Kind {
	k, _, _, err := ParseID(id)
	if err != nil {
		return ""
	}
	return k
}

// SkillKind says what sort of skill a Skill is.
type SkillKind string

// The skill kinds.
const (
	SkillKindKnowledge SkillKind = "KNOWLEDGE" // savoirs
	SkillKindSkill     SkillKind = "SKILL"     // savoir-faire
	SkillKindAttitude  SkillKind = "ATTITUDE"  // savoir-être
	SkillKindLanguage  SkillKind = "LANGUAGE"
)

// Valid reports whether k is one of the skill kinds.
func (k SkillKind) Valid() bool {
	switch k {
	case SkillKindKnowledge, SkillKindSkill, SkillKindAttitude, SkillKindLanguage:
		return true
	}
	return false
}

// Importance says how much a profession needs a skill.
type Importance string

// The importances. Coverage (skill gaps, essentialCoverage of matches) counts ESSENTIAL ones.
const (
	Essential Importance = "ESSENTIAL"
	Optional  Importance = "OPTIONAL"
)

// Valid reports whether i is one of the importances.
func (i Importance) Valid() bool { return i == Essential || i == Optional }

// TrainingLevel is the level of education a training belongs to.
type TrainingLevel string

// The training levels.
const (
	LevelSecondary      TrainingLevel = "SECONDARY"
	LevelHigherShort    TrainingLevel = "HIGHER_SHORT"
	LevelHigherLong     TrainingLevel = "HIGHER_LONG"
	LevelAdultEducation TrainingLevel = "ADULT_EDUCATION"
	LevelVocational     TrainingLevel = "VOCATIONAL"
	LevelOther          TrainingLevel = "OTHER"
)

// Valid reports whether l is one of the training levels.
func (l TrainingLevel) Valid() bool {
	switch l {
	case LevelSecondary, LevelHigherShort, LevelHigherLong, LevelAdultEducation, LevelVocational, LevelOther:
		return true
	}
	return false
}

// MoveKind is the kind of a career move.
type MoveKind string

// The career move kinds.
const (
	MoveProgression MoveKind = "PROGRESSION" // a step up or a broadening of responsibility
	MoveLateral     MoveKind = "LATERAL"     // a close profession at a similar level
)

// Valid reports whether k is one of the move kinds.
func (k MoveKind) Valid() bool { return k == MoveProgression || k == MoveLateral }

// Profession is a métier: a job title with what it requires.
type Profession struct {
	ID               string
	Dataset          string
	Code             string
	Name             string
	AlternativeNames []string
	Summary          string // "" when unknown
	Description      string // "" when unknown; paragraphs separated by blank lines
	Sector           string // "" when unknown
	Tasks            []string
	// SpecializationOf is the ID of the broader profession, or "".
	SpecializationOf string
	// Language is the language of the texts (e.g. "fr", "en").
	Language string
	// Source says where the content comes from, e.g. "card" or "curated" for the seed.
	Source string
}

// Skill is a skill, piece of knowledge, attitude or language.
type Skill struct {
	ID               string
	Dataset          string
	Code             string
	Name             string
	AlternativeNames []string
	Kind             SkillKind
	Description      string
	Language         string
}

// Tool is a tool, machine or piece of software a profession uses.
type Tool struct {
	ID       string
	Dataset  string
	Code     string
	Name     string
	Category string // "" when unknown
}

// Training is a study or training path that prepares for professions.
type Training struct {
	ID            string
	Dataset       string
	Code          string
	Name          string
	Level         TrainingLevel
	DurationYears *float64
	Description   string
}

// Requirement links a profession to a skill it needs. Within a profession, requirements keep
// the order of the dataset.
type Requirement struct {
	ProfessionID string
	SkillID      string
	Importance   Importance
}

// Link is an ordered link from a profession to a node (a quality, tool or training).
type Link struct {
	ProfessionID string
	TargetID     string
}

// Move is a career move from one profession to another. Within a profession, moves keep the
// order of the dataset.
type Move struct {
	FromID string
	ToID   string
	Kind   MoveKind
}

// DatasetInfo describes a loaded dataset.
type DatasetInfo struct {
	Name        string
	Title       string
	Version     string
	Attribution string
	// Professions is the number of professions of the dataset (filled by stores).
	Professions int
	// OccupationGroups is the number of occupation groups of the dataset (filled by stores).
	OccupationGroups int
}

// Dataset is one source, normalized: the nodes and the links between them. Readers produce it;
// stores load it. Order matters: within a profession, requirements, qualities, tools, trainings
// and moves are served in the order they have here.
type Dataset struct {
	Info         DatasetInfo
	Professions  []Profession
	Skills       []Skill
	Tools        []Tool
	Trainings    []Training
	Requirements []Requirement
	// Qualities are the personal qualities (skills of kind ATTITUDE) of a profession.
	Qualities []Link
	// ToolUses link professions to the tools they use.
	ToolUses []Link
	// TrainingLinks link professions to the trainings that prepare for them.
	TrainingLinks []Link
	Moves         []Move
	// InferredMoves are the moves the service infers for the dataset's professions (see
	// InferredMove), by profession in dataset order, then best score first.
	InferredMoves []InferredMove
	// Equivalences link the dataset's professions to professions of other datasets (see
	// Equivalence), in the dataset's order.
	Equivalences []Equivalence
	// Groups are the dataset's occupation groups (see OccupationGroup).
	Groups []OccupationGroup
	// GroupMembers link professions to the narrowest groups they belong to, in dataset order.
	GroupMembers []Link
	// Interests give professions their Holland (RIASEC) interest codes, one per profession.
	Interests []Interest
	// WorkContexts are the professions' working conditions, in dataset order.
	WorkContexts []WorkContext
	// Texts are the professions' and skills' texts in languages other than their default one.
	Texts []Text
	// SkillGraph is the skill hierarchy, relations and collections.
	SkillGraph SkillGraph
}

// String summarises the dataset's size.
func (d *Dataset) String() string {
	return fmt.Sprintf("%s: %d professions, %d skills, %d tools, %d trainings, %d requirements, %d moves",
		d.Info.Name, len(d.Professions), len(d.Skills), len(d.Tools), len(d.Trainings), len(d.Requirements), len(d.Moves))
}
