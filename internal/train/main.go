// Command train fits the attribution model on annotated texts and writes
// it where the attribution package embeds it:
//
//	go run ./internal/train -train ../shared/corpus/polnear/train.jsonl -out attribution/model.bin
//
// With -dev it scores the model on a held-out file; with -cv k it also
// reports k-fold cross-validation on the training file (mean and spread),
// so that the gap between the two shows; -l2 takes a comma-separated list
// of penalties and reports each, to choose one on the dev file. Training
// is deterministic: the same data and flags write the same bytes.
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
	"github.com/whosaid/whosaid/span"
)

func main() {
	trainPath := flag.String("train", "../shared/corpus/polnear/train.jsonl", "annotated texts to train on (JSON Lines, the corpus format)")
	devPath := flag.String("dev", "", "annotated texts to score the model on")
	out := flag.String("out", "", "write the model here (trained on the whole of -train with the first -l2)")
	cv := flag.Int("cv", 0, "report k-fold cross-validation on -train")
	l2s := flag.String("l2", "1e-4", "L2 penalties to try, comma-separated")
	ths := flag.String("threshold", "0.5", "least probabilities of a frame over none to try, comma-separated")
	flag.Parse()
	if err := run(*trainPath, *devPath, *out, *cv, *l2s, *ths); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

func run(trainPath, devPath, out string, cv int, l2list, thlist string) error {
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
	l2s, err := floats("-l2", l2list)
	if err != nil {
		return err
	}
	ths, err := floats("-threshold", thlist)
	if err != nil {
		return err
	}
	for _, l2 := range l2s {
		for _, th := range ths {
			cfg := attribution.TrainConfig{L2: l2, Threshold: th, Name: "whosaid attribution frames", Command: "go run ./internal/train -out attribution/model.bin", Source: "PolNeAR train, sha256 " + hex.EncodeToString(sum[:])}
			if cv > 1 {
				if err := crossValidate(gold, docs, cv, cfg); err != nil {
					return err
				}
			}
			m, err := attribution.Train(docs, cfg)
			if err != nil {
				return err
			}
			fmt.Printf("%v\n", m)
			if dev != nil {
				r, err := score(m, dev)
				if err != nil {
					return err
				}
				fmt.Printf("l2 %g threshold %g dev: %s\n", l2, th, line(r))
			}
			if out != "" && l2 == l2s[0] && th == ths[0] {
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
	}
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
func crossValidate(gold []eval.Doc, docs []attribution.TrainDoc, k int, cfg attribution.TrainConfig) error {
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
		m, err := attribution.Train(tr, cfg)
		if err != nil {
			return err
		}
		r, err := score(m, held)
		if err != nil {
			return err
		}
		rows = append(rows, metrics(r))
		fmt.Printf("l2 %g fold %d: %s\n", cfg.L2, f, line(r))
	}
	var b strings.Builder
	for j, name := range metricNames {
		mean, sd := meanSD(rows, j)
		fmt.Fprintf(&b, " %s %.3f±%.3f", name, mean, sd)
	}
	fmt.Printf("l2 %g cv%d:%s\n", cfg.L2, k, b.String())
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

func score(m *attribution.Model, gold []eval.Doc) (eval.Report, error) {
	ex, err := whosaid.New(whosaid.WithAttribution(attribution.WithModel(m)))
	if err != nil {
		return eval.Report{}, err
	}
	return eval.Score(gold, eval.Predict(ex, gold, 2), nil), nil
}

// trainDocs converts the gold documents to the attribution package's
// training form.
func trainDocs(gold []eval.Doc) []attribution.TrainDoc {
	docs := make([]attribution.TrainDoc, len(gold))
	for i, d := range gold {
		docs[i] = attribution.TrainDoc{ID: d.ID, Text: d.Text}
		for _, q := range d.Quotes {
			a := attribution.Attribution{Extent: span.Of(d.Text, q.Start, q.End)}
			for _, f := range q.Spans {
				a.Spans = append(a.Spans, span.Of(d.Text, f[0], f[1]))
			}
			if q.Speaker != nil {
				a.Speaker = span.Of(d.Text, q.Speaker.Start, q.Speaker.End)
			}
			if q.Cue != nil {
				a.Cue = span.Of(d.Text, q.Cue.Start, q.Cue.End)
			}
			docs[i].Gold = append(docs[i].Gold, a)
		}
	}
	return docs
}
