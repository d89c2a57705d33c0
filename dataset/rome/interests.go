package rome

import (
	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/dataset"
)

// The bloc of unix_liens_rome_referentiels that links fiches to contextes de travail.
const blocContextes = "6"

// readContextes reads the referential of contextes de travail (working conditions).
func (r *reader) readContextes() error {
	r.contextes = map[string]string{}
	cols := []string{"code_ogr", "libelle_cont_travail"}
	return r.forEach(FileContextes, cols, func(t *dataset.Table, c []int) error {
		ogr, err := required(t, c[0], cols[0])
		if err != nil {
			return err
		}
		label, err := required(t, c[1], cols[1])
		if err != nil {
			return err
		}
		if _, dup := r.contextes[ogr]; dup {
			return t.Errorf("duplicate code_ogr %q", ogr)
		}
		r.contextes[ogr] = label
		return nil
	})
}

// readContexteLink reads a link of bloc 6 (columns as readLiens reads them): a fiche's
// contexte de travail, kept in the file's order.
func (r *reader) readContexteLink(t *dataset.Table, c []int) error {
	code, err := required(t, c[0], "code_rome")
	if err != nil {
		return err
	}
	ogr, err := required(t, c[2], "code_ogr")
	if err != nil {
		return err
	}
	f := r.fiche(t, code)
	if f == nil {
		return nil
	}
	label, ok := r.contextes[ogr]
	if !ok {
		r.warn(t.Warnf("unknown code_ogr %q (not in %s): work context dropped", ogr, FileContextes))
		return nil
	}
	f.contexts = append(f.contexts, label)
	return nil
}

// readRiasec reads each fiche's Holland code: riasec_majeur, then riasec_mineur when given.
func (r *reader) readRiasec() error {
	cols := []string{"code_rome", "riasec_majeur", "riasec_mineur"}
	return r.forEach(FileRiasec, cols, func(t *dataset.Table, c []int) error {
		code, err := required(t, c[0], cols[0])
		if err != nil {
			return err
		}
		major, err := required(t, c[1], cols[1])
		if err != nil {
			return err
		}
		minor := Clean(t.Record()[c[2]])
		riasec := major + minor
		if len(major) != 1 || len(minor) > 1 || !career.ValidRiasec(riasec) {
			return t.Errorf("riasec_majeur %q and riasec_mineur %q: want one letter of %s each, two different ones",
				major, t.Record()[c[2]], career.RiasecLetters)
		}
		f := r.fiche(t, code)
		if f == nil {
			return nil
		}
		if f.riasec != "" {
			return t.Errorf("duplicate code_rome %q", code)
		}
		f.riasec = riasec
		return nil
	})
}

// buildInterests adds the fiches' Holland codes and work contexts to d, fiche by fiche in file
// order.
func (r *reader) buildInterests(d *career.Dataset) {
	for _, f := range r.order {
		pid := career.MakeID(career.KindProfession, Name, f.code)
		if f.riasec != "" {
			d.Interests = append(d.Interests, career.Interest{ProfessionID: pid, Code: f.riasec})
		}
		for _, text := range f.contexts {
			d.WorkContexts = append(d.WorkContexts, career.WorkContext{ProfessionID: pid, Text: text})
		}
	}
}
