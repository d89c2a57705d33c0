package onet_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/dataset"
	"github.com/careergraph/careergraph/dataset/onet"
	"github.com/careergraph/careergraph/dataset/readertest"
	"github.com/careergraph/careergraph/internal/datafiles"
)

// codeOf returns a profession's interest code in d, "" when none.
func codeOf(d *career.Dataset, code string) string {
	for _, in := range d.Interests {
		if in.ProfessionID == "profession:onet:"+code {
			return in.Code
		}
	}
	return ""
}

// The fixture's high-points, as in Interests.txt: 15-1252.00 2, 6, 1; 15-1254.00 6, 2, 0;
// 11-3021.00 6, 5, 2 (1..6 = R I A S E C, 0 none).
func TestFixtureInterests(t *testing.T) {
	d, _, err := onet.Read(fixture().Dir(t))
	if err != nil {
		t.Fatal(err)
	}
	want := []career.Interest{
		{ProfessionID: "profession:onet:15-1252.00", Code: "ICR"},
		{ProfessionID: "profession:onet:15-1254.00", Code: "CI"},
		{ProfessionID: "profession:onet:11-3021.00", Code: "CEI"},
	}
	if !slices.Equal(d.Interests, want) {
		t.Errorf("Interests = %v, want %v", d.Interests, want)
	}
}

func TestReadInterestsStrict(t *testing.T) {
	fx := fixture()
	in := fx[onet.FileInterests]
	for _, c := range []struct {
		behaviour string
		changes   readertest.Files
		want      dataset.ParseError
	}{
		{"a high-point out of range",
			readertest.Files{onet.FileInterests: strings.Replace(in, "Occupational Interest High-Point\t6.0", "Occupational Interest High-Point\t7.0", 1)},
			dataset.ParseError{File: onet.FileInterests, Line: 3, Reason: `invalid Data Value "7.0" on scale IH: want 0 (none) or 1 to 6`}},
		{"a high-point that is not a number",
			readertest.Files{onet.FileInterests: strings.Replace(in, "Occupational Interest High-Point\t6.0", "Occupational Interest High-Point\tC", 1)},
			dataset.ParseError{File: onet.FileInterests, Line: 3, Reason: `invalid Data Value "C": want a number`}},
		{"an unknown element on the high-point scale",
			readertest.Files{onet.FileInterests: strings.Replace(in, "1.B.1.g\tFirst", "1.B.1.j\tFirst", 1)},
			dataset.ParseError{File: onet.FileInterests, Line: 3, Reason: `unknown Element ID "1.B.1.j" on scale IH: want one of 1.B.1.g, 1.B.1.h, 1.B.1.i`}},
		{"a high-point twice",
			readertest.Files{onet.FileInterests: in + "11-3021.00\tComputer and Information Systems Managers\t1.B.1.g\tFirst Interest High-Point\tIH\tOccupational Interest High-Point\t6.0\t11/2023\tMachine Learning\n"},
			dataset.ParseError{File: onet.FileInterests, Line: 14, Reason: "duplicate Element ID 1.B.1.g for 11-3021.00"}},
	} {
		t.Run(c.behaviour, func(t *testing.T) {
			if got := readParseError(t, fx.With(c.changes).Dir(t)); got != c.want {
				t.Errorf("ParseError %#v\nwant       %#v", got, c.want)
			}
		})
	}
}

// TestReadInterestsExcerpt: each of the excerpt's 23 occupations has a first high-point.
func TestReadInterestsExcerpt(t *testing.T) {
	d, _, err := onet.Read(datafiles.Excerpt(t, "onet"))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Interests) != 23 || codeOf(d, "15-1254.00") != "CI" {
		t.Errorf("%d interests, 15-1254.00 %q; want 23, CI", len(d.Interests), codeOf(d, "15-1254.00"))
	}
}

// TestReadInterestsFull: Interests.txt rates 923 of the 1,016 occupations, each with a first
// high-point; Web Developers 6, 2, 0 (CI), Software Developers 2, 6, 1 (ICR).
func TestReadInterestsFull(t *testing.T) {
	d := load(t)
	if len(d.Interests) != 923 {
		t.Errorf("%d interests, want 923", len(d.Interests))
	}
	for code, want := range map[string]string{"15-1254.00": "CI", "15-1252.00": "ICR", "11-3021.00": "CEI"} {
		if got := codeOf(d, code); got != want {
			t.Errorf("%s: code %q, want %q", code, got, want)
		}
	}
}
