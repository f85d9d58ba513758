package whosaid_test

import (
	"fmt"

	"github.com/whosaid/whosaid"
)

// Example runs the whole pipeline on a short news text and prints each
// quotation with its speaker, as written, and its cue.
func Example() {
	text := "“We will not raise taxes,” Governor Maria Lopez said on Tuesday.\n\n" +
		"“The numbers do not add up,” said Senator Tom Hale.\n"
	for _, a := range whosaid.Extract(text) {
		fmt.Printf("%s | %s | %s\n", a.Speaker.Text, a.Cue.Text, a.Text)
	}
	// Output:
	// Governor Maria Lopez | said | “We will not raise taxes,”
	// Senator Tom Hale | said | “The numbers do not add up,”
}
