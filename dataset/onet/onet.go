// Package onet reads the O*NET database (release 29.3, USDOL/ETA), as published in its
// tab-separated text format, into a normalized career.Dataset named "onet": occupations become
// professions, Skills and Knowledge elements become skills required by importance, technology
// and tool examples become tools, required-education categories become trainings, and related
// occupations become career moves. README.md beside this file documents the mapping.
package onet

import (
	"bufio"
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/dataset"
)

// DatasetName is the name of the dataset Read returns, the middle part of its IDs.
const DatasetName = "onet"

// Importance thresholds on O*NET's Importance scale (Scale ID "IM", 1 "Not Important" to
// 5 "Extremely Important"). A rating rounds to its nearest anchor: from 3.5 it rounds to
// "Very Important" (4) or more and the skill is ESSENTIAL; from 2.5 (below 3.5) it rounds to
// "Important" (3) and the skill is OPTIONAL; below 2.5 it rounds to "Somewhat Important" or
// "Not Important" and is no requirement.
const (
	EssentialImportance = 3.5
	OptionalImportance  = 2.5
)

// TrainingShareMin is the share (percent of respondents) from which a required-education
// category is linked to an occupation even when it is not the most frequent one.
const TrainingShareMin = 25.0

// The files Read uses, by their published names (each may also be gzip-compressed as name.gz).
const (
	FileOccupations        = "Occupation Data.txt"
	FileAlternateTitles    = "Alternate Titles.txt"
	FileTasks              = "Task Statements.txt"
	FileContentModel       = "Content Model Reference.txt"
	FileSkills             = "Skills.txt"
	FileKnowledge          = "Knowledge.txt"
	FileTechnologySkills   = "Technology Skills.txt"
	FileToolsUsed          = "Tools Used.txt"
	FileRelatedOccupations = "Related Occupations.txt"
	FileJobZones           = "Job Zones.txt"
	FileEducation          = "Education, Training, and Experience.txt"
	FileEducationCategory  = "Education, Training, and Experience Categories.txt"
	// FileReadMe is optional: its first line ("O*NET 29.3 Database") gives the version.
	FileReadMe = "Read Me.txt"
)

// Default provenance, used when Read Me.txt is absent.
const (
	defaultVersion = "29.3"
	// attributionFormat is O*NET's recommended attribution (https://www.onetcenter.org/license_db.html),
	// as the shared data's SOURCE.txt quotes it, with the project's name for <Project>.
	attributionFormat = "This product includes information from the O*NET %s Database by the U.S. Department of Labor, " +
		"Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. " +
		"O*NET(R) is a trademark of USDOL/ETA. careergraph has modified all or some of this information. " +
		"USDOL/ETA has not approved, endorsed, or tested these modifications."
)

// Column names shared by several files.
const (
	colCode     = "O*NET-SOC Code"
	colElemID   = "Element ID"
	colElemName = "Element Name"
	colScaleID  = "Scale ID"
	colValue    = "Data Value"
	colSuppress = "Recommend Suppress"
	colCategory = "Category"
	colExample  = "Example"
	colCommCode = "Commodity Code"
	colCommName = "Commodity Title"
)

// educationLevels maps the categories of the Required Level of Education scale (RL) to training
// levels. Post-secondary certificates (trades, healthcare, culinary…) are vocational training;
// some college and associate's degrees are short higher education; bachelor's and above long.
var educationLevels = map[int]career.TrainingLevel{
	1:  career.LevelSecondary, // Less than a High School Diploma
	2:  career.LevelSecondary, // High School Diploma
	3:  career.LevelVocational,
	4:  career.LevelHigherShort, // Some College Courses
	5:  career.LevelHigherShort, // Associate's Degree (or other 2-year degree)
	6:  career.LevelHigherLong,
	7:  career.LevelHigherLong,
	8:  career.LevelHigherLong,
	9:  career.LevelHigherLong,
	10: career.LevelHigherLong,
	11: career.LevelHigherLong,
	12: career.LevelHigherLong,
}

