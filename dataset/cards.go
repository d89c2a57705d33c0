package dataset

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/careergraph/careergraph/career"
)

// ReadCards reads a dataset written as profession cards: every *.yaml file at the top of fsys
// (sub-folders are ignored), in name order. The format is documented in seed/README.md:
//
//   - catalogue files hold a "dataset" section (the dataset's title, version, attribution and
//     default language; exactly one file has it) and the "skills", "tools" and "trainings" that
//     cards refer to by code;
//   - a card file, named after its profession's code ("<code>.yaml"), holds a "profession"
//     section and the profession's "qualities", "tasks", "skills", "tools", "trainings" and
//     "nextCareers", in the order they are served.
//
// Global IDs are career.MakeID(kind, datasetName, code); codes are lowercase ASCII slugs.
// Text fields are trimmed, and the line breaks inside a paragraph become single spaces, so long
// texts can be wrapped freely; paragraphs stay separated by one blank line.
//
// Unknown fields, values of the wrong type, invalid codes and everything Validate refuses are
// errors: a *ParseError naming the file and line at fault. The dataset is validated before it
// is returned; the returned warnings are Validate's (a profession listed among its own next
// careers is dropped, and located at its line).
func ReadCards(fsys fs.FS, datasetName string) (*career.Dataset, []Warning, error) {
	names, err := fs.Glob(fsys, "*.yaml")
	if err != nil {
		return nil, nil, fmt.Errorf("read cards of dataset %q: %w", datasetName, err)
	}
	if len(names) == 0 {
		return nil, nil, &ParseError{File: datasetName, Reason: "no *.yaml file to read"}
	}
	r := &cardReader{
		name: datasetName,
		d:    &career.Dataset{Info: career.DatasetInfo{Name: datasetName}},
		pos:  &cardPositions{nodes: make(map[career.Kind][]pos, len(career.Kinds))},
	}
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, nil, fmt.Errorf("read cards of dataset %q: %w", datasetName, err)
		}
		if err := r.readFile(name, data); err != nil {
			return nil, nil, err
		}
	}
	if r.pos.infoPos.file == "" {
		return nil, nil, &ParseError{File: datasetName,
			Reason: `no file has a "dataset" section (the dataset's title, version and attribution); add one to dataset.yaml`}
	}
	r.defaultLanguage()
	warnings, err := validate(r.d, r.pos)
	if err != nil {
		return nil, nil, err
	}
	return r.d, warnings, nil
}

// The fields of each part of the format, in the order the README documents them.
var (
	catalogueFields   = []string{"dataset", "skills", "tools", "trainings"}
	cardFields        = []string{"profession", "qualities", "tasks", "skills", "tools", "trainings", "nextCareers", "equivalents"}
	infoFields        = []string{"name", "title", "version", "attribution", "language"}
	skillFields       = []string{"code", "name", "alternativeNames", "kind", "language", "description"}
	toolFields        = []string{"code", "name", "category"}
	trainingFields    = []string{"code", "name", "level", "durationYears", "description"}
	professionFields  = []string{"code", "name", "alternativeNames", "source", "language", "sector", "specializationOf", "summary", "description"}
	requirementFields = []string{"skill", "importance"}
	moveFields        = []string{"profession", "kind"}
)

// Sources are the allowed values of a profession's "source" field.
const (
	SourceCard    = "card"    // the content is the original card's, word for word
	SourceCurated = "curated" // the content was written by careergraph
)

// cardReader accumulates the dataset and the positions of its entries, file after file.
type cardReader struct {
	name     string
	d        *career.Dataset
	pos      *cardPositions
	language string // the dataset section's default language
}

