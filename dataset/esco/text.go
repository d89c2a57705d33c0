package esco

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// clean trims s and turns every run of white space (Unicode, so also tabs, carriage returns,
// line breaks and no-break spaces) into one ASCII space.
func clean(s string) string {
	if isClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// isClean reports whether clean(s) == s, without allocating.
func isClean(s string) bool {
	prevSpace := true // a leading space is not clean
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if unicode.IsSpace(r) {
			if r != ' ' || prevSpace {
				return false
			}
			prevSpace = true
		} else {
			prevSpace = false
		}
		i += size
	}
	return !prevSpace || s == ""
}

// paragraphs splits an ESCO description into paragraphs: one per non-blank line, each cleaned,
// with the stray backslashes some lines end with removed ("…conventions.\" then a newline).
// It returns the first paragraph (the summary) and all of them separated by blank lines.
func paragraphs(s string) (summary, description string) {
	var paras []string
	for line := range strings.SplitSeq(s, "\n") {
		line = strings.TrimRightFunc(line, func(r rune) bool { return r == '\\' || unicode.IsSpace(r) })
		if line = clean(line); line != "" {
			paras = append(paras, line)
		}
	}
	if len(paras) == 0 {
		return "", ""
	}
	return paras[0], strings.Join(paras, "\n\n")
}

// labels splits a multi-valued cell on sep, cleans every value and drops empty ones.
func labels(cell string, sep string) []string {
	if strings.TrimSpace(cell) == "" {
		return nil
	}
	var out []string
	for v := range strings.SplitSeq(cell, sep) {
		if v = clean(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// altNames keeps the values of names in order, without duplicates and without name itself.
// Lists are short (a few dozen values at most), so a linear scan beats a map.
func altNames(name string, names []string) []string {
	out := make([]string, 0, len(names))
	for i, n := range names {
		if n == name || slices.Contains(names[:i], n) {
			continue
		}
		out = append(out, n)
	}
	return out
}

// uuidOf returns the last path segment of an ESCO concept URI, e.g. the uuid of
// "http://data.europa.eu/esco/skill/0005c151-5b5a-4a66-8aac-60e734beb1ab".
func uuidOf(uri string) string {
	uri = strings.TrimSpace(uri)
	return uri[strings.LastIndexByte(uri, '/')+1:]
}
