package attribution

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/whosaid/whosaid/internal/fold"
	"github.com/whosaid/whosaid/internal/names"
	"github.com/whosaid/whosaid/sentence"
	"github.com/whosaid/whosaid/span"
)

// This file scans a text once for the words and proper-name mentions that
// entity and pronoun resolution read.

// ctok is a word of the text. It holds no pointer, so that the tokens of
// a text cost the collector nothing.
type ctok struct {
	start, end int // the word, with an abbreviation's full stop
	nameEnd    int // end without a possessive 's
	sent, para int
	word       int32 // index in corefScan.words of its lower-case form
	quoted     bool  // inside quote marks
	cap        bool  // starts with an upper-case letter
	poss       bool  // ends with a possessive 's or s'
	join       bool  // only spaces separate it from the previous word
	first      bool  // first word of its sentence or of a quotation
}

// entKind is what an entity is.
type entKind uint8

const (
	entUnknown entKind = iota // a capitalised word: a place, a name, an organization
	entPerson
	entOrg
	entGroup // a plural: "Republicans", "McConnell aides", "Obama and Clinton"
	entDesc  // a description: "a senior State Department official"
	entPron  // an unresolved pronoun
)

// nameMention is a proper name or group found in the text.
type nameMention struct {
	sp       span.Span // the name as written, without titles or possessive 's
	tok0     int       // first token of the name
	tok1     int       // one past its last token
	sent     int
	subj     bool // begins its clause
	poss     bool
	quoted   bool
	modifier bool // "a Donald Trump tweet"
	ent      int
}

// corefScan holds the words and mentions of one text.
type corefScan struct {
	text string
	toks []ctok
	// The distinct lower-case forms of the tokens: what is known of them,
	// the strings, and the answers of the word lists that are strings.
	words  []corefWord
	lowers []string
	extras []wordExtra
	slots  []int32       // hash table of words: index+1, 0 when free
	ments  []nameMention // in text order
	// tokMent maps a token to the mention that covers it, or -1.
	tokMent []int32
}

// word returns the corefWord of token k.
func (s *corefScan) word(k int) *corefWord { return &s.words[s.toks[k].word] }

// lower returns the lower-case form of token k as a string.
func (s *corefScan) lower(k int) string { return s.lowers[s.toks[k].word] }

func corefDecode(text string, i int) (rune, int) { return decodeIn(text, i, len(text)) }

// corefTokenize splits text into words, marking sentences, paragraphs and
// quotations. sents may be empty; then full stops and line breaks divide
// sentences. The buffers of b, when it has them, are reused.
func corefTokenize(text string, sents []sentence.Sentence, b *corefBufs) *corefScan {
	buf := b.toks
	if cap(buf) < len(text)/6+1 {
		buf = make([]ctok, 0, len(text)/6+1)
	}
	s := &corefScan{text: text, toks: buf[:0], words: b.words[:0], lowers: b.lowers[:0], extras: b.extras[:0]}
	// A text of n bytes has about n/14 distinct words; the table is kept
	// at most half full.
	s.initSlots(b.slots, len(text)/4)
	var lb lowerBuf
	si, sent, para := 0, 0, 0
	if len(sents) > 0 {
		para = sents[0].Paragraph
	}
	inQuote, quoteStart := false, false
	prevEnd := -1
	newSent := true
	lastPara := para
	for i := 0; i < len(text); {
		if text[i] == ' ' {
			i++ // the commonest byte between words
			continue
		}
		r, n := corefDecode(text, i)
		if !isAlnum(r) {
			switch r {
			case '“', '«', '„':
				inQuote, quoteStart = true, true
			case '”', '»':
				inQuote = false
			case '"', '\'':
				// Two apostrophes stand for a quote mark in some archives.
				if r == '\'' {
					if i+1 >= len(text) || text[i+1] != '\'' {
						break
					}
					n = 2
				}
				switch {
				case corefOpens(text, i, n):
					inQuote = true
				case corefCloses(text, i, n):
					inQuote = false
				default:
					inQuote = !inQuote
				}
				quoteStart = inQuote
			case '.', '!', '?':
				if len(sents) == 0 {
					newSent = true
				}
			case '\n':
				if len(sents) == 0 {
					newSent = true
					if i+1 < len(text) && text[i+1] == '\n' {
						para++
					}
				}
			}
			i += n
			continue
		}
		j := i + n
		for j < len(text) {
			// Most words are ASCII, and so is the byte after them.
			r, n := rune(text[j]), 1
			if r < utf8.RuneSelf {
				if asciiAlnum[r] {
					j++
					continue
				}
			} else if r, n = corefDecode(text, j); isAlnum(r) {
				j += n
				continue
			}
			if r == '-' || r == '\'' || r == '’' || r == '.' || r == '&' {
				if r2, _ := corefDecode(text, j+n); isAlnum(r2) {
					j += n
					continue
				}
			}
			break
		}
		t := ctok{start: i, end: j, nameEnd: j}
		w := text[i:j]
		if j < len(text) && text[j] == '.' && corefAbbrev(w) {
			t.end = j + 1
			w = text[i : j+1]
		}
		switch {
		case strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s"):
			if len(w) > 3 {
				t.poss = true
				t.nameEnd = j - len("'s")
				if strings.HasSuffix(w, "’s") {
					t.nameEnd = j - len("’s")
				}
			}
		case j < len(text) && (text[j] == '\'' || strings.HasPrefix(text[j:], "’")) && strings.HasSuffix(w, "s"):
			if r2, _ := corefDecode(text, j+len("’")); !isAlnum(r2) {
				t.poss = true
			}
		}
		if len(sents) > 0 {
			for si+1 < len(sents) && sents[si+1].Start <= i {
				si++
			}
			if si < len(sents) && sents[si].Start <= i && si != sent {
				sent, newSent = si, true
			}
			para = sents[si].Paragraph
		} else if newSent && len(s.toks) > 0 {
			sent++
		}
		if para != lastPara {
			inQuote, lastPara = inQuote && quoteStart, para
		}
		t.cap = unicode.IsUpper(r)
		t.sent, t.para = sent, para
		t.quoted = inQuote
		t.first = newSent || quoteStart
		t.join = prevEnd >= 0 && corefSpaces(text[prevEnd:i])
		t.word = s.intern(text[t.start:t.nameEnd], &lb)
		// Which capitalised words the text also writes in lower case,
		// where they are not the first word of a sentence.
		if cw := &s.words[t.word]; t.cap {
			cw.capital = true
		} else if !t.first {
			cw.lowerCase = true
		}
		newSent, quoteStart = false, false
		s.toks = append(s.toks, t)
		prevEnd = t.end
		i = t.end
	}
	return s
}

