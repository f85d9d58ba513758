// Command whosaid finds the quotations in English news text and says who
// said them.
//
// Usage:
//
//	whosaid [flags] [FILE...]
//	whosaid COMMAND [flags] [ARGS...]
//	whosaid help [COMMAND]
//
// With no FILE, or with "-", it reads standard input ("--" before a file
// named like a command: whosaid -- help).
//
// Commands:
//
//	eval      scores whosaid, or a prediction file, against gold attributions
//	serve     serves the extractor over HTTP, for pipelines in other languages
//	verify    checks a claimed quotation against its source
//	speakers  lists the speakers of a corpus under one key each
//	help      explains a command
//
// Input (--input):
//
//	text   plain text, one article per file (default)
//	html   an HTML page per file; the article text is taken out of it first,
//	       in the page's own encoding (byte order mark, meta charset, else
//	       UTF-8 if valid, else windows-1252)
//	jsonl  JSON Lines, one {"id": ..., "text": ...} object per line
//
// Output (--format):
//
//	text   a table of speaker, cue, type, confidence and quotation (default
//	       for text and html input)
//	json   one JSON value: an object {"id", "text", "quotes"} for one text
//	       or html document, an array of them for several files or for
//	       jsonl input
//	jsonl  the JSON Lines record format, one {"id", "quotes"} record per
//	       document (default for jsonl input); html input adds "text"
//	tsv    one tab-separated row per quotation, with a header; backslash
//	       and every character that a reader may take for a line or field
//	       break are escaped (\t \n \r \v \f, \u001c \u001d \u001e \u0085
//	       \u2028 \u2029)
//	html   one page with each quotation highlighted by speaker
//
// A quotation's "text" is the words said: the fragments of a quotation
// interrupted by its narration ("“...,” she said, “...”") joined by one
// space; "start" and "end" cover the fragments and the narration between.
// Offsets in json, jsonl and tsv output are UTF-8 byte offsets into the
// document's text (for html input, into the extracted text, which json and
// jsonl output carry in "text"); --offsets runes gives code points (as
// Python indexes a str) and --offsets utf16 UTF-16 code units (as
// JavaScript indexes a string), and the record then says "offsets".
//
// --min-confidence, --type and --speaker keep only some quotations;
// --speaker NAME matches, without regard to case, the resolved name, a
// whole-word part of it ("Blinken" in "Antony Blinken") or any mention of
// the speaker ("the secretary").
//
// --max-bytes N bounds the reading and the work: of a text file or
// standard input at most N bytes are read (of an html page at most 4N,
// and of its text N), and the text is cut at its last paragraph break
// before N bytes. --max-tokens bounds the tokens read likewise. A cut is
// never silent: the record says "cut", the table says so and a warning
// goes to standard error.
//
// JSON Lines input is processed by --workers goroutines (1 to 256; the
// default is the number of CPUs). The window of articles in flight is
// bounded by count (4 per worker) and by bytes (16 MiB of input; a larger
// article goes through alone), and the text under extraction at once by
// 1 MiB per CPU (a larger article alone), so that many workers on large
// articles cannot multiply memory; output follows input order and is
// byte-identical whatever the number of workers. Empty lines are skipped.
// Records carry their input "line". A line that cannot be read as an
// article (not a JSON object, no string "text", an "id" or "text" that is
// not valid Unicode, a line longer than 64 MiB or 6 × --max-bytes) yields
// an error record {"line", "id", "error"} in its place (with "file" when it
// came from a named file) and a message on standard error; the other lines
// are still processed and the exit status is 1.
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
	"runtime/debug"
	"strings"
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

// A command is a subcommand: whosaid NAME [ARGS...]. run returns the exit
// status; asked for help ("-h"), it prints its usage to stderr and
// returns 0.
type command struct {
	name, summary string
	run           func(args []string, stdin io.Reader, stdout, stderr io.Writer) int
}

// commands are the subcommands, in the order help lists them. (help
// itself is run by run, since it reads this table.)
var commands = []command{
	{"eval", "score whosaid, or a prediction file, against gold attributions", runEval},
	{"serve", "serve the extractor over HTTP (JSON in, records out, /metrics)", runServe},
	{"verify", "check a claimed quotation against its source: verbatim, altered, unquoted or not found", runVerify},
	{"speakers", "list the speakers of a corpus under one key each, most attributions first", runSpeakers},
	{"help", "explain a command: whosaid help [COMMAND]", nil},
}

func findCommand(name string) *command {
	for i := range commands {
		if commands[i].name == name {
			return &commands[i]
		}
	}
	return nil
}

