package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/internal/corpustest"
)

// bin is the whosaid binary that TestMain builds once for the tests that
// need a real process (pipes, exit status, /dev/full).
var bin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "whosaid-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	bin = filepath.Join(dir, "whosaid")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		fmt.Fprintf(os.Stderr, "go build: %v\n%s", err, out)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// snippet is a short news text used across the tests.
const snippet = "“We will rebuild,” said Mayor Ann Cole. “It will take time.”\n\n" +
	"Cole told reporters the city would ask for state aid.\n"

// runIn runs the command in-process and returns its output and status.
func runIn(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var o, e bytes.Buffer
	code = run(args, strings.NewReader(stdin), &o, &e)
	return o.String(), e.String(), code
}

// runBin runs the built binary with stdin from r and extra environment.
func runBin(t *testing.T, r io.Reader, env []string, args ...string) (stdout, stderr []byte, code int) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Stdin = r
	cmd.Env = append(os.Environ(), env...)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		return o.Bytes(), e.Bytes(), ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return o.Bytes(), e.Bytes(), 0
}

func TestFormats(t *testing.T) {
	attrs := whosaid.Extract(snippet)
	wantLine, err := whosaid.NewRecord("stdin", attrs).MarshalLine()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args  []string
		check func(t *testing.T, out string)
	}{
		{[]string{}, func(t *testing.T, out string) {
			if !strings.HasPrefix(out, "SPEAKER") {
				t.Errorf("table has no header:\n%s", out)
			}
			if got := strings.Count(out, "\n"); got != len(attrs)+1 {
				t.Errorf("table has %d lines, want %d:\n%s", got, len(attrs)+1, out)
			}
		}},
		{[]string{"--format", "jsonl"}, func(t *testing.T, out string) {
			if out != string(wantLine) {
				t.Errorf("jsonl:\n got %s\nwant %s", out, wantLine)
			}
		}},
		{[]string{"--format=json"}, func(t *testing.T, out string) {
			var d whosaid.Record
			if err := json.Unmarshal([]byte(out), &d); err != nil {
				t.Fatalf("json: %v\n%s", err, out)
			}
			if d.Text != snippet || len(d.Quotes) != len(attrs) {
				t.Errorf("json: text %q, %d quotes; want the input and %d", d.Text, len(d.Quotes), len(attrs))
			}
			checkWordsSaid(t, d)
		}},
		{[]string{"--format", "tsv"}, func(t *testing.T, out string) {
			lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
			if lines[0]+"\n" != tsvHeader || len(lines) != len(attrs)+1 {
				t.Errorf("tsv: %d lines, header %q", len(lines), lines[0])
			}
			cols := strings.Count(tsvHeader, "\t")
			for _, l := range lines {
				if strings.Count(l, "\t") != cols {
					t.Errorf("tsv row %q has %d tabs, want %d", l, strings.Count(l, "\t"), cols)
				}
			}
		}},
		{[]string{"--format", "html"}, func(t *testing.T, out string) {
			if !strings.Contains(strings.ToLower(out), "<html") {
				t.Errorf("html output is not a page:\n%.200s", out)
			}
		}},
		{[]string{"--input", "html", "--format", "jsonl"}, func(t *testing.T, out string) {
			var d whosaid.Record
			if err := json.Unmarshal([]byte(out), &d); err != nil {
				t.Fatalf("jsonl from html: %v\n%s", err, out)
			}
			if d.Text == "" {
				t.Errorf("jsonl from html input carries no text: %s", out)
			}
			checkWordsSaid(t, d)
		}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			in := snippet
			if len(tt.args) > 1 && tt.args[1] == "html" && tt.args[0] == "--input" {
				in = "<html><body><article><p>" + strings.ReplaceAll(snippet, "\n\n", "</p><p>") + "</p></article></body></html>"
			}
			out, stderr, code := runIn(t, in, tt.args...)
			if code != 0 || stderr != "" {
				t.Fatalf("exit %d, stderr %q", code, stderr)
			}
			tt.check(t, out)
		})
	}
}

