// Package careergraph is the root of the careergraph module; see README.md.
package careergraph

//go:generate go tool gqlgen generate
