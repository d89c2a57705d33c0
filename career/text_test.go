package career_test

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/internal/datafiles"
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
			if got := career.Fold(tt.in); got != tt.want {
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
		got := career.Tokens("developpeur euse web")
		if want := []string{"developpeur", "euse", "web"}; !slices.Equal(got, want) {
			t.Errorf("Tokens = %q, want %q", got, want)
		}
	})
	t.Run("empty text has no tokens", func(t *testing.T) {
		if got := career.Tokens(""); len(got) != 0 {
			t.Errorf("Tokens(\"\") = %q, want none", got)
		}
	})
}

// The examples come from the seed card, ROME v460 (libellés long and court of appellations,
// libellés of fiches) and ESCO v1.1.1 (French labels of occupations), unless marked otherwise.
var variantTests = []struct {
	source, in string
	want       []string
}{
	// The seed card: middle dots.
	{"card", "Développeur·euse web back end", []string{"developpeur web back end", "developpeuse web back end", "developpeur euse web back end"}},
	{"card", "(DÉVELOPPEUR·EUSE WEB)", []string{"developpeur web", "developpeuse web", "developpeur euse web"}},
	{"card", "Directeur·rice technique informatique", []string{"directeur technique informatique", "directrice technique informatique", "directeur rice technique informatique"}},
	{"card", "Chef·fe de projet", []string{"chef de projet", "cheffe de projet", "chef fe de projet"}},
	{"card", "Développeur·euse d’applications mobiles", []string{"developpeur d applications mobiles", "developpeuse d applications mobiles", "developpeur euse d applications mobiles"}},
	{"card", "inaccessible aux client·es", []string{"inaccessible aux clients", "inaccessible aux clientes", "inaccessible aux client es"}},
	{"card", "le·la client·e", []string{"le client", "la cliente", "le la client e"}},
	{"card", "l’utilisateur·rice", []string{"l utilisateur", "l utilisatrice", "l utilisateur rice"}},
	// ROME paired forms "masculine / feminine".
	{"rome", "Développeur / Développeuse informatique", []string{"developpeur informatique", "developpeuse informatique", "developpeur developpeuse informatique"}},
	{"rome", "Développeur / Développeuse web", []string{"developpeur web", "developpeuse web", "developpeur developpeuse web"}},
	{"rome", "Agent / Agente d'entretien d'ascenseurs", []string{"agent d entretien d ascenseurs", "agente d entretien d ascenseurs", "agent agente d entretien d ascenseurs"}},
	{"rome", "Accastilleur-gréeur / Accastilleuse-gréeuse", []string{"accastilleur greeur", "accastilleuse greeuse", "accastilleur greeur accastilleuse greeuse"}},
	{"rome", "Boulanger / Boulangère", []string{"boulanger", "boulangere", "boulanger boulangere"}},
	{"rome", "Boulanger-pâtissier-traiteur / Boulangère-pâtissière-traiteuse", []string{"boulanger patissier traiteur", "boulangere patissiere traiteuse", "boulanger patissier traiteur boulangere patissiere traiteuse"}},
	{"rome", "Vendeur / Vendeuse en boulangerie-pâtisserie", []string{"vendeur en boulangerie patisserie", "vendeuse en boulangerie patisserie", "vendeur vendeuse en boulangerie patisserie"}},
	{"rome", "Chef boulanger / Cheffe boulangère", []string{"chef boulanger", "cheffe boulangere", "chef boulanger cheffe boulangere"}},
	{"rome", "Chef / Cheffe de projet BTP", []string{"chef de projet btp", "cheffe de projet btp", "chef cheffe de projet btp"}},
	{"rome", "Chef / Cheffe de service infrastructure/environnement", []string{"chef de service infrastructure environnement", "cheffe de service infrastructure environnement", "chef cheffe de service infrastructure environnement"}},
	{"rome", "Agent / Agente d'administration principal(e) des douanes", []string{"agent d administration principal des douanes", "agente d administration principale des douanes", "agent agente d administration principal e des douanes"}},
	{"rome", "Directeur / Directrice de site(s) d'entreposage", []string{"directeur de site d entreposage", "directrice de sites d entreposage", "directeur directrice de site s d entreposage"}},
	{"rome", "Agent spécialisé / Agente spécialisée des écoles maternelles (ASEM)", []string{"agent specialise des ecoles maternelles asem", "agente specialisee des ecoles maternelles asem", "agent specialise agente specialisee des ecoles maternelles asem"}},
	{"rome", "Directeur administratif, financier / Directrice administrative, financière et du contrôle de gestion", []string{"directeur administratif financier et du controle de gestion", "directrice administrative financiere et du controle de gestion", "directeur administratif financier directrice administrative financiere et du controle de gestion"}},
	{"rome", "Engagé Volontaire (EV) combattant / Engagée Volontaire (EV) combattante", []string{"engage volontaire ev combattant", "engagee volontaire ev combattante", "engage volontaire ev combattant engagee volontaire ev combattante"}},
	{"rome", "Equipier sapeur-pompier / Equipière sapeuse-pompière", []string{"equipier sapeur pompier", "equipiere sapeuse pompiere", "equipier sapeur pompier equipiere sapeuse pompiere"}},
	{"rome", "Agente / Agent de bio-nettoyage", []string{"agent de bio nettoyage", "agente de bio nettoyage", "agente agent de bio nettoyage"}},
	{"rome", "Designer / Designeuse automobile", []string{"designer automobile", "designeuse automobile", "designer designeuse automobile"}},
	{"rome", "Grand reporter / Grande reportrice", []string{"grand reporter", "grande reportrice", "grand reporter grande reportrice"}},
	{"rome", "Layout man / Layout woman", []string{"layout man", "layout woman", "layout man layout woman"}},
	{"rome", "Homme / Femme de plancher", []string{"homme de plancher", "femme de plancher", "homme femme de plancher"}},
	{"rome", "Groupiste / Groupiste", []string{"groupiste", "groupiste groupiste"}},
	{"rome", "Analyste biologie/microbiologie en industrie", []string{"analyste biologie microbiologie en industrie"}},
	{"rome", "Lapidaire / Diamantaire", []string{"lapidaire diamantaire"}},
	{"rome", "Accastilleur-gréeur", []string{"accastilleur greeur"}},
	// ROME short labels: suffixes in parentheses.
	{"rome", "Accastilleur(se)-monteur(se) électronique de marine", []string{"accastilleur monteur electronique de marine", "accastilleuse monteuse electronique de marine", "accastilleur se monteur se electronique de marine"}},
	{"rome", "Technicien(ne) chargé(e) de la police des eaux", []string{"technicien charge de la police des eaux", "technicienne chargee de la police des eaux", "technicien ne charge e de la police des eaux"}},
	{"rome", "Assistant(e) administratif(ve) collectivités territoriales", []string{"assistant administratif collectivites territoriales", "assistante administrative collectivites territoriales", "assistant e administratif ve collectivites territoriales"}},
	{"rome", "Maître(sse) délégué(e) enseignement dessin-arts plastiques", []string{"maitre delegue enseignement dessin arts plastiques", "maitresse deleguee enseignement dessin arts plastiques", "maitre sse delegue e enseignement dessin arts plastiques"}},
	{"rome", "Chef(fe) d'équipe d'entretien d'espaces naturels", []string{"chef d equipe d entretien d espaces naturels", "cheffe d equipe d entretien d espaces naturels", "chef fe d equipe d entretien d espaces naturels"}},
	{"rome", "Dessinateur(trice)-projeteur(se)industriel(le) en mécanique", []string{"dessinateur projeteur industriel en mecanique", "dessinatrice projeteuse industrielle en mecanique", "dessinateur trice projeteur se industriel le en mecanique"}},
	{"rome", "Ingénieur(e)des travaux d'infrastructure et réseaux", []string{"ingenieur des travaux d infrastructure et reseaux", "ingenieure des travaux d infrastructure et reseaux", "ingenieur e des travaux d infrastructure et reseaux"}},
	{"rome", "Infirmier(ière) coordinateur(trice) en établissement soins", []string{"infirmier coordinateur en etablissement soins", "infirmiere coordinatrice en etablissement soins", "infirmier iere coordinateur trice en etablissement soins"}},
	{"rome", "Assembleur(bleuse) en produits électriques et électroniques", []string{"assembleur en produits electriques et electroniques", "assembleuse en produits electriques et electroniques", "assembleur bleuse en produits electriques et electroniques"}},
	{"rome", "Orthoprothésiste appareilleur(reuse)", []string{"orthoprothesiste appareilleur", "orthoprothesiste appareilleuse", "orthoprothesiste appareilleur reuse"}},
	{"rome", "Conseiller(ère)", []string{"conseiller", "conseillere", "conseiller ere"}},
	// ESCO: whole labels "masculine/feminine" without spaces.
	{"esco", "développeur web/développeuse web", []string{"developpeur web", "developpeuse web", "developpeur web developpeuse web"}},
	{"esco", "directeur technique/directrice technique", []string{"directeur technique", "directrice technique", "directeur technique directrice technique"}},
	{"esco", "négociant grossiste en café, thé, cacao et épices/négociante grossiste en café, thé, cacao et épices", []string{"negociant grossiste en cafe the cacao et epices", "negociante grossiste en cafe the cacao et epices", "negociant grossiste en cafe the cacao et epices negociante grossiste en cafe the cacao et epices"}},
	{"esco", "directeur des licences/directrices des licences", []string{"directeur des licences", "directrices des licences", "directeur des licences directrices des licences"}},
	{"esco", "opérateur de mélangeur d'aliments/opératrice de mélangeur d'aliment", []string{"operateur de melangeur d aliments", "operatrice de melangeur d aliment", "operateur de melangeur d aliments operatrice de melangeur d aliment"}},
	{"esco", "steward/hôtesse", []string{"steward", "hotesse", "steward hotesse"}},
	{"esco", "gouvernantes/intendants à domicile", []string{"gouvernantes intendants a domicile"}},
	// Other inclusive spellings (invented).
	{"invented", "Boulanger·ère", []string{"boulanger", "boulangere", "boulanger ere"}},
	{"invented", "Technicien·ne", []string{"technicien", "technicienne", "technicien ne"}},
	{"invented", "Développeur•euse", []string{"developpeur", "developpeuse", "developpeur euse"}},
	{"invented", "développeur.euse", []string{"developpeur", "developpeuse", "developpeur euse"}},
	{"invented", "développeur-euse", []string{"developpeur", "developpeuse", "developpeur euse"}},
	{"invented", "Conseiller-ère", []string{"conseiller", "conseillere", "conseiller ere"}},
	{"invented", "directeur·trices", []string{"directeurs", "directrices", "directeur trices"}},
	{"invented", "ami·e·s", []string{"amis", "amies", "ami e s"}},
	{"invented", "agent.e.s", []string{"agents", "agentes", "agent e s"}},
	{"invented", "sportif·ve", []string{"sportif", "sportive", "sportif ve"}},
	{"invented", "il·elle", []string{"il", "elle", "il elle"}},
	{"invented", "employé(e)s", []string{"employes", "employees", "employe e s"}},
	{"invented", "Node.js", []string{"node js"}},
	{"invented", "Web·Mobile", []string{"web mobile"}},
	{"invented", "Aide-soignant", []string{"aide soignant"}},
}

