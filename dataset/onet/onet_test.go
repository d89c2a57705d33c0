package onet_test

import (
	"bufio"
	"compress/gzip"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/dataset"
	"github.com/careergraph/careergraph/dataset/onet"
	"github.com/careergraph/careergraph/internal/datafiles"
)

// The expected values below were computed from the raw files of the shared O*NET 29.3 folder
// with awk and a small independent script applying the rules of README.md.

var (
	loadOnce     sync.Once
	loaded       *career.Dataset
	loadWarnings []dataset.Warning
	loadErr      error
)

// load reads the real O*NET folder once per test binary.
func load(t *testing.T) *career.Dataset {
	t.Helper()
	dir := datafiles.Full(t, "onet")
	loadOnce.Do(func() { loaded, loadWarnings, loadErr = onet.Read(dir) })
	if loadErr != nil {
		t.Fatalf("Read: %v", loadErr)
	}
	return loaded
}

// profile gathers one profession's links, in dataset order.
type profile struct {
	p         *career.Profession
	reqs      []career.Requirement
	tools     []string
	trainings []string
	moves     []career.Move
}

func profileOf(t *testing.T, d *career.Dataset, code string) profile {
	t.Helper()
	id := career.MakeID(career.KindProfession, "onet", code)
	var pr profile
	for i := range d.Professions {
		if d.Professions[i].ID == id {
			pr.p = &d.Professions[i]
		}
	}
	if pr.p == nil {
		t.Fatalf("no profession %s", id)
	}
	for _, r := range d.Requirements {
		if r.ProfessionID == id {
			pr.reqs = append(pr.reqs, r)
		}
	}
	for _, u := range d.ToolUses {
		if u.ProfessionID == id {
			pr.tools = append(pr.tools, u.TargetID)
		}
	}
	for _, l := range d.TrainingLinks {
		if l.ProfessionID == id {
			pr.trainings = append(pr.trainings, l.TargetID)
		}
	}
	for _, m := range d.Moves {
		if m.FromID == id {
			pr.moves = append(pr.moves, m)
		}
	}
	return pr
}

func skillNames(d *career.Dataset) map[string]string {
	m := make(map[string]string, len(d.Skills))
	for _, s := range d.Skills {
		m[s.ID] = s.Name
	}
	return m
}

func TestReadCounts(t *testing.T) {
	d := load(t)
	count := func(n int, f func(i int) bool) int {
		c := 0
		for i := range n {
			if f(i) {
				c++
			}
		}
		return c
	}
	tasks := 0
	for _, p := range d.Professions {
		tasks += len(p.Tasks)
	}
	tests := []struct {
		name      string
		got, want int
	}{
		{"professions, one per row of Occupation Data.txt", len(d.Professions), 1016},
		{"professions specialising an NN-NNNN.00 occupation", count(len(d.Professions), func(i int) bool { return d.Professions[i].SpecializationOf != "" }), 149},
		{"skills: 35 Skills and 33 Knowledge elements", len(d.Skills), 68},
		{"skills of kind SKILL", count(len(d.Skills), func(i int) bool { return d.Skills[i].Kind == career.SkillKindSkill }), 35},
		{"skills of kind KNOWLEDGE", count(len(d.Skills), func(i int) bool { return d.Skills[i].Kind == career.SkillKindKnowledge }), 33},
		{"tools: 26,880 distinct examples, 62 spelling variants merged", len(d.Tools), 26818},
		{"trainings: the 12 RL categories", len(d.Trainings), 12},
		{"requirements with importance >= 2.5", len(d.Requirements), 28859},
		{"ESSENTIAL requirements (>= 3.5)", count(len(d.Requirements), func(i int) bool { return d.Requirements[i].Importance == career.Essential }), 8662},
		{"OPTIONAL requirements", count(len(d.Requirements), func(i int) bool { return d.Requirements[i].Importance == career.Optional }), 20197},
		{"tool uses: 74,343 rows less 3 duplicates after merging variants", len(d.ToolUses), 74340},
		{"training links", len(d.TrainingLinks), 1178},
		{"moves, one per row of Related Occupations.txt", len(d.Moves), 18460},
		{"PROGRESSION moves (target in a higher Job Zone)", count(len(d.Moves), func(i int) bool { return d.Moves[i].Kind == career.MoveProgression }), 4353},
		{"LATERAL moves", count(len(d.Moves), func(i int) bool { return d.Moves[i].Kind == career.MoveLateral }), 14107},
		{"tasks, one per row of Task Statements.txt", tasks, 18796},
		{"qualities (O*NET has no attitudes)", len(d.Qualities), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %d, want %d", tt.got, tt.want)
			}
		})
	}
}

