package textsearch_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/careergraph/careergraph/textsearch"
	"github.com/careergraph/careergraph/textsearch/textsearchtest"
)

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
			if got := textsearch.Variants(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("Variants(%q) =\n  %q\nwant\n  %q", tt.in, got, tt.want)
			}
		})
	}
	t.Run("blank text has no variants", func(t *testing.T) {
		for _, in := range []string{"", "   ", "·/·", "(-)"} {
			if got := textsearch.Variants(in); got != nil {
				t.Errorf("Variants(%q) = %q, want nil", in, got)
			}
		}
	})
	t.Run("the last variant is the plain fold", func(t *testing.T) {
		for _, tt := range variantTests {
			got := textsearch.Variants(tt.in)
			if last := got[len(got)-1]; last != textsearch.Fold(tt.in) {
				t.Errorf("Variants(%q) ends with %q, want Fold %q", tt.in, last, textsearch.Fold(tt.in))
			}
		}
	})
}

func TestVariantsOfRealNames(t *testing.T) {
	apps := textsearchtest.RomeAppellations(t)
	t.Run("ROME long labels with a slash are read as pairs", func(t *testing.T) {
		slashed, paired := 0, 0
		var unpaired []string
		for _, a := range apps {
			if !strings.Contains(a.Long, "/") {
				continue
			}
			slashed++
			if v := textsearch.Variants(a.Long); len(v) == 3 {
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
			if v := textsearch.Variants(a.Short); len(v) == 3 && v[0] != v[1] {
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
				counts[len(textsearch.Variants(text))]++
			}
		}
		want := map[int]int{1: 2481, 2: 1, 3: 12829} // 2: "Groupiste / Groupiste"
		if fmt.Sprint(counts) != fmt.Sprint(want) {
			t.Errorf("variant counts %v, want %v", counts, want)
		}
	})
}
