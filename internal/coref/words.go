package coref

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/whosaid/whosaid/internal/names"
	"github.com/whosaid/whosaid/internal/space"
	"github.com/whosaid/whosaid/internal/token"
	"github.com/whosaid/whosaid/span"
)

// This file builds the words that entity and pronoun resolution read from
// the token stream, and keeps what the word lists say of them.

// word is a word of the text as coreference reads it: a word token of the
// stream with the tokens that continue it (see continues): the clitic the
// stream split off it ("Clinton" "'s", "do" "n't"), the apostrophe of a
// plural possessive ("veterans" "'"), the rest of a word cut at a full
// stop ("Outsports" "." "com"). It holds no pointer, so that the words of
// a text cost the collector nothing, and its facts share one byte, so that
// it takes 16 bytes with its form, which every question of the word lists
// reads: a long text has a word for every six bytes or so.
type word struct {
	end    int32 // of the word with its clitic and an abbreviation's full stop
	tok    int32 // index in the stream of its first token, where it starts
	form   int32 // its form (see formID)
	clitic uint8 // the bytes of a possessive 's at its end
	flags  wordFlag
}

// wordFlag is a fact of a word; a word's flags hold several.
type wordFlag uint8

const (
	wDotted wordFlag = 1 << iota // joined at a full stop, with a form of its own (see continued)
	wCap                         // starts with an upper-case letter
	wPoss                        // ends with a possessive 's or s'
	wNeg                         // ends with n't: an auxiliary ("Can't"), never a name
	wJoin                        // only spaces separate it from the previous word
	wFirst                       // first word of its sentence or of a quotation
)

// has reports whether w has the fact f.
func (w *word) has(f wordFlag) bool { return w.flags&f != 0 }

// set gives w the fact f when on is true, and takes it away otherwise.
func (w *word) set(f wordFlag, on bool) {
	if on {
		w.flags |= f
	} else {
		w.flags &^= f
	}
}

// nameEnd returns the end of w without a possessive 's.
func (w *word) nameEnd() int32 { return w.end - int32(w.clitic) }

// start returns the start of word k, which its first token gives.
func (s *scan) start(k int) int32 { return s.toks[s.words[k].tok].Start }

// sentOf returns the sentence of word k, which its first token gives.
func (s *scan) sentOf(k int) int32 { return s.toks[s.words[k].tok].Sent }

// quotedAt reports whether word k is inside a quotation.
func (s *scan) quotedAt(k int) bool { return s.toks[s.words[k].tok].InQuote() }

// mention is a proper name or group found in the text. It holds offsets
// and indexes of 32 bits, as the stream does (see [token.MaxText]), and no
// string, in 28 bytes where a span.Span and ints took 64: a long text has
// a mention for every 70 bytes or so.
type mention struct {
	start, end int32 // the name as written, without titles or possessive 's
	w0         int32 // first word of the name
	w1         int32 // one past its last word
	sent       int32
	ent        int32
	subj       bool // begins its clause
	poss       bool
	quoted     bool
	modifier   bool // "a Donald Trump tweet"
}

// newMention returns the mention of sp, whose words are [w0, w1), in
// sentence sent.
func newMention(sp span.Span, w0, w1 int, sent int32) mention {
	return mention{start: int32(sp.Start), end: int32(sp.End), w0: int32(w0), w1: int32(w1), sent: sent}
}

// span returns m as a span of text, the text of its scan.
func (m *mention) span(text string) span.Span {
	return span.Span{Start: int(m.start), End: int(m.end), Text: m.text(text)}
}

// text returns the name m covers in text, the text of its scan.
func (m *mention) text(text string) string { return text[m.start:m.end] }

// scan holds the words and mentions of one text.
type scan struct {
	st    *token.Stream
	toks  []token.Token // st.Toks
	text  string
	words []word
	// What is known of the distinct lower-case forms, and the answers of
	// the word lists that are strings. A form id below st.Forms() is the
	// stream's; joined holds the forms after them, of the words joined at
	// a full stop ("a.m.", "outsports.com"), which the stream does not
	// have.
	forms  []form
	joined []string
	extras []extra
	ments  []mention // in text order
	caps   int       // how many words are capitalised
}

// form returns the form of word k.
func (s *scan) form(k int) *form { return &s.forms[s.formID(k)] }

