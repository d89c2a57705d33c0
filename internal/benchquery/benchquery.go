// Package benchquery holds the GraphQL queries careergraph is measured with against a raw
// Cypher baseline (cmd/cypherbaseline), written once so that the load tester (cmd/loadtest),
// the baseline and the test that checks both answer alike send the same text.
package benchquery

// Profession is the profession both queries start from: ROME's "Développeur / Développeuse
// informatique".
const Profession = "profession:rome:M1805"

// Q1 is the card of Profession: its name, qualities, skills, tools, trainings and next careers,
// each list in dataset order.
const Q1 = `{ profession(id: "` + Profession + `") { name qualities { name } skills { skill { name kind } importance } ` +
	`tools { name category } trainings { name level } nextCareers { profession { name } kind } } }`

// Q2 is two levels deep: Profession's next careers, and the skills of each, in dataset order.
const Q2 = `{ profession(id: "` + Profession + `") { name nextCareers { kind profession { name skills { skill { name } importance } } } } }`

// ByName are the queries by the names the tools give them.
var ByName = map[string]string{"q1": Q1, "q2": Q2}
