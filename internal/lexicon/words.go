package lexicon

import (
	_ "embed"
	"slices"
	"strings"

	"github.com/whosaid/whosaid/internal/fold"
)

//go:embed abbreviations.txt
var abbreviationsData string

//go:embed documents.txt
var documentsData string

//go:embed states.txt
var statesData string

// documents is the set of documents.txt.
var documents = parseList(documentsData)

// Document reports whether w is a noun of a document, study or statement
// ("analysis", "report", "statement"), whose author follows it with "by".
// Case does not matter.
func Document(w string) bool { return fold.In(documents, w) }

// abbreviations is the set of abbreviations.txt and of the states' one-word
// abbreviations, parsed once when the package loads: the tokenizer asks it
// of every word before a full stop.
var abbreviations = func() map[string]bool {
	m := parseList(abbreviationsData)
	for _, w := range stateAbbrs {
		m[strings.ToLower(w)] = true
	}
	return m
}()

// states is the set of the states' names and abbreviations in states.txt,
// lower case, without a final full stop; stateAbbrs lists the one-word
// abbreviations as written ("Calif", "Tex").
var states, stateAbbrs = parseStates(statesData)

// parseStates reads states.txt: a name, "|", and its abbreviations.
func parseStates(data string) (map[string]bool, []string) {
	m := map[string]bool{}
	var abbrs []string
	for _, line := range strings.Split(data, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		name, short, _ := strings.Cut(line, "|")
		m[strings.ToLower(strings.TrimSpace(name))] = true
		for _, a := range strings.Fields(short) {
			m[strings.ToLower(strings.TrimSuffix(a, "."))] = true
			if !strings.Contains(a, ".") {
				abbrs = append(abbrs, a)
			}
		}
	}
	return m, abbrs
}

// State reports whether w names a state of the United States, in full or
// abbreviated ("Texas", "Tex.", "N.H.", "New York"; a name of two or three
// words with single spaces). Case and a final full stop do not matter.
func State(w string) bool { return fold.In(states, strings.TrimSuffix(w, ".")) }

// StateAbbreviations returns the states' one-word abbreviations in AP style,
// without their full stop, as written ("Calif", "Tex").
func StateAbbreviations() []string { return slices.Clone(stateAbbrs) }

// Abbreviation reports whether a full stop after w belongs to w: a title,
// month, state or company word written short ("Sen.", "Jan.", "Calif.",
// "Inc."). Case does not matter.
func Abbreviation(w string) bool { return fold.In(abbreviations, w) }
