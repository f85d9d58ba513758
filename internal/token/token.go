// Package token splits a text once into the token stream that every later
// reader of the attribution stage shares: cue finding, the rules and
// coreference.
//
// A [Stream] holds the words and punctuation marks of a text with their
// byte offsets, the sentence and paragraph of each, whether it lies inside
// a quotation (as the quote stage paired them), and each distinct word's
// lower-case form and lexicon kind, looked up once. Tokens never cover
// white space, and the tokens and the gaps between them rebuild the text
// byte for byte:
//
//	s.Text()[t.Start:t.End] is the token; the bytes between two tokens are white space
//
// # Rules
//
// A word is a run of letters, digits and $ % @ # _, with an inner
// apostrophe, hyphen, ampersand, full stop or comma between word characters
// ("don't", "well-known", "AT&T", "U.S", "2.5", "1,000"; a full stop only
// before a digit or, after at most two bytes, a capital). A full stop that
// ends an abbreviation ("Sen.", "Jan."), an initial ("J.") or a dotted word
// ("U.S."; not a decimal number: "2.5.") belongs to it. Clitics split off
// as the part-of-speech tagger expects ("do" "n't", "Clinton" "'s"). A
// quote mark, a dash (— – ― -- and a spaced hyphen) and any other mark are
// tokens of their own; a run of full stops is one token, and so are two
// straight apostrophes standing for a double mark. An apostrophe after a
// plural's s is a word, the possessive of "veterans' families".
//
// # Cost
//
// One pass over the text, one hash per word; a Stream's buffers are reused
// by the next [Stream.Scan]. Offsets are int32: a text longer than
// [MaxText] bytes is read up to that bound.
package token

import (
	"cmp"
	"math"
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/whosaid/whosaid/internal/fold"
	"github.com/whosaid/whosaid/internal/lexicon"
	"github.com/whosaid/whosaid/internal/room"
	"github.com/whosaid/whosaid/quote"
	"github.com/whosaid/whosaid/sentence"
)

// MaxText is the longest text a Stream reads: its offsets are int32.
const MaxText = math.MaxInt32

// Kind classifies a token.
type Kind uint8

const (
	// Word is a word, a number or an abbreviation with its full stop.
	Word Kind = iota
	// Punct is a punctuation mark or symbol.
	Punct
	// Quote is a quotation mark: “ ” " ‘ ’ ' « » „ ‹ ›, or two straight
	// apostrophes.
	Quote
	// Dash is — – ― -- or a hyphen with spaces around it.
	Dash
)

// Token is a word or mark of the text: 16 bytes, no pointer.
type Token struct {
	// Start and End are byte offsets into the text, End exclusive.
	Start, End int32
	// Sent indexes the token's sentence in [Stream.Sents].
	Sent int32
	// w packs the word id (high bits), the kind and the quotation flag.
	w uint32
}

const (
	kindBits  = 2
	quoteFlag = 1 << kindBits
	idShift   = kindBits + 1
)

// Kind returns the token's kind.
func (t Token) Kind() Kind { return Kind(t.w & (1<<kindBits - 1)) }

// ID returns the index of the token's lower-case form among the stream's
// distinct forms; see [Stream.Form].
func (t Token) ID() int32 { return int32(t.w >> idShift) }

// InQuote reports whether the token lies inside an outermost quotation,
// its marks included.
func (t Token) InQuote() bool { return t.w&quoteFlag != 0 }

// Sentence is a sentence of the stream: its tokens are Toks[First:End].
type Sentence struct {
	First, End int32
	// Paragraph is the sentence's paragraph, as the sentence stage
	// numbers them.
	Paragraph int
}

