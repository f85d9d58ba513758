package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"runtime"
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
	line   int
	data   []byte
	err    error       // the line could not be read whole
	chunks int         // window chunks it holds
	out    chan result // buffered, receives exactly one result
}

// result is the rendered output of one line, the message for standard
// error of a bad line, and a warning (a cut).
type result struct {
	out       []byte
	bad, warn string
}

// The window of articles in flight (read but not yet written) holds at
// most windowPerWorker × workers articles, and at most windowBytes of
// input, counted in chunks of windowChunk bytes; a line larger than the
// whole window still goes through, alone. (Their output, a few times
// their input when quotations are dense, waits in the window too.)
const (
	windowPerWorker = 4
	windowChunk     = 64 << 10
	windowBytes     = 16 << 20
)

// extractBytes bounds the text under extraction at once, whatever the
// number of workers, since extraction takes many times the bytes of its
// text: 1 MiB per CPU, enough to keep every CPU busy on news articles (a
// long one is 100 KB). An
// article larger than the bound is extracted alone.
func extractBytes() int { return 1 << 20 * runtime.NumCPU() }

// budget is a count of bytes that workers take and give back; a take
// waits until enough is free. It is safe for concurrent use.
type budget struct {
	mu     sync.Mutex
	cond   sync.Cond
	free   int
	closed bool
}

func newBudget(n int) *budget {
	b := &budget{free: n}
	b.cond.L = &b.mu
	return b
}

// take waits until n bytes are free and takes them; it reports false,
// taking nothing, once the budget is closed.
func (b *budget) take(n int) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	for b.free < n && !b.closed {
		b.cond.Wait()
	}
	if b.closed {
		return false
	}
	b.free -= n
	return true
}

func (b *budget) give(n int) {
	b.mu.Lock()
	b.free += n
	b.mu.Unlock()
	b.cond.Broadcast()
}

// close wakes every take, which then fails.
func (b *budget) close() {
	b.mu.Lock()
	b.closed = true
	b.mu.Unlock()
	b.cond.Broadcast()
}

// maxLine is the longest JSON Lines line read: room for an article of
// maxBytes with every character escaped (\u00e9 is 6 bytes for 2), and
// never less than 64 MiB. A longer line is an error record and is skipped
// without being held in memory.
func maxLine(maxBytes int) int { return max(64<<20, 6*maxBytes) }

