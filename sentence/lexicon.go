package sentence

import (
	"bufio"
	"embed"
	"fmt"
	cuelex "github.com/whosaid/whosaid/internal/lexicon"
	"strings"
	"sync"
)

//go:embed lexicon/*.txt
var lexiconFS embed.FS

// class is what a token before a full stop is.
type class uint8

const (
	classPlain   class = iota // an ordinary word: the full stop ends the sentence
	classTitle                // prepositive: Mr., Sen., Dr.
	classAbbr                 // may end a sentence: Co., U.S., a.m., Sept.
	classInner                // never ends a sentence: e.g., i.e.
	classInitial              // one capital letter: J. in "Antony J. Blinken"
	classMarker               // a list marker at the start of a sentence: "1." "a."
	classNumeric              // written before a number: No., p., Vol.
)

// said reports whether w is a verb of saying in the past or third person
// ("said", "asks"), as the cue lexicon has them.
func (lx *lexicon) said(w string) bool { return lx.cues.Said(w) }

// lexicon holds the word lists a Splitter consults. It is read-only once
// built.
type lexicon struct {
	abbr     map[string]class // token without its final full stop -> class
	maxAbbr  int              // byte length of the longest key of abbr
	abbrSeen *[4096]bool      // abbrHash of every key of abbr: a cheap pre-filter
	starters map[string]bool  // words that commonly open a sentence
	fronting map[string]bool  // prepositions of a fronted time or place phrase
	cues     *cuelex.Lexicon  // the cue lexicon: its verbs of saying
	agencies map[string]bool  // news agencies named in datelines
}

// readList calls add with each entry of the embedded word list name, one
// a line, blank lines and "#" comments skipped.
func readList(name string, add func(string)) error {
	f, err := lexiconFS.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		w := strings.TrimSpace(sc.Text())
		if w == "" || w[0] == '#' {
			continue
		}
		add(w)
	}
	return sc.Err()
}

// defaultLexicon parses the embedded word lists once per process.
var defaultLexicon = sync.OnceValues(func() (*lexicon, error) {
	lx := &lexicon{
		abbr:     make(map[string]class, 512),
		starters: make(map[string]bool, 256),
		fronting: make(map[string]bool, 16),
		agencies: make(map[string]bool, 16),
	}
	for _, l := range []struct {
		name string
		add  func(string)
	}{
		{"starters.txt", func(w string) { lx.starters[w] = true }},
		{"fronting.txt", func(w string) { lx.fronting[w] = true }},
		{"agencies.txt", func(w string) { lx.agencies[w] = true }},
	} {
		if err := readList("lexicon/"+l.name, l.add); err != nil {
			return nil, fmt.Errorf("sentence: lexicon %s: %w", l.name, err)
		}
	}
	lx.addAbbreviations(cuelex.Abbreviations())
	// The states' abbreviations are capitalised, and match only so ("Tex."
	// but not "tex.").
	for _, w := range cuelex.StateAbbreviations() {
		lx.addAbbr(w, classAbbr)
	}
	lx.addAbbr("e.g", classInner)
	lx.addAbbr("i.e", classInner)
	lx.measure()
	cues, err := cuelex.Load()
	if err != nil {
		return nil, fmt.Errorf("sentence: %w", err)
	}
	lx.cues = cues
	return lx, nil
})

// addAbbreviations adds the pipeline's list of abbreviations: the titles
// first, then the abbreviations that may end a sentence, which never
// override a title, then those written before a number, which match only
// as written and override any other entry.
func (lx *lexicon) addAbbreviations(list []cuelex.Abbr) {
	for _, step := range []struct {
		from cuelex.AbbrClass
		add  func(string)
	}{
		{cuelex.AbbrTitle, func(w string) { lx.addAbbr(w, classTitle) }},
		{cuelex.AbbrEnd, func(w string) { lx.addAbbr(w, classAbbr) }},
		{cuelex.AbbrNumeric, func(w string) { lx.abbr[w] = classNumeric }},
	} {
		for _, a := range list {
			if a.Class == step.from {
				step.add(a.Word)
			}
		}
	}
}

// addAbbr adds w with class c. An all-lowercase entry also matches its
// capitalised form. An entry never overrides a title.
func (lx *lexicon) addAbbr(w string, c class) {
	put := func(k string) {
		if lx.abbr[k] == classTitle && c != classTitle {
			return
		}
		lx.abbr[k] = c
	}
	put(w)
	if w[0] >= 'a' && w[0] <= 'z' && strings.ToLower(w) == w {
		put(string(w[0]-'a'+'A') + w[1:])
	}
}

// with returns a copy of lx extended by the given titles and abbreviations.
func (lx *lexicon) with(titles, abbrs []string) *lexicon {
	if len(titles) == 0 && len(abbrs) == 0 {
		return lx
	}
	cp := *lx
	cp.abbr = make(map[string]class, len(lx.abbr)+2*(len(titles)+len(abbrs)))
	for k, v := range lx.abbr {
		cp.abbr[k] = v
	}
	for _, w := range abbrs {
		cp.addAbbr(w, classAbbr)
	}
	for _, w := range titles {
		cp.addAbbr(w, classTitle)
	}
	cp.measure()
	return &cp
}

func (lx *lexicon) measure() {
	lx.maxAbbr = 0
	lx.abbrSeen = new([4096]bool)
	for k := range lx.abbr {
		lx.maxAbbr = max(lx.maxAbbr, len(k))
		lx.abbrSeen[abbrHash(k)] = true
	}
}

// abbrHash hashes the length and the first and last bytes of a non-empty
// token.
func abbrHash(tok string) int {
	return (int(tok[0])*31 + int(tok[len(tok)-1])*7 + len(tok)*131) & 4095
}

// lookup returns the class of tok, a non-empty token.
func (lx *lexicon) lookup(tok string) (class, bool) {
	if len(tok) > lx.maxAbbr || !lx.abbrSeen[abbrHash(tok)] {
		return classPlain, false
	}
	c, ok := lx.abbr[tok]
	return c, ok
}
