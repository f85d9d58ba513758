package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/verify"
)

const verifyUsage = `usage: whosaid verify --quote WORDS [--speaker NAME] [--input text|html|jsonl] SOURCE...
       whosaid verify --claims CLAIMS.jsonl [--input text|html|jsonl] SOURCE...

Checks claimed quotations against their sources and prints one JSON object
per claim: {"quote", "claimed_speaker", "verdict", "similarity", "match",
"diff", "speaker", "speaker_match", "spliced"}. The verdict is verbatim,
altered, unquoted or not-found. In the claimed words "..." or "…" stands for
words left out, and square brackets for an editor's insertion.
--quote and --speaker may be repeated: the n-th --speaker goes with the n-th
--quote, and a single --speaker with every --quote. CLAIMS.jsonl holds one
{"quote", "speaker"} object per line. A SOURCE of "-" is standard input.

A SOURCE that cannot be read is named on standard error, as the main
command names an unreadable FILE, and the claims are checked against the
other sources. A bad claims or source line yields an error record
{"line", "error", "file"} in its place and a message on standard error.
The exit status is 0 whenever verdicts were printed; when no SOURCE could
be read, no verdict is printed and the exit status is 1.

flags:
`

// multiFlag is a flag that may be given more than once.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ", ") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

// claimLine is one claim to check: from a --quote flag (line 0) or a line
// of the claims file, or the error that line holds.
type claimLine struct {
	claim verify.Claim
	line  int
	err   error
}

// runVerify is the verify subcommand; it returns the exit status.
func runVerify(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := subFlags("whosaid verify", verifyUsage, stderr)
	var quotes, speakers multiFlag
	fs.Var(&quotes, "quote", "a claimed quotation (repeatable)")
	fs.Var(&speakers, "speaker", "who is said to have said it (repeatable, one per --quote, or one for all)")
	claimsFile := fs.String("claims", "", "a JSON Lines `file` of claims, one {\"quote\", \"speaker\"} object per line")
	input := fs.String("input", "text", "source format: text, html or jsonl")
	sources, code, done := parseSub(fs, args)
	if done {
		return code
	}
	usageErr := func(msg string) int {
		fmt.Fprintf(stderr, "whosaid verify: %s\n", msg)
		return 2
	}
	switch {
	case len(quotes) == 0 && *claimsFile == "":
		return usageErr("give a claim: --quote WORDS or --claims FILE")
	case len(sources) == 0:
		return usageErr("name at least one SOURCE (\"-\" for standard input)")
	case len(speakers) > 1 && len(speakers) != len(quotes):
		return usageErr(fmt.Sprintf("%d --speaker for %d --quote: give one, or one per --quote", len(speakers), len(quotes)))
	case *claimsFile == "-" && slices.Contains(sources, "-"):
		return usageErr("standard input cannot hold both the claims and a source")
	}
	if err := checkInput(*input); err != nil {
		return usageErr(err.Error())
	}

	var claims []claimLine
	for i, q := range quotes {
		c := verify.Claim{Quote: q}
		if len(speakers) == 1 {
			c.Speaker = speakers[0]
		} else if len(speakers) > 1 {
			c.Speaker = speakers[i]
		}
		claims = append(claims, claimLine{claim: c})
	}
	claimsName := *claimsFile
	if *claimsFile != "" {
		var r io.Reader = stdin
		if *claimsFile != "-" {
			f, err := os.Open(*claimsFile)
			if err != nil {
				fmt.Fprintf(stderr, "whosaid verify: %v\n", err)
				return 1
			}
			defer f.Close()
			r = f
		} else {
			claimsName = "stdin"
		}
		cs, err := readClaims(r)
		if err != nil {
			fmt.Fprintf(stderr, "whosaid verify: %v\n", readError(claimsName, err))
			return 1
		}
		claims = append(claims, cs...)
	}

	ex, err := whosaid.New()
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	w := bufio.NewWriterSize(stdout, 64<<10)
	var docs []doc
	failed, err := readDocs("verify", *input, sources, stdin, w, stderr, func(d doc) { docs = append(docs, d) })
	if err != nil {
		return writeFailed(err, stderr)
	}
	if failed && len(docs) == 0 {
		// No source could be read, and a verdict against none would be
		// not-found for words the source may well hold. readDocs named
		// each source on stderr, as the main command names an input it
		// cannot read, and the status is the main command's: 1.
		if err := w.Flush(); err != nil {
			return writeFailed(classifyWrite(err), stderr)
		}
		return 1
	}
	corpus, err := buildCorpus(ex, docs)
	if err != nil {
		fmt.Fprintf(stderr, "whosaid verify: %v\n", err)
	}

	printed := 0
	for _, cl := range claims {
		var b []byte
		if cl.err == nil {
			res, err := corpus.Check(cl.claim)
			if err != nil {
				cl.err = err
			} else {
				b, err = json.Marshal(res)
				if err != nil {
					cl.err = err
				}
				b = append(b, '\n')
				printed++
			}
		}
		if cl.err != nil {
			b = claimError(cl, claimsName, stderr)
		}
		if err := writeBytes(w, b); err != nil {
			return writeFailed(err, stderr)
		}
	}
	if err := w.Flush(); err != nil {
		return writeFailed(classifyWrite(err), stderr)
	}
	if printed == 0 {
		return 1
	}
	return 0
}

// claimError renders the error record of a claim that got no verdict, and
// names it on stderr.
func claimError(cl claimLine, file string, stderr io.Writer) []byte {
	var rec any
	if cl.line > 0 {
		fmt.Fprintf(stderr, "whosaid verify: %s:%d: %v\n", file, cl.line, cl.err)
		rec = errorRecord{File: file, Line: cl.line, Error: cl.err.Error()}
	} else {
		fmt.Fprintf(stderr, "whosaid verify: --quote %q: %v\n", cl.claim.Quote, cl.err)
		rec = struct {
			Quote string `json:"quote"`
			Error string `json:"error"`
		}{cl.claim.Quote, cl.err.Error()}
	}
	b, _ := encodeJSON(rec, "")
	return b
}

// readClaims reads a JSON Lines file of claims; a line that is not a
// claim is kept with its error, in its place. The error is a read error.
func readClaims(r io.Reader) ([]claimLine, error) {
	var out []claimLine
	err := eachLine(r, func(n int, line []byte) error {
		var raw struct {
			Quote   *string `json:"quote"`
			Speaker string  `json:"speaker"`
		}
		cl := claimLine{line: n}
		switch jerr := json.Unmarshal(line, &raw); {
		case jerr != nil:
			cl.err = fmt.Errorf("not a JSON object: %w", jerr)
		case raw.Quote == nil:
			cl.err = errors.New(`missing "quote"`)
		default:
			cl.claim = verify.Claim{Quote: *raw.Quote, Speaker: raw.Speaker}
		}
		out = append(out, cl)
		return nil
	})
	return out, err
}

// buildCorpus extracts the attributions of the documents, as many at a
// time as there are CPUs, and indexes them in their order.
func buildCorpus(ex *whosaid.Extractor, docs []doc) (*verify.Corpus, error) {
	attrs := make([][]whosaid.Attribution, len(docs))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.NumCPU() {
		wg.Go(func() {
			for i := range next {
				attrs[i] = ex.Extract(docs[i].text)
			}
		})
	}
	for i := range docs {
		next <- i
	}
	close(next)
	wg.Wait()
	var b verify.Builder
	var errs []error
	for i, d := range docs {
		if err := b.Add(d.id, d.text, attrs[i]); err != nil {
			errs = append(errs, err)
		}
	}
	return b.Corpus(), errors.Join(errs...)
}
