package htmltext_test

import (
	"fmt"
	"strings"

	"github.com/whosaid/whosaid/htmltext"
)

func Example() {
	page := `<html><head><title>Bridge</title><script>track("page")</script></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article>
  <h1>Harbour Bridge to close</h1>
  <p>&ldquo;We cannot   wait,&rdquo; Mayor <b>Rosa
     Delgado</b> said.</p>
  <aside><p>Related: ferry times</p></aside>
  <p>She called it <q>the only choice</q>.</p>
</article>
<footer>&copy; The Ledger</footer></body></html>`
	text, err := htmltext.Extract(strings.NewReader(page))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(text)
	// Output:
	// Harbour Bridge to close
	//
	// “We cannot wait,” Mayor Rosa Delgado said.
	//
	// She called it “the only choice”.
}