func TestReadInfo(t *testing.T) {
	checkInfo(t, load(t), datafiles.Full(t, "onet"))
}

// checkInfo checks the dataset's info, and that its attribution is the line of dir's
// SOURCE.txt.
func checkInfo(t *testing.T, d *career.Dataset, dir string) {
	t.Helper()
	t.Run("names the dataset and its release", func(t *testing.T) {
		if d.Info.Name != "onet" || d.Info.Title != "O*NET 29.3 Database" || d.Info.Version != "29.3" {
			t.Errorf("got %q, %q, %q; want onet, O*NET 29.3 Database, 29.3", d.Info.Name, d.Info.Title, d.Info.Version)
		}
	})
	t.Run("attribution is SOURCE.txt's line with the project's name", func(t *testing.T) {
		if want := sourceAttribution(t, dir); d.Info.Attribution != want {
			t.Errorf("got  %q\nwant %q", d.Info.Attribution, want)
		}
	})
}

// sourceAttribution returns the quoted attribution of dir's SOURCE.txt, its lines joined,
// with "careergraph" for <Project>.
func sourceAttribution(t *testing.T, dir string) string {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, "SOURCE.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var parts []string
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "Attribution") {
			in = true
			continue
		}
		if in {
			parts = append(parts, strings.Trim(line, `"`))
			if strings.HasSuffix(line, `"`) {
				break
			}
		}
	}
	if len(parts) == 0 {
		t.Fatal("no attribution in SOURCE.txt")
	}
	return strings.ReplaceAll(strings.Join(parts, " "), "<Project>", "careergraph")
}

func TestReadWebDevelopers(t *testing.T) {
	d := load(t)
	checkWebDevelopers(t, d)
	pr := profileOf(t, d, "15-1254.00")
	t.Run("related occupations in Index order, PROGRESSION to a higher Job Zone", func(t *testing.T) {
		want := []string{
			"15-1255.00 P", "15-1252.00 P", "15-1299.01 P", "15-1251.00 P", "15-1242.00 P",
			"15-1299.08 L", "13-1161.01 P", "15-1243.00 P", "15-1299.07 P", "15-1211.00 L",
			"15-1253.00 P", "15-1244.00 P", "15-1243.01 P", "15-1299.03 P", "15-1231.00 P",
			"15-1241.00 P", "43-9031.00 L", "15-1299.05 P", "15-1232.00 L", "17-2061.00 P",
		}
		var got []string
		for _, m := range pr.moves {
			got = append(got, strings.TrimPrefix(m.ToID, "profession:onet:")+" "+string(m.Kind)[:1])
		}
		if !slices.Equal(got, want) {
			t.Errorf("got %q\nwant %q", got, want)
		}
	})
}

