package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/span"
)

// Doc is one document of a gold or prediction file. Its Record is the
// record the extractor writes (the same type, decoded from the same
// format); Gold and NonQuotes hold what only gold annotates.
type Doc struct {
	whosaid.Record
	// Gold holds, for each of Quotes in order, what gold annotates beyond
	// the record format; nil for a prediction.
	Gold []Annotation `json:"-"`
	// NonQuotes lists quoted words of the text that are not speech (a name
	// in quote marks), where gold lists them.
	NonQuotes []span.Span `json:"non_quotes,omitempty"`
}

// Annotation is what gold says of an attribution beyond the record format.
type Annotation struct {
	// Optional attributions are neither rewarded nor penalised.
	Optional bool
	// SpeakerMentions are the surface forms of the speaker in the article.
	SpeakerMentions []string
	// SpeakerSpans lists the fragments of a discontinuous speaker mention
	// (Speaker covers them all); nil when it has one.
	SpeakerSpans []span.Span
}

// annotation returns the gold annotation of quote i, or none.
func (d *Doc) annotation(i int) Annotation {
	if i < len(d.Gold) {
		return d.Gold[i]
	}
	return Annotation{}
}

// UnmarshalJSON decodes one line of a gold or prediction file: the record,
// and the gold annotations ("optional", "speaker_mentions", the fragments
// of a speaker, "non_quotes").
func (d *Doc) UnmarshalJSON(b []byte) error {
	var rec whosaid.Record
	if err := json.Unmarshal(b, &rec); err != nil {
		return err
	}
	var extra struct {
		Quotes []struct {
			Optional        bool     `json:"optional"`
			SpeakerMentions []string `json:"speaker_mentions"`
			Speaker         *struct {
				Spans [][2]int `json:"spans"`
			} `json:"speaker"`
		} `json:"quotes"`
		NonQuotes []span.Span `json:"non_quotes"`
	}
	if err := json.Unmarshal(b, &extra); err != nil {
		return err
	}
	*d = Doc{Record: rec, NonQuotes: extra.NonQuotes}
	for i, q := range extra.Quotes {
		a := Annotation{Optional: q.Optional, SpeakerMentions: q.SpeakerMentions}
		if q.Speaker != nil && len(q.Speaker.Spans) > 1 {
			for _, f := range q.Speaker.Spans {
				a.SpeakerSpans = append(a.SpeakerSpans, span.Of(rec.Text, f[0], f[1]))
			}
		}
		if a.Optional || a.SpeakerMentions != nil || a.SpeakerSpans != nil {
			if d.Gold == nil {
				d.Gold = make([]Annotation, len(extra.Quotes))
			}
			d.Gold[i] = a
		}
	}
	return nil
}

