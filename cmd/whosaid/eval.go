package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/attribution"
	"github.com/whosaid/whosaid/eval"
	"github.com/whosaid/whosaid/internal/linear"
)

const evalUsage = `usage: whosaid eval GOLD.jsonl [--pred PRED.jsonl] [--pronouns FILE] [--calibration] [--model=false] [--json]

Scores whosaid against gold attributions (one document per line). Without
--pred it runs the extractor over the gold texts; with --pred it scores the
predictions in PRED.jsonl (as "whosaid --input jsonl" writes them). With
--calibration it also compares each prediction's confidence with whether
it is right (its content matches a gold attribution and its speaker is
that attribution's): a reliability table in ten bins and the expected
calibration error.

flags:
`

// runEval is the eval subcommand; it returns the exit status.
func runEval(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("whosaid eval", flag.ContinueOnError)
	flags.SetOutput(stderr)
	flags.Usage = func() {
		fmt.Fprint(stderr, evalUsage)
		flags.PrintDefaults()
	}
	predFile := flags.String("pred", "", "score the predictions in this JSON Lines `file` instead of running the extractor")
	pronFile := flags.String("pronouns", "", "score pronoun resolution against the referents in this JSON Lines `file`")
	asJSON := flags.Bool("json", false, "print the scores as one JSON object")
	useModel := flags.Bool("model", true, "choose among the rules' readings with the trained model; false scores the rules alone")
	calibration := flags.Bool("calibration", false, "also print how well the confidences are calibrated: a reliability table and the expected calibration error (ECE)")
	workers := flags.Int("workers", runtime.NumCPU(), fmt.Sprintf("documents extracted in parallel, 1 to %d", maxWorkers))
	quoteRuns := flags.Bool("quote-runs", true, "report a quotation that opens the sentence after an attributed one (“...,” she said. “...”)\n"+
		"as a further fragment of that attribution, as PolNeAR annotates it; false reports it on its own, as a continuation")
	pos, err := parseInterspersed(flags, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if len(pos) != 1 {
		fmt.Fprintln(stderr, "whosaid eval: want exactly one GOLD.jsonl")
		flags.Usage()
		return 2
	}
	if *workers < 1 {
		fmt.Fprintf(stderr, "whosaid eval: --workers %d: want 1 to %d (the default is the number of CPUs, %d)\n", *workers, maxWorkers, runtime.NumCPU())
		return 2
	}
	*workers = min(*workers, maxWorkers)
	fail := func(err error) int {
		fmt.Fprintf(stderr, "whosaid eval: %v\n", strings.TrimPrefix(err.Error(), "eval: "))
		return 1
	}
	gold, err := eval.ReadDocsFile(pos[0])
	if errors.Is(err, fs.ErrNotExist) && corpusPath(pos[0]) {
		return fail(fmt.Errorf("%w\n(the corpora are not part of the repository: they live in ../shared/corpus beside it; see the README's Accuracy section)", err))
	}
	if err != nil {
		return fail(err)
	}
	var pred []eval.Doc
	if *predFile != "" {
		if pred, err = eval.ReadDocsFile(*predFile); err != nil {
			return fail(err)
		}
	} else {
		opts := []attribution.Option{attribution.WithQuoteRuns(*quoteRuns)}
		if !*useModel {
			opts = append(opts, attribution.WithModel(nil))
		}
		ex, err := whosaid.New(whosaid.WithAttribution(opts...))
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
	var rel *linear.Reliability
	if *calibration {
		r, err := eval.Calibration(gold, pred)
		if err != nil {
			return fail(err)
		}
		rel = &r
	}
	w := bufio.NewWriter(stdout)
	if *asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		if rel != nil {
			err = enc.Encode(struct {
				eval.Report
				Calibration *linear.Reliability `json:"calibration"`
			}{rep, rel})
		} else {
			err = enc.Encode(rep)
		}
	} else {
		err = rep.WriteTable(w)
		if err == nil && rel != nil {
			_, err = fmt.Fprintf(w, "\nconfidence against share right (content and speaker)\n%v", rel)
		}
	}
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		return writeFailed(classifyWrite(err), stderr)
	}
	return 0
}

// corpusPath reports whether name points into the shared corpus, which a
// fresh clone does not have.
func corpusPath(name string) bool {
	return strings.Contains(filepath.ToSlash(name), "shared/corpus/")
}
