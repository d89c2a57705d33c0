package onet_test

import (
	"testing"

	"github.com/careergraph/careergraph/dataset/onet"
	"github.com/careergraph/careergraph/dataset/readertest"
)

// FuzzOnetRead reads the fixture export with one file replaced by arbitrary bytes (see
// readertest.FuzzRead).
func FuzzOnetRead(f *testing.F) { readertest.FuzzRead(f, fixture(), onet.Read) }
