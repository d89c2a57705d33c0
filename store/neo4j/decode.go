package neo4jstore

import (
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/careergraph/careergraph/career"
)

// Map projections of each label: the properties that make a domain value, nothing more.
const (
	professionProj = "{.id, .dataset, .code, .name, .altNames, .summary, .description, .sector, .tasks, .specializationOf, .language, .source, .sortKey}"
	skillProj      = "{.id, .dataset, .code, .name, .altNames, .kind, .description, .language, .sortKey}"
	toolProj       = "{.id, .dataset, .code, .name, .category, .sortKey}"
	trainingProj   = "{.id, .dataset, .code, .name, .level, .durationYears, .description, .sortKey}"
)

// projOf returns the map projection of a label.
func projOf(label string) string {
	switch label {
	case "Profession":
		return professionProj
	case "Skill":
		return skillProj
	case "Tool":
		return toolProj
	case groupLabel:
		return groupProj
	default:
		return trainingProj
	}
}

// str returns a string property, "" when absent.
func str(m map[string]any, key string) string { return strOf(m[key]) }

// strOf returns a string value, "" when it is none.
func strOf(v any) string {
	s, _ := v.(string)
	return s
}

// strs returns a list-of-strings property: nil when absent, empty when stored empty.
func strs(m map[string]any, key string) []string { return strsOf(m[key]) }

// strsOf returns a list-of-strings value: nil when it is none, empty when stored empty.
func strsOf(v any) []string {
	l, ok := v.([]any)
	if !ok {
		return nil
	}
	out := make([]string, 0, len(l))
	for _, v := range l {
		if s, ok := v.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// floatOf returns a number value as a float, nil when it is none.
func floatOf(v any) *float64 {
	switch v := v.(type) {
	case float64:
		return &v
	case int64:
		f := float64(v)
		return &f
	}
	return nil
}

// toProfession, toSkill, toTool and toTraining decode a projected node (professionProj, …).
// They map the stored properties onto the domain's fields through setProp, the one mapping the
// read plans use too.
func toProfession(m map[string]any) *career.Profession {
	return fromMap(career.KindProfession, m).(*career.Profession)
}

func toSkill(m map[string]any) *career.Skill { return fromMap(career.KindSkill, m).(*career.Skill) }

func toTool(m map[string]any) *career.Tool { return fromMap(career.KindTool, m).(*career.Tool) }

func toTraining(m map[string]any) *career.Training {
	return fromMap(career.KindTraining, m).(*career.Training)
}

// fromMap decodes a projected node of kind k: each of its properties under its stored name
// (planProps).
func fromMap(k career.Kind, m map[string]any) any {
	n := newNode(k, str(m, "id"), str(m, "name"))
	for _, p := range career.Properties[k] {
		if p != career.PropID && p != career.PropName {
			setProp(n, p, m[planProps[p]])
		}
	}
	return n
}

// toNode decodes a projected node of any kind, by its ID's kind.
func toNode(m map[string]any) (any, career.Kind) {
	k := career.KindOf(str(m, "id"))
	switch k {
	case career.KindProfession:
		return toProfession(m), k
	case career.KindSkill:
		return toSkill(m), k
	case career.KindTool:
		return toTool(m), k
	case career.KindTraining:
		return toTraining(m), k
	case career.KindGroup:
		return toGroup(m), k
	}
	return nil, k
}

// row reads the columns of one record.
type row struct{ r *neo4j.Record }

func (w row) val(key string) any {
	v, _ := w.r.Get(key)
	return v
}

func (w row) str(key string) string {
	s, _ := w.val(key).(string)
	return s
}

func (w row) int(key string) int {
	n, _ := w.val(key).(int64)
	return int(n)
}

func (w row) float(key string) float64 {
	switch v := w.val(key).(type) {
	case float64:
		return v
	case int64:
		return float64(v)
	}
	return 0
}

func (w row) bool(key string) bool {
	b, _ := w.val(key).(bool)
	return b
}

func (w row) m(key string) map[string]any {
	m, _ := w.val(key).(map[string]any)
	return m
}

func (w row) list(key string) []any {
	l, _ := w.val(key).([]any)
	return l
}

// maps converts a list of projected nodes.
func maps(l []any) ([]map[string]any, error) {
	out := make([]map[string]any, len(l))
	for i, v := range l {
		m, ok := v.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("neo4j: want a map, got %T", v)
		}
		out[i] = m
	}
	return out, nil
}