// corefWord is a distinct lower-case word of a text. What the word lists
// of package names say of it is looked up the first time a question is
// asked and kept: a text repeats its words, and the scan asks the same
// questions of a token several times. It holds no pointer, so that the
// words are compact and cost the collector nothing.
type corefWord struct {
	hash      uint32
	known, is wordFacts
	title     names.Gender // of wTitle
	given     names.Gender // of wGiven
	capital   bool         // some token of it is capitalised
	lowerCase bool         // some token of it is in lower case, not first in its sentence
	extra     int32        // index+1 in corefScan.extras, 0 for none
	// The entities filed under the word (index+1, 0 for none): the latest
	// with it as surname, the others linked by corefEnt.prevSurname; the
	// latest with it as given name.
	surnameEnt, givenEnt int32
}

// wordExtra holds the answers that are strings, for the few words that
// have them.
type wordExtra struct {
	head string // of wHead
	sg   string // of wTitlePlural
	pron names.Pronoun
}

// wordFacts are the questions a corefWord answers.
type wordFacts uint16

const (
	wPronoun     wordFacts = 1 << iota // names.PronounOf
	wStop                              // names.Stop
	wTitle                             // names.Title
	wHead                              // names.Head is not ""
	wOrg                               // names.Org
	wGroup                             // names.Group
	wGroupPlural                       // names.GroupPlural
	wTitlePlural                       // names.TitlePlural
	wGiven                             // names.Given is not Unknown
	wNotName                           // a pronoun or function word, even with a clitic
	wFunction                          // headlineFunction, known from the start
)

// is reports whether f holds of the word of token k.
func (s *corefScan) is(k int, f wordFacts) bool { return s.wordIs(s.toks[k].word, f) }

// wordIs reports whether f holds of word id.
func (s *corefScan) wordIs(id int32, f wordFacts) bool {
	if w := &s.words[id]; w.known&f != 0 {
		return w.is&f != 0
	}
	return s.lookUp(id, f)
}

// lookUp asks the word lists whether f holds of word id, and records
// the answer.
func (s *corefScan) lookUp(id int32, f wordFacts) bool {
	w, lower := &s.words[id], s.lowers[id]
	w.known |= f
	var ok bool
	switch f {
	case wPronoun:
		var p names.Pronoun
		if p, ok = names.PronounOf(lower); ok {
			s.extra(w).pron = p
		}
	case wStop:
		ok = names.Stop(lower)
	case wTitle:
		w.title, ok = names.Title(lower)
	case wHead:
		if h := names.Head(lower); h != "" {
			s.extra(w).head, ok = h, true
		}
	case wOrg:
		ok = names.Org(lower)
	case wGroup:
		ok = names.Group(lower)
	case wGroupPlural:
		ok = names.GroupPlural(lower)
	case wTitlePlural:
		var sg string
		if sg, ok = names.TitlePlural(lower); ok {
			s.extra(w).sg = sg
		}
	case wGiven:
		w.given = names.Given(lower)
		ok = w.given != names.Unknown
	case wNotName:
		// A pronoun or function word with a clitic: "We’re", "It's".
		if k := apostrophe(lower); k > 0 && k+3 >= len(lower) {
			lower = lower[:k]
		}
		_, ok = names.PronounOf(lower)
		ok = ok || names.Stop(lower)
	}
	if ok {
		w.is |= f
	}
	return ok
}

