package config

import (
	"fmt"
	"net/url"
	"os"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/careergraph/careergraph/internal/testbackend"
	neo4jstore "github.com/careergraph/careergraph/store/neo4j"
)

func TestConfig(t *testing.T) {
	env := func(vars map[string]string) func(string) string {
		return func(name string) string { return vars[name] }
	}
	t.Run("defaults", func(t *testing.T) {
		c, err := Parse(nil, env(nil))
		if err != nil {
			t.Fatal(err)
		}
		equal(t, "defaults", []any{c.Addr, c.CORSOrigins == nil, c.Limits.Complexity, c.Limits.Depth, c.MaxBodyBytes, c.RequestTimeout, c.Neo4j.URI, c.Neo4j.User, c.Neo4j.Password, c.Neo4j.Database},
			[]any{":8080", true, 20000, 15, int64(1 << 20), 10 * time.Second, "", "neo4j", "careergraph-dev", "neo4j"})
	})
	t.Run("environment, then flags", func(t *testing.T) {
		c, err := Parse([]string{"--max-depth", "9"}, env(map[string]string{
			"PORT": "9000", "MAX_DEPTH": "12", "CORS_ORIGINS": "https://a.example, https://b.example", "NEO4J_URI": "bolt://db:7687",
		}))
		if err != nil {
			t.Fatal(err)
		}
		equal(t, "config", []any{c.Addr, c.Limits.Depth, c.CORSOrigins, c.Neo4j.URI}, []any{":9000", 9, []string{"https://a.example", "https://b.example"}, "bolt://db:7687"})
	})
	t.Run("bad values are named", func(t *testing.T) {
		for _, tc := range []struct {
			args []string
			env  map[string]string
			want string
		}{
			{nil, map[string]string{"MAX_DEPTH": "deep"}, `environment: MAX_DEPTH="deep" is not a whole number`},
			{nil, map[string]string{"REQUEST_TIMEOUT": "10"}, `environment: REQUEST_TIMEOUT="10" is not a duration (e.g. 10s, 500ms)`},
			{[]string{"--max-depth", "0"}, nil, "max-depth must be at least 1"},
			{[]string{"--log-format", "xml"}, nil, "log-format must be text or json"},
			{[]string{"extra"}, nil, `unexpected argument "extra"`},
			{[]string{"--cors-headers", " , "}, nil, "cors-headers must name at least one header, or * for any"},
			{nil, map[string]string{"CORS_HEADERS": "traceparent,x trace"}, `cors-headers: "x trace" is not a header name (letters, digits and !#$%&'*+-.^_` + "`" + `|~)`},
		} {
			_, err := Parse(tc.args, env(tc.env))
			if err == nil || err.Error() != tc.want {
				t.Errorf("%v %v: got %v, want %q", tc.args, tc.env, err, tc.want)
			}
		}
	})
	t.Run("HTTP caching", func(t *testing.T) {
		c, err := Parse(nil, env(nil))
		if err != nil {
			t.Fatal(err)
		}
		equal(t, "default", c.CacheMaxAge, time.Minute)
		c, err = Parse(nil, env(map[string]string{"CACHE_MAX_AGE": "5m"}))
		if err != nil {
			t.Fatal(err)
		}
		equal(t, "environment", c.CacheMaxAge, 5*time.Minute)
		c, err = Parse([]string{"--cache-max-age", "0s"}, env(map[string]string{"CACHE_MAX_AGE": "5m"}))
		if err != nil {
			t.Fatal(err)
		}
		equal(t, "flag", c.CacheMaxAge, time.Duration(0))
		for args, want := range map[string]string{
			"1.5s":  "cache-max-age must be whole seconds from 0s to 8760h0m0s (one year), got 1.5s",
			"-1s":   "cache-max-age must be whole seconds from 0s to 8760h0m0s (one year), got -1s",
			"9000h": "cache-max-age must be whole seconds from 0s to 8760h0m0s (one year), got 9000h0m0s",
		} {
			_, err := Parse([]string{"--cache-max-age", args}, env(nil))
			if err == nil || err.Error() != want {
				t.Errorf("--cache-max-age %s: got %v, want %q", args, err, want)
			}
		}
	})
	t.Run("CORS request headers", func(t *testing.T) {
		c, err := Parse(nil, env(nil))
		if err != nil {
			t.Fatal(err)
		}
		equal(t, "default", c.CORSHeaders, []string{"Accept", "Content-Type", "Authorization", "X-Request-ID", "If-None-Match",
			"apollographql-client-name", "apollographql-client-version", "x-apollo-operation-name", "apollo-require-preflight",
			"traceparent", "tracestate", "baggage", "sentry-trace"})
		c, err = Parse([]string{"--cors-headers", "Content-Type, x-tenant"}, env(map[string]string{"CORS_HEADERS": "*"}))
		if err != nil {
			t.Fatal(err)
		}
		equal(t, "flag over environment", c.CORSHeaders, []string{"Content-Type", "x-tenant"})
		c, err = Parse(nil, env(map[string]string{"CORS_HEADERS": "*"}))
		if err != nil {
			t.Fatal(err)
		}
		equal(t, "any", c.CORSHeaders, []string{"*"})
	})
	t.Run("admission control", func(t *testing.T) {
		c, err := Parse(nil, env(nil))
		if err != nil {
			t.Fatal(err)
		}
		equal(t, "defaults", []any{c.Admission.Disabled, c.Admission.Threshold, c.Admission.Capacity, c.Admission.MaxExpensive, c.Admission.MaxWait},
			[]any{false, 1000, 40000, max(1, runtime.GOMAXPROCS(0)/2), 2 * time.Second})
		c, err = Parse([]string{"--max-expensive", "3", "--admission", "off"}, env(map[string]string{
			"EXPENSIVE_COST": "500", "EXPENSIVE_CAPACITY": "9000", "MAX_EXPENSIVE": "2", "ADMISSION_WAIT": "250ms",
		}))
		if err != nil {
			t.Fatal(err)
		}
		equal(t, "environment, then flags", []any{c.Admission.Disabled, c.Admission.Threshold, c.Admission.Capacity, c.Admission.MaxExpensive, c.Admission.MaxWait},
			[]any{true, 500, 9000, 3, 250 * time.Millisecond})
		for _, tc := range []struct {
			args []string
			env  map[string]string
			want string
		}{
			{[]string{"--admission", "maybe"}, nil, `admission must be on or off, got "maybe"`},
			{nil, map[string]string{"ADMISSION": "no"}, `admission must be on or off, got "no"`},
			{[]string{"--max-expensive", "0"}, nil, "max-expensive must be at least 1, got 0"},
			{[]string{"--expensive-capacity", "0"}, nil, "expensive-capacity must be at least 1, got 0"},
			{[]string{"--expensive-cost", "-1"}, nil, "expensive-cost must be 0 or more, got -1"},
			{[]string{"--admission-wait", "-1s"}, nil, "admission-wait must be 0 or more, got -1s"},
			{nil, map[string]string{"ADMISSION_WAIT": "2"}, `environment: ADMISSION_WAIT="2" is not a duration (e.g. 10s, 500ms)`},
			{nil, map[string]string{"MAX_EXPENSIVE": "all"}, `environment: MAX_EXPENSIVE="all" is not a whole number`},
		} {
			if _, err := Parse(tc.args, env(tc.env)); err == nil || err.Error() != tc.want {
				t.Errorf("%v %v: got %v, want %q", tc.args, tc.env, err, tc.want)
			}
		}
	})
	t.Run("garbage collector headroom", func(t *testing.T) {
		for _, tc := range []struct {
			args []string
			env  map[string]string
			want int
		}{
			{nil, nil, 256},
			{nil, map[string]string{"GC_HEADROOM_MIB": "64"}, 64},
			{[]string{"--gc-headroom", "0"}, map[string]string{"GC_HEADROOM_MIB": "64"}, 0},
			{[]string{"--gc-headroom", "512"}, map[string]string{"GOGC": "200"}, 0}, // GOGC wins: the tuner is off
		} {
			c, err := Parse(tc.args, env(tc.env))
			if err != nil {
				t.Fatal(err)
			}
			equal(t, fmt.Sprint(tc.args, tc.env), c.GCHeadroomMiB, tc.want)
		}
		for _, tc := range []struct {
			args []string
			want string
		}{
			{[]string{"--gc-headroom", "-1"}, "gc-headroom must be between 0 and 65536 MiB"},
			{[]string{"--gc-headroom", "70000"}, "gc-headroom must be between 0 and 65536 MiB"},
		} {
			if _, err := Parse(tc.args, env(nil)); err == nil || err.Error() != tc.want {
				t.Errorf("%v: got %v, want %q", tc.args, err, tc.want)
			}
		}
	})
	t.Run("the password is masked in logs", func(t *testing.T) {
		c, _ := Parse(nil, env(map[string]string{"NEO4J_PASSWORD": "s3cret-pass"}))
		if s := c.LogValue().String(); strings.Contains(s, "s3cret-pass") || !strings.Contains(s, "***") {
			t.Errorf("config log %s shows the password or does not mask it", s)
		}
	})
}

