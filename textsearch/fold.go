package textsearch

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// middleDot is the character every inclusive-writing separator (·, •, ∙, ⋅, ‧) is folded to
// before Variants reads a text. It is never kept in a folded text.
const middleDot = '·'

// prefold lowercases s, removes diacritics (compatibility decomposition, then dropping the
// marks), spells ligatures and special letters (œ → oe, ß → ss, ø → o) and turns every
// inclusive-writing dot into middleDot. Other characters (punctuation, spaces) are kept. Bytes
// that are not UTF-8 become U+FFFD first, which folds to a separator: the normalisation would
// otherwise skip what follows them, and Fold would not be idempotent.
func prefold(s string) string {
	if isASCII(s) {
		return strings.ToLower(s) // ASCII has no accents, ligatures or middle dots
	}
	s = strings.ToValidUTF8(s, string(utf8.RuneError))
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFKD.String(s) {
		switch {
		case unicode.In(r, unicode.Mn, unicode.Mc, unicode.Me, unicode.Cf):
			// Accents and invisible format characters (soft hyphen, zero-width joiner).
			continue
		}
		r = unicode.ToLower(r)
		switch r {
		case 'œ':
			b.WriteString("oe")
		case 'æ':
			b.WriteString("ae")
		case 'ß':
			b.WriteString("ss")
		case 'ø':
			b.WriteByte('o')
		case 'đ', 'ð':
			b.WriteByte('d')
		case 'ł':
			b.WriteByte('l')
		case 'þ':
			b.WriteString("th")
		case 'ı':
			b.WriteByte('i')
		case 'ħ':
			b.WriteByte('h')
		case '·', '•', '∙', '⋅', '‧':
			b.WriteRune(middleDot)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isASCII reports whether s is made of ASCII characters only.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// isWordRune reports whether r belongs to a token: a letter or a digit.
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// Fold lowercases s, removes diacritics, spells ligatures (œ → oe, æ → ae, ß → ss) and turns
// every run of characters that are not letters or digits (spaces, punctuation, apostrophes,
// middle dots, slashes, hyphens, parentheses) into one space. The result is trimmed: tokens
// separated by single spaces.
// "Développeur·euse web  back-end" → "developpeur euse web back end".
func Fold(s string) string { return foldPrefolded(prefold(s)) }

// Tokens splits a folded text into its tokens. Tokens("") is empty.
func Tokens(folded string) []string { return strings.Fields(folded) }

// foldPrefolded is Fold for a text prefold has already read: it turns every run of
// characters that are not letters or digits into one space, and trims.
func foldPrefolded(pre string) string {
	var b strings.Builder
	space := false
	for _, r := range pre {
		if !isWordRune(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}
