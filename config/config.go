// Package config is the server's configuration in one place: every flag, the environment
// variable behind it, its default and its validation, read into one Config. The Neo4j defaults
// come from store/neo4j, where they are written once; the password is read from the environment
// only and never logged.
package config

import (
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/careergraph/careergraph/graph"
	"github.com/careergraph/careergraph/httpapi"
	"github.com/careergraph/careergraph/internal/gctune"
	neo4jstore "github.com/careergraph/careergraph/store/neo4j"
	"github.com/careergraph/careergraph/telemetry"
)

// Config is the server's configuration: flags, each with an environment variable as its
// default (12-factor). Flags win over the environment.
type Config struct {
	Addr           string
	CORSOrigins    []string
	CORSHeaders    []string
	Limits         graph.Limits
	MaxBodyBytes   int64
	RequestTimeout time.Duration
	CacheMaxAge    time.Duration // Cache-Control max-age of cacheable GET answers
	LoaderWait     time.Duration
	Admission      graph.AdmissionConfig
	// Datasets are extra datasets for the embedded store, "name=DIR".
	Datasets  []string
	LogFormat string
	LogLevel  slog.Level
	// GCHeadroomMiB is how much the heap may grow over the live data before a collection, at
	// least (see internal/gctune); 0 leaves the collector to Go, as does GOGC in the environment.
	GCHeadroomMiB int
	// Operating: metrics, tracing, the access log (see httpapi.Options).
	MetricsAddr     string
	MetricsToken    string
	OTLPEndpoint    string
	AccessLogSample float64

	Neo4j Neo4j
}

// Neo4j says how to reach Neo4j. An empty URI selects the embedded store.
type Neo4j struct {
	URI      string
	User     string
	Password string
	Database string
}

// stringList is a repeatable flag.
type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ",") }
func (l *stringList) Set(v string) error { *l = append(*l, v); return nil }