// stream extracts from JSON Lines read from r and writes one result per
// non-empty line to out, in input order. file names the input in error
// records and messages ("" for standard input).
//
// A reader goroutine hands lines to o.workers workers and queues them, in
// order, in the window; the caller's goroutine writes results in queue
// order. Memory is bounded by the window whatever the length of the
// stream and the number of workers.
func (o *options) stream(ex *whosaid.Extractor, r io.Reader, file string, out *output, stderr io.Writer) error {
	window := windowPerWorker * o.workers
	order := make(chan *job, window)
	work := make(chan *job, window)
	chunks := make(chan struct{}, windowBytes/windowChunk)
	extracting := newBudget(extractBytes())
	stop := make(chan struct{})
	var readErr error

	go func() {
		defer close(order)
		defer close(work)
		br := bufio.NewReaderSize(r, 64<<10)
		limit := maxLine(o.maxBytes)
		for n := 1; ; n++ {
			line, lerr, err := readLine(br, limit)
			if n == 1 {
				// A byte order mark some editors put first is not JSON.
				line = bytes.TrimPrefix(line, []byte("\ufeff"))
			}
			if len(bytes.TrimSpace(line)) > 0 || lerr != nil {
				j := &job{line: n, data: line, err: lerr, out: make(chan result, 1)}
				// Take the line's share of the window's bytes, the whole
				// window at most.
				j.chunks = min(cap(chunks), 1+len(line)/windowChunk)
				for range j.chunks {
					select {
					case chunks <- struct{}{}:
					case <-stop:
						return
					}
				}
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
					res := o.extractLine(ex, file, j, extracting)
					j.data = nil
					j.out <- res
				case <-stop:
					return
				}
			}
		})
	}
	// On return the workers stop; the reader stops at its next line (it may
	// be blocked reading, and is not waited for).
	defer wg.Wait()
	defer extracting.close()
	defer close(stop)

	bad := false
	for j := range order {
		res := <-j.out
		if res.bad != "" {
			bad = true
			fmt.Fprintf(stderr, "whosaid: %s\n", res.bad)
		}
		if res.warn != "" {
			fmt.Fprintf(stderr, "whosaid: warning: %s\n", res.warn)
		}
		err := out.write(res.out)
		for range j.chunks {
			<-chunks
		}
		if err != nil {
			return err
		}
		// Nothing else is ready: hand what is written to the reader now
		// rather than when the buffer fills, for slow streams.
		if len(order) == 0 && !out.array {
			if err := out.w.Flush(); err != nil {
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

// errLongLine reports a line longer than the reader takes.
type errLongLine struct{ limit int }

func (e errLongLine) Error() string {
	return fmt.Sprintf("the line is longer than %d bytes, the most read (64 MiB, or 6 × --max-bytes); it was skipped", e.limit)
}

// readLine reads one line of at most limit bytes, its newline included.
// A longer line is read to its end without being kept: lerr reports it.
// err is the reader's error (io.EOF at the end).
func readLine(br *bufio.Reader, limit int) (line []byte, lerr, err error) {
	for {
		frag, e := br.ReadSlice('\n')
		if lerr == nil {
			if len(line)+len(frag) > limit {
				line, lerr = nil, errLongLine{limit}
			} else {
				line = append(line, frag...)
			}
		}
		if !errors.Is(e, bufio.ErrBufferFull) {
			return line, lerr, e
		}
	}
}

// extractLine parses one line, extracts its attributions and renders them;
// a line that is not an article becomes an error record. A panic in the
// extractor is caught and reported as that line's error, so that one
// article cannot take the rest of the stream down.
// The text under extraction is taken from the extracting budget.
func (o *options) extractLine(ex *whosaid.Extractor, file string, j *job, extracting *budget) (res result) {
	if j.err != nil {
		return o.errorResult(file, j.line, "", j.err)
	}
	// The line's length stands for its text's, before decoding it.
	n := min(len(j.data), o.maxBytes, extractBytes())
	if !extracting.take(n) {
		return result{} // the run is stopping: nothing is written
	}
	defer extracting.give(n)
	a, err := whosaid.ParseArticle(j.data)
	defer func() {
		if p := recover(); p != nil {
			res = o.errorResult(file, j.line, a.ID, fmt.Errorf("internal error: %v", p))
		}
	}()
	if err != nil {
		return o.errorResult(file, j.line, a.ID, err)
	}
	rec := o.document(ex, a.ID, j.line, a.Text)
	b, err := o.render(rec, a.Text, true)
	if err != nil {
		return o.errorResult(file, j.line, a.ID, err)
	}
	res = result{out: b}
	if rec.Cut != nil {
		res.warn = where(file, j.line, a.ID) + ": " + rec.Cut.String()
	}
	return res
}

// where names an input line in messages.
func where(file string, line int, id string) string {
	w := fmt.Sprintf("line %d", line)
	if file != "" {
		w = file + ":" + fmt.Sprint(line)
	}
	if id != "" {
		w += fmt.Sprintf(" (id %q)", id)
	}
	return w
}

// errorResult renders the error record of a bad line in the output format
// and the message for standard error.
func (o *options) errorResult(file string, line int, id string, err error) result {
	rec := errorRecord{File: file, Line: line, ID: id, Error: err.Error()}
	w := where(file, line, id)
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
		out = []byte("== " + oneLine(w) + " ==\nerror: " + oneLine(rec.Error) + "\n\n")
	}
	return result{out: out, bad: w + ": " + rec.Error}
}
