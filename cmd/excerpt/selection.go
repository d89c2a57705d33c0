package main

// The professions each excerpt starts from. The cut adds what they need (see cutROME, cutESCO
// and cutONET); the tests on the excerpts assert values that follow from these lists, so a
// change here means regenerating the excerpt and updating those tests.

// romeFiches: the developer M1805 and every fiche of its mobility rubric, its specialisations
// M1855 (web) and M1814 (Scrum Master), the forester A1205 and its mobility rubric (moves from
// a non-cadre fiche to cadre ones), and a few fiches of other domaines with their own access
// texts: the baker D1102, the actuary C1105, the mason F1703 and the occupational therapist
// J1403. The fiches these specialise (code_rome_parent) are added.
var romeFiches = []string{
	"M1805", "M1802", "M1803", "M1810", "M1812", "M1818", "M1824", "M1831", "M1832", "M1842", "E1206",
	"M1855", "M1814",
	"A1205", "A1207", "A1306", "A1313", "A1405", "D1418", "D1402", "F1133", "K1802", "H2204",
	"D1102", "C1105", "F1703", "J1403",
}

// escoOccupations (UUIDs of occupation concepts): the web developer, the software developer,
// the software tester and its five specialisations, software and web occupations close to
// them, the cloud engineer (who requires the skill whose skillType is empty), the event
// manager (a description of several paragraphs), and occupations of other domains that ROME and
// O*NET excerpts also have: baker, translator, mason, actuary, occupational therapist, forester.
var escoOccupations = []string{
	"c40a2919-48a9-40ea-b506-1f34f693496d", // développeur web/développeuse web
	"f2b15a0e-e65a-438a-affb-29b9d50b77d1", // développeur de logiciels/développeuse de logiciels
	"106f79e4-6264-45f1-9e7a-297435cd684b", // testeur de logiciels/testeuse de logiciels
	"731f38f1-b08f-4dd5-a25e-f8627c038273", // responsable des tests d’intégration
	"33e4f026-a823-4ffc-99e4-60d3fe597a1e", // testeur de jeux numériques/testeuse de jeux numériques
	"52d5edc9-7902-4cd3-8b06-6bd77c98d440", // testeur de systèmes informatiques/testeuse de systèmes informatiques
	"50af07f0-7a75-424e-a66d-5a9deea10f4c", // testeur d’accessibilité/testeuse d’accessibilité
	"5f50290d-f520-4a69-85c7-1390d2a4a8b6", // testeur d’utilisabilité/testeuse d’utilisabilité
	"04ba4d6c-957d-417f-bf63-5b9e015a9f86", // analyste logiciel
	"2ed56c3f-61d6-4f7e-9ef8-8849eb102e4c", // développeur d’applications mobiles/développeuse d’applications mobiles
	"866c7813-2c03-47d7-9bdc-192cfbace57c", // développeur d’interface utilisateur/développeuse d’interface utilisateur
	"96e20037-0a25-4bf6-a25e-808d1605d890", // concepteur d’interface utilisateur/conceptrice d’interface utilisateur
	"a74f6c51-37e5-423e-aa5b-044e98663027", // administrateur de contenu web/administratrice de contenu web
	"349ee6f6-c295-4c38-9b98-48765b55280e", // ingénieur en informatique en nuage/ingénieure en informatique en nuage
	"1b38a27d-ef98-4d9f-b1b2-8c109bf47e79", // responsable évènement
	"1aadb308-432a-4d01-b54b-b4f7f76dd419", // boulanger/boulangère
	"1a07bd7d-2e1d-4930-a84a-1a442b8f2a44", // traducteur/traductrice
	"05f321f8-055b-407d-bf19-e0ddabda56b7", // maçon/maçonne
	"068c2787-58ff-468e-bbb6-c4e5dd6ee482", // actuaire
	"33da5532-8c4e-4d1b-b52e-c201ee1bc7ab", // ergothérapeute
	"f04eaeff-52f5-4d52-93ad-6f846884827f", // forestier
}

// escoSkills (UUIDs of skill concepts) are kept besides the skills the occupations require:
// no kept occupation requires a language or a transversal skill, and the reader's collection
// files must not be empty. One has no French label anywhere (the English fallback).
var escoSkills = []string{
	"01f10952-cb59-4347-9aee-d4fbc51c870a", // écrire en hongrois (language collection)
	"001115fb-569f-4ee6-8381-c6807ef2527f", // faire preuve d’initiative (transversal, T3)
	"72d1fa5d-1b7f-48e7-84e3-6e779841ddf1", // faire preuve de loyauté (transversal, T4.5)
	"00920055-eb50-4cb8-a23d-3deedbf3753e", // enterprise risk management (no French label)
}

// onetOccupations (O*NET-SOC codes): Web Developers and ten of the occupations its Related
// Occupations name (the ones with the shorter technology lists: progressions and a lateral
// move), Chief Executives and its specialisation Chief Sustainability Officers, three
// occupations with ratings or shares the reader drops (Writers and Authors: a suppressed
// rating; Surveying and Mapping Technicians: a rating whose level is Not Relevant; Service Unit
// Operators, Oil and Gas: only suppressed education shares), and occupations of other domains
// that the ROME and ESCO excerpts also have.
var onetOccupations = []string{
	"15-1254.00", // Web Developers
	"15-1255.00", "15-1299.01", "13-1161.01", "15-1299.07", "15-1243.01", "15-1299.03", "15-1231.00",
	"43-9031.00", "15-1299.05", "17-2061.00",
	"11-1011.00", "11-1011.03",
	"27-3043.00", "17-3031.00", "47-5013.00",
	"51-3011.00", // Bakers
	"27-3091.00", // Interpreters and Translators
	"47-2021.00", // Brickmasons and Blockmasons
	"15-2011.00", // Actuaries
	"29-1122.00", // Occupational Therapists
	"19-1032.00", // Foresters
	"13-1121.00", // Meeting, Convention, and Event Planners
}