// extra returns the wordExtra of w, adding one.
func (s *corefScan) extra(w *corefWord) *wordExtra {
	if w.extra == 0 {
		s.extras = append(s.extras, wordExtra{})
		w.extra = int32(len(s.extras))
	}
	return &s.extras[w.extra-1]
}

// headlineFunction reports whether w is a function word that a headline
// leaves in lower case.
func headlineFunction(w string) bool {
	switch w {
	case "a", "an", "the", "of", "in", "on", "and", "for", "to", "at", "by", "or", "as", "with", "about", "from", "is":
		return true
	}
	return false
}

// The answers of package names for the word of token k, as its functions
// give them.

func (s *corefScan) pronoun(k int) (names.Pronoun, bool) {
	if id := s.toks[k].word; s.wordIs(id, wPronoun) {
		return s.extras[s.words[id].extra-1].pron, true
	}
	return names.Pronoun{}, false
}

func (s *corefScan) title(k int) (names.Gender, bool) {
	ok := s.is(k, wTitle)
	return s.words[s.toks[k].word].title, ok
}

func (s *corefScan) given(k int) names.Gender {
	s.is(k, wGiven)
	return s.words[s.toks[k].word].given
}

func (s *corefScan) head(k int) string { return s.wordHead(s.toks[k].word) }

func (s *corefScan) wordHead(id int32) string {
	if s.wordIs(id, wHead) {
		return s.extras[s.words[id].extra-1].head
	}
	return ""
}

func (s *corefScan) titlePlural(k int) (string, bool) {
	if id := s.toks[k].word; s.wordIs(id, wTitlePlural) {
		return s.extras[s.words[id].extra-1].sg, true
	}
	return "", false
}

// alsoLower reports whether the text writes the capitalised word of token
// k in lower case too, where it is not the first word of a sentence.
func (s *corefScan) alsoLower(k int) bool {
	w := &s.words[s.toks[k].word]
	return w.capital && w.lowerCase
}

// initSlots makes the hash table of s.words empty, for about n words,
// reusing buf.
func (s *corefScan) initSlots(buf []int32, n int) {
	size := 256
	for size < n {
		size <<= 1
	}
	if cap(buf) < size {
		buf = make([]int32, size)
	}
	s.slots = buf[:size]
	clear(s.slots)
}

// intern returns the index in s.words of the lower-case form of w, adding
// it when it is new. The lower-case form lower-cases ASCII letters, or is
// strings.ToLower(w) when w has other bytes; a new one that differs from w
// is written to lb.
func (s *corefScan) intern(w string, lb *lowerBuf) int32 {
	if 2*(len(s.words)+1) > len(s.slots) {
		s.growSlots()
	}
	h, upper, ascii := fold.HashLower(w)
	if !ascii {
		w = strings.ToLower(w)
		h = fold.Hash(w)
	}
	mask := uint32(len(s.slots) - 1)
	k := h & mask
	for ; s.slots[k] != 0; k = (k + 1) & mask {
		id := s.slots[k] - 1
		if s.words[id].hash == h && (upper && equalLower(s.lowers[id], w) || !upper && s.lowers[id] == w) {
			return id
		}
	}
	if upper {
		w = lb.lower(w)
	}
	return s.add(w, h, k)
}

// add appends the word w of hash h to s.words, in the free slot k.
func (s *corefScan) add(w string, h, k uint32) int32 {
	cw := corefWord{hash: h, known: wFunction}
	if headlineFunction(w) {
		cw.is = wFunction
	}
	s.words = append(s.words, cw)
	s.lowers = append(s.lowers, w)
	s.slots[k] = int32(len(s.words))
	return int32(len(s.words) - 1)
}

// growSlots doubles the hash table.
func (s *corefScan) growSlots() {
	s.slots = make([]int32, 2*len(s.slots))
	mask := uint32(len(s.slots) - 1)
	for i := range s.words {
		k := s.words[i].hash & mask
		for s.slots[k] != 0 {
			k = (k + 1) & mask
		}
		s.slots[k] = int32(i + 1)
	}
}

