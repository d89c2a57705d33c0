package rome_test

import (
	"testing"

	"github.com/careergraph/careergraph/dataset/readertest"
	"github.com/careergraph/careergraph/dataset/rome"
)

// FuzzRomeRead reads the fixture export with one file replaced by arbitrary bytes (see
// readertest.FuzzRead).
func FuzzRomeRead(f *testing.F) { readertest.FuzzRead(f, fixture(), rome.Read) }