// educationYears gives the durations the category descriptions state: "Associate's Degree (or
// other 2-year degree)". O*NET states no length for the other categories.
var educationYears = map[int]float64{5: 2}

// Read reads the O*NET database in dir (the published file names; X.gz is read when X is
// absent) and returns it as a validated Dataset, with warnings about what was dropped or
// repaired. Malformed input fails with a *dataset.ParseError naming the file and line.
func Read(dir string) (*career.Dataset, []dataset.Warning, error) {
	r := &reader{
		dir:     dir,
		d:       &career.Dataset{},
		profIdx: make(map[string]int, 1100),
	}
	steps := []func() error{
		r.readInfo,
		r.readOccupations,
		r.readAlternateTitles,
		r.readTasks,
		r.readContentModel,
		func() error { return r.readRatings(FileSkills, career.SkillKindSkill) },
		func() error { return r.readRatings(FileKnowledge, career.SkillKindKnowledge) },
		r.readJobZones,
		r.readRelated,
		r.readEducationCategories,
		r.readEducation,
		func() error { return r.readTools(FileTechnologySkills, true) },
		func() error { return r.readTools(FileToolsUsed, false) },
		r.readInterests,
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, nil, fmt.Errorf("read O*NET from %s: %w", dir, err)
		}
	}
	r.assemble()
	r.assembleGroups()
	vw, err := dataset.Validate(r.d)
	if err != nil {
		return nil, nil, fmt.Errorf("validate O*NET from %s: %w", dir, err)
	}
	return r.d, append(r.warnings, vw...), nil
}

// reader holds what Read has gathered so far. Per-profession slices are indexed like
// d.Professions.
type reader struct {
	dir      string
	d        *career.Dataset
	warnings []dataset.Warning

	profIdx  map[string]int // O*NET-SOC code → index in d.Professions
	profLine []int          // line of each profession in Occupation Data.txt

	coreTasks, suppTasks, otherTasks [][]string

	elemDesc map[string]string // Element ID → description (Content Model Reference)
	skillIdx map[string]int    // Element ID → index in d.Skills
	ratings  [][]rating
	ratingAt map[[2]int]int // (profession, skill) → index in ratings[profession]

	jobZone []int // 0 when unknown
	moves   [][]moveCand

	trainingIdx map[int]int // RL category → index in d.Trainings
	shares      [][]share

	toolIdx  map[string]int // ToolCode → index in tools and d.Tools
	tools    []toolAgg
	toolUses [][]toolUse
}

// rating is an occupation's Importance rating of one skill or knowledge element.
type rating struct {
	skill       int
	im          float64
	hasIM       bool
	suppressed  bool // Recommend Suppress = Y on the IM row
	notRelevant bool // Not Relevant = Y on the LV row
	file        string
	imLine      int
	lvLine      int
}

// moveCand is a related occupation with its Index (1 = most related).
type moveCand struct {
	to    int
	index int
}

// share is the percentage of respondents that named one required-education category.
type share struct {
	category int
	pct      float64
}

// warn records a warning.
func (r *reader) warn(w dataset.Warning) { r.warnings = append(r.warnings, w) }

// tableOptions reads O*NET's tab-separated files. O*NET quotes a field that holds a double
// quote the CSV way ("Conduct ""head counts""…"), so encoding/csv with a tab separator reads it
// exactly. Read errors other than syntax errors (a corrupt gzip stream, a failing disk) keep
// their cause.
var tableOptions = dataset.TableOptions{
	Comma:          '\t',
	WrapReadErrors: true,
	Messages: dataset.TableMessages{
		MissingFile:   "required file is missing (neither %q nor %q exists)",
		OpenError:     "open %[2]s: %[3]w",
		MissingColumn: "missing column %q in the header",
		FieldCount:    "wrong number of fields: got %d, want %d as in the header",
	},
}

