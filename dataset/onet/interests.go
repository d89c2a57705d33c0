package onet

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/dataset"
)

// FileInterests holds the occupations' interest profiles (scale OI) and high-point codes
// (scale IH).
const FileInterests = "Interests.txt"

// The scale and elements of the high-point code: the first, second and third interest
// high-points (Content Model Reference 1.B.1.g, h, i), in the order of the code's letters.
const scaleHighPoint = "IH"

var highPointElements = []string{"1.B.1.g", "1.B.1.h", "1.B.1.i"}

// highPointLetter maps a high-point's Data Value to its letter: the values 1 to 6 number the
// interest elements 1.B.1.a to 1.B.1.f (Realistic, Investigative, Artistic, Social,
// Enterprising, Conventional), as Scales Reference.txt gives IH a range of 0 to 6; 0 is "no
// high-point" (fewer than three interests meet the minimum descriptiveness).
func highPointLetter(v float64) (byte, bool) {
	n := int(v)
	if float64(n) != v || n < 1 || n > len(career.RiasecLetters) {
		return 0, false
	}
	return career.RiasecLetters[n-1], true
}

// readInterests reads each occupation's high-point code from Interests.txt; the OI scores are
// not read.
func (r *reader) readInterests() error {
	t, err := openTable(r.dir, FileInterests, colCode, colElemID, colScaleID, colValue)
	if err != nil {
		return err
	}
	defer t.Close()
	ci, ei, si, vi := t.Col(colCode), t.Col(colElemID), t.Col(colScaleID), t.Col(colValue)
	points := make(map[int]*[3]byte, 1000)
	seen := make(map[[2]int]bool, 3000)
	err = t.Each(func(rec []string) error {
		if strings.TrimSpace(rec[si]) != scaleHighPoint {
			return nil
		}
		pos := -1
		for i, e := range highPointElements {
			if strings.TrimSpace(rec[ei]) == e {
				pos = i
			}
		}
		if pos < 0 {
			return t.Errorf("unknown %s %q on scale %s: want one of %s", colElemID, rec[ei], scaleHighPoint, strings.Join(highPointElements, ", "))
		}
		v, err := strconv.ParseFloat(strings.TrimSpace(rec[vi]), 64)
		if err != nil {
			return t.Errorf("invalid %s %q: want a number", colValue, rec[vi])
		}
		letter, ok := highPointLetter(v)
		if !ok && v != 0 {
			return t.Errorf("invalid %s %q on scale %s: want 0 (none) or 1 to %d", colValue, rec[vi], scaleHighPoint, len(career.RiasecLetters))
		}
		p, known := r.prof(t, strings.TrimSpace(rec[ci]))
		if !known {
			return nil
		}
		if seen[[2]int{p, pos}] {
			return t.Errorf("duplicate %s %s for %s", colElemID, rec[ei], rec[ci])
		}
		seen[[2]int{p, pos}] = true
		if points[p] == nil {
			points[p] = &[3]byte{}
		}
		points[p][pos] = letter
		return nil
	})
	if err != nil {
		return err
	}
	for i := range r.d.Professions {
		pt := points[i]
		if pt == nil {
			continue
		}
		var code []byte
		for _, l := range pt {
			if l == 0 {
				break
			}
			code = append(code, l)
		}
		if len(code) == 0 {
			continue
		}
		if !career.ValidRiasec(string(code)) {
			r.warn(dataset.Warning{File: FileInterests, Reason: fmt.Sprintf("%s: high-points %q repeat a letter: no interest code", r.d.Professions[i].Code, string(code))})
			continue
		}
		r.d.Interests = append(r.d.Interests, career.Interest{ProfessionID: r.d.Professions[i].ID, Code: string(code)})
	}
	return nil
}

// ReadInterests reads only the interest codes of the O*NET export in dir (Occupation Data.txt
// and Interests.txt), by the same rules as Read: for a dataset that borrows them through a
// crosswalk (ESCO). Malformed files fail with a *dataset.ParseError.
func ReadInterests(dir string) ([]career.Interest, error) {
	r := &reader{dir: dir, d: &career.Dataset{}, profIdx: make(map[string]int, 1100)}
	for _, step := range []func() error{r.readOccupations, r.readInterests} {
		if err := step(); err != nil {
			return nil, fmt.Errorf("read O*NET interests from %s: %w", dir, err)
		}
	}
	return r.d.Interests, nil
}
