package pipeline

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/examples/beam/internal/netns"
)

var corpus = flag.String("corpus", "", "also run the pipeline on this JSON Lines corpus and compare its records, sorted by id, with the library's (TestCorpus)")

// TestMain runs the tests in a network namespace whose only interface is
// loopback, so that the prism servers they start are not reachable from
// outside; where that is not possible (not Linux, namespaces not allowed)
// it says so and runs them as they are.
func TestMain(m *testing.M) {
	flag.Parse()
	if !netns.Isolated() {
		code, err := netns.Reexec()
		if err == nil {
			os.Exit(code)
		}
		fmt.Fprintf(os.Stderr, "pipeline test: %v; prism will listen on all interfaces\n", err)
	} else if err := netns.LoopbackUp(); err != nil {
		fmt.Fprintf(os.Stderr, "pipeline test: %v\n", err)
		os.Exit(1)
	}
	beam.Init()
	os.Exit(m.Run())
}

// testArticles are the test input: three articles, a blank line and three
// lines that are not articles (one of them not UTF-8).
var testArticles = []string{
	`{"id": "a1", "text": "“We will not back down,” Mayor Jane Smith said on Tuesday.\n\nSmith added that the plan was final. “It is done,” she said."}`,
	`{"id": "a2", "source": "test", "text": "The minister told reporters: \"The budget is balanced.\" He said the vote would pass, according to aides."}`,
	``,
	`{"id": "bad1", "text": 17}`,
	`{"id": 42, "text": "Nothing was said here at all."}`,
	`this line is not JSON`,
	"{\"id\": \"bad2\", \"text\": \"caf\xe9 au lait\"}",
}

func TestIsolated(t *testing.T) {
	if !netns.Isolated() {
		t.Skip("not in a network namespace of its own")
	}
	ok, err := netns.LoopbackOnly()
	if err != nil || !ok {
		t.Fatalf("LoopbackOnly() = %v, %v; want true", ok, err)
	}
}

