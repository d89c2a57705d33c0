package main

import (
	"net/http"
	"testing"
)

// Each GraphiQL tab runs on the seed without an error.
func TestExamples(t *testing.T) {
	t.Run("run on the seed", func(t *testing.T) {
		forEachBackend(t, func(t *testing.T, h http.Handler) {
			for _, e := range examples {
				res := post(t, h, e.Query, nil)
				equal(t, "status", res.Status, http.StatusOK)
				equal(t, "error codes", res.codes(), []string(nil))
			}
		})
	})
}
