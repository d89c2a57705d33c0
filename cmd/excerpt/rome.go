package main

import (
	"fmt"
	"strings"

	"github.com/careergraph/careergraph/dataset/rome"
)

// cutROME cuts the ROME excerpt: the fiches of romeFiches and the fiches they specialise, and of
// every file rome.Read reads, the rows of those fiches. A compétence or savoir is kept when a
// kept fiche links it (bloc 5 of the links file), a contexte de travail when a kept fiche links
// it (bloc 6), a domaine professionnel (and its grand domaine) when a kept fiche belongs to it.
// A row that links two codes is kept when both are: a move when both its fiches are, a link or
// coherence row when its code_ogr is a kept fiche, appellation, compétence, savoir or contexte
// de travail. The kept fiches' RIASEC codes are kept.
func cutROME(from string) ([]cut, error) {
	tables := map[string]*table{}
	for _, name := range rome.Files() {
		t, err := readTable(from, name, ',')
		if err != nil {
			return nil, fmt.Errorf("rome: %w", err)
		}
		tables[name] = t
	}
	fiches, err := romeClosure(tables[rome.FileFiches], romeFiches)
	if err != nil {
		return nil, err
	}

	liens, err := tables[rome.FileLiens].where([]string{"code_rome"}, fiches)
	if err != nil {
		return nil, fmt.Errorf("rome: %w", err)
	}
	bloc, err := tables[rome.FileLiens].col("code_compo_bloc")
	if err != nil {
		return nil, fmt.Errorf("rome: %w", err)
	}
	ogr, err := tables[rome.FileLiens].col("code_ogr")
	if err != nil {
		return nil, fmt.Errorf("rome: %w", err)
	}
	items, contextes := set{}, set{}
	for _, r := range liens {
		switch r.fields[bloc] {
		case romeBlocCompetences:
			items.add(r.fields[ogr])
		case romeBlocContextes:
			contextes.add(r.fields[ogr])
		}
	}
	domaines, grands := set{}, set{}
	for code := range fiches {
		domaines.add(code[:3])
		grands.add(code[:1])
	}
	// The code_ogr of every kept record: the fiches, their appellations, the items.
	known := set{}
	for u := range items {
		known.add(u)
	}
	for u := range contextes {
		known.add(u)
	}
	for _, file := range []string{rome.FileFiches, rome.FileAppellation} {
		t := tables[file]
		rows, err := t.where([]string{"code_rome"}, fiches)
		if err != nil {
			return nil, fmt.Errorf("rome: %w", err)
		}
		i, err := t.col("code_ogr")
		if err != nil {
			return nil, fmt.Errorf("rome: %w", err)
		}
		for _, r := range rows {
			known.add(r.fields[i])
		}
	}

	var cuts []cut
	for _, c := range []struct {
		file string
		cols []string
		in   []set
	}{
		{rome.FileGrandDomain, []string{"code_grand_domaine"}, []set{grands}},
		{rome.FileDomaines, []string{"code_domaine_professionnel"}, []set{domaines}},
		{rome.FileFiches, []string{"code_rome"}, []set{fiches}},
		{rome.FileAppellation, []string{"code_rome"}, []set{fiches}},
		{rome.FileTexte, []string{"code_rome"}, []set{fiches}},
		{rome.FileCompetence, []string{"code_ogr"}, []set{items}},
		{rome.FileSavoir, []string{"code_ogr_savoir"}, []set{items}},
		{rome.FileCoherence, []string{"code_rome", "code_ogr"}, []set{fiches, known}},
		{rome.FileLiens, []string{"code_rome", "code_ogr"}, []set{fiches, known}},
		{rome.FileMobilite, []string{"code_rome", "code_rome_cible"}, []set{fiches, fiches}},
		{rome.FileContextes, []string{"code_ogr"}, []set{contextes}},
		{rome.FileRiasec, []string{"code_rome"}, []set{fiches}},
	} {
		t := tables[c.file]
		rows, err := t.where(c.cols, c.in...)
		if err != nil {
			return nil, fmt.Errorf("rome: %w", err)
		}
		cuts = append(cuts, cut{t: t, rows: rows})
	}
	return cuts, nil
}

// romeBlocCompetences is the code_compo_bloc of the links from fiches to compétences and
// savoirs, the links rome.Read turns into requirements and tool uses.
const romeBlocCompetences = "5"

// romeBlocContextes is the code_compo_bloc of the links from fiches to contextes de travail,
// the links rome.Read turns into work contexts.
const romeBlocContextes = "6"

// romeClosure returns the codes given and, recursively, the fiches they specialise
// (code_rome_parent), failing on a code the fiches file does not have.
func romeClosure(t *table, codes []string) (set, error) {
	code, err := t.col("code_rome")
	if err != nil {
		return nil, err
	}
	parent, err := t.col("code_rome_parent")
	if err != nil {
		return nil, err
	}
	parents := map[string]string{}
	for _, r := range t.rows {
		parents[r.fields[code]] = r.fields[parent]
	}
	out := set{}
	for _, c := range codes {
		for c != "" && !out[c] {
			p, ok := parents[c]
			if !ok {
				return nil, fmt.Errorf("rome: no fiche %s in %s", c, t.file)
			}
			out.add(c)
			c = strings.TrimSpace(p)
		}
	}
	return out, nil
}
