package dataset

import "github.com/careergraph/careergraph/career"

// DisambiguateSkillNames gives distinct names to the skills of a dataset that share one, so
// that a profession's lists never show two identical names (O*NET's "Mathematics", a knowledge
// and a skill, both required by 447 occupations). Each skill of a group of two or more with
// exactly the same name gets a qualifier in parentheses:
//
//   - its kind, in the name's language, where their kinds all differ: "Mathematics (knowledge)"
//     and "Mathematics (skill)"; "travailler de manière efficace (savoir-être)" and
//     "… (savoir-faire)";
//   - else its name in another language of the dataset, where those all differ: ESCO's two
//     "biologie marine", "biologie marine (marine biology)" and "biologie marine (fish biology)";
//   - else nothing: the group keeps the dataset's names.
//
// The texts in other languages (d.Texts) are treated alike by language, with the first rule.
// Names stay what the dataset says, plus a qualifier the reader can check against the skill's
// kind or its other texts: both requirements are kept, with their own IDs and importances
// (merging them would lose one of them and the importance the dataset gave it). It runs in time
// linear in the number of skills and texts, and a second run changes nothing.
func DisambiguateSkillNames(d *career.Dataset) {
	kinds := make(map[string]career.SkillKind, len(d.Skills))
	byName := map[string][]int{}
	for i, s := range d.Skills {
		kinds[s.ID] = s.Kind
		byName[s.Name] = append(byName[s.Name], i)
	}
	others := map[string]string{} // a skill's name in another language, by skill ID
	type textKey struct{ lang, name string }
	textsByName := map[textKey][]int{}
	for i, t := range d.Texts {
		if _, ok := kinds[t.NodeID]; ok && t.Name != "" {
			others[t.NodeID] = t.Name
			textsByName[textKey{t.Lang, t.Name}] = append(textsByName[textKey{t.Lang, t.Name}], i)
		}
	}
	for _, group := range byName {
		if len(group) < 2 {
			continue
		}
		ids := make([]string, len(group))
		for j, i := range group {
			ids[j] = d.Skills[i].ID
		}
		switch {
		case distinct(ids, func(id string) string { return string(kinds[id]) }):
			for _, i := range group {
				s := &d.Skills[i]
				s.Name = qualified(s.Name, kindLabel(s.Kind, s.Language))
			}
		case distinct(ids, func(id string) string { return others[id] }):
			for _, i := range group {
				s := &d.Skills[i]
				s.Name = qualified(s.Name, others[s.ID])
			}
		}
	}
	for key, group := range textsByName {
		if len(group) < 2 {
			continue
		}
		ids := make([]string, len(group))
		for j, i := range group {
			ids[j] = d.Texts[i].NodeID
		}
		if distinct(ids, func(id string) string { return string(kinds[id]) }) {
			for _, i := range group {
				t := &d.Texts[i]
				t.Name = qualified(t.Name, kindLabel(kinds[t.NodeID], key.lang))
			}
		}
	}
}

// distinct reports whether of gives every ID a different, non-empty value.
func distinct(ids []string, of func(string) string) bool {
	seen := make(map[string]bool, len(ids))
	for _, id := range ids {
		v := of(id)
		if v == "" || seen[v] {
			return false
		}
		seen[v] = true
	}
	return true
}

// qualified is a name with a qualifier in parentheses.
func qualified(name, qualifier string) string { return name + " (" + qualifier + ")" }

// kindLabels name the skill kinds in the languages of the datasets; other languages use
// English.
var kindLabels = map[string]map[career.SkillKind]string{
	"fr": {career.SkillKindKnowledge: "savoir", career.SkillKindSkill: "savoir-faire", career.SkillKindAttitude: "savoir-être", career.SkillKindLanguage: "langue"},
	"en": {career.SkillKindKnowledge: "knowledge", career.SkillKindSkill: "skill", career.SkillKindAttitude: "attitude", career.SkillKindLanguage: "language"},
}

// kindLabel names a skill kind in a language (English for a language kindLabels lacks).
func kindLabel(k career.SkillKind, lang string) string {
	if labels, ok := kindLabels[lang]; ok {
		return labels[k]
	}
	return kindLabels["en"][k]
}
