package registry

import (
	"log/slog"
	"testing"
)

func TestNames(t *testing.T) {
	if got, want := Names(), "seed, esco, onet, rome"; got != want {
		t.Errorf("Names() = %q, want %q", got, want)
	}
}

func TestParseFlag(t *testing.T) {
	name, dir, err := ParseFlag("rome=/data/rome")
	if name != "rome" || dir != "/data/rome" || err != nil {
		t.Errorf(`ParseFlag("rome=/data/rome") = %q, %q, %v; want "rome", "/data/rome", nil`, name, dir, err)
	}
	for _, v := range []string{"rome", "=/data/rome", "rome="} {
		_, _, err := ParseFlag(v)
		want := `--dataset "` + v + `": want name=DIR, e.g. rome=/data/rome`
		if err == nil || err.Error() != want {
			t.Errorf("ParseFlag(%q): got %v, want %q", v, err, want)
		}
	}
}

func TestReadWithSeed(t *testing.T) {
	logger := slog.New(slog.DiscardHandler)
	all, err := ReadWithSeed(nil, logger)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 1 || all[0].Info.Name != "seed" || len(all[0].Professions) != 8 {
		t.Errorf("ReadWithSeed(nil): %d datasets, want the seed alone with its 8 professions", len(all))
	}
	for _, tc := range []struct{ flag, want string }{
		{"seed=/data", "--dataset seed: the seed is always loaded"},
		{"nope=/data", `unknown dataset "nope": want one of seed, esco, onet, rome`},
		{"rome", `--dataset "rome": want name=DIR, e.g. rome=/data/rome`},
	} {
		if _, err := ReadWithSeed([]string{tc.flag}, logger); err == nil || err.Error() != tc.want {
			t.Errorf("%s: got %v, want %q", tc.flag, err, tc.want)
		}
	}
}
