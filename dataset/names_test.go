package dataset

import (
	"reflect"
	"testing"

	"github.com/careergraph/careergraph/career"
)

func TestDisambiguateSkillNames(t *testing.T) {
	skill := func(code, name string, kind career.SkillKind, lang string) career.Skill {
		return career.Skill{ID: "skill:x:" + code, Dataset: "x", Code: code, Name: name, Kind: kind, Language: lang}
	}
	d := &career.Dataset{
		Skills: []career.Skill{
			skill("1", "Mathematics", career.SkillKindKnowledge, "en"),
			skill("2", "Mathematics", career.SkillKindSkill, "en"),
			skill("3", "travailler de manière efficace", career.SkillKindAttitude, "fr"),
			skill("4", "travailler de manière efficace", career.SkillKindSkill, "fr"),
			skill("5", "biologie marine", career.SkillKindKnowledge, "fr"),
			skill("6", "biologie marine", career.SkillKindKnowledge, "fr"),
			skill("7", "C#", career.SkillKindKnowledge, "fr"), // other names that fold alike stay
			skill("8", "C++", career.SkillKindKnowledge, "fr"),
			skill("9", "gestion", career.SkillKindSkill, "fr"), // no text tells them apart
			skill("10", "gestion", career.SkillKindSkill, "fr"),
			skill("11", "Mathematics", career.SkillKindLanguage, "de"), // a third kind, a language without labels
		},
		Texts: []career.Text{
			{NodeID: "skill:x:3", Lang: "en", Name: "work efficiently"},
			{NodeID: "skill:x:4", Lang: "en", Name: "work efficiently"},
			{NodeID: "skill:x:5", Lang: "en", Name: "marine biology"},
			{NodeID: "skill:x:6", Lang: "en", Name: "fish biology"},
			{NodeID: "skill:x:9", Lang: "en", Name: "management"},
			{NodeID: "skill:x:10", Lang: "en", Name: "management"},
		},
	}
	DisambiguateSkillNames(d)
	var names, texts []string
	for _, s := range d.Skills {
		names = append(names, s.Name)
	}
	for _, x := range d.Texts {
		texts = append(texts, x.Name)
	}
	wantNames := []string{"Mathematics (knowledge)", "Mathematics (skill)",
		"travailler de manière efficace (savoir-être)", "travailler de manière efficace (savoir-faire)",
		"biologie marine (marine biology)", "biologie marine (fish biology)", "C#", "C++", "gestion", "gestion",
		"Mathematics (language)"}
	wantTexts := []string{"work efficiently (attitude)", "work efficiently (skill)", "marine biology", "fish biology", "management", "management"}
	if !reflect.DeepEqual(names, wantNames) {
		t.Errorf("names: got %q, want %q", names, wantNames)
	}
	if !reflect.DeepEqual(texts, wantTexts) {
		t.Errorf("texts: got %q, want %q", texts, wantTexts)
	}
	DisambiguateSkillNames(d)
	for i, s := range d.Skills {
		if s.Name != wantNames[i] {
			t.Errorf("a second run renamed %s to %q", s.ID, s.Name)
		}
	}
}