func TestVariants(t *testing.T) {
	for _, tt := range variantTests {
		t.Run(tt.source+"/"+tt.in, func(t *testing.T) {
			if got := career.Variants(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("Variants(%q) =\n  %q\nwant\n  %q", tt.in, got, tt.want)
			}
		})
	}
	t.Run("blank text has no variants", func(t *testing.T) {
		for _, in := range []string{"", "   ", "·/·", "(-)"} {
			if got := career.Variants(in); got != nil {
				t.Errorf("Variants(%q) = %q, want nil", in, got)
			}
		}
	})
	t.Run("the last variant is the plain fold", func(t *testing.T) {
		for _, tt := range variantTests {
			got := career.Variants(tt.in)
			if last := got[len(got)-1]; last != career.Fold(tt.in) {
				t.Errorf("Variants(%q) ends with %q, want Fold %q", tt.in, last, career.Fold(tt.in))
			}
		}
	})
}

// appellation is a ROME appellation: its code and its long and short labels.
type appellation struct {
	Code, Long, Short string
}

// Texts returns the names MatchText takes: the long label, then the short one when it differs.
func (a appellation) Texts() []string {
	if a.Short == a.Long || a.Short == "" {
		return []string{a.Long}
	}
	return []string{a.Long, a.Short}
}