// checkWordsSaid checks that each quote's text is its fragments of the
// record's text joined by a space.
func checkWordsSaid(t *testing.T, d whosaid.Record) {
	t.Helper()
	for _, q := range d.Quotes {
		var parts []string
		for _, f := range q.Spans {
			parts = append(parts, d.Text[f.Start:f.End])
		}
		if got := strings.Join(parts, " "); got != q.Text {
			t.Errorf("fragments %v give %q, but the quote's text is %q", q.Spans, got, q.Text)
		}
	}
}

func TestUsageErrors(t *testing.T) {
	tests := [][]string{
		{"--format", "xml"},
		{"--input", "pdf"},
		{"--workers", "-1"},
		{"--input", "jsonl", "--format", "html"},
		{"--format", "html", "a.txt", "b.txt"},
		{"--no-such-flag"},
		{"eval"},
		{"eval", "a.jsonl", "b.jsonl"},
	}
	for _, args := range tests {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			out, stderr, code := runIn(t, "", args...)
			if code != 2 || out != "" || stderr == "" {
				t.Errorf("exit %d, stdout %q, stderr %q; want 2, nothing, a message", code, out, stderr)
			}
		})
	}
}

func TestParseInterspersed(t *testing.T) {
	var o options
	fs := newTestFlags(&o)
	pos, err := parseInterspersed(fs, []string{"a", "--format", "tsv", "b", "--", "--input", "c"})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(pos, " ") != "a b --input c" || o.format != "tsv" {
		t.Errorf("positional %q, format %q", pos, o.format)
	}
}

func newTestFlags(o *options) *flag.FlagSet {
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	fs.StringVar(&o.format, "format", "", "")
	fs.StringVar(&o.input, "input", "text", "")
	return fs
}

func TestTruncate(t *testing.T) {
	tests := []struct {
		in    string
		width int
		want  string
	}{
		{"short", 10, "short"},
		{"exactly ten", 11, "exactly ten"},
		{"one two three four five", 15, "one two three…"},
		{"one two three four five", 12, "one two thr…"},
		{"abcdefghijklmnop", 5, "abcd…"},
		{"“Ünïcödé quotes”", 6, "“Ünïc…"},
		{"anything", 0, "anything"},
		{"ab", 1, "…"},
	}
	for _, tt := range tests {
		if got := truncate(tt.in, tt.width); got != tt.want {
			t.Errorf("truncate(%q, %d) = %q, want %q", tt.in, tt.width, got, tt.want)
		}
	}
}

func TestTSVField(t *testing.T) {
	if got := tsvField("a\tb\nc\\d\re"); got != `a\tb\nc\\d\re` {
		t.Errorf("tsvField = %q", got)
	}
}

// article returns a short valid news article for line n of a stream.
func article(n int) string {
	speakers := []string{"Mayor Ann Cole", "the spokesman", "Sen. Joe Park", "the company"}
	return fmt.Sprintf("Report %d\n\n“We expect a decision soon,” said %s. “Talks continue.”\n\n%s said the plan would cost $%d million.\n",
		n, speakers[n%len(speakers)], strings.ToUpper(speakers[(n+1)%len(speakers)][:1])+speakers[(n+1)%len(speakers)][1:], n%97)
}

