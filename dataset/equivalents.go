package dataset

import (
	"go.yaml.in/yaml/v3"

	"github.com/careergraph/careergraph/career"
)

// equivalentFields are the fields of an entry of a card's equivalents.
var equivalentFields = []string{"profession", "match"}

// equivalent reads one entry of a card's equivalents: {profession: <global ID>, match: <enum>},
// a link chosen by hand (source career.SourceCurated, confidence 1) to a profession of another
// dataset, which need not be loaded.
func (f *fileReader) equivalent(professionID string, n *yaml.Node) error {
	var e career.Equivalence
	var err error
	lines, err := f.fields(n, "an equivalents entry", equivalentFields, func(key string, _, v *yaml.Node) error {
		var text string
		text, err = f.text(v, key)
		if key == "profession" {
			e.ToID = text
		} else {
			e.Match = career.EquivalenceMatch(text)
		}
		return err
	})
	if err != nil {
		return err
	}
	if err := f.required(n, lines, "profession", "match"); err != nil {
		return err
	}
	e.FromID, e.Source, e.Confidence = professionID, career.SourceCurated, 1
	f.d.Equivalences = append(f.d.Equivalences, e)
	f.pos.links[tableEquivalences] = append(f.pos.links[tableEquivalences], pos{file: f.file, line: n.Line, fields: lines})
	return nil
}
