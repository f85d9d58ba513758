package attribution_test

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"

	"github.com/whosaid/whosaid"
)

// TestDump writes the predictions for a JSON Lines corpus as JSON Lines. It
// runs only when WHOSAID_DUMP_IN and WHOSAID_DUMP_OUT name the input and the
// output files, so that a scorer outside the tests can read them.
func TestDump(t *testing.T) {
	in, out := os.Getenv("WHOSAID_DUMP_IN"), os.Getenv("WHOSAID_DUMP_OUT")
	if in == "" || out == "" {
		t.Skip("set WHOSAID_DUMP_IN and WHOSAID_DUMP_OUT to dump predictions")
	}
	f, err := os.Open(in)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		var doc struct {
			ID   string `json:"id"`
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		line, err := whosaid.NewRecord(doc.ID, whosaid.Extract(doc.Text)).MarshalLine()
		if err != nil {
			t.Fatal(err)
		}
		w.Write(line)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
}
