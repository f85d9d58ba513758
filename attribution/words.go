package attribution

// The closed classes of words the grammar of the rules reads. Open classes
// (verbs and nouns of saying, phrases, abbreviations, pronouns) live in
// internal/lexicon.

import (
	"github.com/whosaid/whosaid/internal/fold"
	"github.com/whosaid/whosaid/internal/lexicon"
)

// auxWords are the auxiliaries, negation and adverbs that join a cue
// verb's group ("has said", "did not deny", "also noted").
var auxWords = set(
	"has", "have", "had", "is", "are", "was", "were", "be", "been", "being", "will", "would", "could", "can",
	"may", "might", "should", "must", "did", "does", "do", "'ve", "'d", "'ll", "'re", "n't", "not", "never",
	"also", "later", "previously", "repeatedly", "once", "often", "already", "still", "publicly", "privately",
	"recently", "reportedly", "just", "even", "again", "further", "long", "frequently", "since",
)

// beForms are the forms of "be" that make a verb group passive.
var beForms = set("is", "are", "was", "were", "be", "been", "being", "'re", "’re")

// raisingVerbs, with "to", join the cue verb after them ("appeared to
// suggest", "went on to say").
var raisingVerbs = set(
	"appear", "appears", "appeared", "seem", "seems", "seemed", "went", "goes", "go", "going",
	"decline", "declined", "declines", "refuse", "refused", "refuses", "continue", "continued", "continues",
	"try", "tried", "tries", "seek", "sought", "seeks", "begin", "began", "begins", "start", "started", "starts",
)

// contentPrepositions may open reported content ("warned of", "asked
// whether", "complained about").
var contentPrepositions = set("that", "whether", "if", "about", "of", "for", "on", "against", "as", "to", "because", "than")

// cuePrepositions join the cue verb before its content ("complained
// about", "called for", "warned of"); the complementizers "that",
// "whether" and "if" open the content instead.
var cuePrepositions = set("about", "of", "for", "on", "against", "over")

// objectBreaks end the object of a verb like "support" ("support Trump if
// he wins").
var objectBreaks = set("if", "because", "while", "when", "as", "after", "before", "since", "although", "though", "unless", "despite", "but")

// npConnectors may join the words of one noun phrase ("a spokesman for
// the Justice Department", "Trump and Pence").
var npConnectors = set("of", "for", "at", "from", "and", "&", "'s", "in")

// coordinators join two noun phrases into one.
var coordinators = set("and", "or", "nor", "&")

// focusAdverbs may stand between a conjunction and the phrase it joins:
// "and even some technologists".
var focusAdverbs = set("even", "also", "especially", "particularly")

// correlatives open a pair of coordinated phrases: "neither ... nor",
// "both ... and", "either ... or".
var correlatives = set("neither", "both", "either")

// npPrepositions open a phrase inside a noun phrase that ends with it:
// "protest leaders in Cleveland", "voters across the state", "the
// statement by the two leaders".
var npPrepositions = set("in", "by", "on", "with", "within", "across", "inside", "among", "near", "outside", "around", "throughout")

// toRelations are the nouns and adjectives that take "to" inside a noun
// phrase: "an adviser to the president", "a person close to the talks".
var toRelations = set(
	"adviser", "advisers", "advisor", "advisors", "aide", "aides", "ambassador", "assistant", "counselor", "envoy",
	"spokesman", "spokeswoman", "spokesperson", "successor", "heir", "close", "closest", "nominee", "candidate",
)

// comparatives, before "than", open a quantity: "more than half".
var comparatives = set("more", "less", "fewer", "greater")

// quantityAdverbs open a quantity: "almost half", "only 24 percent".
var quantityAdverbs = set("almost", "about", "nearly", "roughly", "only", "just", "approximately", "some", "over", "under")

// gerundPrepositions take a gerund whose subject is the clause's ("by
// promising", "without saying").
var gerundPrepositions = set("by", "after", "before", "without", "while", "in", "since")

// editorLabels are set by an editor before a colon ("Correction:",
// "Photo:").
var editorLabels = set(
	"correction", "corrections", "clarification", "source", "sources", "update", "updated", "note", "related",
	"photo", "photos", "video", "watch", "latest", "credit", "disclosure", "editor",
)

// particles follow a verb as part of it: "pointed out", "fired back".
var particles = set("out", "back", "down", "off", "up")

// quantifiers stand as a whole subject ("Many said", "Most believe").
var quantifiers = set("several", "many", "most", "some", "others", "few", "both", "all", "half", "another", "each", "neither", "none")

// adverbialWords are the time and manner words that may follow a cue
// before the sentence ends ("said Tuesday", "said in an interview").
var adverbialWords = set(
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"today", "yesterday", "tonight", "later", "earlier", "recently", "last",
	"week", "weekend", "month", "year", "night", "morning", "afternoon", "evening",
	"in", "on", "at", "during", "after", "before", "to", "with", "via",
	"a", "an", "the", "this", "his", "her", "their", "its",
	"interview", "statement", "speech", "email", "e-mail", "phone", "telephone", "reporters", "conference",
	"news", "press", "twitter", "facebook", "tweet", "post", "release", "rally", "briefing",
	"then", "also", "again", "flatly", "simply", "bluntly",
)

// meansNouns name a means of saying, after "by" ("said by telephone").
var meansNouns = set("phone", "telephone", "email", "e-mail", "text", "video", "videolink", "satellite", "letter", "fax", "mail", "radio", "cable")