// checkWebDevelopers checks the card of Web Developers but its moves: the excerpt has every
// record of the occupation, so the full database and the excerpt give the same.
func checkWebDevelopers(t *testing.T, d *career.Dataset) {
	t.Helper()
	pr := profileOf(t, d, "15-1254.00")
	p := pr.p

	t.Run("profession fields", func(t *testing.T) {
		want := career.Profession{
			ID: "profession:onet:15-1254.00", Dataset: "onet", Code: "15-1254.00", Name: "Web Developers",
			Sector: "Computer and Mathematical Occupations", Language: "en", Source: "onet",
		}
		got := *p
		got.Summary, got.AlternativeNames, got.Tasks = "", nil, nil
		if !equalProfession(got, want) {
			t.Errorf("got %+v, want %+v", got, want)
		}
		if !strings.HasPrefix(p.Summary, "Develop and implement websites, web applications, application databases,") ||
			!strings.HasSuffix(p.Summary, "integrate websites with other computer applications.") {
			t.Errorf("summary %q", p.Summary)
		}
	})
	t.Run("alternative names: alternate titles in file order, each followed by its short title", func(t *testing.T) {
		if len(p.AlternativeNames) != 61 {
			t.Errorf("got %d alternative names, want 61", len(p.AlternativeNames))
		}
		want := []string{"Back End Developer", "Back End Engineer", "Back End Software Engineer", "Back-End Web Developer"}
		if got := p.AlternativeNames[:4]; !slices.Equal(got, want) {
			t.Errorf("first: got %q, want %q", got, want)
		}
		i := slices.Index(p.AlternativeNames, "HTML Developer (HyperText Markup Language Developer)")
		if i < 0 || p.AlternativeNames[i+1] != "HTML Developer" {
			t.Errorf("the short title HTML Developer does not follow its alternate title: %q", p.AlternativeNames)
		}
		wantLast := []string{"WordPress Developer", "XML Developer (Extensible Markup Language Developer)", "XML Developer"}
		if got := p.AlternativeNames[len(p.AlternativeNames)-3:]; !slices.Equal(got, wantLast) {
			t.Errorf("last: got %q, want %q", got, wantLast)
		}
	})
	t.Run("tasks: 23 Core, then 4 Supplemental, then 2 untyped", func(t *testing.T) {
		if len(p.Tasks) != 29 {
			t.Fatalf("got %d tasks, want 29", len(p.Tasks))
		}
		wantFirst := []string{
			"Write supporting code for Web applications or Web sites.",
			"Design, build, or maintain Web sites, using authoring or scripting languages, content creation tools, management tools, and digital media.",
			"Back up files from Web sites to local directories for instant recovery in case of problems.",
		}
		if got := p.Tasks[:3]; !slices.Equal(got, wantFirst) {
			t.Errorf("first Core tasks: got %q, want %q", got, wantFirst)
		}
		if got, want := p.Tasks[22], "Evaluate or recommend server hardware or software."; got != want {
			t.Errorf("last Core task: got %q, want %q", got, want)
		}
		if got, want := p.Tasks[23], "Monitor security system performance logs to identify problems and notify security specialists when problems occur."; got != want {
			t.Errorf("first Supplemental task: got %q, want %q", got, want)
		}
		if got, want := p.Tasks[28], "Incorporate technical considerations into Web site design plans, such as budgets, equipment, performance requirements, and legal issues including accessibility and privacy."; got != want {
			t.Errorf("last (untyped) task: got %q, want %q", got, want)
		}
	})
	t.Run("ESSENTIAL skills by importance, then name", func(t *testing.T) {
		names := skillNames(d)
		var got []string
		for _, r := range pr.reqs {
			if r.Importance == career.Essential {
				got = append(got, names[r.SkillID])
			}
		}
		want := []string{
			"Computers and Electronics", // knowledge 4.38
			"Programming",               // 4.12
			"Critical Thinking",         // 3.75
			"Complex Problem Solving",   // 3.62
			"Operations Analysis",       // 3.62
			"Reading Comprehension",     // 3.62
			"English Language",          // knowledge 3.54
			"Active Learning",           // 3.5
			"Active Listening",          // 3.5
		}
		if !slices.Equal(got, want) {
			t.Errorf("got %q\nwant %q", got, want)
		}
		if pr.reqs[0].SkillID != "skill:onet:2.C.3.a" || pr.reqs[1].SkillID != "skill:onet:2.B.3.e" {
			t.Errorf("first requirements: got %s, %s", pr.reqs[0].SkillID, pr.reqs[1].SkillID)
		}
	})
	t.Run("OPTIONAL skills follow, down to Technology Design at 2.5", func(t *testing.T) {
		if len(pr.reqs) != 31 {
			t.Fatalf("got %d requirements, want 31 (9 essential, 22 optional)", len(pr.reqs))
		}
		for i, r := range pr.reqs {
			if want := i >= 9; (r.Importance == career.Optional) != want {
				t.Errorf("requirement %d %s: importance %s", i, r.SkillID, r.Importance)
			}
		}
		names := skillNames(d)
		// Mathematics: the skill (2.A.1.e, 2.75) and the knowledge (2.C.4.a, 3.35) both appear.
		if got := names[pr.reqs[9].SkillID]; got != "Judgment and Decision Making" {
			t.Errorf("first optional: got %q", got)
		}
		if got := pr.reqs[10].SkillID; got != "skill:onet:2.C.4.a" {
			t.Errorf("second optional: got %s, want knowledge Mathematics", got)
		}
		if got := pr.reqs[30].SkillID; got != "skill:onet:2.B.3.b" {
			t.Errorf("last optional: got %s, want Technology Design", got)
		}
	})
	t.Run("trainings: Bachelor's Degree, 45.83% and the only one from 25%", func(t *testing.T) {
		if want := []string{"training:onet:rl-6"}; !slices.Equal(pr.trainings, want) {
			t.Errorf("got %q, want %q", pr.trainings, want)
		}
	})
	t.Run("tools: In Demand first, then Hot Technology, other technology, tools", func(t *testing.T) {
		if len(pr.tools) != 254 {
			t.Errorf("got %d tools, want 254 (36 in demand, 92 hot, 120 other technology, 6 tools)", len(pr.tools))
		}
		wantFirst := []string{"amazon-web-services-aws-software", "apache-kafka", "atlassian-jira", "c-sharp", "cascading-style-sheets-css", "docker", "git", "github"}
		for i, w := range wantFirst {
			if got := pr.tools[i]; got != "tool:onet:"+w {
				t.Errorf("tool %d: got %s, want tool:onet:%s", i, got, w)
			}
		}
		wantLast := []string{"personal-computers", "universal-serial-bus-usb-flash-drives", "web-servers"}
		for i, w := range wantLast {
			if got := pr.tools[len(pr.tools)-3+i]; got != "tool:onet:"+w {
				t.Errorf("tool %d from the end: got %s, want tool:onet:%s", 3-i, got, w)
			}
		}
	})
}

