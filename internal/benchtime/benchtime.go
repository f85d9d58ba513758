// Package benchtime is the benchmarks' loop: beside wall time it reports
// the processor time per op and the MB/s it implies, which the other
// processes of a shared machine inflate far less than wall time.
package benchtime

import (
	"fmt"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/whosaid/whosaid/internal/corpustest"
)

// Loop runs f in b.Loop with b.SetBytes(bytes) and b.ReportAllocs and,
// beside ns/op, reports the bytes allocated per input byte (B/byte), the
// processor time per op (cpu-ns/op) and the MB/s it implies (cpu-MB/s).
// With -cpu 1 the latter is the speed on one core.
func Loop(b *testing.B, bytes int64, f func()) {
	b.Helper()
	b.SetBytes(bytes)
	b.ReportAllocs()
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	c0, ok0 := CPU()
	n := 0
	for b.Loop() {
		f()
		n++
	}
	c1, ok1 := CPU()
	runtime.ReadMemStats(&m1)
	if n == 0 {
		return
	}
	if bytes > 0 {
		b.ReportMetric(float64(m1.TotalAlloc-m0.TotalAlloc)/float64(int64(n)*bytes), "B/byte")
	}
	if !ok0 || !ok1 {
		return
	}
	per := float64(c1-c0) / float64(n)
	b.ReportMetric(per, "cpu-ns/op")
	if bytes > 0 && per > 0 {
		b.ReportMetric(float64(bytes)/per*1e3, "cpu-MB/s")
	}
}

// Text is one input of a benchmark.
type Text struct{ Name, Text string }

// Hostile returns the hostile inputs of the stage benchmarks: 1 MB of
// straight double quote marks, 1 MB of words each wrapped in quote marks,
// 1.5 MB of short quotations each with its attribution, and, when the
// shared corpus is there, 1 MB of real news (the PolNeAR dev texts, one
// after another, as one article).
func Hostile(tb testing.TB) []Text {
	tb.Helper()
	fill := func(unit string, size int) string { return strings.Repeat(unit, size/len(unit)) }
	cases := []Text{
		{"straight-marks", fill(`"`, 1<<20)},
		{"quoted-words", fill(`"word" `, 1<<20)},
		{"said-x", fill("“We will win this,” said Smith. ", 3<<19)},
	}
	if _, err := os.Stat(corpustest.File("polnear/dev.jsonl")); err == nil {
		dev := strings.Join(corpustest.Texts(tb, "polnear/dev.jsonl"), "\n\n")
		cases = append(cases, Text{"dev-text", strings.Repeat(dev+"\n\n", (1<<20)/len(dev)+1)[:1<<20]})
	}
	return cases
}

// Span is the time one run took: wall time, and processor time where the
// system tells it (else wall time again).
type Span struct{ Wall, CPU time.Duration }

// Time runs f and returns how long it took. It collects garbage first, so
// that f is not charged for the garbage of what ran before it.
func Time(f func()) Span {
	runtime.GC()
	c0, ok0 := CPU()
	t0 := time.Now()
	f()
	s := Span{Wall: time.Since(t0)}
	s.CPU = s.Wall
	if c1, ok1 := CPU(); ok0 && ok1 {
		s.CPU = c1 - c0
	}
	return s
}

// Min returns the least of s and t, each time on its own.
func (s Span) Min(t Span) Span { return Span{min(s.Wall, t.Wall), min(s.CPU, t.CPU)} }

func (s Span) String() string {
	return fmt.Sprintf("%v (cpu %v)", s.Wall.Round(time.Microsecond), s.CPU.Round(time.Millisecond))
}
