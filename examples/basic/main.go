// Command basic prints who said what in a news article: by default the
// sample article embedded in it, or the text of the files named on the
// command line.
//
//	go run ./examples/basic
//	go run ./examples/basic article.txt
package main

import (
	_ "embed"
	"fmt"
	"os"
	"strings"

	"github.com/whosaid/whosaid"
)

// article is a short news report written for this example.
//
//go:embed article.txt
var article string

func main() {
	texts := []string{article}
	if len(os.Args) > 1 {
		texts = texts[:0]
		for _, name := range os.Args[1:] {
			b, err := os.ReadFile(name)
			if err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
			texts = append(texts, string(b))
		}
	}
	for _, text := range texts {
		for _, a := range whosaid.Extract(text) {
			// a.Text is the words said: the fragments of a quotation
			// interrupted by its speaker ("“...,” she said, “...”")
			// joined by a space, without the narration between them.
			fmt.Printf("%s %s: %s\n", speaker(a), verb(a), strings.Join(strings.Fields(a.Text), " "))
		}
	}
}

// speaker names who said it: the resolved name, with the mention as written
// when it is another form than the name ("Tom Reyes (he)").
func speaker(a whosaid.Attribution) string {
	name, mention := a.Entity.Name, a.Speaker.Text
	switch {
	case name == "" && mention == "":
		return "(unknown)"
	case name == "":
		return mention
	case mention == "" || strings.Contains(strings.ToLower(mention), strings.ToLower(name)) ||
		strings.Contains(strings.ToLower(name), strings.ToLower(mention)):
		return name
	default:
		return name + " (" + mention + ")"
	}
}

// verb is the cue, or "continued" for a quotation that goes on with the
// previous speaker's turn.
func verb(a whosaid.Attribution) string {
	if a.Cue.Text == "" {
		return "continued"
	}
	return a.Cue.Text
}