// Stream is the token stream of one text. It is built by [Stream.Scan]
// and read-only afterwards; it is not safe for concurrent Scans, but its
// readers may share it once built.
type Stream struct {
	text  string
	Toks  []Token
	Sents []Sentence
	// Quotes point to the outermost quotations of the text, in order:
	// the caller's, read only.
	Quotes []*quote.Quote

	// quoteBuf holds Quotes, for reuse: they point into the caller's
	// quotations, which the stream never writes.
	quoteBuf []*quote.Quote
	// opened is outermost's scratch, for reuse.
	opened []bool
	lex    *lexicon.Lexicon
	// The distinct lower-case forms, their lexicon kinds and whether they
	// hold a byte outside ASCII, their hashes (see [Stream.FormHash]), and
	// the hash table that finds them.
	forms []string
	kinds []formKind
	hash  []uint32
	slots []int32 // index+1 of a form, 0 when free
	lower lowerBuf

	// byteForms holds, for each byte, the id+1 of the form of the token
	// of that byte alone, once one is read; 0 before.
	byteForms [256]int32
}

// Text returns the text the stream was scanned from.
func (s *Stream) Text() string { return s.text }

// Len returns the number of tokens.
func (s *Stream) Len() int { return len(s.Toks) }

// Str returns the text of token i.
func (s *Stream) Str(i int) string {
	t := s.Toks[i]
	return s.text[t.Start:t.End]
}

// Lower returns the lower-case form of token i: ASCII letters lowered and
// the curly apostrophe ’ written ', so that lexicons see one spelling.
func (s *Stream) Lower(i int) string { return s.forms[s.Toks[i].ID()] }

// Form returns the lower-case form of id; Forms returns how many there are.
func (s *Stream) Form(id int32) string { return s.forms[id] }

// Forms returns the number of distinct lower-case forms.
func (s *Stream) Forms() int { return len(s.forms) }

// Lex returns what the lexicon knows of token i's lower-case form; 0 for a
// token that is not a word.
func (s *Stream) Lex(i int) lexicon.WordKind { return s.kinds[s.Toks[i].ID()].lex }

// FormLex returns what the lexicon knows of form id, as [Stream.Lex] does
// of a token of that form.
func (s *Stream) FormLex(id int32) lexicon.WordKind { return s.kinds[id].lex }

// FormHash returns fold.Hash of form id, which the stream computed as it
// read the form's first token, and whether the form is ASCII: a word list
// whose filter hashes its words with fold.Hash can look the form up with
// it, without hashing it again.
func (s *Stream) FormHash(id int32) (h uint32, ascii bool) { return s.hash[id], !s.kinds[id].wide }

// formKind is what the stream knows of a form besides its hash: its
// lexicon kind, and whether it holds a byte outside ASCII.
type formKind struct {
	lex  lexicon.WordKind
	wide bool
}

// Paragraph returns the paragraph of token i.
func (s *Stream) Paragraph(i int) int { return s.Sents[s.Toks[i].Sent].Paragraph }

// At returns the index of the first token that ends after byte offset off,
// or Len when there is none.
func (s *Stream) At(off int) int {
	lo, hi := 0, len(s.Toks)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if int(s.Toks[m].End) > off {
			hi = m
		} else {
			lo = m + 1
		}
	}
	return lo
}

