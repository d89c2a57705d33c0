package graph

import (
	"encoding/json"
	"maps"
	"strconv"
	"testing"
)

// TestJSONStringDecodesAsJSON checks that jsonString decodes JSON strings as json.Unmarshal
// does: every escape, surrogate pairs, halves of pairs alone, non-ASCII text.
func TestJSONStringDecodesAsJSON(t *testing.T) {
	for _, raw := range []string{
		`""`, `"plain"`, `"Développeur·euse"`, `"a\"b\\c\/d"`, `"\b\f\n\r\t"`, `"\u00e9\u00E9\u0000\u001f"`,
		`"\ud83d\ude00 smile"`, `"\ud83d alone"`, `"\ude00 low alone"`, `"\ud83d\u0041"`, `"\ud83d\ud83d\ude00"`, `"end \ud83d"`,
		`"{ profession(id: \"profession:seed:x\") {\n  name\n} }"`, `"\\u0041"`, `"\u2028\u2029"`,
	} {
		var want string
		if err := json.Unmarshal([]byte(raw), &want); err != nil {
			t.Fatalf("%s: %v", raw, err)
		}
		if got := jsonString([]byte(raw)); got != want {
			t.Errorf("jsonString(%s) = %q, want %q", raw, got, want)
		}
	}
}

// TestValidFieldsSplitAsTheDecoder checks that validFields splits valid JSON objects into the
// fields encoding/json's decoder finds (decodeFields), and refuses a field given twice and a
// value that is not an object with the same errors.
func TestValidFieldsSplitAsTheDecoder(t *testing.T) {
	for _, body := range []string{
		`{}`, ` { } `, `{"query":"{ a }"}`, "\t{\r\n\"query\" :\n \"{ a }\" , \"variables\" : {\"a\":[1,{\"b\":\"}]\\\"\"}], \"c\": null} }\n",
		`{"query":"q","operationName":null,"variables":{"n":1e3,"s":"x"},"extensions":{"persistedQuery":{"version":1,"sha256Hash":"ab"}}}`,
		`{"a":true,"b":false,"c":-1.5E+2,"d":[],"e":[[]],"f":"\u0041"}`, `{"\u0071uery":"escaped name"}`,
		`{"query":"a","query":"b"}`, `{"q\u0075ery":"a","query":"b"}`, `[1]`, `"text"`, `12`,
	} {
		if !json.Valid([]byte(body)) {
			t.Fatalf("%s is not valid JSON", body)
		}
		want, wantErr := decodeFields("the request body", []byte(body))
		got, gotErr := validFields("the request body", []byte(body))
		if !maps.EqualFunc(got, want, func(a, b json.RawMessage) bool { return string(a) == string(b) }) {
			t.Errorf("%s: got fields %s, want %s", body, show(got), show(want))
		}
		if (gotErr == nil) != (wantErr == nil) || gotErr != nil && *gotErr != *wantErr {
			t.Errorf("%s: got error %v, want %v", body, gotErr, wantErr)
		}
	}
}

// show writes fields for a test's message.
func show(fields map[string]json.RawMessage) string {
	out := ""
	for k, v := range fields {
		out += strconv.Quote(k) + "=" + string(v) + " "
	}
	return out
}
