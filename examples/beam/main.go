// Command beam runs whosaid over a corpus of JSON Lines articles with Apache
// Beam: locally on prism, or on Dataflow, Flink or Spark with the runner's
// flags. See README.md.
//
//	go run . --input 'corpus/*.jsonl' --output out/run1
//
// writes out/run1/records-SSSSS-of-NNNNN.jsonl (the --format jsonl records of
// the command-line tool), out/run1/dead_letters-00000-of-00001.jsonl (lines
// that are not articles, with the reason) and
// out/run1/speakers-00000-of-00001.jsonl (per speaker, under its corpus-wide
// key: the names it goes by, documents, attributions and three sample
// quotations), and prints the pipeline's counters.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/options/jobopts"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx" // registers the runners and filesystems

	"github.com/whosaid/whosaid/examples/beam/internal/netns"
	"github.com/whosaid/whosaid/examples/beam/pipeline"
)

var (
	input   = flag.String("input", "", "JSON Lines articles to read: a path or glob (local, gs://, s3://)")
	output  = flag.String("output", "", "output prefix: records, dead_letters and speakers files are written under it")
	shards  = flag.Int("shards", 4, "number of record files")
	isolate = flag.Bool("isolate_network", true, "with the in-process prism runner, run in a network namespace whose only\ninterface is loopback, so that prism's servers cannot be reached from outside (Linux)")
)

func main() {
	flag.Parse()
	if *input == "" || *output == "" {
		fmt.Fprintln(os.Stderr, "usage: beam --input GLOB --output PREFIX [--shards N] [--runner prism|dataflow|flink|spark] [runner flags]")
		os.Exit(2)
	}
	// Prism, started in this process, listens on all interfaces; keep it
	// to loopback by running in a network namespace of our own.
	if inProcessPrism() && *isolate && !netns.Isolated() {
		code, err := netns.Reexec()
		if err != nil {
			fmt.Fprintf(os.Stderr, "beam: %v\n(run with --isolate_network=false to let prism listen on all interfaces)\n", err)
			os.Exit(1)
		}
		os.Exit(code)
	}
	if netns.Isolated() {
		if err := netns.LoopbackUp(); err != nil {
			fmt.Fprintf(os.Stderr, "beam: %v\n", err)
			os.Exit(1)
		}
	}
	beam.Init()

	p, s := beam.NewPipelineWithRoot()
	out := pipeline.Extract(s, *input)
	prefix := strings.TrimSuffix(*output, "/") + "/"
	pipeline.Write(s, out, pipeline.Paths{
		Records:     prefix + "records",
		DeadLetters: prefix + "dead_letters",
		Speakers:    prefix + "speakers",
		Shards:      *shards,
	})

	start := time.Now()
	ctx := context.Background()
	res, err := beamx.RunWithMetrics(ctx, p)
	if err != nil {
		slog.Error("pipeline failed", "err", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "beam: done in %v\n", time.Since(start).Round(time.Millisecond))
	if res != nil {
		counts := map[string]int64{}
		for _, c := range res.Metrics().AllMetrics().Counters() {
			if c.Namespace() == pipeline.Namespace {
				counts[c.Name()] += c.Result()
			}
		}
		for _, name := range pipeline.Counters {
			fmt.Fprintf(os.Stderr, "beam: %s: %d\n", name, counts[name])
		}
	}
}

// inProcessPrism reports whether the pipeline runs on a prism started in
// this process: the prism runner (the default) with no --endpoint.
func inProcessPrism() bool {
	r := *runners.Runner
	return (r == "" || r == "prism" || r == "PrismRunner") && *jobopts.Endpoint == ""
}
