package tagger_test

import (
	"fmt"
	"strings"

	"github.com/jdkato/prose/v3/token"

	"github.com/whosaid/whosaid/internal/tagger"
)

func Example() {
	t, err := tagger.New()
	if err != nil {
		fmt.Println(err)
		return
	}
	var toks []token.Token
	for _, w := range strings.Fields("The senator told reporters on Tuesday that she would not back down .") {
		toks = append(toks, token.Token{Text: w})
	}
	t.TagTokens(toks)
	tagged := make([]string, len(toks))
	for i, tok := range toks {
		tagged[i] = tok.Text + "/" + tok.Tag
	}
	fmt.Println(strings.Join(tagged, " "))
	// Output:
	// The/DT senator/NN told/VBD reporters/NNS on/IN Tuesday/NNP that/IN she/PRP would/MD not/RB back/VB down/RP ./.
}