// faultStream builds a JSON Lines stream of lines lines in which every
// 100th line is bad, cycling through the kinds of bad line, and, when
// bigLine, line 5000 is a valid article of 20 MB. It returns the stream and,
// for each line, what must come out: "" for no record (an empty line),
// "error" for an error record, or the article id.
func faultStream(lines int, bigLine bool) ([]byte, []string) {
	bad := []func(n int) string{
		func(n int) string { return fmt.Sprintf(`{"id": "bad-%d", "text": "unterminated`, n) },           // not JSON
		func(n int) string { return fmt.Sprintf(`{"id": "bad-%d"}`, n) },                                 // missing text
		func(n int) string { return fmt.Sprintf(`{"id": "bad-%d", "text": 42}`, n) },                     // non-string text
		func(n int) string { return fmt.Sprintf(`{"id": "bad-%d", "text": null}`, n) },                   // null text
		func(n int) string { return fmt.Sprintf("{\"id\": \"bad-%d\", \"text\": \"caf\xe9 \xff\"}", n) }, // invalid UTF-8
		func(n int) string { return "" },                                                                 // empty line
		func(n int) string { return "   \t" },                                                            // blank line
		func(n int) string { return fmt.Sprintf(`[%d, "not an object"]`, n) },                            // not an object
	}
	var b bytes.Buffer
	want := make([]string, 0, lines)
	k := 0
	for n := 1; n <= lines; n++ {
		switch {
		case bigLine && n == lines/2:
			id := fmt.Sprintf("big-%d", n)
			var text strings.Builder
			for text.Len() < 20<<20 {
				text.WriteString("The committee met on Tuesday and the vote on the harbor plan was delayed again. ")
			}
			line, _ := json.Marshal(whosaid.Article{ID: id, Text: text.String()})
			b.Write(line)
			want = append(want, id)
		case n%100 == 37:
			s := bad[k%len(bad)](n)
			k++
			b.WriteString(s)
			switch strings.TrimSpace(s) {
			case "":
				want = append(want, "")
			default:
				want = append(want, "error")
			}
		default:
			id := fmt.Sprintf("doc-%d", n)
			line, _ := json.Marshal(whosaid.Article{ID: id, Text: article(n)})
			b.Write(line)
			want = append(want, id)
		}
		b.WriteByte('\n')
	}
	return b.Bytes(), want
}

// checkStream checks the output of a fault stream against want: one record
// per non-empty line, in order, each bad line an error record with its line
// number.
func checkStream(t *testing.T, out []byte, want []string) {
	t.Helper()
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<30)
	var got []map[string]any
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("output line %d is not JSON: %v", len(got)+1, err)
		}
		got = append(got, m)
	}
	i := 0
	for n, w := range want {
		line := n + 1
		if w == "" {
			continue
		}
		if i >= len(got) {
			t.Fatalf("output ends at record %d; input line %d has none", i, line)
		}
		r := got[i]
		i++
		if w == "error" {
			if r["error"] == nil || r["line"] != float64(line) {
				t.Errorf("input line %d: want an error record with its line, got %v", line, r)
			}
			if r["quotes"] != nil {
				t.Errorf("input line %d: error record has quotes", line)
			}
			continue
		}
		if r["id"] != w || r["error"] != nil {
			t.Fatalf("input line %d: want the record of %q, got id %v error %v", line, w, r["id"], r["error"])
		}
		if _, ok := r["quotes"].([]any); !ok {
			t.Errorf("input line %d: record has no quotes array", line)
		}
	}
	if i != len(got) {
		t.Errorf("%d records for %d non-empty input lines", len(got), i)
	}
}

func TestFaultStream(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 20 MB line")
	}
	in, want := faultStream(10000, true)
	out, stderr, code := runBin(t, bytes.NewReader(in), nil, "--input", "jsonl", "--workers", "2")
	if code != 1 {
		t.Errorf("exit status %d, want 1", code)
	}
	checkStream(t, out, want)
	errors := 0
	for _, w := range want {
		if w == "error" {
			errors++
		}
	}
	// One message per bad line, and one warning: the 20 MB line is cut at
	// --max-bytes.
	var msgs, warnings int
	for _, l := range strings.Split(strings.TrimSuffix(string(stderr), "\n"), "\n") {
		if strings.HasPrefix(l, "whosaid: warning: ") {
			warnings++
			if !strings.Contains(l, `(id "big-5000"): cut at byte`) {
				t.Errorf("unexpected warning %q", l)
			}
		} else {
			msgs++
		}
	}
	if msgs != errors || warnings != 1 {
		t.Errorf("%d messages and %d warnings on stderr, want one per bad line (%d) and one cut:\n%.500s", msgs, warnings, errors, stderr)
	}
	if !bytes.Contains(out, []byte(`"cut":{"offset":`)) {
		t.Errorf("the record of the 20 MB line does not report its cut")
	}
	if !strings.Contains(string(stderr), "line 37") {
		t.Errorf("stderr does not name line 37:\n%.300s", stderr)
	}
}

