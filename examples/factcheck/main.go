// Command factcheck turns a corpus of news articles into a queue of claims
// to check: one row per distinct quotation or reported claim, with its
// speaker, the words said, the signals that make it checkable (numbers,
// percentages, money, comparisons, dates) and every article that carries
// it. The same quotation reported by five outlets is one row with five
// sources.
//
//	go run ./examples/factcheck --csv claims.csv --jsonl claims.jsonl corpus.jsonl
//	go run ./examples/factcheck articles/          # .txt and .html files; CSV on standard output
//	go run ./examples/factcheck --top 20 corpus.jsonl   # the first 20 rows
//
// Inputs are JSON Lines files of {"id", "text"} articles (.jsonl, .json),
// directories (every .txt, .html and .htm file under them, named by their
// path) and single text or HTML files. Rows are sorted by number of
// signals, then by number of sources. A line or file that cannot be read
// is named on standard error and the rest is still read; the exit status
// is then 1.
package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/htmltext"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("factcheck", flag.ContinueOnError)
	fl.SetOutput(stderr)
	csvPath := fl.String("csv", "", "write the queue as CSV to this `file` (\"-\" for standard output)")
	jsonlPath := fl.String("jsonl", "", "write the queue as JSON Lines to this `file` (\"-\" for standard output)")
	top := fl.Int("top", 0, "write only the first `n` rows (0: all)")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if fl.NArg() == 0 {
		fmt.Fprintln(stderr, "usage: factcheck [--csv FILE] [--jsonl FILE] INPUT... (JSON Lines files, directories of .txt and .html, or files)")
		return 2
	}
	if *csvPath == "" && *jsonlPath == "" {
		*csvPath = "-"
	}
	sig, err := NewSignaller()
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	ex, err := whosaid.New()
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	texts, bad := read(fl.Args(), stderr)
	rows := Build(extract(ex, texts), sig)
	if *top > 0 && *top < len(rows) {
		rows = rows[:*top]
	}
	for _, out := range []struct {
		path  string
		write func(io.Writer, []Row) error
	}{{*csvPath, WriteCSV}, {*jsonlPath, WriteJSONL}} {
		if out.path == "" {
			continue
		}
		if err := writeFile(out.path, stdout, rows, out.write); err != nil {
			fmt.Fprintf(stderr, "factcheck: %v\n", err)
			return 1
		}
	}
	if bad {
		return 1
	}
	return 0
}

// text is one article read from the inputs.
type text struct{ id, text string }

// read reads the articles of the inputs, naming on stderr each line or
// file it cannot read; bad reports whether there was one.
func read(inputs []string, stderr io.Writer) (texts []text, bad bool) {
	fail := func(format string, a ...any) {
		fmt.Fprintf(stderr, "factcheck: "+format+"\n", a...)
		bad = true
	}
	for _, in := range inputs {
		err := filepath.WalkDir(in, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				fail("%v", err)
				return nil
			}
			if d.IsDir() {
				return nil
			}
			ext := strings.ToLower(filepath.Ext(path))
			if path != in && ext != ".txt" && ext != ".html" && ext != ".htm" {
				return nil // not an article, in a directory
			}
			f, err := os.Open(path)
			if err != nil {
				fail("%v", err)
				return nil
			}
			defer f.Close()
			switch ext {
			case ".jsonl", ".json":
				br := bufio.NewReaderSize(f, 64<<10)
				for n := 1; ; n++ {
					line, rerr := br.ReadBytes('\n')
					if len(bytes.TrimSpace(line)) > 0 {
						a, perr := whosaid.ParseArticle(line)
						switch {
						case perr != nil:
							fail("%s:%d: %v", path, n, perr)
						case a.ID == "":
							texts = append(texts, text{id: path + ":" + strconv.Itoa(n), text: a.Text})
						default:
							texts = append(texts, text{id: a.ID, text: a.Text})
						}
					}
					if rerr != nil {
						if rerr != io.EOF {
							fail("%s: %v", path, rerr)
						}
						break
					}
				}
			case ".html", ".htm":
				t, err := htmltext.Extract(f)
				if err != nil {
					fail("%s: %v", path, err)
					return nil
				}
				texts = append(texts, text{id: path, text: t})
			default:
				b, err := io.ReadAll(f)
				if err != nil {
					fail("%s: %v", path, err)
					return nil
				}
				texts = append(texts, text{id: path, text: string(b)})
			}
			return nil
		})
		if err != nil {
			fail("%v", err)
		}
	}
	return texts, bad
}

// extract finds the attributions of every article, as many at a time as
// there are CPUs, and keeps the articles' order.
func extract(ex *whosaid.Extractor, texts []text) []Doc {
	docs := make([]Doc, len(texts))
	next := make(chan int)
	var wg sync.WaitGroup
	for range runtime.NumCPU() {
		wg.Go(func() {
			for i := range next {
				docs[i] = Doc{ID: texts[i].id, Attrs: ex.Extract(texts[i].text)}
			}
		})
	}
	for i := range texts {
		next <- i
	}
	close(next)
	wg.Wait()
	return docs
}

func writeFile(path string, stdout io.Writer, rows []Row, write func(io.Writer, []Row) error) error {
	if path == "-" {
		return write(stdout, rows)
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	return errors.Join(write(f, rows), f.Close())
}

// CSVHeader is the header row of the CSV queue.
var CSVHeader = []string{"speaker", "claim", "type", "confidence", "signals", "sources", "where"}

// WriteCSV writes the queue as CSV: the columns of CSVHeader, with the
// signals separated by ";", the number of sources, and where they are as
// "id:start-end" separated by " | ".
func WriteCSV(w io.Writer, rows []Row) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader); err != nil {
		return err
	}
	for _, r := range rows {
		where := make([]string, len(r.Sources))
		for i, s := range r.Sources {
			where[i] = fmt.Sprintf("%s:%d-%d", s.ID, s.Start, s.End)
		}
		rec := []string{r.Speaker, r.Claim, r.Type, strconv.FormatFloat(r.Confidence, 'f', 2, 64),
			strings.Join(r.Signals, ";"), strconv.Itoa(len(r.Sources)), strings.Join(where, " | ")}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteJSONL writes the queue as JSON Lines, one Row per line.
func WriteJSONL(w io.Writer, rows []Row) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for _, r := range rows {
		if r.Signals == nil {
			r.Signals = []string{}
		}
		if err := enc.Encode(r); err != nil {
			return err
		}
	}
	return bw.Flush()
}
