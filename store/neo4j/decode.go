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

// floatPtr returns a float property, nil when absent.
func floatPtr(m map[string]any, key string) *float64 { return floatOf(m[key]) }

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

func toProfession(m map[string]any) *career.Profession {
	return &career.Profession{
		ID:               str(m, "id"),
		Dataset:          str(m, "dataset"),
		Code:             str(m, "code"),
		Name:             str(m, "name"),
		AlternativeNames: strs(m, "altNames"),
		Summary:          str(m, "summary"),
		Description:      str(m, "description"),
		Sector:           str(m, "sector"),
		Tasks:            strs(m, "tasks"),
		SpecializationOf: str(m, "specializationOf"),
		Language:         str(m, "language"),
		Source:           str(m, "source"),
	}
}

func toSkill(m map[string]any) *career.Skill {
	return &career.Skill{
		ID:               str(m, "id"),
		Dataset:          str(m, "dataset"),
		Code:             str(m, "code"),
		Name:             str(m, "name"),
		AlternativeNames: strs(m, "altNames"),
		Kind:             career.SkillKind(str(m, "kind")),
		Description:      str(m, "description"),
		Language:         str(m, "language"),
	}
}

func toTool(m map[string]any) *career.Tool {
	return &career.Tool{
		ID:       str(m, "id"),
		Dataset:  str(m, "dataset"),
		Code:     str(m, "code"),
		Name:     str(m, "name"),
		Category: str(m, "category"),
	}
}

func toTraining(m map[string]any) *career.Training {
	return &career.Training{
		ID:            str(m, "id"),
		Dataset:       str(m, "dataset"),
		Code:          str(m, "code"),
		Name:          str(m, "name"),
		Level:         career.TrainingLevel(str(m, "level")),
		DurationYears: floatPtr(m, "durationYears"),
		Description:   str(m, "description"),
	}
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
