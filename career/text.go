package career

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Fold lowercases s, removes accents, spells out ligatures (œ → oe) and turns every run of
// characters that are not letters or digits into one space. The result is trimmed.
// "Développeur·euse web  back-end" → "developpeur euse web back end".
//
// PLACEHOLDER: the full implementation (with inclusive-form expansion) replaces this file.
func Fold(s string) string {
	var b strings.Builder
	space := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		default:
			space = true
		}
	}
	return b.String()
}

// SortKey is the key lists are ordered by: the folded name.
func SortKey(name string) string { return Fold(name) }
