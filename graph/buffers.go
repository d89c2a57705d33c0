package graph

import (
	"bytes"
	"context"
	"sync"
)

// Response buffers. Every answer is written twice into memory before it reaches the
// connection: the direct writer writes the response's data (direct.go), and writeResponse
// writes the whole response around it (transport.go). Both buffers come from one pool and go
// back to it once the response is written, so that a steady stream of requests allocates, and
// zeroes, none of them.

// bufferPool holds response buffers no larger than maxPooledBuffer.
var bufferPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// maxPooledBuffer is the largest buffer the pool keeps: a larger one (a rare, large answer) is
// left to the garbage collector, so that the pool never pins more than a few of these per core.
const maxPooledBuffer = 256 << 10

// getBuffer returns an empty buffer from the pool.
func getBuffer() *bytes.Buffer { return bufferPool.Get().(*bytes.Buffer) }

// putBuffer returns buf to the pool; nothing may use it, or bytes it returned, afterwards.
func putBuffer(buf *bytes.Buffer) {
	if buf.Cap() > maxPooledBuffer {
		return
	}
	buf.Reset()
	bufferPool.Put(buf)
}

// requestBuffers are the pooled buffers whose bytes a request's response holds until the
// transport has written it (the direct writer's data): released together after the write.
type requestBuffers struct {
	mu   sync.Mutex
	held []*bytes.Buffer
}

// requestBuffersKey is the context key of a request's requestBuffers.
type requestBuffersKey struct{}

// withRequestBuffers returns ctx with a place for the request's pooled buffers, and the
// function that returns them to the pool once the response is written.
func withRequestBuffers(ctx context.Context) (context.Context, func()) {
	rb := &requestBuffers{}
	return context.WithValue(ctx, requestBuffersKey{}, rb), func() {
		rb.mu.Lock()
		defer rb.mu.Unlock()
		for _, buf := range rb.held {
			putBuffer(buf)
		}
		rb.held = nil
	}
}

// responseBuffer returns an empty buffer for bytes the request's response holds: from the pool
// when the transport releases the request's buffers (withRequestBuffers), else a new one.
func responseBuffer(ctx context.Context) *bytes.Buffer {
	rb, _ := ctx.Value(requestBuffersKey{}).(*requestBuffers)
	if rb == nil {
		return new(bytes.Buffer)
	}
	buf := getBuffer()
	rb.mu.Lock()
	rb.held = append(rb.held, buf)
	rb.mu.Unlock()
	return buf
}