// formID returns the form of word k, without its clitic: its first
// token's, or the one made for it when it was joined at a full stop. The
// word holds it: the questions of the word lists ask it of every word,
// several times over.
func (s *scan) formID(k int) int32 { return s.words[k].form }

// lower returns the lower-case form of word k, without its clitic.
func (s *scan) lower(k int) string { return s.formStr(s.formID(k)) }

// formStr returns the lower-case form id.
func (s *scan) formStr(id int32) string {
	if n := int32(s.st.Forms()); id >= n {
		return s.joined[id-n]
	}
	return s.st.Form(id)
}

// newScan builds the words of the stream st, reusing the buffers of b.
func newScan(st *token.Stream, b *bufs) *scan {
	s := &b.sc
	*s = scan{st: st, toks: st.Toks, text: st.Text(), words: b.words[:0], joined: b.joined[:0], extras: b.extras[:0]}
	n := st.Forms()
	s.forms = slices.Grow(b.forms[:0], n)[:n]
	clear(s.forms)
	// A text has no more words than tokens: they are counted only when
	// the buffer may be short.
	if cap(s.words) < len(st.Toks) {
		if want := wordCount(st); cap(s.words) < want {
			s.words = make([]word, 0, want)
		}
	}
	text, toks, qs := s.text, st.Toks, st.Quotes
	qi := 0
	prevEnd, sent := int32(-1), int32(-1)
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if t.Kind() != token.Word {
			continue
		}
		// The word is made in a local and appended once it is whole.
		w := &word{end: t.End, tok: int32(i), form: t.ID()}
		// Only a token right after it continues a word.
		if i+1 < len(toks) && toks[i+1].Start == t.End {
			i = s.continued(w, i)
		}
		// The facts of the word's start, gathered in fl and set at once:
		// continued sets none of them.
		var fl wordFlag
		if c := text[t.Start]; c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				fl |= wCap
			}
		} else if r, _ := utf8.DecodeRuneInString(text[t.Start:]); unicode.IsUpper(r) {
			fl |= wCap
		}
		if t.Sent != sent {
			fl |= wFirst
		}
		sent = t.Sent
		// The first word inside a quotation: the quotations that start
		// before a quoted word are passed at the first word inside each.
		for ; t.InQuote() && qi < len(qs) && qs[qi].Start <= int(t.Start); qi++ {
			if int(t.Start) < qs[qi].End {
				fl |= wFirst
			}
		}
		if prevEnd >= 0 && (t.Start == prevEnd+1 && text[prevEnd] == ' ' || spaces(text[prevEnd:t.Start])) {
			fl |= wJoin
		}
		w.flags |= fl
		// Which capitalised words the text also writes in lower case,
		// where they are not the first word of a sentence or quotation.
		if f := &s.forms[w.form]; fl&wCap != 0 {
			f.capital = true
			s.caps++
		} else if fl&wFirst == 0 {
			f.lowerCase = true
		}
		prevEnd = w.end
		s.words = append(s.words, *w)
	}
	return s
}

// wordCount returns how many word tokens st has: room for its words,
// which are fewer when tokens continue them.
func wordCount(st *token.Stream) int {
	n := 0
	for i := range st.Toks {
		if st.Toks[i].Kind() == token.Word {
			n++
		}
	}
	return n
}

// continued adds to w, whose last token is i, the tokens that continue it,
// and returns the index of its last token.
func (s *scan) continued(w *word, i int) int {
	st := s.st
	dotted := false
	for continues(st, i+1) {
		i++
		dotted = s.extend(w, i) || dotted
	}
	if dotted {
		// A word joined at a full stop takes the full stop after it
		// ("a" "." "m" "." is "a.m."), and is a form of its own.
		if continuesDotted(st, i+1) {
			i++
			w.end, w.clitic = st.Toks[i].End, 0
		}
		w.set(wDotted, true)
		w.form = s.newForm(token.Lower(s.text[st.Toks[w.tok].Start:w.nameEnd()]))
	}
	return i
}

