package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/attribution"
	"github.com/whosaid/whosaid/eval"
)

const evalUsage = `usage: whosaid eval GOLD.jsonl [--pred PRED.jsonl] [--pronouns FILE] [--json]

Scores whosaid against gold attributions (one document per line). Without
--pred it runs the extractor over the gold texts; with --pred it scores the
predictions in PRED.jsonl (as "whosaid --input jsonl" writes them).

flags:
`

// runEval is the eval subcommand; it returns the exit status.
func runEval(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("whosaid eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, evalUsage)
		fs.PrintDefaults()
	}
	predFile := fs.String("pred", "", "score the predictions in this JSON Lines `file` instead of running the extractor")
	pronFile := fs.String("pronouns", "", "score pronoun resolution against the referents in this JSON Lines `file`")
	asJSON := fs.Bool("json", false, "print the scores as one JSON object")
	workers := fs.Int("workers", runtime.NumCPU(), "documents extracted in parallel")
	quoteRuns := quoteRunsFlag(fs)
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if len(pos) != 1 {
		fmt.Fprintln(stderr, "whosaid eval: want exactly one GOLD.jsonl")
		fs.Usage()
		return 2
	}
	if *workers < 1 {
		*workers = runtime.NumCPU()
	}
	fail := func(err error) int {
		fmt.Fprintf(stderr, "whosaid eval: %v\n", err)
		return 1
	}
	gold, err := eval.ReadDocsFile(pos[0])
	if err != nil {
		return fail(err)
	}
	var pred []eval.Doc
	if *predFile != "" {
		if pred, err = eval.ReadDocsFile(*predFile); err != nil {
			return fail(err)
		}
	} else {
		ex, err := whosaid.New(whosaid.WithAttribution(attribution.WithQuoteRuns(*quoteRuns)))
		if err != nil {
			return fail(err)
		}
		pred = eval.Predict(ex, gold, *workers)
	}
	if err := eval.Check(gold, pred); err != nil {
		return fail(err)
	}
	if miss := eval.Missing(gold, pred); len(miss) > 0 {
		fmt.Fprintf(stderr, "whosaid eval: warning: %d of %d gold documents have no prediction (first %q); they count as predicting nothing\n", len(miss), len(gold), miss[0])
	}
	var pronouns []eval.Pronoun
	if *pronFile != "" {
		if pronouns, err = eval.ReadPronounsFile(*pronFile); err != nil {
			return fail(err)
		}
	}
	rep := eval.Score(gold, pred, pronouns)
	w := bufio.NewWriter(stdout)
	if *asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		err = enc.Encode(rep)
	} else {
		err = rep.WriteTable(w)
	}
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		return writeFailed(classifyWrite(err), stderr)
	}
	return 0
}
