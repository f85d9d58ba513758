// Command htmlview turns an HTML news article into a page that shows who
// said what: the article's text with every quotation highlighted in its
// speaker's colour, and a panel of speakers.
//
// Usage:
//
//	go run ./examples/htmlview [-o out.html] [-title TITLE] [article.html | -]
//
// With no argument it reads an embedded sample article; "-" reads standard
// input. The page goes to standard output unless -o names a file:
//
//	go run ./examples/htmlview > out.html
package main

import (
	_ "embed"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/htmltext"
	"github.com/whosaid/whosaid/htmlview"
)

//go:embed sample.html
var sample string

func main() {
	out := flag.String("o", "", "write the page to this file instead of standard output")
	title := flag.String("title", "", "the page's title (default: the input's name)")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: htmlview [-o out.html] [-title TITLE] [article.html | -]\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if err := run(*out, *title, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "htmlview:", err)
		os.Exit(1)
	}
}

func run(out, title string, args []string) error {
	var in io.Reader = strings.NewReader(sample)
	name, source := "sample article", ""
	switch {
	case len(args) > 1:
		return fmt.Errorf("one article at a time, got %d", len(args))
	case len(args) == 1 && args[0] == "-":
		in, name, source = os.Stdin, "standard input", "standard input"
	case len(args) == 1:
		f, err := os.Open(args[0])
		if err != nil {
			return err
		}
		defer f.Close()
		in, name, source = f, filepath.Base(args[0]), args[0]
	}
	if title == "" {
		title = "Who said what: " + name
	}

	// The article's text, then the attributions; their offsets refer to
	// the text, which is what the page shows.
	text, err := htmltext.Extract(in)
	if err != nil {
		return err
	}
	attrs := whosaid.Extract(text)

	if out == "" {
		return htmlview.WriteOptions(os.Stdout, text, attrs, htmlview.Options{Title: title, Source: source})
	}
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	if err := htmlview.WriteOptions(f, text, attrs, htmlview.Options{Title: title, Source: source}); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "%d quotations; page written to %s\n", len(attrs), out)
	return nil
}
