package speaker

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/whosaid/whosaid/internal/lexicon"
	"github.com/whosaid/whosaid/internal/names"
)

// Kind tells what a speaker name names.
type Kind uint8

const (
	// Other is a description ("a senior State Department official"), an
	// organisation ("the State Department"), a group ("Republicans") or
	// anything else that is not one person's name. It is keyed as written,
	// only its case unified.
	Other Kind = iota
	// Person is a person's name: a surname, with a given name, middle names
	// or initials, titles and a suffix when written.
	Person
	// Pronoun is a bare pronoun ("he", "they", "his") or another function
	// word that stands for a speaker in its text only ("who", "some",
	// "many"): it names no one across a corpus.
	Pronoun
)

// Name is a speaker name taken apart. Its string fields are as written in
// the name (case and all).
type Name struct {
	Kind Kind
	// Title is the title or honorific before the name, as written ("Sen.",
	// "Secretary of State", "Mr."); for Person only.
	Title string
	// Given is the first name or its initial ("Donald", "J."); empty when
	// the name is a surname alone ("Mr. Trump").
	Given string
	// Middle lists the middle names and initials ("J.", "Rodham", "H.W.").
	Middle []string
	// Surname is the family name, with its particles ("de Blasio").
	Surname string
	// Suffix is a generational suffix ("Jr.", "III") or "".
	Suffix string
}

// particles are the lower-case words that begin a surname ("de Blasio",
// "van Hollen", "bin Salman").
var particles = map[string]bool{
	"al": true, "bin": true, "da": true, "das": true, "de": true, "del": true, "della": true,
	"der": true, "di": true, "dos": true, "du": true, "el": true, "ibn": true, "la": true,
	"le": true, "st.": true, "ter": true, "van": true, "von": true, "den": true,
}

// suffixes are the generational suffixes, folded and without their full
// stop.
var suffixes = map[string]bool{"jr": true, "sr": true, "ii": true, "iii": true, "iv": true}

// determiners make what follows a description ("the Clintons", "a Trump
// adviser").
var determiners = map[string]bool{"the": true, "a": true, "an": true, "this": true, "that": true, "these": true, "those": true, "some": true, "one": true}

// prepositions after which a name is the object of a description ("a
// friend of Sanders", "supporters for Trump", "firms like McKinsey"); a
// capitalised one ("Besides China", a headline's "On Trump") is no word of
// a name either.
var prepositions = map[string]bool{
	"of": true, "for": true, "to": true, "by": true, "with": true, "at": true, "from": true, "on": true, "in": true,
	"about": true, "against": true, "like": true, "including": true, "among": true, "besides": true,
}

// maxPrefix is the longest title, in words, that may stand before a name
// ("Retired U.S. Air Force Gen."); a longer run is a description that ends
// in a name.
const maxPrefix = 6

