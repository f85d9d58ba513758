package quote

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/sentence"
	"github.com/whosaid/whosaid/span"
)

// describe renders a quotation in the notation of the table: one '>' per
// level of depth, the text with its marks, then "|ns" when it is not
// speech and "|open" when it never closed.
func describe(q Quote) string {
	s := strings.Repeat(">", q.Depth) + q.Text
	if q.Kind == NotSpeech {
		s += "|ns"
	}
	if !q.Closed {
		s += "|open"
	}
	return s
}

var detectTests = []struct {
	name string
	in   string
	want []string
}{
	// Curly double marks.
	{"curly", "He said “hello” to me.", []string{"“hello”"}},
	{"curly two", "“We will win,” she said. “We always do.”", []string{"“We will win,”", "“We always do.”"}},
	{"curly over sentences", "“First. Second. Third,” he said.", []string{"“First. Second. Third,”"}},
	{"abbreviation inside", "“Mr. Smith went to Washington. He said no,” she said.", []string{"“Mr. Smith went to Washington. He said no,”"}},
	{"parenthesised", "(“Never,” he said.)", []string{"“Never,”"}},
	{"after em dash", "He said—“no way”—and left.", []string{"“no way”"}},
	{"no spaces", "He said“no”and left.", []string{"“no”"}},
	{"no-break spaces", "said\u00a0“yes”\u00a0today", []string{"“yes”"}},
	{"straight closes curly", "“Hello,\" he said.", []string{"“Hello,\""}},
	{"closing glyph opens a paragraph", "”Mr. Smith is here,” he said.", []string{"”Mr. Smith is here,”"}},
	{"opening glyph closes", "“It is 51 percent.“\n\nNext.", []string{"“It is 51 percent.“"}},
	// Straight marks, paired by context.
	{"straight", "He said \"hello\" to me.", []string{"\"hello\""}},
	{"straight two", "\"Yes,\" he said. \"No,\" she said.", []string{"\"Yes,\"", "\"No,\""}},
	{"straight single", "He said 'hello' to me.", []string{"'hello'"}},
	{"straight single with apostrophe", "'I don't know,' he said.", []string{"'I don't know,'"}},
	{"doubled apostrophes", "''It's fine,'' he said.", []string{"''It's fine,''"}},
	{"inch marks", "He is 6' 2\" tall and said \"hi\".", []string{"\"hi\""}},
	{"straight elision 'em", "\"Let 'em go,\" he said.", []string{"\"Let 'em go,\""}},
	{"straight 'tis", "'Tis the season, he said.", nil},
	{"straight year", "In the '90s things were \"different.\"", []string{"\"different.\""}},
	// Apostrophes.
	{"apostrophes in quote", "“Don’t go,” he said. “It’s late.”", []string{"“Don’t go,”", "“It’s late.”"}},
	{"decade", "In the ’90s, he said “things were different.”", []string{"“things were different.”"}},
	{"rock n roll", "“I love rock ’n’ roll,” she said.", []string{"“I love rock ’n’ roll,”"}},
	{"rock n roll single", "‘I love rock ’n’ roll,’ she said.", []string{"‘I love rock ’n’ roll,’"}},
	{"plural possessive inside", "‘The Joneses’ dog barked,’ he said.", []string{"‘The Joneses’ dog barked,’"}},
	{"plural possessive alone", "The Joneses’ dog and the boss’s car.", nil},
	{"plural closes", "He called them ‘the bosses’ and left.", []string{"‘the bosses’"}},
	{"O'Brien", "‘O’Brien is here,’ he said.", []string{"‘O’Brien is here,’"}},
	{"dropped g", "‘We’re goin’ home,’ he said.", []string{"‘We’re goin’ home,’"}},
	{"decade with left mark", "In the ‘90s it was “fine.”", []string{"“fine.”"}},
	// Nesting.
	{"single in double", "“He told me ‘no’ twice,” she said.", []string{"“He told me ‘no’ twice,”", ">‘no’"}},
	{"double in single", "‘He told me “no” twice,’ she said.", []string{"‘He told me “no” twice,’", ">“no”"}},
	{"three levels", "“She said ‘he said “yes” loudly’ then,” I said.",
		[]string{"“She said ‘he said “yes” loudly’ then,”", ">‘he said “yes” loudly’", ">>“yes”"}},
	{"straight nested", "\"He said 'no' to me,\" she said.", []string{"\"He said 'no' to me,\"", ">'no'"}},
	{"straight nested at the end", "\"It feels like, 'Meh, we can put this off,'\" he said.",
		[]string{"\"It feels like, 'Meh, we can put this off,'\"", ">'Meh, we can put this off,'"}},
	{"curly inside straight", "\"Read the question: “Do you agree?” Yes,\" he said.",
		[]string{"\"Read the question: “Do you agree?” Yes,\"", ">“Do you agree?”"}},
	{"same marks nested", "“I’d rather live in what he calls “hell” than here,” she said.",
		[]string{"“I’d rather live in what he calls “hell” than here,”", ">“hell”"}},
	{"unclosed single inside double", "“He said ‘no,” she said.", []string{"“He said ‘no,”"}},
	// Other styles.
	{"guillemets", "Il a dit « bonjour » hier.", []string{"« bonjour »"}},
	{"reversed guillemets", "Er sagte »Hallo« gestern.", []string{"»Hallo«"}},
	{"single guillemets", "Il a dit ‹ oui › hier.", []string{"‹ oui ›"}},
	{"guillemets nested", "« Il a dit ‹ oui › hier », dit-elle.", []string{"« Il a dit ‹ oui › hier »", ">‹ oui ›"}},
	{"german low-high", "Er sagte „Hallo“ gestern.", []string{"„Hallo“"}},
	{"german single", "Er sagte ‚Hallo‘ gestern.", []string{"‚Hallo‘"}},
	{"polish", "Powiedział „tak” wczoraj.", []string{"„tak”"}},
	{"corner brackets", "彼は「こんにちは」と言った。", []string{"「こんにちは」"}},
	{"white corner inside", "彼は「母が『はい』と言った」と言った。", []string{"「母が『はい』と言った」", ">『はい』"}},
	{"dash is no quote by default", "— Hello, he said.", nil},
	// Paragraphs.
	{"multi-paragraph", "“First para.\n\n“Second para.”\n\nAfter.", []string{"“First para.\n\n“Second para.”"}},
	{"multi-paragraph three", "“One.\n\n“Two.\n\n“Three,” he said.", []string{"“One.\n\n“Two.\n\n“Three,”"}},
	{"multi-paragraph single newline", "“First para.\n“Second para,” he said.", []string{"“First para.\n“Second para,”"}},
	{"multi-paragraph straight", "\"First.\n\n\"Second.\"", []string{"\"First.\n\n\"Second.\""}},
	{"multi-paragraph CRLF", "“One.\r\n\r\n“Two.”", []string{"“One.\r\n\r\n“Two.”"}},
	{"blank lines with spaces", "“One.\n  \t\n\n“Two.”", []string{"“One.\n  \t\n\n“Two.”"}},
	{"other family does not continue", "\"Kevin was snoring.\n\n“Here he is,” she said.", []string{"\"Kevin was snoring.|open", "“Here he is,”"}},
	// Recovery.
	{"unclosed mid-paragraph", "He said “this is it. And more.\n\nNext paragraph.", []string{"“this is it.|open"}},
	{"unclosed whole line", "“This whole line is a quote\n\nNext para.", []string{"“This whole line is a quote|open"}},
	{"stray opener", "They want “results now. Later “a number of ideas,” he said.", []string{"“results now.|open", "“a number of ideas,”"}},
	{"stray closer", "He said it was fine,” she said. “Yes.”", []string{"“Yes.”"}},
	{"stray closer then pair", "fine” she said. “Yes,” he said, “and no.”", []string{"“Yes,”", "“and no.”"}},
	{"garbled attribution", "at the end, “the official said, adding that they want some” real concrete “results when they meet.",
		[]string{"“the official said, adding that they want some”|ns", "“results when they meet.|open"}},
	{"garbled inverted", "he left “said the official, adding more” then", []string{"“said the official, adding more”|ns"}},
	{"garbled according to", "it fell “according to the police, who came” later", []string{"“according to the police, who came”|ns"}},
	{"empty quotes", "He said “” and “ ”.", nil},
	{"marks only", "“”“”“”", nil},
	{"unclosed does not cross paragraphs", "He said “yes and\n\nthen “no” came.", []string{"“yes and|open", "“no”"}},
	{"invalid UTF-8", "\xff“hi\xfe”", []string{"“hi\xfe”"}},
	// Speech or not.
	{"name in quote marks", "about the “AUUKUS” alliance", []string{"“AUUKUS”|ns"}},
	{"quoted word of a speaker", "described the meetings as “serious” in tone.", []string{"“serious”"}},
	{"lower-case term", "French and EU “opportunities” while consulting", []string{"“opportunities”"}},
	{"show title", "On CBS’s “Face the Nation,” Ryan said.", []string{"“Face the Nation,”|ns"}},
	{"book title", "In his 2002 book, ''Make Your Kid a Millionaire,'' he wrote.", []string{"''Make Your Kid a Millionaire,''|ns"}},
	{"known as", "the bill, known as the “Justice Against Sponsors of Terrorism Act” passed", []string{"“Justice Against Sponsors of Terrorism Act”|ns"}},
	{"capitalised phrase", "dreams of a bipartisan ''Grand Bargain'' to carry out", []string{"''Grand Bargain''|ns"}},
	{"capitalised speech after said", "Trump said “Make America Great Again” often.", []string{"“Make America Great Again”"}},
	{"nickname", "Rep. Robert C. \"Bobby\" Scott spoke.", []string{"\"Bobby\"|ns"}},
	{"so-called", "the so-called “experts” said", []string{"“experts”|ns"}},
	{"markup", "<tweet author=\"jack\">Hi</tweet>", []string{"\"jack\"|ns"}},
	{"digits only", "the count was \"1474387200\" then", []string{"\"1474387200\"|ns"}},
	{"pronoun talked about", "because \"she\" is a \"he.\"", []string{"\"she\"|ns", "\"he.\"|ns"}},
	{"heading", "'All Bets Are Off.'\n\nText.", []string{"'All Bets Are Off.'|ns"}},
	{"single-mark heading", "Text.\n\n'There's so much anger.'\n\nMore text.", []string{"'There's so much anger.'|ns"}},
	{"single-mark paragraph of speech", "‘We will fight. We will win.’\n\nMore.", []string{"‘We will fight. We will win.’"}},
	{"headline quote is speech", "Trump Was ‘Mocking’ Clinton Camp", []string{"‘Mocking’"}},
	{"full quotation is speech", "“We expected better,” Lapix told Blinken.", []string{"“We expected better,”"}},
}

