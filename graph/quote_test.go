package graph

import (
	"bytes"
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