// readFile parses one YAML file, a card or a catalogue.
func (r *cardReader) readFile(name string, data []byte) error {
	f := &fileReader{cardReader: r, file: name}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return &ParseError{File: name, Reason: "the file is empty"}
		}
		return f.yamlError(err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return f.errorf(&extra, `a second YAML document ("---"): write one card per file`)
	} else if !errors.Is(err, io.EOF) {
		return f.yamlError(err)
	}
	root := resolve(&doc)
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = resolve(root.Content[0])
	}
	if root.Kind != yaml.MappingNode {
		return f.errorf(root, `want a card (with a "profession" section) or a catalogue (with "dataset", "skills", "tools" or "trainings" sections), got %s`, describe(root))
	}
	for i := 0; i < len(root.Content); i += 2 {
		if root.Content[i].Value == "profession" {
			return f.card(root)
		}
	}
	return f.catalogue(root)
}

// yamlLine matches the line number in the parser's error messages.
var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// fileReader reads one file.
type fileReader struct {
	*cardReader
	file string
}

// yamlError turns a YAML syntax error into a *ParseError.
func (f *fileReader) yamlError(err error) error {
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		line, _ := strconv.Atoi(m[1])
		return &ParseError{File: f.file, Line: line, Reason: "invalid YAML: " + m[2]}
	}
	return &ParseError{File: f.file, Reason: "invalid YAML: " + strings.TrimPrefix(err.Error(), "yaml: ")}
}

// errorf is an error located at a node.
func (f *fileReader) errorf(n *yaml.Node, format string, args ...any) error {
	return &ParseError{File: f.file, Line: n.Line, Reason: fmt.Sprintf(format, args...)}
}

// catalogue reads a file of dataset info, skills, tools and trainings.
func (f *fileReader) catalogue(root *yaml.Node) error {
	_, err := f.fields(root, "a catalogue file", catalogueFields, func(key string, k, v *yaml.Node) error {
		switch key {
		case "dataset":
			return f.info(k, v)
		case "skills":
			return f.list(v, key, f.skill)
		case "tools":
			return f.list(v, key, f.tool)
		default: // trainings
			return f.list(v, key, f.training)
		}
	})
	return err
}

// info reads the dataset section.
func (f *fileReader) info(key, n *yaml.Node) error {
	if p := f.pos.infoPos; p.file != "" {
		return f.errorf(key, `a second "dataset" section (the first is at %s:%d)`, p.file, p.line)
	}
	info := &f.d.Info
	var err error
	lines, err := f.fields(n, "the dataset section", infoFields, func(key string, _, v *yaml.Node) error {
		switch key {
		case "name":
			name, err := f.text(v, key)
			if err == nil && name != f.name {
				err = f.errorf(v, "the dataset is named %q here but is read as %q", name, f.name)
			}
			return err
		case "title":
			info.Title, err = f.text(v, key)
		case "version":
			info.Version, err = f.text(v, key)
		case "attribution":
			info.Attribution, err = f.paragraphs(v, key)
		default: // language
			f.language, err = f.text(v, key)
		}
		return err
	})
	if err != nil {
		return err
	}
	f.pos.infoPos = pos{file: f.file, line: key.Line, fields: lines}
	return nil
}

// list reads a list, calling item for each element.
func (f *fileReader) list(n *yaml.Node, field string, item func(*yaml.Node) error) error {
	items, err := f.seq(n, field)
	if err != nil {
		return err
	}
	for _, it := range items {
		if err := item(it); err != nil {
			return err
		}
	}
	return nil
}

// seq returns the items of a list; an empty value is an empty list.
func (f *fileReader) seq(n *yaml.Node, field string) ([]*yaml.Node, error) {
	switch n = resolve(n); {
	case isNull(n):
		return nil, nil
	case n.Kind != yaml.SequenceNode:
		return nil, f.errorf(n, "field %q: want a list, got %s", field, describe(n))
	}
	items := make([]*yaml.Node, len(n.Content))
	for i, it := range n.Content {
		items[i] = resolve(it)
	}
	return items, nil
}

// addNode records where the node just appended to the dataset was written.
func (f *fileReader) addNode(kind career.Kind, n *yaml.Node, lines map[string]int) {
	f.pos.nodes[kind] = append(f.pos.nodes[kind], pos{file: f.file, line: n.Line, fields: lines})
}