// Parse reads the environment (through getenv) and then the flags of args, and validates the
// result. extra, when given, adds the flags of a subcommand (e.g. import's --dir).
func Parse(args []string, getenv func(string) string, extra ...func(*flag.FlagSet)) (*Config, error) {
	env := func(name, def string) string {
		if v := getenv(name); v != "" {
			return v
		}
		return def
	}
	addr := ":8080"
	if port := getenv("PORT"); port != "" {
		addr = ":" + port
	}
	c := &Config{}
	var envErrs envErrors
	fs := flag.NewFlagSet("careergraph", flag.ContinueOnError)
	fs.StringVar(&c.Addr, "addr", env("ADDR", addr), "listen address (env ADDR, or PORT for \":PORT\")")
	origins := fs.String("cors-origins", env("CORS_ORIGINS", "*"), "comma-separated allowed CORS origins; * allows any origin, without credentials (env CORS_ORIGINS)")
	corsHeaders := fs.String("cors-headers", env("CORS_HEADERS", strings.Join(httpapi.DefaultCORSHeaders, ",")), "comma-separated request headers cross-origin requests may send; * allows any (env CORS_HEADERS)")
	fs.IntVar(&c.Limits.Complexity, "max-complexity", envErrs.int(getenv, "MAX_COMPLEXITY", graph.DefaultLimits.Complexity), "highest operation cost, see the cost model in graph/schema/api.graphqls (env MAX_COMPLEXITY)")
	fs.IntVar(&c.Limits.Depth, "max-depth", envErrs.int(getenv, "MAX_DEPTH", graph.DefaultLimits.Depth), "deepest field nesting (env MAX_DEPTH)")
	fs.IntVar(&c.Limits.ParserTokens, "max-tokens", envErrs.int(getenv, "MAX_TOKENS", graph.DefaultLimits.ParserTokens), "most tokens in a query document (env MAX_TOKENS)")
	fs.Int64Var(&c.MaxBodyBytes, "max-body", int64(envErrs.int(getenv, "MAX_BODY_BYTES", 1<<20)), "largest request body in bytes; larger gets 413 (env MAX_BODY_BYTES)")
	fs.DurationVar(&c.RequestTimeout, "request-timeout", envErrs.duration(getenv, "REQUEST_TIMEOUT", 10*time.Second), "time limit of one request, database included (env REQUEST_TIMEOUT)")
	fs.DurationVar(&c.CacheMaxAge, "cache-max-age", envErrs.duration(getenv, "CACHE_MAX_AGE", graph.DefaultCacheMaxAge), "how long caches may serve a GET answer without asking again (Cache-Control max-age), whole seconds; 0s makes them revalidate every time (env CACHE_MAX_AGE)")
	admission := graph.DefaultAdmission()
	admissionMode := fs.String("admission", env("ADMISSION", "on"), "admission control of expensive requests: on or off (env ADMISSION)")
	fs.IntVar(&c.Admission.Threshold, "expensive-cost", envErrs.int(getenv, "EXPENSIVE_COST", admission.Threshold), "highest cost of a cheap request, which runs at once; searches, traversals and matches are expensive whatever their cost (env EXPENSIVE_COST)")
	fs.IntVar(&c.Admission.Capacity, "expensive-capacity", envErrs.int(getenv, "EXPENSIVE_CAPACITY", admission.Capacity), "total cost of the expensive requests that run at once (env EXPENSIVE_CAPACITY)")
	fs.IntVar(&c.Admission.MaxExpensive, "max-expensive", envErrs.int(getenv, "MAX_EXPENSIVE", admission.MaxExpensive), "expensive requests that run at once; default half the CPUs (env MAX_EXPENSIVE)")
	fs.DurationVar(&c.Admission.MaxWait, "admission-wait", envErrs.duration(getenv, "ADMISSION_WAIT", admission.MaxWait), "longest wait of an expensive request for its turn, then OVERLOADED (503) (env ADMISSION_WAIT)")
	fs.DurationVar(&c.LoaderWait, "loader-wait", envErrs.duration(getenv, "LOADER_WAIT", 2*time.Millisecond), "how long dataloaders gather keys before querying Neo4j (env LOADER_WAIT)")
	var datasets stringList
	fs.Var(&datasets, "dataset", "load a dataset into the embedded store: rome=DIR, esco=DIR or onet=DIR (repeatable)")
	fs.StringVar(&c.LogFormat, "log-format", env("LOG_FORMAT", "text"), "log format: text or json (env LOG_FORMAT)")
	fs.IntVar(&c.GCHeadroomMiB, "gc-headroom", envErrs.int(getenv, "GC_HEADROOM_MIB", gctune.DefaultHeadroomMiB), "MiB the heap may grow over the live data before a garbage collection, at least; 0 leaves it to Go, as does GOGC (env GC_HEADROOM_MIB)")
	level := fs.String("log-level", env("LOG_LEVEL", "info"), "log level: debug, info, warn, error (env LOG_LEVEL)")
	fs.StringVar(&c.MetricsAddr, "metrics-addr", env("METRICS_ADDR", ""), "where /metrics is served: empty beside /query, host:port on a listener of its own, off nowhere (env METRICS_ADDR)")
	fs.StringVar(&c.OTLPEndpoint, "otlp-endpoint", env("OTEL_EXPORTER_OTLP_ENDPOINT", ""), "OTLP/HTTP endpoint traces are sent to, e.g. http://127.0.0.1:4318; empty traces nothing (env OTEL_EXPORTER_OTLP_ENDPOINT)")
	fs.Float64Var(&c.AccessLogSample, "access-log-sample", envErrs.float(getenv, "ACCESS_LOG_SAMPLE", 1), "share of the access log lines of requests answered without error that are written, 0 to 1; the others are always written (env ACCESS_LOG_SAMPLE)")
	fs.StringVar(&c.Neo4j.URI, "neo4j-uri", getenv("NEO4J_URI"), "Neo4j URI, bolt:// or neo4j:// (routed), +s or +ssc for TLS; empty serves the embedded store (env NEO4J_URI)")
	fs.StringVar(&c.Neo4j.User, "neo4j-user", env("NEO4J_USER", neo4jstore.DefaultUser), "Neo4j user (env NEO4J_USER)")
	fs.StringVar(&c.Neo4j.Database, "neo4j-database", env("NEO4J_DATABASE", neo4jstore.DefaultDatabase), "Neo4j database (env NEO4J_DATABASE)")
	for _, add := range extra {
		add(fs)
	}
	// The password comes from the environment only, so that it never shows in process lists.
	c.Neo4j.Password = env("NEO4J_PASSWORD", neo4jstore.DefaultPassword)
	c.MetricsToken = getenv("METRICS_TOKEN") // a secret too: from the environment only
	if len(envErrs) > 0 {
		return nil, fmt.Errorf("environment: %s", strings.Join(envErrs, "; "))
	}
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	c.Datasets = datasets
	if getenv("GOGC") != "" {
		c.GCHeadroomMiB = 0 // GOGC says how the collector runs
	}
	for _, o := range strings.Split(*origins, ",") {
		if o = strings.TrimSpace(o); o != "" && o != "*" {
			c.CORSOrigins = append(c.CORSOrigins, o)
		}
	}
	for _, h := range strings.Split(*corsHeaders, ",") {
		if h = strings.TrimSpace(h); h != "" {
			c.CORSHeaders = append(c.CORSHeaders, h)
		}
	}
	if err := c.LogLevel.UnmarshalText([]byte(*level)); err != nil {
		return nil, fmt.Errorf("log-level: %w", err)
	}
	switch *admissionMode {
	case "on":
	case "off":
		c.Admission.Disabled = true
	default:
		return nil, fmt.Errorf("admission must be on or off, got %q", *admissionMode)
	}
	return c, c.validate()
}