// timeNouns name a time: "on Tuesday", "last week".
var timeNouns = set(
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"today", "yesterday", "tonight", "week", "weekend", "month", "year", "night", "morning", "afternoon", "evening",
)

// periodNouns name a stretch of time, which a phrase between a subject
// and its verb may end on: "in recent months", "in the past", "at the
// time".
var periodNouns = set("weeks", "months", "years", "days", "decade", "decades", "past", "time")

// frequencyAdverbs say how often: "mentioned him twice".
var frequencyAdverbs = set("twice", "once", "again", "repeatedly", "often", "frequently", "yesterday", "today", "tonight")

// timePrepositions open a time phrase: "on Tuesday", "last week".
var timePrepositions = set("on", "in", "at", "during", "last", "this", "early", "late", "earlier", "later")

// determiners are the determiners and possessives that adverbialWords
// holds, for the time and manner phrases they open ("this week", "in an
// interview").
var determiners = set("a", "an", "the", "this", "his", "her", "their", "its")

// placeAdverbs, after a noun, modify it: "officials there", "voters here".
var placeAdverbs = set("there", "here", "abroad", "nationwide", "locally", "overseas", "elsewhere", "alike")

// headlineFunctions are the prepositions and conjunctions of a title-case
// headline: "Stealth Over Health".
var headlineFunctions = set("over", "for", "in", "on", "at", "with", "to", "and", "or", "but", "from", "by", "about", "as", "vs", "vs.", "after", "before", "into", "under", "against", "without", "amid")

// statementNouns name what someone says: "added a note of caution".
var statementNouns = set(
	"note", "caveat", "warning", "comment", "comments", "remark", "remarks", "voice", "line", "lines",
	"thought", "thoughts", "point", "points", "detail", "details", "plea", "statement", "criticism", "praise", "question", "questions",
)

// modals are the modal verbs, their clitics among them.
var modals = set("would", "will", "could", "can", "may", "might", "should", "must", "shall", "'ll", "'d")

// haveForms are the auxiliaries of the perfect.
var haveForms = set("has", "have", "had", "'ve", "’ve", "'d", "’d", "having")

// clauseBreaks, after a comma, open a clause outside the reported one.
var clauseBreaks = set("which", "while", "but", "although", "though", "whereas", "however")

// prepositionalVBG are participles that work as prepositions ("...,
// including X") and so do not end a clause.
var prepositionalVBG = set("including", "excluding", "following", "regarding", "concerning", "considering", "during")

// subordinators open an adverbial clause that may stand before the main
// clause: "After Trump said ..., his critics ...".
var subordinators = set("after", "when", "if", "as", "because", "although", "though", "while", "since", "before", "until", "once", "whenever", "unless")

// timeClauses open a clause of time or manner after an attribution, which
// is the narration's: "said Ann Lee when asked about it".
var timeClauses = set("when", "whenever", "after", "before", "while", "once", "during", "amid")

// clauseOpeners open a clause before its subject.
var clauseOpeners = set(
	"that", "because", "while", "although", "though", "but", "when", "if", "since", "so", "whereas",
	"after", "before", "until", "unless", "whether", "where", "why", "once",
)

// surveyNouns name a poll whose findings a clause reports: "In a CNN
// poll, CLAUSE".
var surveyNouns = set("poll", "polls", "survey", "surveys")

// reflexives are the reflexive pronouns of internal/lexicon's list, with
// "oneself" ("find oneself").
var reflexives = pronounSet(func(p lexicon.Pronoun) bool { return p.Case&lexicon.Reflexive != 0 }, "oneself")

// questionWords open the content of a question: "asked whether ...".
var questionWords = set("whether", "if", "what", "who", "whom", "whose", "which", "why", "how", "when", "where", "about", "to")

// wordNouns name the words of a quotation that follows them: the phrase
// “...”, the slogan “...”.
var wordNouns = set("phrase", "term", "word", "words", "slogan", "label", "message", "motto", "chant", "chants", "catchphrase", "refrain")

// isRelative reports whether the lower-case word w is a relative pronoun
// that opens a relative clause: "who", "whose" or "which".
func isRelative(w string) bool { return w == "who" || w == "whose" || w == "which" }

// pronounSet is the set of the personal pronouns for which keep is true,
// with the words of extra.
func pronounSet(keep func(lexicon.Pronoun) bool, extra ...string) *wordSet {
	s := set(extra...)
	for w := range lexicon.PronounSet(keep) {
		s.add(w)
	}
	return s
}

// wordSet is a set of lower-case words. The rules ask it of nearly every
// token they read, and most are not in it: a look-up first tests a bit
// that the word's length and first and last bytes choose, set for the
// members, which turns away most words without hashing them.
type wordSet struct {
	m    map[string]bool
	bits fold.Bits
}

// set returns the set of ws.
func set(ws ...string) *wordSet {
	s := &wordSet{m: make(map[string]bool, len(ws))}
	for _, w := range ws {
		s.add(w)
	}
	return s
}

// add adds w, which is not empty, to s.
func (s *wordSet) add(w string) {
	s.m[w] = true
	s.bits.Add(w)
}

// has reports whether w is in s.
func (s *wordSet) has(w string) bool {
	return s.bits.MayHoldLower(w) && s.m[w]
}

// hasFold reports whether w, with its ASCII letters lower-cased, is in s,
// as fold.In(s.m, w) does; the bit of the lower-cased word turns most
// words away before it is folded and hashed.
func (s *wordSet) hasFold(w string) bool {
	return s.bits.MayHold(w) && fold.In(s.m, w)
}