func equalProfession(a, b career.Profession) bool {
	return a.ID == b.ID && a.Dataset == b.Dataset && a.Code == b.Code && a.Name == b.Name &&
		a.Description == b.Description && a.Sector == b.Sector && a.SpecializationOf == b.SpecializationOf &&
		a.Language == b.Language && a.Source == b.Source
}

func TestReadSpecialization(t *testing.T) {
	checkSpecialization(t, load(t))
}

// checkSpecialization checks that a detailed occupation specialises its SOC occupation.
func checkSpecialization(t *testing.T, d *career.Dataset) {
	t.Helper()
	p := profileOf(t, d, "11-1011.03").p
	if p.Name != "Chief Sustainability Officers" || p.SpecializationOf != "profession:onet:11-1011.00" {
		t.Errorf("got %q specialising %q, want Chief Sustainability Officers specialising profession:onet:11-1011.00", p.Name, p.SpecializationOf)
	}
	if p := profileOf(t, d, "11-1011.00").p; p.SpecializationOf != "" {
		t.Errorf("Chief Executives specialises %q, want nothing", p.SpecializationOf)
	}
}

func TestReadSkills(t *testing.T) {
	checkSkills(t, load(t))
}

// checkSkills checks a skill and a knowledge element, and the ratings that are no requirement.
func checkSkills(t *testing.T, d *career.Dataset) {
	t.Helper()
	byID := make(map[string]career.Skill)
	for _, s := range d.Skills {
		byID[s.ID] = s
	}
	t.Run("a skill has its Content Model description", func(t *testing.T) {
		s := byID["skill:onet:2.B.3.e"]
		want := career.Skill{ID: "skill:onet:2.B.3.e", Dataset: "onet", Code: "2.B.3.e", Name: "Programming", Kind: career.SkillKindSkill,
			Description: "Writing computer programs for various purposes.", Language: "en"}
		if !reflect.DeepEqual(s, want) {
			t.Errorf("got %+v, want %+v", s, want)
		}
	})
	t.Run("knowledge is of kind KNOWLEDGE", func(t *testing.T) {
		// O*NET names a knowledge and a skill "Mathematics": dataset.DisambiguateSkillNames.
		if s := byID["skill:onet:2.C.4.a"]; s.Name != "Mathematics (knowledge)" || s.Kind != career.SkillKindKnowledge {
			t.Errorf("got %q of kind %s", s.Name, s.Kind)
		}
		if s := byID["skill:onet:2.A.1.e"]; s.Name != "Mathematics (skill)" || s.Kind != career.SkillKindSkill {
			t.Errorf("got %q of kind %s", s.Name, s.Kind)
		}
	})
	t.Run("a suppressed rating is no requirement", func(t *testing.T) {
		// Writers and Authors rate English Language 5, with Recommend Suppress = Y.
		for _, r := range profileOf(t, d, "27-3043.00").reqs {
			if r.SkillID == "skill:onet:2.C.7.a" {
				t.Errorf("27-3043.00 requires English Language")
			}
		}
	})
	t.Run("a rating whose level is Not Relevant is no requirement", func(t *testing.T) {
		// Surveying and Mapping Technicians rate Building and Construction 2.63, level Not Relevant.
		for _, r := range profileOf(t, d, "17-3031.00").reqs {
			if r.SkillID == "skill:onet:2.C.3.d" {
				t.Errorf("17-3031.00 requires Building and Construction")
			}
		}
	})
}