// equalLower reports whether lower is w with its ASCII letters
// lower-cased.
func equalLower(lower, w string) bool {
	if len(lower) != len(w) {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// corefOpens reports whether the straight quote mark text[i:i+n] opens a
// quotation: white space before it and a word after it.
func corefOpens(text string, i, n int) bool {
	before := i == 0 || strings.IndexByte(" \t\n\r([", text[i-1]) >= 0
	return before && i+n < len(text) && strings.IndexByte(" \t\n\r", text[i+n]) < 0
}

// corefCloses reports whether the straight quote mark text[i:i+n] closes a
// quotation: a word before it and white space or punctuation after it.
func corefCloses(text string, i, n int) bool {
	after := i+n >= len(text) || strings.IndexByte(" \t\n\r.,;:!?)]", text[i+n]) >= 0
	return after && i > 0 && strings.IndexByte(" \t\n\r", text[i-1]) < 0
}

func corefSpaces(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != ' ' && s[i] != '\t' {
			return false
		}
	}
	return true
}

// abbreviation reports whether w takes the full stop that follows it: an
// initial ("J."), an abbreviated title or company word ("Sen.", "Inc."), or
// a dotted abbreviation ("U.S.").
func corefAbbrev(w string) bool {
	if r, n := utf8.DecodeRuneInString(w); n == len(w) && unicode.IsUpper(r) {
		return true
	}
	if strings.Contains(w, ".") {
		return true
	}
	return names.Dotted(w) || w == "Jr" || w == "Sr"
}

// nameWord reports whether token i may be part of a proper name.
func (s *corefScan) nameWord(i int) bool {
	return s.toks[i].cap && !s.is(i, wNotName)
}

// apostrophe returns the index of the first ' or ’ in w, or -1.
func apostrophe(w string) int {
	for i := 0; i < len(w); i++ {
		switch {
		case w[i] == '\'':
			return i
		case w[i] == 0xE2 && i+2 < len(w) && w[i+1] == 0x80 && w[i+2] == 0x99:
			return i
		}
	}
	return -1
}

// connector reports whether lower-case token i joins the words of a name
// ("Charles de Gaulle", "Bank of America").
func (s *corefScan) connector(i int) bool {
	switch s.lower(i) {
	case "de", "da", "van", "von", "der", "den", "bin", "al", "la", "le", "del", "di", "du", "ben":
		return true
	}
	return false
}

// acronym reports whether w is written in capitals ("FBI", "IMF").
func corefAcronym(w string) bool {
	n := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= 'A' && c <= 'Z':
			n++
		case c == '.' || c == '&' || c == '-':
		default:
			return false
		}
	}
	return n >= 2
}

// maxBucket bounds the people of one surname a name is compared with.
const maxBucket = 16

// nameRun is a capitalised word sequence before classification.
type nameRun struct {
	i, j   int     // tokens [i, j)
	core   int     // first token of the name proper
	titles []int32 // words, in r.titleBuf
	gender names.Gender
	det    bool // preceded by "the"
	indef  bool // preceded by a, an, this, that: "a Donald Trump tweet"
	mods   string
}

// mentions finds the proper-name mentions of the text and the plural nouns
// that name groups of people, and groups them into entities.
func (r *corefResolver) mentions() {
	s := r.s
	n := len(s.toks)
	s.tokMent = slices.Grow(s.tokMent[:0], n)[:n]
	for i := range s.tokMent {
		s.tokMent[i] = -1
	}
	headline := r.headlines()
	for i := 0; i < n; {
		if headline[s.toks[i].sent] {
			i++
			continue
		}
		if !s.nameWord(i) {
			if g, ok := r.groupNoun(i); ok {
				i = r.addGroup(i, g)
				continue
			}
			i++
			continue
		}
		j := i + 1
		for j < n && s.toks[j].join && !s.toks[j-1].poss && s.toks[j].sent == s.toks[i].sent {
			switch {
			case s.nameWord(j):
			case s.connector(j) && j+1 < n && s.toks[j+1].join && s.nameWord(j+1):
			case s.lower(j) == "of" && j+1 < n && s.toks[j+1].join && s.nameWord(j+1) &&
				(s.is(j-1, wOrg) || s.is(j-1, wHead)):
			default:
				goto done
			}
			j++
		}
	done:
		r.addRun(i, j)
		i = j
	}
	r.coordinations()
}

// headlines returns the sentences written in title case ("Paul Ryan Thinks
// Trump Can Win"), where capitals do not mark names: at most one word in
// lower case besides function words, and at least two capitalised words
// that the text also writes in lower case.
func (r *corefResolver) headlines() []bool {
	s := r.s
	if len(s.toks) == 0 {
		return nil
	}
	out := make([]bool, s.toks[len(s.toks)-1].sent+1)
	for i := 0; i < len(s.toks); {
		j, words, lower, common := i, 0, 0, 0
		for ; j < len(s.toks) && s.toks[j].sent == s.toks[i].sent; j++ {
			t := &s.toks[j]
			words++
			if s.is(j, wFunction) {
				if t.cap && j > i {
					common++
				}
				continue
			}
			switch {
			case !t.cap:
				lower++
			case j > i && s.alsoLower(j) && !s.is(j, wGiven) && !s.is(j, wHead) && !s.is(j, wGroup):
				common++ // not a title: "President Obama"
			}
		}
		if lower <= 1 && (common >= 2 || common == 1 && lower == 0 && words >= 5) {
			out[s.toks[i].sent] = true
		}
		i = j
	}
	return out
}

