package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql"
)

// TestWriteQuotedWritesGqlgensBytes checks that the direct writer's strings are the bytes
// gqlgen's String marshaller writes, escapes, control characters, non-ASCII and invalid UTF-8
// included.
func TestWriteQuotedWritesGqlgensBytes(t *testing.T) {
	for _, s := range []string{
		"", "Développeur·euse web", `say "hi"`, `back\slash`, "tab\tline\nreturn\r",
		"\x00\x01\x1f\x7f", "<b>&amp;</b>", "line\u2028para\u2029", "bad \xff\xfe utf-8", "é\"\\\n",
		"a long line of plain text, then \"quoted\" and a tab\tand a back\\slash, and more plain text after",
		"12345678\n2345678\"345678\\45678\x01", strings.Repeat("Développeur·euse web ", 40),
	} {
		var want bytes.Buffer
		graphql.MarshalString(s).MarshalGQL(&want)
		var got bytes.Buffer
		writeQuoted(&got, s)
		if got.String() != want.String() {
			t.Errorf("writeQuoted(%q) = %s, want %s", s, got.String(), want.String())
		}
	}
}

// TestHTMLEscapeWritesJSONsBytes checks that the response encoder escapes the data as
// json.HTMLEscape does.
func TestHTMLEscapeWritesJSONsBytes(t *testing.T) {
	for _, s := range []string{
		``, `{"a":"b"}`, `{"name":"R&D <b>"}`, "{\"t\":\"a\u2028b\u2029c\u2027d\u202ae\"}", "\xe2\x80", "\xe2\x80\xa8",
		"’ l’hôtel · é", "bad \xff\xe2 utf-8 >",
		"&&<<>>&", "a\xe2\x80\xa9", "\xe2\xe2\x80\xa8\xe2", "<\xe2\x80\xa8>&’\u2029", strings.Repeat("l’été & <b> ", 100),
	} {
		var want bytes.Buffer
		json.HTMLEscape(&want, []byte(s))
		var got bytes.Buffer
		htmlEscape(&got, []byte(s))
		if got.String() != want.String() {
			t.Errorf("htmlEscape(%q) = %q, want %q", s, got.String(), want.String())
		}
	}
}

// TestFloatWritesGqlgensBytes checks that the direct writer's floats are the bytes gqlgen's
// Float marshaller writes.
func TestFloatWritesGqlgensBytes(t *testing.T) {
	for _, f := range []float64{0, math.Copysign(0, -1), 1, 0.5, 2.5, 3, 1.0 / 3, -4.25, 123456789, 1e20, 1e21, 1e-4, 1e-5, 1e100, -1e-300,
		math.MaxFloat64, math.SmallestNonzeroFloat64} {
		var want bytes.Buffer
		if err := graphql.MarshalFloatContext(f).MarshalGQLContext(context.Background(), &want); err != nil {
			t.Fatal(err)
		}
		w := &directWriter{buf: new(bytes.Buffer)}
		w.float(f)
		if got := w.buf.String(); got != want.String() {
			t.Errorf("float(%v) = %s, want %s", f, got, want.String())
		}
	}
}
