package attribution_test

import (
	"fmt"

	"github.com/whosaid/whosaid/attribution"
	"github.com/whosaid/whosaid/quote"
	"github.com/whosaid/whosaid/sentence"
)

func Example() {
	text := "“The bridge will reopen in May,” the mayor said. " +
		"Residents told reporters that the detour had doubled their commute.\n\n" +
		"The work ran late, according to the city engineer."
	sents := sentence.Split(text)
	qs := quote.Detect(text, sents)
	for _, a := range attribution.Resolve(text, sents, qs) {
		fmt.Printf("%s | %s | %s | %s\n", a.Speaker.Text, a.Cue.Text, a.Type, a.Extent.Text)
	}
	// Output:
	// the mayor | said | direct | “The bridge will reopen in May,”
	// Residents | told | indirect | that the detour had doubled their commute
	// the city engineer | according to | indirect | The work ran late
}
