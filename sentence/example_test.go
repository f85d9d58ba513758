package sentence_test

import (
	"fmt"

	"github.com/whosaid/whosaid/sentence"
)

func Example() {
	text := "PARIS — Secretary of State Antony J. Blinken met French officials on Tuesday.\n\n" +
		"“We expected better,” journalist Anne-Sophie Lapix told Blinken. “You speak French. " +
		"You are a francophile.” The U.S. Embassy said talks would go on."
	sents := sentence.Split(text)
	for _, s := range sents {
		fmt.Printf("%d %d-%d %s\n", s.Paragraph, s.Start, s.End, s.Text)
	}
	// Output:
	// 0 0-9 PARIS —
	// 0 10-79 Secretary of State Antony J. Blinken met French officials on Tuesday.
	// 1 81-149 “We expected better,” journalist Anne-Sophie Lapix told Blinken.
	// 1 150-170 “You speak French.
	// 1 171-196 You are a francophile.”
	// 1 197-237 The U.S. Embassy said talks would go on.
}

func ExampleSplitter_SplitParagraphs() {
	s, err := sentence.New(sentence.WithLineBreaks(sentence.LineBreaksBlank))
	if err != nil {
		panic(err)
	}
	text := "At 5 a.m. Mr. Smith went to the bank.\nHe left at 6 P.M. He was tired.\n\nThe end."
	sents, paras := s.SplitParagraphs(text)
	for _, p := range paras {
		fmt.Printf("paragraph: sentences %d to %d\n", p.First, p.Last)
		for _, s := range sents[p.First : p.Last+1] {
			fmt.Printf("  %q\n", s.Text)
		}
	}
	// Output:
	// paragraph: sentences 0 to 2
	//   "At 5 a.m. Mr. Smith went to the bank."
	//   "He left at 6 P.M."
	//   "He was tired."
	// paragraph: sentences 3 to 3
	//   "The end."
}

func ExampleLocate() {
	text := "“Why now?” Graham asked. Nobody answered."
	sents := sentence.Split(text)
	off := len("“Why now?” Graham asked. Nob")
	i := sentence.Locate(sents, off)
	fmt.Println(i, sents[i].Text)
	// Output:
	// 1 Nobody answered.
}