func TestDetect(t *testing.T) {
	for _, tt := range detectTests {
		t.Run(tt.name, func(t *testing.T) {
			qs := Detect(tt.in, sentence.Split(tt.in))
			var got []string
			for _, q := range qs {
				got = append(got, describe(q))
			}
			if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", tt.want) {
				t.Errorf("Detect(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
			checkInvariants(t, tt.in, qs)
		})
	}
	if len(detectTests) < 60 {
		t.Errorf("only %d cases", len(detectTests))
	}
}

func TestDetectFields(t *testing.T) {
	text := "Intro.\n\n“First para.\n\n“Second para,” he said. ‘Last.’"
	sents := sentence.Split(text)
	qs := Detect(text, sents)
	if len(qs) != 2 {
		t.Fatalf("got %d quotations, want 2: %+v", len(qs), qs)
	}
	q := qs[0]
	if q.Open != "“" || q.Close != "”" || !q.Closed || q.Depth != 0 {
		t.Errorf("marks %q %q closed %v depth %d", q.Open, q.Close, q.Closed, q.Depth)
	}
	if want := "First para.\n\n“Second para,"; q.Inner.Text != want {
		t.Errorf("Inner %q, want %q", q.Inner.Text, want)
	}
	wantParts := []string{"“First para.", "“Second para,”"}
	if len(q.Parts) != 2 || q.Parts[0].Text != wantParts[0] || q.Parts[1].Text != wantParts[1] {
		t.Errorf("Parts %+v, want %q", q.Parts, wantParts)
	}
	if q.FirstParagraph != 1 || q.LastParagraph != 2 {
		t.Errorf("paragraphs %d..%d, want 1..2", q.FirstParagraph, q.LastParagraph)
	}
	if q.FirstSentence < 1 || q.LastSentence < q.FirstSentence {
		t.Errorf("sentences %d..%d", q.FirstSentence, q.LastSentence)
	}
	if got := q.Pieces(); len(got) != 2 {
		t.Errorf("Pieces %v", got)
	}
	if got := qs[1].Pieces(); len(got) != 1 || got[0] != qs[1].Span() {
		t.Errorf("Pieces of a one-paragraph quotation %v", got)
	}
	if qs[1].Parts != nil {
		t.Errorf("Parts of a one-paragraph quotation %v", qs[1].Parts)
	}
	if q.Kind != Speech || q.Reason != ReasonSpeech || q.Score < 0.5 {
		t.Errorf("kind %v reason %q score %v", q.Kind, q.Reason, q.Score)
	}
	// Without sentences the indexes are -1.
	for _, q := range Detect(text, nil) {
		if q.FirstSentence != -1 || q.LastSentence != -1 || q.FirstParagraph != -1 || q.LastParagraph != -1 {
			t.Errorf("without sentences: %+v", q)
		}
	}
	if qs := Detect("", nil); qs != nil {
		t.Errorf("Detect of empty text = %v, want nil", qs)
	}
}

func TestOptions(t *testing.T) {
	for _, n := range []int{0, -1, 65} {
		if _, err := New(WithMaxDepth(n)); !errors.Is(err, ErrOption) || !strings.HasPrefix(err.Error(), "quote: ") {
			t.Errorf("New(WithMaxDepth(%d)) error %v, want ErrOption prefixed quote:", n, err)
		}
	}
	d, err := New(WithMaxDepth(1))
	if err != nil {
		t.Fatal(err)
	}
	got := d.Detect("“He told me ‘no’ twice,” she said.", nil)
	if len(got) != 1 || got[0].Text != "“He told me ‘no’ twice,”" {
		t.Errorf("WithMaxDepth(1): %+v", got)
	}

	d, _ = New(WithDialogueDash(true))
	text := "— Hello there, — he said.\n— And you?\n\nNot dialogue — at all."
	var desc []string
	for _, q := range d.Detect(text, nil) {
		desc = append(desc, describe(q)+"|"+q.Reason)
	}
	want := []string{"— Hello there, —|dialogue", "— And you?|dialogue"}
	if fmt.Sprint(desc) != fmt.Sprint(want) {
		t.Errorf("WithDialogueDash: got %q, want %q", desc, want)
	}

	d, _ = New(WithClassification(false))
	for _, q := range d.Detect("the “AUUKUS” alliance", nil) {
		if q.Kind != Speech || q.Reason != ReasonUnclassed {
			t.Errorf("WithClassification(false): %+v", q)
		}
	}

	d, _ = New(WithStraightSingles(false))
	if got := d.Detect("He said 'hello' and ''yes''.", nil); len(got) != 1 || got[0].Text != "''yes''" {
		t.Errorf("WithStraightSingles(false): %+v", got)
	}
}

func TestKindString(t *testing.T) {
	for k, want := range map[Kind]string{Speech: "speech", NotSpeech: "not-speech"} {
		b, _ := k.MarshalText()
		if k.String() != want || string(b) != want {
			t.Errorf("%d: %q %q, want %q", k, k.String(), b, want)
		}
	}
}

// checkInvariants asserts what every result of Detect keeps: offsets in
// bounds, text[Start:End] == Text, the inner span and parts inside, order
// by start with outer first, nesting without crossing, depths that match.
func checkInvariants(t testing.TB, text string, qs []Quote) {
	t.Helper()
	var stack []Quote
	for i, q := range qs {
		if q.Start < 0 || q.End > len(text) || q.Start >= q.End {
			t.Fatalf("quotation %d out of bounds: [%d,%d) of %d", i, q.Start, q.End, len(text))
		}
		if text[q.Start:q.End] != q.Text {
			t.Fatalf("quotation %d: text[%d:%d] = %q != Text %q", i, q.Start, q.End, text[q.Start:q.End], q.Text)
		}
		if q.Inner.Start < q.Start || q.Inner.End > q.End || q.Inner.Start > q.Inner.End || text[q.Inner.Start:q.Inner.End] != q.Inner.Text {
			t.Fatalf("quotation %d: inner %+v not inside [%d,%d)", i, q.Inner, q.Start, q.End)
		}
		if q.Text[:len(q.Open)] != q.Open || !strings.HasSuffix(q.Text, q.Close) {
			t.Fatalf("quotation %d: marks %q %q do not bound %q", i, q.Open, q.Close, q.Text)
		}
		for _, p := range q.Parts {
			if !(span.Span{Start: q.Start, End: q.End}).Contains(p) || text[p.Start:p.End] != p.Text {
				t.Fatalf("quotation %d: part %+v outside", i, p)
			}
		}
		if i > 0 && q.Start <= qs[i-1].Start {
			t.Fatalf("quotation %d starts at %d, not after %d", i, q.Start, qs[i-1].Start)
		}
		for len(stack) > 0 && stack[len(stack)-1].End <= q.Start {
			stack = stack[:len(stack)-1]
		}
		if len(stack) > 0 && q.End > stack[len(stack)-1].End {
			t.Fatalf("quotation %d [%d,%d) crosses [%d,%d)", i, q.Start, q.End, stack[len(stack)-1].Start, stack[len(stack)-1].End)
		}
		if q.Depth != len(stack) {
			t.Fatalf("quotation %d depth %d, want %d", i, q.Depth, len(stack))
		}
		if q.Score < 0 || q.Score > 1 {
			t.Fatalf("quotation %d score %v", i, q.Score)
		}
		stack = append(stack, q)
	}
}

// TestConcurrent shares one Detector between goroutines; run with -race.
func TestConcurrent(t *testing.T) {
	d, err := New()
	if err != nil {
		t.Fatal(err)
	}
	want := make([][]Quote, len(detectTests))
	for i, tt := range detectTests {
		want[i] = d.Detect(tt.in, nil)
	}
	done := make(chan struct{})
	for g := 0; g < 4; g++ {
		go func() {
			defer func() { done <- struct{}{} }()
			for r := 0; r < 20; r++ {
				for i, tt := range detectTests {
					if got := d.Detect(tt.in, nil); fmt.Sprint(got) != fmt.Sprint(want[i]) {
						t.Errorf("%s: concurrent result differs", tt.name)
						return
					}
				}
			}
		}()
	}
	for g := 0; g < 4; g++ {
		<-done
	}
}

func TestMaxLength(t *testing.T) {
	if _, err := New(WithMaxLength(0)); !errors.Is(err, ErrOption) {
		t.Errorf("New(WithMaxLength(0)) error %v, want ErrOption", err)
	}
	d, err := New(WithMaxLength(20))
	if err != nil {
		t.Fatal(err)
	}
	text := "He said “short one” and “a quotation far longer than twenty bytes” too."
	got := d.Detect(text, nil)
	if len(got) != 2 {
		t.Fatalf("got %d quotations, want both still paired: %+v", len(got), got)
	}
	if got[0].Kind != Speech || got[1].Kind != NotSpeech || got[1].Reason != ReasonTooLong || got[1].Score != 0 {
		t.Errorf("kinds %v (%s), %v (%s); want the long one NotSpeech, too-long", got[0].Kind, got[0].Reason, got[1].Kind, got[1].Reason)
	}
}