// Scan tokenizes text, whose sentences and quotations sents and qs give
// as sentence.Split and quote.Detect return them; nil sents are split
// here. Only outermost quotations are kept. lex gives each word's kind.
// The stream's previous buffers are reused; strings from an earlier Scan
// stay valid.
func (s *Stream) Scan(text string, sents []sentence.Sentence, qs []quote.Quote, lex *lexicon.Lexicon) {
	if len(text) > MaxText {
		text = text[:MaxText]
	}
	if sents == nil {
		sents = sentence.Split(text)
	}
	s.text, s.lex = text, lex
	s.Toks, s.Sents = s.Toks[:0], s.Sents[:0]
	s.forms, s.kinds, s.hash = s.forms[:0], s.kinds[:0], s.hash[:0]
	s.lower = lowerBuf{}
	clear(s.byteForms[:])
	// The distinct forms of a text grow about as the square root of its
	// length (Heaps' law): news has some 12√n in n bytes (445 in 5 kB,
	// 12,300 in 830 kB, 29,000 in 8 MiB), a text that repeats a few names
	// far fewer. The table, kept at most half full, starts at room for
	// one in 12 bytes up to 4,096 forms, or 12√n when that is more, and
	// doubles when a text has more: room at a rate of forms per byte
	// would go unused on a long text.
	s.initSlots(max(min(len(text)/12, 4096), 12*int(math.Sqrt(float64(len(text))))))
	s.Quotes = outermost(s.quoteBuf[:0], qs, len(text), &s.opened)
	s.quoteBuf = s.Quotes
	// Room for the tokens, counted ahead: a slice grown a little at a
	// time would copy them again and again. add grows it past the count
	// when a text needs it. Room left by an earlier Scan for a quarter of
	// a token a byte, more than news has (about one in five), is not
	// counted.
	if cap(s.Toks) < len(text)/4+64 {
		if want := tokenRoom(text) + 64; cap(s.Toks) < want {
			s.Toks = make([]Token, 0, want)
		}
	}
	s.Sents = slices.Grow(s.Sents, len(sents))
	qi := 0
	for _, st := range sents {
		from := len(s.Toks)
		if st.Start >= 0 && st.End <= len(text) && st.Start < st.End {
			s.split(st.Start, st.End, int32(len(s.Sents)))
		}
		s.Sents = append(s.Sents, Sentence{First: int32(from), End: int32(len(s.Toks)), Paragraph: st.Paragraph})
		qi = s.markQuoted(from, qi)
	}
}

// Release drops the stream's references to the text and its quotations,
// so that a stream kept for reuse holds no memory of them; its buffers
// stay for the next Scan.
func (s *Stream) Release() {
	clear(s.forms)
	clear(s.quoteBuf[:cap(s.quoteBuf)])
	s.text, s.Quotes, s.lower = "", nil, lowerBuf{}
}

// tokenRoom returns about how many tokens text has, in one pass over its
// bytes: a run of letters, digits or other characters counts one, and so
// does each mark. It is at least the count in all but rare text: a clitic
// ("'s") or an inner full stop ("U.S.") counts one more than the tokenizer
// makes of it.
func tokenRoom(text string) int {
	n := 0
	inWord := false
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case asciiWord[c]:
				if !inWord {
					n++
				}
				inWord = true
			case c == ' ' || c >= '\t' && c <= '\r':
				inWord = false
			default:
				n++
				inWord = false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case IsWordChar(r):
			if !inWord {
				n++
			}
			inWord = true
		case r == '\u00a0' || r == '\u2009' || r == '\u200b' || unicode.IsSpace(r):
			inWord = false
		default:
			n++
			inWord = false
		}
		i += size
	}
	return n
}

// markQuoted sets the quotation flag of the tokens from index from on,
// with the quotations from index qi on; it returns the quotation to start
// from next time.
func (s *Stream) markQuoted(from, qi int) int {
	qs := s.Quotes
	// The bounds of quotation qi, read once for all the tokens before its
	// end; past the last quotation, bounds that no token reaches.
	start, end := math.MaxInt, math.MaxInt
	if qi < len(qs) {
		start, end = qs[qi].Start, qs[qi].End
	}
	toks := s.Toks[from:]
	// Most sentences hold no quotation: when the next one starts where the
	// sentence's last token ends or after, none of its tokens is quoted.
	if len(toks) == 0 || start >= int(toks[len(toks)-1].End) {
		return qi
	}
	for i := range toks {
		t := &toks[i]
		for end < int(t.End) {
			if qi++; qi < len(qs) {
				start, end = qs[qi].Start, qs[qi].End
			} else {
				start, end = math.MaxInt, math.MaxInt
			}
		}
		if start <= int(t.Start) {
			t.w |= quoteFlag
		}
	}
	return qi
}