func TestReadWarnings(t *testing.T) {
	load(t)
	want := []string{
		`Tools Used.txt:881: stray double quote removed from Example "Laser facsimile machines\""`,
		`Knowledge.txt.gz:11707: Not Relevant = Y: 2.C.3.d "Building and Construction" (importance 2.63) dropped from 17-3031.00`,
		`Knowledge.txt.gz:22752: Recommend Suppress = Y: 2.C.7.a "English Language" (importance 5) dropped from 27-3043.00`,
	}
	var got []string
	for _, w := range loadWarnings {
		got = append(got, w.String())
	}
	if !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func TestReadTools(t *testing.T) {
	d := load(t)
	byID := make(map[string]career.Tool)
	for _, tl := range d.Tools {
		byID[tl.ID] = tl
	}
	tests := []struct {
		name, id, wantName, wantCategory string
	}{
		{"C++ keeps its pluses", "tool:onet:c-plus-plus", "C++", "Object or component oriented development software"},
		{"C# keeps its sharp", "tool:onet:c-sharp", "C#", "Object or component oriented development software"},
		{"C stays apart from C++ and C#", "tool:onet:c", "C", "Development environment software"},
		{"spelling variants merge under the most used spelling and category", "tool:onet:front-end-loaders", "Front end loaders", "Front end loaders"},
		{"a stray quote is removed", "tool:onet:laser-facsimile-machines", "Laser facsimile machines", "Laser fax machine"},
		{"the most frequent commodity is the category", "tool:onet:ado-net", "ADO.NET", "Data base user interface and query software"},
		{"tools of Tools Used.txt", "tool:onet:air-compressors", "Air compressors", "Air compressors"},
		{"& is spelled and", "tool:onet:at-and-t-troff", "AT&T Troff", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tl, ok := byID[tt.id]
			if !ok {
				t.Fatalf("no tool %s", tt.id)
			}
			if tl.Name != tt.wantName || (tt.wantCategory != "" && tl.Category != tt.wantCategory) {
				t.Errorf("got %q in %q, want %q in %q", tl.Name, tl.Category, tt.wantName, tt.wantCategory)
			}
		})
	}
}