// Parse takes a speaker name apart: a person's name into title, given name,
// middle names, surname and suffix; anything else is [Other] (or [Pronoun]).
// It never fails; empty input is Other with no fields.
//
// These are not a person's name: a name that ends in an organisation's or
// a group's word or in the noun of a document ("Fox News", "Republicans",
// "Pew Research"); several people ("Obama and Biden"); a possessive; a
// description, whose words before the name hold a determiner ("the
// Clinton campaign") or a prepositional phrase ("supporters of Democrat
// Hillary Clinton", "Nobody in British Columbia"; but "Secretary of
// State John Kerry" has a title); a place without a title ("Israel",
// "British Columbia"; but "Rep. Israel", "Steve Israel"); and a phrase in
// title case, whose middle holds two words or more that are neither given
// names nor initials ("Clinton Cash Debunks Hillary").
func Parse(s string) Name {
	f := strings.Fields(s)
	if len(f) == 0 {
		return Name{}
	}
	if len(f) == 1 {
		if _, ok := names.PronounOf(f[0]); ok || names.Stop(f[0]) {
			return Name{Kind: Pronoun}
		}
	}
	// The suffix, with the comma some styles put before it.
	var n Name
	if len(f) >= 2 && suffixes[strings.TrimSuffix(strings.ToLower(f[len(f)-1]), ".")] {
		n.Suffix = f[len(f)-1]
		f = f[:len(f)-1]
		f[len(f)-1] = strings.TrimSuffix(f[len(f)-1], ",")
	}
	for _, w := range f {
		switch lw := strings.ToLower(w); {
		case lw == "and" || lw == "&" || lw == "or" || lw == "nor":
			return Name{} // several people, or a firm ("Wells Fargo & Co.")
		case strings.ContainsAny(w, ",;:()\"“”0123456789@#/"):
			return Name{} // a clause, a count, a handle
		case strings.HasSuffix(lw, "’s") || strings.HasSuffix(lw, "'s") || strings.HasSuffix(lw, "s’") || strings.HasSuffix(lw, "s'"):
			return Name{} // a possessive: "Trump’s campaign"
		}
	}
	// The name is the run of name words that ends the phrase. An
	// organisation's word, a group's, or the noun of a document or study
	// ends no person's name ("the Tax Foundation", "Republicans", "a
	// Morning Consult Poll", "Pew Research").
	last := f[len(f)-1]
	if !nameWord(last) || names.Org(last) || names.GroupPlural(last) || names.Group(last) || lexicon.Document(last) ||
		len(f) == 1 && acronym(last) {
		return Name{}
	}
	i := len(f) - 1
	for i > 0 {
		w := f[i-1]
		if particles[strings.ToLower(w)] {
			i--
			continue
		}
		if !nameWord(w) && !initial(w) || titleWord(w) || names.Group(w) || prepositions[strings.ToLower(w)] {
			break
		}
		i--
	}
	run, prefix := f[i:], f[:i]
	if _, plural := names.TitlePlural(last); len(run) == 1 && (titleWord(last) || names.Stop(last) || plural) ||
		names.Stop(last) && names.Given(run[0]) == names.Unknown {
		return Name{} // "Judge", "Tuesday", "Super Tuesday"
	}
	for _, w := range run {
		if names.Org(w) || names.GroupPlural(w) {
			return Name{} // "the Tax Foundation", "Fox News"
		}
	}
	// A capitalised word before a known given name belongs to the title
	// ("Secretary of State John Kerry", "Vermonter Bernie Sanders"), unless
	// it is a given name or an initial itself.
	if len(run) > 2 && names.Given(run[0]) == names.Unknown && !initial(run[0]) {
		for k := 1; k < len(run)-1; k++ {
			if names.Given(run[k]) != names.Unknown {
				prefix, run = f[:i+k], run[k:]
				break
			}
		}
	}
	if description(prefix) || place(prefix, run) {
		return Name{}
	}
	if len(prefix) > 0 {
		n.Title = strings.Join(prefix, " ")
	}
	n.Kind = Person
	// The surname takes the particles before it.
	s0 := len(run) - 1
	for s0 > 0 && particles[strings.ToLower(run[s0-1])] {
		s0--
	}
	n.Surname = strings.Join(run[s0:], " ")
	if s0 > 0 {
		n.Given = run[0]
		if s0 > 1 {
			n.Middle = run[1:s0]
		}
	}
	if headline(n.Middle) {
		return Name{}
	}
	return n
}

// description reports whether the words before a name make the whole a
// description of someone else than the person named: a determiner ("a
// Trump adviser", "the Clinton"), a run too long for a title, or a
// prepositional phrase ("supporters of Democrat Hillary Clinton", "Nobody
// in British Columbia", "a friend of Sanders"), a group or a quantifier
// whose object is the name. A preposition after a title's noun is part of
// the title ("Secretary of State John Kerry", "Minister for Trade Jane
// Doe").
func description(prefix []string) bool {
	if len(prefix) > maxPrefix {
		return true
	}
	for k, w := range prefix {
		lw := strings.ToLower(w)
		if determiners[lw] {
			return true
		}
		if prepositions[lw] && (k == 0 || k == len(prefix)-1 || !singularTitle(prefix[k-1])) {
			return true
		}
	}
	return false
}

// singularTitle reports whether w is a title or role noun in the singular:
// "Secretary" in "Secretary of State", not "supporters".
func singularTitle(w string) bool {
	if _, plural := names.TitlePlural(w); plural {
		return false
	}
	return titleWord(w)
}

// place reports whether a name without a title is a place ("Israel",
// "Florida"), alone or with the capitalised words before it ("British
// Columbia"): a place name alone is no surname. With a title it is one
// ("Rep. Israel"), and a given name before it makes a person's name
// ("Steve Israel").
func place(prefix, run []string) bool {
	for _, w := range prefix {
		if titleWord(w) {
			return false
		}
	}
	for j := len(prefix); j >= 0 && j >= len(prefix)-2; j-- {
		words := append(slices.Clip(prefix[j:]), run...)
		if names.Place(strings.Join(words, " ")) {
			return true
		}
	}
	return false
}

// headline reports whether the middle of a name holds two words or more
// that are neither given names, initials nor particles ("Clinton Cash
// Debunks Hillary", "New Hampshire Public Radio"): a phrase in title case,
// a headline or an organisation's name. A person's name has at most one
// such word, a second surname ("Hillary Rodham Clinton").
func headline(middle []string) bool {
	other := 0
	for _, w := range middle {
		if !initial(w) && !particles[strings.ToLower(w)] && names.Given(w) == names.Unknown && !isNickname(fold(w)) {
			other++
		}
	}
	return other >= 2
}

// titleWord reports whether w is a title or honorific ("Sen.", "Mr.",
// "President").
func titleWord(w string) bool {
	_, ok := names.Title(w)
	return ok
}

