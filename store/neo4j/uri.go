package neo4jstore

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
)

// Schemes are the URI schemes the store accepts, those of the Go driver: bolt talks to one
// server directly, neo4j asks the server for a routing table and sends reads to readers and
// writes to the leader (a cluster, Aura, or a single server, which routes to itself); "+s"
// encrypts with a certificate the system trusts, "+ssc" accepts a self-signed certificate.
var Schemes = []string{"bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc"}

// CheckURI says whether uri is a Neo4j URI the store can open: one of Schemes, a host, and
// nothing after the port but an optional "/". The error names the accepted schemes.
func CheckURI(uri string) error {
	u, err := url.Parse(uri)
	if err != nil || u.Scheme == "" {
		return fmt.Errorf("neo4j URI %q is not a URI: want SCHEME://HOST[:PORT], SCHEME one of %s", uri, schemeList())
	}
	if !slices.Contains(Schemes, u.Scheme) {
		return fmt.Errorf("neo4j URI %q: scheme %s:// is not supported: use one of %s", uri, u.Scheme, schemeList())
	}
	if u.Host == "" || u.Hostname() == "" {
		return fmt.Errorf("neo4j URI %q has no host: want %s://HOST[:PORT]", uri, u.Scheme)
	}
	if u.User != nil {
		return fmt.Errorf("neo4j URI %q carries credentials: set NEO4J_USER and NEO4J_PASSWORD instead", redact(u))
	}
	if u.Path != "" && u.Path != "/" {
		return fmt.Errorf("neo4j URI %q has a path: want %s://HOST[:PORT] (the database is NEO4J_DATABASE)", uri, u.Scheme)
	}
	return nil
}

// schemeList is Schemes written for messages: "bolt://, bolt+s://, …".
func schemeList() string {
	return strings.Join(Schemes, "://, ") + "://"
}

// redact is u without its password, for messages.
func redact(u *url.URL) string {
	c := *u
	c.User = url.User(u.User.Username())
	return c.String()
}