func TestReadTrainings(t *testing.T) {
	d := load(t)
	checkTrainings(t, d)
	t.Run("links per category", func(t *testing.T) {
		n := make(map[string]int)
		for _, l := range d.TrainingLinks {
			n[strings.TrimPrefix(l.TargetID, "training:onet:")]++
		}
		want := map[string]int{"rl-1": 90, "rl-2": 384, "rl-3": 100, "rl-4": 43, "rl-5": 77, "rl-6": 254,
			"rl-7": 7, "rl-8": 105, "rl-9": 2, "rl-10": 2, "rl-11": 79, "rl-12": 35}
		for c, w := range want {
			if n[c] != w {
				t.Errorf("%s: got %d links, want %d", c, n[c], w)
			}
		}
	})
}

// checkTrainings checks the trainings, one per category of the education reference table, and
// that suppressed shares link none.
func checkTrainings(t *testing.T, d *career.Dataset) {
	t.Helper()
	type tr struct {
		code, name string
		level      career.TrainingLevel
	}
	want := []tr{
		{"rl-1", "Less than a High School Diploma", career.LevelSecondary},
		{"rl-2", "High School Diploma", career.LevelSecondary},
		{"rl-3", "Post-Secondary Certificate", career.LevelVocational},
		{"rl-4", "Some College Courses", career.LevelHigherShort},
		{"rl-5", "Associate's Degree (or other 2-year degree)", career.LevelHigherShort},
		{"rl-6", "Bachelor's Degree", career.LevelHigherLong},
		{"rl-7", "Post-Baccalaureate Certificate", career.LevelHigherLong},
		{"rl-8", "Master's Degree", career.LevelHigherLong},
		{"rl-9", "Post-Master's Certificate", career.LevelHigherLong},
		{"rl-10", "First Professional Degree", career.LevelHigherLong},
		{"rl-11", "Doctoral Degree", career.LevelHigherLong},
		{"rl-12", "Post-Doctoral Training", career.LevelHigherLong},
	}
	var got []tr
	for _, x := range d.Trainings {
		got = append(got, tr{x.Code, x.Name, x.Level})
	}
	t.Run("one training per RL category, named before the dash", func(t *testing.T) {
		if !slices.Equal(got, want) {
			t.Errorf("got %v\nwant %v", got, want)
		}
	})
	t.Run("the full category text is the description", func(t *testing.T) {
		if got, want := d.Trainings[1].Description, "High School Diploma - or the equivalent (for example, GED)"; got != want {
			t.Errorf("got %q, want %q", got, want)
		}
		if got := d.Trainings[5].Description; got != "" {
			t.Errorf("Bachelor's Degree: got description %q, want none", got)
		}
	})
	t.Run("only the associate's degree states a duration", func(t *testing.T) {
		for _, x := range d.Trainings {
			switch {
			case x.Code == "rl-5" && (x.DurationYears == nil || *x.DurationYears != 2):
				t.Errorf("rl-5: duration %v, want 2", x.DurationYears)
			case x.Code != "rl-5" && x.DurationYears != nil:
				t.Errorf("%s: duration %v, want none", x.Code, *x.DurationYears)
			}
		}
	})
	t.Run("suppressed shares are ignored", func(t *testing.T) {
		// 47-5013.00: its only non-zero shares (37% and 63%) are suppressed.
		if got := profileOf(t, d, "47-5013.00").trainings; len(got) != 0 {
			t.Errorf("got %q, want none", got)
		}
	})
}

func TestToolCode(t *testing.T) {
	tests := []struct{ name, want string }{
		{"Microsoft Excel", "microsoft-excel"},
		{"C++", "c-plus-plus"},
		{"C#", "c-sharp"},
		{"C", "c"},
		{"Front-end loaders", "front-end-loaders"},
		{"Front end  loaders", "front-end-loaders"},
		{"AT&T Troff", "at-and-t-troff"},
		{"Microsoft Visual Basic .NET", "microsoft-visual-basic-net"},
		{"Carpenters' squares", "carpenters-squares"},
		{"BrainTrain IVA+Plus", "braintrain-iva-plus-plus"},
		{"Éditeur", "éditeur"},
		{"!?", "x213f"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := onet.ToolCode(tt.name); got != tt.want {
				t.Errorf("ToolCode(%q) = %q, want %q", tt.name, got, tt.want)
			}
		})
	}
}