// maxGCHeadroomMiB is the largest gc-headroom: 64 GiB.
const maxGCHeadroomMiB = 64 << 10

// validate checks the values that no flag parser checks.
func (c *Config) validate() error {
	switch {
	case c.Limits.Complexity < 1:
		return fmt.Errorf("max-complexity must be at least 1")
	case c.Limits.Depth < 1:
		return fmt.Errorf("max-depth must be at least 1")
	case c.Limits.ParserTokens < 1:
		return fmt.Errorf("max-tokens must be at least 1")
	case c.MaxBodyBytes < 1024:
		return fmt.Errorf("max-body must be at least 1024 bytes")
	case c.RequestTimeout <= 0:
		return fmt.Errorf("request-timeout must be positive")
	case c.GCHeadroomMiB < 0 || c.GCHeadroomMiB > maxGCHeadroomMiB:
		return fmt.Errorf("gc-headroom must be between 0 and %d MiB", maxGCHeadroomMiB)
	case c.LogFormat != "text" && c.LogFormat != "json":
		return fmt.Errorf("log-format must be text or json")
	case len(c.CORSHeaders) == 0:
		return fmt.Errorf("cors-headers must name at least one header, or * for any")
	case !(c.AccessLogSample >= 0 && c.AccessLogSample <= 1):
		return fmt.Errorf("access-log-sample must be between 0 and 1, got %v", c.AccessLogSample)
	}
	for _, h := range c.CORSHeaders {
		if h != "*" && !isHeaderName(h) {
			return fmt.Errorf("cors-headers: %q is not a header name (letters, digits and %s)", h, headerNameSymbols)
		}
	}
	if err := graph.CheckCacheMaxAge(c.CacheMaxAge); err != nil {
		return fmt.Errorf("cache-max-age %w", err)
	}
	if c.MetricsAddr != "" && c.MetricsAddr != telemetry.MetricsOff {
		if _, _, err := net.SplitHostPort(c.MetricsAddr); err != nil {
			return fmt.Errorf("metrics-addr must be empty, %s or host:port, got %q", telemetry.MetricsOff, c.MetricsAddr)
		}
	}
	if c.OTLPEndpoint != "" {
		if u, err := url.Parse(c.OTLPEndpoint); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return fmt.Errorf("otlp-endpoint must be an http:// or https:// URL, got %q", c.OTLPEndpoint)
		}
	}
	if c.Neo4j.URI != "" {
		if err := neo4jstore.CheckURI(c.Neo4j.URI); err != nil {
			return fmt.Errorf("neo4j-uri: %w", err)
		}
	}
	return c.Admission.Validate()
}

