// Package pipeline is an Apache Beam pipeline that runs whosaid over a
// corpus of JSON Lines articles ({"id": ..., "text": ...}, one per line).
//
// It writes three outputs:
//
//   - records: one line per article in the prediction format of the
//     command-line tool's --format jsonl (whosaid.NewRecord encoded with
//     Record.MarshalLine), byte for byte, in sharded files;
//   - dead letters: one JSON line per input line that could not be read as
//     an article, with the file it came from and the reason, so that nothing
//     is dropped silently;
//   - speakers: one JSON line per canonical speaker name across the corpus,
//     with the number of attributions and three sample quotations, combined
//     with CombinePerKey.
//
// Beam metrics in the namespace "whosaid" count articles, attributions,
// errors (dead letters), blank lines (skipped) and attributions left out of
// the speakers output for want of a name.
//
// The same pipeline runs on prism (locally, in process), Dataflow, Flink or
// Spark: only the runner flags change.
package pipeline

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"reflect"
	"slices"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/textio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	// Filesystems the pipeline can read from and write to.
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/gcs"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/s3"

	"github.com/whosaid/whosaid"
)

// Namespace is the namespace of the pipeline's Beam metrics.
const Namespace = "whosaid"

// Names of the pipeline's counters in [Namespace].
const (
	CounterArticles     = "articles"     // articles extracted
	CounterAttributions = "attributions" // attributions in the records
	CounterErrors       = "errors"       // lines sent to the dead-letter output
	CounterBlank        = "blank_lines"  // empty or white-space lines, skipped
	CounterUnnamed      = "unnamed"      // attributions left out of the speakers output
)

// Counters lists the pipeline's counter names.
var Counters = []string{CounterArticles, CounterAttributions, CounterErrors, CounterBlank, CounterUnnamed}

// Samples is the number of sample quotations kept per speaker.
const Samples = 3

var (
	articles     = beam.NewCounter(Namespace, CounterArticles)
	attributions = beam.NewCounter(Namespace, CounterAttributions)
	errorsCount  = beam.NewCounter(Namespace, CounterErrors)
	blankLines   = beam.NewCounter(Namespace, CounterBlank)
	unnamed      = beam.NewCounter(Namespace, CounterUnnamed)
)

func init() {
	register.DoFn6x0[context.Context, string, string, func(string), func(string, Sample), func(string)](&extractFn{})
	register.Emitter1[string]()
	register.Emitter2[string, Sample]()
	register.Emitter2[int, string]()
	register.DoFn3x0[string, Speaker, func(string)](&formatSpeakerFn{})
	register.DoFn2x0[string, func(int, string)](&shardFn{})
	register.DoFn3x1[context.Context, int, func(*string) bool, error](&writeShardFn{})
	register.Iter1[string]()
	register.Combiner3[Speaker, Sample, Speaker](&speakerFn{})
	beam.RegisterType(reflect.TypeFor[Sample]())
	beam.RegisterType(reflect.TypeFor[Speaker]())
}

// Outputs are the collections the pipeline builds from its input.
type Outputs struct {
	// Records are the prediction lines, without their final newline.
	Records beam.PCollection
	// DeadLetters are the JSON lines of the input lines that failed, each
	// a [DeadLetter], without a final newline.
	DeadLetters beam.PCollection
	// Speakers are the JSON lines of the per-speaker aggregate, each a
	// [SpeakerLine], without a final newline.
	Speakers beam.PCollection
}

// Extract reads the JSON Lines articles matched by glob (any filesystem
// Beam knows: a local path, gs://, s3://) and extracts their attributions.
func Extract(s beam.Scope, glob string) Outputs {
	s = s.Scope("whosaid")
	lines := textio.ReadWithFilename(s, glob)
	recs, samples, dead := beam.ParDo3(s, &extractFn{}, lines)
	speakers := beam.CombinePerKey(s, &speakerFn{}, samples)
	return Outputs{
		Records:     recs,
		DeadLetters: dead,
		Speakers:    beam.ParDo(s, &formatSpeakerFn{}, speakers),
	}
}

// Paths are where [Write] puts the outputs: each is a file prefix to which
// "-SSSSS-of-NNNNN.jsonl" is added. An empty path leaves that output out.
type Paths struct {
	Records, DeadLetters, Speakers string
	// Shards is the number of record files; the smaller outputs are
	// written to one file each. Zero or less means 1.
	Shards int
}