// The shell scripts and the Java launcher cannot read the Go constants, so they write the Neo4j
// defaults again as literals: these must stay equal to the constants.
func TestNeo4jDefaultsOfTheScripts(t *testing.T) {
	port := func(uri string) string {
		u, err := url.Parse(uri)
		if err != nil {
			t.Fatalf("parse %q: %v", uri, err)
		}
		return u.Port()
	}
	for _, c := range []struct {
		file, pattern, want string
	}{
		{"../scripts/neo4j", `password=\$\{NEO4J_PASSWORD:-([^}]*)\}`, neo4jstore.DefaultPassword},
		{"../scripts/neo4j", `port=\$\{port:-([^}]*)\}`, port(neo4jstore.DefaultURI)},
		{"../scripts/neo4j-launcher/Neo4jLauncher.java", `DEFAULT_PASSWORD = "([^"]*)"`, neo4jstore.DefaultPassword},
		{"../scripts/neo4j-launcher/Neo4jLauncher.java", `env\("NEO4J_BOLT_PORT", "([^"]*)"\)`, port(neo4jstore.DefaultURI)},
		{"../scripts/test", `test_neo4j_port=\$\{CAREERGRAPH_TEST_NEO4J_PORT:-([^}]*)\}`, port(testbackend.DefaultURI)},
	} {
		b, err := os.ReadFile(c.file)
		if err != nil {
			t.Fatalf("read %s: %v", c.file, err)
		}
		m := regexp.MustCompile(c.pattern).FindAllSubmatch(b, -1)
		if len(m) != 1 {
			t.Errorf("%s: %d matches of %s, want 1", c.file, len(m), c.pattern)
			continue
		}
		equal(t, c.file+" "+c.pattern, string(m[0][1]), c.want)
	}
}