// LogValue prints the configuration once at start, with the password masked.
func (c *Config) LogValue() slog.Value {
	store := "memory"
	if c.Neo4j.URI != "" {
		store = "neo4j"
	}
	origins := "*"
	if len(c.CORSOrigins) > 0 {
		origins = strings.Join(c.CORSOrigins, ",")
	}
	return slog.GroupValue(
		slog.String("addr", c.Addr),
		slog.String("store", store),
		slog.String("cors_origins", origins),
		slog.String("cors_headers", strings.Join(c.CORSHeaders, ",")),
		slog.Int("max_complexity", c.Limits.Complexity),
		slog.Int("max_depth", c.Limits.Depth),
		slog.Int("max_tokens", c.Limits.ParserTokens),
		slog.Int64("max_body", c.MaxBodyBytes),
		slog.Duration("request_timeout", c.RequestTimeout),
		slog.Duration("cache_max_age", c.CacheMaxAge),
		slog.Bool("admission", !c.Admission.Disabled),
		slog.Int("expensive_cost", c.Admission.Threshold),
		slog.Int("expensive_capacity", c.Admission.Capacity),
		slog.Int("max_expensive", c.Admission.MaxExpensive),
		slog.Duration("admission_wait", c.Admission.MaxWait),
		slog.Any("datasets", c.Datasets),
		slog.Int("gc_headroom_mib", c.GCHeadroomMiB),
		slog.String("metrics_addr", c.MetricsAddr),
		slog.String("metrics_token", mask(c.MetricsToken)),
		slog.String("otlp_endpoint", c.OTLPEndpoint),
		slog.Float64("access_log_sample", c.AccessLogSample),
		slog.String("neo4j_uri", c.Neo4j.URI),
		slog.String("neo4j_user", c.Neo4j.User),
		slog.String("neo4j_password", mask(c.Neo4j.Password)),
		slog.String("neo4j_database", c.Neo4j.Database),
	)
}

// headerNameSymbols are the characters other than letters and digits an HTTP header name may
// have (a token, RFC 9110).
const headerNameSymbols = "!#$%&'*+-.^_`|~"

// isHeaderName reports whether s is an HTTP header name: a token of letters, digits and
// headerNameSymbols.
func isHeaderName(s string) bool {
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.ContainsRune(headerNameSymbols, c)) {
			return false
		}
	}
	return s != ""
}

// mask hides a secret, telling only whether it is set.
func mask(secret string) string {
	if secret == "" {
		return ""
	}
	return "***"
}

// envErrors collects environment variables that do not parse.
type envErrors []string

func (e *envErrors) int(getenv func(string) string, name string, def int) int {
	raw := getenv(name)
	if raw == "" {
		return def
	}
	v, err := strconv.Atoi(raw)
	if err != nil {
		*e = append(*e, fmt.Sprintf("%s=%q is not a whole number", name, raw))
		return def
	}
	return v
}

func (e *envErrors) float(getenv func(string) string, name string, def float64) float64 {
	raw := getenv(name)
	if raw == "" {
		return def
	}
	v, err := strconv.ParseFloat(raw, 64)
	if err != nil {
		*e = append(*e, fmt.Sprintf("%s=%q is not a number", name, raw))
		return def
	}
	return v
}

func (e *envErrors) duration(getenv func(string) string, name string, def time.Duration) time.Duration {
	raw := getenv(name)
	if raw == "" {
		return def
	}
	v, err := time.ParseDuration(raw)
	if err != nil {
		*e = append(*e, fmt.Sprintf("%s=%q is not a duration (e.g. 10s, 500ms)", name, raw))
		return def
	}
	return v
}

// NewLogger returns the structured logger the configuration asks for, writing to stderr.
func (c *Config) NewLogger() *slog.Logger {
	opts := &slog.HandlerOptions{Level: c.LogLevel}
	if c.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(os.Stderr, opts))
	}
	return slog.New(slog.NewTextHandler(os.Stderr, opts))
}

// StoreLoaderWait is how long dataloaders gather keys for the store the configuration selects:
// LoaderWait for Neo4j, nothing for the embedded store, which has nothing to gather.
func (c *Config) StoreLoaderWait() time.Duration {
	if c.Neo4j.URI == "" {
		return 0
	}
	return c.LoaderWait
}

// StoreConfig is the Neo4j store's configuration of these settings, logging to logger.
func (c Neo4j) StoreConfig(logger *slog.Logger) neo4jstore.Config {
	return neo4jstore.Config{URI: c.URI, User: c.User, Password: c.Password, Database: c.Database, Logger: logger}
}
