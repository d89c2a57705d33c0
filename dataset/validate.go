package dataset

import (
	"fmt"
	"math"

	"github.com/careergraph/careergraph/career"
)

// Validate checks a dataset that a reader produced, whatever its source. It fails on the first
// problem it finds, as a *ParseError whose File is the dataset's name (Line is 0) and whose
// Reason names the entry (by ID, or by code or position when the ID is missing) and says what
// is wrong:
//
//   - the dataset has no name or no title;
//   - a node has no code or no name, a duplicate ID, or an ID that is not
//     "<kind>:<dataset>:<code>" for its own kind, dataset and code;
//   - a skill kind, importance, training level or move kind is not one of the enum values;
//   - a training's duration is negative (or not a number), a task is empty;
//   - a quality is not a skill of kind ATTITUDE;
//   - a link (requirement, quality, tool use, training link, move, specializationOf) points to a
//     node the dataset does not hold, or is given twice;
//   - an occupation group has no level, a broader group the dataset does not hold or a cycle of
//     broader groups; a group member names a profession or group the dataset does not hold, or
//     is given twice.
//
// Two harmless mistakes are repaired, not refused, and reported as Warnings: a move from a
// profession to itself is removed from d.Moves, and a SpecializationOf naming the profession
// itself is cleared. Skills sharing a name are told apart (DisambiguateSkillNames). Validate
// therefore mutates d. It runs in time linear in the size of d.
func Validate(d *career.Dataset) ([]Warning, error) {
	return validate(d, datasetLocator{name: d.Info.Name})
}

// linkTable names one of the link lists of a career.Dataset.
type linkTable int

// The link lists, in the order Validate checks them.
const (
	tableRequirements linkTable = iota
	tableQualities
	tableToolUses
	tableTrainingLinks
	tableMoves
	tableEquivalences
)

// locator tells where an entry of a dataset was written, so that errors can point at it.
// field names the entry's field at fault ("" for the entry as a whole); a locator that does not
// know the field's own position returns the entry's.
type locator interface {
	info(field string) (file string, line int)
	node(kind career.Kind, i int, field string) (file string, line int)
	link(t linkTable, i int, field string) (file string, line int)
}

// datasetLocator is the locator of datasets read from sources without line information: every
// entry is located in the dataset as a whole.
type datasetLocator struct{ name string }

func (l datasetLocator) file() string {
	if l.name == "" {
		return "(unnamed dataset)"
	}
	return l.name
}

func (l datasetLocator) info(string) (string, int)                   { return l.file(), 0 }
func (l datasetLocator) node(career.Kind, int, string) (string, int) { return l.file(), 0 }
func (l datasetLocator) link(linkTable, int, string) (string, int)   { return l.file(), 0 }

// validator holds the indexes built while checking one dataset.
type validator struct {
	d   *career.Dataset
	loc locator
	// index maps each node ID of one kind to its position in the dataset's node list.
	index map[career.Kind]map[string]int
}

func validate(d *career.Dataset, loc locator) ([]Warning, error) {
	v := &validator{d: d, loc: loc, index: map[career.Kind]map[string]int{
		career.KindProfession: make(map[string]int, len(d.Professions)),
		career.KindSkill:      make(map[string]int, len(d.Skills)),
		career.KindTool:       make(map[string]int, len(d.Tools)),
		career.KindTraining:   make(map[string]int, len(d.Trainings)),
	}}
	if err := v.info(); err != nil {
		return nil, err
	}
	if err := v.nodes(); err != nil {
		return nil, err
	}
	if err := v.links(); err != nil {
		return nil, err
	}
	if err := v.equivalences(); err != nil {
		return nil, err
	}
	if err := v.groups(); err != nil {
		return nil, err
	}
	DisambiguateSkillNames(d)
	return v.repair(), nil
}

// nodeErr is an error about node i of a kind, located at one of its fields.
func (v *validator) nodeErr(kind career.Kind, i int, field, format string, args ...any) error {
	file, line := v.loc.node(kind, i, field)
	return &ParseError{File: file, Line: line, Reason: fmt.Sprintf(format, args...)}
}