// continues reports whether token i of st continues the word of the
// tokens before it, with nothing between them: a clitic split off it
// ("Clinton" "'s", "do" "n't"), the apostrophe of a plural possessive
// ("veterans" "'"), or a full stop between letters and the word after it
// ("F.B." "I.", "Outsports" "." "com").
func continues(st *token.Stream, i int) bool {
	if i == 0 || i >= len(st.Toks) {
		return false
	}
	t, p := st.Toks[i], st.Toks[i-1]
	if p.End != t.Start || p.Sent != t.Sent {
		return false
	}
	text := st.Text()
	switch {
	case t.Kind() == token.Punct:
		return fullStop(st, i) && p.Kind() == token.Word && i+1 < len(st.Toks) && st.Toks[i+1].Kind() == token.Word &&
			st.Toks[i+1].Start == t.End && st.Toks[i+1].Sent == t.Sent && startsAlnum(st, i+1)
	case t.Kind() != token.Word:
		return false
	case p.Kind() == token.Punct:
		return fullStop(st, i-1) && i >= 2 && st.Toks[i-2].Kind() == token.Word && st.Toks[i-2].End == p.Start && startsAlnum(st, i)
	case p.Kind() != token.Word:
		return false
	}
	w := text[t.Start:t.End]
	return w[0] == '\'' || strings.HasPrefix(w, "’") || st.Lower(i) == "n't" || text[p.End-1] == '.'
}

// fullStop reports whether token i of st is one full stop.
func fullStop(st *token.Stream, i int) bool {
	t := st.Toks[i]
	return t.End-t.Start == 1 && st.Text()[t.Start] == '.'
}

// startsAlnum reports whether token i of st starts with a letter or a
// digit.
func startsAlnum(st *token.Stream, i int) bool {
	r, _ := utf8.DecodeRuneInString(st.Text()[st.Toks[i].Start:])
	return token.IsAlnum(r)
}

// extend adds token i, which continues w, to w, and reports whether it
// joins w at a full stop.
func (s *scan) extend(w *word, i int) bool {
	t := s.st.Toks[i]
	if t.Kind() != token.Word {
		return true // the full stop inside a word: the word after it sets the end
	}
	switch c := s.st.Lower(i); {
	case c == "'":
		// A plural possessive: the word ends before the apostrophe.
		w.set(wPoss, true)
		return false
	case c == "'s":
		// A possessive, or "it's": the name ends before it.
		w.set(wPoss, t.End-s.st.Toks[w.tok].Start > 3)
		w.end, w.clitic = t.End, 0
		if w.has(wPoss) {
			w.clitic = uint8(t.End - t.Start)
		}
		return false
	case c == "n't":
		w.set(wNeg, true)
	case c[0] != '\'':
		// The rest of a word cut at a full stop.
		w.end, w.clitic = t.End, 0
		return true
	}
	w.end, w.clitic = t.End, 0 // 're, 've, 'll, 'd, 'm
	return false
}

// continuesDotted reports whether token i of st is a full stop right
// after the word before it, in its sentence.
func continuesDotted(st *token.Stream, i int) bool {
	return i < len(st.Toks) && fullStop(st, i) && st.Toks[i].Start == st.Toks[i-1].End && st.Toks[i].Sent == st.Toks[i-1].Sent
}

// newForm adds the form lower of a word joined at a full stop and returns
// its id.
func (s *scan) newForm(lower string) int32 {
	s.joined = append(s.joined, lower)
	s.forms = append(s.forms, form{})
	return int32(len(s.forms) - 1)
}

// spaces reports whether s holds only spaces (of any width) and tabs.
func spaces(s string) bool {
	for i := 0; i < len(s); {
		n := space.Len(s, i)
		if n == 0 {
			return false
		}
		i += n
	}
	return true
}

// form is what is known of a distinct lower-case form of a text. What
// the word lists of package names say of it is looked up the first time a
// question is asked and kept: a text repeats its words, and the scan asks
// the same questions of a word several times. It holds no pointer, so
// that the forms are compact and cost the collector nothing.
type form struct {
	known, is facts
	title     names.Gender // of fTitle
	given     names.Gender // of fGiven
	capital   bool         // some word of it is capitalised
	lowerCase bool         // some word of it is in lower case, not first in its sentence or quotation
	extra     int32        // index+1 in scan.extras, 0 for none
	// The entities filed under the form (index+1, 0 for none): the latest
	// with it as surname, the others linked by ent.prevSurname; the latest
	// with it as given name.
	surnameEnt, givenEnt int32
}

// extra holds the answers that are strings, for the few forms that have
// them.
type extra struct {
	head  string // of fHead
	sg    string // of fTitlePlural
	group string // of fGroupNoun
	pron  names.Pronoun
}

// facts are the questions a form answers.
type facts uint16