// nameWord reports whether w can be a word of a person's name: a
// capitalised word of letters, hyphens and apostrophes ("O’Malley",
// "Ki-moon", "McConnell"), or an all-capital one ("WALLACE").
func nameWord(w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	letters := 0
	for _, r := range w[size:] {
		switch {
		case unicode.IsLetter(r):
			letters++
		case r == '-' || r == '\'' || r == '’' || r == '.':
		default:
			return false
		}
	}
	return letters > 0 && !strings.Contains(w, ".")
}

// acronym reports whether w is written in capitals and short enough to be
// an organisation's initials ("CNN", "FBI") rather than a surname in a
// transcript's capitals ("WALLACE").
func acronym(w string) bool {
	return len(w) <= 4 && strings.ToUpper(w) == w
}

// initial reports whether w is an initial or a run of them ("J.", "J",
// "H.W.", "A.J.").
func initial(w string) bool {
	if w == "" {
		return false
	}
	prevLetter := false
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			if prevLetter {
				return false
			}
			prevLetter = true
		case r == '.':
			if !prevLetter {
				return false
			}
			prevLetter = false
		default:
			return false
		}
	}
	return true
}

// initials returns the initial letters of a run of middle names and
// initials, folded: "H.W." and "Herbert Walker" both give "hw".
func initials(ws []string) string {
	var b strings.Builder
	for _, w := range ws {
		if initial(w) {
			for _, r := range w {
				if r != '.' {
					b.WriteRune(unicode.ToLower(r))
				}
			}
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// fold is the form names are compared in: lower case, typographic
// apostrophes straight, full stops dropped.
func fold(s string) string {
	s = strings.ToLower(s)
	s = strings.ReplaceAll(s, "’", "'")
	return strings.ReplaceAll(s, ".", "")
}

// gender is the gender the name's title implies ("Mr.", "Mrs."), else the
// gender of its given name, else Unknown.
func (n Name) gender() names.Gender {
	if n.Title != "" {
		f := strings.Fields(n.Title)
		if g, ok := names.Title(f[len(f)-1]); ok && g != names.Unknown {
			return g
		}
	}
	if n.Given != "" && !initial(n.Given) {
		return names.Given(n.Given)
	}
	return names.Unknown
}

// compatible reports whether two person names can stand for one person:
// the same surname; given names equal, or one an initial of the other, or
// one absent; middle initials that agree, one run the start of the other
// ("George W. Bush" and "George H.W. Bush" do not); suffixes equal or one
// absent; genders that do not conflict.
func compatible(a, b Name) bool {
	if a.Kind != Person || b.Kind != Person || fold(a.Surname) != fold(b.Surname) {
		return false
	}
	if ga, gb := a.gender(), b.gender(); ga != names.Unknown && gb != names.Unknown && ga != gb {
		return false
	}
	if a.Given != "" && b.Given != "" && !sameGiven(a.Given, b.Given) {
		return false
	}
	if ma, mb := initials(a.Middle), initials(b.Middle); !strings.HasPrefix(ma, mb) && !strings.HasPrefix(mb, ma) {
		return false
	}
	if a.Suffix != "" && b.Suffix != "" && fold(a.Suffix) != fold(b.Suffix) {
		return false
	}
	return true
}

// sameGiven reports whether two given names can be one: equal, one the
// short form of the other ("Joe" and "Joseph", lexicon/nicknames.txt), or
// one an initial of the other ("J." and "John").
func sameGiven(a, b string) bool {
	if initial(a) || initial(b) {
		ia, ib := initials([]string{a}), initials([]string{b})
		return strings.HasPrefix(ia, ib) || strings.HasPrefix(ib, ia)
	}
	return sameName(fold(a), fold(b))
}

// Match reports whether a claimed speaker and a source's speaker can be the
// same: for two persons' names, the same surname with given names, middle
// initials, suffixes and the gender of their titles in agreement ("Obama"
// matches "Barack Obama" and "President Obama"; "Bill Clinton" does not
// match "Hillary Clinton"); for descriptions and organisations, the same
// words once case and a leading article are set aside, or the claimed
// words all in the source's ("State Department official" matches "a senior
// State Department official").
func Match(claimed, source string) bool {
	a, b := Parse(claimed), Parse(source)
	if a.Kind == Person && b.Kind == Person {
		return compatible(a, b)
	}
	if a.Kind == Pronoun || b.Kind == Pronoun {
		return false
	}
	ca, cb := contentWords(claimed), contentWords(source)
	if len(ca) == 0 || len(cb) == 0 {
		return false
	}
	have := map[string]bool{}
	for _, w := range cb {
		have[w] = true
	}
	for _, w := range ca {
		if !have[w] {
			return false
		}
	}
	return true
}

// contentWords returns the folded words of s without its articles.
func contentWords(s string) []string {
	var out []string
	for _, w := range strings.Fields(s) {
		w = strings.Trim(fold(w), `,;:"“”'`)
		if w != "" && w != "the" && w != "a" && w != "an" {
			out = append(out, w)
		}
	}
	return out
}
