package lexicon

import (
	_ "embed"
	"fmt"
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

// abbrs is abbreviations.txt, parsed once when the package loads.
var abbrs = parseAbbreviations(abbreviationsData)

// abbreviations is the set of the entries of abbreviations.txt marked
// "token" and of the states' one-word abbreviations, lower case: the
// tokenizer asks it of every word before a full stop.
var abbreviations = func() map[string]bool {
	m := map[string]bool{}
	for _, a := range abbrs {
		if a.Token {
			m[strings.ToLower(a.Word)] = true
		}
	}
	for _, w := range stateAbbrs {
		m[strings.ToLower(w)] = true
	}
	return m
}()

// abbreviationBits filters the words asked of abbreviations: most words
// before a full stop end a sentence, and their bit is not set.
var abbreviationBits = func() (b fold.Bits) {
	for w := range abbreviations {
		b.Add(w)
	}
	return b
}()

// numerics is the set of the numeric entries of abbreviations.txt, as
// written.
var numerics = func() map[string]bool {
	m := map[string]bool{}
	for _, a := range abbrs {
		if a.Class == AbbrNumeric {
			m[a.Word] = true
		}
	}
	return m
}()

// NumericAbbreviation reports whether w, as written, is an abbreviation
// written before a number ("No" of "No. 2", "Vol", "pp").
func NumericAbbreviation(w string) bool { return numerics[w] }

// AbbrClass is what the sentence splitter makes of a full stop after an
// abbreviation.
type AbbrClass uint8

const (
	// AbbrNone: the sentence splitter does not know the word.
	AbbrNone AbbrClass = iota
	// AbbrTitle: a title before a name ("Sen.", "Dr."); the full stop
	// never ends a sentence when a word follows.
	AbbrTitle
	// AbbrEnd: an abbreviation that may end a sentence ("Co.", "Sept.").
	AbbrEnd
	// AbbrNumeric: an abbreviation written before a number ("No. 2").
	AbbrNumeric
)

var abbrClasses = map[string]AbbrClass{"-": AbbrNone, "title": AbbrTitle, "abbr": AbbrEnd, "numeric": AbbrNumeric}

// String returns the class name as abbreviations.txt spells it.
func (c AbbrClass) String() string {
	for k, v := range abbrClasses {
		if v == c {
			return k
		}
	}
	return "?"
}

// Abbr is one entry of the list of abbreviations.
type Abbr struct {
	// Word is the abbreviation as written, without its final full stop.
	Word  string
	Class AbbrClass
	// Token reports whether the tokenizer keeps a full stop after the
	// word with it, in any case ([Abbreviation]).
	Token bool
}

// parseAbbreviations reads abbreviations.txt: WORD CLASS [token]. It
// panics on a malformed line: the data is embedded, and a test reads it.
func parseAbbreviations(data string) []Abbr {
	var out []Abbr
	for n, line := range entries(data) {
		f := strings.Fields(line)
		var c AbbrClass
		ok := len(f) == 2 || len(f) == 3 && f[2] == "token"
		if ok {
			c, ok = abbrClasses[f[1]]
		}
		if !ok {
			panic(fmt.Sprintf("lexicon: abbreviations line %d: want WORD CLASS [token], got %q", n+1, line))
		}
		out = append(out, Abbr{Word: f[0], Class: c, Token: len(f) == 3})
	}
	return out
}

// Abbreviations returns the list of abbreviations, in the order of the
// data file, with their sentence class. This is the one list of
// abbreviations of the pipeline, save the states' ([StateAbbreviations]).
func Abbreviations() []Abbr { return slices.Clone(abbrs) }

// states is the set of the states' names and abbreviations in states.txt,
// lower case, without a final full stop; stateAbbrs lists the one-word
// abbreviations as written ("Calif", "Tex"), and stateNames the names,
// lower case.
var states, stateAbbrs, stateNames = parseStates(statesData)

// parseStates reads states.txt: a name, "|", and its abbreviations.
func parseStates(data string) (m map[string]bool, abbrs, names []string) {
	m = map[string]bool{}
	for _, line := range entries(data) {
		name, short, _ := strings.Cut(line, "|")
		name = strings.ToLower(strings.TrimSpace(name))
		m[name] = true
		names = append(names, name)
		for _, a := range strings.Fields(short) {
			m[strings.ToLower(strings.TrimSuffix(a, "."))] = true
			if !strings.Contains(a, ".") {
				abbrs = append(abbrs, a)
			}
		}
	}
	return m, abbrs, names
}

// State reports whether w names a state of the United States, in full or
// abbreviated ("Texas", "Tex.", "N.H.", "New York"; a name of two or three
// words with single spaces). Case and a final full stop do not matter.
func State(w string) bool { return fold.In(states, strings.TrimSuffix(w, ".")) }

// StateNames returns the names of the states and of the District of
// Columbia, lower case ("new york").
func StateNames() []string { return slices.Clone(stateNames) }

// StateAbbreviations returns the states' one-word abbreviations in AP style,
// without their full stop, as written ("Calif", "Tex").
func StateAbbreviations() []string { return slices.Clone(stateAbbrs) }

// Abbreviation reports whether a full stop after w belongs to w: a title,
// month, state or company word written short ("Sen.", "Jan.", "Calif.",
// "Inc."), an entry of abbreviations.txt marked "token" or a state's
// abbreviation. Case does not matter.
func Abbreviation(w string) bool {
	return abbreviationBits.MayHold(w) && fold.In(abbreviations, w)
}
