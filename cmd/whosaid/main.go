// Command whosaid finds the quotations in English news text and says who
// said them.
//
// Usage:
//
//	whosaid [flags] [FILE...]
//	whosaid eval GOLD.jsonl [--pred PRED.jsonl] [--pronouns FILE] [--json]
//	whosaid speakers [--input text|html|jsonl] [FILE...]
//	whosaid verify --quote WORDS [--speaker NAME] [--input text|html|jsonl] SOURCE...
//
// With no FILE, or with "-", it reads standard input.
//
// Input (--input):
//
//	text   plain text, one article per file (default)
//	html   an HTML page per file; the article text is taken out of it first
//	jsonl  JSON Lines, one {"id": ..., "text": ...} object per line
//
// Output (--format):
//
//	text   a table of speaker, cue, type and quotation (default for text
//	       and html input)
//	json   one indented {"id", "text", "quotes"} object per document
//	jsonl  the JSON Lines prediction format, one {"id", "quotes"} record per
//	       document (default for jsonl input); html input adds "text"
//	tsv    one tab-separated row per quotation, with a header
//	html   one page with each quotation highlighted by speaker
//
// Offsets in json, jsonl and tsv output are UTF-8 byte offsets into the
// document's text (for html input, into the extracted text, which json and
// jsonl output carry in "text").
//
// JSON Lines input is processed by --workers goroutines with a bounded window
// of articles in flight; output follows input order and is byte-identical
// whatever the number of workers. Empty lines are skipped. A line that cannot
// be read as an article yields an error record {"line", "id", "error"} in its
// place (with "file" when it came from a named file) and a message on
// standard error; the other lines are still processed and the exit status
// is 1.
//
// Exit status: 0 on success, 1 when an input could not be read or a line was
// malformed or output could not be written, 2 on a usage error. A closed
// output pipe (whosaid ... | head -1) ends the run quietly.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"syscall"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/attribution"
	"github.com/whosaid/whosaid/htmltext"
)

func main() {
	// Writes to a closed pipe then fail with EPIPE instead of killing the
	// process, so that the run can end quietly and on purpose.
	signal.Ignore(syscall.SIGPIPE)
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

const usage = `usage: whosaid [flags] [FILE...]
       whosaid eval GOLD.jsonl [--pred PRED.jsonl] [--pronouns FILE] [--json]
       whosaid speakers [--input text|html|jsonl] [FILE...]
       whosaid verify --quote WORDS [--speaker NAME] [--input text|html|jsonl] SOURCE...

Finds the quotations in English news text and says who said them.
Reads standard input when no FILE is given.

flags:
`

// options are the command-line flags of the main command.
type options struct {
	input   string
	format  string
	workers int
	width   int
}

// errQuiet ends the run without a message: the reader of our output went
// away.
var errQuiet = errors.New("output closed")

// run is the whole command; it returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "eval" {
		return runEval(args[1:], stdout, stderr)
	}
	if len(args) > 0 && args[0] == "speakers" {
		return runSpeakers(args[1:], stdin, stdout, stderr)
	}
	if len(args) > 0 && args[0] == "verify" {
		return runVerify(args[1:], stdin, stdout, stderr)
	}
	var o options
	fs := flag.NewFlagSet("whosaid", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
	}
	fs.StringVar(&o.input, "input", "text", "input format: text, html or jsonl")
	fs.StringVar(&o.format, "format", "", "output format: text, json, jsonl, tsv or html\n(default text; jsonl for --input jsonl)")
	fs.IntVar(&o.workers, "workers", runtime.NumCPU(), "articles extracted in parallel (jsonl input)")
	fs.IntVar(&o.width, "width", 100, "longest quotation shown by --format text, in characters; 0 for no limit")
	quoteRuns := quoteRunsFlag(fs)
	maxBytes := fs.Int("max-bytes", whosaid.DefaultMaxBytes, "longest part of an article read, in bytes; an article is cut at the last paragraph break before it")
	files, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if err := o.check(len(files)); err != nil {
		fmt.Fprintf(stderr, "whosaid: %v\n", err)
		return 2
	}
	ex, err := whosaid.New(whosaid.WithMaxBytes(*maxBytes), whosaid.WithAttribution(attribution.WithQuoteRuns(*quoteRuns)))
	if err != nil {
		fmt.Fprintln(stderr, err) // already prefixed "whosaid:"
		return 2
	}
	if len(files) == 0 {
		files = []string{"-"}
	}
	w := bufio.NewWriterSize(stdout, 64<<10)
	if o.format == "tsv" {
		w.WriteString(tsvHeader)
	}
	status := 0
	for _, name := range files {
		err := o.process(ex, name, stdin, w, stderr, len(files) > 1)
		switch {
		case err == nil:
		case errors.Is(err, errQuiet):
			return 0
		case isWriteError(err):
			return writeFailed(err, stderr)
		case errors.Is(err, errBadLines):
			status = 1
		default:
			fmt.Fprintf(stderr, "whosaid: %v\n", err)
			status = 1
		}
	}
	if err := w.Flush(); err != nil {
		return writeFailed(&writeError{err}, stderr)
	}
	return status
}

