// Package textsearchtest reads the real names the text-matching tests and benchmarks run on:
// ROME appellations and ESCO occupations from the full data (skipping when it is not set, see
// internal/datafiles), and search queries made from them.
package textsearchtest

import (
	"encoding/csv"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/careergraph/careergraph/internal/datafiles"
	"github.com/careergraph/careergraph/textsearch"
)

// Appellation is a ROME appellation: its code and its long and short labels.
type Appellation struct {
	Code, Long, Short string
}

// Texts returns the names textsearch.MatchText takes: the long label, then the short one when it differs.
func (a Appellation) Texts() []string {
	if a.Short == a.Long || a.Short == "" {
		return []string{a.Long}
	}
	return []string{a.Long, a.Short}
}

// ReadCSV reads a CSV file of the shared data (a header row, then records) into maps keyed by
// the header's column names.
func ReadCSV(tb testing.TB, elem ...string) []map[string]string {
	tb.Helper()
	path := datafiles.Full(tb, elem...)
	f, err := os.Open(path)
	if err != nil {
		tb.Fatalf("open %s: %v", path, err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	header, err := r.Read()
	if err != nil {
		tb.Fatalf("read header of %s: %v", path, err)
	}
	var rows []map[string]string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			tb.Fatalf("read %s: %v", path, err)
		}
		row := make(map[string]string, len(header))
		for i, h := range header {
			row[h] = rec[i]
		}
		rows = append(rows, row)
	}
	return rows
}

// RomeAppellations reads the 13,120 ROME v460 appellations.
func RomeAppellations(tb testing.TB) []Appellation {
	tb.Helper()
	var out []Appellation
	for _, row := range ReadCSV(tb, "rome", "unix_referentiel_appellation_v460_utf8.csv") {
		out = append(out, Appellation{Code: row["code_ogr"], Long: row["libelle_appellation_long"], Short: row["libelle_appellation_court"]})
	}
	return out
}

// EscoOccupations reads the French names of the 3,007 ESCO occupations: the preferred label,
// then the alternative labels.
func EscoOccupations(tb testing.TB) [][]string {
	tb.Helper()
	var out [][]string
	for _, row := range ReadCSV(tb, "esco", "occupations_fr.csv") {
		texts := []string{row["preferredLabel"]}
		for _, alt := range strings.Split(row["altLabels"], "\n") {
			if strings.TrimSpace(alt) != "" {
				texts = append(texts, alt)
			}
		}
		out = append(out, texts)
	}
	return out
}

// RealQueries returns search queries made from real names: prefixes, whole words, feminine
// readings, whole names; one set for every step-th name.
func RealQueries(names [][]string, step int) []string {
	queries := []string{"d", "de", "dév", "chef", "cheffe de", "boulangère", "directrice technique", "agent(e)", "développeur·euse", "a b"}
	for i := 0; i < len(names); i += step {
		name := names[i][0]
		vs := textsearch.Variants(name)
		toks := textsearch.Tokens(vs[0])
		queries = append(queries, name, vs[len(vs)-1], toks[0])
		if len(vs) > 1 {
			queries = append(queries, vs[1])
		}
		if r := []rune(toks[0]); len(r) > 3 {
			queries = append(queries, string(r[:3]))
		}
		if len(toks) > 2 {
			queries = append(queries, toks[len(toks)-1]+" "+toks[0][:1])
		}
	}
	return queries
}