const usage = `usage: whosaid [flags] [FILE...]
       whosaid COMMAND [flags] [ARGS...]

Finds the quotations in English news text and says who said them.
Reads standard input when no FILE is given ("--" before a file named
like a command). "whosaid help COMMAND" explains a command.

commands:
%s
flags:
`

func commandList() string {
	var b strings.Builder
	for _, c := range commands {
		fmt.Fprintf(&b, "  %-6s %s\n", c.name, c.summary)
	}
	return b.String()
}

// runHelp prints the usage of the main command or of the command named.
func runHelp(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	switch {
	case len(args) == 0:
		return run([]string{"--help"}, stdin, stdout, stdout)
	case len(args) > 1:
		fmt.Fprintln(stderr, "whosaid help: want at most one command")
		return 2
	}
	c := findCommand(args[0])
	if c == nil {
		fmt.Fprintf(stderr, "whosaid help: unknown command %q; the commands are:\n%s", args[0], commandList())
		return 2
	}
	if c.run == nil {
		fmt.Fprint(stdout, "usage: whosaid help [COMMAND]\n\nExplains whosaid or one of its commands.\n")
		return 0
	}
	return c.run([]string{"--help"}, stdin, stdout, stdout)
}

// version is the version of the build: set with -ldflags "-X
// main.version=v1.2.3", else taken from the module's build information.
var version = ""

func versionLine() string {
	v := version
	if v == "" {
		v = "(devel)"
		if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
			v = bi.Main.Version
		}
	}
	return fmt.Sprintf("whosaid %s %s %s/%s\n", v, runtime.Version(), runtime.GOOS, runtime.GOARCH)
}

// maxWorkers bounds --workers: extraction is bound by CPU, and every
// worker may hold an article in memory.
const maxWorkers = 256

// options are the command-line flags of the main command.
type options struct {
	input, format string
	workers       int
	width         int
	maxBytes      int
	maxTokens     int
	quoteRuns     bool
	entities      bool
	withText      bool // jsonl records carry the text (html input)
	offsets       whosaid.Unit
	filter        filter
	set           map[string]bool // flags given on the command line
}

// errQuiet ends the run without a message: the reader of our output went
// away.
var errQuiet = errors.New("output closed")

// addExtractFlags defines the flags that configure the extractor and the
// filters on fs, shared by the main command and serve.
func (o *options) addExtractFlags(fs *flag.FlagSet) {
	fs.BoolVar(&o.quoteRuns, "quote-runs", true, "report a quotation that opens the sentence after an attributed one (“...,” she said. “...”)\n"+
		"as a further fragment of that attribution, as PolNeAR annotates it; false reports it on its own, as a continuation")
	fs.IntVar(&o.maxBytes, "max-bytes", whosaid.DefaultMaxBytes, "longest part of an article read, in `bytes`; an article is cut at the last paragraph break before it, and the cut reported")
	fs.IntVar(&o.maxTokens, "max-tokens", whosaid.DefaultMaxTokens, "most `tokens` of an article read (words and punctuation), which bounds the memory of one article; cut and reported as for --max-bytes")
	fs.Float64Var(&o.filter.minConfidence, "min-confidence", 0, "keep only quotations of at least this confidence, in [0, 1]")
	fs.Func("type", "keep only quotations of these `types`, comma-separated: direct, mixed, indirect", o.filter.setTypes)
	fs.StringVar(&o.filter.speaker, "speaker", "", "keep only quotations whose speaker matches `NAME`: the resolved name, a whole-word part of it, or a mention")
	fs.BoolVar(&o.entities, "entities", false, "add each document's speakers, with all their mentions, to json and jsonl records (\"entities\")")
	fs.Func("offsets", "`unit` of offsets in json, jsonl and tsv output: bytes (UTF-8, the default), runes (code points, as Python) or utf16 (as JavaScript)", func(s string) error {
		u, err := whosaid.ParseUnit(s)
		o.offsets = u
		return err
	})
}

// extractor builds the Extractor the extract flags describe, with errors
// that name the flags.
func (o *options) extractor() (*whosaid.Extractor, error) {
	if o.maxBytes <= 0 {
		return nil, fmt.Errorf("--max-bytes %d: want a positive number of bytes", o.maxBytes)
	}
	if o.maxTokens <= 0 {
		return nil, fmt.Errorf("--max-tokens %d: want a positive number of tokens", o.maxTokens)
	}
	if c := o.filter.minConfidence; !(c >= 0 && c <= 1) {
		return nil, fmt.Errorf("--min-confidence %v: want a number from 0 to 1", c)
	}
	if o.offsets == "" {
		o.offsets = whosaid.UnitBytes
	}
	return whosaid.New(whosaid.WithMaxBytes(o.maxBytes), whosaid.WithMaxTokens(o.maxTokens),
		whosaid.WithAttribution(attribution.WithQuoteRuns(o.quoteRuns)))
}