const (
	fPronoun     facts = 1 << iota // names.PronounOf
	fStop                          // names.Stop
	fTitle                         // names.Title
	fHead                          // names.Head is not ""
	fOrg                           // names.Org
	fGroup                         // names.Group
	fGroupPlural                   // names.GroupPlural
	fTitlePlural                   // names.TitlePlural
	fGiven                         // names.Given is not Unknown
	fNotName                       // a pronoun or function word
	fFunction                      // headlineFunction
	fListed                        // names.Listed, asked with the first of listedFacts
	fGroupNoun                     // groupNoun, capitals aside

	// listedFacts are the facts that names.Listed answers no for.
	listedFacts = fPronoun | fStop | fTitle | fHead | fOrg | fGroup | fGiven | fNotName
)

// is reports whether f holds of word k.
func (s *scan) is(k int, f facts) bool { return s.formIs(s.formID(k), f) }

// formIs reports whether f holds of form id.
func (s *scan) formIs(id int32, f facts) bool {
	if w := &s.forms[id]; w.known&f != 0 {
		return w.is&f != 0
	}
	return s.lookUp(id, f)
}

// lookUp asks the word lists whether f holds of form id, and records the
// answer.
func (s *scan) lookUp(id int32, f facts) bool {
	w, lower := &s.forms[id], s.formStr(id)
	if f&listedFacts != 0 {
		// One filter check answers them all for a word in no list.
		if w.known&fListed == 0 {
			w.known |= fListed
			if s.listed(id, lower) {
				w.is |= fListed
			}
		}
		if w.is&fListed == 0 {
			w.known |= listedFacts
			return false
		}
		// A listed word: every list answers at once.
		s.listedFacts(w, lower)
		return w.is&f != 0
	}
	w.known |= f
	var ok bool
	switch f {
	case fGroupPlural:
		ok = names.GroupPlural(lower)
	case fTitlePlural:
		var sg string
		if sg, ok = names.TitlePlural(lower); ok {
			s.extra(w).sg = sg
		}
	case fFunction:
		ok = headlineFunction(lower)
	case fGroupNoun:
		// The answer of fTitlePlural comes with it.
		g, plural := names.TitlePlural(lower)
		w.known |= fTitlePlural
		switch {
		case plural:
			w.is |= fTitlePlural
			s.extra(w).sg = g
		case lower == "people" || lower == "police" || lower == "staff":
			g = lower
		}
		if ok = g != ""; ok {
			s.extra(w).group = g
		}
	}
	if ok {
		w.is |= f
	}
	return ok
}

// listed is names.Listed of form id, whose lower-case form is lower: for
// an ASCII form of the stream, with the hash the stream computed as it
// read it (names.ListedHash), where Listed would hash it again.
func (s *scan) listed(id int32, lower string) bool {
	if id < int32(s.st.Forms()) {
		if h, ascii := s.st.FormHash(id); ascii {
			return names.ListedHash(lower, h)
		}
	}
	return names.Listed(lower)
}

// listedFacts records the answers of the word lists for form w, whose
// lower-case form is lower, to all the questions of listedFacts, with one
// look-up (see [names.FactsOf]): the answers the questions one by one
// would give.
func (s *scan) listedFacts(w *form, lower string) {
	nf := names.FactsOf(lower)
	w.known |= listedFacts
	set := func(f facts, ok bool) {
		if ok {
			w.is |= f
		}
	}
	if nf.IsPronoun {
		s.extra(w).pron = nf.Pronoun
	}
	set(fPronoun, nf.IsPronoun)
	set(fStop, nf.Stop)
	w.title = nf.Title
	set(fTitle, nf.IsTitle)
	if nf.Head != "" {
		s.extra(w).head = nf.Head
	}
	set(fHead, nf.Head != "")
	set(fOrg, nf.Org)
	set(fGroup, nf.Group)
	w.given = nf.Given
	set(fGiven, nf.Given != names.Unknown)
	set(fNotName, nf.IsPronoun || nf.Stop)
}

// extra returns the extra of w, adding one.
func (s *scan) extra(w *form) *extra {
	if w.extra == 0 {
		s.extras = append(s.extras, extra{})
		w.extra = int32(len(s.extras))
	}
	return &s.extras[w.extra-1]
}