// openTable opens dir/name, or dir/name.gz when name does not exist, reads the header and checks
// that every column in required is there. A missing file is a ParseError naming name.
func openTable(dir, name string, required ...string) (*dataset.Table, error) {
	return dataset.OpenTable(dir, name, tableOptions, required...)
}

// prof returns the index of the profession with this code, or false (with a warning about the
// current record) when Occupation Data.txt has none.
func (r *reader) prof(t *dataset.Table, code string) (int, bool) {
	i, ok := r.profIdx[code]
	if !ok {
		r.warn(t.Warnf("unknown %s %q (not in %s): record skipped", colCode, code, FileOccupations))
	}
	return i, ok
}

// readInfo fills d.Info, taking the version from Read Me.txt when it is there.
func (r *reader) readInfo() error {
	version := defaultVersion
	f, err := os.Open(filepath.Join(r.dir, FileReadMe))
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return fmt.Errorf("open %s: %w", FileReadMe, err)
	default:
		defer f.Close()
		sc := bufio.NewScanner(f)
		if sc.Scan() {
			line := strings.TrimPrefix(strings.TrimSpace(sc.Text()), "\ufeff")
			v, ok := strings.CutPrefix(line, "O*NET ")
			v, ok2 := strings.CutSuffix(v, " Database")
			if ok && ok2 && v != "" {
				version = v
			} else {
				r.warn(dataset.Warning{File: FileReadMe, Line: 1, Reason: fmt.Sprintf("first line %q is not \"O*NET <version> Database\": version %s assumed", line, defaultVersion)})
			}
		}
		if err := sc.Err(); err != nil {
			return fmt.Errorf("read %s: %w", FileReadMe, err)
		}
	}
	r.d.Info = career.DatasetInfo{
		Name:        DatasetName,
		Title:       "O*NET " + version + " Database",
		Version:     version,
		Attribution: fmt.Sprintf(attributionFormat, version),
	}
	return nil
}

// readOccupations reads Occupation Data.txt: one profession per occupation.
func (r *reader) readOccupations() error {
	t, err := openTable(r.dir, FileOccupations, colCode, "Title", "Description")
	if err != nil {
		return err
	}
	defer t.Close()
	ci, ti, di := t.Col(colCode), t.Col("Title"), t.Col("Description")
	err = t.Each(func(rec []string) error {
		code := strings.TrimSpace(rec[ci])
		if !validCode(code) {
			return t.Errorf("invalid %s %q: want NN-NNNN.NN", colCode, code)
		}
		if i, dup := r.profIdx[code]; dup {
			return t.Errorf("duplicate %s %q (first on line %d)", colCode, code, r.profLine[i])
		}
		name := clean(rec[ti])
		if name == "" {
			return t.Errorf("empty Title for %s", code)
		}
		sector := Sector(code)
		if sector == "" {
			r.warn(t.Warnf("no SOC major group %q for %s: sector left empty", code[:2], code))
		}
		r.profIdx[code] = len(r.d.Professions)
		r.profLine = append(r.profLine, t.Line())
		r.d.Professions = append(r.d.Professions, career.Profession{
			ID:       career.MakeID(career.KindProfession, DatasetName, code),
			Dataset:  DatasetName,
			Code:     code,
			Name:     name,
			Summary:  clean(rec[di]),
			Sector:   sector,
			Language: "en",
			Source:   DatasetName,
		})
		return nil
	})
	if err != nil {
		return err
	}
	// A detailed O*NET occupation (NN-NNNN.01 and up) specialises its SOC occupation (NN-NNNN.00).
	for i := range r.d.Professions {
		p := &r.d.Professions[i]
		if strings.HasSuffix(p.Code, ".00") {
			continue
		}
		if j, ok := r.profIdx[p.Code[:8]+"00"]; ok {
			p.SpecializationOf = r.d.Professions[j].ID
		}
	}
	n := len(r.d.Professions)
	r.coreTasks, r.suppTasks, r.otherTasks = make([][]string, n), make([][]string, n), make([][]string, n)
	r.ratings = make([][]rating, n)
	r.jobZone = make([]int, n)
	r.moves = make([][]moveCand, n)
	r.shares = make([][]share, n)
	r.toolUses = make([][]toolUse, n)
	return nil
}