// groupNoun reports whether token i is a plural noun for people
// ("officials", "Republicans", "environmentalists").
func (r *corefResolver) groupNoun(i int) (string, bool) {
	s, t := r.s, &r.s.toks[i]
	if t.cap && !t.first {
		return "", false
	}
	if sg, ok := s.titlePlural(i); ok {
		return sg, true
	}
	switch w := s.lower(i); w {
	case "people", "police", "staff":
		return w, true
	}
	return "", false
}

// addGroup records the plural noun phrase around token i: capitalised
// modifiers before it ("McConnell aides") and an "of" phrase after it
// ("members of the Congressional Black Caucus"). It returns the token after
// the phrase.
func (r *corefResolver) addGroup(i int, head string) int {
	s := r.s
	// Mentions stay in order of their start.
	floor := 0
	if n := len(s.ments); n > 0 {
		floor = s.ments[n-1].sp.Start
	}
	a := i
	for a > 0 && a > i-6 && s.toks[a].join && s.toks[a-1].sent == s.toks[i].sent && s.toks[a-1].cap &&
		!s.toks[a-1].poss && !s.is(a-1, wStop) && s.toks[a-1].start >= floor {
		a--
	}
	b := i + 1
	if b+1 < len(s.toks) && s.toks[b].join && s.lower(b) == "of" && !s.toks[i].poss {
		c := b + 1
		if s.lower(c) == "the" && c+1 < len(s.toks) {
			c++
		}
		d := c
		for d < len(s.toks) && s.toks[d].join && s.nameWord(d) && s.toks[d].sent == s.toks[i].sent {
			d++
		}
		if d > c {
			b = d
		}
	}
	sp := span.Of(s.text, s.toks[a].start, s.toks[b-1].nameEnd)
	m := nameMention{sp: sp, tok0: a, tok1: b, sent: s.toks[i].sent, quoted: s.toks[i].quoted, subj: r.clauseStart(a)}
	key := r.key("g:", sp.Text)
	e, ok := r.byKey[string(key)]
	if !ok {
		e = r.newEnt(entGroup)
		r.byKey[string(key)] = e
		r.ents[e].plural = true
		r.addRole(head, e, sp.Start)
	}
	r.nameEnt(e, sp.Text, 1+b-a)
	r.addMention(m, e)
	return b
}

// addRun classifies the capitalised words [i, j) and records the mention.
func (r *corefResolver) addRun(i, j int) {
	s := r.s
	run := nameRun{i: i, j: j, core: i, titles: r.titleBuf[:0]}
	if i > 0 {
		switch s.lower(i - 1) {
		case "the":
			run.det = true
		case "a", "an", "this", "that":
			run.indef = true
		}
	}
	// A byline names the writer, who is not a speaker of the text; a
	// dateline in capitals names a place ("CHARLOTTE, N.C. —").
	if i > 0 && s.lower(i-1) == "by" && s.toks[i-1].first || r.dateline(i, j) {
		return
	}
	// A lower-case organization word after the name makes it one: "the
	// Clinton campaign", "the Obama administration".
	if j < len(s.toks) && s.toks[j].join && !s.toks[j].cap && !s.toks[j-1].poss && s.is(j, wOrg) && s.toks[j].sent == s.toks[i].sent {
		run.j++
		r.addOrg(run)
		return
	}
	last, first := &s.toks[j-1], &s.toks[i]
	// A plural ends the name of a group: "Senate Republicans", "Oversight
	// Committee Republicans".
	if j-i > 1 && !last.poss && (s.is(j-1, wTitlePlural) || s.is(j-1, wGroupPlural)) {
		r.addGroupName(run)
		return
	}
	if s.is(j-1, wOrg) || corefAcronym(s.text[last.start:last.nameEnd]) && j-i == 1 && !s.is(j-1, wGroup) ||
		j-i > 1 && corefAcronym(s.text[first.start:first.end]) && !r.hasTitle(i, j) {
		r.addOrg(run)
		return
	}
	run.mods = r.modifiers(i, j)
	// Titles and modifiers before the name: "Secretary of State", "House
	// Speaker", "Republican".
	for k := i; k < j-1; k++ {
		if s.is(k, wTitlePlural) {
			run.core = k + 1 // "the meeting of Presidents Biden and Macron"
			continue
		}
		g, title := s.title(k)
		if !title && !s.is(k, wHead) && !s.is(k, wGroup) {
			continue
		}
		if title {
			run.titles = append(run.titles, s.toks[k].word)
			if g != names.Unknown {
				run.gender = g
			}
		}
		run.core = k + 1
		if k+2 < j && s.lower(k+1) == "of" {
			run.core = k + 3
			k += 2
		}
	}
	if run.core >= j {
		return // a title alone: "President"
	}
	// A role noun just before the name: "journalist Anne-Sophie Lapix".
	if i > 0 && s.toks[i].join && !s.toks[i-1].cap {
		if g, ok := s.title(i - 1); ok {
			run.titles = append(run.titles, s.toks[i-1].word)
			if g != names.Unknown && run.gender == names.Unknown {
				run.gender = g
			}
		}
	}
	core := j - run.core
	c := run.core
	if core == 1 {
		switch {
		case s.is(c, wGroupPlural):
			run.i = run.core
			r.addGroupName(run)
			return
		case s.is(c, wGroup) && !(run.det && (j >= len(s.toks) || s.toks[j].cap || !s.toks[j].join)):
			return // "Republican", "a Russian outlet"; but "the French said"
		case len(run.titles) == 0 && s.toks[c].first && !s.is(c, wGiven) &&
			(s.alsoLower(c) || strings.HasSuffix(s.lower(c), "ly") && j < len(s.toks) && !s.toks[j].join):
			return // a common word at the start of a sentence: "Seriously, ..."
		}
	}
	if run.det && len(run.titles) == 0 && !s.is(c, wGiven) {
		r.addOrg(run) // "the United States", "the Supreme Court"
		return
	}
	r.addPerson(run)
}

