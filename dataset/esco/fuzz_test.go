package esco_test

import (
	"testing"

	"github.com/careergraph/careergraph/dataset/esco"
	"github.com/careergraph/careergraph/dataset/readertest"
)

// FuzzEscoRead reads the fixture export with one file replaced by arbitrary bytes (see
// readertest.FuzzRead).
func FuzzEscoRead(f *testing.F) { readertest.FuzzRead(f, fixture(), esco.Read) }