// run is the whole command; it returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		if args[0] == "help" {
			return runHelp(args[1:], stdin, stdout, stderr)
		}
		if c := findCommand(args[0]); c != nil {
			return c.run(args[1:], stdin, stdout, stderr)
		}
	}
	var o options
	fs := flag.NewFlagSet("whosaid", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		if !helpAsked(args) {
			// After a bad flag's message, a pointer rather than the page.
			fmt.Fprintln(stderr, `run "whosaid help" for the flags`)
			return
		}
		fmt.Fprintf(stderr, usage, commandList())
		fs.PrintDefaults()
	}
	fs.StringVar(&o.input, "input", "text", "input format: text, html or jsonl")
	fs.StringVar(&o.format, "format", "", "output format: text, json, jsonl, tsv or html\n(default text; jsonl for --input jsonl)")
	fs.IntVar(&o.workers, "workers", runtime.NumCPU(), fmt.Sprintf("articles extracted in parallel (jsonl input), 1 to %d", maxWorkers))
	fs.IntVar(&o.width, "width", 100, "longest quotation shown by --format text, in characters; 0 for no limit")
	showVersion := fs.Bool("version", false, "print the version and exit")
	o.addExtractFlags(fs)
	files, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if *showVersion {
		fmt.Fprint(stdout, versionLine())
		return 0
	}
	o.set = map[string]bool{}
	fs.Visit(func(f *flag.Flag) { o.set[f.Name] = true })
	if len(files) == 0 {
		files = []string{"-"}
	}
	if err := o.check(len(files), stderr); err != nil {
		fmt.Fprintf(stderr, "whosaid: %v\n", err)
		return 2
	}
	ex, err := o.extractor()
	if err != nil {
		fmt.Fprintf(stderr, "whosaid: %v\n", strings.TrimPrefix(err.Error(), "whosaid: "))
		return 2
	}
	w := bufio.NewWriterSize(stdout, 64<<10)
	out := &output{w: w, array: o.format == "json" && (o.input == "jsonl" || len(files) > 1)}
	if o.format == "tsv" {
		w.WriteString(tsvHeader)
	}
	status := 0
	for _, name := range files {
		err := o.process(ex, name, stdin, out, stderr, len(files) > 1)
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
	if err := out.close(); err != nil {
		return writeFailed(err, stderr)
	}
	return status
}

// helpAsked reports whether args ask for help before any "--".
func helpAsked(args []string) bool {
	for _, a := range args {
		switch a {
		case "--":
			return false
		case "-h", "-help", "--help", "--h":
			return true
		}
	}
	return false
}