// linkErr is an error about link i of a table, located at one of its fields.
func (v *validator) linkErr(t linkTable, i int, field, format string, args ...any) error {
	file, line := v.loc.link(t, i, field)
	return &ParseError{File: file, Line: line, Reason: fmt.Sprintf(format, args...)}
}

func (v *validator) info() error {
	infoErr := func(field, format string, args ...any) error {
		file, line := v.loc.info(field)
		return &ParseError{File: file, Line: line, Reason: fmt.Sprintf(format, args...)}
	}
	switch name := v.d.Info.Name; {
	case name == "":
		return infoErr("name", "the dataset has no name")
	case !validDatasetName(name):
		return infoErr("name", "invalid dataset name %q: use letters, digits, '-' and '_' only", name)
	case v.d.Info.Title == "":
		return infoErr("title", "dataset %q has no title", name)
	}
	return nil
}

// validDatasetName reports whether a dataset name can be the middle part of global IDs.
func validDatasetName(s string) bool {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return s != ""
}

// label names a node in messages: by ID when it has one, else by code, name or position.
func label(kind career.Kind, i int, id, code, name string) string {
	switch {
	case id != "":
		return fmt.Sprintf("%s %q", kind, id)
	case code != "":
		return fmt.Sprintf("%s with code %q", kind, code)
	case name != "":
		return fmt.Sprintf("%s named %q", kind, name)
	}
	return fmt.Sprintf("%s #%d", kind, i+1)
}

// node checks what every node has (ID, dataset, code, name) and indexes it.
func (v *validator) node(kind career.Kind, i int, id, dataset, code, name string) error {
	l := label(kind, i, id, code, name)
	if code == "" {
		return v.nodeErr(kind, i, "code", "%s has no code", l)
	}
	if name == "" {
		return v.nodeErr(kind, i, "name", "%s has no name", l)
	}
	if dataset != v.d.Info.Name {
		return v.nodeErr(kind, i, "", "%s belongs to dataset %q, not %q", l, dataset, v.d.Info.Name)
	}
	if want := career.MakeID(kind, v.d.Info.Name, code); id != want {
		k, ds, c, err := career.ParseID(id)
		switch {
		case err != nil:
			return v.nodeErr(kind, i, "", "%s: invalid ID, want %q", l, want)
		case k != kind:
			return v.nodeErr(kind, i, "", "%s: the ID's kind is %q, want %q", l, k, kind)
		case ds != v.d.Info.Name:
			return v.nodeErr(kind, i, "", "%s: the ID's dataset is %q, want %q", l, ds, v.d.Info.Name)
		default:
			return v.nodeErr(kind, i, "", "%s: the ID's code is %q, want its code %q", l, c, code)
		}
	}
	idx := v.index[kind]
	if first, dup := idx[id]; dup {
		file, line := v.loc.node(kind, first, "")
		return v.nodeErr(kind, i, "", "%s is defined twice (first %s)", l, where(file, line, kind, first))
	}
	idx[id] = i
	return nil
}

// where describes the place of an earlier entry: its file and line when known, else its rank.
func where(file string, line int, kind career.Kind, i int) string {
	if line > 0 {
		return fmt.Sprintf("at %s:%d", file, line)
	}
	return fmt.Sprintf("as %s #%d", kind, i+1)
}

