package registry

import (
	"bufio"
	"fmt"
	"log/slog"
	"math"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/dataset"
	"github.com/careergraph/careergraph/internal/datafiles"
)

// describeLinks writes equivalences as "from -> to MATCH confidence source".
func describeLinks(eqs []career.Equivalence) []string {
	out := []string{}
	for _, e := range eqs {
		out = append(out, fmt.Sprintf("%s -> %s %s %v %s", e.FromID, e.ToID, e.Match, e.Confidence, e.Source))
	}
	return out
}

// TestReadAddsEquivalencesOfTheExcerpts reads the excerpts as the import does: ESCO with the
// crosswalk in crosswalks/ beside it, ROME with the links computed against the ESCO excerpt
// beside it.
func TestReadAddsEquivalencesOfTheExcerpts(t *testing.T) {
	logger := slog.New(slog.DiscardHandler)
	d, err := Read("rome", datafiles.Excerpt(t, "rome"), logger)
	if err != nil {
		t.Fatal(err)
	}
	// The 33 fiches against the 21 occupations' French labels: 5 fiche names read as an
	// occupation's preferred label, 3 links through alternative names (e.g. the appellation
	// "Forestier / Forestière" of A1205 and ESCO's "forestier").
	want := []string{
		"profession:rome:A1205 -> profession:esco:f04eaeff-52f5-4d52-93ad-6f846884827f  0.9 computed: same alternative title",
		"profession:rome:C1105 -> profession:esco:068c2787-58ff-468e-bbb6-c4e5dd6ee482 CLOSE 0.98 computed: same title",
		"profession:rome:D1102 -> profession:esco:1aadb308-432a-4d01-b54b-b4f7f76dd419 CLOSE 0.98 computed: same title",
		"profession:rome:E1206 -> profession:esco:866c7813-2c03-47d7-9bdc-192cfbace57c  0.9 computed: same alternative title",
		"profession:rome:F1703 -> profession:esco:05f321f8-055b-407d-bf19-e0ddabda56b7 CLOSE 0.98 computed: same title",
		"profession:rome:J1403 -> profession:esco:33da5532-8c4e-4d1b-b52e-c201ee1bc7ab CLOSE 0.98 computed: same title",
		"profession:rome:M1802 -> profession:esco:04ba4d6c-957d-417f-bf63-5b9e015a9f86  0.9 computed: same alternative title",
		"profession:rome:M1855 -> profession:esco:c40a2919-48a9-40ea-b506-1f34f693496d CLOSE 0.98 computed: same title",
	}
	if got := describeLinks(d.Equivalences); !slices.Equal(got, want) {
		t.Errorf("ROME's computed links:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	e, err := Read("esco", datafiles.Excerpt(t, "esco"), logger)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(e.Equivalences); n != 76 {
		t.Errorf("ESCO's crosswalk links: %d, want 76", n)
	}
	o, err := Read("onet", datafiles.Excerpt(t, "onet"), logger)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(o.Equivalences); n != 0 {
		t.Errorf("O*NET declares %d equivalences, want 0 (the crosswalk is ESCO's)", n)
	}
}

// sampleVerdicts reads the hand-checked sample: per source, the links checked and those found
// correct, and the (ROME code, ESCO UUID prefix) of each row.
func sampleVerdicts(t *testing.T) (checked, correct map[string]int, rows [][3]string) {
	t.Helper()
	f, err := os.Open("../testdata/computed-rome-esco-sample.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	checked, correct = map[string]int{}, map[string]int{}
	sc := bufio.NewScanner(f)
	header := true
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			continue
		}
		if header {
			header = false
			continue
		}
		cells := strings.Split(line, "\t")
		if len(cells) != 7 || (cells[5] != "ok" && cells[5] != "wrong") {
			t.Fatalf("sample row %q: want 7 cells and a verdict ok or wrong", line)
		}
		checked[cells[0]]++
		if cells[5] == "ok" {
			correct[cells[0]]++
		}
		rows = append(rows, [3]string{cells[0], strings.Fields(cells[1])[0], strings.Fields(cells[3])[0]})
	}
	return checked, correct, rows
}

// TestComputedConfidencesAreTheSamplesPrecision: each computed source's confidence is its
// precision on the hand-checked sample, (correct + 1) / (checked + 2) rounded to two decimals.
func TestComputedConfidencesAreTheSamplesPrecision(t *testing.T) {
	checked, correct, _ := sampleVerdicts(t)
	for source, confidence := range map[string]float64{
		dataset.SourceSameTitle:    dataset.ConfidenceSameTitle,
		dataset.SourceSameAltTitle: dataset.ConfidenceSameAltTitle,
	} {
		if checked[source] < 40 {
			t.Errorf("%s: %d links checked, want at least 40", source, checked[source])
		}
		p := math.Round(100*float64(correct[source]+1)/float64(checked[source]+2)) / 100
		if p != confidence {
			t.Errorf("%s: %d of %d correct gives %v, but the confidence is %v", source, correct[source], checked[source], p, confidence)
		}
	}
	if got := []int{checked[dataset.SourceSameTitle], correct[dataset.SourceSameTitle], checked[dataset.SourceSameAltTitle], correct[dataset.SourceSameAltTitle]}; !slices.Equal(got, []int{40, 40, 40, 37}) {
		t.Errorf("checked and correct per source = %v, want [40 40 40 37]", got)
	}
}

// TestComputedLinksOfTheFullData computes the ROME → ESCO links on the full data: their counts,
// and every link of the hand-checked sample among them with its source.
func TestComputedLinksOfTheFullData(t *testing.T) {
	d, err := Read("rome", datafiles.Full(t, "rome"), slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	sources := map[string]int{}
	fiches, occupations := map[string]bool{}, map[string]bool{}
	links := map[[2]string]string{}
	for _, e := range d.Equivalences {
		sources[e.Source]++
		fiches[e.FromID], occupations[e.ToID] = true, true
		_, _, code, _ := career.ParseID(e.FromID)
		_, _, uuid, _ := career.ParseID(e.ToID)
		links[[2]string{code, uuid[:8]}] = e.Source
	}
	got := []int{len(d.Equivalences), sources[dataset.SourceSameTitle], sources[dataset.SourceSameAltTitle], len(fiches), len(occupations)}
	// 1,499 links: 266 same title, 1,233 same alternative title; from 777 of the 1,584 fiches to
	// 1,281 of the 3,007 occupations.
	if want := []int{1499, 266, 1233, 777, 1281}; !slices.Equal(got, want) {
		t.Errorf("links, same title, same alternative title, fiches, occupations = %v, want %v", got, want)
	}
	_, _, rows := sampleVerdicts(t)
	for _, r := range rows {
		if src := links[[2]string{r[1], r[2]}]; src != r[0] {
			t.Errorf("sample link %s -> %s: computed with source %q, want %q", r[1], r[2], src, r[0])
		}
	}
}