// readCSV reads a CSV file of the shared data (a header row, then records) into maps keyed by
// the header's column names.
func readCSV(tb testing.TB, elem ...string) []map[string]string {
	tb.Helper()
	path := datafiles.Full(tb, elem...)
	f, err := os.Open(path)
	if err != nil {
		tb.Fatalf("open %s: %v", path, err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	header, err := r.Read()
	if err != nil {
		tb.Fatalf("read header of %s: %v", path, err)
	}
	var rows []map[string]string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			tb.Fatalf("read %s: %v", path, err)
		}
		row := make(map[string]string, len(header))
		for i, h := range header {
			row[h] = rec[i]
		}
		rows = append(rows, row)
	}
	return rows
}

// romeAppellations reads the 13,120 ROME v460 appellations.
func romeAppellations(tb testing.TB) []appellation {
	tb.Helper()
	var out []appellation
	for _, row := range readCSV(tb, "rome", "unix_referentiel_appellation_v460_utf8.csv") {
		out = append(out, appellation{Code: row["code_ogr"], Long: row["libelle_appellation_long"], Short: row["libelle_appellation_court"]})
	}
	return out
}

// escoOccupations reads the French names of the 3,007 ESCO occupations: the preferred label,
// then the alternative labels.
func escoOccupations(tb testing.TB) [][]string {
	tb.Helper()
	var out [][]string
	for _, row := range readCSV(tb, "esco", "occupations_fr.csv") {
		texts := []string{row["preferredLabel"]}
		for _, alt := range strings.Split(row["altLabels"], "\n") {
			if strings.TrimSpace(alt) != "" {
				texts = append(texts, alt)
			}
		}
		out = append(out, texts)
	}
	return out
}