// outermost returns, in buf, the outermost quotations of qs that lie in a
// text of n bytes, in order of start. It points to them: a quotation is
// some 200 bytes, and a copy of the quotations of a long text would cost
// half a byte per byte of it. An unclosed quotation opened by a straight
// or single mark (a stray mark, or a paragraph of a quotation that runs
// over paragraphs) that holds a closed quotation in other marks gives way
// to the quotations inside it, whose marks pair: in "Trump walked on,
// chanting “U-S-A! U-S-A!” the quotation is the chant.
func outermost(buf []*quote.Quote, qs []quote.Quote, n int, opened *[]bool) []*quote.Quote {
	ok := func(q *quote.Quote) bool { return q.Start >= 0 && q.End <= n && q.Start < q.End }
	kept, inner := 0, false
	for i := range qs {
		switch q := &qs[i]; {
		case q.Depth == 0 && ok(q):
			kept++
		case q.Depth == 1 && q.Closed && ok(q):
			inner = true
		}
	}
	buf = slices.Grow(buf[:0], kept)
	for i := range qs {
		if qs[i].Depth == 0 && ok(&qs[i]) {
			buf = append(buf, &qs[i])
		}
	}
	sortQuotes(buf)
	if inner {
		buf = openUnclosed(buf, qs, ok, opened)
	}
	return buf
}

// openUnclosed replaces, in outer (the outermost quotations, in order),
// each unclosed quotation opened by a straight or single mark that holds
// a closed quotation of qs in other marks with the quotations of qs one
// level inside it, and returns the list in order, in outer's array when
// it has room. opened is scratch.
func openUnclosed(outer []*quote.Quote, qs []quote.Quote, ok func(*quote.Quote) bool, opened *[]bool) []*quote.Quote {
	n := len(outer)
	// holder returns the index in outer[:n] of the quotation that holds q.
	holder := func(q *quote.Quote) int {
		k, _ := slices.BinarySearchFunc(outer[:n], q.Start, func(p *quote.Quote, start int) int { return cmp.Compare(p.Start, start+1) })
		if k--; k >= 0 && outer[k].Start <= q.Start && q.End <= outer[k].End {
			return k
		}
		return -1
	}
	open := slices.Grow((*opened)[:0], n)[:n]
	clear(open)
	*opened = open
	found := false
	for i := range qs {
		if q := &qs[i]; q.Depth == 1 && q.Closed && ok(q) {
			if k := holder(q); k >= 0 && !outer[k].Closed && outer[k].Open != "“" && outer[k].Open != q.Open {
				open[k], found = true, true
			}
		}
	}
	if !found {
		return outer
	}
	for i := range qs {
		if q := &qs[i]; q.Depth == 1 && ok(q) {
			if k := holder(q); k >= 0 && open[k] {
				outer = append(outer, q)
			}
		}
	}
	kept := 0
	for k, q := range outer {
		if k >= n || !open[k] {
			outer[kept] = q
			kept++
		}
	}
	clear(outer[kept:])
	outer = outer[:kept]
	// The quotations inside come after all the others: an insertion sort
	// would move each past them.
	slices.SortStableFunc(outer, func(a, b *quote.Quote) int { return cmp.Compare(a.Start, b.Start) })
	return outer
}

// sortQuotes sorts qs by start, keeping the order of equal starts; the
// quote stage returns them in order, so one pass usually suffices.
func sortQuotes(qs []*quote.Quote) {
	for i := 1; i < len(qs); i++ {
		for j := i; j > 0 && qs[j].Start < qs[j-1].Start; j-- {
			qs[j], qs[j-1] = qs[j-1], qs[j]
		}
	}
}

// split appends the tokens of text[start:end], the sentence sent.
func (s *Stream) split(start, end int, sent int32) {
	text := s.text
	i := start
	for i < end {
		// Most bytes are ASCII: white space, a word or a mark.
		if c := text[i]; c < utf8.RuneSelf {
			switch {
			case asciiWord[c]:
				i = s.wordASCII(i, end, sent)
			case c == ' ' || c >= '\t' && c <= '\r':
				i++
			default:
				i = s.mark(rune(c), i, 1, start, end, sent)
			}
			continue
		}
		r, n := decodeRest(text, i, end)
		switch {
		case r == '\u00a0' || r == '\u2009' || r == '\u200b' || unicode.IsSpace(r):
			i += n
		case IsWordChar(r):
			i = s.word(i, n, end, sent)
		default:
			i = s.mark(r, i, n, start, end, sent)
		}
	}
}

