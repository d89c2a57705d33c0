package dataset_test

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"testing"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/dataset"
)

// romeLike returns a small valid dataset named "rome", as a reader without line information
// would produce it.
func romeLike() *career.Dataset {
	return &career.Dataset{
		Info: career.DatasetInfo{Name: "rome", Title: "ROME"},
		Professions: []career.Profession{
			{ID: "profession:rome:M1805", Dataset: "rome", Code: "M1805", Name: "Études et développement informatique", Tasks: []string{"Coder"}},
			{ID: "profession:rome:M1806", Dataset: "rome", Code: "M1806", Name: "Conseil et maîtrise d'ouvrage en systèmes d'information"},
		},
		Skills: []career.Skill{
			{ID: "skill:rome:100", Dataset: "rome", Code: "100", Name: "Programmer", Kind: career.SkillKindSkill},
			{ID: "skill:rome:200", Dataset: "rome", Code: "200", Name: "Rigueur", Kind: career.SkillKindAttitude},
		},
		Tools:     []career.Tool{{ID: "tool:rome:git", Dataset: "rome", Code: "git", Name: "Git"}},
		Trainings: []career.Training{{ID: "training:rome:bts", Dataset: "rome", Code: "bts", Name: "BTS", Level: career.LevelHigherShort, DurationYears: ptr(2)}},
		Requirements: []career.Requirement{
			{ProfessionID: "profession:rome:M1805", SkillID: "skill:rome:100", Importance: career.Essential},
		},
		Qualities:     []career.Link{{ProfessionID: "profession:rome:M1805", TargetID: "skill:rome:200"}},
		ToolUses:      []career.Link{{ProfessionID: "profession:rome:M1805", TargetID: "tool:rome:git"}},
		TrainingLinks: []career.Link{{ProfessionID: "profession:rome:M1805", TargetID: "training:rome:bts"}},
		Moves:         []career.Move{{FromID: "profession:rome:M1805", ToID: "profession:rome:M1806", Kind: career.MoveProgression}},
	}
}

func TestValidate(t *testing.T) {
	t.Run("accepts a valid dataset as it is", func(t *testing.T) {
		d := romeLike()
		warnings, err := dataset.Validate(d)
		if err != nil || len(warnings) != 0 {
			t.Fatalf("Validate = %v, %v; want no warning and no error", warnings, err)
		}
		if !reflect.DeepEqual(d, romeLike()) {
			t.Errorf("Validate changed a valid dataset: %+v", d)
		}
	})

	t.Run("drops self-references with a warning naming the dataset", func(t *testing.T) {
		d := romeLike()
		d.Moves = append(d.Moves,
			career.Move{FromID: "profession:rome:M1806", ToID: "profession:rome:M1806", Kind: career.MoveLateral},
			career.Move{FromID: "profession:rome:M1806", ToID: "profession:rome:M1805", Kind: career.MoveLateral})
		d.Professions[0].SpecializationOf = "profession:rome:M1805"
		warnings, err := dataset.Validate(d)
		if err != nil {
			t.Fatalf("Validate: %v", err)
		}
		want := []dataset.Warning{
			{File: "rome", Reason: `profession "profession:rome:M1805": specializationOf names the profession itself; dropped`},
			{File: "rome", Reason: `profession "profession:rome:M1806": next career to the profession itself; dropped`},
		}
		if !reflect.DeepEqual(warnings, want) {
			t.Errorf("warnings = %v, want %v", warnings, want)
		}
		wantMoves := []career.Move{
			{FromID: "profession:rome:M1805", ToID: "profession:rome:M1806", Kind: career.MoveProgression},
			{FromID: "profession:rome:M1806", ToID: "profession:rome:M1805", Kind: career.MoveLateral},
		}
		if !reflect.DeepEqual(d.Moves, wantMoves) {
			t.Errorf("moves = %v, want %v", d.Moves, wantMoves)
		}
		if d.Professions[0].SpecializationOf != "" {
			t.Errorf("specializationOf = %q, want none", d.Professions[0].SpecializationOf)
		}
	})
}

