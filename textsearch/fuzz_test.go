package textsearch_test

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/textsearch"
)

// maxFoldGrowth bounds how many bytes of folded text one byte of input can give: the
// compatibility decomposition of U+FDFA (3 bytes) spells 18 Arabic letters and 3 spaces
// (33 bytes), the largest growth of any character.
const maxFoldGrowth = 11

// FuzzFold checks, for any string, what the folding functions promise: no panic, valid UTF-8,
// Fold made of letter-or-digit tokens separated by single spaces and idempotent, SortKey equal
// to Fold, Tokens splitting it back, Variants folded, distinct, at most three, nil exactly
// when Fold is empty and holding Fold otherwise, a text matching itself with score 1, and
// outputs at most maxFoldGrowth times the input's length.
func FuzzFold(f *testing.F) {
	for _, s := range []string{
		"", " ", "Développeur·euse web  back-end", "Directeur·rice technique informatique", "Chef·fe de projet",
		"client·e·s", "Accastilleur(se)", "Agent(e) d'administration", "développeur-euse", "agent.e",
		"Boulanger / Boulangère", "développeur web/développeuse web", "infrastructure/environnement",
		"Cœur ŒUVRE Æther Straße", "ﬁnance", "De\u0301veloppeur", "dévelop\u00adpeur", "ROME 4.0 (v460)",
		"Μηχανικός λογισμικού", "\uFDFA", "İstanbul", "ǅemal", "\xff\xfe invalid", "a\x00b", "·—/() ",
		"(((e)))", "//", "·e", "e·", "a/b/c/d", "Agent / Agente d'administration principal(e)",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		limit := maxFoldGrowth * len(s)
		folded := textsearch.Fold(s)
		checkFolded(t, "Fold", s, folded, limit)
		if again := textsearch.Fold(folded); again != folded {
			t.Errorf("Fold is not idempotent on %q: Fold = %q, Fold(Fold) = %q", s, folded, again)
		}
		if key := career.SortKey(s); key != folded {
			t.Errorf("SortKey(%q) = %q, want Fold = %q", s, key, folded)
		}
		tokens := textsearch.Tokens(folded)
		if strings.Join(tokens, " ") != folded {
			t.Errorf("Tokens(%q) = %q do not join back to it", folded, tokens)
		}

		variants := textsearch.Variants(s)
		if folded == "" {
			if variants != nil {
				t.Errorf("Variants(%q) = %q, want nil (Fold is empty)", s, variants)
			}
			if _, ok := textsearch.MatchText(s, []string{s}); ok {
				t.Errorf("MatchText(%q) matched, but the query has no tokens", s)
			}
			return
		}
		if len(variants) == 0 || len(variants) > 3 {
			t.Fatalf("Variants(%q) = %q, want 1 to 3 readings", s, variants)
		}
		if !slices.Contains(variants, career.SortKey(s)) {
			t.Errorf("Variants(%q) = %q lack SortKey = %q", s, variants, career.SortKey(s))
		}
		for i, v := range variants {
			checkFolded(t, "a variant", s, v, limit)
			if slices.Contains(variants[:i], v) {
				t.Errorf("Variants(%q) = %q repeat %q", s, variants, v)
			}
		}
		if score, ok := textsearch.MatchText(s, []string{s}); !ok || score != 1 {
			t.Errorf("MatchText(%q, itself) = %v, %v; want 1, true", s, score, ok)
		}
	})
}

// checkFolded fails unless out (what fn gave for in) is valid UTF-8, at most limit bytes, and
// folded: tokens of letters and digits separated by single spaces, no space at either end.
func checkFolded(t *testing.T, fn, in, out string, limit int) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Errorf("%s of %q is not valid UTF-8: %q", fn, in, out)
	}
	if len(out) > limit {
		t.Errorf("%s of %q has %d bytes, more than %d × the input's %d", fn, in, len(out), maxFoldGrowth, len(in))
	}
	if strings.HasPrefix(out, " ") || strings.HasSuffix(out, " ") || strings.Contains(out, "  ") {
		t.Errorf("%s of %q = %q has stray spaces", fn, in, out)
	}
	for _, r := range out {
		if r != ' ' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			t.Errorf("%s of %q = %q holds %U, neither a letter, a digit nor a space", fn, in, out, r)
			return
		}
	}
}