// TestWorkersDeterministic checks that the output does not depend on the
// number of workers, on GOMAXPROCS or on the run.
func TestWorkersDeterministic(t *testing.T) {
	in, want := faultStream(3000, false)
	ref, _, code := runBin(t, bytes.NewReader(in), []string{"GOMAXPROCS=1"}, "--input", "jsonl", "--workers", "1")
	if code != 1 {
		t.Fatalf("exit status %d, want 1", code)
	}
	checkStream(t, ref, want)
	for _, c := range []struct {
		env     string
		workers string
	}{{"GOMAXPROCS=2", "1"}, {"GOMAXPROCS=1", "2"}, {"GOMAXPROCS=2", "2"}, {"GOMAXPROCS=2", "8"}, {"GOMAXPROCS=2", "8"}} {
		out, _, _ := runBin(t, bytes.NewReader(in), []string{c.env}, "--input", "jsonl", "--workers", c.workers)
		if !bytes.Equal(out, ref) {
			t.Errorf("%s --workers %s: output differs from GOMAXPROCS=1 --workers 1", c.env, c.workers)
		}
	}
	// In-process, under the race detector when it is on: a shorter stream.
	small, _ := faultStream(400, false)
	smallRef, _, _ := runBin(t, bytes.NewReader(small), nil, "--input", "jsonl", "--workers", "1")
	for _, w := range []string{"1", "3"} {
		out, _, code := runIn(t, string(small), "--input", "jsonl", "--workers", w)
		if code != 1 || out != string(smallRef) {
			t.Errorf("in-process --workers %s: exit %d, output equal %v", w, code, out == string(smallRef))
		}
	}
}

// TestJSONLIsRecordLines checks that --input jsonl writes exactly
// NewRecord(id, Extract(text)).MarshalLine() per article, with its line, whether lines end
// in LF or CRLF and whether a byte order mark starts the stream.
func TestJSONLIsRecordLines(t *testing.T) {
	var in, want bytes.Buffer
	for n := range 20 {
		id := fmt.Sprintf("a%d", n)
		line, _ := json.Marshal(whosaid.Article{ID: id, Text: article(n)})
		in.Write(line)
		in.WriteString("\r\n")
		rec := whosaid.NewRecord(id, whosaid.Extract(article(n)))
		rec.Line = n + 1
		b, err := rec.MarshalLine()
		if err != nil {
			t.Fatal(err)
		}
		want.Write(b)
	}
	out, stderr, code := runIn(t, "\ufeff"+in.String(), "--input", "jsonl")
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if out != want.String() {
		t.Errorf("output differs from Record.MarshalLine:\n got %.300s\nwant %.300s", out, want.String())
	}
}

func TestHeadQuiet(t *testing.T) {
	in, _ := faultStream(3000, false)
	for _, format := range []string{"jsonl", "text"} {
		t.Run(format, func(t *testing.T) {
			cmd := exec.Command(bin, "--input", "jsonl", "--format", format, "--workers", "2")
			cmd.Stdin = bytes.NewReader(in)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			pr, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			// Read one line, like head -1, and close the pipe.
			line, err := bufio.NewReader(pr).ReadString('\n')
			if err != nil || line == "" {
				t.Errorf("first line %q: %v", line, err)
			}
			pr.Close()
			err = cmd.Wait()
			// Messages about the stream's bad lines may come before the
			// pipe closes; a message about the pipe must not.
			if strings.Contains(stderr.String(), "pipe") || strings.Contains(stderr.String(), "write") {
				t.Errorf("stderr after the reader went away: %q", stderr.String())
			}
			if err != nil {
				t.Errorf("exit: %v, want status 0", err)
			}
		})
	}
}