func TestVariantsOfRealNames(t *testing.T) {
	apps := romeAppellations(t)
	t.Run("ROME long labels with a slash are read as pairs", func(t *testing.T) {
		slashed, paired := 0, 0
		var unpaired []string
		for _, a := range apps {
			if !strings.Contains(a.Long, "/") {
				continue
			}
			slashed++
			if v := career.Variants(a.Long); len(v) == 3 {
				paired++
			} else {
				unpaired = append(unpaired, a.Long)
			}
		}
		if slashed != 10893 || paired != 10870 {
			t.Errorf("slashed %d, paired %d; want 10893, 10870", slashed, paired)
		}
		want := []string{
			"Analyste biologie/microbiologie en industrie",
			"Chef d'équipe assistant / Cheffe assistante avion",
			"Groupiste / Groupiste",
		}
		if !slices.Equal(unpaired[:3], want) {
			t.Errorf("first unpaired labels %q, want %q", unpaired[:3], want)
		}
	})
	t.Run("ROME short labels with suffixes in parentheses get a feminine", func(t *testing.T) {
		withParen, expanded := 0, 0
		for _, a := range apps {
			if !strings.Contains(a.Short, "(") {
				continue
			}
			withParen++
			if v := career.Variants(a.Short); len(v) == 3 && v[0] != v[1] {
				expanded++
			}
		}
		if withParen != 1870 || expanded != 1845 {
			t.Errorf("short labels with a parenthesis %d, expanded %d; want 1870, 1845", withParen, expanded)
		}
	})
	t.Run("every name has at most three variants", func(t *testing.T) {
		counts := make(map[int]int)
		for _, a := range apps {
			for _, text := range a.Texts() {
				counts[len(career.Variants(text))]++
			}
		}
		want := map[int]int{1: 2481, 2: 1, 3: 12829} // 2: "Groupiste / Groupiste"
		if fmt.Sprint(counts) != fmt.Sprint(want) {
			t.Errorf("variant counts %v, want %v", counts, want)
		}
	})
}