// readAlternateTitles reads Alternate Titles.txt into alternative names: each alternate title
// in file order followed by its short title, without repeats (ignoring case) and without the
// profession's own name.
func (r *reader) readAlternateTitles() error {
	t, err := openTable(r.dir, FileAlternateTitles, colCode, "Alternate Title", "Short Title")
	if err != nil {
		return err
	}
	defer t.Close()
	ci, ai, si := t.Col(colCode), t.Col("Alternate Title"), t.Col("Short Title")
	seen := make(map[string]struct{}, 64<<10)
	for i := range r.d.Professions {
		seen[r.d.Professions[i].Code+"\x00"+strings.ToLower(r.d.Professions[i].Name)] = struct{}{}
	}
	return t.Each(func(rec []string) error {
		code := strings.TrimSpace(rec[ci])
		p, ok := r.prof(t, code)
		if !ok {
			return nil
		}
		for _, title := range [2]string{clean(rec[ai]), clean(rec[si])} {
			if title == "" {
				continue
			}
			key := code + "\x00" + strings.ToLower(title)
			if _, dup := seen[key]; dup {
				continue
			}
			seen[key] = struct{}{}
			r.d.Professions[p].AlternativeNames = append(r.d.Professions[p].AlternativeNames, title)
		}
		return nil
	})
}

// readTasks reads Task Statements.txt: Core tasks, then Supplemental ones, then those without a
// type, each group in file order.
func (r *reader) readTasks() error {
	t, err := openTable(r.dir, FileTasks, colCode, "Task", "Task Type")
	if err != nil {
		return err
	}
	defer t.Close()
	ci, ti, ki := t.Col(colCode), t.Col("Task"), t.Col("Task Type")
	return t.Each(func(rec []string) error {
		p, ok := r.prof(t, strings.TrimSpace(rec[ci]))
		if !ok {
			return nil
		}
		task := clean(rec[ti])
		if task == "" {
			return t.Errorf("empty Task")
		}
		switch kind := strings.TrimSpace(rec[ki]); kind {
		case "Core":
			r.coreTasks[p] = append(r.coreTasks[p], task)
		case "Supplemental":
			r.suppTasks[p] = append(r.suppTasks[p], task)
		case "", "n/a":
			r.otherTasks[p] = append(r.otherTasks[p], task)
		default:
			return t.Errorf("invalid Task Type %q: want Core, Supplemental or empty", kind)
		}
		return nil
	})
}

// readContentModel reads the element descriptions of Content Model Reference.txt.
func (r *reader) readContentModel() error {
	t, err := openTable(r.dir, FileContentModel, colElemID, colElemName, "Description")
	if err != nil {
		return err
	}
	defer t.Close()
	ii, di := t.Col(colElemID), t.Col("Description")
	r.elemDesc = make(map[string]string, 700)
	return t.Each(func(rec []string) error {
		r.elemDesc[strings.TrimSpace(rec[ii])] = clean(rec[di])
		return nil
	})
}

