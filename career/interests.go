package career

import (
	"slices"
	"strings"
)

// This file holds the Holland (RIASEC) interest codes: their form, the score matchInterests
// ranks professions by, and the rule that gives a profession the code its equivalents agree on.

// RiasecLetters are the six Holland interest types, in the order of the hexagon: Realistic,
// Investigative, Artistic, Social, Enterprising, Conventional.
const RiasecLetters = "RIASEC"

// MaxRiasecLetters is the longest interest code: the three strongest types.
const MaxRiasecLetters = 3

// iachanWeights are the weights of Iachan's M index (Iachan 1984, "A measure of agreement for
// use with the Holland classification system", Journal of Vocational Behavior 24), for a letter
// at position i of the person's code found at position j of the profession's code.
var iachanWeights = [MaxRiasecLetters][MaxRiasecLetters]float64{
	{22, 10, 4},
	{10, 5, 2},
	{4, 2, 1},
}

// ParseRiasec checks an interest code given by a user and returns it in upper case: 1 to
// MaxRiasecLetters distinct letters of RiasecLetters, strongest first, in either case.
func ParseRiasec(code string) (string, error) {
	up := strings.ToUpper(code)
	if err := checkRiasec(up); err != nil {
		return "", Errorf(EINVALID, "riasec %q: %s; want 1 to %d distinct letters of %s (strongest first, e.g. \"IRC\")",
			code, err.Message, MaxRiasecLetters, RiasecLetters)
	}
	return up, nil
}

// ValidRiasec reports whether code is an interest code as stores hold it: 1 to
// MaxRiasecLetters distinct upper-case letters of RiasecLetters.
func ValidRiasec(code string) bool { return checkRiasec(code) == nil }

// checkRiasec says what is wrong with an upper-case interest code; nil when nothing is.
func checkRiasec(code string) *Error {
	if code == "" || len(code) > MaxRiasecLetters {
		return Errorf(EINVALID, "%d letters", len(code))
	}
	for i := 0; i < len(code); i++ {
		if !strings.ContainsRune(RiasecLetters, rune(code[i])) {
			return Errorf(EINVALID, "%q is not a RIASEC letter", code[i:i+1])
		}
		if strings.IndexByte(code[:i], code[i]) >= 0 {
			return Errorf(EINVALID, "%q appears twice", code[i:i+1])
		}
	}
	return nil
}

// RiasecScore is how well a profession's interest code fits a person's, 0..1: Iachan's M index
// (the letters the two codes share, each weighted by its position in both codes: 22, 10, 4 for
// the person's first letter found first, second or third in the profession's code; 10, 5, 2 for
// the second; 4, 2, 1 for the third), divided by the index of the person's code with itself (22,
// 27 or 28 for a code of 1, 2 or 3 letters), so that a profession whose code begins with the
// person's whole code scores 1. Both codes are as ValidRiasec wants them.
func RiasecScore(person, profession string) float64 {
	var m, max float64
	for i := 0; i < len(person) && i < MaxRiasecLetters; i++ {
		max += iachanWeights[i][i]
		if j := strings.IndexByte(profession, person[i]); j >= 0 && j < MaxRiasecLetters {
			m += iachanWeights[i][j]
		}
	}
	if max == 0 {
		return 0
	}
	return m / max
}

// InterestLevel is a set of profession interest codes that score the same against a person's.
type InterestLevel struct {
	Score float64
	Codes []string
}

// InterestLevels returns every interest code a profession can have that scores above 0 against
// person (a code as ParseRiasec returns it), grouped by score, best first; codes within a level
// in lexical order. Stores read the professions of one level after the other until they have
// enough: the professions of the best codes, never a scan of every profession.
func InterestLevels(person string) []InterestLevel {
	byScore := map[float64][]string{}
	for _, code := range allRiasecCodes() {
		if s := RiasecScore(person, code); s > 0 {
			byScore[s] = append(byScore[s], code)
		}
	}
	levels := make([]InterestLevel, 0, len(byScore))
	for s, codes := range byScore {
		slices.Sort(codes)
		levels = append(levels, InterestLevel{Score: s, Codes: codes})
	}
	slices.SortFunc(levels, func(a, b InterestLevel) int {
		if a.Score > b.Score {
			return -1
		}
		if a.Score < b.Score {
			return 1
		}
		return 0
	})
	return levels
}

// allRiasecCodes lists every valid interest code (6 + 30 + 120).
func allRiasecCodes() []string {
	var out []string
	var walk func(prefix string)
	walk = func(prefix string) {
		for i := 0; i < len(RiasecLetters); i++ {
			c := RiasecLetters[i]
			if strings.IndexByte(prefix, c) >= 0 {
				continue
			}
			code := prefix + string(c)
			out = append(out, code)
			if len(code) < MaxRiasecLetters {
				walk(code)
			}
		}
	}
	walk("")
	return out
}

// AgreedRiasec is the interest code of a profession that has none of its own (ESCO) from the
// codes of its equivalents in a dataset that has them (O*NET): the code when every equivalent
// that has one has the same, "" when none has one or two differ. Equivalents without a code
// ("" in codes) do not count.
func AgreedRiasec(codes []string) string {
	agreed := ""
	for _, c := range codes {
		switch {
		case c == "":
		case agreed == "":
			agreed = c
		case c != agreed:
			return ""
		}
	}
	return agreed
}

// InterestQuery asks which professions fit a person's interest code.
type InterestQuery struct {
	// Code is the person's code, as ParseRiasec returns it.
	Code    string
	Dataset string // "" for all
	First   int
}

// Interest gives a profession its Holland interest code (as ValidRiasec wants it).
type Interest struct {
	ProfessionID string
	Code         string
}

// WorkContext is one working condition of a profession (a ROME contexte de travail). Within a
// profession, work contexts keep the order of the dataset.
type WorkContext struct {
	ProfessionID string
	Text         string
}

// Text is a node's texts in a language other than its default one (Profession.Language,
// Skill.Language); an empty field has no text in that language.
type Text struct {
	NodeID      string
	Lang        string
	Name        string
	Summary     string
	Description string
}

// TextIn returns the text of a node in lang among its texts: nil when lang is "" or the node
// has no text in it (then its default text answers). Language codes compare case-insensitively.
func TextIn(texts []Text, lang string) *Text {
	if lang == "" {
		return nil
	}
	for i := range texts {
		if strings.EqualFold(texts[i].Lang, lang) {
			return &texts[i]
		}
	}
	return nil
}

// InLanguage returns the field of a node's text in lang that get reads, or def (the default
// text) when the node has no such text in lang.
func InLanguage(texts []Text, lang, def string, get func(*Text) string) string {
	if t := TextIn(texts, lang); t != nil && get(t) != "" {
		return get(t)
	}
	return def
}

// Languages lists the languages a node's texts exist in: its default language first, then
// those of its other texts in their order.
func Languages(def string, texts []Text) []string {
	out := []string{}
	if def != "" {
		out = append(out, def)
	}
	for _, t := range texts {
		if !slices.Contains(out, t.Lang) {
			out = append(out, t.Lang)
		}
	}
	return out
}

// SearchNames are a node's names in its other languages, in the order of its texts: search
// matches them as it matches alternative names.
func SearchNames(texts []Text) []string {
	var out []string
	for _, t := range texts {
		if t.Name != "" {
			out = append(out, t.Name)
		}
	}
	return out
}
