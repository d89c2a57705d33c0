package neo4jstore_test

import (
	"github.com/careergraph/careergraph/career"
)

// fixtureName is the dataset the hand-built tests load.
const fixtureName = "neo4jtest"

func fid(kind career.Kind, code string) string { return career.MakeID(kind, fixtureName, code) }

// IDs of the fixture's nodes.
var (
	pBack  = fid(career.KindProfession, "dev-back")
	pWeb   = fid(career.KindProfession, "dev-web")
	pFront = fid(career.KindProfession, "dev-front")
	pArch  = fid(career.KindProfession, "archi")
	pCTO   = fid(career.KindProfession, "cto")
	pElec  = fid(career.KindProfession, "elec")

	sPHP  = fid(career.KindSkill, "php")
	sDB   = fid(career.KindSkill, "db")
	sRig  = fid(career.KindSkill, "rigueur")
	sTeam = fid(career.KindSkill, "team")
	sJS   = fid(career.KindSkill, "js")

	tGit     = fid(career.KindTool, "git")
	tSlack   = fid(career.KindTool, "slack")
	tFirefox = fid(career.KindTool, "firefox")

	fBach   = fid(career.KindTraining, "bachelier")
	fMaster = fid(career.KindTraining, "master")
	fPromo  = fid(career.KindTraining, "promsoc")
)

func years(y float64) *float64 { return &y }

// fixture builds a small dataset in the style of the seed: a back-end web developer who can move
// to front end, software architect and technical director.
func fixture() *career.Dataset {
	ds := fixtureName
	prof := func(id, code, name string) career.Profession {
		return career.Profession{ID: id, Dataset: ds, Code: code, Name: name, Language: "fr", Source: "curated"}
	}
	back := prof(pBack, "dev-back", "Développeur·euse web back end")
	back.AlternativeNames = []string{"Programmeur·euse serveur"}
	back.Summary = "Programme la partie serveur des sites web."
	back.Description = "Premier paragraphe.\n\nSecond paragraphe."
	back.Sector = "Informatique"
	back.Tasks = []string{"Concevoir la base de données", "Réaliser des tests"}
	back.SpecializationOf = pWeb
	web := prof(pWeb, "dev-web", "Développeur·euse web")
	web.Sector = "Informatique"
	front := prof(pFront, "dev-front", "Développeur·euse web front end")
	front.SpecializationOf = pWeb
	front.Sector = "Informatique"
	arch := prof(pArch, "archi", "Architecte logiciel")
	arch.Sector = "Informatique"
	cto := prof(pCTO, "cto", "Directeur·rice technique")
	elec := prof(pElec, "elec", "Électricien·ne")
	elec.Sector = "Construction"

	skill := func(id, code, name string, kind career.SkillKind) career.Skill {
		return career.Skill{ID: id, Dataset: ds, Code: code, Name: name, Kind: kind, Language: "fr"}
	}
	php := skill(sPHP, "php", "PHP", career.SkillKindSkill)
	php.AlternativeNames = []string{"Langage PHP"}
	db := skill(sDB, "db", "Bases de données", career.SkillKindKnowledge)
	db.Description = "SQL et modélisation."
	tool := func(id, code, name, cat string) career.Tool {
		return career.Tool{ID: id, Dataset: ds, Code: code, Name: name, Category: cat}
	}
	training := func(id, code, name string, level career.TrainingLevel, y *float64) career.Training {
		return career.Training{ID: id, Dataset: ds, Code: code, Name: name, Level: level, DurationYears: y}
	}
	req := func(p, s string, imp career.Importance) career.Requirement {
		return career.Requirement{ProfessionID: p, SkillID: s, Importance: imp}
	}
	link := func(p, t string) career.Link { return career.Link{ProfessionID: p, TargetID: t} }
	move := func(from, to string, kind career.MoveKind) career.Move {
		return career.Move{FromID: from, ToID: to, Kind: kind}
	}
	return &career.Dataset{
		Info:        career.DatasetInfo{Name: ds, Title: "Neo4j store test", Version: "1", Attribution: "careergraph tests"},
		Professions: []career.Profession{back, web, front, arch, cto, elec},
		Skills: []career.Skill{
			php, db,
			skill(sRig, "rigueur", "Rigueur", career.SkillKindAttitude),
			skill(sTeam, "team", "Gestion d'équipe", career.SkillKindSkill),
			skill(sJS, "js", "JavaScript", career.SkillKindSkill),
		},
		Tools: []career.Tool{
			tool(tGit, "git", "Git", "Outils de développement"),
			tool(tSlack, "slack", "Slack", "Communication"),
			tool(tFirefox, "firefox", "Firefox", "Navigateur web"),
		},
		Trainings: []career.Training{
			training(fBach, "bachelier", "Bachelier en informatique", career.LevelHigherShort, years(3)),
			training(fMaster, "master", "Master en informatique", career.LevelHigherLong, years(5)),
			training(fPromo, "promsoc", "Promotion sociale", career.LevelAdultEducation, nil),
		},
		Requirements: []career.Requirement{
			req(pBack, sPHP, career.Essential), req(pBack, sRig, career.Optional), req(pBack, sDB, career.Essential),
			req(pFront, sJS, career.Essential), req(pFront, sPHP, career.Optional),
			req(pArch, sTeam, career.Optional), req(pArch, sDB, career.Essential), req(pArch, sPHP, career.Essential),
			req(pCTO, sTeam, career.Essential), req(pCTO, sDB, career.Optional),
		},
		Qualities:     []career.Link{link(pBack, sRig)},
		ToolUses:      []career.Link{link(pBack, tGit), link(pBack, tFirefox), link(pFront, tFirefox), link(pFront, tGit), link(pArch, tGit), link(pArch, tSlack), link(pCTO, tSlack)},
		TrainingLinks: []career.Link{link(pBack, fBach), link(pBack, fPromo), link(pArch, fMaster), link(pCTO, fMaster)},
		Moves: []career.Move{
			move(pBack, pArch, career.MoveProgression), move(pBack, pFront, career.MoveLateral),
			move(pFront, pArch, career.MoveProgression), move(pArch, pCTO, career.MoveProgression),
			move(pFront, pBack, career.MoveLateral),
		},
	}
}