// readRatings reads Skills.txt or Knowledge.txt: one skill per element, and each occupation's
// Importance (IM) rating with its suppression flag and the Not Relevant flag of its Level (LV)
// row. Other scales are ignored.
func (r *reader) readRatings(file string, kind career.SkillKind) error {
	t, err := openTable(r.dir, file, colCode, colElemID, colElemName, colScaleID, colValue, colSuppress, "Not Relevant")
	if err != nil {
		return err
	}
	defer t.Close()
	ci, ei, ni, si, vi := t.Col(colCode), t.Col(colElemID), t.Col(colElemName), t.Col(colScaleID), t.Col(colValue)
	supi, nri := t.Col(colSuppress), t.Col("Not Relevant")
	if r.skillIdx == nil {
		r.skillIdx = make(map[string]int, 80)
		r.ratingAt = make(map[[2]int]int, 64<<10)
	}
	return t.Each(func(rec []string) error {
		scale := strings.TrimSpace(rec[si])
		if scale != "IM" && scale != "LV" {
			return nil
		}
		p, ok := r.prof(t, strings.TrimSpace(rec[ci]))
		if !ok {
			return nil
		}
		elem := strings.TrimSpace(rec[ei])
		s, ok := r.skillIdx[elem]
		if !ok {
			name := clean(rec[ni])
			if elem == "" || name == "" {
				return t.Errorf("empty %s or %s", colElemID, colElemName)
			}
			s = len(r.d.Skills)
			r.skillIdx[elem] = s
			r.d.Skills = append(r.d.Skills, career.Skill{
				ID:          career.MakeID(career.KindSkill, DatasetName, elem),
				Dataset:     DatasetName,
				Code:        elem,
				Name:        name,
				Kind:        kind,
				Description: r.elemDesc[elem],
				Language:    "en",
			})
		}
		k := [2]int{p, s}
		at, ok := r.ratingAt[k]
		if !ok {
			at = len(r.ratings[p])
			r.ratingAt[k] = at
			r.ratings[p] = append(r.ratings[p], rating{skill: s, file: t.File()})
		}
		rt := &r.ratings[p][at]
		if scale == "LV" {
			nr, err := flag(t, rec[nri], "Not Relevant")
			if err != nil {
				return err
			}
			if nr {
				rt.notRelevant, rt.lvLine = true, t.Line()
			}
			return nil
		}
		v, err := strconv.ParseFloat(strings.TrimSpace(rec[vi]), 64)
		if err != nil || v < 1 || v > 5 {
			return t.Errorf("invalid %s %q on the Importance scale: want a number from 1 to 5", colValue, rec[vi])
		}
		sup, err := flag(t, rec[supi], colSuppress)
		if err != nil {
			return err
		}
		if rt.hasIM && rt.im >= v {
			return nil // a repeated rating: keep the strongest
		}
		rt.hasIM, rt.im, rt.suppressed, rt.imLine, rt.file = true, v, sup, t.Line(), t.File()
		return nil
	})
}

// flag parses a Y/N column; converted files leave "n/a" cells empty, which reads as N.
func flag(t *dataset.Table, v, col string) (bool, error) {
	switch strings.TrimSpace(v) {
	case "Y":
		return true, nil
	case "N", "", "n/a":
		return false, nil
	}
	return false, t.Errorf("invalid %s %q: want Y or N", col, v)
}

// readJobZones reads each occupation's Job Zone (1 to 5).
func (r *reader) readJobZones() error {
	t, err := openTable(r.dir, FileJobZones, colCode, "Job Zone")
	if err != nil {
		return err
	}
	defer t.Close()
	ci, zi := t.Col(colCode), t.Col("Job Zone")
	return t.Each(func(rec []string) error {
		p, ok := r.prof(t, strings.TrimSpace(rec[ci]))
		if !ok {
			return nil
		}
		z, err := strconv.Atoi(strings.TrimSpace(rec[zi]))
		if err != nil || z < 1 || z > 5 {
			return t.Errorf("invalid Job Zone %q: want 1 to 5", rec[zi])
		}
		r.jobZone[p] = z
		return nil
	})
}

