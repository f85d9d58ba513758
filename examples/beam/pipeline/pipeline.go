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
//   - speakers: one JSON line per speaker of the corpus under its
//     corpus-wide key (speaker.Keys of the library: "Donald J. Trump",
//     "Donald Trump" and "Mr. Trump" are one speaker), with the names it
//     goes by, the number of documents and attributions, and three sample
//     quotations: the speakers, variants and counts of the command
//     "whosaid speakers" (see speakers.go).
//
// Beam metrics in the namespace "whosaid" count articles, attributions,
// errors (dead letters), blank lines (skipped) and attributions left out of
// the speakers output for want of a name.
//
// The same pipeline runs on prism (locally, in process), Dataflow, Flink or
// Spark: only the runner flags change.
package pipeline

import (
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"reflect"
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
	"github.com/whosaid/whosaid/speaker"
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
	register.DoFn6x0[context.Context, string, string, func(string), func(string, Mention), func(string)](&extractFn{})
	register.Emitter1[string]()
	register.Emitter2[string, Mention]()
	register.Emitter2[int, string]()
	register.DoFn2x0[string, func(int, string)](&shardFn{})
	register.DoFn3x1[context.Context, int, func(*string) bool, error](&writeShardFn{})
	register.Iter1[string]()
	beam.RegisterType(reflect.TypeFor[Sample]())
	beam.RegisterType(reflect.TypeFor[Mention]())
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
	recs, mentions, dead := beam.ParDo3(s, &extractFn{}, lines)
	return Outputs{
		Records:     recs,
		DeadLetters: dead,
		Speakers:    Speakers(s, mentions),
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

// extractFn turns one input line into its record line, the mentions of
// its named speakers, or a dead letter.
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

func (fn *extractFn) ProcessElement(ctx context.Context, file, line string, emitRecord func(string), emitMention func(string, Mention), emitDead func(string)) {
	if strings.TrimSpace(line) == "" {
		blankLines.Inc(ctx, 1)
		return
	}
	id, attrs, err := fn.extract(line)
	if err != nil {
		errorsCount.Inc(ctx, 1)
		emitDead(deadLetter(file, id, line, err))
		return
	}
	rec := whosaid.NewRecord(id, attrs)
	b, err := rec.MarshalLine()
	if err != nil {
		errorsCount.Inc(ctx, 1)
		emitDead(deadLetter(file, id, line, err))
		return
	}
	articles.Inc(ctx, 1)
	attributions.Inc(ctx, int64(len(rec.Quotes)))
	emitRecord(strings.TrimSuffix(string(b), "\n"))
	for i, f := range speaker.FormsOf(attrs) {
		if f.Name == "" {
			unnamed.Inc(ctx, 1)
			continue
		}
		q := rec.Quotes[i]
		s := Sample{ID: id, Start: q.Extent.Start, Text: q.Text}
		emitMention(f.Name, Mention{Sample: s, Male: f.Male, Female: f.Female, Person: f.Person, Namesake: f.Namesake})
	}
}

// extract parses line and extracts its attributions. A panic in the
// extractor is caught and returned as an error, so that one article cannot
// fail the bundle (and, retried, the job); the id is returned whenever the
// line had one.
func (fn *extractFn) extract(line string) (id string, attrs []whosaid.Attribution, err error) {
	a, err := whosaid.ParseArticle([]byte(line))
	if err != nil {
		return a.ID, nil, err
	}
	defer func() {
		if p := recover(); p != nil {
			attrs, err = nil, fmt.Errorf("internal error: %v", p)
		}
	}()
	return a.ID, fn.ex.Extract(a.Text), nil
}

func deadLetter(file, id, line string, err error) string {
	b, jerr := json.Marshal(DeadLetter{File: file, ID: id, Error: err.Error(), Input: line})
	if jerr != nil {
		// Unreachable: the struct holds strings only.
		return fmt.Sprintf(`{"file":%q,"error":"encode dead letter: %s"}`, file, jerr)
	}
	return string(b)
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