func (v *validator) nodes() error {
	d := v.d
	for i := range d.Professions {
		p := &d.Professions[i]
		if err := v.node(career.KindProfession, i, p.ID, p.Dataset, p.Code, p.Name); err != nil {
			return err
		}
		for j, t := range p.Tasks {
			if t == "" {
				return v.nodeErr(career.KindProfession, i, fmt.Sprintf("tasks[%d]", j), "profession %q: task %d is empty", p.ID, j+1)
			}
		}
	}
	for i := range d.Skills {
		s := &d.Skills[i]
		if err := v.node(career.KindSkill, i, s.ID, s.Dataset, s.Code, s.Name); err != nil {
			return err
		}
		if !s.Kind.Valid() {
			return v.nodeErr(career.KindSkill, i, "kind", "skill %q: unknown kind %q (want KNOWLEDGE, SKILL, ATTITUDE or LANGUAGE)", s.ID, s.Kind)
		}
	}
	for i := range d.Tools {
		t := &d.Tools[i]
		if err := v.node(career.KindTool, i, t.ID, t.Dataset, t.Code, t.Name); err != nil {
			return err
		}
	}
	for i := range d.Trainings {
		t := &d.Trainings[i]
		if err := v.node(career.KindTraining, i, t.ID, t.Dataset, t.Code, t.Name); err != nil {
			return err
		}
		if !t.Level.Valid() {
			return v.nodeErr(career.KindTraining, i, "level", "training %q: unknown level %q (want SECONDARY, HIGHER_SHORT, HIGHER_LONG, ADULT_EDUCATION, VOCATIONAL or OTHER)", t.ID, t.Level)
		}
		if y := t.DurationYears; y != nil && (*y < 0 || math.IsNaN(*y) || math.IsInf(*y, 0)) {
			return v.nodeErr(career.KindTraining, i, "durationYears", "training %q: invalid duration %v years (want 0 or more)", t.ID, *y)
		}
	}
	// SpecializationOf needs every profession indexed first.
	for i := range d.Professions {
		p := &d.Professions[i]
		if s := p.SpecializationOf; s != "" && s != p.ID {
			if _, ok := v.index[career.KindProfession][s]; !ok {
				return v.nodeErr(career.KindProfession, i, "specializationOf", "profession %q: specializationOf names unknown profession %q", p.ID, s)
			}
		}
	}
	return nil
}

// has reports whether the dataset holds a node of this kind with this ID.
func (v *validator) has(kind career.Kind, id string) bool {
	_, ok := v.index[kind][id]
	return ok
}

// pairs detects links given twice in one table.
type pairs map[[2]string]struct{}

// add records a link and reports whether it was new.
func (p pairs) add(from, to string) bool {
	k := [2]string{from, to}
	if _, dup := p[k]; dup {
		return false
	}
	p[k] = struct{}{}
	return true
}

func (v *validator) links() error {
	d := v.d
	seen := make(pairs, len(d.Requirements))
	for i, r := range d.Requirements {
		if err := v.source(tableRequirements, i, r.ProfessionID, "requirement"); err != nil {
			return err
		}
		if !v.has(career.KindSkill, r.SkillID) {
			return v.linkErr(tableRequirements, i, "skill", "profession %q: requires unknown skill %q", r.ProfessionID, r.SkillID)
		}
		if !r.Importance.Valid() {
			return v.linkErr(tableRequirements, i, "importance", "profession %q: skill %q: unknown importance %q (want ESSENTIAL or OPTIONAL)", r.ProfessionID, r.SkillID, r.Importance)
		}
		if !seen.add(r.ProfessionID, r.SkillID) {
			return v.linkErr(tableRequirements, i, "", "profession %q: skill %q is required twice", r.ProfessionID, r.SkillID)
		}
	}
	seen = make(pairs, len(d.Qualities))
	for i, q := range d.Qualities {
		if err := v.source(tableQualities, i, q.ProfessionID, "quality"); err != nil {
			return err
		}
		j, ok := v.index[career.KindSkill][q.TargetID]
		if !ok {
			return v.linkErr(tableQualities, i, "", "profession %q: unknown quality %q", q.ProfessionID, q.TargetID)
		}
		if k := d.Skills[j].Kind; k != career.SkillKindAttitude {
			return v.linkErr(tableQualities, i, "", "profession %q: quality %q is a skill of kind %s, want ATTITUDE", q.ProfessionID, q.TargetID, k)
		}
		if !seen.add(q.ProfessionID, q.TargetID) {
			return v.linkErr(tableQualities, i, "", "profession %q: quality %q is listed twice", q.ProfessionID, q.TargetID)
		}
	}
	seen = make(pairs, len(d.ToolUses))
	for i, u := range d.ToolUses {
		if err := v.source(tableToolUses, i, u.ProfessionID, "tool use"); err != nil {
			return err
		}
		if !v.has(career.KindTool, u.TargetID) {
			return v.linkErr(tableToolUses, i, "", "profession %q: uses unknown tool %q", u.ProfessionID, u.TargetID)
		}
		if !seen.add(u.ProfessionID, u.TargetID) {
			return v.linkErr(tableToolUses, i, "", "profession %q: tool %q is listed twice", u.ProfessionID, u.TargetID)
		}
	}
	seen = make(pairs, len(d.TrainingLinks))
	for i, t := range d.TrainingLinks {
		if err := v.source(tableTrainingLinks, i, t.ProfessionID, "training link"); err != nil {
			return err
		}
		if !v.has(career.KindTraining, t.TargetID) {
			return v.linkErr(tableTrainingLinks, i, "", "profession %q: unknown training %q", t.ProfessionID, t.TargetID)
		}
		if !seen.add(t.ProfessionID, t.TargetID) {
			return v.linkErr(tableTrainingLinks, i, "", "profession %q: training %q is listed twice", t.ProfessionID, t.TargetID)
		}
	}
	seen = make(pairs, len(d.Moves))
	for i, m := range d.Moves {
		if err := v.source(tableMoves, i, m.FromID, "career move"); err != nil {
			return err
		}
		if !v.has(career.KindProfession, m.ToID) {
			return v.linkErr(tableMoves, i, "profession", "profession %q: next career to unknown profession %q", m.FromID, m.ToID)
		}
		if !m.Kind.Valid() {
			return v.linkErr(tableMoves, i, "kind", "profession %q: next career %q: unknown kind %q (want PROGRESSION or LATERAL)", m.FromID, m.ToID, m.Kind)
		}
		if !seen.add(m.FromID, m.ToID) {
			return v.linkErr(tableMoves, i, "", "profession %q: next career %q is listed twice", m.FromID, m.ToID)
		}
	}
	return nil
}

