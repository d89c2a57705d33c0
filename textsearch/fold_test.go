package textsearch_test

import (
	"slices"
	"testing"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/textsearch"
)

func TestFold(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"inclusive dot and hyphen", "Développeur·euse web  back-end", "developpeur euse web back end"},
		{"upper case card title", "  (DÉVELOPPEUR·EUSE WEB) ", "developpeur euse web"},
		{"apostrophes typographic and plain", "l’utilisateur d'applications", "l utilisateur d applications"},
		{"slash and parentheses", "Agent / Agente d'administration principal(e)", "agent agente d administration principal e"},
		{"ligature oe", "Cœur de métier, ŒUVRE", "coeur de metier oeuvre"},
		{"ligature ae and sharp s", "Æther Straße", "aether strasse"},
		{"typographic ligature", "ﬁnance", "finance"},
		{"decomposed accents", "De\u0301veloppeur", "developpeur"},
		{"soft hyphen joins", "dévelop\u00adpeur", "developpeur"},
		{"digits kept", "ROME 4.0 (v460)", "rome 4 0 v460"},
		{"other script lowercased", "Μηχανικός λογισμικού", "μηχανικος λογισμικου"},
		{"punctuation only", " ·—/() ", ""},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := textsearch.Fold(tt.in); got != tt.want {
				t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if got := career.SortKey(tt.in); got != tt.want {
				t.Errorf("SortKey(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTokens(t *testing.T) {
	t.Run("splits on spaces", func(t *testing.T) {
		got := textsearch.Tokens("developpeur euse web")
		if want := []string{"developpeur", "euse", "web"}; !slices.Equal(got, want) {
			t.Errorf("Tokens = %q, want %q", got, want)
		}
	})
	t.Run("empty text has no tokens", func(t *testing.T) {
		if got := textsearch.Tokens(""); len(got) != 0 {
			t.Errorf("Tokens(\"\") = %q, want none", got)
		}
	})
}
