package rome

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/careergraph/careergraph/career"
)

// Clean repairs a text field of the export: C1 control characters left by a Windows-1252
// mis-decoding become the characters they stood for ("gros \u009cuvre" → "gros œuvre", U+0092 →
// an apostrophe), apostrophes the export doubles (U+0027 twice) become single ones, and every
// run of white space (spaces, tabs, newlines) becomes one space. The result is trimmed.
func Clean(s string) string {
	if !needsCleaning(s) {
		return s
	}
	if hasC1(s) {
		s = strings.Map(func(r rune) rune {
			if 0x80 <= r && r < 0xA0 {
				if c := cp1252[r-0x80]; c != 0 {
					return c
				}
				return -1 // undefined in Windows-1252: drop
			}
			return r
		}, s)
	}
	for strings.Contains(s, "''") {
		s = strings.ReplaceAll(s, "''", "'")
	}
	return strings.Join(strings.Fields(s), " ")
}

// cp1252 maps the bytes 0x80–0x9F of Windows-1252 to the characters they encode (0: undefined).
// Quotes become ASCII apostrophes and quotes, as elsewhere in the export.
var cp1252 = [32]rune{
	'€', 0, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0, 'Ž', 0,
	0, '\'', '\'', '"', '"', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0, 'ž', 'Ÿ',
}

// hasC1 reports whether s holds a C1 control character (U+0080–U+009F).
func hasC1(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == 0xC2 && s[i+1] >= 0x80 && s[i+1] < 0xA0 {
			return true
		}
	}
	return false
}

// needsCleaning reports whether Clean would change s; most fields need nothing.
func needsCleaning(s string) bool {
	if s == "" {
		return false
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return true
	}
	prevSpace := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ':
			if prevSpace {
				return true
			}
			prevSpace = true
			continue
		case c == '\'' && i+1 < len(s) && s[i+1] == '\'':
			return true
		case c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
			return true
		case c >= utf8.RuneSelf:
			// C1 controls, and Unicode spaces (no-break space…) that strings.Fields collapses.
			r, _ := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) || 0x80 <= r && r < 0xA0 {
				return true
			}
		}
		prevSpace = false
	}
	return false
}

// levelMarker is a word or phrase of an "accès au métier" text that names a level of education.
type levelMarker struct {
	text  string // as it appears, ASCII-lowercased unless caseSensitive
	level career.TrainingLevel
	// caseSensitive markers match only as written (BUT, not "but").
	caseSensitive bool
	// notBefore lists what may not follow the marker (ASCII-lowercased), e.g. "licence IV".
	notBefore []string
}

// levelMarkers are the markers TrainingLevel looks for. "bac+N" is handled apart.
var levelMarkers = []levelMarker{
	{text: "sans diplôme", level: career.LevelOther},
	{text: "sans qualification", level: career.LevelOther},
	{text: "tous les niveaux de qualification", level: career.LevelOther},
	{text: "bts", level: career.LevelHigherShort},
	{text: "btsa", level: career.LevelHigherShort},
	{text: "dut", level: career.LevelHigherShort},
	{text: "deust", level: career.LevelHigherShort},
	{text: "BUT", level: career.LevelHigherShort, caseSensitive: true},
	{text: "Licence", level: career.LevelHigherLong, caseSensitive: true},
	{text: "Licences", level: career.LevelHigherLong, caseSensitive: true},
	{text: "licence", level: career.LevelHigherLong, caseSensitive: true,
		notBefore: []string{" iv", " de ", " d'", " d’", " et ", " annuelle", " européenne"}},
	{text: "master", level: career.LevelHigherLong},
	{text: "masters", level: career.LevelHigherLong},
	{text: "mastère", level: career.LevelHigherLong},
	{text: "doctorat", level: career.LevelHigherLong},
	{text: "docteur", level: career.LevelHigherLong},
	{text: "diplôme d'ingénieur", level: career.LevelHigherLong},
	{text: "école d'ingénieur", level: career.LevelHigherLong},
	{text: "École d'ingénieur", level: career.LevelHigherLong},
	{text: "ecole d'ingénieur", level: career.LevelHigherLong},
	{text: "CAP", level: career.LevelSecondary, caseSensitive: true},
	{text: "CAPA", level: career.LevelSecondary, caseSensitive: true},
	{text: "BEP", level: career.LevelSecondary, caseSensitive: true},
	{text: "BP", level: career.LevelSecondary, caseSensitive: true},
	{text: "brevet professionnel", level: career.LevelSecondary},
	{text: "baccalauréat", level: career.LevelSecondary},
	{text: "bac", level: career.LevelSecondary, notBefore: []string{"+"}},
	{text: "cqp", level: career.LevelVocational},
	{text: "certificat de qualification professionnelle", level: career.LevelVocational},
	{text: "titre professionnel", level: career.LevelVocational},
	{text: "titre à finalité professionnelle", level: career.LevelVocational},
}

