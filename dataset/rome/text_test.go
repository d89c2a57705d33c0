package rome_test

import (
	"testing"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/dataset/rome"
)

// trainingLevelCase is the access text of a fiche of the real export, by its start, and the
// level TrainingLevel gives it.
type trainingLevelCase struct {
	code, starts string
	want         career.TrainingLevel
}

// trainingLevelCases are cases of TrainingLevel on real access texts.
var trainingLevelCases = []trainingLevelCase{
	// "Bac+2 à Bac+5": a range starts at its entry level.
	{"M1805", "Cet emploi est accessible avec un niveau Bac+2 à Bac+5", career.LevelHigherShort},
	{"H2506", "Cet emploi est accessible avec un BTS en industries agroalimentaires, une Licence", career.LevelHigherShort},
	{"C1105", "Ce métier est accessible avec un Master (Master professionnel", career.LevelHigherLong},
	{"F1136", "Cet emploi est accessible avec un diplôme de niveau Bac +3 à Bac +5", career.LevelHigherLong},
	{"J1116", "Cet emploi est accessible avec un Diplôme d'Etat de Docteur en médecine", career.LevelHigherLong},
	// "Certification Scrum Master" comes after "Master en Management".
	{"M1814", "Cet emploi est accessible avec un Master en Management de projet informatique", career.LevelHigherLong},
	{"F1703", "Ce métier est accessible avec un CAP/BEP en construction bâtiment gros œuvre", career.LevelSecondary},
	{"K2323", "Cet emploi est accessible avec un diplôme de niveau Bac à Bac + 3", career.LevelSecondary},
	{"D1423", "Cet emploi est accessible par l'obtention d'un CQP Conseiller produits.", career.LevelVocational},
	{"I1628", "Cet emploi est accessible avec un Titre à finalité professionnelle.", career.LevelVocational},
	{"N1113", "Cet emploi est accessible sans qualification préalable.", career.LevelOther},
	// No diploma needed, though a CAP "peut en faciliter l'accès".
	{"D1110", "Cet emploi est accessible sans diplôme ou qualification. Un CAP ou BEP", career.LevelOther},
	{"N4125", "Cet emploi est accessible à tous les niveaux de qualification.", career.LevelOther},
	// A Diplôme d'État names no level.
	{"J1403", "Cet emploi est accessible avec un Diplôme d'État d'ergothérapeute.", career.LevelOther},
}

func TestTrainingLevelOnRealTexts(t *testing.T) {
	checkTrainingLevels(t, realDataset(t), trainingLevelCases)
}

// checkTrainingLevels checks the cases on the access texts of d.
func checkTrainingLevels(t *testing.T, d *career.Dataset, cases []trainingLevelCase) {
	t.Helper()
	texts := map[string]string{}
	for _, tr := range d.Trainings {
		texts[tr.Code] = tr.Description
	}
	for _, tt := range cases {
		t.Run(tt.code+" is "+string(tt.want), func(t *testing.T) {
			text := texts[tt.code]
			if len(text) < len(tt.starts) || text[:len(tt.starts)] != tt.starts {
				t.Fatalf("text of %s = %q, want it to start with %q", tt.code, text, tt.starts)
			}
			if got := rome.TrainingLevel(text); got != tt.want {
				t.Errorf("TrainingLevel(%q) = %s, want %s", text, got, tt.want)
			}
		})
	}
}

func TestTrainingLevelMarkers(t *testing.T) {
	tests := []struct {
		name, text string
		want       career.TrainingLevel
	}{
		{"spaced Bac + 2", "Accessible avec un Bac  +  2.", career.LevelHigherShort},
		{"upper-case BAC +5", "Niveau BAC +5 exigé.", career.LevelHigherLong},
		{"Bac+1 is short higher education", "Un bac+1 suffit.", career.LevelHigherShort},
		{"plain Bac", "Un Bac pro commerce.", career.LevelSecondary},
		{"CACES is not CAP", "Des CACES peuvent être requis.", career.LevelOther},
		{"licence IV is not a degree", "Il faut la licence IV pour vendre des boissons.", career.LevelOther},
		{"licence de pilote is not a degree", "La licence de pilote, puis un BTS.", career.LevelHigherShort},
		{"but is not BUT", "Le but est de servir. Un BUT GEA.", career.LevelHigherShort},
		{"first marker wins", "Un Master, ou à défaut un BTS.", career.LevelHigherLong},
		{"doubled apostrophes", "Un diplôme d''ingénieur.", career.LevelHigherLong},
		{"no marker", "Une expérience est demandée.", career.LevelOther},
		{"empty", "", career.LevelOther},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := rome.TrainingLevel(tt.text); got != tt.want {
				t.Errorf("TrainingLevel(%q) = %s, want %s", tt.text, got, tt.want)
			}
		})
	}
}

func TestClean(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"doubled apostrophes", "Participe à l''analyse", "Participe à l'analyse"},
		{"tripled apostrophes", "l'''analyse", "l'analyse"},
		{"whitespace runs and tabs", "  Bac+5 \t dans  le domaine ", "Bac+5 dans le domaine"},
		{"newlines", "ligne un\nligne deux", "ligne un ligne deux"},
		{"Windows-1252 œ", "gros \u009cuvre", "gros œuvre"},
		{"Windows-1252 apostrophe before a doubled one", "à l\u0092'étranger", "à l'étranger"},
		{"clean text is unchanged", "Développeur / Développeuse informatique", "Développeur / Développeuse informatique"},
		{"typographic apostrophe is kept", "L’orfèvre", "L’orfèvre"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := rome.Clean(tt.in); got != tt.want {
				t.Errorf("Clean(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