// Pronoun is a pronoun source of the gold with the referent it stands for.
type Pronoun struct {
	ID      string `json:"id"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Pronoun string `json:"pronoun"`
	Name    string `json:"name"`
}

// ReadDocs reads one Doc per non-empty line. Error records of the
// command-line tool ({"line", "error"}) are skipped. A line that is not a
// document is an error naming its line number.
func ReadDocs(r io.Reader) ([]Doc, error) {
	var docs []Doc
	err := readLines(r, func(n int, line []byte) error {
		var e struct {
			Error string `json:"error"`
		}
		if bytes.Contains(line, []byte(`"error"`)) && json.Unmarshal(line, &e) == nil && e.Error != "" {
			return nil
		}
		var d Doc
		if err := json.Unmarshal(line, &d); err != nil {
			return fmt.Errorf("eval: line %d: %w", n, err)
		}
		if d.Offsets != "" && d.Offsets != whosaid.UnitBytes {
			return fmt.Errorf("eval: line %d: offsets count %s; eval reads byte offsets (see --offsets)", n, d.Offsets)
		}
		docs = append(docs, d)
		return nil
	})
	return docs, err
}

// ReadPronouns reads one Pronoun per non-empty line.
func ReadPronouns(r io.Reader) ([]Pronoun, error) {
	var ps []Pronoun
	err := readLines(r, func(n int, line []byte) error {
		var p Pronoun
		if err := json.Unmarshal(line, &p); err != nil {
			return fmt.Errorf("eval: line %d: %w", n, err)
		}
		ps = append(ps, p)
		return nil
	})
	return ps, err
}

// ReadDocsFile reads the documents of the JSON Lines file name; see
// [ReadDocs]. Errors name the file.
func ReadDocsFile(name string) ([]Doc, error) { return readFile(name, ReadDocs) }

// ReadPronounsFile reads the pronoun referents of the JSON Lines file
// name; see [ReadPronouns]. Errors name the file.
func ReadPronounsFile(name string) ([]Pronoun, error) { return readFile(name, ReadPronouns) }

func readFile[T any](name string, read func(io.Reader) ([]T, error)) ([]T, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err // names the file already
	}
	defer f.Close()
	v, err := read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return v, nil
}

func readLines(r io.Reader, f func(n int, line []byte) error) error {
	br := bufio.NewReaderSize(r, 1<<16)
	for n := 1; ; n++ {
		line, err := br.ReadBytes('\n')
		if len(line) > 0 && len(trimLine(line)) > 0 {
			if ferr := f(n, trimLine(line)); ferr != nil {
				return ferr
			}
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("eval: read: %w", err)
		}
	}
}

func trimLine(b []byte) []byte {
	for len(b) > 0 && (b[len(b)-1] == '\n' || b[len(b)-1] == '\r' || b[len(b)-1] == ' ') {
		b = b[:len(b)-1]
	}
	return b
}

// Predict runs ex over the text of every gold document, with up to workers
// documents at a time, and returns the predictions in gold order. A
// prediction is the record a prediction file holds (the same type: its
// JSON decodes to an equal record for every field the scores read), so
// scoring it equals scoring that file.
func Predict(ex *whosaid.Extractor, gold []Doc, workers int) []Doc {
	if workers < 1 {
		workers = 1
	}
	pred := make([]Doc, len(gold))
	var wg sync.WaitGroup
	next := make(chan int)
	for range workers {
		wg.Go(func() {
			for i := range next {
				pred[i] = Doc{Record: whosaid.NewRecord(gold[i].ID, ex.Extract(gold[i].Text))}
			}
		})
	}
	for i := range gold {
		next <- i
	}
	close(next)
	wg.Wait()
	return pred
}

// Check reports predictions that cannot be scored against gold: gold with
// no attribution to score, and predictions whose id is in no gold
// document or repeats (a prediction file for another corpus, or one
// written twice). Score counts whatever it is given; a run that scores a
// file should call Check first and stop on its error.
func Check(gold, pred []Doc) error {
	n := 0
	for i := range gold {
		for j := range gold[i].Quotes {
			if !gold[i].annotation(j).Optional {
				n++
			}
		}
	}
	if len(gold) == 0 {
		return errors.New("eval: the gold has no documents")
	}
	if n == 0 {
		if len(gold) == 1 {
			return errors.New("eval: the gold document has no attribution to score")
		}
		return fmt.Errorf("eval: the %d gold documents have no attribution to score", len(gold))
	}
	ids := make(map[string]bool, len(gold))
	for i := range gold {
		ids[gold[i].ID] = true
	}
	seen := make(map[string]bool, len(pred))
	var unknown, twice []string
	for i := range pred {
		id := pred[i].ID
		switch {
		case !ids[id]:
			unknown = append(unknown, id)
		case seen[id]:
			twice = append(twice, id)
		}
		seen[id] = true
	}
	switch {
	case len(unknown) > 0 && len(pred) == 1:
		return fmt.Errorf("eval: the prediction's id %s is in no gold document: is it for this gold file?", quoteIDs(unknown, 1))
	case len(unknown) > 0:
		return fmt.Errorf("eval: %d of %d predictions %s an id that is in no gold document (first %s): are they for this gold file?",
			len(unknown), len(pred), plural(len(unknown), "has", "have"), quoteIDs(unknown, 3))
	case len(twice) > 0:
		return fmt.Errorf("eval: %d %s the id of an earlier one (first %s)",
			len(twice), plural(len(twice), "prediction repeats", "predictions repeat"), quoteIDs(twice, 3))
	}
	return nil
}

// Missing returns the ids of gold documents that have no prediction, in
// gold order: Score counts each as predicting nothing.
func Missing(gold, pred []Doc) []string {
	have := make(map[string]bool, len(pred))
	for i := range pred {
		have[pred[i].ID] = true
	}
	var out []string
	for i := range gold {
		if !have[gold[i].ID] {
			out = append(out, gold[i].ID)
		}
	}
	return out
}

// plural returns one when n is 1, else many.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// quoteIDs lists up to n ids, quoted.
func quoteIDs(ids []string, n int) string {
	var b bytes.Buffer
	for i, id := range ids[:min(n, len(ids))] {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%q", id)
	}
	return b.String()
}
