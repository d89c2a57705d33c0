package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/careergraph/careergraph/dataset"
	"github.com/careergraph/careergraph/dataset/registry"
	"github.com/careergraph/careergraph/internal/datafiles"
	"github.com/careergraph/careergraph/internal/testbackend"
)

// cutONET returns a stand-in for the O*NET excerpt folder (symbolic links to its files) whose
// Occupation Data.txt is cut in the middle of its line 12, as an interrupted download leaves it,
// and the error reading it must give.
func cutONET(t *testing.T) (dir string, want dataset.ParseError) {
	t.Helper()
	src := datafiles.Excerpt(t, "onet")
	dir = t.TempDir()
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() == "Occupation Data.txt" {
			continue
		}
		if err := os.Symlink(filepath.Join(src, e.Name()), filepath.Join(dir, e.Name())); err != nil {
			t.Fatal(err)
		}
	}
	b, err := os.ReadFile(filepath.Join(src, "Occupation Data.txt"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(b), "\n")
	const line = 12
	cut := strings.Join(lines[:line-1], "") + lines[line-1][:len(lines[line-1])/2]
	if err := os.WriteFile(filepath.Join(dir, "Occupation Data.txt"), []byte(cut), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, dataset.ParseError{File: "Occupation Data.txt", Line: line,
		Reason: "truncated file: the last record has no line break at its end"}
}

// wantParseError checks that err wraps a *dataset.ParseError equal to want.
func wantParseError(t *testing.T, err error, want dataset.ParseError) {
	t.Helper()
	var pe *dataset.ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("error %v, want a *dataset.ParseError %q", err, want.Error())
	}
	if *pe != want {
		t.Errorf("ParseError %#v\nwant       %#v", *pe, want)
	}
}

func TestMalformedDatasetFailsBeforeLoading(t *testing.T) {
	dir, want := cutONET(t)
	env := func(vars map[string]string) func(string) string {
		return func(name string) string { return vars[name] }
	}

	t.Run("--dataset: the server does not start", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second) // bounds a server that would start
		defer cancel()
		err := run(ctx, []string{"--dataset", "onet=" + dir, "--addr", "127.0.0.1:0"}, env(map[string]string{"LOG_LEVEL": "error"}))
		wantParseError(t, err, want)
		if got, wantMsg := err.Error(), "read dataset onet: read O*NET from "+dir+": "+want.Error(); got != wantMsg {
			t.Errorf("error %q\nwant  %q", got, wantMsg)
		}
	})
	t.Run("import: fails before connecting to Neo4j", func(t *testing.T) {
		// No Neo4j listens on port 1: an import that got as far as Neo4j would fail differently.
		err := run(context.Background(), []string{"import", "onet", "--dir", dir},
			env(map[string]string{"NEO4J_URI": "bolt://127.0.0.1:1", "LOG_LEVEL": "error"}))
		wantParseError(t, err, want)
	})
}

func TestReadDatasetLogsWarningsPerFile(t *testing.T) {
	var buf bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&buf, nil))
	if _, err := registry.Read("onet", datafiles.Excerpt(t, "onet"), logger); err != nil {
		t.Fatal(err)
	}
	type line struct {
		Msg      string
		Dataset  string
		Warning  string
		File     string
		Warnings int
	}
	var got []line
	for _, l := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
		var v line
		if err := json.Unmarshal([]byte(l), &v); err != nil {
			t.Fatal(err)
		}
		got = append(got, line{Msg: v.Msg, Dataset: v.Dataset, Warning: v.Warning, File: v.File, Warnings: v.Warnings})
	}
	want := []line{
		{Msg: "career moves inferred", Dataset: "onet"},
		{Msg: "dataset warning", Dataset: "onet",
			Warning: `Knowledge.txt.gz:751: Not Relevant = Y: 2.C.3.d "Building and Construction" (importance 2.63) dropped from 17-3031.00`},
		{Msg: "dataset warning", Dataset: "onet",
			Warning: `Knowledge.txt.gz:906: Recommend Suppress = Y: 2.C.7.a "English Language" (importance 5) dropped from 27-3043.00`},
		{Msg: "dataset warnings per file", Dataset: "onet", File: "Knowledge.txt.gz", Warnings: 2},
		{Msg: "dataset read", Dataset: "onet", Warnings: 2},
	}
	equal(t, "log lines", got, want)
}

func TestMalformedImportLeavesNeo4jData(t *testing.T) {
	s := testbackend.OpenNeo4j(t)
	testbackend.LoadNeo4j(t, s, testbackend.Seed(t))
	cfg := testbackend.Neo4jConfig()
	env := func(name string) string {
		return map[string]string{"NEO4J_URI": cfg.URI, "NEO4J_USER": cfg.User, "NEO4J_PASSWORD": cfg.Password,
			"NEO4J_DATABASE": cfg.Database, "LOG_LEVEL": "error"}[name]
	}
	ctx := context.Background()
	before, err := s.Stats(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	dir, want := cutONET(t)
	wantParseError(t, run(ctx, []string{"import", "onet", "--dir", dir}, env), want)
	after, err := s.Stats(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "stats after the failed import", after, before)
	ds, err := s.Datasets(ctx)
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "datasets", len(ds), 1)
}