// check validates the options against each other.
func (o *options) check(nfiles int) error {
	switch o.input {
	case "text", "html", "jsonl":
	default:
		return fmt.Errorf("unknown --input %q: want text, html or jsonl", o.input)
	}
	if o.format == "" {
		o.format = "text"
		if o.input == "jsonl" {
			o.format = "jsonl"
		}
	}
	switch o.format {
	case "text", "json", "jsonl", "tsv":
	case "html":
		if o.input == "jsonl" || nfiles > 1 {
			return errors.New("--format html writes one page: give it one text or html document")
		}
	default:
		return fmt.Errorf("unknown --format %q: want text, json, jsonl, tsv or html", o.format)
	}
	if o.workers < 0 {
		return fmt.Errorf("--workers %d: want a positive number", o.workers)
	}
	if o.workers == 0 {
		o.workers = runtime.NumCPU()
	}
	if o.width < 0 {
		return fmt.Errorf("--width %d: want 0 or more", o.width)
	}
	return nil
}

// parseInterspersed parses flags that may come before, between or after the
// positional arguments, which it returns. Everything after "--" is
// positional.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		// After "--" (which the flag package consumes) all is positional.
		consumed := len(args) - len(rest)
		if consumed > 0 && args[consumed-1] == "--" {
			return append(pos, rest...), nil
		}
		if len(rest) == 0 {
			return pos, nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// process reads one input (a file name, or "-" for stdin) and writes its
// results to w.
func (o *options) process(ex *whosaid.Extractor, name string, stdin io.Reader, w *bufio.Writer, stderr io.Writer, many bool) error {
	var r io.Reader = stdin
	display := "stdin"
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return err // *PathError names the file
		}
		defer f.Close()
		r, display = f, name
	}
	if o.input == "jsonl" {
		file := ""
		if many || name != "-" {
			file = display
		}
		return o.stream(ex, r, file, w, stderr)
	}
	var text string
	if o.input == "html" {
		t, err := htmltext.Extract(r)
		if err != nil {
			return fmt.Errorf("%s: %w", display, err)
		}
		text = t
	} else {
		b, err := io.ReadAll(r)
		if err != nil {
			return readError(display, err)
		}
		text = string(b)
	}
	attrs := ex.Extract(text)
	if o.format == "html" {
		title := "whosaid"
		if name != "-" {
			title = filepath.Base(name)
		}
		return writeTo(w, func(w io.Writer) error { return writeHTML(w, title, text, attrs) })
	}
	id := display
	b, err := o.render(id, text, attrs, o.input == "html", many)
	if err != nil {
		return err
	}
	return writeBytes(w, b)
}

// readError names the input in err unless err already does.
func readError(name string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return err
	}
	return fmt.Errorf("read %s: %w", name, err)
}

// writeError marks an error of the output, as opposed to one of an input.
type writeError struct{ err error }

func (e *writeError) Error() string { return "write output: " + e.err.Error() }
func (e *writeError) Unwrap() error { return e.err }

func isWriteError(err error) bool {
	var we *writeError
	return errors.As(err, &we) || errors.Is(err, errQuiet)
}

// writeFailed reports a write error and returns the exit status: a closed
// pipe ends the run quietly, anything else is an error.
func writeFailed(err error, stderr io.Writer) int {
	if errors.Is(err, errQuiet) || errors.Is(err, syscall.EPIPE) {
		return 0
	}
	fmt.Fprintf(stderr, "whosaid: %v\n", err)
	return 1
}

func writeBytes(w io.Writer, b []byte) error {
	if _, err := w.Write(b); err != nil {
		return classifyWrite(err)
	}
	return nil
}

func writeTo(w io.Writer, f func(io.Writer) error) error {
	if err := f(w); err != nil {
		return classifyWrite(err)
	}
	return nil
}

func classifyWrite(err error) error {
	if errors.Is(err, syscall.EPIPE) {
		return errQuiet
	}
	return &writeError{err}
}

// quoteRunsFlag defines --quote-runs on fs.
func quoteRunsFlag(fs *flag.FlagSet) *bool {
	return fs.Bool("quote-runs", true, "report a quotation that opens the sentence after an attributed one (“...,” she said. “...”)\n"+
		"as a further fragment of that attribution, as PolNeAR annotates it; false reports it on its own, as a continuation")
}