// rank scores every candidate name against the query with MatchText and returns the names that
// match, best first (ties by SortKey), with their scores.
func rank(query string, names []string) (ranked []string, scores []float64) {
	type hit struct {
		name  string
		score float64
	}
	var hits []hit
	for _, n := range names {
		if s, ok := career.MatchText(query, []string{n}); ok {
			hits = append(hits, hit{n, s})
		}
	}
	slices.SortStableFunc(hits, func(a, b hit) int {
		if a.score != b.score {
			if a.score > b.score {
				return -1
			}
			return 1
		}
		return strings.Compare(career.SortKey(a.name), career.SortKey(b.name))
	})
	for _, h := range hits {
		ranked = append(ranked, h.name)
		scores = append(scores, h.score)
	}
	return ranked, scores
}

func TestMatchTextRanking(t *testing.T) {
	tests := []struct {
		name       string
		query      string
		candidates []string
		want       []string
		wantScores []float64
	}{
		{
			name:  "a feminine query finds the inclusive name before a name with the words apart",
			query: "directrice technique",
			candidates: []string{
				"Développeur·euse web",
				"Technicien·ne support technique auprès de la directrice",
				"Directeur·rice technique informatique",
				"Technicien / Technicienne de direction technique",
				"Directeur / Directrice technique en informatique",
			},
			want: []string{
				"Directeur·rice technique informatique",
				"Directeur / Directrice technique en informatique",
				"Technicien·ne support technique auprès de la directrice",
			},
			wantScores: []float64{0.87, 0.83, 0.718571},
		},
		{
			name:  "a whole name beats a longer one",
			query: "cheffe de projet",
			candidates: []string{
				"Chef·fe de projet informatique senior",
				"Chef / Cheffe de projet BTP",
				"Chef·fe de projet",
				"Assistant / Assistante chef de projet",
				"Cheffe",
			},
			want:       []string{"Chef·fe de projet", "Chef / Cheffe de projet BTP", "Chef·fe de projet informatique senior"},
			wantScores: []float64{1, 0.905, 0.878},
		},
		{
			name:  "every query word must be there",
			query: "developpeuse back end",
			candidates: []string{
				"Développeur·euse web front end",
				"Développeur·euse web",
				"Développeur·euse web back end",
			},
			want:       []string{"Développeur·euse web back end"},
			wantScores: []float64{0.89375},
		},
		{
			name:  "a feminine finds the ROME pair first",
			query: "boulangère",
			candidates: []string{
				"Vendeur / Vendeuse en boulangerie-pâtisserie",
				"Boulanger-pâtissier / Boulangère-pâtissière",
				"Chef boulanger / Cheffe boulangère",
				"Boulanger / Boulangère",
				"Aide-boulanger / Aide-boulangère",
				"Chef / Cheffe de rayon boulangerie",
			},
			want: []string{
				"Boulanger / Boulangère",
				"Boulanger-pâtissier / Boulangère-pâtissière",
				"Aide-boulanger / Aide-boulangère",
				"Chef boulanger / Cheffe boulangère",
			},
			wantScores: []float64{1, 0.77, 0.725, 0.725},
		},
		{
			name:  "a prefix finds developers, shorter names first",
			query: "dévelop",
			candidates: []string{
				"Chef·fe de projet",
				"Développeur·euse web back end",
				"Développeur / Développeuse informatique",
				"Chef·fe de projet développement",
			},
			want: []string{
				"Développeur / Développeuse informatique",
				"Développeur·euse web back end",
				"Chef·fe de projet développement",
			},
			wantScores: []float64{0.254545, 0.197273, 0.143462},
		},
		{
			name:  "a whole word beats a prefix of a longer word",
			query: "chef",
			candidates: []string{
				"Cheffe",
				"Chef / Cheffe de projet BTP",
				"Chefferie",
			},
			want:       []string{"Chef / Cheffe de projet BTP", "Cheffe", "Chefferie"},
			wantScores: []float64{0.68, 0.38, 0.3},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, scores := rank(tt.query, tt.candidates)
			if !slices.Equal(got, tt.want) {
				t.Errorf("rank(%q) =\n  %q\nwant\n  %q", tt.query, got, tt.want)
			}
			if !slices.Equal(scores, tt.wantScores) {
				t.Errorf("scores of %q = %v, want %v", tt.query, scores, tt.wantScores)
			}
		})
	}
}

