package esco

import "github.com/careergraph/careergraph/career"

// langEN is the code of ESCO's English texts, served besides the French ones.
const langEN = "en"

// englishText returns the English texts of an occupation whose default texts are French, from
// its row of occupations_en.csv (en, nil when absent): its preferred label and description;
// nil when its default texts are already English or it has no English text.
func englishText(p *career.Profession, en *occRow) *career.Text {
	if p.Language == langEN || en == nil {
		return nil
	}
	t := career.Text{NodeID: p.ID, Lang: langEN, Name: clean(en.label)}
	t.Summary, t.Description = paragraphs(en.desc)
	if t.Name == "" && t.Description == "" {
		return nil
	}
	return &t
}
