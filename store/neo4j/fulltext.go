package neo4jstore

import (
	"fmt"
	"slices"
	"strings"

	"github.com/careergraph/careergraph/textsearch"
)

// The Lucene side of search: what the full-text index FullTextIndex stores for each node
// (SearchField) and the query that selects on it every node textsearch.MatchText can accept
// (FullTextQuery). Scoring stays textsearch's.

// SearchField returns the text the full-text index stores for a node with these names
// (texts[0] the name, texts[1:] alternative names): its textsearch.Words joined by single
// spaces. Neo4j indexes it with a whitespace analyzer; FullTextQuery selects on it a superset
// of the nodes textsearch.MatchText accepts.
func SearchField(texts []string) string {
	return strings.Join(textsearch.Words(texts), " ")
}

// FullTextQuery returns the Lucene query that selects, on the field SearchField builds, every
// node textsearch.MatchText could accept for query (and possibly more): for each query
// variant, all its tokens as required prefix terms, the variants OR-ed:
// "développeuse back" → "(+developpeuse* +back*)". Lucene's special characters are escaped.
// ok is false when the query has no tokens.
func FullTextQuery(query string) (string, bool) {
	q, ok := textsearch.ParseQuery(query)
	if !ok {
		return "", false
	}
	return luceneQuery(q), true
}

// luceneQuery returns a parsed query's Lucene form (see FullTextQuery). A query that corrects
// typos (textsearch.Query.WithTypos) also selects, for every variant, the nodes where each
// word long enough for typos is a prefix or a fuzzy term at most textsearch.MaxEdits away
// ("developeur web" → "(+(developeur* developeur~2) +web*)"): Lucene's fuzzy terms count
// edits as textsearch does (transpositions included). A Lucene fuzzy term expands to at most
// 50 index terms (its default, which the query syntax cannot change) where the embedded
// store corrects a word into every word within its edits: the stores answer alike as long as
// no typed word has more than 50 words of the index within its edits (the full-data tests
// compare both stores on every query of the search-quality set).
func luceneQuery(q *textsearch.Query) string {
	var b strings.Builder
	clause := func(v []string, typos bool) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteByte('(')
		for j, tok := range v {
			if j > 0 {
				b.WriteByte(' ')
			}
			b.WriteByte('+')
			k := textsearch.MaxEdits(tok)
			if typos && k > 0 {
				fmt.Fprintf(&b, "(%s* %s~%d)", EscapeLucene(tok), EscapeLucene(tok), k)
				continue
			}
			b.WriteString(EscapeLucene(tok))
			b.WriteByte('*')
		}
		b.WriteByte(')')
	}
	for _, v := range q.Selective() {
		clause(v, false)
	}
	if q.Typos() {
		for _, v := range q.Variants() {
			if slices.ContainsFunc(v, func(tok string) bool { return textsearch.MaxEdits(tok) > 0 }) {
				clause(v, true)
			}
		}
	}
	return b.String()
}

// EscapeLucene backslash-escapes the characters Lucene's classic query parser gives a meaning
// to (+ - & | ! ( ) { } [ ] ^ " ~ * ? : \ /), so that s is read as one literal term.
func EscapeLucene(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`+-&|!(){}[]^"~*?:\/`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