func TestMatchTextFindsTheCardTitle(t *testing.T) {
	for _, q := range []string{"développeuse", "developpeur", "Développeur·euse", "DEVELOPPEUR WEB BACK", "web back end", "dév"} {
		t.Run(q, func(t *testing.T) {
			if _, ok := career.MatchText(q, []string{"Développeur·euse web back end"}); !ok {
				t.Errorf("MatchText(%q, card title) did not match", q)
			}
		})
	}
}

func TestMatchText(t *testing.T) {
	t.Run("an exact name scores 1", func(t *testing.T) {
		if s, ok := career.MatchText("Boulangère", []string{"Boulanger / Boulangère"}); !ok || s != 1 {
			t.Errorf("score %v %v, want 1 true", s, ok)
		}
	})
	t.Run("an exact alternative name scores 0.9", func(t *testing.T) {
		s, ok := career.MatchText("développeuse web", []string{"Intégrateur / Intégratrice web", "développeur web/développeuse web"})
		if !ok || s != 0.9 {
			t.Errorf("score %v %v, want 0.9 true", s, ok)
		}
	})
	t.Run("the name beats the same match on an alternative name", func(t *testing.T) {
		onName, _ := career.MatchText("développeuse", []string{"Développeur / Développeuse web", "programmeur"})
		onAlt, _ := career.MatchText("développeuse", []string{"programmeur", "Développeur / Développeuse web"})
		if onName != 0.77 || onAlt != 0.693 {
			t.Errorf("on name %v, on alternative name %v; want 0.77, 0.693", onName, onAlt)
		}
	})
	t.Run("a blank query matches nothing", func(t *testing.T) {
		for _, q := range []string{"", "  ", "·", "'/()'"} {
			if s, ok := career.MatchText(q, []string{"Chef·fe de projet"}); ok || s != 0 {
				t.Errorf("MatchText(%q) = %v %v, want 0 false", q, s, ok)
			}
		}
	})
	t.Run("a missing word matches nothing", func(t *testing.T) {
		if _, ok := career.MatchText("développeur mobile", []string{"Développeur·euse web back end"}); ok {
			t.Error("matched without the word mobile")
		}
	})
	t.Run("query words must start text words", func(t *testing.T) {
		if _, ok := career.MatchText("loppeur", []string{"Développeur·euse web back end"}); ok {
			t.Error("matched the middle of a word")
		}
	})
	t.Run("long queries match long texts", func(t *testing.T) {
		text := "a b c d e f g h i j k l m n o p q r s t"
		s, ok := career.MatchText("a b c d e f g h i j k l m n o p q r", []string{text})
		if !ok || s != 0.946211 {
			t.Errorf("score %v %v, want 0.946211 true", s, ok)
		}
	})
	t.Run("no texts match nothing", func(t *testing.T) {
		if _, ok := career.MatchText("chef", nil); ok {
			t.Error("matched no texts")
		}
	})
	t.Run("scores are in (0, 1] with six decimals", func(t *testing.T) {
		for _, q := range []string{"d", "de", "chef", "technique", "a b c d e f g h i j k l m n o p q r"} {
			for _, a := range []string{"Directeur / Directrice technique en informatique", "Chef·fe de projet", "de"} {
				s, ok := career.MatchText(q, []string{a})
				if !ok {
					continue
				}
				if s <= 0 || s > 1 || math.Round(s*1e6)/1e6 != s {
					t.Errorf("MatchText(%q, %q) = %v", q, a, s)
				}
			}
		}
	})
}

