// Package textsearch matches search queries against names, in French and English: it folds
// texts (Fold, Tokens), reads French inclusive and paired forms into their masculine and
// feminine readings (Variants), parses queries and scores names against them (ParseQuery,
// PrepareTexts, MatchText), and finds the names a query matches without scanning them all
// (Index, an inverted index in memory).
//
// It knows nothing of professions, datasets or stores: it matches texts identified by plain
// string IDs. Both stores score search results with it, so that they answer identically: the
// memory store finds candidates with an Index, Neo4j with its full-text index over the Words
// of each node; both then score every candidate with MatchText (or its prepared form,
// Query.Match) and drop those that do not match. How the results are ordered, and how a
// request stops, are the caller's: an Index returns its hits in the order the nodes were added
// and stops when the Stopper it is given says so.
package textsearch