// Write writes the outputs to their paths.
func Write(s beam.Scope, out Outputs, p Paths) {
	WriteShards(s.Scope("records"), p.Records, max(p.Shards, 1), out.Records)
	WriteShards(s.Scope("dead_letters"), p.DeadLetters, 1, out.DeadLetters)
	WriteShards(s.Scope("speakers"), p.Speakers, 1, out.Speakers)
}

// ShardName is the name of shard i of n files with the given prefix:
// prefix-00001-of-00004.jsonl.
func ShardName(prefix string, i, n int) string {
	return fmt.Sprintf("%s-%05d-of-%05d.jsonl", prefix, i, n)
}

// WriteShards writes the lines of col, a PCollection<string>, to n files
// named by [ShardName], one line per element followed by a newline. A line
// goes to the shard its hash picks, so a run writes the same files whatever
// the runner's bundling; a shard that receives no line is not written.
// An empty prefix writes nothing.
func WriteShards(s beam.Scope, prefix string, n int, col beam.PCollection) {
	if prefix == "" {
		return
	}
	filesystem.ValidateScheme(prefix)
	keyed := beam.ParDo(s, &shardFn{Shards: n}, col)
	beam.ParDo0(s, &writeShardFn{Prefix: prefix, Shards: n}, beam.GroupByKey(s, keyed))
}

// DeadLetter is one line of the dead-letter output.
type DeadLetter struct {
	// File is the input file the line came from.
	File string `json:"file"`
	// ID is the article's id, when the line had a readable one.
	ID string `json:"id,omitempty"`
	// Error is the reason the line was not extracted.
	Error string `json:"error"`
	// Input is the line as read (invalid UTF-8 is replaced by U+FFFD).
	Input string `json:"input"`
}

// Sample is one quotation of a speaker: its article, start offset and text.
type Sample struct {
	ID    string `json:"id"`
	Start int    `json:"start"`
	Text  string `json:"text"`
}

func (a Sample) compare(b Sample) int {
	return cmp.Or(strings.Compare(a.ID, b.ID), cmp.Compare(a.Start, b.Start), strings.Compare(a.Text, b.Text))
}

// Speaker is the aggregate of one speaker: the number of attributions and
// the [Samples] samples that come first by (id, start).
type Speaker struct {
	Attributions int      `json:"attributions"`
	Samples      []Sample `json:"samples"`
}

// SpeakerLine is one line of the speakers output: a speaker's name and
// aggregate.
type SpeakerLine struct {
	Speaker      string   `json:"speaker"`
	Attributions int      `json:"attributions"`
	Samples      []Sample `json:"samples"`
}

// SpeakerName is the key an attribution is aggregated under: the resolved
// canonical name of its speaker, else the speaker mention as written; ""
// (not aggregated) when there is no speaker or the name is a bare pronoun
// ("he", "they", "you"), which names no one across a corpus.
func SpeakerName(q whosaid.Attribution) string {
	n := strings.TrimSpace(q.Entity.Name)
	if n == "" {
		n = strings.TrimSpace(q.Speaker.Text)
	}
	if n == "" {
		return ""
	}
	if pronouns[strings.ToLower(n)] {
		return ""
	}
	return n
}

// pronouns are the personal pronouns that can stand as a speaker.
var pronouns = map[string]bool{
	"i": true, "me": true, "we": true, "us": true, "you": true,
	"he": true, "him": true, "she": true, "her": true, "it": true,
	"they": true, "them": true, "one": true,
}

// extractFn turns one input line into its record line, the samples of its
// attributed quotations, or a dead letter.
type extractFn struct {
	ex *whosaid.Extractor
}

// Setup builds the worker's Extractor, once per DoFn instance. Models and
// lexicons load once per process, and the Extractor is safe for
// concurrent use.
func (fn *extractFn) Setup() error {
	ex, err := whosaid.New()
	if err != nil {
		return fmt.Errorf("pipeline: %w", err)
	}
	fn.ex = ex
	return nil
}

func (fn *extractFn) ProcessElement(ctx context.Context, file, line string, emitRecord func(string), emitSample func(string, Sample), emitDead func(string)) {
	if strings.TrimSpace(line) == "" {
		blankLines.Inc(ctx, 1)
		return
	}
	rec, err := fn.extract(line)
	if err != nil {
		errorsCount.Inc(ctx, 1)
		emitDead(deadLetter(file, rec.ID, line, err))
		return
	}
	b, err := rec.MarshalLine()
	if err != nil {
		errorsCount.Inc(ctx, 1)
		emitDead(deadLetter(file, rec.ID, line, err))
		return
	}
	articles.Inc(ctx, 1)
	attributions.Inc(ctx, int64(len(rec.Quotes)))
	emitRecord(strings.TrimSuffix(string(b), "\n"))
	for _, q := range rec.Quotes {
		if name := SpeakerName(q); name != "" {
			emitSample(name, Sample{ID: rec.ID, Start: q.Extent.Start, Text: q.Text})
		} else {
			unnamed.Inc(ctx, 1)
		}
	}
}