func (f *fileReader) skill(n *yaml.Node) error {
	var s career.Skill
	var err error
	lines, err := f.fields(n, "a skill", skillFields, func(key string, _, v *yaml.Node) error {
		switch key {
		case "code":
			s.Code, err = f.code(v, key)
		case "name":
			s.Name, err = f.text(v, key)
		case "alternativeNames":
			s.AlternativeNames, _, err = f.texts(v, key)
		case "kind":
			var k string
			k, err = f.text(v, key)
			s.Kind = career.SkillKind(k)
		case "language":
			s.Language, err = f.text(v, key)
		default: // description
			s.Description, err = f.paragraphs(v, key)
		}
		return err
	})
	if err != nil {
		return err
	}
	s.Dataset, s.ID = f.name, f.id(career.KindSkill, s.Code)
	f.d.Skills = append(f.d.Skills, s)
	f.addNode(career.KindSkill, n, lines)
	return nil
}

func (f *fileReader) tool(n *yaml.Node) error {
	var t career.Tool
	var err error
	lines, err := f.fields(n, "a tool", toolFields, func(key string, _, v *yaml.Node) error {
		switch key {
		case "code":
			t.Code, err = f.code(v, key)
		case "name":
			t.Name, err = f.text(v, key)
		default: // category
			t.Category, err = f.text(v, key)
		}
		return err
	})
	if err != nil {
		return err
	}
	t.Dataset, t.ID = f.name, f.id(career.KindTool, t.Code)
	f.d.Tools = append(f.d.Tools, t)
	f.addNode(career.KindTool, n, lines)
	return nil
}

func (f *fileReader) training(n *yaml.Node) error {
	var t career.Training
	var err error
	lines, err := f.fields(n, "a training", trainingFields, func(key string, _, v *yaml.Node) error {
		switch key {
		case "code":
			t.Code, err = f.code(v, key)
		case "name":
			t.Name, err = f.text(v, key)
		case "level":
			var l string
			l, err = f.text(v, key)
			t.Level = career.TrainingLevel(l)
		case "durationYears":
			t.DurationYears, err = f.number(v, key)
		default: // description
			t.Description, err = f.paragraphs(v, key)
		}
		return err
	})
	if err != nil {
		return err
	}
	t.Dataset, t.ID = f.name, f.id(career.KindTraining, t.Code)
	f.d.Trainings = append(f.d.Trainings, t)
	f.addNode(career.KindTraining, n, lines)
	return nil
}

// id is the global ID of a code of this dataset; "" for no code.
func (f *fileReader) id(kind career.Kind, code string) string {
	if code == "" {
		return ""
	}
	return career.MakeID(kind, f.name, code)
}