func TestPipeline(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.jsonl")
	if err := os.WriteFile(in, []byte(strings.Join(testArticles, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, res := run(t, in, filepath.Join(dir, "out"), 2)

	// The library's own output for the same lines.
	ex, err := whosaid.New()
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	var wantDead []DeadLetter
	attrs, noName := 0, 0
	for _, line := range testArticles {
		if strings.TrimSpace(line) == "" {
			continue
		}
		a, err := whosaid.ParseArticle([]byte(line))
		if err != nil {
			// JSON carries invalid UTF-8 as U+FFFD.
			input := strings.ToValidUTF8(line, "\uFFFD")
			wantDead = append(wantDead, DeadLetter{File: in, ID: a.ID, Error: err.Error(), Input: input})
			continue
		}
		rec := whosaid.NewRecord(a.ID, ex.Extract(a.Text))
		b, err := rec.MarshalLine()
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, string(b))
		attrs += len(rec.Quotes)
		for _, q := range rec.Quotes {
			if SpeakerName(q) == "" {
				noName++
			}
		}
	}

	if len(got.records) != 3 {
		t.Errorf("%d records, want 3 (one per good article)", len(got.records))
	}
	if !slices.Equal(sortedCopy(got.records), sortedCopy(want)) {
		t.Errorf("records differ from the library's:\ngot  %q\nwant %q", got.records, want)
	}
	if len(got.shards) != 2 && len(got.records) >= 2 {
		t.Logf("records in %d shards (of 2): %v", len(got.shards), got.shards)
	}

	var dead []DeadLetter
	for _, l := range got.dead {
		var d DeadLetter
		if err := json.Unmarshal([]byte(l), &d); err != nil {
			t.Fatalf("dead letter %q: %v", l, err)
		}
		dead = append(dead, d)
	}
	byInput := func(a, b DeadLetter) int { return strings.Compare(a.Input, b.Input) }
	slices.SortFunc(dead, byInput)
	slices.SortFunc(wantDead, byInput)
	if !slices.Equal(dead, wantDead) {
		t.Errorf("dead letters:\ngot  %+v\nwant %+v", dead, wantDead)
	}
	for _, d := range dead {
		if d.Error == "" {
			t.Errorf("dead letter %+v has no reason", d)
		}
	}

	wantCounters := map[string]int64{
		CounterArticles:     3,
		CounterAttributions: int64(attrs),
		CounterErrors:       3,
		CounterBlank:        1,
		CounterUnnamed:      int64(noName),
	}
	counters := map[string]int64{}
	for _, c := range res.Metrics().AllMetrics().Counters() {
		if c.Namespace() == Namespace {
			counters[c.Name()] += c.Result()
		}
	}
	for name, n := range wantCounters {
		if n == 0 {
			continue // a counter never incremented is not reported
		}
		if counters[name] != n {
			t.Errorf("counter %s = %d, want %d (all: %v)", name, counters[name], n, counters)
		}
	}

	// The speakers output is the aggregate of the records' attributions.
	if gotSp, wantSp := sortedCopy(got.speakers), speakersOf(t, want); !slices.Equal(gotSp, wantSp) {
		t.Errorf("speakers:\ngot  %q\nwant %q", gotSp, wantSp)
	}
}

// TestCorpus runs the pipeline over -corpus and checks that its records,
// sorted, are byte-identical to the library's for the same file.
func TestCorpus(t *testing.T) {
	if *corpus == "" {
		t.Skip("no -corpus given")
	}
	if _, err := os.Stat(*corpus); err != nil {
		t.Skipf("corpus absent: %v", err)
	}
	in, err := filepath.Abs(*corpus)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	got, _ := run(t, in, filepath.Join(t.TempDir(), "out"), 4)
	t.Logf("pipeline on %s: %d records, %d dead letters, %d speakers in %v",
		in, len(got.records), len(got.dead), len(got.speakers), time.Since(start).Round(time.Millisecond))

	f, err := os.Open(in)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ex, err := whosaid.New()
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<30)
	for sc.Scan() {
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		a, err := whosaid.ParseArticle(sc.Bytes())
		if err != nil {
			continue
		}
		b, err := whosaid.NewRecord(a.ID, ex.Extract(a.Text)).MarshalLine()
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, string(b))
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	g, w := []byte(strings.Join(sortedCopy(got.records), "")), []byte(strings.Join(sortedCopy(want), ""))
	if !bytes.Equal(g, w) {
		t.Fatalf("records sorted by id are not byte-identical to the library's: %d vs %d records, %d vs %d bytes",
			len(got.records), len(want), len(g), len(w))
	}
	t.Logf("%d records, %d bytes: byte-identical to the library's", len(want), len(w))
}

func TestSpeakerCombineOrder(t *testing.T) {
	in := []Sample{
		{ID: "b", Start: 5, Text: "x"}, {ID: "a", Start: 9, Text: "y"}, {ID: "a", Start: 2, Text: "z"},
		{ID: "c", Start: 0, Text: "w"}, {ID: "a", Start: 2, Text: "z"},
	}
	var fn speakerFn
	all := fn.CreateAccumulator()
	for _, s := range in {
		all = fn.AddInput(all, s)
	}
	// The same inputs split across two accumulators, merged either way.
	l, r := fn.CreateAccumulator(), fn.CreateAccumulator()
	for i, s := range slices.Backward(in) {
		if i%2 == 0 {
			l = fn.AddInput(l, s)
		} else {
			r = fn.AddInput(r, s)
		}
	}
	want := Speaker{Attributions: 5, Samples: []Sample{{"a", 2, "z"}, {"a", 9, "y"}, {"b", 5, "x"}}}
	for name, got := range map[string]Speaker{
		"in order": fn.ExtractOutput(all),
		"l+r":      fn.ExtractOutput(fn.MergeAccumulators(l, r)),
		"r+l":      fn.ExtractOutput(fn.MergeAccumulators(r, l)),
	} {
		if got.Attributions != want.Attributions || !slices.Equal(got.Samples, want.Samples) {
			t.Errorf("%s: %+v, want %+v", name, got, want)
		}
	}
}

type outputs struct {
	records, dead, speakers []string // lines with their newline
	shards                  []string // names of the record files
}

// run builds and runs the pipeline on prism over in, writing under out.
func run(t *testing.T, in, out string, shards int) (outputs, beam.PipelineResult) {
	t.Helper()
	p, s := beam.NewPipelineWithRoot()
	Write(s, Extract(s, in), Paths{
		Records:     filepath.Join(out, "records"),
		DeadLetters: filepath.Join(out, "dead_letters"),
		Speakers:    filepath.Join(out, "speakers"),
		Shards:      shards,
	})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	res, err := beam.Run(ctx, "prism", p)
	if err != nil {
		t.Fatalf("pipeline: %v", err)
	}
	var o outputs
	o.records, o.shards = readShards(t, filepath.Join(out, "records"))
	o.dead, _ = readShards(t, filepath.Join(out, "dead_letters"))
	o.speakers, _ = readShards(t, filepath.Join(out, "speakers"))
	return o, res
}

// readShards reads the lines of every file named prefix-*.jsonl.
func readShards(t *testing.T, prefix string) (lines, files []string) {
	t.Helper()
	files, err := filepath.Glob(prefix + "-*-of-*.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for l := range strings.Lines(string(b)) {
			lines = append(lines, l)
		}
	}
	return lines, files
}

// speakersOf computes the speakers output of records in process.
func speakersOf(t *testing.T, records []string) []string {
	t.Helper()
	acc := map[string]Speaker{}
	var fn speakerFn
	for _, l := range records {
		var r whosaid.Record
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatal(err)
		}
		for _, q := range r.Quotes {
			if name := SpeakerName(q); name != "" {
				acc[name] = fn.AddInput(acc[name], Sample{ID: r.ID, Start: q.Extent.Start, Text: q.Text})
			}
		}
	}
	var out []string
	for name, sp := range acc {
		sp = fn.ExtractOutput(sp)
		b, err := json.Marshal(SpeakerLine{Speaker: name, Attributions: sp.Attributions, Samples: sp.Samples})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(b)+"\n")
	}
	slices.Sort(out)
	return out
}

func sortedCopy(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}