func TestValidateErrors(t *testing.T) {
	tests := []struct {
		name   string
		change func(d *career.Dataset)
		want   string
	}{
		{"a dataset without a name", func(d *career.Dataset) { d.Info.Name = "" },
			"(unnamed dataset): the dataset has no name"},
		{"a dataset name that cannot be part of an ID", func(d *career.Dataset) { d.Info.Name = "ro:me" },
			`ro:me: invalid dataset name "ro:me": use letters, digits, '-' and '_' only`},
		{"a dataset without a title", func(d *career.Dataset) { d.Info.Title = "" },
			`rome: dataset "rome" has no title`},
		{"a node without a code", func(d *career.Dataset) { d.Tools[0].Code = "" },
			`rome: tool "tool:rome:git" has no code`},
		{"a node without code nor ID", func(d *career.Dataset) { d.Tools[0].Code, d.Tools[0].ID = "", "" },
			`rome: tool named "Git" has no code`},
		{"a node without a name", func(d *career.Dataset) { d.Professions[1].Name = "" },
			`rome: profession "profession:rome:M1806" has no name`},
		{"a node of another dataset", func(d *career.Dataset) { d.Skills[1].Dataset = "esco" },
			`rome: skill "skill:rome:200" belongs to dataset "esco", not "rome"`},
		{"an ID that is not one", func(d *career.Dataset) { d.Skills[0].ID = "100" },
			`rome: skill "100": invalid ID, want "skill:rome:100"`},
		{"an ID of another kind", func(d *career.Dataset) { d.Skills[0].ID = "tool:rome:100" },
			`rome: skill "tool:rome:100": the ID's kind is "tool", want "skill"`},
		{"an ID of another dataset", func(d *career.Dataset) { d.Trainings[0].ID = "training:onet:bts" },
			`rome: training "training:onet:bts": the ID's dataset is "onet", want "rome"`},
		{"an ID of another code", func(d *career.Dataset) { d.Professions[0].ID = "profession:rome:M1807" },
			`rome: profession "profession:rome:M1807": the ID's code is "M1807", want its code "M1805"`},
		{"a duplicate ID", func(d *career.Dataset) { d.Skills = append(d.Skills, d.Skills[0]) },
			`rome: skill "skill:rome:100" is defined twice (first as skill #1)`},
		{"an empty task", func(d *career.Dataset) { d.Professions[0].Tasks = append(d.Professions[0].Tasks, "") },
			`rome: profession "profession:rome:M1805": task 2 is empty`},
		{"a bad skill kind", func(d *career.Dataset) { d.Skills[0].Kind = "COMPETENCE" },
			`rome: skill "skill:rome:100": unknown kind "COMPETENCE" (want KNOWLEDGE, SKILL, ATTITUDE or LANGUAGE)`},
		{"a bad training level", func(d *career.Dataset) { d.Trainings[0].Level = "" },
			`rome: training "training:rome:bts": unknown level "" (want SECONDARY, HIGHER_SHORT, HIGHER_LONG, ADULT_EDUCATION, VOCATIONAL or OTHER)`},
		{"a negative duration", func(d *career.Dataset) { d.Trainings[0].DurationYears = ptr(-0.5) },
			`rome: training "training:rome:bts": invalid duration -0.5 years (want 0 or more)`},
		{"a duration that is not a number", func(d *career.Dataset) { d.Trainings[0].DurationYears = ptr(math.NaN()) },
			`rome: training "training:rome:bts": invalid duration NaN years (want 0 or more)`},
		{"a specialization of an unknown profession", func(d *career.Dataset) { d.Professions[0].SpecializationOf = "profession:rome:X" },
			`rome: profession "profession:rome:M1805": specializationOf names unknown profession "profession:rome:X"`},
		{"a requirement of an unknown profession", func(d *career.Dataset) { d.Requirements[0].ProfessionID = "profession:rome:X" },
			`rome: requirement #1: unknown profession "profession:rome:X"`},
		{"a requirement of an unknown skill", func(d *career.Dataset) { d.Requirements[0].SkillID = "skill:esco:100" },
			`rome: profession "profession:rome:M1805": requires unknown skill "skill:esco:100"`},
		{"a bad importance", func(d *career.Dataset) { d.Requirements[0].Importance = "" },
			`rome: profession "profession:rome:M1805": skill "skill:rome:100": unknown importance "" (want ESSENTIAL or OPTIONAL)`},
		{"a duplicate requirement", func(d *career.Dataset) {
			d.Requirements = append(d.Requirements, career.Requirement{ProfessionID: "profession:rome:M1805", SkillID: "skill:rome:100", Importance: career.Optional})
		}, `rome: profession "profession:rome:M1805": skill "skill:rome:100" is required twice`},
		{"a quality that is not an attitude", func(d *career.Dataset) { d.Qualities[0].TargetID = "skill:rome:100" },
			`rome: profession "profession:rome:M1805": quality "skill:rome:100" is a skill of kind SKILL, want ATTITUDE`},
		{"a quality of an unknown profession", func(d *career.Dataset) { d.Qualities[0].ProfessionID = "" },
			`rome: quality #1: unknown profession ""`},
		{"a duplicate quality", func(d *career.Dataset) { d.Qualities = append(d.Qualities, d.Qualities[0]) },
			`rome: profession "profession:rome:M1805": quality "skill:rome:200" is listed twice`},
		{"an unknown tool", func(d *career.Dataset) { d.ToolUses[0].TargetID = "skill:rome:100" },
			`rome: profession "profession:rome:M1805": uses unknown tool "skill:rome:100"`},
		{"a duplicate tool", func(d *career.Dataset) { d.ToolUses = append(d.ToolUses, d.ToolUses[0]) },
			`rome: profession "profession:rome:M1805": tool "tool:rome:git" is listed twice`},
		{"an unknown training", func(d *career.Dataset) { d.TrainingLinks[0].TargetID = "training:rome:bac" },
			`rome: profession "profession:rome:M1805": unknown training "training:rome:bac"`},
		{"a duplicate training", func(d *career.Dataset) { d.TrainingLinks = append(d.TrainingLinks, d.TrainingLinks[0]) },
			`rome: profession "profession:rome:M1805": training "training:rome:bts" is listed twice`},
		{"a move from an unknown profession", func(d *career.Dataset) { d.Moves[0].FromID = "profession:rome:X" },
			`rome: career move #1: unknown profession "profession:rome:X"`},
		{"a move to an unknown profession", func(d *career.Dataset) { d.Moves[0].ToID = "profession:rome:X" },
			`rome: profession "profession:rome:M1805": next career to unknown profession "profession:rome:X"`},
		{"a bad move kind", func(d *career.Dataset) { d.Moves[0].Kind = "UP" },
			`rome: profession "profession:rome:M1805": next career "profession:rome:M1806": unknown kind "UP" (want PROGRESSION or LATERAL)`},
		{"a duplicate move, whatever its kind", func(d *career.Dataset) {
			d.Moves = append(d.Moves, career.Move{FromID: "profession:rome:M1805", ToID: "profession:rome:M1806", Kind: career.MoveLateral})
		}, `rome: profession "profession:rome:M1805": next career "profession:rome:M1806" is listed twice`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := romeLike()
			tt.change(d)
			_, err := dataset.Validate(d)
			var pe *dataset.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("err = %T %v, want a *dataset.ParseError", err, err)
			}
			if pe.Line != 0 {
				t.Errorf("line = %d, want 0", pe.Line)
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("err =\n %s\nwant\n %s", got, tt.want)
			}
		})
	}
}