// mayBeGroupNoun reports whether lookUp may find the form lower a group
// noun (fGroupNoun), by its last byte: the plural of a title, which
// names.TitlePlural finds, ends in s or n, in either case, before an
// abbreviation's full stop, and the other group nouns, "people", "police"
// and "staff", in e or f. lookUp finds a form for which it reports false
// neither a group noun nor the plural of a title.
func mayBeGroupNoun(lower string) bool {
	if lower == "" {
		return false
	}
	switch lower[len(lower)-1] | 0x20 {
	case 's', 'n', 'e', 'f', '.':
		return true
	}
	return false
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

// The answers of package names for the form of word k, as its functions
// give them.

func (s *scan) pronoun(k int) (names.Pronoun, bool) {
	if id := s.formID(k); s.formIs(id, fPronoun) {
		return s.extras[s.forms[id].extra-1].pron, true
	}
	return names.Pronoun{}, false
}

func (s *scan) title(k int) (names.Gender, bool) {
	ok := s.is(k, fTitle)
	return s.form(k).title, ok
}

func (s *scan) given(k int) names.Gender {
	s.is(k, fGiven)
	return s.form(k).given
}

func (s *scan) head(k int) string { return s.formHead(s.formID(k)) }

func (s *scan) formHead(id int32) string {
	if s.formIs(id, fHead) {
		return s.extras[s.forms[id].extra-1].head
	}
	return ""
}

func (s *scan) titlePlural(k int) (string, bool) {
	if id := s.formID(k); s.formIs(id, fTitlePlural) {
		return s.extras[s.forms[id].extra-1].sg, true
	}
	return "", false
}

// alsoLower reports whether the text writes the capitalised word k in
// lower case too, where it is not the first word of a sentence.
func (s *scan) alsoLower(k int) bool {
	w := s.form(k)
	return w.capital && w.lowerCase
}

// nameWord reports whether word i may be part of a proper name.
func (s *scan) nameWord(i int) bool {
	w := &s.words[i]
	return w.has(wCap) && !w.has(wNeg) && !s.is(i, fNotName)
}

// connector reports whether lower-case word i joins the words of a name
// ("Charles de Gaulle", "Bank of America").
func (s *scan) connector(i int) bool {
	switch s.lower(i) {
	case "de", "da", "van", "von", "der", "den", "bin", "al", "la", "le", "del", "di", "du", "ben":
		return true
	}
	return false
}

// acronym reports whether w is written in capitals ("FBI", "IMF",
// "F.B.I.").
func acronym(w string) bool { return capitals(w) >= 2 }

// capitals returns the number of capital letters of w when w is written
// in capitals, with full stops, ampersands and hyphens between them; else
// 0.
func capitals(w string) int {
	n := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= 'A' && c <= 'Z':
			n++
		case c == '.' || c == '&' || c == '-':
		default:
			return 0
		}
	}
	return n
}

// mentionBefore returns the index of the last mention that starts before
// pos.
func (s *scan) mentionBefore(pos int) int {
	return sort.Search(len(s.ments), func(k int) bool { return int(s.ments[k].start) >= pos }) - 1
}

// mentionAt returns the mention that covers word k, or -1: the last one
// that starts at or before it, if it reaches it. The mentions are in order
// of their first word and of their last: one that overlaps the mention
// before it (the group "McConnell aides" takes the name "McConnell" before
// its noun) ends after it and covers the words they share, so no earlier
// mention can cover k when the last one to start does not. A search,
// where a map from every word to its mention took 4 bytes a word.
func (s *scan) mentionAt(k int) int {
	m := sort.Search(len(s.ments), func(x int) bool { return int(s.ments[x].w0) > k }) - 1
	if m >= 0 && k < int(s.ments[m].w1) {
		return m
	}
	return -1
}

// wordAt returns the index of the first word that ends after pos.
func (s *scan) wordAt(pos int) int {
	return sort.Search(len(s.words), func(k int) bool { return int(s.words[k].end) > pos })
}

// wordOf returns the index of the word whose first token is the stream's
// token i, or of the first word after it.
func (s *scan) wordOf(i int) int {
	return sort.Search(len(s.words), func(k int) bool { return int(s.words[k].tok) >= i })
}

// gap returns the text between words k-1 and k.
func (s *scan) gap(k int) string { return s.text[s.words[k-1].end:s.start(k)] }

// span returns the words [a, b) as a span, without a possessive 's.
func (s *scan) span(a, b int) span.Span {
	return span.Of(s.text, int(s.start(a)), int(s.words[b-1].nameEnd()))
}
