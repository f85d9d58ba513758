package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// verdictLine is the part of a verify output line the tests read.
type verdictLine struct {
	Quote        string  `json:"quote"`
	Verdict      string  `json:"verdict"`
	Speaker      *string `json:"speaker"`
	SpeakerMatch *bool   `json:"speaker_match"`
	Match        *struct {
		ID         string `json:"id"`
		Start, End int
		Text       string `json:"text"`
	} `json:"match"`
	Diff []map[string]string `json:"diff"`
	// Error records.
	Line  int    `json:"line"`
	Error string `json:"error"`
}

func readVerdicts(t *testing.T, out string) []verdictLine {
	t.Helper()
	var vs []verdictLine
	for l := range strings.Lines(out) {
		var v verdictLine
		require.NoError(t, json.Unmarshal([]byte(l), &v), l)
		vs = append(vs, v)
	}
	return vs
}

func TestVerify(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "cole.txt")
	require.NoError(t, os.WriteFile(src, []byte(snippet), 0o644))
	jsonl := filepath.Join(dir, "docs.jsonl")
	require.NoError(t, os.WriteFile(jsonl, []byte(
		`{"id": "d1", "text": "“Taxes will not rise,” Governor Ruth Diaz said."}`+"\nnot json\n"+
			`{"id": "d2", "text": "“We will rebuild,” said Mayor Ann Cole."}`+"\n"), 0o644))
	onlyBad := filepath.Join(dir, "bad.jsonl")
	require.NoError(t, os.WriteFile(onlyBad, []byte("not json\n"), 0o644))
	absent := filepath.Join(dir, "absent.txt")
	claims := filepath.Join(dir, "claims.jsonl")
	require.NoError(t, os.WriteFile(claims, []byte(
		`{"quote": "Taxes will rise", "speaker": "Ruth Diaz"}`+"\n\n"+`{"speaker": "nobody"}`+"\n"+`{"quote": "we will rebuild"}`+"\n"), 0o644))

	tests := []struct {
		name     string
		args     []string
		code     int
		verdicts []string // verdict, or "error" for an error record
		stderr   string
	}{
		{"one quote", []string{"verify", "--quote", "We will rebuild", "--speaker", "Ann Cole", src}, 0, []string{"verbatim"}, ""},
		{"two quotes, one speaker each", []string{"verify", "--quote", "It will take time", "--speaker", "Cole", "--quote", "the city would ask for state aid", "--speaker", "Cole", src}, 0, []string{"verbatim", "unquoted"}, ""},
		{"a word swapped", []string{"verify", src, "--quote", "It will take years"}, 0, []string{"altered"}, ""},
		{"never said", []string{"verify", src, "--quote", "The bridge is a disgrace and must be torn down"}, 0, []string{"not-found"}, ""},
		{"an empty quote gets an error record", []string{"verify", src, "--quote", "...", "--quote", "We will rebuild"}, 0, []string{"error", "verbatim"}, "no words"},
		{"jsonl sources with a bad line", []string{"verify", "--input", "jsonl", jsonl, "--quote", "we will rebuild"}, 0, []string{"error", "verbatim"}, "docs.jsonl:2"},
		{"a claims file with a bad line", []string{"verify", "--input", "jsonl", "--claims", claims, jsonl}, 0, []string{"error", "altered", "error", "verbatim"}, "claims.jsonl:3"},
		// An unreadable source is named on stderr, as the main command
		// names an unreadable file; the claims are checked against the
		// sources that could be read, and with none there is no verdict
		// to print: the status is the main command's, 1.
		{"an unreadable source", []string{"verify", absent, src, "--quote", "We will rebuild"}, 0, []string{"verbatim"}, "whosaid verify: open " + absent + ": "},
		{"the only source unreadable", []string{"verify", "--quote", "We will rebuild", absent}, 1, nil, "whosaid verify: open " + absent + ": "},
		{"a directory as the only source", []string{"verify", "--quote", "We will rebuild", dir}, 1, nil, "whosaid verify: read " + dir + ": "},
		{"no source readable, claims from a file", []string{"verify", "--input", "jsonl", "--claims", claims, absent}, 1, nil, "whosaid verify: open " + absent + ": "},
		{"a jsonl source with no article", []string{"verify", "--input", "jsonl", "--quote", "we will rebuild", onlyBad}, 1, []string{"error"}, "bad.jsonl:1"},
		{"no verdict printed", []string{"verify", src, "--quote", ""}, 1, []string{"error"}, "no words"},
		{"no claim", []string{"verify", src}, 2, nil, "give a claim"},
		{"no source", []string{"verify", "--quote", "x"}, 2, nil, "SOURCE"},
		{"speakers do not pair with quotes", []string{"verify", "--quote", "a", "--quote", "b", "--quote", "c", "--speaker", "x", "--speaker", "y", src}, 2, nil, "--speaker"},
		{"bad input", []string{"verify", "--input", "pdf", "--quote", "a", src}, 2, nil, "pdf"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := runIn(t, "", tt.args...)
			assert.Equal(t, tt.code, code, errOut)
			assert.Contains(t, errOut, tt.stderr)
			var got []string
			for _, v := range readVerdicts(t, out) {
				if v.Error != "" {
					got = append(got, "error")
					continue
				}
				got = append(got, v.Verdict)
				if v.Match != nil {
					assert.NotEmpty(t, v.Match.Text)
				}
			}
			assert.Equal(t, tt.verdicts, got)
		})
	}
}

func TestVerifyFields(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "cole.txt")
	require.NoError(t, os.WriteFile(src, []byte(snippet), 0o644))
	out, errOut, code := runIn(t, "", "verify", "--quote", "We will not rebuild", "--speaker", "Raj Patel", src)
	require.Equal(t, 0, code, errOut)
	vs := readVerdicts(t, out)
	require.Len(t, vs, 1)
	v := vs[0]
	assert.Equal(t, "altered", v.Verdict)
	require.NotNil(t, v.Match)
	assert.Equal(t, src, v.Match.ID)
	assert.Equal(t, snippet[v.Match.Start:v.Match.End], v.Match.Text)
	assert.Equal(t, []map[string]string{{"op": "insert", "claimed": "not", "source": ""}}, v.Diff)
	require.NotNil(t, v.Speaker)
	assert.Equal(t, "Ann Cole", *v.Speaker)
	require.NotNil(t, v.SpeakerMatch)
	assert.False(t, *v.SpeakerMatch)

	// Standard input as the source.
	out, _, code = runIn(t, snippet, "verify", "--quote", "It will take time", "-")
	require.Equal(t, 0, code)
	vs = readVerdicts(t, out)
	require.Len(t, vs, 1)
	assert.Equal(t, "verbatim", vs[0].Verdict)
	assert.Equal(t, "stdin", vs[0].Match.ID)
	assert.Nil(t, vs[0].SpeakerMatch)
}
