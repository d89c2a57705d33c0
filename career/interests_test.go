package career

import (
	"slices"
	"testing"
)

func TestParseRiasec(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"IRC", "IRC"}, {"irc", "IRC"}, {"e", "E"}, {"Sa", "SA"},
	} {
		got, err := ParseRiasec(c.in)
		if err != nil || got != c.want {
			t.Errorf("ParseRiasec(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
	const form = `; want 1 to 3 distinct letters of RIASEC (strongest first, e.g. "IRC")`
	for _, c := range []struct{ in, msg string }{
		{"", `riasec "": 0 letters` + form},
		{"RIAS", `riasec "RIAS": 4 letters` + form},
		{"RX", `riasec "RX": "X" is not a RIASEC letter` + form},
		{"rir", `riasec "rir": "R" appears twice` + form},
		{"I C", `riasec "I C": " " is not a RIASEC letter` + form},
	} {
		_, err := ParseRiasec(c.in)
		if ErrorCode(err) != EINVALID || ErrorMessage(err) != c.msg {
			t.Errorf("ParseRiasec(%q) error %v; want %s: %s", c.in, err, EINVALID, c.msg)
		}
	}
}

func TestRiasecScore(t *testing.T) {
	for _, c := range []struct {
		person, profession string
		want               float64
	}{
		{"IRC", "IRC", 1},
		{"IRC", "IR", 27.0 / 28},
		{"IRC", "CRI", (4 + 5 + 4) / 28.0},
		{"IRC", "RIC", (10 + 10 + 1) / 28.0},
		{"IRC", "I", 22.0 / 28},
		{"IRC", "SAE", 0},
		{"I", "ICR", 1},
		{"I", "CI", 10.0 / 22},
		{"IC", "CI", 20.0 / 27},
		{"IC", "R", 0},
	} {
		if got := RiasecScore(c.person, c.profession); got != c.want {
			t.Errorf("RiasecScore(%q, %q) = %v, want %v", c.person, c.profession, got, c.want)
		}
	}
}

func TestInterestLevels(t *testing.T) {
	levels := InterestLevels("R")
	// R first (22): R and R followed by any one or two others; R second (10); R third (4).
	if len(levels) != 3 {
		t.Fatalf("%d levels, want 3: %v", len(levels), levels)
	}
	want := []float64{1, 10.0 / 22, 4.0 / 22}
	counts := []int{1 + 5 + 20, 5 + 20, 20}
	for i, l := range levels {
		if l.Score != want[i] || len(l.Codes) != counts[i] {
			t.Errorf("level %d: score %v with %d codes, want %v with %d", i, l.Score, len(l.Codes), want[i], counts[i])
		}
	}
	if first := levels[0].Codes[:3]; !slices.Equal(first, []string{"R", "RA", "RAC"}) {
		t.Errorf("first codes %v, want [R RA RAC]", first)
	}
	total := 0
	for _, l := range InterestLevels("IRC") {
		total += len(l.Codes)
	}
	// Every code but those made only of A, S and E: 156 - (3 + 6 + 6).
	if total != 141 {
		t.Errorf("IRC: %d codes score above 0, want 141", total)
	}
}

func TestAgreedRiasec(t *testing.T) {
	for _, c := range []struct {
		codes []string
		want  string
	}{
		{nil, ""},
		{[]string{""}, ""},
		{[]string{"CI"}, "CI"},
		{[]string{"CI", "", "CI"}, "CI"},
		{[]string{"CI", "IC"}, ""},
		{[]string{"", "ICR", "IC"}, ""},
	} {
		if got := AgreedRiasec(c.codes); got != c.want {
			t.Errorf("AgreedRiasec(%q) = %q, want %q", c.codes, got, c.want)
		}
	}
}

func TestInLanguage(t *testing.T) {
	texts := []Text{{NodeID: "profession:esco:x", Lang: "en", Name: "web developer", Description: "Builds sites."}}
	name := func(t *Text) string { return t.Name }
	summary := func(t *Text) string { return t.Summary }
	for _, c := range []struct {
		lang, def string
		get       func(*Text) string
		want      string
	}{
		{"", "développeur web", name, "développeur web"},
		{"fr", "développeur web", name, "développeur web"},
		{"en", "développeur web", name, "web developer"},
		{"EN", "développeur web", name, "web developer"},
		{"de", "développeur web", name, "développeur web"},
		{"en", "Développe des sites.", summary, "Développe des sites."}, // no English summary
	} {
		if got := InLanguage(texts, c.lang, c.def, c.get); got != c.want {
			t.Errorf("InLanguage(%q) = %q, want %q", c.lang, got, c.want)
		}
	}
	if got := Languages("fr", texts); !slices.Equal(got, []string{"fr", "en"}) {
		t.Errorf("Languages = %v, want [fr en]", got)
	}
	if got := Languages("en", nil); !slices.Equal(got, []string{"en"}) {
		t.Errorf("Languages = %v, want [en]", got)
	}
	if got := SearchNames(texts); !slices.Equal(got, []string{"web developer"}) {
		t.Errorf("SearchNames = %v, want [web developer]", got)
	}
}