// word appends the word that starts at i with a character of n bytes,
// with its clitic as a token of its own, and returns where it ends.
func (s *Stream) word(i, n, end int, sent int32) int {
	text := s.text
	j := i + n
	// Whether the word holds an apostrophe, which every clitic has: only
	// such a word is looked at for one.
	apos := false
	for j < end {
		// Most of a word is a run of ASCII word bytes, read in a loop of
		// its own over the sentence's bytes, which needs no bounds check.
		for in := text[:end]; j < len(in) && wordByte[in[j]]; {
			j++
		}
		if j >= end {
			break
		}
		var r2 rune
		var n2 int
		if c := text[j]; c == ' ' {
			break // the end of most words
		} else if c < utf8.RuneSelf {
			r2, n2 = rune(c), 1
		} else if r2, n2 = decodeRest(text, j, end); IsWordChar(r2) || mojibake(text[i:j], r2) {
			j += n2
			continue
		}
		// Inner apostrophe, hyphen, full stop or comma between word
		// characters: "don't", "well-known", "U.S.", "1,000", "2.5".
		if r2 == '\'' || r2 == '’' || r2 == '-' || r2 == '.' || r2 == ',' || r2 == '&' {
			if j+n2 < end {
				r3, _ := decodeIn(text, j+n2, end)
				if IsWordChar(r3) && (r2 != ',' || isDigit(r3) && isDigit(lastRune(text[i:j]))) &&
					(r2 != '.' || isDigit(r3) || unicode.IsUpper(r3) && j-i <= 2) {
					apos = apos || r2 == '\'' || r2 == '’'
					j += n2
					continue
				}
			}
		}
		break
	}
	// A full stop that ends an abbreviation or initial belongs to it.
	if j < end && text[j] == '.' {
		w := text[i:j]
		tail := w
		for k := len(w) - 1; k > 0; k-- {
			if w[k] == '-' {
				tail = w[k+1:] // "R-Ky."
				break
			}
		}
		// So does the full stop of "No. 2", where the number follows, as
		// the sentence splitter reads it.
		if j-i == 1 && w[0] >= 'A' && w[0] <= 'Z' || lexicon.Abbreviation(tail) || containsByte(w, '.') && !isDigit(rune(w[0])) ||
			lexicon.NumericAbbreviation(w) && numberAfter(text, j+1, end) {
			j++
		}
	}
	// Split a clitic off the end.
	cut := j
	if w := text[i:j]; apos && mayEndInClitic(w) {
		for _, c := range clitics {
			if len(w) > len(c) && hasSuffixFold(w, c) {
				cut = j - len(c)
				break
			}
		}
	}
	if cut < j {
		s.add(i, cut, Word, sent)
		s.add(cut, j, Word, sent)
	} else {
		s.add(i, j, Word, sent)
	}
	return j
}

// wordASCII appends the word that starts at i with an ASCII word byte,
// as word does, and returns where it ends, or past the space after it.
// Most words are a run of ASCII
// word bytes that ends at a byte that cannot join it to more (a space, a
// comma after a letter, a quote mark), or at the sentence's end: such a
// word is hashed as its bytes are read and its form looked up with the
// hash, where intern would read them again. Any other is left to word.
func (s *Stream) wordASCII(i, end int, sent int32) int {
	in := s.text[:end]
	h, caps := fold.HashStart, byte(0)
	j := i
	for ; j < len(in); j++ {
		l := wordLower[in[j]]
		if l == 0 {
			break
		}
		h = fold.HashByte(h, l)
		caps |= in[j] ^ l // not 0 for a capital
	}
	if j < len(in) && !endsWord(in, j) {
		return s.word(i, 1, end, sent)
	}
	if j == i+1 {
		s.add(i, j, Word, sent) // the form its byte had
	} else {
		w, hw := in[i:j], fold.HashEnd(h)
		id, k := s.findASCII(w, hw, caps != 0)
		if id < 0 {
			id = s.newForm(w, true, hw, caps != 0, true, k)
		}
		if len(s.Toks) == cap(s.Toks) {
			s.Toks = room.Within(s.Toks, 0, i, len(s.text), len(s.text)+1)
		}
		s.Toks = append(s.Toks, Token{Start: int32(i), End: int32(j), Sent: sent, w: uint32(id)<<idShift | uint32(Word)})
	}
	// The space that ends most words is passed here, where split would
	// read it again to pass it.
	if j < len(in) && in[j] == ' ' {
		j++
	}
	return j
}

