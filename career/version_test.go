package career_test

import (
	"regexp"
	"testing"

	"github.com/careergraph/careergraph/career"
)

func TestDataVersion(t *testing.T) {
	// The SHA-256 of "4:rome21:sw1y-8899aabbccddeeff4:seed21:sw1x-0011223344556677", cut to 16 bytes.
	gens := map[string]string{"seed": "sw1x-0011223344556677", "rome": "sw1y-8899aabbccddeeff"}
	if got, want := career.DataVersion(gens), "598419be4d6c62e412085637d108806f"; got != want {
		t.Errorf("DataVersion = %s, want %s", got, want)
	}
	if got, want := career.DataVersion(map[string]string{}), career.DataVersion(nil); got != want {
		t.Errorf("no datasets: %s and %s", got, want)
	}
	// Length prefixes keep names and generations apart.
	if a, b := career.Digest(map[string]string{"a": "bc"}), career.Digest(map[string]string{"ab": "c"}); a == b {
		t.Errorf("a=bc and ab=c have the same digest %s", a)
	}
	if a, b := career.Digest(map[string]string{"a": "b", "c": "d"}), career.Digest(map[string]string{"a": "b1:cd"}); a == b {
		t.Errorf("two pairs and one have the same digest %s", a)
	}
}

func TestNewGeneration(t *testing.T) {
	a, b := career.NewGeneration(), career.NewGeneration()
	shape := regexp.MustCompile(`^[0-9a-z]+-[0-9a-f]{16}$`)
	if !shape.MatchString(a) || !shape.MatchString(b) || a == b {
		t.Errorf("generations %q and %q: want two distinct <base36 time>-<16 hex digits>", a, b)
	}
}
