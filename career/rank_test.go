package career_test

import (
	"fmt"
	"reflect"
	"slices"
	"testing"

	"github.com/careergraph/careergraph/career"
)

func TestCompareKeys(t *testing.T) {
	for _, c := range []struct {
		ka, ia, kb, ib string
		want           int
	}{
		{"a", "2", "b", "1", -1},
		{"b", "1", "a", "2", 1},
		{"a", "1", "a", "2", -1},
		{"a", "2", "a", "1", 1},
		{"a", "1", "a", "1", 0},
	} {
		if got := career.CompareKeys(c.ka, c.ia, c.kb, c.ib); got != c.want {
			t.Errorf("career.CompareKeys(%q, %q, %q, %q) = %d, want %d", c.ka, c.ia, c.kb, c.ib, got, c.want)
		}
	}
}

func TestSortRanked(t *testing.T) {
	items := []career.Ranked{
		{Score: 0.5, SortKey: "b", ID: "1"},
		{Score: 1, SortKey: "z", ID: "9"},
		{Score: 0.5, SortKey: "a", ID: "2"},
		{Score: 0.5, SortKey: "a", ID: "1"},
	}
	career.SortRanked(items, func(r career.Ranked) career.Ranked { return r })
	want := []career.Ranked{
		{Score: 1, SortKey: "z", ID: "9"},
		{Score: 0.5, SortKey: "a", ID: "1"},
		{Score: 0.5, SortKey: "a", ID: "2"},
		{Score: 0.5, SortKey: "b", ID: "1"},
	}
	if !reflect.DeepEqual(items, want) {
		t.Errorf("career.SortRanked = %v, want %v", items, want)
	}
}