// endsWord reports whether the byte at j, after a run of ASCII word
// bytes, ends the word whatever follows it, as word reads it: an ASCII
// byte that is not one of the marks that may join two words (see
// joinsWords), or a comma after a byte that is not a digit ("1,000" is a
// word, "said, adding" is two).
func endsWord(in string, j int) bool {
	c := in[j]
	return c < utf8.RuneSelf && !joinsWords[c] || c == ',' && !isDigit(rune(in[j-1]))
}

// joinsWords holds the ASCII marks that may join the words before and
// after them into one ("don't", "well-known", "U.S.", "1,000", "AT&T"),
// and the full stop, which may end an abbreviation.
var joinsWords = [utf8.RuneSelf]bool{'\'': true, '-': true, '.': true, ',': true, '&': true}

// mark appends the mark r of n bytes at i, in the sentence [start, end),
// and returns where it ends.
func (s *Stream) mark(r rune, i, n, start, end int, sent int32) int {
	text := s.text
	j := i + n
	kind := Punct
	switch r {
	case '"', '“', '”', '‘', '’', '\'', '«', '»', '„', '‹', '›':
		kind = Quote
		// A possessive apostrophe after a plural: "veterans' families".
		if (r == '\'' || r == '’') && len(s.Toks) > 0 && int(s.Toks[len(s.Toks)-1].End) == i && i > start &&
			(text[i-1] == 's' || text[i-1] == 'S') && (j >= end || text[j] == ' ') && !(j+1 < end && text[j] == '\'') {
			s.add(i, j, Word, sent)
			return j
		}
		// '' as one quote mark.
		if r == '\'' && j < end && text[j] == '\'' {
			j++
		}
	case '—', '–', '―':
		kind = Dash
	case '-':
		if j < end && text[j] == '-' {
			j++
			kind = Dash
		} else if i > start && j < end && (text[i-1] == ' ' && text[j] == ' ') {
			kind = Dash
		}
	case '.':
		for j < end && text[j] == '.' {
			j++
		}
	}
	s.add(i, j, kind, sent)
	return j
}

// add appends the token text[i:j].
func (s *Stream) add(i, j int, k Kind, sent int32) {
	var id int32
	// A token of one byte, a comma or a full stop most often, takes the
	// form its byte had before, which intern would find again.
	if j == i+1 {
		f := &s.byteForms[s.text[i]]
		if id = *f - 1; id < 0 {
			id = s.intern(s.text[i:j], k == Word)
			*f = id + 1
		}
	} else {
		id = s.intern(s.text[i:j], k == Word)
	}
	// Room for the rest of the text at the rate of tokens per byte so far,
	// and never past one token a byte, which a text cannot exceed. The
	// room left is checked here: room.Within, which does not inline, is
	// called only when there is none.
	if len(s.Toks) == cap(s.Toks) {
		s.Toks = room.Within(s.Toks, 0, i, len(s.text), len(s.text)+1)
	}
	s.Toks = append(s.Toks, Token{Start: int32(i), End: int32(j), Sent: sent, w: uint32(id)<<idShift | uint32(k)})
}