func TestSearchField(t *testing.T) {
	tests := []struct {
		name  string
		texts []string
		want  string
	}{
		{"inclusive name", []string{"Développeur·euse web back end"}, "developpeur web back end developpeuse euse"},
		{"paired name and short name", []string{"Chef / Cheffe de projet BTP", "Chef(fe) de projet BTP"}, "chef de projet btp cheffe fe"},
		{"plain name", []string{"Architecte logiciel"}, "architecte logiciel"},
		{"no texts", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := career.SearchField(tt.texts); got != tt.want {
				t.Errorf("SearchField(%q) = %q, want %q", tt.texts, got, tt.want)
			}
		})
	}
}

func TestFullTextQuery(t *testing.T) {
	tests := []struct {
		query, want string
	}{
		{"développeuse back", "(+developpeuse* +back*)"},
		{"Développeur·euse", "(+developpeur*) (+developpeuse*)"},
		{"Chef / Cheffe de projet", "(+chef* +de* +projet*)"},
		{"Directeur·rice technique", "(+directeur* +technique*) (+directrice* +technique*)"},
		{"Boulanger / Boulangère", "(+boulanger*)"},
		{"C++ AND (java)", "(+c* +and* +java*)"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			got, ok := career.FullTextQuery(tt.query)
			if !ok || got != tt.want {
				t.Errorf("FullTextQuery(%q) = %q %v, want %q true", tt.query, got, ok, tt.want)
			}
		})
	}
	t.Run("a blank query has no full-text query", func(t *testing.T) {
		if got, ok := career.FullTextQuery(" ·/ "); ok || got != "" {
			t.Errorf("FullTextQuery = %q %v, want \"\" false", got, ok)
		}
	})
}