// TrainingLevel detects the level of education an "accès au métier" text states. The first
// marker in the text wins (texts state the main way in first, and ranges "Bac+2 à Bac+5" start
// at the entry level):
//
//   - "sans diplôme", "sans qualification", "tous les niveaux de qualification" → OTHER (no
//     diploma needed);
//   - Bac+1, Bac+2 (any spacing or case), BTS, BTSA, DUT, BUT, DEUST → HIGHER_SHORT;
//   - Bac+3 and more, Licence (not "licence IV", "licence de pilote"…), Master, Mastère,
//     Doctorat, docteur (en médecine…), diplôme/école d'ingénieur → HIGHER_LONG;
//   - CAP, CAPA, BEP, BP, brevet professionnel, Bac (Bac pro…), baccalauréat → SECONDARY;
//   - CQP, certificat de qualification professionnelle, titre professionnel, titre à finalité
//     professionnelle → VOCATIONAL;
//   - no marker (e.g. only a "Diplôme d'État") → OTHER.
//
// Markers match whole words only: "CACES" is not "CAP", "but" is not "BUT".
func TrainingLevel(text string) career.TrainingLevel {
	s := squeezePlus(Clean(text))
	lower := asciiLower(s)
	best, level := -1, career.LevelOther
	found := func(at int, l career.TrainingLevel) {
		if best < 0 || at < best {
			best, level = at, l
		}
	}
	for _, m := range levelMarkers {
		hay := lower
		if m.caseSensitive {
			hay = s
		}
		if at := findWord(hay, m.text, lower, m.notBefore); at >= 0 {
			found(at, m.level)
		}
	}
	// Bac+N: "bac+2", "Bac + 3", "BAC +5" (squeezePlus removed the spaces).
	for from := 0; ; {
		i := strings.Index(lower[from:], "bac+")
		if i < 0 {
			break
		}
		at := from + i
		from = at + len("bac+")
		if !wordStart(lower, at) || from >= len(lower) || lower[from] < '0' || lower[from] > '9' {
			continue
		}
		if lower[from] <= '2' {
			found(at, career.LevelHigherShort)
		} else {
			found(at, career.LevelHigherLong)
		}
		break
	}
	return level
}

// findWord returns the byte offset of the first whole-word occurrence of word in hay that is not
// followed by one of notBefore (checked in lower, the ASCII-lowercased hay), or -1.
func findWord(hay, word, lower string, notBefore []string) int {
	for from := 0; ; {
		i := strings.Index(hay[from:], word)
		if i < 0 {
			return -1
		}
		at := from + i
		end := at + len(word)
		from = end
		if !wordStart(hay, at) || !wordEnd(hay, end) {
			continue
		}
		excluded := false
		for _, nb := range notBefore {
			if strings.HasPrefix(lower[end:], nb) {
				excluded = true
				break
			}
		}
		if !excluded {
			return at
		}
	}
}

// wordStart reports whether s[at:] starts a word: what precedes is not a letter or digit.
func wordStart(s string, at int) bool {
	if at == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:at])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// wordEnd reports whether a word ends at s[:end]: what follows is not a letter or digit.
func wordEnd(s string, end int) bool {
	if end >= len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[end:])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// squeezePlus removes the spaces around '+' so that "Bac + 2" reads "Bac+2".
func squeezePlus(s string) string {
	if !strings.Contains(s, "+") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' && (i+1 < len(s) && s[i+1] == '+' || i > 0 && s[i-1] == '+') {
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// asciiLower lowercases ASCII letters only, so that byte offsets stay those of s.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + ('a' - 'A')
		}
	}
	return string(b)
}