// readRelated reads Related Occupations.txt into move candidates with their Index.
func (r *reader) readRelated() error {
	t, err := openTable(r.dir, FileRelatedOccupations, colCode, "Related O*NET-SOC Code", "Index")
	if err != nil {
		return err
	}
	defer t.Close()
	ci, ri, ii := t.Col(colCode), t.Col("Related O*NET-SOC Code"), t.Col("Index")
	return t.Each(func(rec []string) error {
		from, ok := r.prof(t, strings.TrimSpace(rec[ci]))
		if !ok {
			return nil
		}
		to, ok := r.prof(t, strings.TrimSpace(rec[ri]))
		if !ok {
			return nil
		}
		index, err := strconv.Atoi(strings.TrimSpace(rec[ii]))
		if err != nil || index < 1 {
			return t.Errorf("invalid Index %q: want a whole number from 1", rec[ii])
		}
		r.moves[from] = append(r.moves[from], moveCand{to: to, index: index})
		return nil
	})
}

// readEducationCategories makes one training per category of the Required Level of Education
// scale (RL).
func (r *reader) readEducationCategories() error {
	t, err := openTable(r.dir, FileEducationCategory, colScaleID, colCategory, "Category Description")
	if err != nil {
		return err
	}
	defer t.Close()
	si, ci, di := t.Col(colScaleID), t.Col(colCategory), t.Col("Category Description")
	r.trainingIdx = make(map[int]int, 12)
	return t.Each(func(rec []string) error {
		if strings.TrimSpace(rec[si]) != "RL" {
			return nil
		}
		c, err := strconv.Atoi(strings.TrimSpace(rec[ci]))
		if err != nil || c < 1 {
			return t.Errorf("invalid %s %q: want a whole number from 1", colCategory, rec[ci])
		}
		if _, dup := r.trainingIdx[c]; dup {
			return t.Errorf("duplicate RL %s %d", colCategory, c)
		}
		desc := clean(rec[di])
		// "Bachelor's Degree"; "Post-Secondary Certificate - awarded for training completed…".
		name, _, _ := strings.Cut(desc, " - ")
		if name == "" {
			return t.Errorf("empty Category Description for RL category %d", c)
		}
		if desc == name {
			desc = ""
		}
		level, ok := educationLevels[c]
		if !ok {
			level = career.LevelOther
		}
		code := "rl-" + strconv.Itoa(c)
		tr := career.Training{
			ID:          career.MakeID(career.KindTraining, DatasetName, code),
			Dataset:     DatasetName,
			Code:        code,
			Name:        name,
			Level:       level,
			Description: desc,
		}
		if y, ok := educationYears[c]; ok {
			tr.DurationYears = &y
		}
		r.trainingIdx[c] = len(r.d.Trainings)
		r.d.Trainings = append(r.d.Trainings, tr)
		return nil
	})
}

// readEducation reads the RL rows of Education, Training, and Experience.txt: each occupation's
// share of respondents per required-education category, without suppressed estimates.
func (r *reader) readEducation() error {
	t, err := openTable(r.dir, FileEducation, colCode, colScaleID, colCategory, colValue, colSuppress)
	if err != nil {
		return err
	}
	defer t.Close()
	ci, si, ki, vi, supi := t.Col(colCode), t.Col(colScaleID), t.Col(colCategory), t.Col(colValue), t.Col(colSuppress)
	return t.Each(func(rec []string) error {
		if strings.TrimSpace(rec[si]) != "RL" {
			return nil
		}
		p, ok := r.prof(t, strings.TrimSpace(rec[ci]))
		if !ok {
			return nil
		}
		c, err := strconv.Atoi(strings.TrimSpace(rec[ki]))
		if err != nil {
			return t.Errorf("invalid %s %q: want a whole number", colCategory, rec[ki])
		}
		if _, ok := r.trainingIdx[c]; !ok {
			return t.Errorf("RL %s %d is not in %s", colCategory, c, FileEducationCategory)
		}
		v, err := strconv.ParseFloat(strings.TrimSpace(rec[vi]), 64)
		if err != nil || v < 0 || v > 100 {
			return t.Errorf("invalid %s %q: want a percentage from 0 to 100", colValue, rec[vi])
		}
		sup, err := flag(t, rec[supi], colSuppress)
		if err != nil {
			return err
		}
		if sup {
			return nil
		}
		r.shares[p] = append(r.shares[p], share{category: c, pct: v})
		return nil
	})
}