func TestEscapeLucene(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"developpeur", "developpeur"},
		{`a+b-c&&d||e!f(g)h{i}j[k]l^m"n~o*p?q:r\s/t`, `a\+b\-c\&\&d\|\|e\!f\(g\)h\{i\}j\[k\]l\^m\"n\~o\*p\?q\:r\\s\/t`},
		{"μηχανικος", "μηχανικος"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := career.EscapeLucene(tt.in); got != tt.want {
				t.Errorf("EscapeLucene(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// parseLucene reads a query made by FullTextQuery: its clauses, each a list of required
// prefixes.
func parseLucene(t *testing.T, query string) [][]string {
	t.Helper()
	if !strings.HasPrefix(query, "(") || !strings.HasSuffix(query, ")") {
		t.Fatalf("query %q is not a list of clauses", query)
	}
	var clauses [][]string
	for _, clause := range strings.Split(query[1:len(query)-1], ") (") {
		var prefixes []string
		for _, term := range strings.Fields(clause) {
			if !strings.HasPrefix(term, "+") || !strings.HasSuffix(term, "*") {
				t.Fatalf("term %q of %q is not a required prefix", term, query)
			}
			prefixes = append(prefixes, unescapeLucene(term[1:len(term)-1]))
		}
		clauses = append(clauses, prefixes)
	}
	return clauses
}

// luceneSelects evaluates a parsed full-text query on the tokens of a field made by
// SearchField as Neo4j's full-text index with a whitespace analyzer does: some clause has
// every one of its prefixes on some token of the field.
func luceneSelects(clauses [][]string, tokens []string) bool {
	for _, prefixes := range clauses {
		all := true
		for _, prefix := range prefixes {
			if !slices.ContainsFunc(tokens, func(tok string) bool { return strings.HasPrefix(tok, prefix) }) {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

// unescapeLucene removes the backslashes EscapeLucene adds.
func unescapeLucene(s string) string {
	var b strings.Builder
	escaped := false
	for _, r := range s {
		if r == '\\' && !escaped {
			escaped = true
			continue
		}
		escaped = false
		b.WriteRune(r)
	}
	return b.String()
}

// realQueries returns search queries made from real names: prefixes, whole words, feminine
// readings, whole names; one set for every step-th name.
func realQueries(names [][]string, step int) []string {
	queries := []string{"d", "de", "dév", "chef", "cheffe de", "boulangère", "directrice technique", "agent(e)", "développeur·euse", "a b"}
	for i := 0; i < len(names); i += step {
		name := names[i][0]
		vs := career.Variants(name)
		toks := career.Tokens(vs[0])
		queries = append(queries, name, vs[len(vs)-1], toks[0])
		if len(vs) > 1 {
			queries = append(queries, vs[1])
		}
		if r := []rune(toks[0]); len(r) > 3 {
			queries = append(queries, string(r[:3]))
		}
		if len(toks) > 2 {
			queries = append(queries, toks[len(toks)-1]+" "+toks[0][:1])
		}
	}
	return queries
}

func TestFullTextQuerySelectsEveryMatch(t *testing.T) {
	if testing.Short() {
		t.Skip("scores every name for every query; skipped with -short")
	}
	var names [][]string
	for _, a := range romeAppellations(t) {
		names = append(names, a.Texts())
	}
	names = append(names, escoOccupations(t)...)
	fields := make([][]string, len(names))
	prepared := make([]*career.PreparedTexts, len(names))
	for i, texts := range names {
		fields[i] = strings.Fields(career.SearchField(texts))
		prepared[i] = career.PrepareTexts(texts)
	}
	queries := realQueries(names, 1601)
	matches, selected := 0, 0
	for _, query := range queries {
		q, ok := career.ParseTextQuery(query)
		if !ok {
			t.Fatalf("query %q has no tokens", query)
		}
		lucene, _ := career.FullTextQuery(query)
		clauses := parseLucene(t, lucene)
		for i := range names {
			_, ok := q.Match(prepared[i])
			sel := luceneSelects(clauses, fields[i])
			if ok && !sel {
				t.Errorf("%q matches %q but %q does not select %q", query, names[i][0], lucene, fields[i])
			}
			if ok {
				matches++
			}
			if sel {
				selected++
			}
		}
	}
	// 16,127 names: 13,120 ROME appellations and 3,007 ESCO occupations.
	if len(names) != 16127 || len(queries) != 74 || matches != 31738 || selected != 31794 {
		t.Errorf("%d names, %d queries: %d matches, %d selected; want 16127, 74, 31738, 31794", len(names), len(queries), matches, selected)
	}
}

func TestMatchTextEqualsPreparedMatch(t *testing.T) {
	apps := romeAppellations(t)
	for _, query := range []string{"chef de projet", "boulangère", "dév", "agent(e) d'entretien"} {
		t.Run(query, func(t *testing.T) {
			q, _ := career.ParseTextQuery(query)
			for i := 0; i < len(apps); i += 7 {
				texts := apps[i].Texts()
				s1, ok1 := career.MatchText(query, texts)
				s2, ok2 := q.Match(career.PrepareTexts(texts))
				if s1 != s2 || ok1 != ok2 {
					t.Fatalf("%q on %q: MatchText %v %v, prepared %v %v", query, texts, s1, ok1, s2, ok2)
				}
			}
		})
	}
}
