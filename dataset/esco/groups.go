package esco

import (
	"fmt"
	"strings"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/dataset"
)

// iscoLevels name the levels of ISCO-08 groups by the length of their code: 1 digit for a
// major group, 2 for a sub-major group, 3 for a minor group, 4 for a unit group.
var iscoLevels = [...]string{1: "ISCO-08 major group", 2: "ISCO-08 sub-major group", 3: "ISCO-08 minor group", 4: "ISCO-08 unit group"}

// iscoGroups are the ISCO-08 groups of ISCOGroups_fr.csv, read as occupation groups.
type iscoGroups struct {
	list   []*iscoGroup          // in file order
	byCode map[string]*iscoGroup // by ISCO code
	byURI  map[string]*iscoGroup // by concept URI
}

// iscoGroup is one ISCO group and the line it was read from.
type iscoGroup struct {
	career.OccupationGroup
	line int
}

// add adds the group of the current row of ISCOGroups_fr.csv: its code must be 1 to 4 digits,
// given once, and its label not empty.
func (g *iscoGroups) add(t *dataset.Table, code, label, uri string) error {
	if g.byCode == nil {
		g.byCode = make(map[string]*iscoGroup, 700)
		g.byURI = make(map[string]*iscoGroup, 700)
	}
	line := t.Line()
	if len(code) < 1 || len(code) > 4 || strings.Trim(code, "0123456789") != "" {
		return t.ErrorAt(line, "ISCO group code %q: want 1 to 4 digits", code)
	}
	if first, dup := g.byCode[code]; dup {
		return t.ErrorAt(line, "duplicate ISCO group code %q (first at line %d)", code, first.line)
	}
	if label == "" {
		return t.ErrorAt(line, "ISCO group %q has no preferredLabel", code)
	}
	n := &iscoGroup{line: line, OccupationGroup: career.OccupationGroup{
		ID: career.MakeID(career.KindGroup, Name, code), Dataset: Name, Code: code, Name: label, Level: iscoLevels[len(code)],
	}}
	g.list = append(g.list, n)
	g.byCode[code] = n
	if uri != "" {
		g.byURI[uri] = n
	}
	return nil
}

// link sets each group's broader group from the codes: a group's broader group is the group
// whose code is its code less its last digit ("2512" → "251"). A group whose broader group is
// not in the file is kept without one, with a warning.
func (r *reader) linkISCOGroups() {
	g := &r.grp
	for _, n := range g.list {
		if len(n.Code) == 1 {
			continue
		}
		parent := n.Code[:len(n.Code)-1]
		b := g.byCode[parent]
		if b == nil {
			r.warn(dataset.Warning{File: fileISCOGroupsFR, Line: n.line,
				Reason: fmt.Sprintf("ISCO group %s: its broader group %s is not in the file: kept without a broader group", n.Code, parent)})
			continue
		}
		n.BroaderID = b.ID
	}
}

// groups returns the occupation groups, in file order.
func (g *iscoGroups) groups() []career.OccupationGroup {
	out := make([]career.OccupationGroup, len(g.list))
	for i, n := range g.list {
		out[i] = n.OccupationGroup
	}
	return out
}

// checkISCOBroader checks a row of broaderRelationsOccPillar.csv that involves an ISCO group
// against what the codes say: an ISCO group's broader group is the one its code names (see
// link), and an occupation's broader ISCO group is its iscoGroup. A row naming a concept the
// files do not hold is skipped; a row contradicting the codes is an error.
func (r *reader) checkISCOBroader(t *dataset.Table, line int, typ, uri, broaderURI string) error {
	b := r.grp.byURI[broaderURI]
	if b == nil {
		return nil
	}
	switch typ {
	case "ISCOGroup":
		if n := r.grp.byURI[uri]; n != nil && n.BroaderID != b.ID {
			return t.ErrorAt(line, "ISCO group %s is under %s here, but its code %s puts it under %q", uri, broaderURI, n.Code, n.BroaderID)
		}
	case "Occupation":
		if oi, ok := r.occIndex[uri]; ok && r.occs[oi].isco != b.Code {
			return t.ErrorAt(line, "occupation %s is under ISCO group %s here, but its iscoGroup is %q", uri, b.Code, r.occs[oi].isco)
		}
	}
	return nil
}
