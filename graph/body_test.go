package graph

import (
	"encoding/json"
	"maps"
	"reflect"
	"strconv"
	"strings"
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

// TestValidValueDecodesAsJSON checks that validValue decodes valid JSON objects as
// encoding/json's decoder with UseNumber does.
func TestValidValueDecodesAsJSON(t *testing.T) {
	for _, text := range []string{
		`{}`, ` {"id":"profession:seed:x"} `, `{"n":10,"f":1e3,"g":-0.5E-2,"b":true,"c":false,"z":null}`,
		`{"ids":["a","b\"c",[],[[1],{}],{"k":[null]}],"o":{"p":{"q":"\u00e9\ud83d\ude00"}}}`,
		"{\n\t\"a\" : [ 1 , 2 ] ,\r\n \"a\" : { \"x\" : \"last wins\" } }", `{"\u0061":1,"a":2}`,
	} {
		dec := json.NewDecoder(strings.NewReader(text))
		dec.UseNumber()
		var want any
		if err := dec.Decode(&want); err != nil {
			t.Fatalf("%s: %v", text, err)
		}
		if got := validValue([]byte(text), skipSpace([]byte(text), 0)); !reflect.DeepEqual(got, want) {
			t.Errorf("validValue(%s) = %#v, want %#v", text, got, want)
		}
	}
}
