package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/whosaid/whosaid"
)

// errBadLines reports that some input lines were malformed; each has
// already been reported where it stood.
var errBadLines = errors.New("malformed input lines")

// errorRecord stands in the output for an input line that could not be read
// as an article.
type errorRecord struct {
	Line  int    `json:"line"`
	ID    string `json:"id,omitempty"`
	Error string `json:"error"`
	File  string `json:"file,omitempty"`
}

// job is one non-empty input line on its way through the workers.
type job struct {
	line int
	data []byte
	out  chan result // buffered, receives exactly one result
}

// result is the rendered output of one line and, for a bad line, the
// message for standard error.
type result struct {
	out []byte
	bad string
}

// windowPerWorker bounds the articles in flight: read but not yet written.
const windowPerWorker = 4

// stream extracts from JSON Lines read from r and writes one result per
// non-empty line to w, in input order. file names the input in error
// records and messages ("" for standard input).
//
// A reader goroutine hands lines to o.workers workers and queues them, in
// order, in a window of windowPerWorker×workers; the caller's goroutine
// writes results in queue order. Memory is bounded by the window whatever
// the length of the stream.
func (o *options) stream(ex *whosaid.Extractor, r io.Reader, file string, w io.Writer, stderr io.Writer) error {
	window := windowPerWorker * o.workers
	order := make(chan *job, window)
	work := make(chan *job, window)
	stop := make(chan struct{})
	var readErr error

	go func() {
		defer close(order)
		defer close(work)
		br := bufio.NewReaderSize(r, 64<<10)
		for n := 1; ; n++ {
			line, err := br.ReadBytes('\n')
			if n == 1 {
				// A byte order mark some editors put first is not JSON.
				line = bytes.TrimPrefix(line, []byte("\ufeff"))
			}
			if len(bytes.TrimSpace(line)) > 0 {
				j := &job{line: n, data: line, out: make(chan result, 1)}
				select {
				case order <- j:
				case <-stop:
					return
				}
				select {
				case work <- j:
				case <-stop:
					return
				}
			}
			if err != nil {
				if err != io.EOF {
					readErr = err
				}
				return
			}
		}
	}()

	var wg sync.WaitGroup
	for range o.workers {
		wg.Go(func() {
			for {
				select {
				case j, ok := <-work:
					if !ok {
						return
					}
					j.out <- o.extractLine(ex, file, j)
				case <-stop:
					return
				}
			}
		})
	}
	// On return the workers stop; the reader stops at its next line (it may
	// be blocked reading, and is not waited for).
	defer wg.Wait()
	defer close(stop)

	bad := false
	for j := range order {
		res := <-j.out
		j.data = nil
		if res.bad != "" {
			bad = true
			fmt.Fprintf(stderr, "whosaid: %s\n", res.bad)
		}
		if err := writeBytes(w, res.out); err != nil {
			return err
		}
		// Nothing else is ready: hand what is written to the reader now
		// rather than when the buffer fills, for slow streams.
		if bw, ok := w.(*bufio.Writer); ok && len(order) == 0 {
			if err := bw.Flush(); err != nil {
				return classifyWrite(err)
			}
		}
	}
	// order is closed: the reader has returned and readErr is set.
	if readErr != nil {
		name := file
		if name == "" {
			name = "stdin"
		}
		return readError(name, readErr)
	}
	if bad {
		return errBadLines
	}
	return nil
}

// extractLine parses one line, extracts its attributions and renders them;
// a line that is not an article becomes an error record. A panic in the
// extractor is caught and reported as that line's error, so that one
// article cannot take the rest of the stream down.
func (o *options) extractLine(ex *whosaid.Extractor, file string, j *job) (res result) {
	a, err := whosaid.ParseArticle(j.data)
	defer func() {
		if p := recover(); p != nil {
			res = o.errorResult(file, j.line, a.ID, fmt.Errorf("internal error: %v", p))
		}
	}()
	if err != nil {
		return o.errorResult(file, j.line, a.ID, err)
	}
	b, err := o.render(a.ID, a.Text, ex.Extract(a.Text), false, true)
	if err != nil {
		return o.errorResult(file, j.line, a.ID, err)
	}
	return result{out: b}
}

// errorResult renders the error record of a bad line in the output format
// and the message for standard error.
func (o *options) errorResult(file string, line int, id string, err error) result {
	rec := errorRecord{File: file, Line: line, ID: id, Error: err.Error()}
	where := fmt.Sprintf("line %d", line)
	if file != "" {
		where = file + ":" + fmt.Sprint(line)
	}
	if id != "" {
		where += fmt.Sprintf(" (id %q)", id)
	}
	msg := where + ": " + rec.Error
	var out []byte
	switch o.format {
	case "jsonl":
		out, _ = encodeJSON(rec, "")
	case "json":
		out, _ = encodeJSON(rec, "  ")
	case "tsv":
		// A table of quotations has no row for a line that had none; the
		// message on standard error names it.
	default:
		out = []byte("== " + oneLine(where) + " ==\nerror: " + oneLine(rec.Error) + "\n\n")
	}
	return result{out: out, bad: msg}
}
