//go:build unix

package bench

import (
	"encoding/json"
	"os"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/jdkato/prose/v3/segment"
	"gopkg.in/neurosnap/sentences.v1"
	"gopkg.in/neurosnap/sentences.v1/english"

	"github.com/whosaid/whosaid/internal/corpustest"
	"github.com/whosaid/whosaid/sentence"
)

// sbdPeer is one sentence splitter under comparison, built once.
type sbdPeer struct {
	name  string
	split func(string) []string
}

// neurosnapTokenizer builds neurosnap's English Punkt tokenizer once: its
// constructor adds to the model it is given, so it is not called per text.
var neurosnapTokenizer = sync.OnceValues(func() (*sentences.DefaultSentenceTokenizer, error) {
	return english.NewSentenceTokenizer(nil)
})

func sbdPeers(tb testing.TB) []sbdPeer {
	tb.Helper()
	ws, err := sentence.New()
	if err != nil {
		tb.Fatal(err)
	}
	ps, err := segment.New()
	if err != nil {
		tb.Fatal(err)
	}
	nt, err := neurosnapTokenizer()
	if err != nil {
		tb.Fatal(err)
	}
	return []sbdPeer{
		{"whosaid", func(t string) []string {
			ss := ws.Split(t)
			out := make([]string, len(ss))
			for i, s := range ss {
				out[i] = s.Text
			}
			return out
		}},
		{"prose", func(t string) []string {
			ss := ps.Segment(t)
			out := make([]string, len(ss))
			for i, s := range ss {
				out[i] = s.Text
			}
			return out
		}},
		{"neurosnap", func(t string) []string {
			ss := nt.Tokenize(t)
			out := make([]string, 0, len(ss))
			for _, s := range ss {
				if x := strings.TrimSpace(s.Text); x != "" {
					out = append(out, x)
				}
			}
			return out
		}},
	}
}

// sentenceCPUTime returns the CPU time, user and system, that the process
// has used so far in nanoseconds, or -1.
func sentenceCPUTime() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return -1
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}

// BenchmarkSentence splits the seed article and all PolNeAR dev texts with
// whosaid's splitter and its peers, in the same run (-cpu 1 for one core).
// cpu-MB/s divides the bytes by the CPU time the process used rather than
// the wall time, so that it holds when other processes share the machine.
func BenchmarkSentence(b *testing.B) {
	article := corpustest.ReadFile(b, "seed/blinken-paris.txt")
	sets := []struct {
		name  string
		texts []string
	}{
		{"article", []string{article}},
		{"polnear-dev", corpustest.Texts(b, "polnear/dev.jsonl")},
	}
	for _, set := range sets {
		n := 0
		for _, t := range set.texts {
			n += len(t)
		}
		for _, sp := range sbdPeers(b) {
			b.Run(set.name+"/"+sp.name, func(b *testing.B) {
				b.SetBytes(int64(n))
				b.ReportAllocs()
				cpu0, loops := sentenceCPUTime(), 0
				for b.Loop() {
					for _, t := range set.texts {
						sp.split(t)
					}
					loops++
				}
				if cpu1 := sentenceCPUTime(); cpu0 >= 0 && cpu1 > cpu0 {
					b.ReportMetric(float64(n)*float64(loops)/(float64(cpu1-cpu0)/1e9)/1e6, "cpu-MB/s")
				}
			})
		}
	}
}

// TestSentenceGoldenRules counts the English Golden Rules each splitter
// passes (a report, not a requirement on the peers).
func TestSentenceGoldenRules(t *testing.T) {
	b, err := os.ReadFile(corpustest.Path(t, "sbd/golden_rules_en.json"))
	if err != nil {
		t.Fatal(err)
	}
	var rules []struct {
		Text      string   `json:"text"`
		Sentences []string `json:"sentences"`
	}
	if err := json.Unmarshal(b, &rules); err != nil {
		t.Fatal(err)
	}
	for _, sp := range sbdPeers(t) {
		pass := 0
		for _, r := range rules {
			got := sp.split(r.Text)
			if strings.Join(got, "\x00") == strings.Join(r.Sentences, "\x00") {
				pass++
			}
		}
		t.Logf("%-10s %d/%d golden rules", sp.name, pass, len(rules))
		if sp.name == "whosaid" && pass != len(rules) {
			t.Errorf("whosaid passes %d/%d golden rules", pass, len(rules))
		}
	}
}