func TestHeadQuietShell(t *testing.T) {
	if _, err := exec.LookPath("head"); err != nil {
		t.Skip("no head(1)")
	}
	in, _ := faultStream(2000, false)
	f := filepath.Join(t.TempDir(), "in.jsonl")
	if err := os.WriteFile(f, in, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("bash", "-c", `set -o pipefail; "$1" --input jsonl "$2" 2>/dev/null | head -1 >/dev/null; echo "status $?"; "$1" "$2" | head -1 >/dev/null`, "bash", bin, f)
	out, err := cmd.CombinedOutput()
	if err != nil || strings.TrimSpace(string(out)) != "status 0" {
		t.Errorf("whosaid | head -1: %v, output %q; want status 0 and no message", err, out)
	}
}

func TestUnreadableFile(t *testing.T) {
	dir := t.TempDir()
	good1 := filepath.Join(dir, "one.txt")
	good2 := filepath.Join(dir, "two.txt")
	missing := filepath.Join(dir, "missing.txt")
	os.WriteFile(good1, []byte(snippet), 0o644)
	os.WriteFile(good2, []byte(strings.ReplaceAll(snippet, "Cole", "Diaz")), 0o644)
	for _, bad := range []string{missing, dir} {
		out, stderr, code := runBin(t, nil, nil, "--format", "jsonl", good1, bad, good2)
		if code == 0 {
			t.Errorf("%s: exit status 0", bad)
		}
		if !strings.Contains(string(stderr), bad) {
			t.Errorf("stderr does not name %s: %q", bad, stderr)
		}
		if n := bytes.Count(out, []byte("\n")); n != 2 || !bytes.Contains(out, []byte(good1)) || !bytes.Contains(out, []byte(good2)) {
			t.Errorf("%s: want a record for each readable file, got:\n%s", bad, out)
		}
	}
	// The same with JSON Lines input.
	jl := filepath.Join(dir, "in.jsonl")
	os.WriteFile(jl, []byte(`{"id":"x","text":"“Yes,” he said."}`+"\n"), 0o644)
	out, stderr, code := runBin(t, nil, nil, "--input", "jsonl", missing, jl)
	if code == 0 || !strings.Contains(string(stderr), missing) || bytes.Count(out, []byte("\n")) != 1 {
		t.Errorf("jsonl: exit %d, stderr %q, stdout %q", code, stderr, out)
	}
}

func TestWriteError(t *testing.T) {
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skip("no /dev/full")
	}
	defer full.Close()
	for _, args := range [][]string{{}, {"--input", "jsonl"}, {"eval", "../../testdata/articles/gold.jsonl"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			in := snippet
			if len(args) > 0 && args[0] == "--input" {
				line, _ := json.Marshal(whosaid.Article{ID: "a", Text: snippet})
				in = string(line) + "\n"
			}
			cmd := exec.Command(bin, args...)
			cmd.Stdin = strings.NewReader(in)
			cmd.Stdout = full
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			err := cmd.Run()
			if err == nil {
				t.Errorf("exit status 0 writing to /dev/full")
			}
			if !strings.Contains(stderr.String(), "no space left") {
				t.Errorf("stderr %q does not report the write error", stderr.String())
			}
		})
	}
}

// TestEvalPredEqualsDirect checks that scoring a prediction file written by
// --input jsonl prints the same table as running the extractor in eval, on
// the project's articles and, when the shared corpus is beside the
// repository, on the PolNeAR dev split with its pronoun referents.
func TestEvalPredEqualsDirect(t *testing.T) {
	t.Run("testdata", func(t *testing.T) {
		evalPredEqualsDirect(t, filepath.Join("..", "..", "testdata", "articles", "gold.jsonl"))
	})
	t.Run("polnear-dev", func(t *testing.T) {
		gold, pron := corpustest.Path(t, "polnear/dev.jsonl"), corpustest.Path(t, "polnear/dev_pronouns.jsonl")
		evalPredEqualsDirect(t, gold, "--pronouns", pron)
	})
}

