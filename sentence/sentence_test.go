package sentence

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/whosaid/whosaid/internal/corpustest"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/sentence")

func texts(sents []Sentence) []string {
	out := make([]string, len(sents))
	for i, s := range sents {
		out[i] = s.Text
	}
	return out
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

type goldenRule struct {
	ID        int      `json:"id"`
	Name      string   `json:"name"`
	Text      string   `json:"text"`
	Sentences []string `json:"sentences"`
}

func loadGoldenRules(tb testing.TB) []goldenRule {
	tb.Helper()
	b, err := os.ReadFile(corpustest.Path(tb, "sbd/golden_rules_en.json"))
	if err != nil {
		tb.Fatal(err)
	}
	var rules []goldenRule
	if err := json.Unmarshal(b, &rules); err != nil {
		tb.Fatal(err)
	}
	return rules
}

// TestGoldenRules runs the 48 English Golden Rules of sentence boundary
// detection.
func TestGoldenRules(t *testing.T) {
	rules := loadGoldenRules(t)
	if len(rules) != 48 {
		t.Errorf("got %d golden rules, want 48", len(rules))
	}
	for _, r := range rules {
		t.Run(fmt.Sprintf("%02d_%s", r.ID, r.Name), func(t *testing.T) {
			sents := Split(r.Text)
			checkInvariants(t, r.Text, sents)
			if got := texts(sents); !equal(got, r.Sentences) {
				t.Errorf("Split(%q)\n got %q\nwant %q", r.Text, got, r.Sentences)
			}
		})
	}
}

// TestNews covers what news text throws at the splitter, beyond the
// golden rules.
func TestNews(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"titles", "Sen. Elizabeth Warren met Gov. Gavin Newsom and Gen. Mark Milley. Dr. Fauci joined.",
			[]string{"Sen. Elizabeth Warren met Gov. Gavin Newsom and Gen. Mark Milley.", "Dr. Fauci joined."}},
		{"months", "The vote is on Sept. 11 in Washington. It was moved from Aug. 3.",
			[]string{"The vote is on Sept. 11 in Washington.", "It was moved from Aug. 3."}},
		{"state then opener", "He grew up in Selma, Ala. But he left early.",
			[]string{"He grew up in Selma, Ala.", "But he left early."}},
		{"state then name", "Rep. Smith of Sacramento, Calif. Smith said no.",
			[]string{"Rep. Smith of Sacramento, Calif. Smith said no."}},
		{"company", "Apple Inc. said on Tuesday it would buy Beats Corp. The deal closed.",
			[]string{"Apple Inc. said on Tuesday it would buy Beats Corp.", "The deal closed."}},
		{"acronyms", "The U.K. and the E.U. agreed. The U.S. Senate did not.",
			[]string{"The U.K. and the E.U. agreed.", "The U.S. Senate did not."}},
		{"acronym at end then quote", "He lives in the U.S. “We love it,” he said.",
			[]string{"He lives in the U.S.", "“We love it,” he said."}},
		{"initials", "Antony J. Blinken met J.F.K. Jr. in Paris. A. Philip Randolph spoke.",
			[]string{"Antony J. Blinken met J.F.K. Jr. in Paris.", "A. Philip Randolph spoke."}},
		{"initial then opener", "Said Plan B. The plan failed.",
			[]string{"Said Plan B.", "The plan failed."}},
		{"time in sentence", "The polls close at 8 p.m. Eastern time. Results follow.",
			[]string{"The polls close at 8 p.m. Eastern time.", "Results follow."}},
		{"time before weekday", "It began at 9 a.m. Friday and ended at 5 p.m. It was long.",
			[]string{"It began at 9 a.m. Friday and ended at 5 p.m.", "It was long."}},
		{"fronted time", "By 9 a.m. Mr. Biden had left.",
			[]string{"By 9 a.m. Mr. Biden had left."}},
		{"money and decimals", "It cost $4.5 billion. Shares fell 3.2 percent. That was 0.5 more.",
			[]string{"It cost $4.5 billion.", "Shares fell 3.2 percent.", "That was 0.5 more."}},
		{"numbering", "He is ranked No. 2 in the state. No. Trump is first.",
			[]string{"He is ranked No. 2 in the state.", "No.", "Trump is first."}},
		{"quote ends sentence", "“You speak French. You are a francophile.” She smiled.",
			[]string{"“You speak French.", "You are a francophile.”", "She smiled."}},
		{"quote inside sentence", "She said, “This is great.” and left.",
			[]string{"She said, “This is great.” and left."}},
		{"question then attribution", "“Why now?” Graham asked. “Why not?” Sen. Lindsey Graham said.",
			[]string{"“Why now?” Graham asked.", "“Why not?” Sen. Lindsey Graham said."}},
		{"dash attribution", "“It is a real disgrace.” ― Azucena Gonzàlez\n“Next.” -- Jane Doe. He left. — Then more.",
			[]string{"“It is a real disgrace.” ― Azucena Gonzàlez", "“Next.” -- Jane Doe.", "He left.", "— Then more."}},
		{"question then attribution, no-break spaces", "“Why now?” Sen.\u00a0Lindsey Graham\u00a0asked. “Why not?” Graham\u202fsaid.",
			[]string{"“Why now?” Sen.\u00a0Lindsey Graham\u00a0asked.", "“Why not?” Graham\u202fsaid."}},
		{"question then attribution, names in other letters and with a curly apostrophe", "“Why not?” O’Malley asked. “Why now?” Ángel Peña said. “Why?” Éric left.",
			[]string{"“Why not?” O’Malley asked.", "“Why now?” Ángel Peña said.", "“Why?”", "Éric left."}},
		{"question then attribution, a line break is not a space between its words", "“Why now?” Graham\nasked.",
			[]string{"“Why now?”", "Graham\nasked."}},
		{"question then new sentence", "“Why now?” Graham left the room.",
			[]string{"“Why now?”", "Graham left the room."}},
		{"nested quotes", "He said, “She told me ‘no.’ Then she left.” It ended.",
			[]string{"He said, “She told me ‘no.’", "Then she left.”", "It ended."}},
		{"closer after full stop in parenthesis", "He agreed (after a pause.) Then he left.",
			[]string{"He agreed (after a pause.)", "Then he left."}},
		{"full stop after closing quote", "It was “in terms of communication”. And he agreed.",
			[]string{"It was “in terms of communication”.", "And he agreed."}},
		{"unicode ellipsis", "We will win… The people know it. We are … sure.",
			[]string{"We will win…", "The people know it.", "We are … sure."}},
		{"ellipsis opening a quote sentence", "“It is one of the things worrying them. … Democratic groups, too.”",
			[]string{"“It is one of the things worrying them.", "… Democratic groups, too.”"}},
		{"dateline", "WASHINGTON (AP) — Secretary of State Antony J. Blinken said Tuesday that talks were “productive.” He left.",
			[]string{"WASHINGTON (AP) —", "Secretary of State Antony J. Blinken said Tuesday that talks were “productive.”", "He left."}},
		{"headline and byline lines", "Blinken Tries to Mend Ties\nBy Jane Doe\nPARIS — Blinken arrived.",
			[]string{"Blinken Tries to Mend Ties", "By Jane Doe", "PARIS —", "Blinken arrived."}},
		{"wrapped line", "Donald Trump regularly\nincites political violence.",
			[]string{"Donald Trump regularly\nincites political violence."}},
		{"blank lines and CRLF", "First paragraph.\r\n\r\nSecond one.\r\nThird one.\r\n",
			[]string{"First paragraph.", "Second one.", "Third one."}},
		{"no-break space", "He agreed.\u00a0Then he left.\u00a0\n\u00a0\nNext.",
			[]string{"He agreed.", "Then he left.", "Next."}},
		{"email and url", "Write to jane.doe@example.com. Or visit www.example.com/a.html. Thanks.",
			[]string{"Write to jane.doe@example.com.", "Or visit www.example.com/a.html.", "Thanks."}},
		{"bullets", "• Stop lying • Show humility • Fill the gaps",
			[]string{"• Stop lying", "• Show humility", "• Fill the gaps"}},
		{"list that does not start at one", "He has 2) reasons and 3) excuses.",
			[]string{"He has 2) reasons and 3) excuses."}},
		{"exclamation in name", "She works at Yahoo! in the city. Wow!! Really?!",
			[]string{"She works at Yahoo! in the city.", "Wow!!", "Really?!"}},
		{"lower case after full stop", "and the defense. with the United Kingdom and Australia.",
			[]string{"and the defense. with the United Kingdom and Australia."}},
		{"et al and etc", "Smith et al. found it. Apples, pears, etc. The rest.",
			[]string{"Smith et al. found it.", "Apples, pears, etc.", "The rest."}},
		{"e.g.", "Some states, e.g. Ohio and Texas, agreed.",
			[]string{"Some states, e.g. Ohio and Texas, agreed."}},
		{"empty", "", nil},
		{"only white space", " \n\t\u00a0\r\n ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sents := Split(tt.text)
			checkInvariants(t, tt.text, sents)
			if got := texts(sents); !equal(got, tt.want) {
				t.Errorf("Split(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestParagraphIndexes(t *testing.T) {
	text := "Headline\n\nOne. Two.\nThree.\n\n\n  \nFour and\nfive.\n"
	sents := Split(text)
	checkInvariants(t, text, sents)
	var got []string
	for _, s := range sents {
		got = append(got, fmt.Sprintf("%d:%s", s.Paragraph, s.Text))
	}
	want := []string{"0:Headline", "1:One.", "1:Two.", "2:Three.", "3:Four and\nfive."}
	if !equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if got := Paragraphs("ab", []Sentence{{Start: 0, End: 1, Paragraph: 5}, {Start: 5, End: 9, Paragraph: 1}}); len(got) != 2 || got[1].Text != "" {
		t.Errorf("Paragraphs of foreign sentences = %+v", got)
	}
	ps := Paragraphs(text, sents)
	if len(ps) != 4 || ps[1].Text != "One. Two." || ps[1].First != 1 || ps[1].Last != 2 {
		t.Errorf("Paragraphs = %+v", ps)
	}
}

func TestLineBreakModes(t *testing.T) {
	text := "Line one\nLine two.\n\nNext."
	tests := []struct {
		mode LineBreaks
		want []string
	}{
		{LineBreaksAuto, []string{"0:Line one", "1:Line two.", "2:Next."}},
		{LineBreaksBlank, []string{"0:Line one\nLine two.", "1:Next."}},
		{LineBreaksEvery, []string{"0:Line one", "1:Line two.", "2:Next."}},
	}
	for _, tt := range tests {
		t.Run(tt.mode.String(), func(t *testing.T) {
			s, err := New(WithLineBreaks(tt.mode))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, x := range s.Split(text) {
				got = append(got, fmt.Sprintf("%d:%s", x.Paragraph, x.Text))
			}
			if !equal(got, tt.want) {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		})
	}
	s, _ := New(WithLineBreaks(LineBreaksEvery))
	if got := texts(s.Split("one\nmore")); !equal(got, []string{"one", "more"}) {
		t.Errorf("every line break: got %q", got)
	}
}

// TestOptions checks what the options do; TestOptionErrors the options
// that New refuses.
func TestOptions(t *testing.T) {
	tests := []struct {
		name string
		opts []Option
		text string
		want []string
	}{
		{"default", nil, "He met Amb. Smith.", []string{"He met Amb.", "Smith."}},
		{"title", []Option{WithTitles("Amb.")}, "He met Amb. Smith.", []string{"He met Amb. Smith."}},
		{"abbreviation", []Option{WithAbbreviations("Intl")}, "Acme Intl. It grew. Acme Intl. Smith",
			[]string{"Acme Intl.", "It grew.", "Acme Intl. Smith"}},
		{"same line break mode twice", []Option{WithLineBreaks(LineBreaksBlank), WithLineBreaks(LineBreaksBlank)}, "a\nb", []string{"a\nb"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := New(tt.opts...)
			if err != nil {
				t.Fatal(err)
			}
			if got := texts(s.Split(tt.text)); !equal(got, tt.want) {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		})
	}
	// Options never change the shared default lexicon.
	if got := texts(Split("He met Amb. Smith.")); len(got) != 2 {
		t.Errorf("default splitter changed by an option: %q", got)
	}
}

func TestLocate(t *testing.T) {
	text := "One two.  Three four.\n\nFive."
	sents, paras := defaultSplitterForTest(t).SplitParagraphs(text)
	tests := []struct{ off, sent, para, nearest int }{
		{-1, -1, -1, 0}, {0, 0, 0, 0}, {7, 0, 0, 0}, {8, -1, 0, 1}, {9, -1, 0, 1},
		{10, 1, 0, 1}, {20, 1, 0, 1}, {21, -1, -1, 2}, {23, 2, 1, 2}, {27, 2, 1, 2}, {28, -1, -1, 3}, {99, -1, -1, 3},
	}
	for _, tt := range tests {
		if got := Locate(sents, tt.off); got != tt.sent {
			t.Errorf("Locate(%d) = %d, want %d", tt.off, got, tt.sent)
		}
		if got := LocateParagraph(paras, tt.off); got != tt.para {
			t.Errorf("LocateParagraph(%d) = %d, want %d", tt.off, got, tt.para)
		}
		if got := Nearest(sents, tt.off); got != tt.nearest {
			t.Errorf("Nearest(%d) = %d, want %d", tt.off, got, tt.nearest)
		}
	}
	if Locate(nil, 0) != -1 || LocateParagraph(nil, 0) != -1 || Nearest(nil, 3) != 0 {
		t.Error("lookups on no sentences")
	}
}

func defaultSplitterForTest(tb testing.TB) *Splitter {
	tb.Helper()
	s, err := New()
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

// TestSeedArticle checks the splitter on the scraped seed article: its
// dateline line is a unit of its own, paragraphs never glue together, and
// its boundaries match the offsets pinned in testdata (go test -update
// rewrites them).
func TestSeedArticle(t *testing.T) {
	b, err := os.ReadFile(corpustest.Path(t, "seed/blinken-paris.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	sents := Split(text)
	checkInvariants(t, text, sents)

	if len(sents) == 0 || sents[0].Text != "date 2021-10-05" {
		t.Fatalf("the dateline line is not its own sentence: %q", texts(sents[:min(1, len(sents))]))
	}
	if len(sents) > 1 && sents[1].Paragraph == sents[0].Paragraph {
		t.Errorf("the dateline shares its paragraph with %q", sents[1].Text)
	}
	// Every blank-line block of the article is one paragraph.
	var blocks []string
	for _, blk := range strings.Split(text, "\n\n") {
		if strings.TrimSpace(blk) != "" {
			blocks = append(blocks, strings.TrimSpace(blk))
		}
	}
	ps := Paragraphs(text, sents)
	if len(ps) != len(blocks) {
		t.Errorf("got %d paragraphs, want %d blank-line blocks", len(ps), len(blocks))
	}
	for i := 0; i < len(ps) && i < len(blocks); i++ {
		if ps[i].Text != blocks[i] {
			t.Errorf("paragraph %d = %.60q, want %.60q", i, ps[i].Text, blocks[i])
		}
	}

	var sb strings.Builder
	sb.WriteString("# Sentence boundaries of ../shared/corpus/seed/blinken-paris.txt: start end paragraph (byte offsets).\n")
	for _, s := range sents {
		fmt.Fprintf(&sb, "%d %d %d\n", s.Start, s.End, s.Paragraph)
	}
	golden := filepath.Join("..", "testdata", "sentence", "blinken-paris.offsets")
	if *update {
		if err := os.WriteFile(golden, []byte(sb.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got := sb.String(); got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) || i < len(wl); i++ {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Errorf("%s line %d: got %q, want %q", golden, i+1, g, w)
				if s, err := strconv.Atoi(strings.Fields(g + " 0")[0]); err == nil && s < len(text) {
					t.Logf("got sentence at %d: %.80q", s, text[s:])
				}
				break
			}
		}
	}
}

// TestPolNeARDev checks the invariants on every PolNeAR dev text, and that
// no sentence crosses a blank line.
func TestPolNeARDev(t *testing.T) {
	n := 0
	for _, text := range corpustest.Texts(t, "polnear/dev.jsonl") {
		sents := Split(text)
		checkInvariants(t, text, sents)
		for _, s := range sents {
			if strings.Contains(s.Text, "\n\n") {
				t.Errorf("sentence crosses a blank line: %.80q", s.Text)
			}
		}
		n += len(sents)
	}
	t.Logf("%d sentences", n)
}

// TestHostile feeds inputs built to make a careless splitter slow:
// every one must finish in time linear in its size.
func TestHostile(t *testing.T) {
	const size = 10 << 20
	rep := func(s string) string { return strings.Repeat(s, size/len(s)) }
	tests := []struct {
		name string
		text string
	}{
		{"no full stop", rep("and then the words go on ")},
		{"no white space", rep("abcdefghij")},
		{"dots without spaces", rep("a.")},
		{"acronym soup", rep("U.S.")},
		{"quote marks", rep("\"“”'‘’«»")},
		{"spaced ellipsis", rep(" .")},
		{"terminators", rep("?!.…")},
		{"full stops and spaces", rep(". ")},
		{"white space", rep(" \u00a0\t")},
		{"blank lines", rep("\n \r\n")},
		{"bullets", "• a" + rep(" •")},
		{"list", "1) a" + rep(" 2) a")},
		{"closers", "End." + rep("”")},
		{"NUL and invalid UTF-8", rep("\x00\xff\xe2\x80.")},
		{"run-in headings", rep("Holding the bag “There is more,” Blinken said. ")},
		{"run-in heading openers", rep("A b \"C ")},
		{"datelines", rep("PARIS, Oct. 5 (AP) —\n\n")},
		{"citations", rep("It is.[1][2][3] ")},
		{"list lines", "Steps:\n" + rep("- an item of a list\n")},
	}
	s := defaultSplitterForTest(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			begin := time.Now()
			sents := s.Split(tt.text)
			took := time.Since(begin)
			checkInvariants(t, tt.text, sents)
			// Finishing at all is the test; linear time is shown by the
			// benchmarks.
			t.Logf("%d MB in %v, %d sentences", len(tt.text)>>20, took, len(sents))
		})
	}
}

// TestConcurrent shares one Splitter between goroutines (run with -race).
func TestConcurrent(t *testing.T) {
	s := defaultSplitterForTest(t)
	inputs := []string{
		"At 5 a.m. Mr. Smith went to the bank. He left the bank at 6 P.M. Mr. Smith then went to the store.",
		"“You speak French. You are a francophile.” She smiled.\n\nNext paragraph.",
		"1. The first item 2. The second item",
	}
	want := make([][]string, len(inputs))
	for i, in := range inputs {
		want[i] = texts(s.Split(in))
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := 0; r < 50; r++ {
				for i, in := range inputs {
					if got := texts(s.Split(in)); !equal(got, want[i]) {
						t.Errorf("concurrent Split(%q) = %q, want %q", in, got, want[i])
						return
					}
					if got := texts(Split(in)); !equal(got, want[i]) {
						t.Errorf("concurrent package Split(%q) = %q", in, got)
						return
					}
				}
			}
		}()
	}
	wg.Wait()
}