// clauseStart reports whether the words before token i, skipping
// determiners, titles and capitalised modifiers, begin a sentence or a
// clause: the mention is then likely a subject.
func (r *corefResolver) clauseStart(i int) bool {
	s := r.s
	if i <= 0 || s.toks[i].first {
		return true
	}
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		t := &s.toks[k]
		if t.sent != s.toks[i].sent {
			return true
		}
		if strings.ContainsAny(s.text[t.end:s.toks[k+1].start], ";:,“”\"—(") {
			return true
		}
		switch s.lower(k) {
		case "but", "and", "that", "as", "when", "while", "because", "although", "though", "so", "then",
			"meanwhile", "also", "however", "now", "since", "if", "after", "before", "until", "where":
			return true
		case "the", "a", "an", "presidential", "former", "senior", "top", "chief", "state", "federal", "vice":
			continue
		}
		if t.cap || s.is(k, wGroup) {
			if t.first {
				return true
			}
			continue
		}
		if s.is(k, wTitle) {
			continue
		}
		return false
	}
	return false
}

// dateline reports whether the words [i, j) are written in capitals and
// longer than an acronym.
func (r *corefResolver) dateline(i, j int) bool {
	s := r.s
	for k := i; k < j; k++ {
		w := s.text[s.toks[k].start:s.toks[k].nameEnd]
		if len(w) <= 5 || !corefAcronym(w) {
			return false
		}
	}
	return true
}

// hasTitle reports whether a title stands among tokens [i, j).
func (r *corefResolver) hasTitle(i, j int) bool {
	for k := i; k < j; k++ {
		if r.s.is(k, wTitle) {
			return true
		}
	}
	return false
}

// modifiers returns the adjectives of nation and party in or just before
// the name [i, j): "Republican presidential nominee Donald Trump" has
// "republican".
func (r *corefResolver) modifiers(i, j int) string {
	s := r.s
	var out string
	for k := max(i-3, 0); k < j; k++ {
		if s.toks[k].sent == s.toks[j-1].sent && s.is(k, wGroup) {
			out += s.lower(k) + " "
		}
	}
	return out
}

func (r *corefResolver) runMention(run nameRun) nameMention {
	s := r.s
	last := s.toks[run.j-1]
	m := nameMention{
		sp:   span.Of(s.text, s.toks[run.core].start, last.nameEnd),
		tok0: run.core, tok1: run.j, sent: last.sent,
		poss: last.poss, quoted: s.toks[run.core].quoted,
		subj: r.clauseStart(run.i),
	}
	if run.det && !m.subj || run.indef {
		m.modifier = true
	}
	// A name before a noun modifies it: "the former New Mexico governor".
	if k := run.j; k < len(s.toks) && s.toks[k].join && !s.toks[k].cap && !last.poss && s.is(k, wTitle) {
		m.modifier = true
	}
	return m
}

func (r *corefResolver) addOrg(run nameRun) {
	run.core = run.i
	m := r.runMention(run)
	key := r.key("o:", m.sp.Text)
	e, ok := r.byKey[string(key)]
	if !ok {
		e = r.newEnt(entOrg)
		r.byKey[string(key)] = e
		r.addRole(r.s.lower(run.j-1), e, m.sp.Start)
	}
	words := run.j - run.i
	switch {
	case !run.det:
		r.nameEnt(e, m.sp.Text, words)
	case r.betterName(e, words+1):
		// "the State Department" names it better than the modifier in "a
		// State Department official". The string is built only when it
		// is taken.
		r.nameEnt(e, "the "+m.sp.Text, words+1)
	}
	r.addMention(m, e)
}