// card reads a profession card: the profession section first, then its links in file order.
func (f *fileReader) card(root *yaml.Node) error {
	sections := map[string]*yaml.Node{}
	var order []string
	var professionKey *yaml.Node
	_, err := f.fields(root, "a card", cardFields, func(key string, k, v *yaml.Node) error {
		sections[key] = v
		order = append(order, key)
		if key == "profession" {
			professionKey = k
		}
		return nil
	})
	if err != nil {
		return err
	}
	p, err := f.profession(professionKey, sections["profession"])
	if err != nil {
		return err
	}
	for _, key := range order {
		v := sections[key]
		switch key {
		case "qualities":
			err = f.links(v, key, career.KindSkill, tableQualities, p, &f.d.Qualities)
		case "tasks":
			err = f.tasks(v, key)
		case "skills":
			err = f.list(v, key, func(n *yaml.Node) error { return f.requirement(p, n) })
		case "tools":
			err = f.links(v, key, career.KindTool, tableToolUses, p, &f.d.ToolUses)
		case "trainings":
			err = f.links(v, key, career.KindTraining, tableTrainingLinks, p, &f.d.TrainingLinks)
		case "nextCareers":
			err = f.list(v, key, func(n *yaml.Node) error { return f.move(p, n) })
		case "equivalents":
			err = f.list(v, key, func(n *yaml.Node) error { return f.equivalent(p, n) })
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// profession reads a card's profession section and returns the profession's ID.
func (f *fileReader) profession(key, n *yaml.Node) (string, error) {
	var p career.Profession
	var err error
	lines, err := f.fields(n, "the profession section", professionFields, func(key string, _, v *yaml.Node) error {
		switch key {
		case "code":
			p.Code, err = f.code(v, key)
			if err == nil && p.Code != "" && f.file != p.Code+".yaml" {
				err = f.errorf(v, "the card of profession %q must be in a file named %q", p.Code, p.Code+".yaml")
			}
		case "name":
			p.Name, err = f.text(v, key)
		case "alternativeNames":
			p.AlternativeNames, _, err = f.texts(v, key)
		case "source":
			p.Source, err = f.text(v, key)
			if err == nil && p.Source != SourceCard && p.Source != SourceCurated {
				err = f.errorf(v, "unknown source %q (want %s or %s)", p.Source, SourceCard, SourceCurated)
			}
		case "language":
			p.Language, err = f.text(v, key)
		case "sector":
			p.Sector, err = f.text(v, key)
		case "specializationOf":
			var code string
			code, err = f.code(v, key)
			p.SpecializationOf = f.id(career.KindProfession, code)
		case "summary":
			p.Summary, err = f.text(v, key)
		default: // description
			p.Description, err = f.paragraphs(v, key)
		}
		return err
	})
	if err != nil {
		return "", err
	}
	if p.Source == "" {
		return "", f.errorf(key, `the profession has no "source" (want %s or %s)`, SourceCard, SourceCurated)
	}
	p.Dataset, p.ID = f.name, f.id(career.KindProfession, p.Code)
	f.d.Professions = append(f.d.Professions, p)
	f.addNode(career.KindProfession, key, lines)
	return p.ID, nil
}

// tasks reads the card's tasks into the profession just read.
func (f *fileReader) tasks(n *yaml.Node, field string) error {
	tasks, lines, err := f.texts(n, field)
	if err != nil {
		return err
	}
	p := &f.d.Professions[len(f.d.Professions)-1]
	p.Tasks = append(p.Tasks, tasks...)
	ps := f.pos.nodes[career.KindProfession]
	last := &ps[len(ps)-1]
	if last.fields == nil {
		last.fields = map[string]int{}
	}
	for i, l := range lines {
		last.fields[fmt.Sprintf("tasks[%d]", i)] = l
	}
	return nil
}

// links reads a list of codes of one kind as links from a profession, appended to *dst.
func (f *fileReader) links(n *yaml.Node, field string, kind career.Kind, t linkTable, professionID string, dst *[]career.Link) error {
	return f.list(n, field, func(it *yaml.Node) error {
		code, err := f.code(it, field)
		if err != nil {
			return err
		}
		if code == "" {
			return f.errorf(it, "field %q: an empty entry", field)
		}
		*dst = append(*dst, career.Link{ProfessionID: professionID, TargetID: f.id(kind, code)})
		f.pos.links[t] = append(f.pos.links[t], pos{file: f.file, line: it.Line})
		return nil
	})
}

// requirement reads one entry of a card's skills: {skill: <code>, importance: <enum>}.
func (f *fileReader) requirement(professionID string, n *yaml.Node) error {
	var r career.Requirement
	var code string
	var err error
	lines, err := f.fields(n, "a skills entry", requirementFields, func(key string, _, v *yaml.Node) error {
		switch key {
		case "skill":
			code, err = f.code(v, key)
		default: // importance
			var i string
			i, err = f.text(v, key)
			r.Importance = career.Importance(i)
		}
		return err
	})
	if err != nil {
		return err
	}
	if err := f.required(n, lines, "skill", "importance"); err != nil {
		return err
	}
	r.ProfessionID, r.SkillID = professionID, f.id(career.KindSkill, code)
	f.d.Requirements = append(f.d.Requirements, r)
	f.pos.links[tableRequirements] = append(f.pos.links[tableRequirements], pos{file: f.file, line: n.Line, fields: lines})
	return nil
}

// move reads one entry of a card's nextCareers: {profession: <code>, kind: <enum>}.
func (f *fileReader) move(professionID string, n *yaml.Node) error {
	var m career.Move
	var code string
	var err error
	lines, err := f.fields(n, "a nextCareers entry", moveFields, func(key string, _, v *yaml.Node) error {
		switch key {
		case "profession":
			code, err = f.code(v, key)
		default: // kind
			var k string
			k, err = f.text(v, key)
			m.Kind = career.MoveKind(k)
		}
		return err
	})
	if err != nil {
		return err
	}
	if err := f.required(n, lines, "profession", "kind"); err != nil {
		return err
	}
	m.FromID, m.ToID = professionID, f.id(career.KindProfession, code)
	f.d.Moves = append(f.d.Moves, m)
	f.pos.links[tableMoves] = append(f.pos.links[tableMoves], pos{file: f.file, line: n.Line, fields: lines})
	return nil
}

// required fails when an entry lacks one of the given fields.
func (f *fileReader) required(n *yaml.Node, lines map[string]int, fields ...string) error {
	for _, field := range fields {
		if _, ok := lines[field]; !ok {
			return f.errorf(n, "missing field %q", field)
		}
	}
	return nil
}

// fields walks a mapping, calling fn for each key in order with the key and value nodes. Keys
// outside allowed, and keys given twice, are errors. It returns the line of each key. An empty
// value counts as an empty mapping.
func (f *fileReader) fields(n *yaml.Node, what string, allowed []string, fn func(key string, k, v *yaml.Node) error) (map[string]int, error) {
	n = resolve(n)
	if isNull(n) {
		return nil, nil
	}
	if n.Kind != yaml.MappingNode {
		return nil, f.errorf(n, "%s: want a mapping of fields (%s), got %s", what, strings.Join(allowed, ", "), describe(n))
	}
	lines := make(map[string]int, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := resolve(n.Content[i]), n.Content[i+1]
		key := k.Value
		if k.Kind != yaml.ScalarNode || !contains(allowed, key) {
			return nil, f.errorf(k, "unknown field %q in %s (want %s)", key, what, strings.Join(allowed, ", "))
		}
		if first, dup := lines[key]; dup {
			return nil, f.errorf(k, "field %q given twice (first at line %d)", key, first)
		}
		lines[key] = k.Line
		if err := fn(key, k, v); err != nil {
			return nil, err
		}
	}
	return lines, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// resolve follows aliases.
func resolve(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

// isNull reports whether a node is an empty value ("field:" with nothing after it, or null).
func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

// describe names the type of a node for error messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return fmt.Sprintf("%q", n.Value)
	}
	return "nothing"
}

// rawText returns the paragraphs of a scalar value, with the line breaks inside each paragraph
// replaced by single spaces. In a literal block ("|") paragraphs are separated by blank lines;
// in every other style YAML has already folded lines, and a line break separates paragraphs.
func (f *fileReader) rawText(n *yaml.Node, field string) ([]string, error) {
	n = resolve(n)
	if isNull(n) {
		return nil, nil
	}
	if n.Kind != yaml.ScalarNode {
		return nil, f.errorf(n, "field %q: want a text, got %s", field, describe(n))
	}
	var paras []string
	if n.Style&yaml.LiteralStyle != 0 {
		var cur []string
		for _, line := range strings.Split(n.Value, "\n") {
			line = strings.TrimSpace(line)
			if line == "" {
				if len(cur) > 0 {
					paras = append(paras, strings.Join(cur, " "))
					cur = nil
				}
				continue
			}
			cur = append(cur, line)
		}
		if len(cur) > 0 {
			paras = append(paras, strings.Join(cur, " "))
		}
		return paras, nil
	}
	for _, line := range strings.Split(n.Value, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			paras = append(paras, line)
		}
	}
	return paras, nil
}

// text reads a one-paragraph text.
func (f *fileReader) text(n *yaml.Node, field string) (string, error) {
	paras, err := f.rawText(n, field)
	if err != nil {
		return "", err
	}
	if len(paras) > 1 {
		return "", f.errorf(n, "field %q: want a single paragraph, got %d", field, len(paras))
	}
	return strings.Join(paras, ""), nil
}

// paragraphs reads a text of one or more paragraphs, separated by a blank line.
func (f *fileReader) paragraphs(n *yaml.Node, field string) (string, error) {
	paras, err := f.rawText(n, field)
	return strings.Join(paras, "\n\n"), err
}

// texts reads a list of one-paragraph texts and the line of each.
func (f *fileReader) texts(n *yaml.Node, field string) ([]string, []int, error) {
	items, err := f.seq(n, field)
	if err != nil {
		return nil, nil, err
	}
	texts, lines := make([]string, 0, len(items)), make([]int, 0, len(items))
	for _, it := range items {
		t, err := f.text(it, field)
		if err != nil {
			return nil, nil, err
		}
		texts, lines = append(texts, t), append(lines, it.Line)
	}
	return texts, lines, nil
}

// slug matches the codes of the card format: lowercase ASCII words joined by single hyphens.
var slug = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// code reads a code (or a reference to one); "" when empty.
func (f *fileReader) code(n *yaml.Node, field string) (string, error) {
	c, err := f.text(n, field)
	if err != nil || c == "" {
		return c, err
	}
	if !slug.MatchString(c) {
		return "", f.errorf(n, "field %q: invalid code %q: use lowercase letters a-z, digits and single hyphens, e.g. \"developpeur-web\"", field, c)
	}
	return c, nil
}

// number reads a number; nil when empty.
func (f *fileReader) number(n *yaml.Node, field string) (*float64, error) {
	n = resolve(n)
	if isNull(n) {
		return nil, nil
	}
	if n.Kind == yaml.ScalarNode && (n.ShortTag() == "!!int" || n.ShortTag() == "!!float") {
		if x, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64); err == nil {
			return &x, nil
		}
	}
	return nil, f.errorf(n, "field %q: want a number, got %s", field, describe(n))
}

// defaultLanguage gives the dataset's language to professions and skills that set none.
func (r *cardReader) defaultLanguage() {
	if r.language == "" {
		return
	}
	for i := range r.d.Professions {
		if r.d.Professions[i].Language == "" {
			r.d.Professions[i].Language = r.language
		}
	}
	for i := range r.d.Skills {
		if r.d.Skills[i].Language == "" {
			r.d.Skills[i].Language = r.language
		}
	}
}

// pos is where an entry was written: its file, its first line, and the line of each field.
type pos struct {
	file   string
	line   int
	fields map[string]int
}

// at returns the position of one of the entry's fields, or of the entry when the field is
// unknown or absent.
func (p pos) at(field string) (string, int) {
	if l, ok := p.fields[field]; ok {
		return p.file, l
	}
	return p.file, p.line
}

// cardPositions locates the entries of a dataset read from cards, in parallel with the
// dataset's lists. It is the locator the validator reports card errors with.
type cardPositions struct {
	infoPos pos
	nodes   map[career.Kind][]pos
	links   [tableEquivalences + 1][]pos
}

func (c *cardPositions) info(field string) (string, int) { return c.infoPos.at(field) }

func (c *cardPositions) node(kind career.Kind, i int, field string) (string, int) {
	return c.nodes[kind][i].at(field)
}

func (c *cardPositions) link(t linkTable, i int, field string) (string, int) {
	return c.links[t][i].at(field)
}