func TestEssentialFirst(t *testing.T) {
	for _, c := range []struct {
		a, b career.Importance
		want int
	}{
		{career.Essential, career.Optional, -1},
		{career.Optional, career.Essential, 1},
		{career.Essential, career.Essential, 0},
		{career.Optional, career.Optional, 0},
	} {
		if got := career.EssentialFirst(c.a, c.b); got != c.want {
			t.Errorf("career.EssentialFirst(%s, %s) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

// held builds requirements of skills named by their IDs: "e" or "o" for the importance, then
// "+" when held.
func held(specs ...string) ([]career.HeldRequirement, map[string]*career.Skill) {
	skills := map[string]*career.Skill{}
	out := make([]career.HeldRequirement, len(specs))
	for i, spec := range specs {
		s := &career.Skill{ID: spec}
		skills[spec] = s
		imp := career.Optional
		if spec[0] == 'e' {
			imp = career.Essential
		}
		out[i] = career.HeldRequirement{Skill: s, Importance: imp, Held: spec[len(spec)-1] == '+'}
	}
	return out, skills
}

func ids(skills []*career.Skill) []string {
	out := make([]string, len(skills))
	for i, s := range skills {
		out[i] = s.ID
	}
	return out
}

func TestCoverage(t *testing.T) {
	for _, c := range []struct {
		specs []string
		want  float64
	}{
		{nil, 1},
		{[]string{"o1", "o2+"}, 1},
		{[]string{"e1", "e2+", "o3+", "e4"}, 1.0 / 3},
		{[]string{"e1+", "e2+"}, 1},
		{[]string{"e1", "o2+"}, 0},
	} {
		reqs, _ := held(c.specs...)
		if got := career.Coverage(reqs); got != c.want {
			t.Errorf("career.Coverage(%v) = %v, want %v", c.specs, got, c.want)
		}
	}
}

func TestSplitRequirements(t *testing.T) {
	reqs, _ := held("o1", "e2+", "e3", "o4+", "e5", "o6")
	matched, missing := career.SplitRequirements(reqs)
	if got, want := ids(matched), []string{"e2+", "o4+"}; !reflect.DeepEqual(got, want) {
		t.Errorf("matched = %v, want %v", got, want)
	}
	if got, want := ids(missing), []string{"e3", "e5", "o1", "o6"}; !reflect.DeepEqual(got, want) {
		t.Errorf("missing = %v, want %v", got, want)
	}
	matched, missing = career.SplitRequirements(nil)
	if matched == nil || missing == nil || len(matched) != 0 || len(missing) != 0 {
		t.Errorf("career.SplitRequirements(nil) = %#v, %#v, want two empty non-nil lists", matched, missing)
	}
}

func TestNewSkillGap(t *testing.T) {
	from, to := &career.Profession{ID: "from"}, &career.Profession{ID: "to"}
	reqs, _ := held("o1", "e2+", "e3", "o4+")
	hammer, saw := &career.Tool{ID: "hammer"}, &career.Tool{ID: "saw"}
	gap := career.NewSkillGap(from, to, reqs, []career.HeldTool{{Tool: hammer, Held: true}, {Tool: saw}}, nil)
	if gap.From != from || gap.To != to {
		t.Errorf("From, To = %s, %s, want from, to", gap.From.ID, gap.To.ID)
	}
	if got, want := ids(gap.Shared), []string{"e2+", "o4+"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Shared = %v, want %v", got, want)
	}
	var missing []string
	for _, r := range gap.Missing {
		missing = append(missing, r.Skill.ID+":"+string(r.Importance))
	}
	if want := []string{"e3:ESSENTIAL", "o1:OPTIONAL"}; !reflect.DeepEqual(missing, want) {
		t.Errorf("Missing = %v, want %v", missing, want)
	}
	if len(gap.MissingTools) != 1 || gap.MissingTools[0] != saw {
		t.Errorf("MissingTools = %v, want [saw]", gap.MissingTools)
	}
	if gap.Coverage != 0.5 {
		t.Errorf("Coverage = %v, want 0.5", gap.Coverage)
	}
	if gap.Trainings == nil || len(gap.Trainings) != 0 {
		t.Errorf("Trainings = %#v, want an empty non-nil list", gap.Trainings)
	}
}

// key is the (sort key, ID) of a test item "sortKey/id".
func key(s string) (string, string) {
	for i := range s {
		if s[i] == '/' {
			return s[:i], s[i+1:]
		}
	}
	return s, ""
}

func TestCutPage(t *testing.T) {
	sorted := []string{"a/1", "a/2", "b/1", "c/1"}
	a2, b1 := &career.Cursor{SortKey: "a", ID: "2"}, &career.Cursor{SortKey: "b", ID: "1"}
	for _, c := range []struct {
		name          string
		after, before *career.Cursor
		page          career.PageArgs
		want          career.Page[string]
	}{
		{"first 2", nil, nil, career.PageArgs{First: 2}, career.Page[string]{Items: []string{"a/1", "a/2"}, HasNextPage: true, TotalCount: 4}},
		{"first 4", nil, nil, career.PageArgs{First: 4}, career.Page[string]{Items: []string{"a/1", "a/2", "b/1", "c/1"}, HasNextPage: false, TotalCount: 4}},
		{"after a/2", a2, nil, career.PageArgs{First: 2}, career.Page[string]{Items: []string{"b/1", "c/1"}, HasNextPage: false, TotalCount: 4}},
		{"after a/1", &career.Cursor{SortKey: "a", ID: "1"}, nil, career.PageArgs{First: 1}, career.Page[string]{Items: []string{"a/2"}, HasNextPage: true, TotalCount: 4}},
		{"after a gap", &career.Cursor{SortKey: "ab", ID: "0"}, nil, career.PageArgs{First: 5}, career.Page[string]{Items: []string{"b/1", "c/1"}, HasNextPage: false, TotalCount: 4}},
		{"after the last", &career.Cursor{SortKey: "c", ID: "1"}, nil, career.PageArgs{First: 3}, career.Page[string]{Items: []string{}, HasNextPage: false, TotalCount: 4}},
		{"first 0", nil, nil, career.PageArgs{First: 0}, career.Page[string]{Items: []string{}, HasNextPage: true, TotalCount: 4}},
		{"first -1", nil, nil, career.PageArgs{First: -1}, career.Page[string]{Items: []string{}, HasNextPage: true, TotalCount: 4}},
		{"first 3 before c/1", nil, &career.Cursor{SortKey: "c", ID: "1"}, career.PageArgs{First: 3}, career.Page[string]{Items: []string{"a/1", "a/2", "b/1"}, HasNextPage: false, TotalCount: 4}},
		{"first 1 between", &career.Cursor{SortKey: "a", ID: "1"}, b1, career.PageArgs{First: 1}, career.Page[string]{Items: []string{"a/2"}, HasNextPage: false, TotalCount: 4}},
		{"last 2", nil, nil, career.PageArgs{Last: 2}, career.Page[string]{Items: []string{"b/1", "c/1"}, HasPreviousPage: true, TotalCount: 4}},
		{"last 9", nil, nil, career.PageArgs{Last: 9}, career.Page[string]{Items: []string{"a/1", "a/2", "b/1", "c/1"}, HasPreviousPage: false, TotalCount: 4}},
		{"last 1 before b/1", nil, b1, career.PageArgs{Last: 1}, career.Page[string]{Items: []string{"a/2"}, HasPreviousPage: true, TotalCount: 4}},
		{"last 2 before b/1", nil, b1, career.PageArgs{Last: 2}, career.Page[string]{Items: []string{"a/1", "a/2"}, HasPreviousPage: false, TotalCount: 4}},
		{"last 2 before a gap", nil, &career.Cursor{SortKey: "ab", ID: "0"}, career.PageArgs{Last: 2}, career.Page[string]{Items: []string{"a/1", "a/2"}, HasPreviousPage: false, TotalCount: 4}},
		{"before the first", nil, &career.Cursor{SortKey: "a", ID: "1"}, career.PageArgs{Last: 3}, career.Page[string]{Items: []string{}, HasPreviousPage: false, TotalCount: 4}},
		{"last 3 between", a2, b1, career.PageArgs{Last: 3}, career.Page[string]{Items: []string{}, HasPreviousPage: false, TotalCount: 4}},
		{"after beyond before", b1, a2, career.PageArgs{Last: 3}, career.Page[string]{Items: []string{}, HasPreviousPage: false, TotalCount: 4}},
	} {
		w := career.Window{After: c.after, Before: c.before, Page: c.page}
		if got := career.CutPage(sorted, key, w); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: career.CutPage(after %v, before %v, %+v) = %#v, want %#v", c.name, c.after, c.before, c.page, got, c.want)
		}
	}
}

func TestTrimPage(t *testing.T) {
	for _, c := range []struct {
		page career.PageArgs
		want int
	}{{career.PageArgs{First: 3}, 4}, {career.PageArgs{First: -2}, 1}, {career.PageArgs{Last: 5}, 6}} {
		if got := career.PageFetch(c.page); got != c.want {
			t.Errorf("career.PageFetch(%+v) = %d, want %d", c.page, got, c.want)
		}
	}
	for _, c := range []struct {
		fetched []string
		page    career.PageArgs
		want    career.Page[string]
	}{
		{[]string{"x", "y", "z"}, career.PageArgs{First: 2}, career.Page[string]{Items: []string{"x", "y"}, HasNextPage: true, TotalCount: 9}},
		{[]string{"x", "y"}, career.PageArgs{First: 2}, career.Page[string]{Items: []string{"x", "y"}, HasNextPage: false, TotalCount: 9}},
		{nil, career.PageArgs{First: 2}, career.Page[string]{Items: []string{}, HasNextPage: false, TotalCount: 9}},
		{[]string{"x"}, career.PageArgs{First: 0}, career.Page[string]{Items: []string{}, HasNextPage: true, TotalCount: 9}},
		{[]string{"z", "y", "x"}, career.PageArgs{Last: 2}, career.Page[string]{Items: []string{"y", "z"}, HasPreviousPage: true, TotalCount: 9}},
		{[]string{"z", "y"}, career.PageArgs{Last: 2}, career.Page[string]{Items: []string{"y", "z"}, HasPreviousPage: false, TotalCount: 9}},
		{nil, career.PageArgs{Last: 2}, career.Page[string]{Items: []string{}, HasPreviousPage: false, TotalCount: 9}},
	} {
		if got := career.TrimPage(slices.Clone(c.fetched), c.page, 9); !reflect.DeepEqual(got, c.want) {
			t.Errorf("career.TrimPage(%v, %+v, 9) = %#v, want %#v", c.fetched, c.page, got, c.want)
		}
	}
}

func TestPageWindow(t *testing.T) {
	cur := career.EncodeCursor("Boulanger", "profession:seed:b")
	w, err := career.PageArgs{Last: 2, Before: cur}.Window()
	if err != nil {
		t.Fatal(err)
	}
	want := career.Window{Before: &career.Cursor{SortKey: career.SortKey("Boulanger"), ID: "profession:seed:b"}, Page: career.PageArgs{Last: 2, Before: cur}}
	if !reflect.DeepEqual(w, want) {
		t.Errorf("Window() = %+v, want %+v", w, want)
	}
	_, err = career.PageArgs{Last: 2, Before: "bad!"}.Window()
	if got := fmt.Sprint(career.ErrorCode(err), " ", err); got != `BAD_USER_INPUT BAD_USER_INPUT: invalid cursor "bad!": use a cursor returned by this API` {
		t.Errorf("Window() of a bad cursor: %s", got)
	}
}

func TestLookupErrors(t *testing.T) {
	for _, c := range []struct {
		err        *career.Error
		code, text string
	}{
		{career.ProfessionNotFound("from", "profession:seed:nope"), career.ENOTFOUND, `from: no profession with ID "profession:seed:nope"`},
		{career.SkillNotFound("skills", "skill:seed:nope"), career.ENOTFOUND, `skills: no skill with ID "skill:seed:nope"`},
		{career.ToolNotFound("tools", "tool:seed:nope"), career.ENOTFOUND, `tools: no tool with ID "tool:seed:nope"`},
		{career.SameProfession(), career.EINVALID, "from and to are the same profession; give two different professions"},
	} {
		if c.err.Code != c.code || c.err.Message != c.text {
			t.Errorf("error = %s: %q, want %s: %q", c.err.Code, c.err.Message, c.code, c.text)
		}
	}
}
