package config

import "testing"

// TestConfigNeo4jURI: every scheme of the driver is a valid NEO4J_URI; another is a
// configuration error naming the accepted schemes, before anything starts.
func TestConfigNeo4jURI(t *testing.T) {
	for _, uri := range []string{"bolt://db:7687", "bolt+s://db:7687", "bolt+ssc://db:7687", "neo4j://db:7687",
		"neo4j+s://abcd1234.databases.neo4j.io", "neo4j+ssc://db:7687"} {
		c, err := Parse([]string{"--neo4j-uri", uri}, func(string) string { return "" })
		if err != nil {
			t.Errorf("%s: %v", uri, err)
			continue
		}
		equal(t, "uri", c.Neo4j.URI, uri)
	}
	const want = `neo4j-uri: neo4j URI "http://db:7474": scheme http:// is not supported: ` +
		`use one of bolt://, bolt+s://, bolt+ssc://, neo4j://, neo4j+s://, neo4j+ssc://`
	for _, tc := range []struct {
		args []string
		env  map[string]string
	}{
		{[]string{"--neo4j-uri", "http://db:7474"}, nil},
		{nil, map[string]string{"NEO4J_URI": "http://db:7474"}},
	} {
		_, err := Parse(tc.args, func(name string) string { return tc.env[name] })
		if err == nil || err.Error() != want {
			t.Errorf("%v %v: got %v, want %q", tc.args, tc.env, err, want)
		}
	}
}
