// Package attribution links each quotation, and each reported (indirect)
// speech clause, to its speaker: the mention as written, the entity it
// stands for, the cue, the addressee, a confidence and the rule that decided.
//
// Every span carries UTF-8 byte offsets into the caller's text:
// text[s.Start:s.End] == s.Text. Empty input returns no attributions.
//
// # Getting started
//
//	sents := sentence.Split(text)
//	for _, a := range attribution.Resolve(text, sents, quote.Detect(text, sents)) {
//		fmt.Println(a.Speaker.Text, a.Cue.Text, a.Type, a.Text)
//	}
//
// A [Resolver] built with [New] takes options ([WithNested],
// [WithQuoteRuns], [WithModel]); [Resolve] uses a shared default one.
//
// # How it works
//
// tokens → cues → frames → selection → coreference:
//
//  1. Tokens. The text is split once into a token stream (internal/token):
//     words and marks with their offsets, sentence, paragraph, lower-case
//     form, lexicon kind and whether a quotation holds them. Every later
//     step reads it; a sentence with a cue word is read through a window
//     that adds prose's part-of-speech tags (only such sentences are
//     tagged).
//  2. Cues. Cue finding proposes cue candidates: the
//     verbs of saying, writing, stance and evidence of internal/lexicon in
//     every inflection with their auxiliaries ("has also said"), phrasal
//     verbs ("call for"), "according to", a noun of statement with its
//     possessor ("the mayor's claim that"), a colon after a name, "In a
//     poll"; and, for the model to weigh, any other verb of the sentence.
//  3. Frames. Each rule of the registry (the rules variable, in order) is one function that
//     reads a frame around a candidate: speaker, content fragments, cue,
//     addressee and the rule's name. The grammar they share (the noun
//     phrase left and right of a position, the appositive, where a clause
//     starts and ends, adverbials) takes explicit arguments and returns
//     token ranges. The public rule names are the Rule constants:
//     [RuleQuoteSpeakerCue] “...,” the official said; [RuleQuoteCueSpeaker]
//     “...,” said the official; [RuleSpeakerCueQuote] The official said,
//     “...”; [RuleSpeakerCueColon] said: “...”; [RuleSpeakerCueClause] The
//     official said (that) CLAUSE; [RuleClauseSpeakerCue] CLAUSE, the
//     official said; [RuleClauseCueSpeaker] CLAUSE, said the official;
//     [RuleAccordingTo]; [RuleSplit] “...,” she said, “...”;
//     [RuleAppositive] Hugh Hill, a doctor, said CLAUSE; [RulePassive] The
//     bill is expected to pass; [RuleSeem] The plan seems to work.
//  4. Selection. One place (selectFrame) chooses among a
//     candidate's frames, or none: the trained [Model] (a linear model over
//     sparse features, embedded, trained on PolNeAR's train split) weighs
//     them; without a model the first frame of the first rule is taken.
//     Quotations no cue claimed are then read on their own:
//     [RuleDashSpeaker] “...” — Jane Doe; [RuleSpeakerVerbQuote] a verb
//     the lexicon does not know before the quotation; [RuleContinuation]
//     the previous speaker's turn going on; [RuleQuote] no speaker. A short
//     phrase in quotation marks that no cue claims and that does not end
//     as an utterance (“fake news”) is a name or a scare quote, not speech.
//  5. Coreference. The speaker mentions are grouped into entities with a
//     canonical name, pronouns resolved to the entity they stand for, from
//     the same token stream.
//
// A content with quotation marks inside is [Mixed] and lists the quoted
// words in Quoted; a content that is all quotation is [Direct]. Pronoun
// speakers are kept as written ("he"); the Entity of every attribution
// names who they stand for. With a model, Confidence is the probability
// that the attribution is right (its content one a person would annotate,
// its speaker the one they would name), fitted to predictions on texts the
// model was not trained on; without one, a fixed figure per rule.
//
// # Cost
//
// One pass over the text; a sentence is read up to its first 400 tokens,
// and every look-around is bounded, so the cost is linear in the text.
package attribution