// readTools reads Technology Skills.txt (tech) or Tools Used.txt: one tool per ToolCode, and
// each occupation's uses ranked In Demand, Hot Technology, other technology, tool.
func (r *reader) readTools(file string, tech bool) error {
	cols := []string{colCode, colExample, colCommCode, colCommName}
	if tech {
		cols = append(cols, "Hot Technology", "In Demand")
	}
	t, err := openTable(r.dir, file, cols...)
	if err != nil {
		return err
	}
	defer t.Close()
	ci, ei, ti := t.Col(colCode), t.Col(colExample), t.Col(colCommName)
	hi, di := t.Col("Hot Technology"), t.Col("In Demand")
	if r.toolIdx == nil {
		r.toolIdx = make(map[string]int, 32<<10)
	}
	return t.Each(func(rec []string) error {
		p, ok := r.prof(t, strings.TrimSpace(rec[ci]))
		if !ok {
			return nil
		}
		name, repaired := cleanExample(rec[ei])
		if name == "" {
			return t.Errorf("empty %s", colExample)
		}
		if repaired {
			r.warn(t.Warnf("stray double quote removed from %s %q", colExample, rec[ei]))
		}
		code := ToolCode(name)
		i, ok := r.toolIdx[code]
		if !ok {
			i = len(r.tools)
			r.toolIdx[code] = i
			r.tools = append(r.tools, toolAgg{})
			r.d.Tools = append(r.d.Tools, career.Tool{
				ID:      career.MakeID(career.KindTool, DatasetName, code),
				Dataset: DatasetName,
				Code:    code,
			})
		}
		r.tools[i].names = bump(r.tools[i].names, name)
		if cat := clean(rec[ti]); cat != "" {
			r.tools[i].cats = bump(r.tools[i].cats, cat)
		}
		rank := rankTool
		if tech {
			hot, err := flag(t, rec[hi], "Hot Technology")
			if err != nil {
				return err
			}
			inDemand, err := flag(t, rec[di], "In Demand")
			if err != nil {
				return err
			}
			switch {
			case inDemand:
				rank = rankInDemand
			case hot:
				rank = rankHot
			default:
				rank = rankTechnology
			}
		}
		r.toolUses[p] = append(r.toolUses[p], toolUse{tool: i, rank: rank})
		return nil
	})
}

// assemble turns the per-profession gatherings into the Dataset's ordered links.
func (r *reader) assemble() {
	d := r.d
	for i := range d.Tools {
		d.Tools[i].Name = mostCommon(r.tools[i].names)
		d.Tools[i].Category = mostCommon(r.tools[i].cats)
	}
	for p := range d.Professions {
		prof := &d.Professions[p]
		tasks := make([]string, 0, len(r.coreTasks[p])+len(r.suppTasks[p])+len(r.otherTasks[p]))
		tasks = append(tasks, r.coreTasks[p]...)
		tasks = append(tasks, r.suppTasks[p]...)
		prof.Tasks = append(tasks, r.otherTasks[p]...)

		r.assembleRequirements(p)
		r.assembleMoves(p)
		r.assembleTrainings(p)

		uses := r.toolUses[p]
		slices.SortStableFunc(uses, func(a, b toolUse) int { return cmp.Compare(a.rank, b.rank) })
		seen := make(map[int]struct{}, len(uses))
		for _, u := range uses {
			if _, dup := seen[u.tool]; dup {
				continue
			}
			seen[u.tool] = struct{}{}
			d.ToolUses = append(d.ToolUses, career.Link{ProfessionID: prof.ID, TargetID: d.Tools[u.tool].ID})
		}
	}
}

