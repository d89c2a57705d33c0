package config

import (
	"strings"
	"testing"
)

func TestOperatingConfig(t *testing.T) {
	env := func(vars map[string]string) func(string) string {
		return func(name string) string { return vars[name] }
	}
	c, err := Parse(nil, env(nil))
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "defaults", []any{c.MetricsAddr, c.MetricsToken, c.OTLPEndpoint, c.AccessLogSample}, []any{"", "", "", 1.0})
	c, err = Parse([]string{"--access-log-sample", "0.25"}, env(map[string]string{
		"METRICS_ADDR": "127.0.0.1:9100", "METRICS_TOKEN": "m3trics-token", "OTEL_EXPORTER_OTLP_ENDPOINT": "http://127.0.0.1:4318",
		"ACCESS_LOG_SAMPLE": "0.5",
	}))
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "environment, then flags", []any{c.MetricsAddr, c.MetricsToken, c.OTLPEndpoint, c.AccessLogSample},
		[]any{"127.0.0.1:9100", "m3trics-token", "http://127.0.0.1:4318", 0.25})
	if s := c.LogValue().String(); strings.Contains(s, "m3trics-token") {
		t.Errorf("config log %s shows the metrics token", s)
	}
	for _, tc := range []struct {
		args []string
		env  map[string]string
		want string
	}{
		{[]string{"--access-log-sample", "1.5"}, nil, "access-log-sample must be between 0 and 1, got 1.5"},
		{nil, map[string]string{"ACCESS_LOG_SAMPLE": "half"}, `environment: ACCESS_LOG_SAMPLE="half" is not a number`},
		{[]string{"--metrics-addr", "9100"}, nil, `metrics-addr must be empty, off or host:port, got "9100"`},
		{[]string{"--otlp-endpoint", "127.0.0.1:4318"}, nil, `otlp-endpoint must be an http:// or https:// URL, got "127.0.0.1:4318"`},
	} {
		if _, err := Parse(tc.args, env(tc.env)); err == nil || err.Error() != tc.want {
			t.Errorf("%v %v: got %v, want %q", tc.args, tc.env, err, tc.want)
		}
	}
	if _, err := Parse([]string{"--metrics-addr", "off"}, env(nil)); err != nil {
		t.Errorf("--metrics-addr off: %v", err)
	}
}