func TestSector(t *testing.T) {
	if got := onet.Sector("15-1254.00"); got != "Computer and Mathematical Occupations" {
		t.Errorf("got %q", got)
	}
	if got := onet.Sector("99-0000.00"); got != "" {
		t.Errorf("got %q for an unknown group, want \"\"", got)
	}
	d := load(t)
	sectors := make(map[string]int)
	for _, p := range d.Professions {
		sectors[p.Sector]++
	}
	if len(sectors) != 23 || sectors[""] != 0 || sectors["Production Occupations"] != 114 || sectors["Legal Occupations"] != 8 {
		t.Errorf("got %d sectors: %v", len(sectors), sectors)
	}
}

// copyFolder makes dir a stand-in for the real folder: every file is a symbolic link to the
// real one, except those that edit will write.
func copyFolder(t *testing.T) (src, dir string) {
	t.Helper()
	src = datafiles.Full(t, "onet")
	dir = t.TempDir()
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if err := os.Symlink(filepath.Join(src, e.Name()), filepath.Join(dir, e.Name())); err != nil {
			t.Fatal(err)
		}
	}
	return src, dir
}

// rewrite replaces dir/name (a link to the real file) with a plain-text copy that edit changed;
// edit gets and returns the file's lines (without their newlines). For "X.gz", X is written
// instead and X.gz removed, so the reader reads the edited copy.
func rewrite(t *testing.T, src, dir, name string, edit func(lines []string) []string) {
	t.Helper()
	lines := readLines(t, src, name)
	out := strings.Join(edit(lines), "\n") + "\n"
	plain := strings.TrimSuffix(name, ".gz")
	if err := os.Remove(filepath.Join(dir, name)); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, plain), []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
}

