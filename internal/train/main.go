// Command train fits the attribution model on annotated texts and writes
// it where the attribution package embeds it:
//
//	go run ./internal/train -train ../shared/corpus/polnear/train.jsonl -out attribution/model.bin
//
// With -dev it scores the model on a held-out file, with the reliability
// of its confidence; with -cv k it also reports k-fold cross-validation on
// the training file (mean and spread), so that the gap between the two
// shows. -l2, -threshold and -generic take comma-separated lists and
// report each combination, to choose on the dev file; -out writes the
// model of the first. Training is deterministic: the same data and flags
// write the same bytes.
package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/attribution"
	"github.com/whosaid/whosaid/eval"
)

func main() {
	trainPath := flag.String("train", "../shared/corpus/polnear/train.jsonl", "annotated texts to train on (JSON Lines, the corpus format)")
	devPath := flag.String("dev", "", "annotated texts to score the model on")
	out := flag.String("out", "", "write the model here (trained on the whole of -train with the first -l2)")
	cv := flag.Int("cv", 0, "report k-fold cross-validation on -train")
	l2s := flag.String("l2", "5e-5", "L2 penalties to try, comma-separated (the default chosen on dev, and confirmed by 5-fold cross-validation on train)")
	ths := flag.String("threshold", "0.15", "least probabilities of a frame over none to try, comma-separated")
	gens := flag.String("generic", "0.4", "least probabilities of a frame of a verb outside the lexicon, comma-separated")
	minCount := flag.Int("min-count", 10, "how many times a feature must occur in training to get a weight (chosen on dev)")
	flag.Parse()
	if err := run(*trainPath, *devPath, *out, *cv, *l2s, *ths, *gens, *minCount); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

func run(trainPath, devPath, out string, cv int, l2list, thlist, genlist string, minCount int) error {
	raw, err := os.ReadFile(trainPath)
	if err != nil {
		return err
	}
	gold, err := eval.ReadDocs(bytes.NewReader(raw))
	if err != nil {
		return err
	}
	sum := sha256.Sum256(raw)
	docs := trainDocs(gold)
	var dev []eval.Doc
	if devPath != "" {
		if dev, err = eval.ReadDocsFile(devPath); err != nil {
			return err
		}
	}
	var lists [3][]float64
	for i, f := range []struct{ name, list string }{{"-l2", l2list}, {"-threshold", thlist}, {"-generic", genlist}} {
		if lists[i], err = floats(f.name, f.list); err != nil {
			return err
		}
	}
	var cfgs []attribution.TrainConfig
	for _, l2 := range lists[0] {
		for _, th := range lists[1] {
			for _, gen := range lists[2] {
				cfgs = append(cfgs, attribution.TrainConfig{L2: l2, Threshold: th, Generic: gen, MinCount: minCount, Name: "whosaid attribution frames",
					Command: "go run ./internal/train -out attribution/model.bin", Source: "PolNeAR train, sha256 " + hex.EncodeToString(sum[:])})
			}
		}
	}
	for i, cfg := range cfgs {
		name := fmt.Sprintf("l2 %g threshold %g generic %g min-count %d", cfg.L2, cfg.Threshold, cfg.Generic, cfg.MinCount)
		if cv > 1 {
			if err := crossValidate(name, gold, docs, cv, cfg); err != nil {
				return err
			}
		}
		m, err := attribution.Train(docs, cfg)
		if err != nil {
			return err
		}
		fmt.Printf("%v\n", m)
		if dev != nil {
			if err := report(name, m, dev); err != nil {
				return err
			}
		}
		if out != "" && i == 0 {
			var b bytes.Buffer
			if err := m.Encode(&b); err != nil {
				return err
			}
			if err := os.WriteFile(out, b.Bytes(), 0o644); err != nil {
				return err
			}
			fmt.Printf("wrote %s (%d bytes)\n", out, b.Len())
		}
	}
	return nil
}

// report prints the scores of model m on the gold documents and the
// reliability of its confidence.
func report(name string, m *attribution.Model, gold []eval.Doc) error {
	pred, err := predict(m, gold)
	if err != nil {
		return err
	}
	fmt.Printf("%s dev: %s\n", name, line(eval.Score(gold, pred, nil)))
	rel, err := eval.Calibration(gold, pred)
	if err != nil {
		return err
	}
	fmt.Printf("%s dev confidence:\n%v", name, rel)
	return nil
}

// floats parses a comma-separated list of numbers given to flag name.
func floats(name, list string) ([]float64, error) {
	var xs []float64
	for _, f := range strings.Split(list, ",") {
		x, err := strconv.ParseFloat(strings.TrimSpace(f), 64)
		if err != nil {
			return nil, fmt.Errorf("%s %q: %w", name, f, err)
		}
		xs = append(xs, x)
	}
	return xs, nil
}

// crossValidate trains on k-1 folds of the documents and scores the
// held-out fold, for each fold, and prints the mean and spread.
func crossValidate(name string, gold []eval.Doc, docs []attribution.TrainDoc, k int, cfg attribution.TrainConfig) error {
	var rows [][]float64
	for f := range k {
		var tr []attribution.TrainDoc
		var held []eval.Doc
		for i := range docs {
			if i%k == f {
				held = append(held, gold[i])
			} else {
				tr = append(tr, docs[i])
			}
		}
		m, err := attribution.TrainFrames(tr, cfg)
		if err != nil {
			return err
		}
		pred, err := predict(m, held)
		if err != nil {
			return err
		}
		r := eval.Score(held, pred, nil)
		rows = append(rows, metrics(r))
		fmt.Printf("%s fold %d: %s\n", name, f, line(r))
	}
	var b strings.Builder
	for j, name := range metricNames {
		mean, sd := meanSD(rows, j)
		fmt.Fprintf(&b, " %s %.3f±%.3f", name, mean, sd)
	}
	fmt.Printf("%s cv%d:%s\n", name, k, b.String())
	return nil
}

var metricNames = []string{"content", "source", "cue", "overlap", "P", "R", "direct", "mixed", "indirect", "spk-dm"}

func metrics(r eval.Report) []float64 {
	return []float64{r.Content.F1, r.Source.F1, r.Cue.F1, r.Overlap.F1, r.Overlap.Precision, r.Overlap.Recall,
		r.RecallByType.Direct.Value, r.RecallByType.Mixed.Value, r.RecallByType.Indirect.Value, r.Speaker.DirectMixedExact.Value}
}

func line(r eval.Report) string {
	var b strings.Builder
	for j, x := range metrics(r) {
		fmt.Fprintf(&b, " %s %.3f", metricNames[j], x)
	}
	return b.String()
}

func meanSD(rows [][]float64, j int) (float64, float64) {
	var s, ss float64
	for _, r := range rows {
		s += r[j]
	}
	mean := s / float64(len(rows))
	for _, r := range rows {
		ss += (r[j] - mean) * (r[j] - mean)
	}
	return mean, math.Sqrt(ss / float64(len(rows)))
}

// predict runs the pipeline with model m over the texts of gold.
func predict(m *attribution.Model, gold []eval.Doc) ([]eval.Doc, error) {
	ex, err := whosaid.New(whosaid.WithAttribution(attribution.WithModel(m)))
	if err != nil {
		return nil, err
	}
	return eval.Predict(ex, gold, 2), nil
}

// trainDocs converts the gold documents to the attribution package's
// training form.
func trainDocs(gold []eval.Doc) []attribution.TrainDoc {
	docs := make([]attribution.TrainDoc, len(gold))
	for i, d := range gold {
		docs[i] = attribution.TrainDoc{ID: d.ID, Text: d.Text, Gold: d.Quotes}
	}
	return docs
}
