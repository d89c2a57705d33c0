package onet_test

import (
	"slices"
	"testing"

	"github.com/careergraph/careergraph/dataset/onet"
	"github.com/careergraph/careergraph/dataset/readertest"
)

// fixture is a small O*NET 29.3 folder: the thirteen files Read needs (Read Me.txt is optional
// and left out), tab-separated with the published headers, and a few rows modelled on the
// database (« This product includes information from the O*NET 29.3 Database by the U.S.
// Department of Labor, Employment and Training Administration (USDOL/ETA). Used under the
// CC BY 4.0 license. », values changed): Software Developers, Web Developers and Computer and
// Information Systems Managers.
func fixture() readertest.Files {
	return readertest.Files{
		"Alternate Titles.txt": `O*NET-SOC Code	Title	Alternate Title	Short Title	Source(s)
15-1254.00	Web Developers	Front End Web Developer	Front End Developer	08
15-1252.00	Software Developers	Application Developer		08
11-3021.00	Computer and Information Systems Managers	Chief Information Officer (CIO)	CIO	08
`,
		"Content Model Reference.txt": `Element ID	Element Name	Description
2.A.1.a	Reading Comprehension	Understanding written sentences and paragraphs in work-related documents.
2.B.3.e	Programming	Writing computer programs for various purposes.
2.C.3.a	Computers and Electronics	Knowledge of circuit boards, processors, chips, electronic equipment, and computer hardware and software, including applications and programming.
`,
		"Education, Training, and Experience Categories.txt": `Element ID	Element Name	Scale ID	Scale Name	Category	Category Description
2.D.1	Required Level of Education	RL	Required Level Of Education (Categories 1-12)	2	High School Diploma - or the equivalent (for example, GED)
2.D.1	Required Level of Education	RL	Required Level Of Education (Categories 1-12)	5	Associate's Degree (or other 2-year degree)
2.D.1	Required Level of Education	RL	Required Level Of Education (Categories 1-12)	6	Bachelor's Degree
`,
		"Education, Training, and Experience.txt": `O*NET-SOC Code	Title	Element ID	Element Name	Scale ID	Scale Name	Category	Data Value	N	Standard Error	Lower CI Bound	Upper CI Bound	Recommend Suppress	Date	Domain Source
15-1254.00	Web Developers	2.D.1	Required Level of Education	RL	Required Level Of Education (Categories 1-12)	5	30.5	28	4.1428	0.6307	25.5524	N	08/2023	Incumbent
15-1254.00	Web Developers	2.D.1	Required Level of Education	RL	Required Level Of Education (Categories 1-12)	6	45.83	28	4.1428	0.6307	25.5524	N	08/2023	Incumbent
15-1252.00	Software Developers	2.D.1	Required Level of Education	RL	Required Level Of Education (Categories 1-12)	6	70.2	28	4.1428	0.6307	25.5524	N	08/2023	Incumbent
11-3021.00	Computer and Information Systems Managers	2.D.1	Required Level of Education	RL	Required Level Of Education (Categories 1-12)	2	10	28	4.1428	0.6307	25.5524	N	08/2023	Incumbent
11-3021.00	Computer and Information Systems Managers	2.D.1	Required Level of Education	RL	Required Level Of Education (Categories 1-12)	6	60	28	4.1428	0.6307	25.5524	N	08/2023	Incumbent
`,
		"Interests.txt": `O*NET-SOC Code	Title	Element ID	Element Name	Scale ID	Scale Name	Data Value	Date	Domain Source
11-3021.00	Computer and Information Systems Managers	1.B.1.b	Investigative	OI	Occupational Interests	4.42	11/2023	Machine Learning
11-3021.00	Computer and Information Systems Managers	1.B.1.g	First Interest High-Point	IH	Occupational Interest High-Point	6.0	11/2023	Machine Learning
11-3021.00	Computer and Information Systems Managers	1.B.1.h	Second Interest High-Point	IH	Occupational Interest High-Point	5.0	11/2023	Machine Learning
11-3021.00	Computer and Information Systems Managers	1.B.1.i	Third Interest High-Point	IH	Occupational Interest High-Point	2.0	11/2023	Machine Learning
15-1252.00	Software Developers	1.B.1.b	Investigative	OI	Occupational Interests	5.86	11/2023	Machine Learning
15-1252.00	Software Developers	1.B.1.g	First Interest High-Point	IH	Occupational Interest High-Point	2.0	11/2023	Machine Learning
15-1252.00	Software Developers	1.B.1.h	Second Interest High-Point	IH	Occupational Interest High-Point	6.0	11/2023	Machine Learning
15-1252.00	Software Developers	1.B.1.i	Third Interest High-Point	IH	Occupational Interest High-Point	1.0	11/2023	Machine Learning
15-1254.00	Web Developers	1.B.1.b	Investigative	OI	Occupational Interests	5.06	11/2023	Machine Learning
15-1254.00	Web Developers	1.B.1.g	First Interest High-Point	IH	Occupational Interest High-Point	6.0	11/2023	Machine Learning
15-1254.00	Web Developers	1.B.1.h	Second Interest High-Point	IH	Occupational Interest High-Point	2.0	11/2023	Machine Learning
15-1254.00	Web Developers	1.B.1.i	Third Interest High-Point	IH	Occupational Interest High-Point	0.0	11/2023	Machine Learning
`,
		"Job Zones.txt": `O*NET-SOC Code	Title	Job Zone	Date	Domain Source
15-1254.00	Web Developers	3	08/2023	Analyst
15-1252.00	Software Developers	4	08/2023	Analyst
11-3021.00	Computer and Information Systems Managers	4	08/2023	Analyst
`,
		"Knowledge.txt": `O*NET-SOC Code	Title	Element ID	Element Name	Scale ID	Scale Name	Data Value	N	Standard Error	Lower CI Bound	Upper CI Bound	Recommend Suppress	Not Relevant	Date	Domain Source
15-1254.00	Web Developers	2.C.3.a	Computers and Electronics	IM	Importance	4.66	8	0.125	3.88	4.37	N		08/2023	Analyst
15-1254.00	Web Developers	2.C.3.a	Computers and Electronics	LV	Level	5.8	8	0.183	4.2664	4.9836	N	N	08/2023	Analyst
15-1252.00	Software Developers	2.C.3.a	Computers and Electronics	IM	Importance	4.8	8	0.125	3.88	4.37	N		08/2023	Analyst
15-1252.00	Software Developers	2.C.3.a	Computers and Electronics	LV	Level	6	8	0.183	4.2664	4.9836	N	N	08/2023	Analyst
`,
		"Occupation Data.txt": `O*NET-SOC Code	Title	Description
15-1252.00	Software Developers	Research, design, and develop computer and network software or specialized utility programs.
15-1254.00	Web Developers	Develop and design web applications and websites.
11-3021.00	Computer and Information Systems Managers	Plan, direct, or coordinate activities in such fields as electronic data processing, information systems, systems analysis, and computer programming.
`,
		"Related Occupations.txt": `O*NET-SOC Code	Title	Related O*NET-SOC Code	Related Title	Relatedness Tier	Index
15-1254.00	Web Developers	15-1252.00	Software Developers	Primary-Short	1
15-1252.00	Software Developers	11-3021.00	Computer and Information Systems Managers	Primary-Short	1
15-1252.00	Software Developers	15-1254.00	Web Developers	Primary-Short	2
`,
		"Skills.txt": `O*NET-SOC Code	Title	Element ID	Element Name	Scale ID	Scale Name	Data Value	N	Standard Error	Lower CI Bound	Upper CI Bound	Recommend Suppress	Not Relevant	Date	Domain Source
15-1252.00	Software Developers	2.A.1.a	Reading Comprehension	IM	Importance	4	8	0.125	3.88	4.37	N		08/2023	Analyst
15-1252.00	Software Developers	2.A.1.a	Reading Comprehension	LV	Level	4.62	8	0.183	4.2664	4.9836	N	N	08/2023	Analyst
15-1252.00	Software Developers	2.B.3.e	Programming	IM	Importance	4.5	8	0.125	3.88	4.37	N		08/2023	Analyst
15-1252.00	Software Developers	2.B.3.e	Programming	LV	Level	5.12	8	0.183	4.2664	4.9836	N	N	08/2023	Analyst
15-1254.00	Web Developers	2.A.1.a	Reading Comprehension	IM	Importance	3.12	8	0.125	3.88	4.37	N		08/2023	Analyst
15-1254.00	Web Developers	2.A.1.a	Reading Comprehension	LV	Level	4.62	8	0.183	4.2664	4.9836	N	N	08/2023	Analyst
15-1254.00	Web Developers	2.B.3.e	Programming	IM	Importance	4.5	8	0.125	3.88	4.37	N		08/2023	Analyst
15-1254.00	Web Developers	2.B.3.e	Programming	LV	Level	5.12	8	0.183	4.2664	4.9836	N	N	08/2023	Analyst
11-3021.00	Computer and Information Systems Managers	2.A.1.a	Reading Comprehension	IM	Importance	4	8	0.125	3.88	4.37	N		08/2023	Analyst
11-3021.00	Computer and Information Systems Managers	2.A.1.a	Reading Comprehension	LV	Level	4.62	8	0.183	4.2664	4.9836	N	N	08/2023	Analyst
11-3021.00	Computer and Information Systems Managers	2.B.3.e	Programming	IM	Importance	2.25	8	0.125	3.88	4.37	N		08/2023	Analyst
11-3021.00	Computer and Information Systems Managers	2.B.3.e	Programming	LV	Level	5.12	8	0.183	4.2664	4.9836	N	N	08/2023	Analyst
`,
		"Task Statements.txt": `O*NET-SOC Code	Title	Task ID	Task	Task Type	Incumbents Responding	Date	Domain Source
15-1254.00	Web Developers	12345	Design, build, or maintain websites, using authoring or scripting languages.	Core	80.0	08/2023	Incumbent
15-1252.00	Software Developers	16363	Analyze user needs and software requirements to determine feasibility of design.	Core	95.0	08/2023	Incumbent
15-1252.00	Software Developers	16364	Confer with systems analysts, engineers, programmers and others to design systems.	Supplemental	60.0	08/2023	Incumbent
`,
		"Technology Skills.txt": `O*NET-SOC Code	Title	Example	Commodity Code	Commodity Title	Hot Technology	In Demand
15-1254.00	Web Developers	JavaScript	43232406	Development environment software	Y	Y
15-1252.00	Software Developers	Git	43232402	Development environment software	Y	N
15-1252.00	Software Developers	C++	43232405	Object or component oriented development software	Y	Y
`,
		"Tools Used.txt": `O*NET-SOC Code	Title	Example	Commodity Code	Commodity Title
15-1254.00	Web Developers	Desktop computers	43211507	Desktop computers
11-3021.00	Computer and Information Systems Managers	Laptop computers	43211503	Notebook computers
`,
	}
}

func TestFixtureReads(t *testing.T) {
	d, ws, err := onet.Read(fixture().Dir(t))
	if err != nil {
		t.Fatal(err)
	}
	got := []int{len(d.Professions), len(d.Skills), len(d.Tools), len(d.Trainings), len(d.Requirements),
		len(d.ToolUses), len(d.TrainingLinks), len(d.Moves), len(ws)}
	// Requirements: 2 + 2 + 1 skills rated 2.5 or more, and 2 knowledge elements; training
	// links: 2 for Web Developers (45.83% and 30.5%), 1 each for the others.
	want := []int{3, 3, 5, 3, 7, 5, 4, 3, 0}
	if !slices.Equal(got, want) {
		t.Errorf("professions, skills, tools, trainings, requirements, tool uses, training links, moves, warnings = %v, want %v", got, want)
	}
}
