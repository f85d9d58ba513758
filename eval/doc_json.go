package eval

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"

	"github.com/whosaid/whosaid"
)

// Span is a span object of the format: start and end byte offsets, the
// fragments of a discontinuous span, its text, and for a speaker the
// canonical name. A speaker known by name only has no offsets.
type Span struct {
	Start int      `json:"start"`
	End   int      `json:"end"`
	Spans [][2]int `json:"spans"`
	Text  string   `json:"text"`
	Name  string   `json:"name,omitempty"`
}

// HasOffsets reports whether s points into the text.
func (s *Span) HasOffsets() bool { return s != nil && (s.End > s.Start || len(s.Spans) > 0) }

// fragments returns the byte ranges of s: its spans, else [start, end).
func (s *Span) fragments() [][2]int {
	if s == nil {
		return nil
	}
	if len(s.Spans) > 0 {
		return s.Spans
	}
	if s.End > s.Start {
		return [][2]int{{s.Start, s.End}}
	}
	return nil
}

// Quote is one attribution, gold or predicted.
type Quote struct {
	Type            string   `json:"type"`
	Start           int      `json:"start"`
	End             int      `json:"end"`
	Spans           [][2]int `json:"spans"`
	Text            string   `json:"text"`
	Speaker         *Span    `json:"speaker"`
	Cue             *Span    `json:"cue"`
	SpeakerMentions []string `json:"speaker_mentions,omitempty"`
	Optional        bool     `json:"optional,omitempty"`
	// Confidence is a prediction's probability of being right; see
	// [Calibration].
	Confidence float64 `json:"confidence,omitempty"`
}

func (q *Quote) content() *Span {
	return &Span{Start: q.Start, End: q.End, Spans: q.Spans, Text: q.Text}
}

// Doc is one document: gold carries its text, predictions may not.
type Doc struct {
	ID        string  `json:"id"`
	Text      string  `json:"text,omitempty"`
	Quotes    []Quote `json:"quotes"`
	NonQuotes []Span  `json:"non_quotes,omitempty"`
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
		var d struct {
			Doc
			Error string `json:"error"`
		}
		if err := json.Unmarshal(line, &d); err != nil {
			return fmt.Errorf("eval: line %d: %w", n, err)
		}
		if d.Error != "" {
			return nil
		}
		docs = append(docs, d.Doc)
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
// documents at a time, and returns the predictions in gold order. Each
// prediction goes through the same JSON Lines encoding as a prediction file,
// so scoring it equals scoring that file.
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
				pred[i] = predictOne(ex, gold[i])
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

func predictOne(ex *whosaid.Extractor, g Doc) Doc {
	line, err := whosaid.NewRecord(g.ID, ex.Extract(g.Text)).MarshalLine()
	if err != nil {
		return Doc{ID: g.ID}
	}
	var d Doc
	if json.Unmarshal(line, &d) != nil {
		return Doc{ID: g.ID}
	}
	return d
}
