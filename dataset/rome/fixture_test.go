package rome_test

import (
	"testing"

	"github.com/careergraph/careergraph/dataset/readertest"
	"github.com/careergraph/careergraph/dataset/rome"
)

// fixture is a small ROME export: the files Read needs, with the export's headers and a
// few rows modelled on the v460 export (« Source : France Travail – Répertoire Opérationnel des
// Métiers et des Emplois (ROME 4.0, version 460) », Licence Ouverte v2.0), every field quoted
// as published. Three fiches: A1101 and M1805 (its own parent), M1813 (a specialisation of M1805).
func fixture() readertest.Files {
	return readertest.Files{
		rome.FileGrandDomain: `"code_grand_domaine","libelle_grand_domaine"
"A","Agriculture et Pêche, Espaces naturels et Espaces verts, Soins aux animaux"
"M","Support à l'entreprise"
`,
		rome.FileDomaines: `"code_domaine_professionnel","libelle_domaine_professionnel"
"A11","Engins agricoles et forestiers"
"M18","Systèmes d'information et de télécommunication"
`,
		rome.FileFiches: `"code_rome","code_fiche_metier","code_ogr","libelle_rome","transition_eco","transition_num","transition_demo","emploi_reglemente","emploi_cadre","code_rome_parent"
"A1101","11","6","Conducteur / Conductrice d'engins agricoles","Emploi Blanc","","","","N","A1101"
"M1805","567","494","Développeur / Développeuse informatique","Emploi Blanc","O","N","N","O","M1805"
"M1813","30061","404050","Intégrateur / Intégratrice logiciels métiers","Emploi Blanc","O","N","N","O","M1805"
`,
		rome.FileAppellation: `"code_ogr","libelle_appellation_long","libelle_appellation_court","code_rome","transition_eco","transition_num","transition_demo","emploi_reglemente","emploi_cadre","classification","origine","code_rome_parent","peu_usite"
"10200","Développeur / Développeuse web","Développeur / Développeuse web","M1805","Emploi Blanc","","","","","SYNONYME","","M1805","N"
"10201","Conducteur / Conductrice de tracteur","Conducteur / Conductrice de tracteur","A1101","Emploi Blanc","","","","","SYNONYME","","A1101","N"
`,
		rome.FileTexte: `"code_rome","code_compo_bloc","libelle_type_texte","position_phrase","libelle_texte"
"A1101","3","definition","1","Réalise des travaux agricoles mécanisés."
"M1805","3","definition","1","Conçoit, développe et met au point un projet d''application informatique."
"M1805","3","definition","2","Peut coordonner une équipe."
"M1805","4","acces_metier","1","Ce métier est accessible avec un diplôme de niveau Bac+2 (BTS, BUT) en informatique."
`,
		rome.FileCompetence: `"code_ogr","nature","libelle_competence","definition","code_ogr_macro_comp","code_macro_comp","cat_comp","sous_cat_comp","transition_eco","transition_num","libelle_heterogeneite","libelle_origine"
"100023","Compétence","Abattre un arbre","","300230","","Savoir-faire","Technique","","N","",""
"120001","Compétence","Concevoir une application web","Définir l''architecture d''une application.","","","Savoir-faire","Technique","","O","",""
"300001","Savoir-être","Faire preuve de rigueur et de précision","","","","Savoir-être professionnel","","","","",""
`,
		rome.FileSavoir: `"code_ogr_savoir","libelle_savoir","categorie_savoir","sous_categorie_savoir","transition_eco","transition_num"
"100003","Fonctionnement des engins agricoles","Produits, outils et matières","Outils, machines, équipement matériel","","N"
"100100","Langage Java","Domaines d'expertise","Langages informatiques","","O"
"100200","Anglais technique","Langues","Langues","",""
`,
		rome.FileCoherence: `"code_rome","code_ogr","coeur_metier"
"A1101","100023","Principale"
"M1805","120001","Principale"
"M1805","100100","Émergente"
`,
		rome.FileLiens: `"code_rome","code_compo_bloc","code_rubrique","code_ogr"
"A1101","1","","6"
"A1101","5","","100023"
"A1101","5","","100003"
"M1805","5","","120001"
"M1805","5","","300001"
"M1805","5","","100100"
"M1805","5","","100200"
"M1813","5","","120001"
"M1805","6","","300799"
"M1805","6","","403025"
`,
		rome.FileContextes: `"code_ogr","libelle_cont_travail","code_type_cont_trav","libelle_type_cont_trav"
"300799","Possibilité de télétravail","1","Conditions de travail et risques professionnels"
"403025","Station assise prolongée","1","Conditions de travail et risques professionnels"
`,
		rome.FileRiasec: `"code_rome","riasec_majeur","riasec_mineur"
"A1101","R",""
"M1805","I","C"
`,
		rome.FileMobilite: `"code_rome","code_rome_cible","numero_ordre"
"A1101","M1805","1"
"M1805","M1813","1"
"M1813","M1805","1"
`,
	}
}

func TestFixtureReads(t *testing.T) {
	d, ws, err := rome.Read(fixture().Dir(t))
	if err != nil {
		t.Fatal(err)
	}
	got := []int{len(d.Professions), len(d.Skills), len(d.Tools), len(d.Trainings), len(d.Requirements),
		len(d.Qualities), len(d.ToolUses), len(d.Moves), len(ws)}
	// 3 fiches; 3 compétences + 2 savoirs that are no tools; 1 tool; M1805's training;
	// A1101 1, M1805 4, M1813 1 requirements; M1805's savoir-être; A1101's tool; 3 moves.
	want := []int{3, 5, 1, 1, 6, 1, 1, 3, 0}
	if !slicesEqual(got, want) {
		t.Errorf("professions, skills, tools, trainings, requirements, qualities, tool uses, moves, warnings = %v, want %v", got, want)
	}
}
