package esco_test

import (
	"slices"
	"testing"

	"github.com/careergraph/careergraph/dataset/esco"
	"github.com/careergraph/careergraph/dataset/readertest"
)

// Files of the export the fixture holds (the optional French collections and skills_fr_v1.0.csv
// are left out: Read warns about each).
const (
	fileOccupationsFR = "occupations_fr.csv"
	fileOccupationsEN = "occupations_en.csv"
	fileISCOGroupsFR  = "ISCOGroups_fr.csv"
	fileSkillsEN      = "skills_en.csv"
	fileLanguage      = "languageSkillsCollection_en.csv"
	fileTransversal   = "transversalSkillsCollection_en.csv"
	fileRelations     = "occupationSkillRelations.csv"
	fileBroaderOcc    = "broaderRelationsOccPillar.csv"
	fileLabelsAPI     = "fr-skill-labels/skills_fr_api_2026.csv"
)

// fixture is a small ESCO v1.1.1 export with the export's headers and a few rows modelled on
// it (« This service uses the ESCO classification of the European Commission. »): three
// occupations (web developer, software tester, a specialisation of software developer),
// four skills (one a language, one an attitude), as the CSV files are published (the
// occupation files with CRLF line ends and newline-separated labels in quoted cells).
func fixture() readertest.Files {
	const occHeader = "conceptType,conceptUri,iscoGroup,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,regulatedProfessionNote,scopeNote,definition,inScheme,description,code\r\n"
	return readertest.Files{
		fileOccupationsFR: occHeader +
			"Occupation," + webDeveloperURI + ",2513,développeur web/développeuse web,\"développeuse web\r\ndéveloppeur web\",,released,2024-01-25T10:00:00Z,,,,http://data.europa.eu/esco/concept-scheme/occupations,\"Les développeurs web développent, mettent en œuvre et documentent des logiciels accessibles sur le web.\",2513.5\r\n" +
			"Occupation," + softwareTesterURI + ",2519,testeur de logiciels/testeuse de logiciels,testeuse de logiciels,,released,2024-01-25T10:00:00Z,,,,http://data.europa.eu/esco/concept-scheme/occupations,Les testeurs de logiciels effectuent des tests de logiciels.,2519.4\r\n" +
			"Occupation," + softwareDevURI + ",2512,développeur de logiciels/développeuse de logiciels,,,released,2024-01-25T10:00:00Z,,,,http://data.europa.eu/esco/concept-scheme/occupations,Les développeurs de logiciels mettent en œuvre des logiciels.,2512.4\r\n",
		fileOccupationsEN: occHeader +
			"Occupation," + webDeveloperURI + ",2513,web developer,\"web developers\r\nweb engineer\",,released,2024-01-25T10:00:00Z,,,,http://data.europa.eu/esco/concept-scheme/occupations,\"Web developers develop, implement and document web-accessible software.\",2513.5\r\n" +
			"Occupation," + softwareTesterURI + ",2519,software tester,,,released,2024-01-25T10:00:00Z,,,,http://data.europa.eu/esco/concept-scheme/occupations,Software testers perform software tests.,2519.4\r\n" +
			"Occupation," + softwareDevURI + ",2512,software developer,,,released,2024-01-25T10:00:00Z,,,,http://data.europa.eu/esco/concept-scheme/occupations,Software developers implement software.,2512.4\r\n",
		fileISCOGroupsFR: `conceptType,conceptUri,code,preferredLabel,status,altLabels,inScheme,description
ISCOGroup,http://data.europa.eu/esco/isco/C2512,2512,Concepteurs de logiciels,released,,http://data.europa.eu/esco/concept-scheme/isco,
ISCOGroup,http://data.europa.eu/esco/isco/C2513,2513,Concepteurs de sites internet et de multimédia,released,,http://data.europa.eu/esco/concept-scheme/isco,
ISCOGroup,http://data.europa.eu/esco/isco/C2519,2519,Spécialistes des logiciels et applications non classés ailleurs,released,,http://data.europa.eu/esco/concept-scheme/isco,
ISCOGroup,http://data.europa.eu/esco/isco/C2,2,Professions intellectuelles et scientifiques,released,,http://data.europa.eu/esco/concept-scheme/isco,
ISCOGroup,http://data.europa.eu/esco/isco/C25,25,Spécialistes des technologies de l’information et des communications,released,,http://data.europa.eu/esco/concept-scheme/isco,
ISCOGroup,http://data.europa.eu/esco/isco/C251,251,Concepteurs et analystes de logiciels et de multimédia,released,,http://data.europa.eu/esco/concept-scheme/isco,
`,
		fileSkillsEN: `conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,scopeNote,definition,inScheme,description
KnowledgeSkillCompetence,` + skillURI + `2522a6ce-3202-4ac8-9f5b-b9cb5a3a83a1,skill/competence,cross-sector,debug software,"fix software
debug code",,released,2024-01-25T10:00:00Z,,,,"Repair computer code by analysing testing results."
KnowledgeSkillCompetence,` + skillURI + `0ccdfe98-f845-4598-84a1-3dca66e9d9a3,knowledge,cross-sector,Ruby (computer programming),,,released,2024-01-25T10:00:00Z,,,,The techniques and principles of software development in Ruby.
KnowledgeSkillCompetence,` + skillURI + `001115fb-569f-4ee6-8381-c6807ef2527f,skill/competence,transversal,show initiative,take the initiative,,released,2024-01-25T10:00:00Z,,,,Be proactive and take the first step in an action.
KnowledgeSkillCompetence,` + skillURI + `01f10952-cb59-4347-9aee-d4fbc51c870a,skill/competence,transversal,write Hungarian,,,released,2024-01-25T10:00:00Z,,,,Compose written texts in Hungarian.
`,
		fileLanguage: `conceptType,conceptUri,skillType,reuseLevel,preferredLabel,status,altLabels,description,broaderConceptUri,broaderConceptPT
KnowledgeSkillCompetence,` + skillURI + `01f10952-cb59-4347-9aee-d4fbc51c870a,skill/competence,transversal,write Hungarian,released,writing Hungarian,Compose written texts in Hungarian.,` + skillURI + `ddd3596a-43f3-402e-960a-5f79362a8609,Hungarian
`,
		fileTransversal: `conceptType,conceptUri,skillType,reuseLevel,preferredLabel,status,altLabels,description,broaderConceptUri,broaderConceptPT
KnowledgeSkillCompetence,` + skillURI + `001115fb-569f-4ee6-8381-c6807ef2527f,skill/competence,transversal,show initiative,released,take the initiative,"Be proactive and take the first step in an action.
",` + skillURI + `91860993-1a8b-4473-91f3-600aa1924bd0,taking a proactive approach
`,
		fileRelations: `occupationUri,relationType,skillType,skillUri
` + webDeveloperURI + `,essential,skill/competence,` + skillURI + `2522a6ce-3202-4ac8-9f5b-b9cb5a3a83a1
` + webDeveloperURI + `,optional,knowledge,` + skillURI + `0ccdfe98-f845-4598-84a1-3dca66e9d9a3
` + softwareTesterURI + `,essential,skill/competence,` + skillURI + `2522a6ce-3202-4ac8-9f5b-b9cb5a3a83a1
` + softwareDevURI + `,essential,skill/competence,` + skillURI + `001115fb-569f-4ee6-8381-c6807ef2527f
` + softwareDevURI + `,optional,skill/competence,` + skillURI + `01f10952-cb59-4347-9aee-d4fbc51c870a
`,
		fileBroaderOcc: `conceptType,conceptUri,broaderType,broaderUri
ISCOGroup,http://data.europa.eu/esco/isco/C2513,ISCOGroup,http://data.europa.eu/esco/isco/C251
Occupation,` + webDeveloperURI + `,ISCOGroup,http://data.europa.eu/esco/isco/C2513
Occupation,` + softwareTesterURI + `,Occupation,` + softwareDevURI + `
`,
		fileLabelsAPI: `conceptUri,preferredLabel,altLabels
` + skillURI + `2522a6ce-3202-4ac8-9f5b-b9cb5a3a83a1,déboguer un logiciel,corriger un logiciel
` + skillURI + `0ccdfe98-f845-4598-84a1-3dca66e9d9a3,Ruby (programmation informatique),Ruby lang|Ruby
`,
	}
}

// fixtureWarnings is how many warnings the fixture gives: one per absent optional file (seven
// collection and label files, three skill graph files).
const fixtureWarnings = 10

func TestFixtureReads(t *testing.T) {
	d, ws, err := esco.Read(fixture().Dir(t))
	if err != nil {
		t.Fatal(err)
	}
	got := []int{len(d.Professions), len(d.Skills), len(d.Requirements), len(d.Qualities), len(ws)}
	if want := []int{3, 4, 5, 1, fixtureWarnings}; !slices.Equal(got, want) {
		t.Errorf("professions, skills, requirements, qualities, warnings = %v, want %v", got, want)
	}
	x := indexOf(d)
	if p := x.professions[softwareTester]; p.SpecializationOf != "profession:esco:f2b15a0e-e65a-438a-affb-29b9d50b77d1" {
		t.Errorf("software tester specializes %q, want the software developer", p.SpecializationOf)
	}
}