// extract parses line and builds its record. A panic in the extractor is
// caught and returned as an error, so that one article cannot fail the
// bundle (and, retried, the job); the record carries the id whenever the
// line had one.
func (fn *extractFn) extract(line string) (rec whosaid.Record, err error) {
	a, err := whosaid.ParseArticle([]byte(line))
	rec.ID = a.ID
	if err != nil {
		return rec, err
	}
	defer func() {
		if p := recover(); p != nil {
			rec, err = whosaid.Record{ID: a.ID}, fmt.Errorf("internal error: %v", p)
		}
	}()
	return whosaid.NewRecord(a.ID, fn.ex.Extract(a.Text)), nil
}

func deadLetter(file, id, line string, err error) string {
	b, jerr := json.Marshal(DeadLetter{File: file, ID: id, Error: err.Error(), Input: line})
	if jerr != nil {
		// Unreachable: the struct holds strings only.
		return fmt.Sprintf(`{"file":%q,"error":"encode dead letter: %s"}`, file, jerr)
	}
	return string(b)
}

// speakerFn counts a speaker's attributions and keeps the samples that
// come first by (id, start), so that the output does not depend on the
// order in which the runner combines.
type speakerFn struct{}

func (speakerFn) CreateAccumulator() Speaker { return Speaker{} }

func (speakerFn) AddInput(acc Speaker, s Sample) Speaker {
	acc.Attributions++
	acc.Samples = keep(append(acc.Samples, s))
	return acc
}

func (speakerFn) MergeAccumulators(a, b Speaker) Speaker {
	a.Attributions += b.Attributions
	a.Samples = keep(append(slices.Clip(a.Samples), b.Samples...))
	return a
}

func (speakerFn) ExtractOutput(acc Speaker) Speaker {
	if acc.Samples == nil {
		acc.Samples = []Sample{}
	}
	return acc
}

// keep sorts samples by (id, start) and keeps the first [Samples].
func keep(ss []Sample) []Sample {
	slices.SortFunc(ss, Sample.compare)
	ss = slices.CompactFunc(ss, func(a, b Sample) bool { return a.compare(b) == 0 })
	return slices.Clip(ss[:min(len(ss), Samples)])
}

type formatSpeakerFn struct{}

func (formatSpeakerFn) ProcessElement(name string, sp Speaker, emit func(string)) {
	b, err := json.Marshal(SpeakerLine{Speaker: name, Attributions: sp.Attributions, Samples: sp.Samples})
	if err != nil {
		return // unreachable: strings and ints only
	}
	emit(string(b))
}

// shardFn keys each line by the shard it is written to.
type shardFn struct {
	Shards int `json:"shards"`
}

func (fn *shardFn) ProcessElement(line string, emit func(int, string)) {
	h := fnv.New32a()
	h.Write([]byte(line))
	emit(int(h.Sum32()%uint32(max(fn.Shards, 1))), line)
}

// writeShardFn writes all the lines of one shard to its file.
type writeShardFn struct {
	Prefix string `json:"prefix"`
	Shards int    `json:"shards"`
}

func (fn *writeShardFn) ProcessElement(ctx context.Context, shard int, lines func(*string) bool) (err error) {
	name := ShardName(fn.Prefix, shard, fn.Shards)
	fs, err := filesystem.New(ctx, name)
	if err != nil {
		return fmt.Errorf("pipeline: %w", err)
	}
	defer fs.Close()
	w, err := fs.OpenWrite(ctx, name)
	if err != nil {
		return fmt.Errorf("pipeline: open %s: %w", name, err)
	}
	defer func() {
		if cerr := w.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("pipeline: close %s: %w", name, cerr)
		}
	}()
	buf := make([]byte, 0, 1<<20)
	var line string
	for lines(&line) {
		buf = append(append(buf, line...), '\n')
		if len(buf) >= 1<<20 {
			if _, err := w.Write(buf); err != nil {
				return fmt.Errorf("pipeline: write %s: %w", name, err)
			}
			buf = buf[:0]
		}
	}
	if _, err := w.Write(buf); err != nil {
		return fmt.Errorf("pipeline: write %s: %w", name, err)
	}
	return nil
}