func (r *corefResolver) addGroupName(run nameRun) {
	m := r.runMention(run)
	key := r.key("g:", m.sp.Text)
	e, ok := r.byKey[string(key)]
	if !ok {
		e = r.newEnt(entGroup)
		r.ents[e].plural = true
		r.byKey[string(key)] = e
		if sg, ok := r.s.titlePlural(run.j - 1); ok {
			r.addRole(sg, e, m.sp.Start)
		}
	}
	r.nameEnt(e, m.sp.Text, 1)
	r.addMention(m, e)
}

// addPerson files a person's name under its surname, joining the entity
// that has the same surname and a compatible given name.
func (r *corefResolver) addPerson(run nameRun) {
	s := r.s
	m := r.runMention(run)
	sk := run.j - 1 // the surname
	sw := s.word(sk)
	var given string
	g := run.gender
	gw := 0
	if g != names.Unknown {
		gw = 5
	}
	if run.j-run.core > 1 {
		given = s.lower(run.core)
		if gg := s.given(run.core); gg != names.Unknown {
			g, gw = gg, 5
		}
	}
	// The surname alone stands for the person most mentioned so far under
	// it ("Clinton" is Hillary Clinton in a text that names Bill Clinton
	// once), the first named among equals: a second person of the same
	// surname goes by the full name.
	e := -1
	for x, n := int(sw.surnameEnt), 0; x > 0 && n < maxBucket; x, n = r.ents[x-1].prevSurname, n+1 {
		c := &r.ents[x-1]
		if given != "" && c.given != "" && !sameGiven(c.given, given) {
			continue
		}
		if g != names.Unknown && gw >= 5 && c.gender() != names.Unknown && c.gender() != g {
			continue
		}
		if e < 0 || given == "" && c.count >= r.ents[e].count {
			e = x - 1
		}
		if given != "" {
			break
		}
	}
	// A given name alone ("Melanie", "Jeb") stands for the person of that
	// given name, unless some full name has it as surname.
	if b := int(sw.givenEnt); given == "" && b > 0 && (e < 0 || r.ents[e].given == "" && r.ents[e].nameScore <= 1) {
		e = b - 1
	}
	if e < 0 && given == "" {
		if e < 0 && s.given(sk) != names.Unknown && gw == 0 {
			g, gw = s.given(sk), 3
		}
	}
	if e < 0 {
		e = r.newEnt(entUnknown)
		r.fileSurname(sw, e)
	}
	c := &r.ents[e]
	if given != "" && c.given == "" {
		c.given = given
		s.word(run.core).givenEnt = int32(e + 1)
	}
	if given != "" || len(run.titles) > 0 || gw > 0 {
		c.kind = entPerson
	}
	switch g {
	case names.Male:
		c.male += gw
	case names.Female:
		c.female += gw
	}
	for k, t := range run.titles {
		if k > 0 && corefDeputy(s.lowers[run.titles[k-1]]) {
			continue // a vice president is not "the president"
		}
		if h := s.wordHead(t); h != "" {
			r.roles[h] = append(r.roles[h], roleRef{pos: m.sp.Start, ent: e, mods: run.mods})
		}
	}
	r.appositive(run.j, e, m.sp.Start)
	words := run.j - run.core
	if gw >= 5 && given != "" {
		words += 2 // a known given name: the fullest form of the name
	}
	r.nameEnt(e, m.sp.Text, words)
	r.addMention(m, e)
}

// appositive files person e under the role noun of an appositive that
// starts at token k: "Josh Earnest, the White House press secretary,",
// "Hugh Hill, a doctor,". A gendered role gives e its gender.
func (r *corefResolver) appositive(k, e, pos int) {
	s := r.s
	if k >= len(s.toks) || s.toks[k-1].poss || strings.TrimSpace(s.text[s.toks[k-1].end:s.toks[k].start]) != "," {
		return
	}
	switch s.lower(k) {
	case "a", "an", "the":
	default:
		return
	}
	for i := k + 1; i < len(s.toks) && i < k+7 && s.toks[i].sent == s.toks[k].sent; i++ {
		if strings.ContainsAny(s.text[s.toks[i-1].end:s.toks[i].start], ",;:()—") {
			return
		}
		g, ok := s.title(i)
		if !ok || s.toks[i].cap {
			continue
		}
		if i+1 < len(s.toks) && !s.toks[i+1].cap && s.toks[i+1].join && s.is(i+1, wTitle) {
			continue // "press secretary": the head comes last
		}
		h := s.head(i)
		r.roles[h] = append(r.roles[h], roleRef{pos: pos, ent: e, mods: r.modifiers(k, i+1)})
		switch g {
		case names.Male:
			r.ents[e].male += 3
		case names.Female:
			r.ents[e].female += 3
		}
		return
	}
}

