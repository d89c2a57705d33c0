package neo4jstore_test

import (
	"testing"

	neo4jstore "github.com/careergraph/careergraph/store/neo4j"
)

// TestCheckURI: every scheme of the driver is accepted; another scheme, a missing host,
// credentials or a path in the URI are refused with a message naming what is accepted.
func TestCheckURI(t *testing.T) {
	for _, uri := range []string{"bolt://127.0.0.1:7687", "bolt+s://db.example:7687", "bolt+ssc://db.example",
		"neo4j://127.0.0.1:7687", "neo4j+s://abcd1234.databases.neo4j.io", "neo4j+ssc://db.example:7687/"} {
		if err := neo4jstore.CheckURI(uri); err != nil {
			t.Errorf("CheckURI(%q) = %v, want nil", uri, err)
		}
	}
	const schemes = "bolt://, bolt+s://, bolt+ssc://, neo4j://, neo4j+s://, neo4j+ssc://"
	for _, tc := range []struct{ uri, want string }{
		{"http://127.0.0.1:7474", `neo4j URI "http://127.0.0.1:7474": scheme http:// is not supported: use one of ` + schemes},
		{"neo4j+routing://db:7687", `neo4j URI "neo4j+routing://db:7687": scheme neo4j+routing:// is not supported: use one of ` + schemes},
		{"127.0.0.1:7687", `neo4j URI "127.0.0.1:7687" is not a URI: want SCHEME://HOST[:PORT], SCHEME one of ` + schemes},
		{"db.example", `neo4j URI "db.example" is not a URI: want SCHEME://HOST[:PORT], SCHEME one of ` + schemes},
		{"neo4j://", `neo4j URI "neo4j://" has no host: want neo4j://HOST[:PORT]`},
		{"bolt://:7687", `neo4j URI "bolt://:7687" has no host: want bolt://HOST[:PORT]`},
		{"neo4j+s://admin:secret@db.example", `neo4j URI "neo4j+s://admin@db.example" carries credentials: set NEO4J_USER and NEO4J_PASSWORD instead`},
		{"bolt://db:7687/neo4j", `neo4j URI "bolt://db:7687/neo4j" has a path: want bolt://HOST[:PORT] (the database is NEO4J_DATABASE)`},
	} {
		err := neo4jstore.CheckURI(tc.uri)
		if err == nil || err.Error() != tc.want {
			t.Errorf("CheckURI(%q) = %v, want %q", tc.uri, err, tc.want)
		}
	}
	t.Run("Open refuses what CheckURI refuses", func(t *testing.T) {
		_, err := neo4jstore.Open(t.Context(), neo4jstore.Config{URI: "http://127.0.0.1:7474"})
		const want = `neo4j URI "http://127.0.0.1:7474": scheme http:// is not supported: use one of ` + schemes
		if err == nil || err.Error() != want {
			t.Errorf("Open = %v, want %q", err, want)
		}
	})
}