func evalPredEqualsDirect(t *testing.T, gold string, flags ...string) {
	in, err := os.ReadFile(gold)
	if err != nil {
		t.Fatal(err)
	}
	pred, stderr, code := runIn(t, string(in), "--input", "jsonl", "--format", "jsonl")
	if code != 0 {
		t.Fatalf("predict: exit %d: %s", code, stderr)
	}
	pf := filepath.Join(t.TempDir(), "pred.jsonl")
	if err := os.WriteFile(pf, []byte(pred), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, extra := range [][]string{append([]string{"--workers", "2"}, flags...), append([]string{"--json"}, flags...)} {
		direct, e1, c1 := runIn(t, "", append([]string{"eval", gold}, extra...)...)
		fromPred, e2, c2 := runIn(t, "", append([]string{"eval", gold, "--pred", pf}, extra...)...)
		if c1 != 0 || c2 != 0 {
			t.Fatalf("eval: exit %d %q, %d %q", c1, e1, c2, e2)
		}
		if direct == "" || direct != fromPred {
			t.Errorf("eval %v differs with --pred:\n%s\n---\n%s", extra, direct, fromPred)
		}
		if extra[0] != "--json" {
			t.Logf("whosaid eval %s %v:\n%s", gold, extra, direct)
		}
	}
}

func TestEvalErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.jsonl")
	os.WriteFile(bad, []byte("{not json\n"), 0o644)
	for _, args := range [][]string{
		{"eval", filepath.Join(dir, "missing.jsonl")},
		{"eval", bad},
		{"eval", filepath.Join("..", "..", "testdata", "articles", "gold.jsonl"), "--pred", bad},
	} {
		_, stderr, code := runIn(t, "", args...)
		if code != 1 || stderr == "" {
			t.Errorf("%v: exit %d, stderr %q; want 1 and a message", args, code, stderr)
		}
	}
}

// TestJSONLOtherFormats checks the other output formats of JSON Lines input:
// one document per article, in order, and the bad line reported in place.
func TestJSONLOtherFormats(t *testing.T) {
	in := `{"id": "first", "text": "“Yes,” the mayor said."}` + "\n" +
		"{broken\n" +
		`{"id": "second", "text": "The council said the vote would be held on Monday."}` + "\n"
	tests := []struct {
		format string
		want   []string // in this order
	}{
		{"text", []string{"== first ==", "the mayor", "== line 2 ==", "error:", "== second =="}},
		{"json", []string{`"id": "first"`, `"line": 2`, `"id": "second"`}},
		{"tsv", []string{"id\ttype", "first\tdirect", "second\t"}},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			out, stderr, code := runIn(t, in, "--input", "jsonl", "--format", tt.format)
			if code != 1 || !strings.Contains(stderr, "line 2") {
				t.Errorf("exit %d, stderr %q; want 1 and a message naming line 2", code, stderr)
			}
			at := 0
			for _, w := range tt.want {
				i := strings.Index(out[at:], w)
				if i < 0 {
					t.Fatalf("output lacks %q after byte %d:\n%s", w, at, out)
				}
				at += i + len(w)
			}
		})
	}
}

// TestSeveralFiles checks that text input from several files titles each
// table with its file and keeps the files' order.
func TestSeveralFiles(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")
	os.WriteFile(a, []byte(snippet), 0o644)
	os.WriteFile(b, []byte("The bridge will close in March.\n"), 0o644)
	out, stderr, code := runIn(t, "", b, a)
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	ib, ia := strings.Index(out, "== "+b+" =="), strings.Index(out, "== "+a+" ==")
	if ib < 0 || ia < ib || !strings.Contains(out[ib:ia], "no quotations found") {
		t.Errorf("want b's empty table, then a's:\n%s", out)
	}
}

// TestQuoteRunsFlag checks both conventions for a quotation that runs on
// after an attributed one: one attribution in two fragments by default, two
// attributions with --quote-runs=false.
func TestQuoteRunsFlag(t *testing.T) {
	for _, c := range []struct {
		flag  string
		quote int
	}{{"--quote-runs=true", 1}, {"--quote-runs=false", 2}} {
		out, errOut, code := runIn(t, snippet, "--format", "jsonl", c.flag)
		if code != 0 {
			t.Fatalf("%s: status %d: %s", c.flag, code, errOut)
		}
		var rec whosaid.Record
		if err := json.Unmarshal([]byte(out), &rec); err != nil {
			t.Fatalf("%s: %v\n%s", c.flag, err, out)
		}
		n := 0
		for _, q := range rec.Quotes {
			if q.Type == whosaid.Direct {
				n++
			}
		}
		if n != c.quote {
			t.Errorf("%s: %d direct attributions, want %d:\n%s", c.flag, n, c.quote, out)
		}
	}
}
