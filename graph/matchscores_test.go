package graph_test

// matchScoreQueries ask for the readable scores of matchProfessions, and for the names O*NET
// gives twice. The read plans leave matchProfessions, similarProfessions and matchInterests to
// the resolvers and plan skill(id:) and node(id:): the answers with and without plans must be
// these. TestEquivalents runs them, on the data it loads.
var matchScoreQueries = []struct{ name, query, want string }{
	// The back-end developer uses the 3 given and 2 of its 10 essential skills are given.
	{"seed: skillsUsed, essentialCoverage and the score they make", `{
		matchProfessions(skills: ["skill:seed:maitriser-langages-programmation", "skill:seed:connaitre-bases-de-donnees"],
			tools: ["tool:seed:git"], first: 2) { profession { code } score skillsUsed essentialCoverage } }`,
		`{"data":{"matchProfessions":[` +
			`{"profession":{"code":"developpeur-web-back-end"},"score":0.8,"skillsUsed":1,"essentialCoverage":0.2},` +
			`{"profession":{"code":"developpeur-logiciels"},"score":0.7916666666666666,"skillsUsed":1,"essentialCoverage":0.16666666666666666}]}}`},
	// JavaScript, SQL, CSS, web programming and Python: ESCO's développeur web requires 4 of
	// them, 1 of its 21 essential skills; so does the UI developer, 1 of 17.
	{"ESCO: five web skills", `{
		matchProfessions(skills: ["skill:esco:3cd569a2-4f88-4c1e-9995-8dce8c5e51a7", "skill:esco:598de5b0-5b58-4ea7-8058-a4bc4d18c742",
			"skill:esco:e5d1f825-60ed-4bdd-872a-e748c387f777", "skill:esco:69bbd53f-fbb0-4476-b4b2-ef7844464e28",
			"skill:esco:ccd0a1d9-afda-43d9-b901-96344886e14d"], first: 2) { profession { name } score skillsUsed essentialCoverage } }`,
		`{"data":{"matchProfessions":[` +
			`{"profession":{"name":"développeur d’interface utilisateur/développeuse d’interface utilisatrice"},"score":0.6147058823529412,"skillsUsed":0.8,"essentialCoverage":0.058823529411764705},` +
			`{"profession":{"name":"développeur web/développeuse web"},"score":0.611904761904762,"skillsUsed":0.8,"essentialCoverage":0.047619047619047616}]}}`},
	{"no person's skills compared: null", `{
		similarProfessions(to: "profession:seed:developpeur-web-back-end", first: 1) { profession { code } skillsUsed essentialCoverage }
		matchInterests(riasec: "IC", dataset: "onet", first: 1) { skillsUsed essentialCoverage } }`,
		`{"data":{"similarProfessions":[{"profession":{"code":"developpeur-web"},"skillsUsed":null,"essentialCoverage":null}],` +
			`"matchInterests":[{"skillsUsed":null,"essentialCoverage":null}]}}`},
	{"O*NET's two Mathematics are told apart", `{
		knowledge: skill(id: "skill:onet:2.C.4.a") { name kind }
		skill: node(id: "skill:onet:2.A.1.e") { ... on Skill { name kind } } }`,
		`{"data":{"knowledge":{"name":"Mathematics (knowledge)","kind":"KNOWLEDGE"},"skill":{"name":"Mathematics (skill)","kind":"SKILL"}}}`},
}
