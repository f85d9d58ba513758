package pipeline

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/examples/beam/internal/netns"
	"github.com/whosaid/whosaid/internal/corpustest"
	"github.com/whosaid/whosaid/speaker"
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
	articleAttrs := map[string][]whosaid.Attribution{}
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
		as := ex.Extract(a.Text)
		articleAttrs[a.ID] = as
		rec := whosaid.NewRecord(a.ID, as)
		b, err := rec.MarshalLine()
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, string(b))
		attrs += len(rec.Quotes)
		for _, at := range as {
			if speaker.NameOf(at) == "" {
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

	// The speakers output is the library's aggregate of the attributions.
	if gotSp, wantSp := sortedCopy(got.speakers), speakersOf(t, articleAttrs); !slices.Equal(gotSp, wantSp) {
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
	in := []Mention{
		{Sample: Sample{ID: "b", Start: 5, Text: "x"}, Name: "Smith"},
		{Sample: Sample{ID: "a", Start: 9, Text: "y"}, Name: "Jane Smith"},
		{Sample: Sample{ID: "a", Start: 2, Text: "z"}, Name: "Jane Smith"},
		{Sample: Sample{ID: "c", Start: 0, Text: "w"}, Name: "Mayor Smith"},
		{Sample: Sample{ID: "a", Start: 2, Text: "z"}, Name: "Jane Smith"},
	}
	var fn speakerFn
	all := fn.CreateAccumulator()
	for _, m := range in {
		all = fn.AddInput(all, m)
	}
	// The same inputs split across two accumulators, merged either way.
	l, r := fn.CreateAccumulator(), fn.CreateAccumulator()
	for i, m := range slices.Backward(in) {
		if i%2 == 0 {
			l = fn.AddInput(l, m)
		} else {
			r = fn.AddInput(r, m)
		}
	}
	want := Speaker{
		Attributions: 5,
		Variants:     []Variant{{"Jane Smith", 3}, {"Mayor Smith", 1}, {"Smith", 1}},
		Samples:      []Sample{{"a", 2, "z"}, {"a", 9, "y"}, {"b", 5, "x"}},
	}
	for name, got := range map[string]Speaker{
		"in order": fn.ExtractOutput(all),
		"l+r":      fn.ExtractOutput(fn.MergeAccumulators(l, r)),
		"r+l":      fn.ExtractOutput(fn.MergeAccumulators(r, l)),
	} {
		if got.Attributions != want.Attributions || !slices.Equal(got.Samples, want.Samples) || !slices.Equal(got.Variants, want.Variants) {
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

// speakersOf computes the speakers output in process with the library:
// speaker.Tally for the speakers, speaker.Keys for the samples' keys.
func speakersOf(t *testing.T, articles map[string][]whosaid.Attribution) []string {
	t.Helper()
	var tally speaker.Tally
	for id, as := range articles {
		tally.Add(id, as)
	}
	keys := tally.Keys()
	samples := map[string][]Sample{}
	for id, as := range articles {
		for _, a := range as {
			if k := keys[speaker.NameOf(a)]; k != "" {
				samples[k] = keep(append(samples[k], Sample{ID: id, Start: a.Extent.Start, Text: a.Extent.Text}))
			}
		}
	}
	var out []string
	for _, sp := range tally.Speakers() {
		b, err := json.Marshal(SpeakerLine{Speaker: sp, Samples: samples[sp.Speaker]})
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

// TestSpeakersEqualCLI runs the pipeline on PolNeAR dev and checks that its
// speakers, without their samples, are what "whosaid speakers --input
// jsonl" prints for the same file: the same keys, variants, documents and
// attributions.
func TestSpeakersEqualCLI(t *testing.T) {
	dev, err := filepath.Abs(corpustest.File("polnear/dev.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dev); err != nil {
		t.Skipf("PolNeAR dev absent (the corpus lives in ../shared/corpus beside the repository): %v", err)
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("no go command to run whosaid speakers: %v", err)
	}
	// The command is run in its own module, whose go.sum covers the
	// server's dependencies that this module does not need.
	cmd := exec.Command(goBin, "run", "./cmd/whosaid", "speakers", "--input", "jsonl", dev)
	cmd.Dir = filepath.Join("..", "..", "..")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	cli, err := cmd.Output()
	if err != nil {
		t.Fatalf("whosaid speakers: %v\n%s", err, stderr.String())
	}
	var want []speaker.Speaker
	for l := range strings.Lines(string(cli)) {
		var s speaker.Speaker
		if err := json.Unmarshal([]byte(l), &s); err != nil {
			t.Fatalf("whosaid speakers line %q: %v", l, err)
		}
		want = append(want, s)
	}

	got, _ := run(t, dev, filepath.Join(t.TempDir(), "out"), 4)
	var sp []speaker.Speaker
	for _, l := range got.speakers {
		var line SpeakerLine
		if err := json.Unmarshal([]byte(l), &line); err != nil {
			t.Fatalf("speakers line %q: %v", l, err)
		}
		if len(line.Samples) == 0 || len(line.Samples) > Samples {
			t.Errorf("%s: %d samples", line.Speaker.Speaker, len(line.Samples))
		}
		sp = append(sp, line.Speaker)
	}
	speaker.Sort(sp)
	if len(want) == 0 || !reflect.DeepEqual(sp, want) {
		t.Fatalf("the pipeline's %d speakers differ from whosaid speakers' %d", len(sp), len(want))
	}
	t.Logf("%d speakers, equal to whosaid speakers; first: %+v", len(sp), sp[0])
}