// check validates the options against each other, with errors that name
// the flags; it notes on stderr a value it clamps.
func (o *options) check(nfiles int, stderr io.Writer) error {
	switch o.input {
	case "text", "html", "jsonl":
	default:
		return fmt.Errorf("--input %q: want text, html or jsonl", o.input)
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
		return fmt.Errorf("--format %q: want text, json, jsonl, tsv or html", o.format)
	}
	if o.workers < 1 {
		return fmt.Errorf("--workers %d: want 1 to %d (the default is the number of CPUs, %d)", o.workers, maxWorkers, runtime.NumCPU())
	}
	if o.workers > maxWorkers {
		fmt.Fprintf(stderr, "whosaid: --workers %d: using %d, the most\n", o.workers, maxWorkers)
		o.workers = maxWorkers
	}
	if o.width < 0 {
		return fmt.Errorf("--width %d: want 0 or more", o.width)
	}
	if o.set["offsets"] && o.format != "json" && o.format != "jsonl" && o.format != "tsv" {
		return fmt.Errorf("--offsets applies to --format json, jsonl and tsv, not %s", o.format)
	}
	if o.entities && o.format != "json" && o.format != "jsonl" {
		return fmt.Errorf("--entities applies to --format json and jsonl, not %s", o.format)
	}
	o.withText = o.input == "html" || o.format == "json"
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

// htmlFactor is how many times --max-bytes of an HTML page is read: the
// text of a page is a fraction of its markup.
const htmlFactor = 4

// process reads one input (a file name, or "-" for stdin) and writes its
// results to out.
func (o *options) process(ex *whosaid.Extractor, name string, stdin io.Reader, out *output, stderr io.Writer, many bool) error {
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
		return o.stream(ex, r, file, out, stderr)
	}
	// Read at most what will be used, and a byte more to know that there
	// was more.
	limit := int64(o.maxBytes)
	if o.input == "html" {
		limit *= htmlFactor
	}
	text, err := readAtMost(r, limit+1)
	if err != nil {
		return readError(display, err)
	}
	pageCut := int64(len(text)) > limit
	if o.input == "html" {
		page := text
		if pageCut {
			page = page[:limit]
		}
		t, err := htmltext.Extract(strings.NewReader(page))
		if err != nil {
			return fmt.Errorf("%s: %w", display, err)
		}
		text = t
	}
	rec := o.document(ex, display, 0, text)
	if pageCut && rec.Cut == nil {
		// The page was cut before its text met the bound.
		rec.Cut = &whosaid.Cut{Offset: len(text), Bound: "max-bytes", Limit: o.maxBytes}
	}
	if rec.Cut != nil {
		what := "text"
		if o.input == "html" && pageCut {
			what = fmt.Sprintf("page read up to %d bytes; text", limit)
		}
		fmt.Fprintf(stderr, "whosaid: warning: %s: %s %s\n", display, what, rec.Cut)
	}
	if o.format == "html" {
		title := "whosaid"
		if name != "-" {
			title = filepath.Base(name)
		}
		return writeTo(out.w, func(w io.Writer) error { return writeHTML(w, title, text, rec.Quotes) })
	}
	if o.format == "jsonl" {
		// One quote at a time: the JSON of a long text's quotations is
		// never held whole.
		rec, err := o.prepare(rec, text)
		if err != nil {
			return err
		}
		return out.writeLine(rec)
	}
	body, err := o.render(rec, text, many)
	if err != nil {
		return err
	}
	return out.write(body)
}

// document extracts the record of one document and applies the filters.
func (o *options) document(ex *whosaid.Extractor, id string, line int, text string) whosaid.Record {
	rec := ex.ExtractRecord(id, text)
	rec.Line = line
	if !o.filter.empty() {
		rec.Quotes = o.filter.apply(rec.Quotes)
		rec.Entities = whosaid.Entities(rec.Quotes)
	}
	if !o.entities {
		rec.Entities = nil
	}
	return rec
}

// readAtMost reads r up to n bytes into a string. A regular file is read
// into room of its size, made once, where reading into a growing buffer
// and copying it into a string would hold the text two or three times.
func readAtMost(r io.Reader, n int64) (string, error) {
	var sb strings.Builder
	if f, ok := r.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
			// A byte more than its size, to see its end.
			sb.Grow(int(min(fi.Size()+1, n)))
		}
	}
	_, err := io.Copy(&sb, io.LimitReader(r, n))
	return sb.String(), err
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

// writeBytes writes b to w, with the write error classified.
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

// output writes the documents' renderings, inside one JSON array when
// array is set.
type output struct {
	w     *bufio.Writer
	array bool
	n     int
}

// write writes one document's rendering (for an array, one JSON value
// ending in a newline).
func (o *output) write(b []byte) error {
	if len(b) == 0 {
		return nil
	}
	if o.array {
		sep := ",\n"
		if o.n == 0 {
			sep = "[\n"
		}
		if _, err := o.w.WriteString(sep); err != nil {
			return classifyWrite(err)
		}
		b = b[:len(b)-1] // the newline: the separator or the end follows
	}
	o.n++
	if _, err := o.w.Write(b); err != nil {
		return classifyWrite(err)
	}
	return nil
}

// writeLine writes one document's record as a line of JSON Lines.
func (o *output) writeLine(rec whosaid.Record) error {
	o.n++
	w := &recordingWriter{w: o.w}
	if err := rec.WriteLine(w); err != nil {
		if w.err != nil {
			return classifyWrite(w.err)
		}
		return err // the record could not be encoded
	}
	return nil
}

// recordingWriter keeps the error of its writer, to tell it from others.
type recordingWriter struct {
	w   io.Writer
	err error
}

func (r *recordingWriter) Write(b []byte) (int, error) {
	n, err := r.w.Write(b)
	if err != nil {
		r.err = err
	}
	return n, err
}

// close ends the array and flushes.
func (o *output) close() error {
	if o.array {
		end := "\n]\n"
		if o.n == 0 {
			end = "[]\n"
		}
		if _, err := o.w.WriteString(end); err != nil {
			return classifyWrite(err)
		}
	}
	if err := o.w.Flush(); err != nil {
		return classifyWrite(err)
	}
	return nil
}