// corefDeputy reports whether title w makes the title after it a lesser
// office: "Vice President", "Deputy Secretary".
func corefDeputy(w string) bool {
	switch w {
	case "vice", "deputy", "assistant", "under", "associate":
		return true
	}
	return false
}

func sameGiven(a, b string) bool {
	if a == b {
		return true
	}
	// An initial matches its name: "J. Smith", "John Smith".
	if len(a) == 2 && a[1] == '.' || len(b) == 2 && b[1] == '.' {
		return a[0] == b[0]
	}
	return false
}

// coordinations records two people joined by "and" ("Obama and Hillary
// Clinton", "Mr. Grassley and Mr. Leahy") as a group.
func (r *corefResolver) coordinations() {
	s := r.s
	n := len(r.s.ments)
	for k := 0; k+1 < n; k++ {
		a, b := s.ments[k], s.ments[k+1]
		if a.poss || a.modifier || r.ents[a.ent].kind != entPerson || r.ents[b.ent].kind != entPerson || a.ent == b.ent {
			continue
		}
		and := a.tok1
		if and >= len(s.toks) || s.lower(and) != "and" || s.toks[and].sent != a.sent {
			continue
		}
		// b's name may follow titles: "and Mr. Leahy".
		if b.tok0 < and+1 || b.tok0 > and+3 {
			continue
		}
		e := r.pair(a.ent, b.ent)
		m := nameMention{sp: span.Of(s.text, a.sp.Start, b.sp.End), tok0: a.tok0, tok1: b.tok1, sent: a.sent, subj: a.subj, quoted: a.quoted, poss: b.poss}
		m.ent = e
		r.groupMents = append(r.groupMents, m)
	}
}

// pair returns the group entity of two people.
func (r *corefResolver) pair(a, b int) int {
	if a > b {
		a, b = b, a
	}
	key := strconv.AppendInt(append(r.kb[:0], "p:"...), int64(a), 10)
	key = strconv.AppendInt(append(key, ','), int64(b), 10)
	r.kb = key
	e, ok := r.byKey[string(key)]
	if !ok {
		e = r.newEnt(entGroup)
		r.byKey[string(key)] = e
		r.ents[e].plural = true
		r.ents[e].members = []int{a, b}
	}
	return e
}

func (r *corefResolver) addMention(m nameMention, e int) {
	m.ent = e
	s := r.s
	for k := m.tok0; k < m.tok1 && k < len(s.tokMent); k++ {
		s.tokMent[k] = int32(len(s.ments))
	}
	s.ments = append(s.ments, m)
	c := &r.ents[e]
	c.count++
}

// addRole files entity e under the head noun of a description that may
// refer back to it ("the secretary", "the department").
func (r *corefResolver) addRole(head string, e, pos int) {
	r.roles[head] = append(r.roles[head], roleRef{pos: pos, ent: e})
}

// genderStats counts, for every person whose gender no name or title
// gives, the he/his and she/her that follow the mentions beginning a clause
// before any other name: "Stumpf explained ... he said".
func (r *corefResolver) genderStats() {
	s := r.s
	votes := make(map[int][2]int)
	for k, m := range s.ments {
		c := &r.ents[m.ent]
		if !m.subj || m.quoted || m.poss || c.male+c.female >= 5 || c.kind == entOrg || c.kind == entGroup {
			continue
		}
		stop := len(s.toks)
		if k+1 < len(s.ments) {
			stop = s.ments[k+1].tok0
		}
		for i := m.tok1; i < stop && i < m.tok1+40; i++ {
			t := &s.toks[i]
			if t.sent > m.sent+1 {
				break
			}
			if t.quoted {
				continue
			}
			p, ok := s.pronoun(i)
			if !ok || p.Person != 3 {
				continue
			}
			v := votes[m.ent]
			switch p.Gender {
			case names.Male:
				v[0]++
			case names.Female:
				v[1]++
			}
			votes[m.ent] = v
			break
		}
	}
	for e, v := range votes {
		c := &r.ents[e]
		if v[0] > 2*v[1] {
			c.male += v[0] - v[1]
		} else if v[1] > 2*v[0] {
			c.female += v[1] - v[0]
		}
		if v[0]+v[1] >= 2 && c.kind == entUnknown {
			c.kind = entPerson
		}
	}
}

// mentionAt returns the index of the last mention that starts before pos.
func (s *corefScan) mentionBefore(pos int) int {
	return sort.Search(len(s.ments), func(k int) bool { return s.ments[k].sp.Start >= pos }) - 1
}

// tokenAt returns the index of the first token that ends after pos.
func (s *corefScan) tokenAt(pos int) int {
	return sort.Search(len(s.toks), func(k int) bool { return s.toks[k].end > pos })
}