// readLines returns the lines of src/name, decompressed when name ends in .gz.
func readLines(t *testing.T, src, name string) []string {
	t.Helper()
	f, err := os.Open(filepath.Join(src, name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(name, ".gz") {
		gz, err := gzip.NewReader(f)
		if err != nil {
			t.Fatal(err)
		}
		defer gz.Close()
		r = gz
	}
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
}

func TestReadMalformed(t *testing.T) {
	setField := func(line, field int, value string) func([]string) []string {
		return func(lines []string) []string {
			f := strings.Split(lines[line-1], "\t")
			f[field] = value
			lines[line-1] = strings.Join(f, "\t")
			return lines
		}
	}
	tests := []struct {
		name   string
		file   string // file to edit ("" none)
		edit   func([]string) []string
		remove string // file to remove
		want   dataset.ParseError
	}{
		{
			name: "missing required file", remove: "Task Statements.txt",
			want: dataset.ParseError{File: "Task Statements.txt", Reason: `required file is missing (neither "Task Statements.txt" nor "Task Statements.txt.gz" exists)`},
		},
		{
			name: "missing gzip-only file", remove: "Skills.txt.gz",
			want: dataset.ParseError{File: "Skills.txt", Reason: `required file is missing (neither "Skills.txt" nor "Skills.txt.gz" exists)`},
		},
		{
			name: "missing column", file: "Related Occupations.txt", edit: setField(1, 5, "Rank"),
			want: dataset.ParseError{File: "Related Occupations.txt", Line: 1, Reason: `missing column "Index" in the header`},
		},
		{
			name: "missing field", file: "Occupation Data.txt",
			edit: func(l []string) []string { l[4] = strings.Replace(l[4], "\t", " ", 1); return l },
			want: dataset.ParseError{File: "Occupation Data.txt", Line: 5, Reason: "wrong number of fields: got 2, want 3 as in the header"},
		},
		{
			name: "unclosed quote starts the bad record", file: "Technology Skills.txt", edit: setField(10, 2, `"Adobe`),
			want: dataset.ParseError{File: "Technology Skills.txt", Line: 10, Reason: `extraneous or missing " in quoted-field`},
		},
		{
			name: "bare quote", file: "Technology Skills.txt", edit: setField(10, 2, `Ado"be`),
			want: dataset.ParseError{File: "Technology Skills.txt", Line: 10, Reason: `bare " in non-quoted-field`},
		},
		{
			name: "invalid occupation code", file: "Occupation Data.txt", edit: setField(3, 0, "11-1011"),
			want: dataset.ParseError{File: "Occupation Data.txt", Line: 3, Reason: `invalid O*NET-SOC Code "11-1011": want NN-NNNN.NN`},
		},
		{
			name: "duplicate occupation code", file: "Occupation Data.txt", edit: setField(3, 0, "11-1011.00"),
			want: dataset.ParseError{File: "Occupation Data.txt", Line: 3, Reason: `duplicate O*NET-SOC Code "11-1011.00" (first on line 2)`},
		},
		{
			name: "importance not a number, in a converted file", file: "Skills.txt.gz", edit: setField(1000, 6, "3,88"),
			want: dataset.ParseError{File: "Skills.txt", Line: 1000, Reason: `invalid Data Value "3,88" on the Importance scale: want a number from 1 to 5`},
		},
		{
			name: "importance out of scale", file: "Knowledge.txt.gz", edit: setField(2, 6, "47"),
			want: dataset.ParseError{File: "Knowledge.txt", Line: 2, Reason: `invalid Data Value "47" on the Importance scale: want a number from 1 to 5`},
		},
		{
			name: "unknown task type", file: "Task Statements.txt", edit: setField(7, 4, "Primary"),
			want: dataset.ParseError{File: "Task Statements.txt", Line: 7, Reason: `invalid Task Type "Primary": want Core, Supplemental or empty`},
		},
		{
			name: "job zone out of range", file: "Job Zones.txt", edit: setField(4, 2, "6"),
			want: dataset.ParseError{File: "Job Zones.txt", Line: 4, Reason: `invalid Job Zone "6": want 1 to 5`},
		},
		{
			name: "index not a number", file: "Related Occupations.txt", edit: setField(2, 5, "first"),
			want: dataset.ParseError{File: "Related Occupations.txt", Line: 2, Reason: `invalid Index "first": want a whole number from 1`},
		},
		{
			name: "unknown education category", file: "Education, Training, and Experience.txt.gz", edit: setField(2, 6, "13"),
			want: dataset.ParseError{File: "Education, Training, and Experience.txt", Line: 2, Reason: `RL Category 13 is not in Education, Training, and Experience Categories.txt`},
		},
		{
			name: "bad hot technology flag", file: "Technology Skills.txt", edit: setField(3, 5, "yes"),
			want: dataset.ParseError{File: "Technology Skills.txt", Line: 3, Reason: `invalid Hot Technology "yes": want Y or N`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, dir := copyFolder(t)
			if tt.remove != "" {
				if err := os.Remove(filepath.Join(dir, tt.remove)); err != nil {
					t.Fatal(err)
				}
			}
			if tt.file != "" {
				rewrite(t, src, dir, tt.file, tt.edit)
			}
			_, _, err := onet.Read(dir)
			var pe *dataset.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("got error %v, want a *dataset.ParseError", err)
			}
			if *pe != tt.want {
				t.Errorf("got  %#v\nwant %#v", *pe, tt.want)
			}
		})
	}
}

func TestReadGzipFallback(t *testing.T) {
	t.Run("X is read when both X and X.gz exist", func(t *testing.T) {
		src, dir := copyFolder(t)
		// A plain Skills.txt beside Skills.txt.gz, with one importance changed: the plain file wins.
		lines := readLines(t, src, "Skills.txt.gz")
		f := strings.Split(lines[1], "\t")
		f[6] = "oops"
		lines[1] = strings.Join(f, "\t")
		if err := os.WriteFile(filepath.Join(dir, "Skills.txt"), []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		_, _, err := onet.Read(dir)
		var pe *dataset.ParseError
		if !errors.As(err, &pe) || pe.File != "Skills.txt" || pe.Line != 2 {
			t.Errorf("got %v, want a ParseError at Skills.txt:2", err)
		}
	})
}

func BenchmarkRead(b *testing.B) {
	dir := datafiles.Full(b, "onet")
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := onet.Read(dir); err != nil {
			b.Fatal(err)
		}
	}
}