// equivalences checks each equivalence (career.Equivalence.Check): from a profession of the
// dataset to a profession of another one, given once.
func (v *validator) equivalences() error {
	seen := make(pairs, len(v.d.Equivalences))
	for i, e := range v.d.Equivalences {
		if err := v.source(tableEquivalences, i, e.FromID, "equivalence"); err != nil {
			return err
		}
		if err := e.Check(v.d.Info.Name); err != nil {
			return v.linkErr(tableEquivalences, i, "", "%v", err)
		}
		if !seen.add(e.FromID, e.ToID) {
			return v.linkErr(tableEquivalences, i, "", "profession %q: equivalent %q is listed twice", e.FromID, e.ToID)
		}
	}
	return nil
}

// source checks that link i of a table starts from a profession of the dataset.
func (v *validator) source(t linkTable, i int, professionID, what string) error {
	if !v.has(career.KindProfession, professionID) {
		return v.linkErr(t, i, "", "%s #%d: unknown profession %q", what, i+1, professionID)
	}
	return nil
}

// repair drops self-referencing moves and specializations, with a warning for each.
func (v *validator) repair() []Warning {
	var warnings []Warning
	d := v.d
	for i := range d.Professions {
		p := &d.Professions[i]
		if p.SpecializationOf != "" && p.SpecializationOf == p.ID {
			file, line := v.loc.node(career.KindProfession, i, "specializationOf")
			warnings = append(warnings, Warning{File: file, Line: line,
				Reason: fmt.Sprintf("profession %q: specializationOf names the profession itself; dropped", p.ID)})
			p.SpecializationOf = ""
		}
	}
	kept := d.Moves[:0]
	for i, m := range d.Moves {
		if m.FromID == m.ToID {
			file, line := v.loc.link(tableMoves, i, "")
			warnings = append(warnings, Warning{File: file, Line: line,
				Reason: fmt.Sprintf("profession %q: next career to the profession itself; dropped", m.FromID)})
			continue
		}
		kept = append(kept, m)
	}
	if len(kept) < len(d.Moves) {
		clear(d.Moves[len(kept):])
	}
	d.Moves = kept
	return warnings
}
