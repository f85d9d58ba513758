// Package benchtime is the benchmarks' loop: beside wall time it reports
// the processor time per op and the MB/s it implies, which the other
// processes of a shared machine inflate far less than wall time.
package benchtime

import "testing"

// Loop runs f in b.Loop with b.SetBytes(bytes) and b.ReportAllocs and,
// beside ns/op, reports the processor time per op (cpu-ns/op) and the MB/s
// it implies (cpu-MB/s). With -cpu 1 the latter is the speed on one core.
func Loop(b *testing.B, bytes int64, f func()) {
	b.Helper()
	b.SetBytes(bytes)
	b.ReportAllocs()
	c0, ok0 := CPU()
	n := 0
	for b.Loop() {
		f()
		n++
	}
	c1, ok1 := CPU()
	if !ok0 || !ok1 || n == 0 {
		return
	}
	per := float64(c1-c0) / float64(n)
	b.ReportMetric(per, "cpu-ns/op")
	if bytes > 0 && per > 0 {
		b.ReportMetric(float64(bytes)/per*1e3, "cpu-MB/s")
	}
}
