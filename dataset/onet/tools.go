package onet

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ToolCode returns the code of the Tool that an O*NET Example (a product or tool name from
// Technology Skills.txt or Tools Used.txt) belongs to: the name lowercased, with "+" spelled
// "plus", "#" spelled "sharp", "&" spelled "and", and every other run of characters that are
// not letters or digits turned into one "-". So "C++" → "c-plus-plus", "C#" → "c-sharp",
// "Microsoft Visual Basic .NET" → "microsoft-visual-basic-net", and the spelling variants O*NET
// lists as separate examples ("Front end loaders", "Front-end loaders") share one code and one
// Tool. The code depends on the name only, so it is stable across releases.
func ToolCode(name string) string {
	var b strings.Builder
	b.Grow(len(name) + 8)
	sep := false // a separator is pending before the next token
	word := func(w string) {
		if b.Len() > 0 {
			b.WriteByte('-')
		}
		b.WriteString(w)
		sep = false
	}
	for _, c := range name {
		switch {
		case c < utf8.RuneSelf && ('a' <= c && c <= 'z' || '0' <= c && c <= '9'):
			if sep && b.Len() > 0 {
				b.WriteByte('-')
			}
			sep = false
			b.WriteRune(c)
		case c < utf8.RuneSelf && 'A' <= c && c <= 'Z':
			if sep && b.Len() > 0 {
				b.WriteByte('-')
			}
			sep = false
			b.WriteRune(c + 'a' - 'A')
		case c >= utf8.RuneSelf && (unicode.IsLetter(c) || unicode.IsDigit(c)):
			if sep && b.Len() > 0 {
				b.WriteByte('-')
			}
			sep = false
			b.WriteRune(unicode.ToLower(c))
		case c == '+':
			word("plus")
			sep = true
		case c == '#':
			word("sharp")
			sep = true
		case c == '&':
			word("and")
			sep = true
		default:
			sep = true
		}
	}
	if b.Len() == 0 {
		// No letter or digit at all: spell the bytes out so that the code stays unique.
		return fmt.Sprintf("x%x", name)
	}
	return b.String()
}

// counted is a value with the number of rows that gave it, for majority choices.
type counted struct {
	s string
	n int
}

// bump counts one more occurrence of s.
func bump(list []counted, s string) []counted {
	for i := range list {
		if list[i].s == s {
			list[i].n++
			return list
		}
	}
	return append(list, counted{s: s, n: 1})
}

// mostCommon returns the value seen most often, the first one seen on ties.
func mostCommon(list []counted) string {
	best := -1
	for i := range list {
		if best < 0 || list[i].n > list[best].n {
			best = i
		}
	}
	if best < 0 {
		return ""
	}
	return list[best].s
}

// toolAgg gathers the rows that name one tool: its spellings and commodity titles.
type toolAgg struct {
	names []counted
	cats  []counted
}

// toolUse is one row of Technology Skills.txt or Tools Used.txt, ranked for ordering.
type toolUse struct {
	tool int // index into the reader's tools
	rank int // 0 In Demand, 1 Hot Technology, 2 other technology, 3 tool
}

// The ranks of tool uses: the order of a profession's tools.
const (
	rankInDemand = iota
	rankHot
	rankTechnology
	rankTool
)

// cleanExample cleans an Example name; repaired reports that a stray double quote was removed
// (Tools Used.txt writes one example as "Laser facsimile machines""", which reads as
// `Laser facsimile machines"`).
func cleanExample(s string) (name string, repaired bool) {
	name = clean(s)
	if strings.Count(name, `"`)%2 == 1 {
		name = clean(strings.Trim(name, `"`))
		repaired = true
	}
	return name, repaired
}

// clean trims s and collapses each internal run of white space into one space.
func clean(s string) string {
	if !needsClean(s) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// needsClean reports whether clean would change s.
func needsClean(s string) bool {
	prevSpace := true // a leading space needs cleaning
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return true // let strings.Fields judge non-ASCII white space
		}
		space := c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
		if space && (prevSpace || c != ' ') {
			return true
		}
		prevSpace = space
	}
	return prevSpace && len(s) > 0 // a trailing space
}