// assembleRequirements keeps a profession's ratings from OptionalImportance up, unless
// suppressed or not relevant, by importance descending, then skill name, then skill ID.
func (r *reader) assembleRequirements(p int) {
	d := r.d
	prof := &d.Professions[p]
	var keep []rating
	for _, rt := range r.ratings[p] {
		if !rt.hasIM || rt.im < OptionalImportance {
			continue
		}
		s := &d.Skills[rt.skill]
		switch {
		case rt.suppressed:
			r.warn(dataset.Warning{File: rt.file, Line: rt.imLine, Reason: fmt.Sprintf(
				"%s = Y: %s %q (importance %g) dropped from %s", colSuppress, s.Code, s.Name, rt.im, prof.Code)})
			continue
		case rt.notRelevant:
			r.warn(dataset.Warning{File: rt.file, Line: rt.lvLine, Reason: fmt.Sprintf(
				"Not Relevant = Y: %s %q (importance %g) dropped from %s", s.Code, s.Name, rt.im, prof.Code)})
			continue
		}
		keep = append(keep, rt)
	}
	slices.SortStableFunc(keep, func(a, b rating) int {
		if c := cmp.Compare(b.im, a.im); c != 0 {
			return c
		}
		sa, sb := &d.Skills[a.skill], &d.Skills[b.skill]
		if c := strings.Compare(sa.Name, sb.Name); c != 0 {
			return c
		}
		return strings.Compare(sa.ID, sb.ID)
	})
	for _, rt := range keep {
		imp := career.Optional
		if rt.im >= EssentialImportance {
			imp = career.Essential
		}
		d.Requirements = append(d.Requirements, career.Requirement{ProfessionID: prof.ID, SkillID: d.Skills[rt.skill].ID, Importance: imp})
	}
}

// assembleMoves orders a profession's related occupations by Index and gives each move its kind:
// PROGRESSION when the target's Job Zone is higher than the profession's, LATERAL otherwise
// (also when either Job Zone is unknown).
func (r *reader) assembleMoves(p int) {
	d := r.d
	moves := r.moves[p]
	slices.SortStableFunc(moves, func(a, b moveCand) int { return cmp.Compare(a.index, b.index) })
	seen := make(map[int]struct{}, len(moves))
	for _, m := range moves {
		if _, dup := seen[m.to]; dup {
			continue
		}
		seen[m.to] = struct{}{}
		kind := career.MoveLateral
		if r.jobZone[p] > 0 && r.jobZone[m.to] > r.jobZone[p] {
			kind = career.MoveProgression
		}
		d.Moves = append(d.Moves, career.Move{FromID: d.Professions[p].ID, ToID: d.Professions[m.to].ID, Kind: kind})
	}
}

// assembleTrainings links a profession to its most frequent required-education categories (all
// of them on a tie) and to every other one that TrainingShareMin percent or more of respondents
// named; categories at 0% never link. Order: share descending, then category.
func (r *reader) assembleTrainings(p int) {
	d := r.d
	shares := r.shares[p]
	top := 0.0
	for _, s := range shares {
		top = max(top, s.pct)
	}
	if top <= 0 {
		return
	}
	var keep []share
	for _, s := range shares {
		if s.pct == top || s.pct >= TrainingShareMin {
			keep = append(keep, s)
		}
	}
	slices.SortStableFunc(keep, func(a, b share) int {
		if c := cmp.Compare(b.pct, a.pct); c != 0 {
			return c
		}
		return cmp.Compare(a.category, b.category)
	})
	seen := make(map[int]struct{}, len(keep))
	for _, s := range keep {
		if _, dup := seen[s.category]; dup {
			continue
		}
		seen[s.category] = struct{}{}
		d.TrainingLinks = append(d.TrainingLinks, career.Link{ProfessionID: d.Professions[p].ID, TargetID: d.Trainings[r.trainingIdx[s.category]].ID})
	}
}
