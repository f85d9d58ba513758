package speaker_test

import (
	"fmt"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/speaker"
)

func Example() {
	corpus := map[string]string{
		"a": "“We will win,” Donald J. Trump said. Hillary Clinton said she would not concede.",
		"b": "Donald Trump told reporters that the polls were wrong. “It is rigged,” Mr. Trump said.",
		"c": "Bill Clinton said the campaign was strong.",
	}
	var t speaker.Tally
	for _, id := range []string{"a", "b", "c"} {
		t.Add(id, whosaid.Extract(corpus[id]))
	}
	for _, s := range t.Speakers() {
		fmt.Println(s.Speaker, s.Variants, s.Documents, s.Attributions)
	}
	// Output:
	// Donald Trump [Donald Trump Donald J. Trump] 2 3
	// Bill Clinton [Bill Clinton] 1 1
	// Hillary Clinton [Hillary Clinton] 1 1
}

func ExampleMatch() {
	fmt.Println(speaker.Match("Obama", "Barack Obama"))
	fmt.Println(speaker.Match("Bill Clinton", "Hillary Clinton"))
	// Output:
	// true
	// false
}