// clitics split off the end of a word, as the tagger expects.
var clitics = [...]string{"n't", "n’t", "'s", "’s", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m", "’m"}

// mayEndInClitic reports whether w has an apostrophe, or the last byte of
// ’, two or three bytes before its end: every clitic has ("'s", "'re",
// "n't", "’ll").
func mayEndInClitic(w string) bool {
	n := len(w)
	return n >= 3 && (w[n-3] == '\'' || w[n-3] == 0x99) || n >= 2 && (w[n-2] == '\'' || w[n-2] == 0x99)
}

// hasSuffixFold reports whether w ends in suf, ignoring the case of w's
// ASCII letters; suf is lower case.
func hasSuffixFold(w, suf string) bool {
	if len(w) < len(suf) {
		return false
	}
	t := w[len(w)-len(suf):]
	for i := 0; i < len(suf); i++ {
		a := t[i]
		if a >= 'A' && a <= 'Z' {
			a += 'a' - 'A'
		}
		if a != suf[i] {
			return false
		}
	}
	return true
}

// decodeIn decodes the rune at text[i:end], with a fast path for ASCII;
// past end it returns utf8.RuneError and 0.
func decodeIn(text string, i, end int) (rune, int) {
	if i < end {
		if c := text[i]; c < utf8.RuneSelf {
			return rune(c), 1
		}
	}
	return decodeRest(text, i, end)
}

// decodeRest is the slow path of decodeIn, kept apart so that its ASCII
// path inlines.
func decodeRest(text string, i, end int) (rune, int) {
	if i >= end {
		return utf8.RuneError, 0
	}
	return utf8.DecodeRuneInString(text[i:end])
}

// IsWordChar reports whether r belongs in a word: a letter, a digit, or
// one of $ % @ # _ ("$5", "50%", "@user", "#tag").
func IsWordChar(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return isAlnumRune(r)
}

// IsAlnum reports whether r is a letter or a digit.
func IsAlnum(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiAlnum[r]
	}
	return isAlnumRune(r)
}

// isAlnumRune is the slow path of IsAlnum and IsWordChar, kept apart so
// that their ASCII paths inline. The block of general punctuation (U+2000
// to U+206F) holds no letter and no digit, and its curly quote marks and
// apostrophe are the characters outside ASCII that news text has most:
// they are answered without the search of Unicode's tables.
func isAlnumRune(r rune) bool {
	if r >= 0x2000 && r <= 0x206f {
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// wordLower holds, of each ASCII word character, its lower case, and 0
// of every other byte: the bytes of a word's form, as fold.HashLower
// lowers them, and where the word's first run of them ends.
var wordLower = func() (b [256]byte) {
	for c := range asciiWord {
		if asciiWord[c] {
			b[c] = lowerByte(byte(c))
		}
	}
	return b
}()

// lowerByte returns c lower-cased if it is an ASCII capital.
func lowerByte(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// wordByte reports, of each byte, whether it is an ASCII word character,
// as asciiWord does; a byte of a multi-byte character is not.
var wordByte = func() (b [256]bool) {
	copy(b[:], asciiWord[:])
	return b
}()

// asciiAlnum and asciiWord are IsAlnum and IsWordChar for ASCII.
var asciiAlnum, asciiWord = func() (alnum, word [utf8.RuneSelf]bool) {
	for c := range alnum {
		alnum[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
		word[c] = alnum[c] || c == '$' || c == '%' || c == '@' || c == '#' || c == '_'
	}
	return alnum, word
}()

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func containsByte(s string, b byte) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == b {
			return true
		}
	}
	return false
}

// numberAfter reports whether a number follows position k of text, before
// end, after spaces.
func numberAfter(text string, k, end int) bool {
	for k < end && text[k] == ' ' {
		k++
	}
	return k < end && text[k] >= '0' && text[k] <= '9'
}

// mojibake reports whether rune r, after the word so far w, is the second
// half of a letter whose UTF-8 bytes were read as Latin-1: "ñ" is the
// bytes C3 B1, which read so give "Ã±" ("PeÃ±a Nieto", "FranÃ§ois"), and
// the second rune, a continuation byte's, is no letter. Such a name is one
// word.
func mojibake(w string, r rune) bool {
	if r < 0x80 || r > 0xBF {
		return false
	}
	last := lastRune(w)
	return last == 'Ã' || last == 'Â'
}
