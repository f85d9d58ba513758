package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/htmltext"
	"github.com/whosaid/whosaid/speaker"
)

const speakersUsage = `usage: whosaid speakers [--input text|html|jsonl] [FILE...]

Prints one JSON line per speaker of the corpus, most attributions first:
{"speaker", "variants", "documents", "attributions"}. The speaker is a key
shared by every form of one person's name across the corpus ("Donald J.
Trump", "Donald Trump", "Mr. Trump"); variants lists those forms.
Reads standard input when no FILE is given.

flags:
`

// runSpeakers is the speakers subcommand; it returns the exit status.
func runSpeakers(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := subFlags("whosaid speakers", speakersUsage, stderr)
	input := fs.String("input", "text", "input format: text, html or jsonl")
	files, code, done := parseSub(fs, args)
	if done {
		return code
	}
	if err := checkInput(*input); err != nil {
		fmt.Fprintf(stderr, "whosaid speakers: %v\n", err)
		return 2
	}
	ex, err := whosaid.New()
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	w := bufio.NewWriterSize(stdout, 64<<10)
	var tally speaker.Tally
	failed, err := readDocs("speakers", *input, files, stdin, w, stderr, func(d doc) {
		tally.Add(d.id, ex.Extract(d.text))
	})
	if err != nil {
		return writeFailed(err, stderr)
	}
	for _, s := range tally.Speakers() {
		b, err := encodeJSON(s, "")
		if err == nil {
			err = writeBytes(w, b)
		}
		if err != nil {
			return writeFailed(err, stderr)
		}
	}
	if err := w.Flush(); err != nil {
		return writeFailed(classifyWrite(err), stderr)
	}
	if failed {
		return 1
	}
	return 0
}

// checkInput validates an --input flag.
func checkInput(input string) error {
	switch input {
	case "text", "html", "jsonl":
		return nil
	}
	return fmt.Errorf("unknown --input %q: want text, html or jsonl", input)
}

// doc is one input document.
type doc struct{ id, text string }

// readDocs calls fn with every document of the named inputs ("-", or none,
// for standard input) in the input format: a text or HTML file is one
// document whose id is its name; a JSON Lines file holds one per line. An
// unreadable file is named on standard error and a malformed line yields
// an error record on w (as the main command writes them) and a message;
// the other inputs are still read, and failed reports whether any was
// lost. The error is a write error of w.
func readDocs(cmd, input string, files []string, stdin io.Reader, w io.Writer, stderr io.Writer, fn func(doc)) (failed bool, err error) {
	if len(files) == 0 {
		files = []string{"-"}
	}
	for _, name := range files {
		bad, err := readDoc(cmd, input, name, len(files) > 1, stdin, w, stderr, fn)
		if err != nil {
			return true, err
		}
		failed = failed || bad
	}
	return failed, nil
}

// readDoc reads one input of readDocs.
func readDoc(cmd, input, name string, many bool, stdin io.Reader, w io.Writer, stderr io.Writer, fn func(doc)) (failed bool, err error) {
	var r io.Reader = stdin
	display := "stdin"
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			fmt.Fprintf(stderr, "whosaid %s: %v\n", cmd, err)
			return true, nil
		}
		defer f.Close()
		r, display = f, name
	}
	switch input {
	case "jsonl":
		file := ""
		if many || name != "-" {
			file = display
		}
		return readLines(cmd, r, file, w, stderr, fn)
	case "html":
		text, err := htmltext.Extract(r)
		if err != nil {
			fmt.Fprintf(stderr, "whosaid %s: %s: %v\n", cmd, display, err)
			return true, nil
		}
		fn(doc{id: display, text: text})
	default:
		b, err := io.ReadAll(r)
		if err != nil {
			fmt.Fprintf(stderr, "whosaid %s: %v\n", cmd, readError(display, err))
			return true, nil
		}
		fn(doc{id: display, text: string(b)})
	}
	return false, nil
}

// readLines reads JSON Lines articles from r. A line that is not an
// article yields an error record {"line", "id", "error", "file"} on w and
// a message on stderr; bad reports whether there was one.
func readLines(cmd string, r io.Reader, file string, w io.Writer, stderr io.Writer, fn func(doc)) (bad bool, err error) {
	rerr := eachLine(r, func(n int, line []byte) error {
		a, perr := whosaid.ParseArticle(line)
		if perr == nil {
			id := a.ID
			if id == "" {
				id = fmt.Sprintf("%s:%d", orDefault(file, "stdin"), n)
			}
			fn(doc{id: id, text: a.Text})
			return nil
		}
		bad = true
		fmt.Fprintf(stderr, "whosaid %s: %s:%d: %s\n", cmd, orDefault(file, "stdin"), n, perr)
		b, _ := encodeJSON(errorRecord{File: file, Line: n, ID: a.ID, Error: perr.Error()}, "")
		return writeBytes(w, b)
	})
	if isWriteError(rerr) {
		return bad, rerr
	}
	if rerr != nil {
		fmt.Fprintf(stderr, "whosaid %s: %v\n", cmd, readError(orDefault(file, "stdin"), rerr))
		return true, nil
	}
	return bad, nil
}

// eachLine calls fn with the number and bytes of every line of r that is
// not blank (a byte order mark before the first is dropped), until fn
// returns an error, which it returns, or r ends; it returns r's read error.
func eachLine(r io.Reader, fn func(n int, line []byte) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	for n := 1; ; n++ {
		line, err := br.ReadBytes('\n')
		if n == 1 {
			line = bytes.TrimPrefix(line, []byte("\ufeff"))
		}
		if len(bytes.TrimSpace(line)) > 0 {
			if ferr := fn(n, line); ferr != nil {
				return ferr
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// subFlags returns the flag set of a subcommand, whose usage prints usage
// and the flags' defaults on stderr.
func subFlags(name, usage string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
	}
	return fs
}

// parseSub parses the flags and arguments of a subcommand; done reports
// that the run is over (help was asked for, or the flags were wrong) with
// exit status code.
func parseSub(fs *flag.FlagSet, args []string) (pos []string, code int, done bool) {
	pos, err := parseInterspersed(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return nil, 0, true
	}
	if err != nil {
		return nil, 2, true
	}
	return pos, 0, false
}

// orDefault returns s, or def when s is empty.
func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
