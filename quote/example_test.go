package quote_test

import (
	"fmt"

	"github.com/whosaid/whosaid/quote"
	"github.com/whosaid/whosaid/sentence"
)

func Example() {
	text := "Officials condemned the “AUUKUS” alliance as “brutal.” " +
		"“We expected better,” journalist Anne-Sophie Lapix told Blinken. " +
		"“You speak French. You are a francophile.”"
	for _, q := range quote.Detect(text, sentence.Split(text)) {
		fmt.Printf("%-10s %s\n", q.Kind, q.Text)
	}
	// Output:
	// not-speech “AUUKUS”
	// speech     “brutal.”
	// speech     “We expected better,”
	// speech     “You speak French. You are a francophile.”
}

// A quotation over several paragraphs re-opens at each one and closes
// only at the end; it is one quotation with a part per paragraph.
func Example_multiParagraph() {
	text := "“We will rebuild,” the mayor said. “It will take years.\n\n" +
		"“But we have done it before.”\n\nThe council met later."
	for _, q := range quote.Detect(text, sentence.Split(text)) {
		fmt.Printf("%d part(s), closed %v: %q\n", len(q.Pieces()), q.Closed, q.Inner.Text)
	}
	// Output:
	// 1 part(s), closed true: "We will rebuild,"
	// 2 part(s), closed true: "It will take years.\n\n“But we have done it before."
}

// Nested quotations carry their depth.
func ExampleDetector_Detect() {
	d, err := quote.New()
	if err != nil {
		panic(err)
	}
	text := `"He told me, 'Don't go,' and left," she said.`
	for _, q := range d.Detect(text, nil) {
		fmt.Println(q.Depth, q.Text)
	}
	// Output:
	// 0 "He told me, 'Don't go,' and left,"
	// 1 'Don't go,'
}

// A noisy scrape: a mark that never closes stops at the end of its
// sentence and does not swallow the quotation after it.
func ExampleDetect_recovery() {
	text := "They want “results when they meet. Later the French proposed “a number of ideas,” he said."
	for _, q := range quote.Detect(text, nil) {
		fmt.Printf("closed=%v %s\n", q.Closed, q.Text)
	}
	// Output:
	// closed=false “results when they meet.
	// closed=true “a number of ideas,”
}

func ExampleWithDialogueDash() {
	d, err := quote.New(quote.WithDialogueDash(true))
	if err != nil {
		panic(err)
	}
	text := "— Are you coming? — she asked.\n— Not tonight."
	for _, q := range d.Detect(text, nil) {
		fmt.Println(q.Text)
	}
	// Output:
	// — Are you coming? —
	// — Not tonight.
}