// bigDataset builds a dataset the size of the real taxonomies: n professions, each with 10
// requirements, 3 tool uses, 2 trainings and 5 moves.
func bigDataset(n int) *career.Dataset {
	d := &career.Dataset{Info: career.DatasetInfo{Name: "big", Title: "Big"}}
	for i := range n {
		code := fmt.Sprint(i)
		d.Professions = append(d.Professions, career.Profession{ID: career.MakeID(career.KindProfession, "big", code), Dataset: "big", Code: code, Name: "P" + code})
		d.Skills = append(d.Skills, career.Skill{ID: career.MakeID(career.KindSkill, "big", code), Dataset: "big", Code: code, Name: "S" + code, Kind: career.SkillKindSkill})
		d.Tools = append(d.Tools, career.Tool{ID: career.MakeID(career.KindTool, "big", code), Dataset: "big", Code: code, Name: "T" + code})
		d.Trainings = append(d.Trainings, career.Training{ID: career.MakeID(career.KindTraining, "big", code), Dataset: "big", Code: code, Name: "F" + code, Level: career.LevelOther})
	}
	id := func(k career.Kind, i int) string { return career.MakeID(k, "big", fmt.Sprint(i%n)) }
	for i := range n {
		p := id(career.KindProfession, i)
		for j := 1; j <= 10; j++ {
			d.Requirements = append(d.Requirements, career.Requirement{ProfessionID: p, SkillID: id(career.KindSkill, i+j), Importance: career.Essential})
		}
		for j := 1; j <= 3; j++ {
			d.ToolUses = append(d.ToolUses, career.Link{ProfessionID: p, TargetID: id(career.KindTool, i+j)})
		}
		for j := 1; j <= 2; j++ {
			d.TrainingLinks = append(d.TrainingLinks, career.Link{ProfessionID: p, TargetID: id(career.KindTraining, i+j)})
		}
		for j := 1; j <= 5; j++ {
			d.Moves = append(d.Moves, career.Move{FromID: p, ToID: id(career.KindProfession, i+j), Kind: career.MoveLateral})
		}
	}
	return d
}

// BenchmarkValidate validates 60,000 nodes and 300,000 links.
func BenchmarkValidate(b *testing.B) {
	d := bigDataset(15000)
	for b.Loop() {
		if _, err := dataset.Validate(d); err != nil {
			b.Fatal(err)
		}
	}
}
